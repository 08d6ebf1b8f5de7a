"""Two readings of what a target measures: counts of things in any classifier (培育1-3家…基地
counts what 培育100个…基地 does), and a child clause in the parent's very words restating it
whatever unit its number is written in (下降5% for 下降5个百分点); each pair as its readers
judged it (evaluation/test/corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.restatement.plans import HELD, MINISTRY, restated


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
    ],
)
def test_the_readers_restatement_is_found(
    corpus: Path, child: str, clause: str, verdict: str, restating: str
) -> None:
    found = restated(corpus, MINISTRY, f"{child}-chengxiangjianshe-tandafeng", clause)
    assert found.child is not None and restating in found.child.text
    assert found.verdict.value == verdict
