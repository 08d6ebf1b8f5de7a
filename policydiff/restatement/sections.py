"""Where a child keeps the parent's provisions, and what that says of one clause.

A province that restates a parent provision mostly restates it in one provision of its own:
the clauses of the ministry's 推进建筑节能 it copies sit together in its own provision on
building energy. A parent clause whose words come near a child clause (:data:`NEAR`) is a
little more like it where the parent's provision is restated in that clause's provision:
by :data:`BONUS` times the share of the provision's sure matches (:data:`SURE`) that land
there. The prior only tips what the words leave near even; the provisions' own numbers
are never compared (provinces renumber)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from policydiff.restatement.clauses import Clause

BONUS = 0.03  # added at most, where every sure match of the provision lands in one
SURE = 0.50  # similarity from which a clause's best match says where its provision went
NEAR = 0.20  # similarity from which a clause may gain the prior


def kept_provisions(
    matrix: np.ndarray, parents: Sequence[Clause], children: Sequence[Clause]
) -> np.ndarray:
    """``matrix`` (parent clause x child clause) with the provision prior added."""
    if not parents or not children:
        return matrix
    best = matrix.argmax(axis=1)
    landed: dict[str, Counter[str]] = {}
    for i, parent in enumerate(parents):
        j = int(best[i])
        if matrix[i, j] >= SURE:
            landed.setdefault(parent.location, Counter())[children[j].location] += 1
    if not landed:
        return matrix
    out = matrix.copy()
    # each child clause's provision as a column of the shares below
    provisions = {
        location: k for k, location in enumerate(dict.fromkeys(c.location for c in children))
    }
    provision_of = np.array([provisions[c.location] for c in children])
    for i, parent in enumerate(parents):
        counts = landed.get(parent.location)
        if counts is None:
            continue
        total = sum(counts.values())
        shares = np.zeros(len(provisions))
        for location, count in counts.items():
            shares[provisions[location]] = count / total
        out[i] += BONUS * shares[provision_of] * (matrix[i] >= NEAR)
    return out
