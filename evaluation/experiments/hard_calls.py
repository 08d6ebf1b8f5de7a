"""Where compare disagrees with its readers: on the verdicts they found clear, or on those
they marked a hard call.

A reader who hesitates over a verdict says so in its notes ("hard call: …"). This counts,
over gold files, the (parent commitment, child) verdicts so marked and the others, how
often compare agrees on each part, and which verdicts the readers gave where they
hesitated. It reads the gold and runs compare, as ``policydiff compare --gold`` does, and
prints totals only, no verdict: run on the untuned provinces it tunes nothing.

    python evaluation/experiments/hard_calls.py                # every set tuned on
    python evaluation/experiments/hard_calls.py CORPUS GOLD…   # these gold files

docs/lineage.md (the twenty-second session) quotes the results.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from lineages import TUNED

from policydiff.corpus.store import load_corpus
from policydiff.evaluate.restatement import measure, read_gold
from policydiff.themes import load_catalogue

REPO = Path(__file__).resolve().parents[2]
MARK = "hard call"


def tally(lineages: Sequence[tuple[str, str]]) -> dict[str, Counter[str]]:
    """Per part (``clear``, ``hard``): its cases, the agreed, and the readers' verdicts."""
    catalogue = load_catalogue()
    parts: dict[str, Counter[str]] = {"clear": Counter(), "hard": Counter()}
    for corpus_path, gold_path in lineages:
        corpus = load_corpus(REPO / corpus_path)
        for case in measure(read_gold(REPO / gold_path), corpus, catalogue).cases:
            part = parts["hard" if MARK in case.notes.lower() else "clear"]
            part["cases"] += 1
            part["agreed"] += case.agrees
            part[f"gold {case.gold}"] += 1
            part[f"tool {case.tool}"] += 1
    return parts


def main(argv: Sequence[str]) -> None:
    if len(argv) == 1:
        sys.exit("usage: hard_calls.py [CORPUS GOLD...]")
    lineages = [(argv[0], gold) for gold in argv[1:]] if argv else TUNED
    for name, part in tally(lineages).items():
        cases, agreed = part["cases"], part["agreed"]
        share = f"{agreed / cases:.1%}" if cases else "-"
        print(f"{name}: compare agrees on {agreed} of {cases} ({share})")
        for key in sorted(k for k in part if k.startswith(("gold ", "tool "))):
            print(f"  {key}: {part[key]}")


if __name__ == "__main__":
    main(sys.argv[1:])
