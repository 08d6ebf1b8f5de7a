"""Readings of what a commitment reaches, beyond its cue: a grade of performance (零碳社区 above
低碳社区), cities named one by one (西宁市和海东市) and a class of places added to a programme
(支持有条件的地区开展…示范基地建设) (evaluation/test/corpus and the example lineage, each as its
readers judged it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.restatement.plans import EXAMPLE, HELD, MINISTRY, restated
from tests.restatement.test_verdict import _compare, _verdict

CONSUMPTION = "2022-lvse-xiaofei"


@pytest.mark.parametrize(
    ("corpus", "parent", "child", "clause", "verdict", "reason"),
    [
        # the same cue, the community at a lower grade
        (EXAMPLE, MINISTRY, "henan", "探索零碳社区建设", "weakened", "零碳社区 → 低碳社区"),
        # ... the building at a higher one than the parent's highest for buildings
        (
            HELD,
            MINISTRY,
            "ningxia",
            "鼓励建设零碳建筑和近零能耗建筑",
            "strengthened",
            "近零能耗建筑 → 零能耗建筑",
        ),
        # a province's target for two of its cities only
        (
            HELD,
            MINISTRY,
            "qinghai",
            "到2030年城市生活垃圾资源化利用率达到65%",
            "weakened",
            "narrower scope: limited by 西宁市和海东市",
        ),
        (
            HELD,
            MINISTRY,
            "qinghai",
            "2030年前严寒、寒冷地区新建居住建筑本体达到83%节能要求",
            "weakened",
            "narrower scope: limited by 西宁市、海东市",
        ),
        # a programme the parent supports, the child for places that meet conditions only
        # a word of limited scope quoted with the object around it: the reader sees that
        # Yunnan's rural sewage is reused outside sensitive areas, not in them
        (
            EXAMPLE,
            MINISTRY,
            "yunnan",
            "推动农村生活污水就近就地资源化利用",
            "weakened",
            "narrower scope: limited by 敏感区 (非生态环境敏感区农村生⋯)",
        ),
        (
            HELD,
            CONSUMPTION,
            "yunnan",
            "支持开展废旧纺织品服装综合利用示范基地建设",
            "weakened",
            "limited to places (有条件)",
        ),
    ],
)
def test_the_reach_of_a_restatement_is_read(
    corpus: Path, parent: str, child: str, clause: str, verdict: str, reason: str
) -> None:
    lineage = "lvse-xiaofei" if parent == CONSUMPTION else "chengxiangjianshe-tandafeng"
    found = restated(corpus, parent, f"{child}-{lineage}", clause)
    assert found.verdict.value == verdict
    assert any(reason in said for said in found.reasons)


@pytest.mark.parametrize(
    ("parent", "child", "verdict"),
    [
        ("探索零碳社区建设", "探索近零碳社区建设", "weakened"),
        ("推进近零能耗建筑建设", "推进零能耗建筑建设", "strengthened"),
        # 绿色低碳 names the field, not a grade; nor do grades of two things compare
        ("推进零碳社区建设", "推进绿色低碳社区建设", "restated"),
        (
            "推进零碳社区建设，推进近零能耗建筑建设",
            "推进零碳社区建设，推进超低能耗建筑建设",
            "weakened",
        ),
    ],
)
def test_a_grade_of_performance_orders_equal_cues(parent: str, child: str, verdict: str) -> None:
    clause = parent.split("，")[-1]
    assert _verdict(_compare(parent, child), clause) == verdict


@pytest.mark.parametrize(
    ("child", "verdict"),
    [
        ("到2030年西宁市和海东市生活垃圾资源化利用率达到65%", "weakened"),
        # a list closed by 等 gives examples, not the only places
        ("到2030年西宁市、海东市等城市生活垃圾资源化利用率达到65%", "restated"),
        # 城市 and 设区市 name a class of places, not one city
        ("到2030年设区市和县级市生活垃圾资源化利用率达到65%", "restated"),
        # ... nor 设区的市 (cities with districts), a class however it is spelt
        ("到2030年设区的市和西宁市生活垃圾资源化利用率达到65%", "restated"),
    ],
)
def test_cities_named_one_by_one_limit_the_commitment(child: str, verdict: str) -> None:
    parent = "到2030年城市生活垃圾资源化利用率达到65%"
    assert _verdict(_compare(parent, child), parent) == verdict
