"""Three readings of what a clause is about: counts of things in any classifier (培育1-3家…
基地 counts what 培育100个…基地 does), a child clause in the parent's very words restating it
whatever unit its number is written in (下降5% for 下降5个百分点), and the verb opening a clause
whose cue follows its object (推动低碳建筑规模化发展 is about 低碳建筑, not 推动低碳建筑); each pair
as its readers judged it (evaluation/test/corpus and the example lineage)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff.restatement.objects import content
from tests.restatement.plans import EXAMPLE, HELD, MINISTRY, compared, restated


@pytest.mark.parametrize(
    ("corpus", "child", "clause", "verdict", "restating"),
    [
        (HELD, "sichuan", "到2030年培育100个智能建造产业基地", "restated", "培育1-3家"),
        (
            HELD,
            "qinghai",
            "到2030年城市供热管网热损失比2020年下降5个百分点",
            "weakened",
            "下降5%",
        ),
        (EXAMPLE, "guangdong", "推动低碳建筑规模化发展", "weakened", "低碳建设试点"),
    ],
)
def test_the_readers_restatement_is_found(
    corpus: Path, child: str, clause: str, verdict: str, restating: str
) -> None:
    found = restated(corpus, MINISTRY, f"{child}-chengxiangjianshe-tandafeng", clause)
    assert found.child is not None and restating in found.child.text
    assert found.verdict.value == verdict


def test_a_verb_before_the_object_of_a_closing_cue_names_nothing() -> None:
    comparison = compared(EXAMPLE, MINISTRY, "guangdong-chengxiangjianshe-tandafeng")
    clause = next(
        r.parent for r in comparison.commitments if r.parent.text == "推动低碳建筑规模化发展"
    )
    assert clause.cue.endswith("规模化发展")
    assert content(clause).split() == ["低碳建筑"]
