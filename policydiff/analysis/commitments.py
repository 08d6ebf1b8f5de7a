"""Commitments: each theme mention scored for directive strength, with its evidence.

A commitment is a :class:`~policydiff.themes.Mention` (the theme, the sentence and
where it stands) extended by the clause-bound strength score of
:mod:`policydiff.strength` and the targets the sentence sets for the theme. English
and Chinese versions of one document are tied together through their paired
provisions (:func:`provision_pairs`, :func:`counterpart`), which is how a report shows
the original beside the translation and how :mod:`.agreement` measures whether both
languages read one level.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from policydiff.models import StructuredVersion, pickled_by_fields
from policydiff.strength import (
    Lexicon,
    StrengthScore,
    Target,
    clause_bounds,
    load_lexicon,
    score_commitment,
)
from policydiff.strength.targets import (
    context_years,
    find_target_spans,
    target_alone,
    task_of_clause_before,
)
from policydiff.structure import pair_versions
from policydiff.structure.sentences import cut_at_semicolon
from policydiff.themes import Catalogue, Mention, Theme, find_mentions
from policydiff.themes.match import PATTERN_SCORE


@pickled_by_fields
@dataclass(frozen=True)
class Commitment:
    """A theme mention with the strength of the commitment its clause makes."""

    mention: Mention
    score: StrengthScore
    targets: tuple[Target, ...] = ()  # in any clause of the sentence that names the theme

    @property
    def span(self) -> tuple[int, int]:
        """The theme mention within the sentence, ``[start, end)``."""
        return (self.mention.start, self.mention.end)

    @property
    def rank(self) -> tuple[bool, bool, float]:
        """Orders commitments by how strongly they promote the theme: a restriction or a
        negated cue never outranks a plain commitment of any level."""
        return (not self.score.restriction, not self.score.negated, self.score.strength)


# The match score of a continuation: a keyword that carries a theme named elsewhere in
# the sentence into a clause of its own (see :func:`_continuations`).
CONTINUATION_SCORE = 50.0


def matched_approximately(mention: Mention) -> bool:
    """Whether the theme was found by a near spelling (a fuzzy or homophone match, see
    :mod:`policydiff.themes.match`) rather than a catalogue term, pattern or keyword as
    written: a reading an analyst should check against the sentence."""
    return mention.score not in (100.0, PATTERN_SCORE, CONTINUATION_SCORE)


def find_commitments(
    structured: StructuredVersion, catalogue: Catalogue, lexicon: Lexicon | None = None
) -> tuple[Commitment, ...]:
    """Every commitment of a version to a theme, in text order: each theme mention scored
    in its own clause, with the targets its sentence sets for the theme."""
    lexicon = lexicon or load_lexicon()
    lang = structured.version.lang
    groups = [
        (key, tuple(group))
        for key, group in groupby(
            find_mentions(structured, catalogue), key=lambda m: (m.provision_id, m.sentence_index)
        )
    ]
    # the deadlines of the sentences of the provisions that mention a theme (only theirs
    # are asked for)
    mentioning = {provision_id for (provision_id, _), _ in groups}
    dated = {
        (provision.id, sentence.index): year
        for provision in structured.provisions
        if provision.id in mentioning
        for sentence, year in zip(
            provision.sentences,
            context_years([s.text for s in provision.sentences], lang, provision.path),
            strict=True,
        )
    }
    memo = _memo(catalogue, lexicon)
    said = [(key, group, _said(group, lang, dated.get(key))) for key, group in groups]
    owned = {key: memo.targets(said_as, group) for key, group, said_as in said}
    # whose targets ``owned`` holds for a sentence's key (its own but for a repeated key)
    owner = {key: said_as for key, _, said_as in said}
    whole = _whole_sentence_targets(structured, owned) if lang == "zh" else {}
    out: list[Commitment] = []
    for key, group, said_as in said:
        elsewhere = whole.get(key, {})
        found = memo.readings(said_as, owner[key], group, owned[key], elsewhere)
        out.extend(_commitments_of(group, found))
    return tuple(out)


# A sentence said again (in another version or document, or a later timeline folder) reads
# the same: what is worked out from a sentence's mentions alone is kept, keyed by them
# (:func:`_said`), and this many sentences are held before the memo is emptied (a bound
# on memory).
_MEMO_LIMIT = 20_000

# What a sentence's targets and readings depend on: its language, its deadline and, of
# its mentions, the sentence and their themes, spans and words (not where it stands).
_Said = tuple[str, int | None, tuple[tuple[str, str, int, int, str], ...]]


def _said(group: Sequence[Mention], lang: str, dated: int | None) -> _Said:
    return (lang, dated, tuple((m.sentence, m.theme_id, m.start, m.end, m.matched) for m in group))


class _Memo:
    """Per catalogue and lexicon (by identity): the targets (:func:`sentence_targets`)
    and readings (:func:`_sentence_readings`) of the sentences analysed so far."""

    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        self.catalogue = catalogue
        self.lexicon = lexicon
        self._targets: dict[_Said, dict[str, tuple[Target, ...]]] = {}
        self._readings: dict[tuple[object, ...], list[_Reading]] = {}

    def targets(self, said: _Said, group: Sequence[Mention]) -> dict[str, tuple[Target, ...]]:
        """:func:`sentence_targets` of the sentence of ``group``, said as ``said``."""
        found = self._targets.get(said)
        if found is None:
            if len(self._targets) >= _MEMO_LIMIT:
                self._targets.clear()
            lang, dated, _ = said
            found = self._targets[said] = sentence_targets(
                group[0].sentence, lang, group, self.catalogue, self.lexicon, dated
            )
        return found

    def readings(
        self,
        said: _Said,
        owner: _Said,
        group: Sequence[Mention],
        owned: dict[str, tuple[Target, ...]],
        elsewhere: dict[str, tuple[Target, ...]],
    ) -> list[_Reading]:
        """:func:`_sentence_readings` of ``group``, said as ``said``, with the targets
        ``owned`` of the sentence said as ``owner`` (``said`` itself but for a repeated
        key) and those ``elsewhere`` in it."""
        key = (said, owner if owner is not said else None, *elsewhere.items())
        found = self._readings.get(key)
        if found is None:
            if len(self._readings) >= _MEMO_LIMIT:
                self._readings.clear()
            lang, dated, _ = said
            found = self._readings[key] = _sentence_readings(
                group, lang, self.catalogue, self.lexicon, dated, owned, elsewhere
            )
        return found


_MEMOS: list[_Memo] = []


def _memo(catalogue: Catalogue, lexicon: Lexicon) -> _Memo:
    """The memo of ``catalogue`` and ``lexicon``: the last one's, found by identity
    (hashing a catalogue is costly), else a new one."""
    if not (_MEMOS and _MEMOS[0].catalogue is catalogue and _MEMOS[0].lexicon is lexicon):
        _MEMOS[:] = [_Memo(catalogue, lexicon)]
    return _MEMOS[0]


def _semicolon_pieces(structured: StructuredVersion) -> dict[tuple[str, int], int]:
    """(provision id, sentence index) -> the number of the Chinese sentence it is a piece
    of: a long sentence is cut after each ；(:func:`~policydiff.structure.sentences.
    cut_at_semicolon`), but its pieces still make one sentence, up to its 。."""
    text = structured.version.text
    unit: dict[tuple[str, int], int] = {}
    number = 0
    for provision in structured.provisions:
        previous = None
        for sentence in provision.sentences:
            span = (sentence.start, sentence.end)
            if previous is None or not cut_at_semicolon(text, previous, span):
                number += 1
            unit[(provision.id, sentence.index)] = number
            previous = span
    return unit


def _whole_sentence_targets(
    structured: StructuredVersion, owned: dict[tuple[str, int], dict[str, tuple[Target, ...]]]
) -> dict[tuple[str, int], dict[str, tuple[Target, ...]]]:
    """(provision id, sentence index) -> theme id -> the targets the other ；-pieces of its
    sentence set for the theme (大力发展装配式建筑…；…；到2030年，装配式建筑…比例达到40%)."""
    unit = _semicolon_pieces(structured)
    by_unit: dict[int, list[tuple[tuple[str, int], dict[str, tuple[Target, ...]]]]] = {}
    for key, targets in owned.items():
        by_unit.setdefault(unit[key], []).append((key, targets))
    out: dict[tuple[str, int], dict[str, tuple[Target, ...]]] = {}
    for pieces in by_unit.values():
        if len(pieces) < 2:
            continue
        for key, _ in pieces:
            elsewhere: dict[str, list[Target]] = {}
            for other, targets in pieces:
                if other != key:
                    for theme_id, ts in targets.items():
                        elsewhere.setdefault(theme_id, []).extend(ts)
            out[key] = {t: tuple(dict.fromkeys(ts)) for t, ts in elsewhere.items()}
    return out


# One commitment of a sentence as :func:`_sentence_readings` gives it: the index of its
# mention among the sentence's, where a continuation stands instead (start, end, matched;
# None for the mention itself), its score and its targets.
_Reading = tuple[int, tuple[int, int, str] | None, StrengthScore, tuple[Target, ...]]


def _moved(m: Mention, moved: tuple[int, int, str]) -> Mention:
    """``m`` carried on at ``moved`` (start, end, words): a continuation's mention.
    (Built field by field: dataclasses.replace looks the fields up on every call.)"""
    start, end, matched = moved
    return Mention(
        m.theme_id, m.document_id, m.version_key, m.lang, m.provision_id, m.location,
        m.sentence_index, m.sentence, start, end, matched, CONTINUATION_SCORE,
    )  # fmt: skip


def _commitments_of(mentions: Sequence[Mention], readings: Sequence[_Reading]) -> list[Commitment]:
    out: list[Commitment] = []
    for index, moved, score, targets in readings:
        m = mentions[index]
        if moved is not None:
            m = _moved(m, moved)
        out.append(Commitment(m, score, targets))
    return out


def _sentence_readings(
    mentions: Sequence[Mention],
    lang: str,
    catalogue: Catalogue,
    lexicon: Lexicon,
    dated: int | None,
    owned: dict[str, tuple[Target, ...]],
    elsewhere: dict[str, tuple[Target, ...]],
) -> list[_Reading]:
    """The commitments of one sentence as readings of its theme ``mentions`` (at least
    one; see :data:`_Reading`), which depend on the mentions' words and spans only.
    ``dated``: the deadline that dates its targets that name no year (see
    :func:`~policydiff.strength.targets.context_years`); ``owned``: its targets by theme
    (:func:`sentence_targets`); ``elsewhere``: those the other ；-pieces of its Chinese
    sentence set, which a theme with no target of its own in this piece takes."""
    sentence = mentions[0].sentence
    borrowed = _dated_before(sentence, lang, dated)
    out: list[tuple[tuple[int, str], _Reading]] = []
    seen: set[tuple[str, tuple[int, int], str, float]] = set()
    for index, m, moved, continued in [
        *((i, m, None, "") for i, m in enumerate(mentions)),
        *_continuations(mentions, lang, catalogue, lexicon),
    ]:
        theme = catalogue.get(m.theme_id)
        targets = owned.get(m.theme_id, ())
        # targets of its own without a deadline (应改尽改, 覆盖率100%) leave room for the
        # dated target of a later piece
        own_dated = any(t.value is not None and t.year is not None for t in targets)
        later = () if own_dated else elsewhere.get(m.theme_id, ())
        targets = tuple(dict.fromkeys((*targets, *later)))
        clause = clause_bounds(sentence, lang, (m.start, m.end), lexicon)
        score = score_commitment(
            sentence, lang, (m.start, m.end), lexicon,
            polarity=theme.polarity if theme else "promote", targets=targets, bounds=clause,
        )  # fmt: skip
        if continued:
            carried = f"'{m.matched}' carries on '{continued}', named earlier in the sentence"
            score = replace(score, caveats=(carried, *score.caveats))
        # the evidence quotes this sentence: say where a year it does not hold comes from
        dated_here = [
            f"the year of '{t.text}' ({t.year}) is the deadline its block of goals opens on"
            for t in targets
            if t in borrowed
        ]
        if dated_here:
            score = replace(score, caveats=(*score.caveats, *dated_here))
        if later:
            where = "; ".join(f"'{t.text}'" for t in later)
            score = replace(
                score,
                caveats=(
                    *score.caveats,
                    f"the target {where} stands in another part of this sentence, after a ；",
                ),
            )
        # two terms of one theme in one clause (超低能耗、近零能耗建筑) make one commitment
        key = (m.theme_id, clause, score.cue, score.strength)
        if key not in seen:
            seen.add(key)
            out.append(((m.start, m.theme_id), (index, moved, score, targets)))
    out.sort(key=lambda c: c[0])
    return [reading for _, reading in out]


def _dated_before(sentence: str, lang: str, dated: int | None) -> set[Target]:
    """The targets of ``sentence`` whose year (or whose being a target at all, for a
    count) comes from the deadline ``dated`` said before it, not from the sentence."""
    if dated is None:
        return set()
    own = {(s, e): t.year for s, e, t in find_target_spans(sentence, lang)}
    return {
        t for s, e, t in find_target_spans(sentence, lang, dated) if own.get((s, e), -1) != t.year
    }


def sentence_targets(
    sentence: str,
    lang: str,
    mentions: Sequence[Mention],
    catalogue: Catalogue,
    lexicon: Lexicon,
    dated: int | None = None,
) -> dict[str, tuple[Target, ...]]:
    """Theme id -> the targets of ``sentence`` that measure it.

    A target measures the themes named in its own clause, else those of the sentence's
    themes whose keywords its clause holds (漏损率 for water saving). A target of another
    indicator (forest cover in a sentence on water saving) is left to no theme."""
    named = list(dict.fromkeys(m.theme_id for m in mentions))
    owned: dict[str, list[Target]] = {}
    before: list[str] = []  # the owners of the target before, in this sentence
    for start, end, target in find_target_spans(sentence, lang, dated):
        c0, c1 = clause_bounds(sentence, lang, (start, end), lexicon)
        clause = sentence[c0:c1]
        owners = [t for t in named if any(c0 <= m.start < c1 for m in mentions if m.theme_id == t)]
        if not owners:
            owners = [t for t in named if _keyword_in(clause, catalogue.get(t), lang)]
        if not owners and target_alone(clause, sentence[start:end], lang):
            owners = before  # …漏损率控制在9%以内，2030年控制在8%以内: the same indicator
        if not owners and _sizes_task_before(sentence, c0, clause, sentence[start:end], lang):
            p0, p1 = clause_bounds(sentence, lang, (c0 - 2, c0 - 1), lexicon)
            owners = [
                t for t in named if any(p0 <= m.start < p1 for m in mentions if m.theme_id == t)
            ]
        owners = [t for t in owners if not _another_indicator(clause, catalogue.get(t), lang)]
        for theme_id in owners:
            owned.setdefault(theme_id, []).append(target)
        before = owners
    return {t: tuple(dict.fromkeys(targets)) for t, targets in owned.items()}


def _sizes_task_before(sentence: str, c0: int, clause: str, snippet: str, lang: str) -> bool:
    """…更新改造，到2024年底全省完成1900公里改造任务: the size of the task the clause before sets."""
    return c0 > 1 and sentence[c0 - 1] in "，," and task_of_clause_before(clause, snippet, lang)


def _another_indicator(clause: str, theme: Theme | None, lang: str) -> bool:
    return theme is not None and bool(_word_in(clause, theme.other_indicators(lang), lang))


def _keyword_in(clause: str, theme: Theme | None, lang: str) -> str:
    return "" if theme is None else _word_in(clause, theme.keywords(lang), lang)


def _word_in(clause: str, words: Sequence[str], lang: str) -> str:
    """The first of ``words`` that ``clause`` holds (English regardless of case), or ""."""
    hay = clause if lang == "zh" else clause.lower()
    return next((w for w in words if (w if lang == "zh" else w.lower()) in hay), "")


def _continuations(
    mentions: Sequence[Mention], lang: str, catalogue: Catalogue, lexicon: Lexicon
) -> list[tuple[int, Mention, tuple[int, int, str], str]]:
    """Clauses of the sentence that name no theme but hold a keyword of one it names
    (…编制改造专项规划，对具备条件的居住建筑要*应改尽改*: the retrofit goes on): each is a
    mention of that theme at the keyword (with the index of the mention it carries on and
    its start, end and words), and what it carries on."""
    sentence = mentions[0].sentence
    themed = {clause_bounds(sentence, lang, (m.start, m.end), lexicon) for m in mentions}
    out: list[tuple[int, Mention, tuple[int, int, str], str]] = []
    seen: set[tuple[str, tuple[int, int]]] = set()
    for index, m in enumerate(mentions):
        theme = catalogue.get(m.theme_id)
        if theme is None:
            continue
        hay = sentence if lang == "zh" else sentence.lower()
        for keyword in theme.keywords(lang):
            needle = keyword if lang == "zh" else keyword.lower()
            at = hay.find(needle)
            while at >= 0:
                bounds = clause_bounds(sentence, lang, (at, at + len(needle)), lexicon)
                if bounds not in themed and (m.theme_id, bounds) not in seen:
                    seen.add((m.theme_id, bounds))
                    moved = (at, at + len(needle), sentence[at : at + len(needle)])
                    found = replace(
                        m, start=moved[0], end=moved[1], matched=moved[2], score=CONTINUATION_SCORE
                    )
                    out.append((index, found, moved, m.matched))
                at = hay.find(needle, at + 1)
    return out


def strongest(commitments: Iterable[Commitment]) -> Commitment | None:
    """The commitment that stands for a theme: strongest first, then earliest in the text."""
    ordered = list(commitments)
    if not ordered:
        return None
    best = ordered[0]
    for candidate in ordered[1:]:
        if candidate.rank > best.rank:
            best = candidate
    return best


def provision_pairs(original: StructuredVersion, translation: StructuredVersion) -> dict[str, str]:
    """Original provision id -> paired translation provision id."""
    return {
        pair.a_id: pair.b_id
        for pair in pair_versions(original, translation)
        if pair.a_id is not None and pair.b_id is not None
    }


def counterpart(
    commitment: Commitment, others: Sequence[Commitment], pairs: dict[str, str]
) -> Commitment | None:
    """The other language's commitment on the same theme in the paired provision."""
    target = pairs.get(commitment.mention.provision_id)
    if target is None:
        return None
    theme = commitment.mention.theme_id
    return strongest(
        c for c in others if c.mention.theme_id == theme and c.mention.provision_id == target
    )
