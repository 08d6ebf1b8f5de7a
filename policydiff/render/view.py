"""What every report renderer shows, worked out once: the leaf the renderers build on.

The representative sentence of a point and its English beside it, the word diffs
between a theme's successive mentions, the "At a glance" table, and small formatting
rules (numbers, deltas, targets, anchors). Renderers read the
:class:`~policydiff.analysis.model.Evolution`; nothing here scores.
"""

from __future__ import annotations

import functools
import weakref
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from policydiff.analysis.commitments import Commitment
from policydiff.analysis.model import Change, Evolution, Point, ThemeEvolution
from policydiff.analysis.periods import as_shown, is_large
from policydiff.analysis.points import representative
from policydiff.analysis.verdicts import ORDER_UNCERTAIN, STRENGTH_MOVES, VERDICTS, Verdict
from policydiff.diff.ops import TokenOp, token_ops
from policydiff.models import shown_date
from policydiff.strength import Target, figure_text

# why a view of changes shows none where every document is alone in its series (or the
# corpus holds one document)
ALONE_IN_SERIES = "changes run between documents of one series, and no series here holds two"
NO_CHANGE = f"No change is drawn: {ALONE_IN_SERIES}."


def _series_held(documents: Sequence[Any]) -> int:
    """How many series have two documents or more among ``documents``."""
    return sum(n > 1 for n in Counter(d.series for d in documents).values())


def draws_changes(ev: Evolution) -> bool:
    """Whether a series holds two documents or more: changes run within a series, so where
    each document is alone in its own (a ministry's plan and provinces' plans) there are
    none, and the views say why (:data:`NO_CHANGE`) rather than show nothing."""
    return _series_held(ev.documents) > 0


def interleaves_series(ev: Evolution) -> bool:
    """Whether a series with a change shares the timeline with another series: a change
    then joins a document to the next of its own series, not to the next column, and
    says so."""
    return _series_held(ev.documents) > 0 and len({d.series for d in ev.documents}) > 1


def no_movers(ev: Evolution) -> str:
    """What "Biggest movers" says when no theme moved: why, where nothing could."""
    return "No theme's strength moved." if draws_changes(ev) else NO_CHANGE


@dataclass(frozen=True)
class Glance:
    """The "At a glance" table: one column per document, or per year for a large corpus."""

    shown: Evolution
    by_year: bool

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(d.id if self.by_year else shown_date(d.date) for d in self.shown.documents)

    @property
    def caption(self) -> str:
        if self.by_year:
            return (
                "Strength and level of the strongest commitment in each year, or period of "
                "several years (– absent); changes from each year to the next."
            )
        if not self.draws_changes:
            return (
                f"Strength and level per document (– absent); no change column: {ALONE_IN_SERIES}."
            )
        if self.several_series:
            return (
                "Strength and level per document (– absent); changes from each document to the "
                "next of its series, each named by the document it leads to (several series)."
            )
        if interleaves_series(self.shown):
            # one series with changes among documents of others: its change skips theirs
            return (
                "Strength and level per document (– absent); changes from each document to "
                "the next of its series."
            )
        return "Strength and level per document (– absent); changes from each document to the next."

    @functools.cached_property
    def _held(self) -> int:
        return _series_held(self.shown.documents)

    @property
    def draws_changes(self) -> bool:
        """Whether the table has a change column: by year, whose columns pool every series,
        or where a series has two documents or more (:func:`draws_changes`)."""
        return self.by_year or self._held > 0

    @property
    def several_series(self) -> bool:
        """Whether more than one series has two documents or more among those shown: their
        changes interleave in the change column, and each then names its document. Never so
        by year, whose columns pool every series."""
        return not self.by_year and self._held > 1

    @functools.cached_property
    def _labels(self) -> dict[str, str]:
        """Each document's name in the change column: its date, with its id where another
        document shown has that date too; none unless :attr:`several_series`."""
        if not self.several_series:
            return {}
        dates = {d.id: shown_date(d.date) for d in self.shown.documents}
        shared = Counter(dates.values())
        return {i: f"{date} {i}" if shared[date] > 1 else date for i, date in dates.items()}

    def move_label(self, move: GlanceMove) -> str:
        """What names the document a move leads to where :attr:`several_series`, else ""."""
        if not self.several_series:
            return ""
        return self._labels.get(move.change.to_document, move.change.to_document)

    @property
    def note(self) -> str:
        """The caption, and where any theme has a gap, what a gap in the change column is."""
        if not any(t.gaps for t in self.shown.themes):
            return self.caption
        where = (
            "a year with no mention between two years that have one"
            if self.by_year
            else "a document that does not mention the theme between two of its series that do"
        )
        return (
            f"{self.caption} gap: {where}; the change after a gap compares with the last mention."
        )


def glance(ev: Evolution) -> Glance:
    return Glance(*as_shown(ev))


def gap_step(change: Change, gaps: frozenset[str]) -> Literal["", "gap", "resumed"]:
    """Whether ``change`` drops a theme into one of its ``gaps`` (a document that does not
    mention it between two of its series that do: "gap"), adds it back out of one
    ("resumed"), or neither (""): how every view reads a gap."""
    if change.verdict == Verdict.DROPPED and change.to_document in gaps:
        return "gap"
    if change.verdict == Verdict.ADDED and change.from_document in gaps:
        return "resumed"
    return ""


@dataclass(frozen=True)
class GlanceMove:
    """One step of a theme's change column: the change into the next document, a gap, or
    after a gap the change since the last mention (``resumed``), as the theme's page and
    ``check`` lead with it."""

    change: Change
    gap: bool = False
    resumed: bool = False


def glance_moves(theme: ThemeEvolution) -> tuple[GlanceMove, ...]:
    """The theme's changes as an overview shows them, in the order of the documents they
    lead to, a gap as a gap and not as a drop followed by an addition."""
    since_last = {c.to_document: c for c in theme.since_last if c.skipped}
    column = {p.document: k for k, p in enumerate(theme.points)}
    moves = []
    for change in sorted(theme.changes, key=lambda c: column.get(c.to_document, len(column))):
        step = gap_step(change, theme.gaps)
        if step == "gap":
            moves.append(GlanceMove(change, gap=True))
        elif step == "resumed" and change.to_document in since_last:
            moves.append(GlanceMove(since_last[change.to_document], resumed=True))
        else:
            moves.append(GlanceMove(change))
    return tuple(moves)


def wording_heading(ev: Evolution) -> str:
    if is_large(ev):
        return "Wording of the strongest commitment, where its strength moved"
    return "Wording of the strongest commitment"


def shown_points(ev: Evolution, theme: ThemeEvolution) -> tuple[Point, ...]:
    """The points a theme's section lists: all of them, or for a large corpus (see
    :func:`large_corpus_note`) those that mention the theme."""
    if not is_large(ev):
        return theme.points
    owners = (ev, theme)
    shown: tuple[Point, ...] | None = _recalled(_SHOWN, owners)
    if shown is None:
        shown = tuple(p for p in theme.points if p.present)
        _remember(_SHOWN, owners, shown)
    return shown


# What every page of a theme asks for again, in the Markdown and in the HTML: worked out
# once per theme. Keyed by the identity of what it was worked out from (hashing a theme
# hashes all its points), which is held weakly: an entry goes when its evolution does,
# rather than keeping the evolution alive until the interpreter's teardown, whose last
# collection would walk all of it.
_MEMO_SIZE = 512
_Memo = dict[tuple[int, ...], tuple[tuple["weakref.ref[Any]", ...], Any]]
_SHOWN: _Memo = {}


def _recalled(memo: _Memo, owners: tuple[Any, ...]) -> Any:
    held = memo.get(tuple(map(id, owners)))
    if held is None or any(ref() is not o for ref, o in zip(held[0], owners, strict=True)):
        return None
    return held[1]


def _remember(memo: _Memo, owners: tuple[Any, ...], value: Any) -> None:
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    key = tuple(map(id, owners))

    def forget(_: object) -> None:
        memo.pop(key, None)

    memo[key] = (tuple(weakref.ref(o, forget) for o in owners), value)


def verdict_counts(changes: Sequence[Change]) -> tuple[tuple[Verdict, int], ...]:
    """How many changes have each verdict, in the order of
    :data:`~policydiff.analysis.verdicts.VERDICTS`, zeros left out."""
    counts = dict.fromkeys(VERDICTS, 0)
    for change in changes:
        counts[change.verdict] += 1
    return tuple((verdict, n) for verdict, n in counts.items() if n)


@dataclass(frozen=True)
class Quote:
    """One sentence as shown: the theme span marked, and where it stands."""

    document: str
    evidence: Commitment

    @property
    def where(self) -> str:
        mention = self.evidence.mention
        return f"{self.document} · {mention.version_key} · {mention.location}"

    def parts(self) -> tuple[str, str, str]:
        """The sentence cut around the theme span: before, span, after."""
        text = self.evidence.mention.sentence
        start, end = self.evidence.span
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        return text[:start], text[start:end], text[end:]


@dataclass(frozen=True)
class SentenceDiff:
    """The word diff of the representative sentences of two consecutive present points."""

    change: Change
    lang: str
    ops: tuple[TokenOp, ...]
    old_original: str | None  # the Chinese original beside an English diff, when held
    new_original: str | None


def coalesce(ops: Sequence[TokenOp]) -> tuple[TokenOp, ...]:
    """Ops easier to read: changes separated only by whitespace or one short word become
    one replace (all deleted words, then all inserted words)."""
    ops = list(ops)

    def glue(i: int) -> bool:
        op = ops[i]
        return (
            op.op == "equal"
            and 0 < i < len(ops) - 1
            and ops[i - 1].op != "equal"
            and ops[i + 1].op != "equal"
            and len(op.old.split()) <= 1
            and len(op.old.strip()) <= 3
        )

    out: list[TokenOp] = []
    run: list[TokenOp] = []
    for i, op in enumerate(ops):
        if op.op != "equal" or glue(i):
            run.append(op)
            continue
        if run:
            out.append(_joined(run))
            run = []
        out.append(op)
    if run:
        out.append(_joined(run))
    return tuple(out)


def _joined(run: Sequence[TokenOp]) -> TokenOp:
    if len(run) == 1:
        return run[0]
    old = "".join(op.old for op in run)
    new = "".join(op.new for op in run)
    return TokenOp("replace" if old and new else ("delete" if old else "insert"), old, new)


def order_note(ev: Evolution, change: Change) -> str:
    """What a verdict between two documents of unknown order says of it, or ""."""
    return ORDER_UNCERTAIN if ev.order_uncertain(change) else ""


def theme_anchor(theme_id: str) -> str:
    return f"theme-{theme_id}"


def number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def delta_text(delta: float | None) -> str:
    if delta is None:
        return ""
    if delta == 0:
        return "±0"
    return f"+{delta:g}" if delta > 0 else f"−{abs(delta):g}"


def _amount(target: Target) -> str:
    """A target's value with its unit, a range from its start (2–3 个, 6000–10000 人/平方公里,
    30–40%); a ratio has no unit."""
    if target.value is None:
        return ""
    value = figure_text(target.value)
    if target.low is not None:
        value = f"{figure_text(target.low)}–{value}"
    if target.unit == "ratio":
        return value
    return f"{value}%" if target.unit == "%" else f"{value} {target.unit}".strip()


def target_text(target: Target) -> str:
    bits = [_amount(target)] if target.value is not None else []
    if target.year is not None:
        bits.append(f"by {target.year}")
    return f"{target.text} ({', '.join(bits)})" if bits else target.text


def _sentence_key(e: Commitment) -> tuple[str, str, int]:
    return (e.mention.version_key, e.mention.provision_id, e.mention.sentence_index)


def target_snippets(point: Point) -> list[str]:
    """The point's targets as the timeline table lists them: each snippet once, in order
    (one snippet, 全面执行, may set targets for several years)."""
    return list(dict.fromkeys(t.text for t in point.targets))


@dataclass(frozen=True)
class TargetPlace:
    """One target as the theme pages list it: written out (:func:`target_text`), where its
    sentence stands, and that sentence, unless ``shown`` says where it already is."""

    text: str
    location: str = ""  # empty when no evidence carries the target
    sentence: str = ""
    lang: str = ""
    shown: str = ""  # "the sentence above", "the sentence of the target before" or ""


def located_targets(point: Point) -> list[TargetPlace]:
    """Each of the point's targets once, in order, with the first sentence that sets it;
    a sentence already quoted (the strongest commitment's, or the previous target's) is
    referred to, not quoted again."""
    rep = representative(point)
    quoted = {_sentence_key(e) for e in (rep, english_beside(point, rep)) if e is not None}
    places: list[TargetPlace] = []
    previous: tuple[str, str, int] | None = None
    for text in dict.fromkeys(target_text(t) for t in point.targets):
        # the reading whose own sentence holds the target's words: a commitment also
        # carries the targets of the other parts of its sentence (after a ；)
        carrying = [e for e in point.evidence for t in e.targets if target_text(t) == text]
        setting = next(
            (
                e
                for e in carrying
                if any(target_text(t) == text and t.text in e.mention.sentence for t in e.targets)
            ),
            carrying[0] if carrying else None,
        )
        if setting is None:
            places.append(TargetPlace(text))
            continue
        key = _sentence_key(setting)
        shown = (
            "the sentence above"
            if key in quoted
            else "the sentence of the target before"
            if key == previous
            else ""
        )
        mention = setting.mention
        places.append(TargetPlace(text, mention.location, mention.sentence, mention.lang, shown))
        previous = key
    return places


def english_beside(point: Point, original: Commitment | None) -> Commitment | None:
    """The English evidence shown beside a Chinese representative sentence."""
    if original is None or original.mention.lang == "en":
        return None
    english = [e for e in point.evidence if e.mention.lang == "en"]
    if point.cue_en is None:  # no counterpart was found: only a sentence of the same provision
        english = [e for e in english if e.mention.provision_id == original.mention.provision_id]
    if not english:
        return None

    def rank(e: Commitment) -> tuple[bool, bool]:
        return (
            e.score.cue != (point.cue_en or ""),
            e.mention.provision_id != original.mention.provision_id,
        )

    return min(english, key=rank)


def other_evidence(point: Point) -> tuple[Commitment, ...]:
    """The point's other readings, in text order: every commitment but those already
    shown (its strongest and the English beside it). A sentence naming the theme twice is
    read twice, each reading with its own cue, so a sentence may be listed more than once."""
    rep = representative(point)
    shown = {id(e) for e in (rep, english_beside(point, rep)) if e is not None}
    return tuple(e for e in point.evidence if id(e) not in shown)


def mentions_count(others: Sequence[Commitment]) -> str:
    """How many readings and sentences ``others`` are: "3 sentences", "5 readings in 3
    sentences", by language where they are in two ("… 3 sentences: 2 Chinese, 1 English"):
    the table counts the sentences of one version."""
    sentences = {_sentence_key(e): e.mention.lang for e in others}
    total = f"{len(sentences)} sentence{'' if len(sentences) == 1 else 's'}"
    if len(others) != len(sentences):
        total = f"{len(others)} readings in {total}"
    langs = Counter(sentences.values())
    if len(langs) < 2:
        return total
    names = {"zh": "Chinese", "en": "English"}
    return total + ": " + ", ".join(f"{n} {names.get(lang, lang)}" for lang, n in langs.items())


def _english_sentence(point: Point) -> tuple[str | None, str | None]:
    """(English sentence, Chinese original) of a present point's representative."""
    rep = representative(point)
    if rep is None:
        return None, None
    if rep.mention.lang == "en":
        return rep.mention.sentence, None
    beside = english_beside(point, rep)
    return (beside.mention.sentence if beside else None), rep.mention.sentence


# The Markdown and HTML renderers both diff every theme's sentences; the same pair of
# sentences also recurs across themes (a sentence names several) and, in a large corpus,
# across documents that repeat each other: each pair is diffed once per process.
_sentence_ops = functools.lru_cache(maxsize=16384)(token_ops)


def sentence_diffs(theme: ThemeEvolution, *, moves_only: bool = False) -> tuple[SentenceDiff, ...]:
    """Diffs between each present point and the theme's previous present point (with
    ``moves_only``, only where the strength moved: strengthened or weakened).

    Both sentences are compared in English when both have it (the Chinese original is
    kept beside); else in Chinese when both are Chinese; else not at all.
    """
    memo = _MOVES if moves_only else _DIFFS
    diffs: tuple[SentenceDiff, ...] | None = _recalled(memo, (theme,))
    if diffs is None:
        diffs = _sentence_diffs(theme, moves_only)
        _remember(memo, (theme,), diffs)
    return diffs


_DIFFS: _Memo = {}
_MOVES: _Memo = {}


def _sentence_diffs(theme: ThemeEvolution, moves_only: bool) -> tuple[SentenceDiff, ...]:
    return diffs_of(theme.since_last, {p.document: p for p in theme.points}, moves_only)


def diffs_of(
    changes: Sequence[Change], points: Mapping[str, Point], moves_only: bool
) -> tuple[SentenceDiff, ...]:
    """The diff of each of ``changes`` (with ``moves_only``, those where the strength
    moved), between its two points, looked up by document in ``points``."""
    out = []
    for change in changes:
        if moves_only and change.verdict not in STRENGTH_MOVES:
            continue
        old, new = points[change.from_document], points[change.to_document]
        old_en, old_zh = _english_sentence(old)
        new_en, new_zh = _english_sentence(new)
        if old_en is not None and new_en is not None:
            ops, _ = _sentence_ops(old_en, new_en, "en")
            out.append(SentenceDiff(change, "en", ops, old_zh, new_zh))
        elif old_zh is not None and new_zh is not None:
            ops, _ = _sentence_ops(old_zh, new_zh, "zh")
            out.append(SentenceDiff(change, "zh", ops, None, None))
    return tuple(out)
