"""How often the English and Chinese versions of one commitment read the same level."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from policydiff.analysis.commitments import Commitment, counterpart, strongest


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
    """How often the English and Chinese versions of one commitment get the same level.

    ``cases`` holds every case compared, or with ``counts`` (compared, same level) given,
    only the disagreements: what a corpus too large to hold keeps (:mod:`.stream`)."""

    cases: tuple[AgreementCase, ...]
    counts: tuple[int, int] | None = None

    @property
    def compared(self) -> int:
        return len(self.cases) if self.counts is None else self.counts[0]

    @property
    def same_level(self) -> int:
        if self.counts is not None:
            return self.counts[1]
        return sum(case.agrees for case in self.cases)

    @property
    def rate(self) -> float | None:
        return round(self.same_level / self.compared, 3) if self.compared else None


def agreement_cases(
    document_id: str,
    zh: Sequence[Commitment],
    en: Sequence[Commitment],
    pairs: dict[str, str],
) -> list[AgreementCase]:
    """Compare, per theme and paired provision, the strongest zh and en commitment."""
    by_key: dict[tuple[str, str], list[Commitment]] = defaultdict(list)
    for c in zh:
        by_key[(c.mention.theme_id, c.mention.provision_id)].append(c)
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
                provision_en=translated.mention.provision_id,
                level_zh=original.score.level,
                level_en=translated.score.level,
                cue_zh=original.score.cue,
                cue_en=translated.score.cue,
                sentence_zh=original.mention.sentence,
                sentence_en=translated.mention.sentence,
            )
        )
    return cases
