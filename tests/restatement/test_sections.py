"""A parent clause is a little more like a child clause in the provision where the child
restates the rest of its provision (restatement/sections.py): the prior tips what the words
leave near even, and nothing the words leave far apart."""

from __future__ import annotations

import numpy as np

from policydiff.restatement.clauses import Clause
from policydiff.restatement.sections import BONUS, kept_provisions
from tests.restatement.test_verdict import _compare


def _clause(text: str, location: str) -> Clause:
    return Clause(
        index=0,
        provision_id=location,
        location=location,
        sentence_index=0,
        sentence=text,
        start=0,
        end=len(text),
        cue="",
        level=2,
        strength=2.0,
        restriction=False,
        negated=False,
        targets=(),
        themes=(),
        heading=False,
    )


PARENTS = [_clause("推进建筑节能改造", "P.1"), _clause("推广太阳能光热", "P.1")]
CHILDREN = [_clause("推进既有建筑节能改造", "C.3"), _clause("推广光热建筑", "C.3")]
CHILDREN += [_clause("推广光热应用", "C.9")]


def test_the_provision_where_its_siblings_went_gains_the_prior() -> None:
    # the first parent clause's sure match lands in C.3: the second, near C.3's and C.9's
    # clauses alike, is nearer C.3's
    matrix = np.array([[0.8, 0.1, 0.0], [0.0, 0.3, 0.3]])
    out = kept_provisions(matrix, PARENTS, CHILDREN)
    assert out[1, 1] == 0.3 + BONUS
    assert out[1, 2] == 0.3
    assert out[0, 0] == 0.8 + BONUS  # its own sure match, all of the provision's
    assert out[0, 1] == 0.1  # below NEAR: the words leave it far


def test_no_sure_match_gives_no_prior() -> None:
    matrix = np.array([[0.4, 0.3, 0.0], [0.0, 0.3, 0.3]])
    assert (kept_provisions(matrix, PARENTS, CHILDREN) == matrix).all()


def test_another_provision_gains_nothing() -> None:
    parents = [PARENTS[0], _clause("推广太阳能光热", "P.2")]
    matrix = np.array([[0.8, 0.1, 0.0], [0.0, 0.3, 0.3]])
    assert (kept_provisions(matrix, parents, CHILDREN)[1] == matrix[1]).all()


def test_a_pair_the_prior_lifts_is_refused_as_any_other() -> None:
    # 0.33 alike, lifted past the threshold: still the countryside's sorting for the city's
    comparison = _compare(
        "推进建筑节能改造，推进城市生活垃圾分类处理", "推进建筑节能改造，完善农村垃圾分类收运体系"
    )
    restated = next(r for r in comparison.commitments if "垃圾" in r.parent.text)
    assert restated.verdict.value == "omitted"
