"""Lineage: which held documents a document implements, and the series it belongs to.

:mod:`.citations` (the titles and document numbers a Chinese text cites), :mod:`.graph`
(citations resolved against the corpus, declared parents, the citation graph),
:mod:`.likely` (documents whose title says where they may belong when their text cites
no parent: a hint) and :mod:`.series` (the timeline a document's evolution runs in).
docs/lineage.md.
"""

from __future__ import annotations

from policydiff.lineage.citations import Citation, comparable_title, find_citations
from policydiff.lineage.graph import Edge, Lineage, Unresolved, build_lineage
from policydiff.lineage.series import UNASSIGNED, series_map, series_of, shared_series

__all__ = [
    "UNASSIGNED",
    "Citation",
    "Edge",
    "Lineage",
    "Unresolved",
    "build_lineage",
    "comparable_title",
    "find_citations",
    "series_map",
    "series_of",
    "shared_series",
]
