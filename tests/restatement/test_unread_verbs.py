"""Clauses of the pollution-and-carbon plan (环综合〔2022〕42号) that its readers take as
commitments and that were read as none: their verbs were not in the lexicon (研发, 设定,
采用, 用好; 严厉打击 against its object, a restriction). Each is a commitment at the readers'
level, restated word for word by a copy, and 打击 names no thing the clause promotes."""

from __future__ import annotations

import pytest

from tests.restatement.test_verdict import _compare, _verdict

PARKS = "持续加强产业集群环境治理，明确产业布局和发展方向，高起点设定项目准入类别，引导产业向专精特新转型"
KILNS = "新改扩建工业炉窑采用清洁低碳能源，优化天然气使用方式，优先保障居民用气"
RESEARCH = (
    "开展烟气超低排放与碳减排协同技术创新，研发多污染物系统治理、VOCs源头替代、低温脱硝等技术和装备"
)
MARKET = "加快全国碳排放权交易市场建设，严厉打击碳排放数据造假行为，强化日常监管，建立长效机制"
FINANCE = "大力发展绿色金融，用好碳减排货币政策工具，引导金融机构和社会资本加大对减污降碳的支持力度"


@pytest.mark.parametrize(
    ("text", "clause", "level"),
    [
        (PARKS, "高起点设定项目准入类别", 2),
        (KILNS, "新改扩建工业炉窑采用清洁低碳能源", 2),
        (RESEARCH, "研发多污染物系统治理、VOCs源头替代、低温脱硝等技术和装备", 2),
        (MARKET, "严厉打击碳排放数据造假行为", 5),
        (FINANCE, "用好碳减排货币政策工具", 2),
    ],
)
def test_the_clause_is_a_commitment_at_the_readers_level(
    text: str, clause: str, level: int
) -> None:
    comparison = _compare(text, text)
    assert _verdict(comparison, clause) == "restated"
    read = next(r.parent for r in comparison.commitments if r.parent.text == clause)
    assert read.level == level


def test_a_child_without_the_clause_omits_it() -> None:
    child = "加快全国碳排放权交易市场建设，强化日常监管，建立长效机制"
    assert _verdict(_compare(MARKET, child), "严厉打击碳排放数据造假行为") == "omitted"


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        # verbs jieba reads as an adverb, an adjective or a noun at the head of a clause
        # (the green-consumption plan; Shandong's and Hubei's plans, evaluation/test/raw/)
        ("推动党政机关加强用餐管理，厉行反食品浪费措施", "厉行反食品浪费措施"),
        ("动员社会各方力量参与降碳行动", "动员社会各方力量参与降碳行动"),
        ("壮大节能环保装备产业，培育海上风电装备制造", "壮大节能环保装备产业"),
        ("细化工作任务，明确责任分工", "细化工作任务"),
    ],
)
def test_a_verb_jieba_mistags_opens_a_commitment(text: str, clause: str) -> None:
    comparison = _compare(text, text)
    assert _verdict(comparison, clause) == "restated"


@pytest.mark.parametrize("text", ["布局更加合理", "丰富的可再生能源资源为转型提供了基础"])
def test_a_description_opening_on_a_noun_is_no_commitment(text: str) -> None:
    assert all(r.parent.heading for r in _compare(text, text).commitments)
