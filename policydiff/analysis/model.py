"""The evolution: what every renderer and ``policydiff check`` read.

For each theme, its :class:`Point` in every document and the :class:`Change` between
them. A point is what one document says about a theme: present or not, and, when
present, the strength of its strongest commitment, scored on the Chinese original
where the corpus holds one (the English beside it), with every commitment on the
theme as evidence. Changes run between consecutive documents *of one series*
(:mod:`policydiff.lineage.series`): a province's plan is never compared with the
central document before it by date. Besides consecutive documents, each present point is
compared with the theme's last earlier present point of its series (``since_last``), so a
theme that skips a document is still compared across the gap. Verdicts: :mod:`.verdicts`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from policydiff.analysis.agreement import Agreement
from policydiff.analysis.commitments import Commitment
from policydiff.analysis.verdicts import Verdict
from policydiff.models import pickled_by_fields, read_issue_date
from policydiff.strength import Target


@dataclass(frozen=True)
class DocumentRef:
    id: str
    title: str
    date: str
    languages: tuple[str, ...]
    digest: str = ""  # of everything of the document the evolution reads (document_digest)
    series: str = ""  # the timeline it belongs to (policydiff.lineage.series_of)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Point:
    document: str
    date: str
    present: bool
    strength: float | None
    level: str | None
    cue: str | None
    lang: str | None  # the language the strength was scored in
    cue_en: str | None  # the English rendering of the cue, when scored on the original
    mentions: int
    evidence: tuple[Commitment, ...]
    targets: tuple[Target, ...]
    caveats: tuple[str, ...]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Change:
    from_document: str
    to_document: str
    verdict: Verdict
    from_cue: str | None
    to_cue: str | None
    delta: float | None
    skipped: tuple[str, ...] = ()  # documents in between that do not mention the theme


@dataclass(frozen=True)
class ThemeEvolution:
    id: str
    label: str
    label_zh: str
    points: tuple[Point, ...]
    changes: tuple[Change, ...]
    since_last: tuple[Change, ...]

    @functools.cached_property
    def present_in(self) -> int:
        return sum(p.present for p in self.points)

    @functools.cached_property
    def gaps(self) -> frozenset[str]:
        """Documents that do not mention the theme between two of their series that do:
        a change into one is a gap, not a drop, and a change out of one a resumption."""
        return frozenset(d for c in self.since_last for d in c.skipped)


@dataclass(frozen=True)
class Inputs:
    """What else an evolution was computed from, besides its documents' digests: the
    policydiff version and digests of the catalogue and lexicon as loaded. Together they
    let ``policydiff check`` tell a current report from a stale one without recomputing
    it."""

    policydiff: str
    catalogue: str
    lexicon: str


@dataclass(frozen=True)
class Evolution:
    documents: tuple[DocumentRef, ...]
    themes: tuple[ThemeEvolution, ...]
    agreement: Agreement
    inputs: Inputs | None = None

    @functools.cached_property
    def documents_by_id(self) -> dict[str, DocumentRef]:
        # renderers look a point's document up once per point: built once per evolution
        return {d.id: d for d in self.documents}

    def theme(self, theme_id: str) -> ThemeEvolution | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def order_uncertain(self, change: Change) -> bool:
        """Whether the two documents of ``change`` may have been issued in either order:
        the same day, or dates known only to their month or year, or estimated, that may
        be the same day. The timeline puts them in an order (by date, then id), but a
        verdict between them says which came first, which nothing does."""
        before = self.documents_by_id.get(change.from_document)
        after = self.documents_by_id.get(change.to_document)
        if before is None or after is None:
            return False
        try:
            return read_issue_date(after.date).may_be(read_issue_date(before.date))
        except ValueError:
            return False
