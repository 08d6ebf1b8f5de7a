"""Commitment cues that changed between two versions of a provision (for :mod:`.documents`).

The changed sentences of a pair are paired one-to-one by word similarity.  With a theme,
:func:`policydiff.strength.score_commitment` scores the theme's mention on each side (its
strength counts manner modifiers and dated targets); without one, the strongest cue that
the change touches is scored on the words right after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from cydifflib import SequenceMatcher

from policydiff.analysis.verdicts import Verdict, strength_verdict
from policydiff.diff.ops import (
    SENTENCE_MIN,
    char_ops,
    may_reach,
    tokenize,
    word_counts,
    word_ratio,
)
from policydiff.models import Provision, Sentence
from policydiff.strength import find_cues, score_commitment
from policydiff.themes.catalogue import Catalogue
from policydiff.themes.match import match_sentence


class Judgement(Protocol):
    """A verdict, its word and its arrow: a cue's (:class:`Verdict`) or, across documents,
    a restatement's (strengthened, weakened or omitted)."""

    @property
    def value(self) -> str: ...

    @property
    def arrow(self) -> str: ...


@dataclass(frozen=True)
class CueChange:
    old_cue: str
    new_cue: str
    old_level: int
    new_level: int
    old_strength: float
    new_strength: float
    # strengthened, weakened or unchanged; across documents, a restatement's verdict on a
    # commitment (strengthened, weakened or omitted)
    verdict: Judgement
    sentence_old: str
    sentence_new: str
    # across documents: the parent's commitment (a clause of sentence_old), the child's
    # clause restating it ("" when omitted), why the verdict, where the child restates it
    # when outside the paired provision, what a reader should check ("" when sure) and
    # where the child's words it names stand
    old_clause: str = ""
    new_clause: str = ""
    reason: str = ""
    new_location: str = ""
    doubt: str = ""
    doubt_location: str = ""

    @property
    def arrow(self) -> str:
        return self.verdict.arrow


# ---------------------------------------------------------------------------
# cue changes


def _changed_spans(old: str, new: str, lang: str) -> tuple[list[tuple[int, int]], ...]:
    """Character spans of ``old`` and of ``new`` touched by the diff (inserts are empty),
    by the characters the match changed, not the words shown: 落实{+全面+}规划 touches the
    cue 落实 only at its end."""
    ops = char_ops(old, new, lang)
    spans_old: list[tuple[int, int]] = []
    spans_new: list[tuple[int, int]] = []
    i = j = 0
    for op in ops:
        if op.op != "equal" and not (op.old + op.new).isspace():
            spans_old.append((i, i + len(op.old)))
            spans_new.append((j, j + len(op.new)))
        i += len(op.old)
        j += len(op.new)
    return spans_old, spans_new


def _touches(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= s <= end if s == e else (s < end and start < e) for s, e in spans)


def theme_span(text: str, lang: str, theme: str, catalogue: Catalogue) -> tuple[int, int] | None:
    return next(
        ((m[1], m[2]) for m in match_sentence(text, lang, catalogue) if m[0] == theme), None
    )


def _verdict(old: float, new: float) -> Verdict:
    return strength_verdict(old, new)[0]


def _cue_change(
    old: str, new: str, lang: str, theme: str | None, catalogue: Catalogue
) -> CueChange | None:
    if theme is not None:
        span_old = theme_span(old, lang, theme, catalogue)
        span_new = theme_span(new, lang, theme, catalogue)
        if span_old is None or span_new is None:
            return None
        a = score_commitment(old, lang, span_old)
        b = score_commitment(new, lang, span_new)
        if a.cue.casefold() == b.cue.casefold() and a.strength == b.strength:
            return None
        return CueChange(
            a.cue, b.cue, a.level, b.level, a.strength, b.strength,
            _verdict(a.strength, b.strength), old, new,
        )  # fmt: skip
    spans_old, spans_new = _changed_spans(old, new, lang)
    top_old = _top_cue(old, lang, spans_old)
    top_new = _top_cue(new, lang, spans_new)
    if top_old is None and top_new is None:
        return None
    if (top_old is None) != (top_new is None):
        # a change beside a cue touches it on one side only (各地{+区+}加强, 应[-当-]推进):
        # where the other side holds that cue as often, the cue did not change (加强A，加强B
        # → 加强A，B loses one)
        found, here, other = (top_old, old, new) if top_new is None else (top_new, new, old)
        assert found is not None

        def times(sentence: str) -> int:
            return sum(
                c.text == found[0] and c.level == found[1] for c in find_cues(sentence, lang)
            )

        if times(other) == times(here):
            return None
    old_cue, old_level, old_strength = top_old or ("", 0, 0.0)
    new_cue, new_level, new_strength = top_new or ("", 0, 0.0)
    if (old_level, old_strength) == (new_level, new_strength):
        return None  # without a theme only a change of level or strength is called out
    return CueChange(
        old_cue, new_cue, old_level, new_level, old_strength, new_strength,
        _verdict(old_strength, new_strength), old, new,
    )  # fmt: skip


def _top_cue(
    sentence: str, lang: str, spans: list[tuple[int, int]]
) -> tuple[str, int, float] | None:
    """The strongest cue touched by the change: (text, level, strength).  The strength is
    the cue's commitment on the words right after it (manner and targets counted)."""
    found = []
    for cue in find_cues(sentence, lang):
        if not _touches(cue.start, cue.end, spans):
            continue
        score = score_commitment(sentence, lang, (cue.end, cue.end))
        strength = score.strength if score.cue == cue.text else float(cue.level)
        found.append((cue.text, cue.level, strength))
    return max(found, key=lambda c: (c[1], c[2]), default=None)


def _sentence_pairs(
    old: Sequence[Sentence], new: Sequence[Sentence], lang: str
) -> list[tuple[str, str]]:
    """Changed old sentences paired one-to-one with their most similar changed new ones."""
    old_texts = [s.text for s in old]
    new_texts = [s.text for s in new]
    gone = [t for t in old_texts if t not in set(new_texts)]
    came = [t for t in new_texts if t not in set(old_texts)]
    scored = []
    toks_came = [tokenize(b, lang) for b in came]
    counts_came = [word_counts(tb) for tb in toks_came]
    for i, a in enumerate(gone):
        ta = tokenize(a, lang)
        ca = word_counts(ta)
        for j, tb in enumerate(toks_came):
            if not may_reach(ca, counts_came[j], SENTENCE_MIN):
                continue
            matcher = SequenceMatcher(None, ta, tb, autojunk=False)
            ratio = word_ratio(matcher.get_opcodes(), ta, tb)
            if ratio >= SENTENCE_MIN:
                scored.append((-ratio, i, j))
    used_i: set[int] = set()
    used_j: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(scored):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            pairs.append((i, j))
    return [(gone[i], came[j]) for i, j in sorted(pairs)]


def _theme_sentence_pairs(
    old: Sequence[Sentence], new: Sequence[Sentence], lang: str, theme: str, catalogue: Catalogue
) -> list[tuple[str, str]]:
    """Old sentences mentioning ``theme`` paired with the most similar new ones that do."""
    olds = [s for s in old if theme_span(s.text, lang, theme, catalogue)]
    news = [s for s in new if theme_span(s.text, lang, theme, catalogue)]
    pairs = _sentence_pairs(olds, news, lang)
    if pairs or not olds or not news:
        return pairs
    # nothing similar enough: the theme's one sentence on each side still says the most
    changed_old = [s.text for s in olds if s.text not in {t.text for t in news}]
    changed_new = [s.text for s in news if s.text not in {t.text for t in olds}]
    if len(changed_old) == 1 and len(changed_new) == 1:
        return [(changed_old[0], changed_new[0])]
    return []


def cue_changes(
    old: Provision, new: Provision, lang: str, theme: str | None, catalogue: Catalogue
) -> tuple[CueChange, ...]:
    if theme is not None:
        pairs = _theme_sentence_pairs(old.sentences, new.sentences, lang, theme, catalogue)
    else:
        pairs = _sentence_pairs(old.sentences, new.sentences, lang)
    found = (_cue_change(a, b, lang, theme, catalogue) for a, b in pairs)
    return tuple(c for c in found if c is not None)
