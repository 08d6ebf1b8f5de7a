"""Quantified targets with deadlines, on real sentences of the 2021 and 2023 Opinions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydiff.strength import Target, find_targets
from tests.conftest import SEED_2023_EN

SEED_2023 = SEED_2023_EN
# item (8) of the 2023 Beautiful China Opinions (English), copied verbatim from the seed
WASTE_FREE = (
    'By 2027, the proportion of "waste free cities" construction will reach 60%, and the '
    "intensity of solid waste generation will significantly decrease; By 2035, the construction "
    'of "waste free cities" will achieve full coverage, and eastern provinces will take the lead '
    'in building "waste free cities" across the entire region, effectively controlling the '
    "environmental risks of new pollutants."
)
WASTE_FREE_ZH = (
    "到2027年，“无废城市”建设比例达到60%，固体废物产生强度明显下降；"
    "到2035年，“无废城市”建设实现全覆盖，东部省份率先全域建成“无废城市”。"
)


def _check_waste_free(targets: tuple[Target, ...]) -> None:
    assert targets[0].value == 60.0 and targets[0].unit == "%" and targets[0].year == 2027
    full = [t for t in targets if t.year == 2035]
    assert full and full[0].value == 100.0 and full[0].unit == "%"
    assert "full coverage" in full[0].text or "全覆盖" in full[0].text


def test_waste_free_cities_targets_en() -> None:
    targets = find_targets(WASTE_FREE, "en")
    _check_waste_free(targets)
    assert targets[0].text == "reach 60%"


def test_waste_free_cities_targets_zh() -> None:
    targets = find_targets(WASTE_FREE_ZH, "zh")
    _check_waste_free(targets)
    assert targets[0].text == "达到60%"


def test_waste_free_sentence_is_in_the_seed() -> None:
    text = SEED_2023.read_text(encoding="utf-8")
    start = text.index('By 2027, the proportion of "waste free cities"')
    end = text.index("new pollutants.", start) + len("new pollutants.")
    assert text[start:end] == WASTE_FREE
    _check_waste_free(find_targets(text[start:end], "en"))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "By 2035, the natural coastline retention rate on the mainland will not be less "
            "than 35%",
            "en",
            [(35.0, "%", 2035)],
        ),
        (
            "maintain the national ecological protection red line area at over 3.15 million "
            "square kilometers",
            "en",
            [(3_150_000.0, "square kilometers", None)],
        ),
        (
            "By 2027, the proportion of new energy vehicles in the newly added vehicles is "
            "expected to reach 45%, old diesel locomotives will be basically phased out; By 2035, "
            "the proportion of railway freight turnover to total turnover will reach about 25%.",
            "en",
            [(45.0, "%", 2027), (25.0, "%", 2035)],
        ),
        ("reach 60 percent of cities by 2030", "en", [(60.0, "%", 2030)]),
        ("cover all cities at the prefecture level by 2035", "en", [(100.0, "%", 2035)]),
        ("到2035年，大陆自然岸线保有率不低于35%", "zh", [(35.0, "%", 2035)]),
        ("到2025年，新增绿色建筑面积60万平方米以上", "zh", [(600_000.0, "平方米", 2025)]),
        ("坚守18亿亩耕地红线", "zh", [(1.8e9, "亩", None)]),
        # Xinjiang's plan: a per-capita area keeps its "per person"
        (
            "到2025年，城市建成区绿地率达到40%，城市人均公园绿地面积达15平方米/人",
            "zh",
            [(40.0, "%", 2025), (15.0, "平方米/人", 2025)],
        ),
        ("推进城镇污水管网全覆盖", "zh", [(100.0, "%", None)]),
        ("到2025年，城乡建设绿色发展体制机制和政策体系基本建立", "zh", []),
        ("Deepening the 14th Five Year Plan in 2025", "en", []),
    ],
)
def test_targets_table(text: str, lang: str, expected: list[tuple[float, str, int | None]]) -> None:
    found = [(t.value, t.unit, t.year) for t in find_targets(text, lang)]
    assert found == expected


def test_year_does_not_cross_sentences() -> None:
    text = "到2025年，基本建立体系。城镇污水管网全覆盖。"
    assert find_targets(text, "zh")[0].year is None


@given(st.text(max_size=80), st.sampled_from(["en", "zh"]))
def test_find_targets_never_raises(text: str, lang: str) -> None:
    for target in find_targets(text, lang):
        assert target.text and target.text in text
        assert target.value is None or target.value >= 0
