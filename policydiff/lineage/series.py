"""The series a document's timeline runs in.

Verdicts between consecutive documents only make sense between documents of one
series: the central *Opinions* over the years, one province's plans, one ministry's.
By default a document's series is its issuer level with its jurisdiction (or, for a
ministry, its lead issuer, by the Chinese name the glossary gives it first):
``central``, ``ministry:住房和城乡建设部``,
``provincial:上海市``. A ``series`` declared in ``document.yaml`` (``ingest --series``)
overrides it. Documents whose level is unknown form one series, :data:`UNASSIGNED`, so
a corpus without such metadata is one timeline, as it always was.
"""

from __future__ import annotations

from collections.abc import Iterable

from policydiff.models import Document
from policydiff.runtime.glossary import chinese_issuer_name

UNASSIGNED = "unassigned"


def series_of(document: Document) -> str:
    """The declared series of ``document``, else its default one."""
    if document.series:
        return document.series
    if not document.level:
        return UNASSIGNED
    if document.level == "central":
        return "central"
    if document.level == "ministry":
        # one ministry, however its name is written (as given, or read from the text)
        lead = chinese_issuer_name(document.issuers[0]) if document.issuers else ""
        return f"ministry:{lead}" if lead else "ministry"
    place = document.jurisdiction or (document.issuers[0] if document.issuers else "")
    return f"{document.level}:{place}" if place else document.level


def series_map(documents: Iterable[Document]) -> dict[str, str]:
    """Document id -> its series."""
    return {d.id: series_of(d) for d in documents}


def shared_series(first: Document, second: Document) -> str:
    """The series two different documents are both of, else "": none where neither says
    its level, since documents without lineage metadata are one series by default only."""
    series = series_of(first)
    if series == UNASSIGNED or first.id == second.id:
        return ""
    return series if series_of(second) == series else ""
