"""A child that states what the parent directs, in a part of its sentence that directs
nothing (Qinghai's 组团间的生态廊道贯通连续 for the ministry's 组团间的生态廊道应贯通连续),
restates it without a directive: weakened, not omitted. A premise (在…的基础上) is no such
statement, nor is a part far from the parent's words."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare

CORRIDORS = "组团间的生态廊道应贯通连续"


def _restated(parent: str, child: str, clause: str) -> tuple[str, str | None]:
    restated = next(r for r in _compare(parent, child).commitments if r.parent.text == clause)
    return restated.verdict.value, restated.child.text if restated.child else None


def test_a_statement_of_the_parent_clause_restates_it_weakened() -> None:
    child = "加强生态廊道、景观视廊和城市绿道统筹布局，组团间的生态廊道贯通连续"
    assert _restated(CORRIDORS, child, CORRIDORS) == ("weakened", "组团间的生态廊道贯通连续")


def test_a_statement_far_from_the_parent_clause_restates_nothing() -> None:
    child = "加强城市绿道统筹布局，各组团之间交通联系便捷"
    assert _restated(CORRIDORS, child, CORRIDORS) == ("omitted", None)


def test_a_premise_restates_nothing() -> None:
    parent = "加快制修订储能、氢能等领域技术标准和安全标准"
    child = "在国家关于储能、氢能等领域技术标准和安全标准的基础上，加快完善地方计量体系"
    assert _restated(parent, child, parent) == ("omitted", None)


def test_a_statement_is_refused_as_a_clause_is() -> None:
    # refuse waste for sewage, as a directive clause would be (align.similarity_matrix)
    parent = "推进农村生活污水就近就地资源化利用"
    child = "加强农村环境整治，农村生活垃圾就近就地资源化利用"
    assert _restated(parent, child, parent) == ("omitted", None)


def test_a_statement_is_never_more_than_weakened() -> None:
    # the parent's limit (有条件的地区) is not widened by a child that only states the thing
    parent = "鼓励有条件的地区推动组团间的生态廊道贯通连续"
    child = "加强城市绿道统筹布局，组团间的生态廊道贯通连续"
    assert _restated(parent, child, parent) == ("weakened", "组团间的生态廊道贯通连续")


def test_a_parent_is_read_without_statements() -> None:
    # only a child's statements restate: a parent's are neither read nor sent to workers
    from policydiff.corpus.store import load_corpus
    from policydiff.restatement.compare import document_clauses
    from policydiff.themes.catalogue import corpus_catalogue
    from tests.conftest import LINEAGE

    document = load_corpus(LINEAGE).get("2022-chengxiangjianshe-tandafeng")
    assert document is not None
    catalogue = corpus_catalogue(LINEAGE, ())
    assert document_clauses(document, catalogue).statements
    assert document_clauses(document, catalogue, parent=True).statements == ()
