"""A range (2~3个, 0.6-1万人/平方公里, 30%—40%) is one target, its start kept in ``low``; a
density keeps its per-area unit, said after the unit or before the number; and a ratio of
two quantities is a target without a unit: the sentences of the urban-rural
carbon-peaking plans (examples/lineage/corpus, evaluation/test/corpus)."""

from __future__ import annotations

import pytest

from policydiff.strength import find_targets
from policydiff.strength.targets import measures_its_own_clause


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # Jilin's green freight: two to three cities by 2025, not three
        (
            "到2025年，完成创建2~3个城市绿色货运配送示范工程",
            "zh",
            [("2~3个城市", 2.0, 3.0, "个城市", 2025, False)],
        ),
        # Jilin's parks, hedged
        (
            "到2025年，全省力争再增加3~4个省级低碳产业园区试点",
            "zh",
            [("3~4个", 3.0, 4.0, "个", 2025, True)],
        ),
        # Tianjin's full-width dash, Sichuan's hyphen
        ("到2030年培育1－2个智能建造产业基地", "zh", [("1－2个", 1.0, 2.0, "个", 2030, False)]),
        ("到2030年培育1-3家智能建造产业基地", "zh", [("1-3家", 1.0, 3.0, "家", 2030, False)]),
        # the ministry's county density: the multiplier is the start's too
        (
            "县城建成区人口密度控制在0.6—1万人/平方公里",
            "zh",
            [("控制在0.6—1万人/平方公里", 6000.0, 10000.0, "人/平方公里", None, False)],
        ),
        # Hubei's, per area said before the number
        (
            "县城建成区人口密度控制在每平方公里0.6至1万人",
            "zh",
            [("控制在每平方公里0.6至1万人", 6000.0, 10000.0, "人/平方公里", None, False)],
        ),
        # Jiangxi's, the start with a multiplier of its own
        (
            "县城建成区人口密度控制在每平方公里0.6万至1万人",
            "zh",
            [("控制在每平方公里0.6万至1万人", 6000.0, 10000.0, "人/平方公里", None, False)],
        ),
        # per area before the comparator
        (
            "每平方公里不超过1万人",
            "zh",
            [("不超过1万人", None, 10000.0, "人/平方公里", None, False)],
        ),
        # thousands separators in both ends
        ("到2025年建成1,000-2,000个", "zh", [("1,000-2,000个", 1000.0, 2000.0, "个", 2025, False)]),
        # a share's range, both ends with %
        ("力争达到30%—40%", "zh", [("达到30%—40%", 30.0, 40.0, "%", None, True)]),
        ("reach 30%-40% by 2025", "en", [("reach 30%-40%", 30.0, 40.0, "%", 2025, False)]),
        # one number: no start
        (
            "组团内平均人口密度原则上不超过1万人∕平方公里",
            "zh",
            [("不超过1万人∕平方公里", None, 10000.0, "人/平方公里", None, False)],
        ),
        (
            "主城区道路网密度应大于8公里/平方公里",
            "zh",
            [("8公里/平方公里", None, 8.0, "公里/平方公里", None, False)],
        ),
        # the ministry's floor-area ratio for county towns, and Fujian's wording of it
        (
            "建筑总面积与建设用地比值控制在0.6—0.8",
            "zh",
            [("控制在0.6—0.8", 0.6, 0.8, "ratio", None, False)],
        ),
        (
            "建筑总面积与建设用地面积的比值应控制在0.6-0.8",
            "zh",
            [("控制在0.6-0.8", 0.6, 0.8, "ratio", None, False)],
        ),
        ("容积率不超过2.5", "zh", [("不超过2.5", None, 2.5, "ratio", None, False)]),
        ("容积率不得超过2.5", "zh", [("不得超过2.5", None, 2.5, "ratio", None, False)]),
        ("容积率控制在2.5以下", "zh", [("控制在2.5以下", None, 2.5, "ratio", None, False)]),
        # a ratio that picks a class names which buildings, it sets no level
        ("鼓励容积率不高于2的学校、医院等公共建筑采用地源热泵", "zh", []),
        # where a level starts and where it is to go are no range (由…至…), nor is a start
        # above its end
        ("由10%至15%", "zh", [("15%", None, 15.0, "%", None, False)]),
        ("控制在80%-60%", "zh", [("控制在80%-60%", None, 60.0, "%", None, False)]),
        # a span of years, and a rise from one value to another, are no range
        (
            "2021-2025年新建建筑全面执行绿色建筑标准",
            "zh",
            [("全面执行", None, 100.0, "%", 2025, False)],
        ),
        (
            "由10%提高到15%",
            "zh",
            [("10%", None, 10.0, "%", None, False), ("提高到15%", None, 15.0, "%", None, False)],
        ),
    ],
)
def test_ranges_and_densities(
    sentence: str,
    lang: str,
    expected: list[tuple[str, float | None, float, str, int | None, bool]],
) -> None:
    found = [
        (t.text, t.low, t.value, t.unit, t.year, t.hedged) for t in find_targets(sentence, lang)
    ]
    assert found == expected


def test_a_density_is_no_count_of_people() -> None:
    # 人 alone is a count, a target only with a comparator or a deadline; per area it is a
    # level the clause sets, with or without one
    (density,) = find_targets("人口密度每平方公里0.6至1万人", "zh")
    assert density.unit == "人/平方公里"
    assert measures_its_own_clause(density)
    assert find_targets("服务1万人", "zh") == ()
