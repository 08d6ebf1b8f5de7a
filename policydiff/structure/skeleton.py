"""The numbering skeleton of a text: items per part, the same in any language.

Two complete versions of one document (the Chinese original and its translation, say)
share it; a version that does not has had items cut, merged or mis-numbered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from policydiff.models import Provision
from policydiff.structure.parse import parse_provisions


def skeleton_of(provisions: Sequence[Provision]) -> tuple[int, ...]:
    """Items per part, in order, of a text already parsed into ``provisions``."""
    counts: Counter[str] = Counter()
    parts: list[str] = []
    for provision in provisions:
        if provision.level == 1:
            parts.append(provision.id)
        elif provision.level == 2 and provision.parent:
            counts[provision.parent] += 1
    return tuple(counts[p] for p in parts)


def skeleton(text: str, lang: str) -> tuple[int, ...]:
    """Items per part, in order: the shape of the numbering."""
    return skeleton_of(parse_provisions(text, lang))
