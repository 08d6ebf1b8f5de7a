"""Where a document citing no parent may belong: a hint from titles, never an edge."""

from __future__ import annotations

from policydiff.lineage import build_lineage
from policydiff.lineage.likely import likely_parents
from tests.lineage.test_graph import _doc

MINISTRY = _doc("centre", "城乡建设领域碳达峰实施方案", "2022-06-30", level="ministry")


def test_a_title_restating_a_higher_level_title_is_a_hint() -> None:
    province = _doc("province", "某省城乡建设领域碳达峰实施方案", "2022-12-01", level="provincial")
    [hint] = likely_parents(build_lineage([MINISTRY, province]))
    assert (hint.document, hint.parent, hint.score) == ("province", "centre", 100.0)
    # one of the same level, or of none, is no parent
    peer = _doc("peer", "某省城乡建设领域碳达峰实施方案", "2022-12-01", level="ministry")
    assert likely_parents(build_lineage([MINISTRY, peer])) == ()


def test_no_hint_names_a_document_issued_after_it() -> None:
    # as for a citation: a plan of 2021 cannot implement one of June 2022
    early = _doc("early", "某省城乡建设领域碳达峰实施方案", "2021-03-01", level="provincial")
    assert likely_parents(build_lineage([MINISTRY, early])) == ()
