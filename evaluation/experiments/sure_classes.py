"""What a ``sure`` verdict may rest on, measured on the development lineages and the
selection only: the untuned industrial provinces are never compared here and their gold
is never read (their documents share the test corpus's folder, so they are loaded with it).

Two tables, which docs/lineage.md ("How sure a verdict is", the fifteenth session) quotes:

1. **Changes by what decided them.** Every strengthened or weakened verdict is ``check``.
   The table counts, for the changes that would otherwise be sure (the two clauses reach
   ``SURE_MATCH`` and the cues alone do not decide), how often careful readers gave the
   same verdict, by what decided the change: a target (inside the two clauses, or from
   another clause of a sentence or of the child), the scope, or a dated target where the
   parent has none. A class would deserve ``sure`` only if it agreed as often as sure
   restatements do.
2. **Omissions by the echo of their words.** An omission is sure only if no child clause
   comes within ``SURE_OMISSION`` and the child does not use most of the words of its
   object apart (``ECHO_SHARE``). The table gives, for several values of ``ECHO_SHARE``
   (and without the echo), how many omissions stay sure and how many of those the gold
   also finds omitted.

    python evaluation/experiments/sure_classes.py
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from lineages import TUNED

from policydiff.corpus.store import load_corpus
from policydiff.evaluate.restatement import measure, read_gold
from policydiff.restatement import confidence
from policydiff.restatement.compare import Restated
from policydiff.themes import load_catalogue

REPO = Path(__file__).resolve().parents[2]
ECHO_SHARES = (0.5, 0.6, 0.75, 2.0)  # 2.0: no object is ever echoed, the echo is off


@dataclass(frozen=True)
class Pair:
    gold: str
    found: Restated | None  # None: no clause of the tool's stands for the gold's


def pairs() -> Iterator[Pair]:
    """Every (gold commitment, child) of :data:`lineages.TUNED` with the tool's reading of it,
    as ``policydiff compare --gold`` measures it."""
    catalogue = load_catalogue()
    for corpus_path, gold_path in TUNED:
        measured = measure(read_gold(REPO / gold_path), load_corpus(REPO / corpus_path), catalogue)
        for case in measured.cases:
            yield Pair(case.gold, case.restated)


def decided_by(found: Restated) -> str:
    """What decided a change, as its first reason says, and for a target whether both
    numbers stand in the two matched clauses."""
    first = found.reasons[0] if found.reasons else ""
    if first.startswith("a dated target where the parent has none"):
        return "a dated target where the parent has none"
    if "scope" in first:
        return "a wider scope" if "wider" in first else "a narrower scope"
    if first.startswith("target kept but softened"):
        return "a target kept but softened (左右, 不宜)"
    if first.startswith("target "):
        change = next((t for t in found.targets if first.startswith(t.said)), None)
        if change is None:
            return f"a target, not traced ({first})"
        assert found.child is not None
        inside = change.parent in found.parent.targets and (
            change.child is None
            or any(change.child is t for c in (found.child, *found.support) for t in c.targets)
        )
        what = {"dropped": "dropped", "stricter": "raised", "laxer": "lowered"}.get(
            change.change, change.change
        )
        return f"a target {what}, {'inside' if inside else 'from outside'} the two clauses"
    return first.split(" (")[0] or "(no reason)"


def changes_by_class(
    data: Sequence[Pair], by: Callable[[Restated], str]
) -> list[tuple[str, int, int]]:
    """(class by ``by``, agreed, pairs) of the changes a reader would otherwise take as
    sure, most pairs first."""
    counts: Counter[str] = Counter()
    agreed: Counter[str] = Counter()
    for pair in data:
        found = pair.found
        if (
            found is None
            or found.verdict.value not in ("strengthened", "weakened")
            or not confidence.assess(found.child, found.similarity, found.reasons).sure
        ):
            continue
        key = by(found)
        counts[key] += 1
        agreed[key] += pair.gold == found.verdict.value
    return [(k, agreed[k], n) for k, n in counts.most_common()]


def sure_claims(data: Sequence[Pair]) -> dict[str, tuple[int, int]]:
    """Per verdict of the tool: (agreed, pairs) among its sure verdicts."""
    out: dict[str, list[int]] = {}
    for pair in data:
        if pair.found is None or pair.found.confidence.label != confidence.SURE:
            continue
        tally = out.setdefault(pair.found.verdict.value, [0, 0])
        tally[0] += pair.gold == pair.found.verdict.value
        tally[1] += 1
    return {k: (a, n) for k, (a, n) in sorted(out.items())}


def _rate(agreed: int, cases: int) -> str:
    return f"{agreed}/{cases} ({agreed / cases:.1%})" if cases else "0/0"


def main() -> None:
    held = confidence.ECHO_SHARE
    data = list(pairs())
    print(f"{len(data)} (commitment, child) pairs on {len(TUNED)} gold files\n")
    print("Sure verdicts, per claim:")
    for verdict, (agreed, cases) in sure_claims(data).items():
        print(f"  {verdict}: {_rate(agreed, cases)}")
    print("\nChanges that would be sure but for being changes:")
    for key, agreed, cases in changes_by_class(data, lambda found: found.verdict.value):
        print(f"  {key}: {_rate(agreed, cases)}")
    print("  by what decided them:")
    for key, agreed, cases in changes_by_class(data, decided_by):
        print(f"    {key}: {_rate(agreed, cases)}")
    print(f"\nSure omissions by ECHO_SHARE (the rule's: {held}):")
    try:
        for share in ECHO_SHARES:
            confidence.ECHO_SHARE = share
            omitted = sure_claims(list(pairs())).get("omitted", (0, 0))
            name = "no echo" if share > 1 else f"{share}"
            print(f"  {name}: {_rate(*omitted)}")
    finally:
        confidence.ECHO_SHARE = held


if __name__ == "__main__":
    main()
