"""Directive strength: how strongly a policy sentence commits to a theme.

The scale (0 none .. 5 binding) and its limits are described in docs/strength.md.
"""

from __future__ import annotations

from policydiff.strength.lexicon import (
    LEVEL_NAMES,
    Entry,
    Lexicon,
    NegativeContext,
    load_lexicon,
)
from policydiff.strength.score import (
    Cue,
    StrengthScore,
    clause_bounds,
    find_cues,
    score_commitment,
)
from policydiff.strength.targets import Target, figure_text, find_targets

__all__ = [
    "LEVEL_NAMES",
    "Cue",
    "Entry",
    "Lexicon",
    "NegativeContext",
    "StrengthScore",
    "Target",
    "clause_bounds",
    "figure_text",
    "find_cues",
    "find_targets",
    "load_lexicon",
    "score_commitment",
]
