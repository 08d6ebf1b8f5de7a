"""The cue that commits a clause is its predicate's: not a verb inside a 的-phrase that
says which things a prohibition binds, nor the zeal of 积极 in 积极争取, which asks others
for what they grant. Clauses of the energy-transition opinions (发改能源〔2022〕206号) and
of Shanxi's (evaluation/test/raw/)."""

from __future__ import annotations

from tests.restatement.test_verdict import SECTION, _compare

HEADING = SECTION.strip().split("）", 1)[1]  # the clause the section's heading makes


def _clause(sentence: str, text: str) -> tuple[str, int, float]:
    (clause,) = [c for c in _compare(sentence, sentence).parent.clauses if c.text == text]
    return clause.cue, clause.level, clause.strength


def test_a_prohibition_after_a_qualified_noun_commits_the_clause() -> None:
    sentence = "承担支持电力系统运行和保供任务的煤电机组未经许可不得退出运行"
    cue, level, _ = _clause(sentence, sentence)
    assert (cue, level) == ("不得", 5)


def test_a_restated_prohibition_is_restated_not_strengthened() -> None:
    # read by 支持, the parent would be weaker than a child that names its units otherwise
    parent = "承担支持电力系统运行和保供任务的煤电机组未经许可不得退出运行"
    child = "纳入电力保供范围的煤电机组未经许可不得退出运行"
    (restated,) = [r for r in _compare(parent, child).commitments if r.parent.text == parent]
    assert restated.verdict.value == "restated"


def test_a_prohibition_that_opens_the_clause_is_read_as_before() -> None:
    sentence = "不得使用低功效、高能耗的落后淘汰照明产品"
    assert _clause(sentence, sentence)[:2] == ("不得", 5)


def test_a_verb_in_a_qualifying_phrase_without_a_prohibition_still_commits() -> None:
    sentence = "推动污染物排放量大的企业开展环境信息依法披露"
    assert _clause(sentence, sentence)[:2] == ("推动", 2)


def test_actively_seeking_commits_at_the_level_of_the_verb_sought() -> None:
    sentence = "积极争取开展相关技术试点和区域示范"
    assert _clause(sentence, sentence)[:2] == ("开展", 2)


def test_actively_seeking_a_pilot_restates_carrying_it_out() -> None:
    parent = "开展相关技术试点和区域示范"
    comparison = _compare(parent, "积极争取开展相关技术试点和区域示范")
    (restated,) = [r for r in comparison.commitments if r.parent.text == parent]
    assert restated.verdict.value == "restated"


def test_active_without_seeking_still_intensifies() -> None:
    sentence = "积极开展相关技术试点和区域示范"
    assert _clause(sentence, sentence)[:2] == ("积极开展", 3)


def test_a_cue_qualifying_the_object_of_form_is_no_directive() -> None:
    # 完善 describes the system formed; 形成 commits, at promotion level
    sentence = "形成比较完善的政策、标准、市场和监管体系"
    assert _clause(sentence, sentence) == ("", 2, 2.0)


def test_a_reach_inside_the_pattern_formed_is_not_the_clauses() -> None:
    sentence = "形成非化石能源基本满足能源需求、能源安全保障能力得到全面增强的能源生产消费格局"
    assert _clause(sentence, sentence)[:2] == ("", 2)


def test_a_cue_that_governs_the_object_of_form_still_commits() -> None:
    # 加快 opens the clause: it governs 形成, whatever qualifies the object
    sentence = "加快形成绿色低碳的生产生活方式"
    assert _clause(sentence, sentence)[:2] == ("加快", 3)


def _texts(sentence: str) -> list[str]:
    """The clauses of ``sentence`` that commit, its section's heading aside."""
    return [c.text for c in _compare(sentence, sentence).parent.clauses if c.text != HEADING]


def test_a_premise_is_no_commitment_of_its_own() -> None:
    sentence = "在加快形成清洁低碳能源可靠供应能力基础上，逐步对化石能源进行安全可靠替代"
    assert _texts(sentence) == ["逐步对化石能源进行安全可靠替代"]
    assert _texts("基于深入打好污染防治攻坚战和碳达峰目标要求，探索减污降碳协同增效的有效模式") == [
        "探索减污降碳协同增效的有效模式"
    ]
    assert _texts("在集中连片、整村推进农牧民居住环境改善的同时，推进农房节能改造") == [
        "推进农房节能改造"
    ]


def test_a_basis_that_sets_a_goal_stays_a_commitment() -> None:
    # 基于…目标 may be a directive of its own (set a goal on the data): only 基于…要求 or
    # 基于…需要 is a premise alone
    sentence = "基于碳排放数据合理设定减排目标"
    assert _texts(sentence) == [sentence]


def test_a_frame_of_occasion_stays_a_clause() -> None:
    # what a province restates a commitment in: 在…建设中
    sentence = "在国家环境保护模范城市、无废城市建设中强化减污降碳协同增效要求"
    assert _texts(sentence) == [sentence]


def test_a_condition_closed_by_de_is_read_with_the_clause_it_conditions() -> None:
    # 确需…的 says when the rule after it applies: one commitment, not two
    sentence = "确需建设18层以上居住建筑的，应严格充分论证"
    assert _texts(sentence) == [sentence]
    assert _clause(sentence, sentence)[:2] == ("严格", 5)


def test_an_adverb_before_the_verb_of_a_qualified_object_leaves_it_committing() -> None:
    sentence = "努力形成政府大力促进、企业积极自律、社会全面协同、公众广泛参与的共治格局"
    assert _clause(sentence, sentence) == ("", 2, 2.0)
    sentence = "充分发挥价格信号引导电力消费错峰用电、削峰填谷的作用"
    assert _clause(sentence, sentence)[:2] == ("", 2)


def test_a_purpose_or_a_task_closed_by_de_is_not_joined_as_a_condition() -> None:
    # a clause before ；ends a task; 为…目的 is a purpose, not a condition
    assert _texts("推进既有建筑改造的；加强建筑节能管理") == [
        "推进既有建筑改造的",
        "加强建筑节能管理",
    ]
    assert _texts("为实现节约资源的目的，推进建筑垃圾资源化利用") == ["推进建筑垃圾资源化利用"]
