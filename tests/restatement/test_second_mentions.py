"""A child clause as like a commitment as a restatement, where another clause of the child
was taken for it, is kept beside that commitment (``also``): every commitment the child
makes is in the comparison once, as a restatement, an addition or a second mention."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare


def test_a_second_mention_is_kept_beside_the_commitment_it_is_like() -> None:
    comparison = _compare("推进农房节能改造", "推进农房节能改造。持续推进既有农房节能改造。")
    (restated,) = [r for r in comparison.commitments if r.parent.text == "推进农房节能改造"]
    assert restated.child is not None and restated.child.text == "推进农房节能改造"
    assert [c.text for c in restated.second_mentions] == ["持续推进既有农房节能改造"]
    assert [(r.parent.text, c.text) for r, c in comparison.second_mentions] == [
        ("推进农房节能改造", "持续推进既有农房节能改造")
    ]
    assert "持续推进既有农房节能改造" not in [c.text for c in comparison.additions]


def test_a_clause_like_no_commitment_is_an_addition_not_a_second_mention() -> None:
    comparison = _compare("推进农房节能改造", "推进农房节能改造。开展城市体检评估。")
    assert not comparison.second_mentions
    assert "开展城市体检评估" in [c.text for c in comparison.additions]


def test_with_nothing_on_one_side_there_is_nothing_to_mention_again() -> None:
    from policydiff.restatement.align import align_clauses

    clauses = _compare("推进农房节能改造", "推进农房节能改造").parent.clauses
    matches, additions = align_clauses(clauses, ())
    assert [m.child for m in matches] == [None] * len(clauses)
    assert not additions and not any(m.second_mentions for m in matches)
    assert align_clauses((), clauses) == ((), tuple(clauses))
