"""Commitment scoring on real sentences of the seed documents (2021, 2023, 2025)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydiff.strength import clause_bounds, score_commitment
from policydiff.strength.lexicon import LEVEL_NAMES
from policydiff.strength.score import MANNER_DISCOUNT

# 2021 Opinions on green development of urban and rural construction, en + zh
EN_2021 = (
    "We will strengthen fiscal, financial, planning and construction policy support, promote "
    "the large-scale development of high-quality green buildings, vigorously promote ultra-low "
    "energy and near-zero energy buildings, and develop zero-carbon buildings."
)
ZH_2021 = (
    "加强财政、金融、规划、建设等政策支持，推动高质量绿色建筑规模化发展，"
    "大力推广超低能耗、近零能耗建筑，发展零碳建筑。"
)
# 2025 Opinions on high-quality development of cities
EN_2025 = (
    "Vigorously advance green building practices, accelerate research and application of "
    "innovative building materials, and promote the large-scale development of ultra-low-energy "
    "and low-carbon buildings."
)
EN_2025_SHIFT = (
    "China's urbanization is transitioning from a period of rapid growth to one of steady "
    "development, as urban growth shifts from large-scale incremental expansion to a focus on "
    "enhancing the quality and efficiency of existing urban assets."
)
EN_2025_TREES = (
    "Importantly, we must avoid large-scale tree removal or deforestation, prevent the "
    "overdevelopment of cultural landmarks, and refrain from arbitrarily altering historic "
    "place names."
)
# 2023 Opinions on comprehensively promoting the construction of a Beautiful China
EN_2023_WASTE = (
    'Accelerate the construction of "waste free cities", continue to promote the action of '
    'treating new pollutants, and promote the realization of "waste free" and environmental '
    "health in urban and rural areas."
)
EN_2023_CURB = (
    "Strictly control the entry barriers and resolutely curb the blind launch of high energy "
    "consumption, high emissions, and low-level projects."
)

CASES = [
    # sentence, lang, theme, level, cue (substring), restriction
    (EN_2021, "en", "ultra-low energy", 4, "vigorously promote", False),
    (ZH_2021, "zh", "超低能耗", 4, "大力推广", False),
    (EN_2025, "en", "ultra-low-energy", 4, "large-scale development", False),
    ("推动超低能耗、低碳建筑规模化发展", "zh", "超低能耗", 4, "规模化发展", False),
    (ZH_2021, "zh", "绿色建筑", 4, "规模化发展", False),
    ("encourage pilot projects of green roofs", "en", "green roofs", 1, "encourage", False),
    ("鼓励建设绿色农房", "zh", "绿色农房", 1, "鼓励", False),
    (
        "accelerate the construction of waste-free cities",
        "en",
        "waste-free cities",
        3,
        "accelerate",
        False,
    ),
    ('加快推进"无废城市"建设', "zh", "无废城市", 3, "加快推进", False),
    (
        "推动绿色城市、森林城市、“无废城市”建设，深入开展绿色社区创建行动。",
        "zh",
        "无废城市",
        2,
        "推动",
        False,
    ),
    (EN_2023_WASTE, "en", "waste free cities", 3, "Accelerate", False),
    ("strictly control large-scale demolition", "en", "demolition", 5, "strictly control", True),
    ("严格控制大规模拆除", "zh", "拆除", 5, "严格控制", True),
    (EN_2023_CURB, "en", "high energy consumption", 5, "resolutely curb", True),
    (
        "Strictly limit the construction of ultra-high-rise buildings and enhance firefighting",
        "en",
        "ultra-high-rise",
        5,
        "Strictly limit",
        True,
    ),
    ("restrict excessive packaging of goods", "en", "excessive packaging", 5, "restrict", True),
    ("大力推进城市节水，提高水资源集约节约利用水平。", "zh", "城市节水", 4, "大力推进", False),
    ("推进城镇污水管网全覆盖", "zh", "污水管网", 4, "全覆盖", False),
    ("稳步有序推进城市群一体化发展", "zh", "城市群", 2, "稳步有序推进", False),
    (
        "Steadily and orderly promote the integrated development of city clusters",
        "en",
        "city clusters",
        2,
        "Steadily and orderly promote",
        False,
    ),
    (
        "Scientifically carry out large-scale land greening actions",
        "en",
        "land greening",
        4,
        "large-scale",
        False,
    ),
    (
        "Continuously deepen the battle to defend the blue sky",
        "en",
        "blue sky",
        3,
        "Continuously deepen",
        False,
    ),
    ("加大保护力度，不拆除历史建筑", "zh", "历史建筑", 5, "不", False),  # protects it
    # 拆 alone after 不 is the same harm forbidden: the dwellings are protected
    ("严格落实有关规定，不破坏地形地貌、不拆传统民居、不砍老树", "zh", "传统民居", 5, "不", False),
    (
        "Strictly prohibit new coal plants; encourage rooftop solar.",
        "en",
        "rooftop solar",
        1,
        "encourage",
        False,
    ),
    ("严禁新建燃煤电厂；鼓励屋顶光伏。", "zh", "屋顶光伏", 1, "鼓励", False),
    ("Ensure full coverage of urban sewage networks", "en", "sewage networks", 5, "Ensure", False),
    ("城市污水处理厂", "zh", "污水", 0, "", False),
    # 2025 Opinions: "across all domains" renders 全域, reach stated as an outcome
    (
        "Advance the city's comprehensive digital transformation across all domains.",
        "en",
        "digital transformation",
        4,
        "across all domains",
        False,
    ),
    # Jiangxi's plan: implementing a requirement in full binds as applying a standard does
    (
        "新建城区、开发区要全面实施海绵城市建设要求，提高城市防灾减灾能力",
        "zh",
        "海绵城市",
        5,
        "全面实施",
        False,
    ),
    # Shanghai's 2024 action plan: a programme implemented in full is manner, not binding
    (
        "全面实施“光伏+”工程，到2027年，市内光伏装机容量达到450万千瓦",
        "zh",
        "光伏",
        4,
        "全面实施",
        False,
    ),
    # Xinjiang's plan: what is basically completed reaches all but the exceptions
    ("到2025年，非节能既有建筑基本完成节能改造", "zh", "节能改造", 4, "基本完成", False),
    # Xinjiang's plan: executing a standard in 100% of cases binds as 全面执行 does
    ("到2025年，城镇新建建筑100%执行绿色建筑标准", "zh", "绿色建筑", 5, "100%执行", False),
]


def _span(sentence: str, theme: str) -> tuple[int, int]:
    i = sentence.index(theme)
    return i, i + len(theme)


@pytest.mark.parametrize(("sentence", "lang", "theme", "level", "cue", "restriction"), CASES)
def test_levels_on_real_sentences(
    sentence: str, lang: str, theme: str, level: int, cue: str, restriction: bool
) -> None:
    result = score_commitment(sentence, lang, _span(sentence, theme))
    assert result.level == level
    assert result.level_name == LEVEL_NAMES[level]
    assert cue in result.cue
    assert result.restriction is restriction
    if cue:
        assert (
            result.cue
            == sentence[min(c.start for c in result.cues if c.text == result.cue) :][
                : len(result.cue)
            ]
        )


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("strictly control large-scale demolition", "demolition"),
        (EN_2025_SHIFT, "incremental expansion"),
        (EN_2025_SHIFT, "existing urban assets"),
        (EN_2025_TREES, "tree removal"),
        ("avoid large-scale tree removal", "tree removal"),
    ],
)
def test_large_scale_in_negative_context_is_not_a_scale_cue(sentence: str, theme: str) -> None:
    result = score_commitment(sentence, "en", _span(sentence, theme))
    assert not [c for c in result.cues if c.category == "scale"]
    assert result.level != 4
    assert any("large-scale" in note for note in result.caveats)


def test_avoid_is_a_negated_restriction() -> None:
    result = score_commitment(EN_2025_TREES, "en", _span(EN_2025_TREES, "removal"))
    assert result.negated and result.restriction


def test_avoiding_harm_to_trees_protects_them() -> None:
    result = score_commitment(EN_2025_TREES, "en", _span(EN_2025_TREES, "tree removal"))
    assert not result.negated and not result.restriction
    assert any("forbids 'removal'" in c for c in result.caveats)


def test_neighbouring_clause_cue_is_not_attributed() -> None:
    sentence = "Strictly prohibit coal-fired boilers; encourage rooftop solar."
    result = score_commitment(sentence, "en", _span(sentence, "rooftop solar"))
    assert result.level == 1
    assert all(c.level == 1 for c in result.cues)
    other = score_commitment(sentence, "en", _span(sentence, "coal-fired boilers"))
    assert other.level == 5 and other.restriction and other.negated


def test_nearest_cue_before_theme_wins_within_clause() -> None:
    sentence = (
        "Strictly control the boundaries of urban development and promote the intensive and "
        "green development of urban spatial connotation."
    )
    result = score_commitment(sentence, "en", _span(sentence, "green development"))
    assert result.cue == "promote" and result.level == 2 and not result.restriction
    assert len(result.cues) == 2


def test_negator_before_cue() -> None:
    sentence = "Ultra-low energy buildings will no longer be promoted."
    result = score_commitment(sentence, "en", _span(sentence, "Ultra-low energy"))
    assert result.negated
    assert any("follows the theme" in c for c in result.caveats)


def test_not_less_than_is_not_a_negation() -> None:
    sentence = "By 2035, the natural coastline retention rate will not be less than 35%."
    result = score_commitment(sentence, "en", _span(sentence, "coastline"))
    assert not result.negated


def test_translation_flattening_caveat() -> None:
    result = score_commitment(EN_2021, "en", _span(EN_2021, "ultra-low energy"))
    assert any("'promote' renders 推动, 推进" in c for c in result.caveats)
    zh = score_commitment(ZH_2021, "zh", _span(ZH_2021, "超低能耗"))
    assert not any("renders" in c for c in zh.caveats)


def test_adhere_to_says_what_it_renders() -> None:
    # "adhere to" renders 坚持 or the binding 坚守, not the words "strengthen" renders
    sentence = "Adhere to the ecological protection red line and strengthen law enforcement."
    result = score_commitment(sentence, "en", _span(sentence, "ecological protection"))
    assert (result.cue, result.level) == ("Adhere to", 3)
    assert any("'Adhere to' renders 坚持 and 坚守 alike" in c for c in result.caveats)
    assert not any("加强" in c for c in result.caveats)


def test_distant_cue_caveat() -> None:
    sentence = (
        "Vigorously promote the transfer of public transportation to railway and public "
        "transportation to water"
    )
    result = score_commitment(sentence, "en", _span(sentence, "to water"))
    assert result.level == 4
    assert any("characters from the theme" in c for c in result.caveats)


def test_target_bonus_in_clause() -> None:
    sentence = "到2027年，“无废城市”建设比例达到60%，固体废物产生强度明显下降"
    result = score_commitment(sentence, "zh", _span(sentence, "无废城市"))
    assert result.level == 0 and result.strength == 0.5
    assert result.targets and result.targets[0].value == 60.0
    promoted = "加快推进“无废城市”建设，到2027年建设比例达到60%"
    r2 = score_commitment(promoted, "zh", _span(promoted, "无废城市"))
    assert r2.level == 3 and r2.strength == 3.0  # the target sits in another clause


def test_en_target_in_same_clause_adds_bonus() -> None:
    sentence = "Accelerate the construction of waste-free cities to reach 60% by 2027"
    result = score_commitment(sentence, "en", _span(sentence, "waste-free cities"))
    assert result.level == 3 and result.strength == 3.5


@pytest.mark.parametrize(
    ("sentence", "lang", "theme", "clause"),
    [
        (ZH_2021, "zh", "超低能耗", "大力推广超低能耗、近零能耗建筑"),
        (
            EN_2021,
            "en",
            "ultra-low energy",
            "vigorously promote ultra-low energy and near-zero energy buildings",
        ),
        (EN_2021, "en", "zero-carbon", "develop zero-carbon buildings"),
        ("Strictly prohibit X; encourage Y.", "en", "Y", "encourage Y"),
        (
            "promote green, industrialized and intensive construction",
            "en",
            "intensive",
            "promote green, industrialized and intensive construction",
        ),
    ],
)
def test_clause_bounds(sentence: str, lang: str, theme: str, clause: str) -> None:
    start, end = clause_bounds(sentence, lang, _span(sentence, theme))
    assert sentence[start:end].strip() == clause


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            [
                *"abcdefg ,;.、，；。：推动大力规模化发展不严禁",
                "promote",
                "large-scale",
                " vigorously ",
                "strictly control",
                " no longer ",
                "by 2027",
                "60%",
                "全覆盖",
                "avoid ",
                "到2027年",
            ]
        ),
        max_size=40,
    ).map("".join),
    lang=st.sampled_from(["en", "zh"]),
    data=st.data(),
)
def test_never_raises_and_level_in_range(text: str, lang: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    result = score_commitment(text, lang, (start, end))
    assert 0 <= result.level <= 5
    assert result.level_name == LEVEL_NAMES[result.level]
    assert result.strength >= result.level - MANNER_DISCOUNT
    c_start, c_end = clause_bounds(text, lang, (start, end))
    for cue in result.cues:
        assert c_start <= cue.start < cue.end <= c_end
        assert text[cue.start : cue.end] == cue.text


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=60), lang=st.sampled_from(["en", "zh"]), data=st.data())
def test_never_raises_on_arbitrary_unicode(text: str, lang: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert 0 <= score_commitment(text, lang, (start, end)).level <= 5


def test_unknown_language_is_rejected() -> None:
    with pytest.raises(ValueError):
        score_commitment("x", "fr", (0, 1))


# The ministry's 2022 carbon-peaking plan and Guangxi's and Chongqing's plans: drafting a
# standard about a theme is no commitment to the theme; applying one still is.
@pytest.mark.parametrize(
    ("sentence", "theme", "document"),
    [
        (
            "建立完善节能降碳标准计量体系，制定完善绿色建筑、零碳建筑、绿色建造等标准",
            "零碳建筑",
            "标准",
        ),
        (
            "建立完善节能降碳标准计量体系，制定完善绿色建筑、零碳建筑、绿色建造、装配式建筑、绿色建材等地方标准",
            "零碳建筑",
            "地方标准",
        ),
        ("健全绿色低碳建筑标准体系，重点编制碳达峰碳中和工程建设标准", "碳中和", "工程建设标准"),
    ],
)
def test_drafting_a_standard_is_no_commitment_to_its_subject(
    sentence: str, theme: str, document: str
) -> None:
    result = score_commitment(sentence, "zh", _span(sentence, theme))
    assert result.level == 0 and result.cue == ""
    assert any(f"'{document}' is about" in c for c in result.caveats)


def test_a_standard_in_a_list_of_nouns_or_applied_still_commits() -> None:
    listed = (
        "建立超低（近零）能耗建筑、低碳（零碳）建筑技术、标准、产业支撑体系，积极推动工程试点示范"
    )
    assert score_commitment(listed, "zh", _span(listed, "零碳")).cue == "建立"
    applied = "到2025年，城镇新建建筑全面执行绿色建筑标准"
    assert score_commitment(applied, "zh", _span(applied, "绿色建筑")).level == 5


def test_a_theme_named_as_the_basis_of_something_else_is_the_means() -> None:
    # the ministries' 2024 energy-saving plan: the monitoring is based on carbon-market data
    sentence = "积极开展以电力、碳市场数据为基础的能源消费和碳排放监测分析"
    result = score_commitment(sentence, "zh", _span(sentence, "碳市场"))
    assert result.level == 0
    assert any("means named in" in c for c in result.caveats)


def test_the_safety_bottom_line_of_building_a_theme_is_about_safety() -> None:
    # Shanxi's plan: the bottom line is safety in building county towns, not their growth
    sentence = "严守县城建设安全底线，加强防洪排涝减灾工程建设"
    result = score_commitment(sentence, "zh", _span(sentence, "县城"))
    assert result.level == 0
    assert any("'建设安全底线'" in c for c in result.caveats)


def test_a_bottom_line_kept_is_still_a_binding_commitment() -> None:
    # 底线 is what these sentences bind themselves to keep, not a noun the theme modifies
    for sentence, term in [
        ("严守生态保护红线，守住城市安全底线", "城市安全"),
        ("坚决守住生态保护底线", "生态保护"),
    ]:
        result = score_commitment(sentence, "zh", _span(sentence, term))
        assert not any("'底线'" in c or "'安全底线'" in c for c in result.caveats), sentence


def test_standardisation_is_not_a_standard_drafted_or_applied() -> None:
    # 标准化 (standardised management) and 规范化 are ways of working, not documents
    built = "建立健全绿色建筑标准化管理体系"
    assert score_commitment(built, "zh", _span(built, "绿色建筑")).level > 0
    done = "全面实施城镇老旧小区改造和标准化建设"
    assert score_commitment(done, "zh", _span(done, "老旧小区改造")).level < 5


@pytest.mark.parametrize(
    ("sentence", "theme", "strength", "raised"),
    [
        # a manner on a verb the lexicon lists: half a level below the outcome of level 4
        ("大力推广新能源汽车", "新能源汽车", 3.5, "a level-2 verb"),
        # a manner alone, on a verb the lexicon lacks (Inner Mongolia's energy plan)
        (
            "以旗县为单元，全面勘查评估清洁低碳能源资源",
            "清洁低碳能源",
            3.5,
            "a verb the lexicon lacks",
        ),
        # a reach is the outcome itself
        ("推动超低能耗建筑规模化发展", "超低能耗", 4.0, ""),
    ],
)
def test_manner_counts_half_a_level_below_reach(
    sentence: str, theme: str, strength: float, raised: str
) -> None:
    result = score_commitment(sentence, "zh", _span(sentence, theme))
    assert result.level == 4 and result.strength == strength
    by_manner = [c for c in result.caveats if "by manner" in c]
    assert (raised in by_manner[0]) if raised else not by_manner
