"""A child clause that only relies on or refers to the parent's object (依托, 对照 …:
``relied_on`` in data/restatement.yaml), with no directive of its own after the word, uses
what the parent commits to build or improve: weakened. Qinghai's 依托国家能源基础信息及共享平台
for the energy opinions' 构建国家能源基础信息及共享平台, and its 对照国家清洁低碳能源标准体系 for
健全清洁低碳能源相关标准体系 (evaluation/test/corpus; both readers: weakened). A clause that goes
on to a directive of its own after the word (依托自然山体和水系建立…生态廊道) acts, and so does a
parent that itself relies on the thing."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

PLATFORM = "构建国家能源基础信息及共享平台"
QINGHAI = "依托国家能源基础信息及共享平台，整合能源全产业链信息，推动能源领域数字经济发展"


def test_a_thing_relied_on_is_not_built() -> None:
    assert _verdict(_compare(PLATFORM, QINGHAI), PLATFORM) == "weakened"


def test_a_standard_referred_to_is_not_improved() -> None:
    parent = "健全清洁低碳能源相关标准体系"
    child = (
        "对照国家清洁低碳能源标准体系，进一步推动企业实施可再生能源发电、储能、氢能等领域国家标准"
    )
    assert _verdict(_compare(parent, child), parent) == "weakened"


def test_a_directive_after_the_word_acts_on_the_thing() -> None:
    parent = "组团间的生态廊道应贯通连续"
    child = "依托自然山体和水系建立贯通连续的生态廊道"
    assert _verdict(_compare(parent, child), parent) == "restated"


def test_a_parent_that_builds_on_the_thing_is_restated_by_a_copy() -> None:
    parent = "依托全国投资项目在线审批监管平台建立综合能源服务项目多部门联审机制"
    assert _verdict(_compare(parent, parent), parent) == "restated"


def test_a_parent_that_only_relies_on_the_thing_is_restated_by_a_copy() -> None:
    # the parent's own clause relies on the platform with no directive after the word:
    # the child that copies it relies on it as much, and weakens nothing (the test above
    # cannot tell, its parent going on to 建立 after 依托)
    clause = "依托国家能源基础信息及共享平台"
    assert _verdict(_compare(QINGHAI, QINGHAI), clause) == "restated"


def test_a_modal_verb_after_the_word_acts_on_the_thing() -> None:
    child = "依托国家能源基础信息及共享平台应整合能源全产业链信息"
    assert _verdict(_compare(PLATFORM, child), PLATFORM) != "weakened"


def test_a_thing_relied_on_widens_no_limit_to_some_places() -> None:
    parent = "在重点区域构建国家能源基础信息及共享平台"
    assert _verdict(_compare(parent, QINGHAI), parent) == "weakened"
