"""A child that states what its parent directs.

A province may restate a parent clause in a part of its sentence that directs nothing
(Qinghai's 组团间的生态廊道贯通连续 for the ministry's 组团间的生态廊道应贯通连续): a weaker
restatement than a directive, not an omission. Such parts are read by
:func:`policydiff.restatement.clauses.version_clauses` (its ``statements``) and restate a
parent clause no child clause restates where their objects are alike from :data:`STATED`,
a near copy: a description that only shares the parent's field is not one."""

from __future__ import annotations

from collections.abc import Sequence

from policydiff.diff.tfidf import cosine_similarity

STATED = 0.60  # similarity from which a part that directs nothing restates a parent clause


def stated(
    parents: Sequence[str], statements: Sequence[str], unmatched: Sequence[int]
) -> dict[int, tuple[int, float]]:
    """Each parent object of ``unmatched`` (indices into ``parents``) that a statement's
    object says again, with that statement's index and the similarity."""
    if not statements or not unmatched:
        return {}
    matrix = cosine_similarity([parents[i] for i in unmatched], list(statements), "char", 2, 2)
    out: dict[int, tuple[int, float]] = {}
    for row, i in enumerate(unmatched):
        j = int(matrix[row].argmax())
        if matrix[row, j] >= STATED:
            out[i] = (j, float(matrix[row, j]))
    return out
