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
from dataclasses import dataclass

from policydiff.models import StructuredVersion
from policydiff.strength import (
    Lexicon,
    StrengthScore,
    Target,
    clause_bounds,
    load_lexicon,
    score_commitment,
)
from policydiff.strength.targets import find_target_spans
from policydiff.structure import pair_versions
from policydiff.themes import Catalogue, Mention, find_mentions


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


def find_commitments(
    structured: StructuredVersion, catalogue: Catalogue, lexicon: Lexicon | None = None
) -> tuple[Commitment, ...]:
    """One commitment per theme mention of a version, in text order."""
    lexicon = lexicon or load_lexicon()
    lang = structured.version.lang
    return tuple(commit(m, lang, lexicon) for m in find_mentions(structured, catalogue))


def theme_targets(sentence: str, lang: str, matched: str, lexicon: Lexicon) -> tuple[Target, ...]:
    """Targets whose clause names the theme again: "…; By 2035, the construction of
    'waste free cities' will achieve full coverage" carries its own target."""
    needle = matched.lower()
    found = []
    for start, end, target in find_target_spans(sentence, lang):
        c_start, c_end = clause_bounds(sentence, lang, (start, end), lexicon)
        if needle and needle in sentence[c_start:c_end].lower():
            found.append(target)
    return tuple(found)


def commit(m: Mention, lang: str, lexicon: Lexicon) -> Commitment:
    """The commitment a mention's sentence makes to its theme."""
    score = score_commitment(m.sentence, lang, (m.start, m.end), lexicon)
    extra = theme_targets(m.sentence, lang, m.matched, lexicon)
    return Commitment(m, score, tuple(dict.fromkeys((*score.targets, *extra))))


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
