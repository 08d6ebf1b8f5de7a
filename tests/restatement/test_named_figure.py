"""The child's figure for a parent's target is one that names what the parent's measures,
and a figure that stands outside the sentence quoted as the restatement says where it
stands: Henan's plan against the ministry's (examples/lineage/corpus)."""

from __future__ import annotations

from policydiff.render.restatement_json import restatement_dict
from tests.restatement.plans import EXAMPLE, MINISTRY, compared, restated

HENAN = "henan-chengxiangjianshe-tandafeng"


def test_a_share_named_as_the_parents_is_its_figure_not_a_share_of_another_thing() -> None:
    # Henan's goals set 装配式建筑占比力争达到40% for 2025, the parent's year; its own clause
    # keeps the star-rated share at 30% but for 2030: a later deadline, not a higher value
    found = restated(EXAMPLE, MINISTRY, HENAN, "星级绿色建筑占比达到30%以上")
    assert found.child is not None and found.child.text == "2030年星级绿色建筑占比达到30%以上"
    [change] = found.targets
    assert change.child is not None and change.child.year == 2030
    assert found.verdict.value == "weakened"
    assert found.reasons == ("target 达到30%以上 → 达到30%以上: a later deadline (2025 → 2030)",)


def test_a_figure_elided_of_its_name_still_restates_the_parents() -> None:
    # …漏损率控制在9%以内，2030年控制在8%以内: the 2030 figure borrows the name before it
    found = restated(
        EXAMPLE,
        MINISTRY,
        "yunnan-chengxiangjianshe-tandafeng",
        "力争到2030年城市公共供水管网漏损率控制在8%以内",
    )
    assert found.verdict.value == "strengthened"
    assert found.reasons[0].startswith("target 控制在8%以内 kept (2030), with an earlier milestone")


def test_a_figure_outside_the_quoted_sentence_is_quoted_where_it_stands() -> None:
    found = restated(EXAMPLE, MINISTRY, HENAN, "到2030年建筑垃圾资源化利用率达到55%")
    assert found.child is not None and "80%以上" not in found.child.sentence
    assert found.reasons == (
        "target 达到55% → 达到80%以上: a higher value, set in the child's II.2.3: "
        "到2030年建筑垃圾综合利用率达到80%以上",
    )


def test_the_json_quotes_the_whole_sentence_and_place_of_a_figure_set_elsewhere() -> None:
    # "II.2.3: <clause>" names the place; the evidence is the sentence, with its path
    comparison = restatement_dict(compared(EXAMPLE, MINISTRY, HENAN))
    [entry] = [
        c
        for c in comparison["commitments"]
        if c["parent"]["clause"] == "到2030年建筑垃圾资源化利用率达到55%"
    ]
    [change] = entry["target_changes"]
    evidence = change["child_place_evidence"]
    assert change["child_place"] == "II.2.3: 到2030年建筑垃圾综合利用率达到80%以上"
    assert evidence["location"].split(" > ")[-1].startswith("II.2.3 ")
    assert "到2030年建筑垃圾综合利用率达到80%以上" in evidence["sentence"]
    assert evidence["sentence"] != entry["child"]["sentence"]
    # a figure of the restating sentence itself needs no such evidence
    kept = [
        t for c in comparison["commitments"] for t in c["target_changes"] if not t["child_place"]
    ]
    assert kept and all(t["child_place_evidence"] is None for t in kept)


def test_a_target_of_another_clause_of_the_parents_sentence_is_quoted_with_its_clause() -> None:
    # a target of the sentence measures its lead commitment: the reason says which clause
    # sets it, so that "target 全面建成 dropped" is not read as the clause's own
    found = restated(
        EXAMPLE,
        MINISTRY,
        "shanghai-chengxiangjianshe-tandafeng",
        "力争到2060年前，城乡建设方式全面实现绿色低碳转型",
    )
    assert found.reasons == ("target 全面建成 (of 美好人居环境全面建成) dropped",)
    [change] = found.targets
    assert change.parent_clause == "美好人居环境全面建成" and change.child_place == ""
