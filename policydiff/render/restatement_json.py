"""A restatement (``policydiff compare PARENT CHILD``) as JSON.

Schema ``policydiff.restatement/1`` (fields may be added, never renamed or removed)::

    {"schema", "parent": {id, title, date}, "child": {id, title, date},
     "citation": {cites_parent, text, how, location},
     "commitments": [{"parent": SIDE, "child": SIDE or null, "similarity", "verdict",
                      "reasons", "confidence", "doubt", "doubt_location", "neighbour_location",
                      "matched_by", "themes",
                      "nearest": SIDE or null, "word_diff": [{op, old, new}],
                      "target_changes"}],
     "additions": [SIDE], "second_mentions": [SIDE + like],
     "summary": {restated, strengthened, weakened, omitted, added},
     "shown": {only, to_check} (only with --only or --to-check),
     "theme": id (only from diff --theme),
     "correspondence": float (only from diff, when it pairs commitments because the
                      provisions are less alike than the threshold),
     "partial": the sides, "parent" and/or "child", whose version is partial (complete:
                false: an addition or omission may be a gap in that version), [] for none}

where SIDE is ``{sentence, clause, location, provision, cue, level, strength, targets:
[{text, value, low, unit, year, hedged}], themes}``: ``sentence`` the whole sentence (the
evidence), ``clause`` the commitment within it, ``low`` the start of a target's range,
multiplied out as ``value`` is (2~3个: low 2, value 3; 0.6-1万人: 6000 and 10000; null for one
number), ``hedged`` whether a target is aimed at
(力争), not promised, ``cue`` the words that commit it: a substring of ``clause``; where the
cue opens and closes on cue words around its object, those words joined by "…" (引导…规模化发展);
for a clause that only frames the next (按照…原则), the next clause's cue. ``strength`` is the
clause's score on docs/strength.md's scale, a dated target's bonus included; a verdict's
reasons compare the cues without it ("same cue strength" where 2.5 and 2.0 differ only by a
target). ``similarity`` is that of the best child clause (capped at 1), also for an omitted
commitment, and ``nearest`` that clause of an omitted commitment (null when restated, or
when no child clause shares anything with it). ``second_mentions`` are the child's clauses
as like a commitment as a restatement that restate none (another clause was taken), in the
child's order, each with ``like``: {sentence, clause, location} of the parent clause it is most like;
neither restatements nor additions, shown where the additions are. A commitment's ``child``
may be a part of a sentence that directs nothing (``cue`` "", ``level`` 0): the child states
what the parent directs (:mod:`policydiff.restatement.statements`), weakened.
``confidence`` is ``sure`` or ``check``, ``doubt`` what a reader should check (null when
sure): :mod:`policydiff.restatement.confidence`; ``doubt_location`` where the child clause or
sentence the doubt quotes stands (null when it quotes none), ``neighbour_location`` for an
omission to check where the child restates its neighbour in the parent's sentence, when that
is another sentence, which the doubt quotes too (null otherwise); ``matched_by`` how a child
clause below the similarity of a match was found (``covered``: named inside a longer
clause, ``beside``: beside a sibling's restatement, ``heading``: the child's copy of the
provision's heading, ``headed``: the clause of the child's sentence whose object ends on
the parent's; null when by similarity). ``word_diff`` is the word diff of a restated pair,
parent clause to child clause, as the terminal shows it (Chinese in jieba's words; empty for
an omission). ``--only`` and ``--to-check`` keep the
commitments (and additions) they name, as in every other format, and say so in ``shown``;
each of ``target_changes`` carries ``parent_clause``, the clause of the parent's sentence
that sets its target where that is not the parent's clause itself, and ``child_place``, the
provision and clause of the child that set its figure where that is outside the child's
sentence (null otherwise), with ``child_place_evidence``: {sentence, location} of that
clause (null with it); the reasons say both. ``summary`` always counts the whole
comparison (a comparison told of one ``theme``, by
``diff --theme``, is that theme's commitments and additions). A document's ``date`` is its
issue date as written (2022-06, 2022-12~ for an estimate: README, "The corpus on disk").
Same corpus: same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from policydiff.analysis.evolution_json import target_dict, targets_list
from policydiff.restatement.clauses import Clause
from policydiff.restatement.compare import (
    EVERYTHING,
    Comparison,
    DocumentClauses,
    Restated,
    Selection,
)

SCHEMA = "policydiff.restatement/1"


def _document(read: DocumentClauses) -> dict[str, Any]:
    d = read.document
    return {"id": d.id, "version": read.version.key, "title": read.title, "date": d.date_text}


def side(c: Clause) -> dict[str, Any]:
    return {
        "sentence": c.sentence,
        "clause": c.text,
        "location": c.location,
        "provision": c.provision_id,
        "cue": c.cue,
        "level": c.level,
        "strength": c.strength,
        "targets": targets_list(c.targets),
        "themes": list(c.themes),
    }


def _restated(r: Restated) -> dict[str, Any]:
    return {
        "parent": side(r.parent),
        "child": side(r.child) if r.child is not None else None,
        "similarity": min(1.0, r.similarity),
        "verdict": r.verdict.value,
        "reasons": list(r.reasons),
        "confidence": r.confidence.label,
        "doubt": r.confidence.doubt or None,
        "doubt_location": r.confidence.location or None,
        "neighbour_location": r.confidence.neighbour_location or None,
        "matched_by": r.route or None,
        "themes": list(r.themes),
        "nearest": side(r.nearest) if r.nearest is not None else None,
        "word_diff": [{"op": op.op, "old": op.old, "new": op.new} for op in r.ops],
        "target_changes": [
            {
                "parent": target_dict(t.parent),
                "child": target_dict(t.child) if t.child else None,
                "change": t.change,
                "how": t.how,
                "parent_clause": t.parent_clause or None,
                "child_place": t.child_place or None,
                "child_place_evidence": {
                    "sentence": t.child_holder.sentence,
                    "location": t.child_holder.location,
                }
                if t.child_holder is not None
                else None,
            }
            for t in r.targets
        ],
    }


def restatement_dict(comparison: Comparison, shown: Selection = EVERYTHING) -> dict[str, Any]:
    edge = comparison.citation
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "parent": _document(comparison.parent),
        "child": _document(comparison.child),
        "lang": comparison.parent.version.lang,
        "citation": {
            "cites_parent": comparison.cites_parent,
            "text": edge.sentence if edge is not None and edge.sentence else None,
            "how": edge.how if edge is not None else None,
            "location": edge.location if edge is not None and edge.location else None,
        },
        "relation": comparison.relation,
        "commitments": [_restated(r) for r in comparison.commitments if shown.keeps(r)],
        "additions": [side(c) for c in comparison.additions] if shown.additions else [],
        "second_mentions": [
            {
                **side(c),
                "like": {
                    "sentence": r.parent.sentence,
                    "clause": r.parent.text,
                    "location": r.parent.location,
                },
            }
            for r, c in comparison.second_mentions
        ]
        if shown.additions
        else [],
        "summary": comparison.summary,
    }
    if comparison.relation == "series":
        out["series"] = comparison.series
    if shown != EVERYTHING:
        out["shown"] = {"only": list(shown.only), "to_check": shown.to_check}
    if comparison.theme is not None:
        out["theme"] = comparison.theme  # `diff --theme`: the summary counts what it keeps
    if comparison.correspondence is not None:
        out["correspondence"] = comparison.correspondence  # why `diff` paired commitments
    out["partial"] = [
        name
        for name, read in (("parent", comparison.parent), ("child", comparison.child))
        if not read.version.complete
    ]
    return out


def restatement_json(comparison: Comparison, shown: Selection = EVERYTHING) -> str:
    return json.dumps(restatement_dict(comparison, shown), ensure_ascii=False, indent=2) + "\n"
