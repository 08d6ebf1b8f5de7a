"""The cue that commits a clause is its predicate's, and a clause is a commitment only
where it directs something: not a verb inside a 的-phrase that says which things a
prohibition binds or which object 形成, 发挥 or 营造 forms, nor the zeal of 积极 in 积极争取,
which asks others for what they grant; a premise alone (在…基础上, 基于…要求) is no
commitment, and a condition closed by 的 is read with the clause it conditions. Clauses of
the energy-transition opinions (发改能源〔2022〕206号), the pollution-and-carbon and
green-consumption plans and their provinces' (evaluation/test/raw/), and of the urban–rural
plans (examples/lineage/raw/)."""

from __future__ import annotations

import pytest

from tests.restatement.test_verdict import SECTION, _compare, _verdict

HEADING = SECTION.strip().split("）", 1)[1]  # the clause the section's heading makes


def _clause(sentence: str) -> tuple[str, int, float]:
    """The cue, level and strength of ``sentence`` read as one clause."""
    (clause,) = [c for c in _compare(sentence, sentence).parent.clauses if c.text == sentence]
    return clause.cue, clause.level, clause.strength


def _texts(sentence: str) -> list[str]:
    """The clauses of ``sentence`` that commit, its section's heading aside."""
    return [c.text for c in _compare(sentence, sentence).parent.clauses if c.text != HEADING]


@pytest.mark.parametrize(
    ("sentence", "cue", "level"),
    [
        # a prohibition after a qualified noun is the predicate, not 支持 inside the phrase
        ("承担支持电力系统运行和保供任务的煤电机组未经许可不得退出运行", "不得", 5),
        # one that opens the clause, and a verb before a qualified object, read as before
        ("不得使用低功效、高能耗的落后淘汰照明产品", "不得", 5),
        ("推动污染物排放量大的企业开展环境信息依法披露", "推动", 2),
        # asking for a pilot commits at the level of the pilot; 积极 alone still intensifies
        ("积极争取开展相关技术试点和区域示范", "开展", 2),
        ("积极开展相关技术试点和区域示范", "积极开展", 3),
        # a reach inside the pattern formed is not the clause's; 形成 commits
        ("形成非化石能源基本满足能源需求、能源安全保障能力得到全面增强的能源生产消费格局", "", 2),
        ("充分发挥价格信号引导电力消费错峰用电、削峰填谷的作用", "", 2),
        # 加快 opens the clause: it governs 形成, whatever qualifies the object
        ("加快形成绿色低碳的生产生活方式", "加快", 3),
        # 确需…的 says when the rule after it applies
        ("确需建设18层以上居住建筑的，应严格充分论证", "严格", 5),
        # 示范 before the noun it qualifies names a kind of unit, area or project; the
        # clause's verb commits (创建 at promotion level; 全面执行 binds)
        ("创建国家级、省级绿色制造体系示范单位", "", 2),
        ("集中示范区内新建建筑全面执行超低能耗建筑标准", "全面执行", 5),
        # 示范 of a pilot's demonstration, or as a verb, still encourages
        ("积极推动试点示范项目和产业基地建设", "积极推动试点示范", 3),
        ("示范推广节能技术", "示范推广", 1),
        # what 把 or 将 takes, and where 贯穿, 作为 or 纳入 puts it, are things: the disposal
        # commits at promotion level, not 加强 of the leadership nor 控制 of 控制性详细规划
        ("把加强党的全面领导贯穿促进绿色消费各方面和全过程", "", 2),
        ("将绿色建筑发展专项规划相关内容纳入控制性详细规划", "", 2),
        ("把减污降碳协同增效作为促进经济社会发展全面绿色转型的总抓手", "", 2),
        # a verb of its own after 将…, not a disposal, still commits by its cue
        ("将清洁取暖财政政策支持范围扩大到整个北方地区", "扩大", 2),
        # ... as does a directive joined after the disposal by 并, 将 of time (将于), and
        # the modal before 将
        ("将建筑节能要求纳入土地出让条件并严格监督执行", "严格", 5),
        ("将于2025年全面纳入碳市场", "全面", 4),
        ("应将绿色建筑要求纳入土地出让条件", "应", 2),
        # 探索 frames what it explores after a hedge of pace or place as without one, 倡议
        # proposes as 倡导 does, and a reach before 的 describes the object
        ("因地制宜探索推广装配式钢结构、木结构农房建设", "探索推广", 1),
        ("逐步探索建立全面的市场化容量补偿机制", "探索建立", 1),
        ("倡议建立国际绿色电力证书体系", "倡议建立", 1),
        # the noun 倡议 proposes nothing
        ("积极参与一带一路倡议", "积极", 3),
        # a manner before 支持 is no hedge: vigorous support stays a manner of level 4
        ("大力支持电炉短流程工艺发展", "大力支持", 4),
        # a verb joined to 鼓励 or 引导 by 和 or 并 is a directive of its own (the green
        # consumption plan's 鼓励和推动文明、节俭举办活动: 推动, as its readers take it); joined
        # to another encouraging verb, or pushed by it, it is still asked for
        ("鼓励和推动文明、节俭举办活动", "鼓励和推动", 2),
        ("引导和推动企业绿色转型", "引导和推动", 2),
        ("鼓励与推动企业开展试点", "鼓励与推动", 2),
        ("鼓励、推动企业开展试点", "鼓励、推动", 2),
        ("鼓励和引导企业开展试点", "鼓励和引导", 1),
        ("鼓励企业推动绿色转型", "鼓励", 1),
        # a directing verb before 作用 names a role, before 情况 how a task stands, and 试点
        # before a city or region a kind of place; 控制性详细规划 is a kind of plan: the
        # clause's own verb commits (Guangdong's, Shanxi's and Shandong's plans)
        ("充分发挥节能增效对碳达峰行动的促进作用", "", 2),
        ("注重发挥媒体宣传引导作用", "", 2),
        ("定期梳理体制机制改革和政策创新推进情况", "", 2),
        ("在省级农房建设试点地区开展绿色农房示范带建设", "开展", 2),
        ("并根据控制性详细规划在建设用地规划条件中明确绿色建筑等级要求", "明确", 2),
        # ... and a clause opening on 更好 commits by the verb after it
        ("更好发挥税收对市场主体绿色低碳发展的促进作用", "", 2),
        # a means the clause opens on is read past, as a frame 在… is (the energy opinions and
        # Shanxi's); 以X为Y is no means
        ("通过完善相关标准等加强对电能替代的技术指导", "加强", 3),
        (
            "以投资补助、贷款贴息、税收减免等方式在节能改造、能源领域先进技术和设备研发、"
            "资源综合利用等领域加强财税扶持补贴力度",
            "加强",
            3,
        ),
        ("以城乡建设方式全面绿色低碳转型为引领", "", 0),
        # a pilot still explores, and a pilot zone chosen is still a pilot
        ("开展近零碳建筑试点", "开展", 2),
        ("选取功能复合的片区作为绿色低碳试点区", "试点", 1),
    ],
)
def test_the_predicate_commits(sentence: str, cue: str, level: int) -> None:
    assert _clause(sentence)[:2] == (cue, level)


@pytest.mark.parametrize(
    "sentence",
    [
        # 完善 describes the system formed
        "形成比较完善的政策、标准、市场和监管体系",
        # 大力促进 is what the government does in the pattern to form
        "努力形成政府大力促进、企业积极自律、社会全面协同、公众广泛参与的共治格局",
    ],
)
def test_the_verb_of_a_qualified_object_commits_at_promotion_level(sentence: str) -> None:
    assert _clause(sentence) == ("", 2, 2.0)


def test_a_restated_prohibition_is_restated_not_strengthened() -> None:
    # read by 支持, the parent would be weaker than a child that names its units otherwise
    parent = "承担支持电力系统运行和保供任务的煤电机组未经许可不得退出运行"
    child = "纳入电力保供范围的煤电机组未经许可不得退出运行"
    assert _verdict(_compare(parent, child), parent) == "restated"


def test_actively_seeking_a_pilot_restates_carrying_it_out() -> None:
    parent = "开展相关技术试点和区域示范"
    assert _verdict(_compare(parent, "积极争取开展相关技术试点和区域示范"), parent) == "restated"


# Qinghai's energy-transition plan against the national one (evaluation/test/corpus): the
# support a province seeks from the centre (对接协调…支持) is not an encouragement it
# gives at level 1; its clause restates the parent's at the parent's strength
def test_support_sought_from_others_is_not_a_weaker_cue() -> None:
    parent = (
        "国家绿色发展基金和现有低碳转型相关基金要将清洁低碳能源开发利用、新型电力系统建设、"
        "化石能源企业绿色低碳转型等作为重点支持领域"
    )
    child = (
        "对接协调国家绿色发展基金和现有低碳转型相关基金支持我省清洁低碳能源开发利用、"
        "新型电力系统建设、化石能源企业绿色低碳转型等"
    )
    assert _verdict(_compare(parent, child), parent) == "restated"


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        # a premise alone is no commitment
        (
            "在加快形成清洁低碳能源可靠供应能力基础上，逐步对化石能源进行安全可靠替代",
            ["逐步对化石能源进行安全可靠替代"],
        ),
        (
            "基于深入打好污染防治攻坚战和碳达峰目标要求，探索减污降碳协同增效的有效模式",
            ["探索减污降碳协同增效的有效模式"],
        ),
        (
            "在集中连片、整村推进农牧民居住环境改善的同时，推进农房节能改造",
            ["推进农房节能改造"],
        ),
        # 基于…目标 may set a goal of its own: only 基于…要求 or 需要 is a premise alone
        ("基于碳排放数据合理设定减排目标", ["基于碳排放数据合理设定减排目标"]),
        # a frame of occasion is what a province restates a commitment in: 在…建设中
        (
            "在国家环境保护模范城市、无废城市建设中强化减污降碳协同增效要求",
            ["在国家环境保护模范城市、无废城市建设中强化减污降碳协同增效要求"],
        ),
        # a condition closed by 的 is one commitment with what it conditions
        (
            "确需建设18层以上居住建筑的，应严格充分论证",
            ["确需建设18层以上居住建筑的，应严格充分论证"],
        ),
        # a clause before ；ends a task, and 为…目的 is a purpose: neither is a condition
        ("推进既有建筑改造的；加强建筑节能管理", ["推进既有建筑改造的", "加强建筑节能管理"]),
        ("为实现节约资源的目的，推进建筑垃圾资源化利用", ["推进建筑垃圾资源化利用"]),
        # 把 opens a disposal as 将 does: the clause commits
        ("把节约能源资源放在首位", ["把节约能源资源放在首位"]),
        # 简约适度 describes a way of life: a description of communities commits to nothing,
        # and advocating that way of life commits by 倡导
        (
            "社区是形成简约适度、绿色低碳、文明健康生活方式的重要场所，倡导简约适度的生活方式",
            ["倡导简约适度的生活方式"],
        ),
    ],
)
def test_which_clauses_commit(sentence: str, clauses: list[str]) -> None:
    assert _texts(sentence) == clauses
