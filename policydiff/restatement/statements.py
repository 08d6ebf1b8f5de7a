"""A child that states what its parent directs.

A province may restate a parent clause in a part of its sentence that directs nothing
(Qinghai's 组团间的生态廊道贯通连续 for the ministry's 组团间的生态廊道应贯通连续): a weaker
restatement than a directive, not an omission. Such parts are read by
:func:`policydiff.restatement.clauses.version_parts` (Chinese only) and
restate a parent clause no child clause restates where the two are alike from
:data:`STATED`, as :func:`policydiff.restatement.align.similarity_matrix` compares clauses and
with its refusals (another kind of place or waste, another indicator): a near copy. A
description that only shares the parent's field is none, and a statement is never more than
weakened (:func:`policydiff.restatement.verdict.judge`)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

STATED = 0.60  # similarity from which a part that directs nothing restates a parent clause


def stated(matrix: np.ndarray, unmatched: Iterable[int]) -> dict[int, tuple[int, float]]:
    """Each parent clause of ``unmatched`` (rows of ``matrix``, parent clause x statement)
    that a statement says again, with that statement's index and the similarity."""
    out: dict[int, tuple[int, float]] = {}
    if matrix.shape[1] == 0:
        return out
    for i in unmatched:
        j = int(matrix[i].argmax())
        if matrix[i, j] >= STATED:
            out[i] = (j, float(matrix[i, j]))
    return out
