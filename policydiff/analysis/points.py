"""A document's point on each theme, and the changes between points."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from policydiff.analysis.commitments import (
    Commitment,
    counterpart,
    matched_approximately,
    strongest,
)
from policydiff.analysis.model import Change, Point
from policydiff.analysis.verdicts import verdict
from policydiff.models import Document
from policydiff.strength import Target


@dataclass(frozen=True)
class DocumentAnalysis:
    """What one document's points are read from."""

    document: Document
    primary: str  # version key scored: the complete original, else a complete translation
    commitments: tuple[Commitment, ...]  # of every analysed version
    pairs: dict[str, str]  # primary provision id -> English provision id (when primary is zh)
    order: dict[str, int]  # version key -> its place in the document's versions


def points_of(analysis: DocumentAnalysis) -> dict[str, Point]:
    """The document's point on every theme it mentions (theme id -> point)."""
    groups: dict[str, list[Commitment]] = {}
    for c in analysis.commitments:
        groups.setdefault(c.mention.theme_id, []).append(c)
    return {theme_id: _point(analysis, mine) for theme_id, mine in groups.items()}


def absent_point(document: Document) -> Point:
    """The point of a document on a theme it does not mention."""
    return Point(
        document.id, document.date_text, False, None, None, None, None, None, 0, (), (), ()
    )


def _point(analysis: DocumentAnalysis, mine: Sequence[Commitment]) -> Point:
    """The point of one document on a theme it mentions, from its commitments on that
    theme (``mine``, in commitment order, at least one)."""
    document = analysis.document
    scored = [c for c in mine if c.mention.version_key == analysis.primary] or mine
    best = strongest(scored)
    assert best is not None
    cue_en = None
    caveats = list(best.score.caveats)
    if best.mention.lang == "zh":
        english = [c for c in mine if c.mention.lang == "en"]
        translated = counterpart(best, english, analysis.pairs)
        cue_en = translated.score.cue if translated else None
        if any(v.lang == "en" for v in document.versions):  # else there is none to show
            caveats.insert(
                0, "scored on the Chinese original; the English translation is shown beside it"
            )
        if translated and translated.score.level != best.score.level:
            caveats.append(
                f"the English translation reads level {translated.score.level} "
                f"({translated.score.cue or 'no cue'}) where the original reads "
                f"{best.score.level} ({best.score.cue or 'no cue'})"
            )
    if matched_approximately(best.mention):
        caveats.append(
            f"'{best.mention.matched}' is written as no term of this theme, only close to "
            f"one (similarity {best.mention.score:.0f} of 100): check the sentence"
        )
    order = analysis.order
    primary_first = sorted(
        mine,
        key=lambda c: (
            c.mention.version_key != analysis.primary,
            order.get(c.mention.version_key, 99),
        ),
    )
    targets: dict[Target, Target] = {}
    for c in scored:
        for t in c.targets:
            targets.setdefault(t, t)
    # counted in one version, never added up over translations: the scored one where it
    # mentions the theme, else the one that mentions it most
    per_version: dict[str, set[tuple[str, int]]] = {}
    for c in scored:
        per_version.setdefault(c.mention.version_key, set()).add(
            (c.mention.provision_id, c.mention.sentence_index)
        )
    return Point(
        document=document.id,
        date=document.date_text,
        present=True,
        strength=best.score.strength,
        level=best.score.level_name,
        cue=best.score.cue,
        lang=best.mention.lang,
        cue_en=cue_en if best.mention.lang == "zh" else best.score.cue,
        mentions=max(len(held) for held in per_version.values()),
        evidence=tuple(primary_first),
        targets=tuple(targets.values()),
        caveats=tuple(dict.fromkeys(caveats)),
    )


def representative(point: Point) -> Commitment | None:
    """The evidence the point's strength was read from (its strongest commitment): of
    those with its cue and strength, the one :func:`strongest` ranks first, as the point
    was scored (a restriction, 不拆传统民居, ties a protection, 不拆除历史建筑, in strength
    but not in rank), so that the sentence shown is the one the caveats speak of."""
    if not point.present or not point.evidence:
        return None
    alike = [
        e
        for e in point.evidence
        if e.mention.lang == point.lang
        and e.score.cue == (point.cue or "")
        and e.score.strength == point.strength
    ]
    return strongest(alike) or point.evidence[0]


def compare(before: Point, after: Point, skipped: tuple[str, ...] = ()) -> Change:
    name, delta = verdict(
        before.strength if before.present else None, after.strength if after.present else None
    )
    return Change(before.document, after.document, name, before.cue, after.cue, delta, skipped)


def verdicts_in_series(
    points: Sequence[Point], series: Sequence[str]
) -> tuple[tuple[Change, ...], tuple[Change, ...]]:
    """:func:`verdicts_between` within each series (``series[i]`` is that of
    ``points[i]``), in the timeline order of the later document: no change joins two
    documents of different series. With one series, :func:`verdicts_between` itself."""
    groups: dict[str, list[int]] = {}
    for i, name in enumerate(series):
        groups.setdefault(name, []).append(i)
    if len(groups) <= 1:
        return verdicts_between(points)
    place = {p.document: i for i, p in enumerate(points)}
    changes: list[Change] = []
    since_last: list[Change] = []
    for members in groups.values():
        mine, since = verdicts_between([points[i] for i in members])
        changes.extend(mine)
        since_last.extend(since)

    def order(c: Change) -> tuple[int, int]:
        return (place[c.to_document], place[c.from_document])

    return tuple(sorted(changes, key=order)), tuple(sorted(since_last, key=order))


def verdicts_between(points: Sequence[Point]) -> tuple[tuple[Change, ...], tuple[Change, ...]]:
    """A theme's ``changes`` (each point to the next) and ``since_last`` (each present
    point to the last earlier present one, with the documents skipped in between)."""
    changes = tuple(compare(a, b) for a, b in itertools.pairwise(points))
    since_last: list[Change] = []
    last: int | None = None
    for index, point in enumerate(points):
        if not point.present:
            continue
        if last is not None:
            skipped = tuple(p.document for p in points[last + 1 : index])
            since_last.append(compare(points[last], point, skipped))
        last = index
    return changes, tuple(since_last)
