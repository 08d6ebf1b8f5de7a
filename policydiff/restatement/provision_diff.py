"""A provision diff of two different documents, read with `compare`'s alignment.

Two documents of different series are word-diffed provision by provision only where
their provisions really correspond (:func:`provisions_correspond`).  Even then, the
provision aligner pairs whole provisions while a child restates clauses wherever it
likes, so the cue lines of such a diff are :func:`with_commitments`: every parent
commitment in a provision that the child strengthens, weakens or omits, as
:func:`policydiff.restatement.compare.compare_clauses` judges it, and provisions one
side lacks name where the other side restates their commitments.  `diff` and `compare`
then never disagree.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

from policydiff.diff import CueChange, DocumentDiff, ProvisionDiff, ProvisionRef
from policydiff.restatement.compare import Comparison, Restated
from policydiff.restatement.verdict import Restatement

# How alike two different documents' provisions must be, on average, to be diffed
# provision by provision: the difflib ratio of the words of each pair the provision
# aligner makes, a provision only one side has counting as not alike at all (a plan
# that restructures the parent's, adding and dropping provisions, does not correspond
# however alike the few pairs are).  Below it ``policydiff diff`` pairs commitments.
PROVISION_MATCH = 0.5

_CHANGES = (Restatement.STRENGTHENED, Restatement.WEAKENED, Restatement.OMITTED)


def correspondence(diff: DocumentDiff) -> float:
    """How alike the two documents' provisions are: 0 (none paired) to 1 (all equal)."""
    ratios = [p.ratio for p in diff.pairs]
    unchanged = diff.unchanged_count
    total = len(ratios) + unchanged + len(diff.added) + len(diff.removed)
    return (sum(ratios) + unchanged) / total if total else 0.0


def provisions_correspond(diff: DocumentDiff, one_timeline: bool) -> bool:
    """Whether a provision word diff says something: versions of one document, or
    successive documents of one series, always; others when their provisions reach
    :data:`PROVISION_MATCH`."""
    return one_timeline or correspondence(diff) >= PROVISION_MATCH


def _change(r: Restated, pair: ProvisionDiff) -> CueChange:
    child = r.child
    return CueChange(
        old_cue=r.parent.cue,
        new_cue=child.cue if child else "",
        old_level=r.parent.level,
        new_level=child.level if child else 0,
        old_strength=r.parent.strength,
        new_strength=child.strength if child else 0.0,
        verdict=r.verdict,
        sentence_old=r.parent.sentence,
        sentence_new=child.sentence if child else "",
        old_clause=r.parent.text,
        new_clause=child.text if child else "",
        reason="; ".join(r.reasons),
        new_location=child.location if child and child.provision_id != pair.new_id else "",
        doubt=r.confidence.doubt,
    )


def _home(r: Restated, pairs: tuple[ProvisionDiff, ...]) -> ProvisionDiff | None:
    """The pair a commitment is told under: its provision's pair with the child's
    provision when the parent's provision was split, else its provision's first."""
    own = [p for p in pairs if p.old_id == r.parent.provision_id]
    if r.child is not None:
        for pair in own:
            if pair.new_id == r.child.provision_id:
                return pair
    return own[0] if own else None


def with_commitments(diff: DocumentDiff, comparison: Comparison) -> DocumentDiff:
    """``diff`` (parent → child) with its cue lines and lone provisions read from
    ``comparison`` of the same two documents (with the diff's theme, only the
    commitments about it)."""
    commitments = [
        r
        for r in comparison.commitments
        if diff.theme is None
        or diff.theme in r.parent.themes
        or (r.child is not None and diff.theme in r.child.themes)
    ]
    changes: dict[int, list[CueChange]] = defaultdict(list)
    held: Counter[str] = Counter(r.parent.provision_id for r in commitments)
    restated_at: dict[str, list[str]] = defaultdict(list)  # parent provision → child places
    restating: dict[str, list[str]] = defaultdict(list)  # child provision → parent places
    for r in commitments:
        if r.child is not None:
            held[f"child {r.child.provision_id}"] += 1
            restated_at[r.parent.provision_id].append(r.child.location)
            restating[r.child.provision_id].append(r.parent.location)
        if r.verdict not in _CHANGES:
            continue
        home = _home(r, diff.pairs)
        if home is not None:
            changes[id(home)].append(_change(r, home))
    pairs = tuple(dataclasses.replace(p, cue_changes=tuple(changes[id(p)])) for p in diff.pairs)
    counts = Counter(r.verdict for r in commitments)

    def placed(ref: ProvisionRef, places: dict[str, list[str]], key: str) -> ProvisionRef:
        return dataclasses.replace(ref, commitments=held[key], counterparts=tuple(places[ref.id]))

    return dataclasses.replace(
        diff,
        pairs=pairs,
        removed=tuple(placed(r, restated_at, r.id) for r in diff.removed),
        added=tuple(placed(r, restating, f"child {r.id}") for r in diff.added),
        summary=dataclasses.replace(
            diff.summary,
            strengthened=counts[Restatement.STRENGTHENED],
            weakened=counts[Restatement.WEAKENED],
            omitted=counts[Restatement.OMITTED],
        ),
        cues="commitments",
    )
