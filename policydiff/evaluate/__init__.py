"""Measuring policydiff against hand annotations: the gold file (:mod:`.gold`) and the
comparison (:mod:`.compare`). Guidelines for annotators: docs/annotation.md."""

from __future__ import annotations

from policydiff.evaluate.compare import (
    CLASSES,
    Disagreement,
    Evaluation,
    GoldConflict,
    Score,
    evaluate,
)
from policydiff.evaluate.gold import Gold, load_gold

__all__ = [
    "CLASSES",
    "Disagreement",
    "Evaluation",
    "Gold",
    "GoldConflict",
    "Score",
    "evaluate",
    "load_gold",
]
