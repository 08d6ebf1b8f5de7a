"""Words that look like cues but name a class, a scope, a role or a premise, and verbs that
jieba does not read as verbs. Clauses of the pollution-and-carbon plan (环综合〔2022〕42号) and
Shandong's, the energy-transition opinions (发改能源〔2022〕206号) and Inner Mongolia's,
Qinghai's and Shanxi's, the green-consumption plan and Guizhou's (evaluation/test/raw/), and
Chongqing's and Henan's urban–rural plans (examples/lineage/raw/)."""

from __future__ import annotations

import pytest

from policydiff.restatement.rules import load_rules
from policydiff.strength.cues import find_cues
from tests.restatement.test_verdict import _compare, _verdict


@pytest.mark.parametrize(
    ("clause", "cues"),
    [
        # a class of what is acted on (the industry catalogue's 鼓励类; farmland held under
        # strict control): the clause's own verb commits
        ("推动严格管控类受污染耕地植树造林增汇", ["推动"]),
        ("优化鼓励类、限制类、淘汰类相关项目类别", ["优化"]),
        # a scope, a role, a task or a technique named by a noun
        ("将清洁取暖财政政策支持范围扩大到整个北方地区", ["扩大"]),
        ("发挥公共机构特别是党政机关节能减排引领示范作用", []),
        ("在大气污染防治、碳达峰碳中和等国家重点研发项目中设置研究任务", ["研发", "设置"]),
        ("环境治理协同控制能力有效提升", ["提升"]),
        ("制定实施方案", ["制定"]),
        ("发挥基层积极性和创造力", []),
        ("形成一批可复制、可推广的典型经验", []),
        # a state of affairs, not a ban
        ("我国发展不平衡、不充分问题依然突出", []),
        # a premise the directive keeps to; one with a figure ensures a target
        ("在确保能源安全可靠稳定供应的基础上", []),
        ("在确保安全的前提下有序发展核电", ["有序发展"]),
        ("在确保“十四五”完成既有建筑节能改造3000万平方米的基础上", ["确保"]),
        # every 应…尽… is full coverage, not the modal 应
        ("京津冀大气污染传输通道城市钢铁产能实现应退尽退", ["应退尽退"]),
        ("做到应并尽并", ["应并尽并"]),
        ("应当尽快完成", ["尽快"]),
        # a cue before a noun that is no name (降低技术门槛) or after 并 still directs
        ("降低技术门槛", ["降低"]),
        ("取消落后产能补贴并限制新建", ["限制"]),
        ("鼓励类似项目", ["鼓励"]),
        ("确保全省空气质量在现有基础上持续改善", ["确保", "持续改善"]),
        ("在严监管、确保绝对安全前提下有序发展核电", ["有序发展"]),
        ("支持政策性银行加大信贷", ["支持", "加大"]),
        # the words themselves still direct
        ("加强协同控制", ["加强", "控制"]),
        ("积极推进绿色低碳住宅建设", ["积极推进"]),
        ("加大对试点示范项目的支持", ["加大", "试点示范", "支持"]),
        ("不拆除历史建筑、不挖山填湖", ["不", "不"]),
    ],
)
def test_cues_that_name_rather_than_direct(clause: str, cues: list[str]) -> None:
    assert [c.text for c in find_cues(clause, "zh")] == cues


def test_biyao_holds_no_modal_yao() -> None:
    modal = load_rules().modal
    assert not modal.search("在保留必要燃油公交车用作应急保障的基础上")
    assert modal.search("各地要加强组织领导")


@pytest.mark.parametrize(
    "clause", ["拓宽电力需求响应实施范围", "拓宽融资渠道", "指导各市县建设建筑垃圾消纳处置设施"]
)
def test_verbs_jieba_reads_as_names_open_a_commitment(clause: str) -> None:
    assert _verdict(_compare(clause, clause), clause) == "restated"


def test_a_premise_is_no_commitment_of_its_own() -> None:
    sentence = "在确保能源数据信息安全的前提下，推动能源数据共享"
    texts = [r.parent.text for r in _compare(sentence, sentence).commitments]
    assert "推动能源数据共享" in texts
    assert not any("确保" in text for text in texts)


def test_a_clause_naming_only_its_authority_is_no_commitment() -> None:
    sentence = "按照党中央、国务院决策部署，深入推进城乡建设绿色发展"
    texts = [r.parent.text for r in _compare(sentence, sentence).commitments]
    assert "深入推进城乡建设绿色发展" in texts
    assert "按照党中央、国务院决策部署" not in texts


@pytest.mark.parametrize(
    ("according", "authority"),
    [
        ("按照党中央、国务院和省委、省政府的决策部署", True),
        ("按照国家统一部署", True),
        # what the clause keeps to is part of the commitment
        ("按照大分散与小区域集中相结合原则", False),
        ("按照300米见绿、500米见园工作要求", False),
        ("按照国家和省委省政府部署的农村生活污水治理工作要求", False),
        ("按照国家碳达峰碳中和要求", False),
        ("按照国家关于碳达峰的决策部署", False),
        ("按照自治区第十三次党代会部署要求", True),
        ("按照《完整居住社区建设标准(试行)》", False),
    ],
)
def test_only_an_authority_is_a_reference(according: str, authority: bool) -> None:
    assert bool(load_rules().reference.match(according)) is authority


def test_a_reason_names_an_opening_verb_the_lexicon_lacks() -> None:
    comparison = _compare("鼓励拓宽绿色企业融资渠道", "拓宽绿色企业融资渠道")
    restated = next(r for r in comparison.commitments if r.parent.text.startswith("鼓励"))
    assert restated.verdict.value == "strengthened"
    assert restated.reasons[0].startswith("stronger cue (鼓励 → 拓宽,")


@pytest.mark.parametrize(
    ("sentence", "clause", "level"),
    [
        # a hedge on a verb the lexicon lacks commits to that verb at a pace (the green
        # consumption plan): promotion, not a mention
        ("逐步实现商品包装绿色化、减量化和循环化", "逐步实现商品包装绿色化、减量化和循环化", 2),
        ("因地制宜开发水电", "因地制宜开发水电", 2),
        # ... not the comparator of a target of the clause's own (a hedged target)
        (
            "到2025年新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50%",
            "到2025年新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50%",
            1,
        ),
        # ... and one that an encouraging clause before it governs stays encouraged
        (
            "引导消费者树立文明健康的食品消费观念，合理、适度采购、储存、制作食品和点餐、用餐",
            "合理、适度采购、储存、制作食品和点餐、用餐",
            1,
        ),
    ],
)
def test_a_hedge_on_an_unlisted_verb_commits_at_promotion_level(
    sentence: str, clause: str, level: int
) -> None:
    (restated,) = [r for r in _compare(sentence, sentence).commitments if r.parent.text == clause]
    assert restated.parent.level == level


@pytest.mark.parametrize(
    ("clause", "named"),
    [
        ("拓宽融资渠道", "拓宽"),  # not 拓宽融资: a verbal noun is the object
        ("合理确定工作节奏", "合理确定"),
        ("到2030年推动建成一批绿色农房", "推动建成"),  # the verb the deadline dates, not 到
        ("城乡建设绿色低碳发展政策体系基本建立", ""),  # an outcome
    ],
)
def test_a_clause_without_a_cue_is_named_by_the_words_it_commits_by(
    clause: str, named: str
) -> None:
    from policydiff.restatement.clauses import committing_words

    assert committing_words(clause, "zh", load_rules()) == named
