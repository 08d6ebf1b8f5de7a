"""A provision diff of two different documents, read with `compare`'s alignment.

Two different documents, of one series or not, are word-diffed provision by provision
only where their provisions really correspond (:func:`provisions_correspond`).  Even then, the
provision aligner pairs whole provisions while a child restates clauses wherever it
likes, so the cue lines of such a diff are :func:`with_commitments`: every parent
commitment in a provision that the child strengthens, weakens or omits, as
:func:`policydiff.restatement.compare.compare_clauses` judges it, and provisions one
side lacks name where the other side restates their commitments (a parent's one also lists
the verdicts the child strengthens, weakens or omits).  `diff` and `compare`
then never disagree.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter, defaultdict

from policydiff.diff import Across, CueChange, DocumentDiff, ProvisionDiff
from policydiff.restatement.compare import Comparison, Restated
from policydiff.restatement.verdict import Restatement

# How alike two different documents' provisions must be to be diffed provision by
# provision (:func:`correspondence`); below it ``policydiff diff`` pairs commitments.
PROVISION_MATCH = 0.5

_CHANGES = (Restatement.STRENGTHENED, Restatement.WEAKENED, Restatement.OMITTED)


def correspondence(diff: DocumentDiff) -> float:
    """How alike two documents' provisions are, 0 to 1: the difflib ratio of the words of
    each pair the provision aligner makes, weighted by the pair's text, over all the text
    of both, each provision counted once (``diff`` made with ``include_unchanged``).  A
    provision only one side has counts as not alike at all: a plan that restructures the
    parent's, adding and dropping provisions, does not correspond however alike its few
    pairs are; a bare heading weighs what its words weigh."""
    alike = 0.0
    sizes: dict[tuple[str, str], int] = {}  # each provision's text, once however it is paired
    for pair in diff.pairs:
        old = sum(len(op.old) for op in pair.ops)
        new = sum(len(op.new) for op in pair.ops)
        alike += pair.ratio * (old + new)
        sizes[("old", pair.old_id)] = old
        sizes[("new", pair.new_id)] = new
    for side, refs in (("old", diff.removed), ("new", diff.added)):
        sizes.update(((side, ref.id), len(ref.text)) for ref in refs)
    total = sum(sizes.values())
    # a provision split over several keeps its whole text in each pair: never above 1
    return min(1.0, alike / total) if total else 0.0


def provisions_correspond(alike: float) -> bool:
    """Whether a provision word diff of two different documents says something:
    their provisions (their :func:`correspondence`, ``alike``) reach
    :data:`PROVISION_MATCH`."""
    return alike >= PROVISION_MATCH


def pairs_commitments(by: str, alike: float | None) -> bool:
    """Whether ``policydiff diff`` pairs commitments rather than provisions: asked to
    (``by``), or left to choose (``auto``) for two documents whose provisions do not
    correspond (``alike``, their :func:`correspondence`; None for versions of one document,
    which always correspond)."""
    if by == "commitments":
        return True
    return by == "auto" and alike is not None and not provisions_correspond(alike)


def _change(r: Restated, paired_with: str) -> CueChange:
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
        new_location=child.location if child and child.provision_id != paired_with else "",
        doubt=r.confidence.doubt,
        doubt_location=r.confidence.location,
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


def with_commitments(diff: DocumentDiff, comparison: Comparison, alike: float) -> DocumentDiff:
    """``diff`` (parent → child) with its cue lines and lone provisions read from
    ``comparison`` of the same two documents (with the diff's theme, only the
    commitments about it), and what it says of the two documents (``alike``: their
    :func:`correspondence`).  The summary counts the verdicts told."""
    commitments = about_theme(comparison, diff.theme).commitments
    removed_ids = {ref.id for ref in diff.removed}
    under_pair: dict[int, list[CueChange]] = defaultdict(list)
    under_removed: dict[str, list[CueChange]] = defaultdict(list)
    held: Counter[str] = Counter()  # parent provision → its commitments
    restated_at: dict[str, list[str]] = defaultdict(list)  # parent provision → child places
    restating: dict[str, list[str]] = defaultdict(list)  # child provision → parent places
    for r in commitments:
        held[r.parent.provision_id] += 1
        if r.child is not None:
            restated_at[r.parent.provision_id].append(r.child.location)
            restating[r.child.provision_id].append(r.parent.location)
        if r.verdict not in _CHANGES:
            continue
        home = _home(r, diff.pairs)
        if home is not None:
            under_pair[id(home)].append(_change(r, home.new_id))
        elif r.parent.provision_id in removed_ids:
            under_removed[r.parent.provision_id].append(_change(r, ""))
    pairs = tuple(dataclasses.replace(p, cue_changes=tuple(under_pair[id(p)])) for p in diff.pairs)
    removed = tuple(
        dataclasses.replace(
            ref,
            commitments=held[ref.id],
            counterparts=tuple(restated_at[ref.id]),
            cue_changes=tuple(under_removed[ref.id]),
        )
        for ref in diff.removed
    )
    added = tuple(
        dataclasses.replace(
            ref, commitments=len(restating[ref.id]), counterparts=tuple(restating[ref.id])
        )
        for ref in diff.added
    )
    told = Counter(c.verdict for pair in pairs for c in pair.cue_changes)
    told.update(c.verdict for ref in removed for c in ref.cue_changes)
    return dataclasses.replace(
        diff,
        pairs=pairs,
        removed=removed,
        added=added,
        summary=dataclasses.replace(
            diff.summary,
            strengthened=told[Restatement.STRENGTHENED],
            weakened=told[Restatement.WEAKENED],
            omitted=told[Restatement.OMITTED],
        ),
        cues="commitments",
        across=_across(comparison, alike),
    )


def shown_correspondence(alike: float) -> float:
    """``alike`` to two places, cut rather than rounded where rounding would reach the
    threshold it is under."""
    shown = round(alike, 2)
    return math.floor(alike * 100) / 100 if alike < PROVISION_MATCH <= shown else shown


def _across(comparison: Comparison, alike: float) -> Across:
    parent, child = comparison.parent.document, comparison.child.document
    relation = comparison.relation
    if relation == "versions":
        raise ValueError("two versions of one document are diffed provision by provision")
    cited = comparison.citation if relation == "cites" else None
    return Across(
        old_title=comparison.parent.title,
        new_title=comparison.child.title,
        old_date=parent.date_text,
        new_date=child.date_text,
        relation=relation,
        series=comparison.series if relation == "series" else "",
        cited=cited.cited if cited else "",
        cited_location=cited.location if cited else "",
        citing_sentence=cited.sentence if cited else "",
        correspondence=shown_correspondence(alike),
    )


def about_theme(comparison: Comparison, theme: str | None) -> Comparison:
    """``comparison`` told of one theme: the commitments either side's clause is about it,
    and the additions about it (all of them without a theme); its summary counts those."""
    if theme is None:
        return comparison
    return dataclasses.replace(
        comparison,
        commitments=tuple(r for r in comparison.commitments if theme in r.themes),
        additions=tuple(c for c in comparison.additions if theme in c.themes),
        theme=theme,
    )
