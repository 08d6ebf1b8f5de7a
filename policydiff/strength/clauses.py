"""Clauses: where a cue's reach ends (zh at ，；。？！：, en at ";", ", and …" and at a comma
before a new verb phrase or a new subject)."""

from __future__ import annotations

import re

from policydiff.strength.cues import (
    FOLD_SPECIAL,
    SENTENCE_CACHE_SIZE,
    check_lang,
    clamp,
    cue_at,
    cue_index,
)
from policydiff.strength.lexicon import Lexicon, load_lexicon

_ZH_HARD = re.compile(r"[，,；;。？！?!：:\n]")
# [!?:\n] written as one alternative per character: when every alternative opens on a
# literal character, the regular expression engine skips to the next of them in C
_EN_HARD = re.compile(r";\s|;$|!|\?|:|\n|\.(?=\s|$)|,\s+(?:but|while|thereby)\s")
_EN_COMMA = re.compile(r",\s+")
# ", and X" closes a list ("green cities, forest cities, and waste-free cities") unless X
# opens a new verb phrase ("…, and carry out in-depth actions"): look past the conjunction.
_EN_CONJUNCTION = re.compile(r"(?:and|as well as)\s+", re.IGNORECASE)
# ", carbon emissions will peak": a subject with its own finite verb is a new clause.
# (not past "and"/"or": ", B and C will reach" ends a list that began before the comma)
_EN_NEW_SUBJECT = re.compile(
    r"(?:(?!and\b|or\b)[\w\"'’()-]+\s+){1,8}?(?:will|shall|should|must|is|are|was|were)\b",
    re.IGNORECASE,
)
# ", and the goal … will be achieved": a subject with its own finite verb is a new clause.
_EN_FINITE = re.compile(r"\b(?:will|shall|should|must|is|are|was|were|has|have)\b", re.IGNORECASE)


_BOUNDARIES: dict[tuple[str, str], tuple[Lexicon, tuple[tuple[int, int], ...]]] = {}


def _boundaries(sentence: str, lang: str, lex: Lexicon) -> tuple[tuple[int, int], ...]:
    """Cut points as (end of previous clause, start of next clause); cached per sentence."""
    cached = _BOUNDARIES.get((sentence, lang))
    if cached is not None and cached[0] is lex:
        return cached[1]
    cuts = _find_boundaries(sentence, lang, lex)
    if len(_BOUNDARIES) >= SENTENCE_CACHE_SIZE:
        _BOUNDARIES.clear()
    _BOUNDARIES[(sentence, lang)] = (lex, cuts)
    return cuts


def _find_boundaries(sentence: str, lang: str, lex: Lexicon) -> tuple[tuple[int, int], ...]:
    if lang == "zh":
        return tuple((m.start(), m.end()) for m in _ZH_HARD.finditer(sentence))
    cuts = [(m.start(), m.end()) for m in _EN_HARD.finditer(sentence)]
    index = cue_index(lex, "en")
    assert index.openers is not None and index.openers_past_and is not None
    low = sentence.lower() if FOLD_SPECIAL.isdisjoint(sentence) else None
    for m in _EN_COMMA.finditer(sentence):
        conjunction = _EN_CONJUNCTION.match(sentence, m.end())
        if conjunction:
            at = conjunction.end()
            rest = sentence[at : at + 200].split(",")[0]
            if (
                cue_at(sentence, low, at, index)
                or index.openers_past_and.match(sentence, at)
                or _EN_FINITE.search(rest)
            ):
                cuts.append((m.start(), conjunction.end()))
            continue
        if (
            cue_at(sentence, low, m.end(), index)
            or index.openers.match(sentence, m.end())
            or _EN_NEW_SUBJECT.match(sentence, m.end())
        ):
            cuts.append((m.start(), m.end()))
    return tuple(sorted(cuts))


def clause_bounds(
    sentence: str, lang: str, span: tuple[int, int], lexicon: Lexicon | None = None
) -> tuple[int, int]:
    """The [start, end) of the clause of ``sentence`` that carries ``span``.

    zh splits at ，；。？！： but never at 、 (which joins list items of one clause).
    en splits at "; ", sentence ends, ", and …" and at ", " when the next word opens a
    new verb phrase (a lexicon cue or one of ``clause_openers_en``).
    """
    lang = check_lang(lang)
    lex = lexicon or load_lexicon()
    s, e = clamp(sentence, span)
    start, end = 0, len(sentence)
    cuts = _boundaries(sentence, lang, lex)
    if not cuts:  # one clause
        return start, end
    for cut_end, cut_next in cuts:
        if cut_next <= s:
            start = max(start, cut_next)
        elif cut_end >= e and cut_end >= s:
            end = min(end, cut_end)
            break
    return start, max(start, end)
