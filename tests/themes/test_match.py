"""Mention finding: normalisation, variants, lookalike negatives, gold precision/recall."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from policydiff.models import StructuredVersion, Version
from policydiff.themes import (
    Catalogue,
    find_mentions,
    load_catalogue,
    match_sentence,
    normalize,
    parse_catalogue,
    theme_matrix,
)
from policydiff.themes.normalize import _normalize_mapped

CAT = load_catalogue()
ROOT = Path(__file__).parents[2]
CORPUS = ROOT / "corpus"
GOLD = Path(__file__).parent / "gold_mentions.yaml"


def themes_of(text: str, lang: str = "en") -> set[str]:
    return {m[0] for m in match_sentence(text, lang, CAT)}


# --- normalisation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Waste-Free Cities", "waste free city"),
        ("“sponge cities”", "sponge city"),
        ("old urban communities", "old urban community"),
        ("ＣＩＭ　platforms", "cim platform"),
        ("ultra_low — energy", "ultra low energy"),
        ("《无废城市》建设", "无废城市建设"),
        ("gas process business", "gas process business"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@given(st.text(alphabet=st.sampled_from(list("ab -“”Cities_ＡＢ城市 ")), max_size=40))
def test_normalize_spans_stay_inside_original(text: str) -> None:
    n = normalize(text)
    assert len(n.starts) == len(n.ends) == len(n.text)
    for i in range(len(n.text)):
        s, e = n.span(i, i + 1)
        assert 0 <= s < e <= len(text)


@given(
    st.text(alphabet=st.sampled_from(list("ab s-“”İCitiesbus_ＡＢ城市 \u3000\n")), max_size=40),
    st.booleans(),
)
def test_normalized_text_is_the_text_its_offset_map_describes(text: str, plurals: bool) -> None:
    # normalize() works the text out alone and the offset map later, on first use
    n = normalize(text, fold_plurals=plurals)
    assert n.text == _normalize_mapped(text, plurals)[0]
    assert len(n.starts) == len(n.ends) == len(n.text)


_WORDS = [
    "cities",
    "Buildings",
    "boxes",
    "glass",
    "bus",
    "green",
    "a",
    "“sponge”",
    "ＡＢＣs",
    "城市",
]


@given(
    st.lists(st.sampled_from(_WORDS), max_size=8),
    st.lists(st.sampled_from([" ", " ", " ", "  ", "-", "\u3000", ""]), min_size=9, max_size=9),
    st.booleans(),
)
def test_spans_are_those_of_the_offset_map(
    words: list[str], gaps: list[str], plurals: bool
) -> None:
    text = "".join(gap + word for gap, word in zip(gaps, [*words, ""], strict=False))
    # span() maps offsets through the plural cuts when no other step moved a character
    n = normalize(text, fold_plurals=plurals)
    _text, starts, ends = _normalize_mapped(text, plurals)
    for a in range(len(n.text) + 1):
        empty = starts[a] if a < len(starts) else len(text)
        assert n.span(a, a) == (empty, empty)
        for b in range(a + 1, len(n.text) + 1):
            assert n.span(a, b) == (starts[a], ends[b - 1])


def test_plural_cuts_are_kept_only_when_nothing_else_moved() -> None:
    assert normalize("green buildings and cities").plural_cuts == ((14, 1), (24, 2))
    assert normalize("green buildings", fold_plurals=False).plural_cuts == ()
    assert normalize("“green” buildings").plural_cuts is None
    assert normalize("green  buildings").plural_cuts is None
    assert normalize(" green buildings").plural_cuts is None


def test_span_is_reported_in_the_original_sentence() -> None:
    text = (
        'We will promote the construction of green cities, forest cities, and "waste-free cities".'
    )
    ((_theme, start, end, matched, score),) = [
        m for m in match_sentence(text, "en", CAT) if m[0] == "waste-free-cities"
    ]
    assert text[start:end] == matched == "waste-free cities"
    assert score == 100.0


# --- variants ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ('Accelerate the construction of "waste free cities".', "waste-free-cities"),
        ('Promote green cities and "waste-free cities".', "waste-free-cities"),
        ("Formulate urban physical examination evaluation standards.", "urban-health-check"),
        ("Establish a city physical examination evaluation system.", "urban-health-check"),
        ("integrating urban health assessments with redevelopment efforts", "urban-health-check"),
        ("the renovation of old urban communities", "old-community-renovation"),
        ("the transformation of older residential areas in towns", "old-community-renovation"),
        ("renovate aging residential communities", "old-community-renovation"),
        ("enhancing the City Information Modeling (CIM) platform", "city-information-model"),
        (
            "the large-scale development of ultra-low-energy and low-carbon buildings",
            "ultra-low-energy-buildings",
        ),
        ("Vigorously develop prefabricated buildings", "prefabricated-buildings"),
        ("Improve the level of garbage classification management", "garbage-classification"),
        ("Further advance urban waste sorting", "garbage-classification"),
        (
            "retrofit existing buildings with energy-efficient upgrades",
            "existing-building-retrofit",
        ),
    ],
)
def test_english_variants(text: str, theme: str) -> None:
    assert theme in themes_of(text)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("推动绿色城市、森林城市、“无废城市”建设，深入开展绿色社区创建行动。", "waste-free-cities"),
        ("实施海绵城市建设，完善城市防洪排涝体系。", "sponge-cities"),
        ("建立健全“一年一体检、五年一评估”的城市体检评估制度。", "urban-health-check"),
        ("以城镇老旧小区改造、美丽乡村建设、生活垃圾分类等为抓手。", "old-community-renovation"),
        ("以城镇老旧小区改造、美丽乡村建设、生活垃圾分类等为抓手。", "garbage-classification"),
        ("开展城市信息模型平台建设", "city-information-model"),
        ("搭建城市运行管里服务平台", "urban-governance-platform"),  # one slip, 10-char term
    ],
)
def test_chinese_terms(text: str, theme: str) -> None:
    assert theme in themes_of(text, "zh")


@pytest.mark.parametrize(
    ("text", "lang", "theme", "present"),
    [
        (
            "Above all, we will firmly safeguard the bottom line of urban safety.",
            "en",
            "urban-resilience",
            True,
        ),
        ("守住城市安全底线，提升城市安全韧性。", "zh", "urban-resilience", True),
        # a city's workplace safety or public order is not its resilience
        ("严格落实城市安全生产责任制。", "zh", "urban-resilience", False),
        ("Safeguard urban safety and social stability.", "en", "urban-resilience", False),
        ("Scientifically carry out large-scale land greening actions.", "en", "carbon-sinks", True),
        ("Promote the greening and beautification of villages.", "en", "carbon-sinks", True),
        ("Promote voluntary tree planting and greening of cities.", "en", "carbon-sinks", True),
        ("We will promote the greening of existing buildings.", "en", "carbon-sinks", False),
        # the dual control of water use alone is water saving's; with energy, dual control
        ("实施国家节水行动，强化用水总量和强度双控。", "zh", "water-saving", True),
        ("实施国家节水行动，强化用水总量和强度双控。", "zh", "dual-control", False),
        ("实行能源和水资源消耗、建设用地等总量和强度双控行动。", "zh", "dual-control", True),
        ("实施能耗双控与用水双控。", "zh", "dual-control", True),
        ("Implement dual control of energy and water use.", "en", "dual-control", True),
        # dual control named bare, beside energy words that are not 能耗 (高耗能, 能效)
        ("坚决遏制高耗能、高排放项目盲目发展，严格落实双控制度。", "zh", "dual-control", True),
        ("大力提升能效水平，严格落实双控目标。", "zh", "dual-control", True),
        # ... and the water's or the land's, whatever else the sentence names
        ("实行水资源消耗总量和强度双控，推进绿色低碳发展。", "zh", "dual-control", False),
        ("实施建设用地总量和强度双控，推动低碳转型。", "zh", "dual-control", False),
        (
            "We will strengthen the dual control of water resources and build low-carbon cities.",
            "en",
            "dual-control",
            False,
        ),
        # resilience named beside the city's workplace safety or public order
        ("统筹城市安全生产和韧性城市建设。", "zh", "urban-resilience", True),
        (
            "Strengthen urban safety production and build resilient cities.",
            "en",
            "urban-resilience",
            True,
        ),
        # the greening of what is no place
        ("Promote the greening of the city's energy structure.", "en", "carbon-sinks", False),
        ("Promote the greening of landfill operations.", "en", "carbon-sinks", False),
        ("Promote the greening of urban transport.", "en", "carbon-sinks", False),
        ("Promote the greening of urban and rural areas.", "en", "carbon-sinks", True),
    ],
)
def test_urban_safety_land_greening_and_dual_control(
    text: str, lang: str, theme: str, present: bool
) -> None:
    assert (theme in themes_of(text, lang)) is present


def test_reclaimed_water_is_sewage_treatment_not_waste_recycling() -> None:
    # Xinjiang's plan: sewage reuse is a water theme, whatever 再生利用 says
    assert "waste-recycling" not in themes_of("推进智慧供水管理，加强城镇污水再生利用", "zh")
    assert "waste-recycling" not in themes_of("实施城镇污水资源化利用行动", "zh")
    assert "waste-recycling" in themes_of("推进建筑垃圾集中处理、分级利用，加强再生利用", "zh")
    assert "sewage-treatment" in themes_of("推进智慧供水管理，加强城镇污水再生利用", "zh")
    # Xinjiang's plan names beautiful villages by the longer 美丽宜居乡村
    assert "beautiful-countryside" in themes_of("全面开展美丽宜居乡村建设工作", "zh")


def test_electrifying_a_fleet_names_new_energy_vehicles_but_not_for_ships() -> None:
    # Shanghai's 2024 green low-carbon action plan and Chongqing's 2025 transition plan
    assert "new-energy-vehicles" in themes_of("加快推进城市公共领域用车全面电动化", "zh")
    assert "new-energy-vehicles" not in themes_of("推动内河船舶电动化应用", "zh")


def test_recycled_materials_and_safety_resilience_name_their_themes() -> None:
    # Chongqing's 2025 transition plan and Shanxi's carbon-peaking plan
    assert "waste-recycling" in themes_of("积极发展再制造，大力推广再生材料应用。", "zh")
    shanxi = "围绕生态宜居、健康舒适、安全韧性、交通便捷、风貌特色、整洁有序、多元包容、创新活力等方面开展城市自体检"
    assert "urban-resilience" in themes_of(shanxi, "zh")


def test_the_energy_performance_required_of_building_parts_is_an_energy_standard() -> None:
    # Jiangxi's plan
    jiangxi = "重点提高建筑门窗等关键部品节能性能要求，推广防火等级高、保温隔热性能好的建筑保温体系"
    assert "building-energy-standards" in themes_of(jiangxi, "zh")
    # Chongqing's plan: an aside inside the term
    chongqing = "严格实施建筑能效（绿色建筑）测评与标识制度，强化绿色建筑与节能闭合监管"
    assert "building-energy-standards" in themes_of(chongqing, "zh")


def test_shallow_geothermal_energy_is_renewable_energy_in_buildings() -> None:
    # Chongqing's plan
    chongqing = "因地制宜推进浅层地热能等可再生能源规模化应用，推动以水源热泵技术为代表的可再生能源应用示范项目建设"
    found = [
        m for m in match_sentence(chongqing, "zh", CAT) if m[0] == "renewable-energy-in-buildings"
    ]
    assert "浅层地热能" in [m[3] for m in found]


def test_machinery_or_supply_chains_are_no_vehicles_or_city_resilience() -> None:
    assert "new-energy-vehicles" in themes_of("推进城市公共领域用车全面电动化", "zh")
    assert "new-energy-vehicles" not in themes_of("推动施工机械电动化", "zh")
    assert "new-energy-vehicles" not in themes_of("推进港口装卸设备电动化", "zh")
    assert "urban-resilience" in themes_of("建设生态宜居、健康舒适、安全韧性的城市", "zh")
    assert "urban-resilience" not in themes_of("提升产业链供应链安全韧性", "zh")


def test_green_said_once_for_design_and_construction_names_green_construction() -> None:
    # the ministries' 2024 energy-saving plan
    sentence = (
        "严格执行建筑节能降碳强制性标准，强化绿色设计和施工管理，研发推广新型建材及先进技术。"
    )
    assert "green-construction" in themes_of(sentence, "zh")
    # in a clause of its own, 施工 is no green construction
    apart = sentence.replace("绿色设计和施工管理", "绿色设计，加强施工管理")
    assert "green-construction" not in themes_of(apart, "zh")


def test_short_chinese_terms_are_not_fuzzy() -> None:
    assert "urban-villages" not in themes_of("推进城中小村改造", "zh")


def test_green_production_and_lifestyles_name_the_lifestyle() -> None:
    # 2023 Beautiful China: the 2035 goal; 绿色生产生活方式 is its usual Chinese
    sentence = (
        "By 2035, green production and lifestyle will be widely adopted, carbon emissions will peak"
    )
    assert {"low-carbon-lifestyle", "carbon-peaking"} <= themes_of(sentence)
    assert "low-carbon-lifestyle" in themes_of("加快形成绿色低碳生产生活方式", "zh")
    assert "low-carbon-lifestyle" not in themes_of("推动绿色生产方式转型", "zh")


def test_a_homophone_typo_of_a_term_still_names_its_theme() -> None:
    # the ministry plan (建标〔2022〕53号) writes 挛 (luán) for 孪 (luán): the digital-twin city
    sentence = (
        "利用建筑信息模型（BIM）技术和城市信息模型（CIM）平台等，推动数字建筑、数字挛生城市建设"
    )
    found = [m for m in match_sentence(sentence, "zh", CAT) if m[0] == "smart-cities"]
    assert [(m[3], round(m[4], 1)) for m in found] == [("数字挛生城市", 83.3)]
    # a character of another sound is another word, not a typo
    assert "smart-cities" not in themes_of("推动数字建筑、数字共生城市建设", "zh")
    # nor is one of the same sound in a term of three characters
    assert "urban-villages" not in themes_of("推进城中存改造", "zh")


# --- lookalikes (real sentences from the 2023 and 2025 documents) ----------------------

LOOKALIKES = [
    (
        "High quality promotion of key industries such as steel, cement, and coking, "
        "as well as ultra-low emission transformation of coal-fired boilers.",
        "ultra-low-energy-buildings",
    ),
    (
        "Promote the green transformation and electrification of railway stations, civil "
        "airports, port terminals, logistics parks, etc., and promote the large-scale "
        "application of ultra-low and near zero emission vehicles, as well as the clean and "
        "low-carbon application of non road mobile machinery.",
        "ultra-low-energy-buildings",
    ),
    (
        "Implement initiatives to retrofit and renovate prefabricated-panel housing units in "
        "urban areas, as well as projects aimed at reinforcing building structures in regions "
        "prone to earthquakes.",
        "prefabricated-buildings",
    ),
    ("We will improve the certification system for green building materials.", "green-buildings"),
    # an industry's greening, or that of buildings, is no land greening; the dual control
    # of water use is water saving's
    (
        "Promote the deep integration of industrial digitization, intelligence, and greening, "
        "accelerate the construction of a modern industrial system.",
        "carbon-sinks",
    ),
    (
        "Promote the deep integration of industrial digitization, intelligence, and greening.",
        "digital-transformation",
    ),
    ("We will promote the greening of existing buildings.", "carbon-sinks"),
    (
        "Implement a national water-saving action and strengthen the dual control of total and "
        "intensity of water use.",
        "dual-control",
    ),
]


@pytest.mark.parametrize(("text", "theme"), LOOKALIKES)
def test_lookalikes_do_not_match(text: str, theme: str) -> None:
    assert theme not in themes_of(text)


def test_exclude_and_require_rules() -> None:
    cat = Catalogue(
        parse_catalogue(
            "themes:\n"
            "  - {id: pie, label: Pie, label_zh: 派, en: [apple pie], zh: [苹果派],\n"
            "     exclude: {en: [rotten], zh: [烂]}, require: {en: ['\\bbake']}}\n"
        )
    )
    assert [m[0] for m in match_sentence("bake an apple pie", "en", cat)] == ["pie"]
    assert match_sentence("an apple pie to bake", "en", cat)
    assert not match_sentence("an apple pie", "en", cat)  # require not met
    assert not match_sentence("bake a rotten apple pie", "en", cat)  # same clause
    assert match_sentence("bake an apple pie; rotten eggs", "en", cat)  # other clause
    assert not match_sentence("烂苹果派", "zh", cat)


@pytest.mark.parametrize(
    ("text", "theme", "present"),
    [
        # 节水 across the word 调节 is a regulating reservoir, not water saving
        ("积极推动流域控制性调节水库建设和常规水电站扩机增容", "water-saving", False),
        ("深入开展节水型城市建设", "water-saving", True),
        # metered charging is heat metering only where the sentence is about heating
        ("建立健全餐饮企业厨余垃圾计量收费机制", "heat-metering", False),
        ("建立健全城镇生活垃圾处理收费制度，逐步实行分类计价和计量收费", "heat-metering", False),
        ("加强供热系统运行调节，稳步推进计量收费改革", "heat-metering", True),
    ],
)
def test_a_theme_term_inside_another_word_or_about_another_thing_is_no_mention(
    text: str, theme: str, present: bool
) -> None:
    assert (theme in themes_of(text, "zh")) is present


def test_every_occurrence_of_a_theme_is_a_mention() -> None:
    # issue 22, class 1: each occurrence is scored in its own clause
    text = "green buildings and more green buildings"
    hits = match_sentence(text, "en", CAT)
    assert [(h[0], h[1]) for h in hits] == [("green-buildings", 0), ("green-buildings", 25)]
    zh = match_sentence("持续推进垃圾分类和减量化，建立健全生活垃圾分类投放系统。", "zh", CAT)
    assert [h[3] for h in zh if h[0] == "garbage-classification"] == ["垃圾分类", "生活垃圾分类"]
    assert hits[0][1] == 0


# --- documents -------------------------------------------------------------------------


def _structured(text: str, lang: str) -> StructuredVersion:
    from policydiff.structure import structure_version

    version = Version(key=lang, lang=lang, kind="original", complete=True, source="", text=text)
    return structure_version("doc", version)


def test_find_mentions_and_matrix() -> None:
    sv = _structured(
        "I. General\n(1) Build sponge cities. Build sponge cities and waste-free cities.\n", "en"
    )
    mentions = find_mentions(sv, CAT)
    assert [(m.theme_id, m.sentence_index) for m in mentions] == [
        ("sponge-cities", 1),
        ("sponge-cities", 2),
        ("waste-free-cities", 2),
    ]
    for m in mentions:
        assert m.sentence[m.start : m.end] == m.matched
    matrix = theme_matrix(mentions, catalogue=CAT)
    assert matrix.count("sponge-cities", "doc") == 2
    assert matrix.row("waste-free-cities") == {"doc": 1}
    assert theme_matrix(mentions, catalogue=CAT, include_absent=True).themes == CAT.ids


def _corpus_versions() -> dict[str, Any]:
    from policydiff.corpus import load_corpus
    from policydiff.structure import structure_version

    out: dict[str, Any] = {}
    for doc in load_corpus(CORPUS).documents:
        for lang in ("en", "zh"):
            version = doc.version(lang)
            if version is not None:
                out[f"{doc.date.year}-{lang}"] = (doc, structure_version(doc.id, version))
    return out


def precision_recall() -> tuple[float, float, list[str]]:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    versions = _corpus_versions()
    tp = fp = fn = 0
    problems: list[str] = []
    for key, per_theme in gold["mentions"].items():
        assert key in versions, f"gold key {key} has no corpus version"
        _, sv = versions[key]
        predicted = {(m.theme_id, m.sentence_id) for m in find_mentions(sv, CAT)}
        for theme in gold["themes"]:
            truth: set[str] = set()
            for snippet in per_theme.get(theme, []):
                hits = [s.id for s in sv.sentences if snippet in s.text]
                assert hits, f"{key}/{theme}: gold snippet not found: {snippet!r}"
                truth.update(hits)
            pred = {sid for t, sid in predicted if t == theme}
            tp += len(pred & truth)
            fp += len(pred - truth)
            fn += len(truth - pred)
            problems += [f"FP {key} {theme} {sid}" for sid in sorted(pred - truth)]
            problems += [f"FN {key} {theme} {sid}" for sid in sorted(truth - pred)]
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), problems


def test_gold_precision_and_recall() -> None:
    precision, recall, problems = precision_recall()
    assert precision >= 0.9, problems
    assert recall >= 0.85, problems


def test_no_mention_from_the_2025_commentary() -> None:
    versions = _corpus_versions()
    _doc, sv = versions["2025-en"]
    commentary = ["Key Policy Points and Interpretation", "Good house Series", "REITs"]
    assert not any(c in sv.version.text for c in commentary), "commentary leaked into corpus"
    mentions = find_mentions(sv, CAT)
    assert mentions
    for m in mentions:
        assert m.sentence in sv.version.text
        assert "Interpretation" not in m.sentence and 'Opinion" marks' not in m.sentence
