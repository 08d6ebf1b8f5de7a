"""Commitments: each theme mention scored for directive strength, with its evidence.

A commitment is one sentence's statement about one theme: the mention (from
:mod:`policydiff.themes`), the clause-bound strength score (from
:mod:`policydiff.strength`) and where it stands. English and Chinese versions of
one document are tied together through their paired provisions, which is how
a report shows the original beside the translation and how the agreement of
the two languages' scores is measured.
"""

from __future__ import annotations

from collections import defaultdict
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
    theme_id: str
    document_id: str
    version_key: str
    lang: str
    provision_id: str
    location: str
    sentence_index: int
    sentence: str
    span: tuple[int, int]  # the theme mention within ``sentence``
    matched: str
    score: StrengthScore
    targets: tuple[Target, ...] = ()  # in any clause of the sentence that names the theme

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
    return tuple(_commitment(m, lang, lexicon) for m in find_mentions(structured, catalogue))


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


def _commitment(m: Mention, lang: str, lexicon: Lexicon) -> Commitment:
    score = score_commitment(m.sentence, lang, (m.start, m.end), lexicon)
    extra = theme_targets(m.sentence, lang, m.matched, lexicon)
    return Commitment(
        theme_id=m.theme_id,
        document_id=m.document_id,
        version_key=m.version_key,
        lang=lang,
        provision_id=m.provision_id,
        location=m.location,
        sentence_index=m.sentence_index,
        sentence=m.sentence,
        span=(m.start, m.end),
        matched=m.matched,
        score=score,
        targets=tuple(dict.fromkeys((*score.targets, *extra))),
    )


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
    target = pairs.get(commitment.provision_id)
    if target is None:
        return None
    return strongest(
        c for c in others if c.theme_id == commitment.theme_id and c.provision_id == target
    )


@dataclass(frozen=True)
class AgreementCase:
    document_id: str
    theme_id: str
    provision_zh: str
    provision_en: str
    level_zh: int
    level_en: int
    cue_zh: str
    cue_en: str
    sentence_zh: str
    sentence_en: str

    @property
    def agrees(self) -> bool:
        return self.level_zh == self.level_en


@dataclass(frozen=True)
class Agreement:
    """How often the English and Chinese versions of one commitment get the same level."""

    cases: tuple[AgreementCase, ...]

    @property
    def compared(self) -> int:
        return len(self.cases)

    @property
    def same_level(self) -> int:
        return sum(case.agrees for case in self.cases)

    @property
    def rate(self) -> float | None:
        return round(self.same_level / self.compared, 3) if self.cases else None


def agreement_cases(
    document_id: str,
    zh: Sequence[Commitment],
    en: Sequence[Commitment],
    pairs: dict[str, str],
) -> list[AgreementCase]:
    """Compare, per theme and paired provision, the strongest zh and en commitment."""
    by_key: dict[tuple[str, str], list[Commitment]] = defaultdict(list)
    for c in zh:
        by_key[(c.theme_id, c.provision_id)].append(c)
    cases = []
    for (theme_id, provision_id), group in sorted(by_key.items()):
        original = strongest(group)
        assert original is not None
        translated = counterpart(original, en, pairs)
        if translated is None:
            continue
        cases.append(
            AgreementCase(
                document_id=document_id,
                theme_id=theme_id,
                provision_zh=provision_id,
                provision_en=translated.provision_id,
                level_zh=original.score.level,
                level_en=translated.score.level,
                cue_zh=original.score.cue,
                cue_en=translated.score.cue,
                sentence_zh=original.sentence,
                sentence_en=translated.sentence,
            )
        )
    return cases
