"""parse_provisions / structure_version on seed-derived clean texts and arbitrary text."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydiff.models import Provision, Version
from policydiff.structure import parse_provisions, structure_version
from policydiff.structure.numbering import to_roman

SeedText = Callable[[str], str]

IDS_2021 = [
    "preamble",
    "I",
    "I.1",
    "I.2",
    "I.3",
    "II",
    "II.1",
    "II.2",
    "II.3",
    "III",
    *[f"III.{k}" for k in range(1, 6)],
    "IV",
    *[f"IV.{k}" for k in range(1, 6)],
    "V",
    *[f"V.{k}" for k in range(1, 5)],
]


def _by_id(provisions: tuple[Provision, ...]) -> dict[str, Provision]:
    return {p.id: p for p in provisions}


def _check_invariants(text: str, provisions: tuple[Provision, ...]) -> None:
    ids = [p.id for p in provisions]
    assert len(ids) == len(set(ids))
    prev_end = 0
    known: set[str] = set()
    for p in provisions:
        assert prev_end <= p.start <= p.end <= len(text)
        prev_end = p.end
        assert p.parent is None or p.parent in known
        known.add(p.id)
        assert [s.index for s in p.sentences] == list(range(1, len(p.sentences) + 1))
        for s in p.sentences:
            assert s.provision_id == p.id
            assert p.start <= s.start < s.end <= p.end
            assert text[s.start : s.end] == s.text


def _uncovered(text: str, provisions: tuple[Provision, ...]) -> str:
    """Non-space characters of ``text`` neither in a sentence nor in a label."""
    covered = [False] * len(text)
    for p in provisions:
        for s in p.sentences:
            covered[s.start : s.end] = [True] * (s.end - s.start)
        if p.label:
            assert text.startswith(p.label, p.start)
            covered[p.start : p.start + len(p.label)] = [True] * len(p.label)
    return "".join(c for c, ok in zip(text, covered, strict=True) if not ok and not c.isspace())


@pytest.mark.parametrize(("seed", "lang"), [("000", "en"), ("001", "zh"), ("003", "en")])
def test_2021_ids(seed_text: SeedText, seed: str, lang: str) -> None:
    text = seed_text(seed)
    provisions = parse_provisions(text, lang)
    _check_invariants(text, provisions)
    assert _uncovered(text, provisions) == ""
    if seed == "003":
        assert [p.id for p in provisions] == ["2", "3", "4", "5", "V", "V.1"]
        assert provisions[0].parent is None and provisions[0].level == 2
    else:
        assert [p.id for p in provisions] == IDS_2021


def test_2021_english_details(seed_text: SeedText) -> None:
    text = seed_text("000")
    p = _by_id(parse_provisions(text, "en"))
    assert p["III"].label == "3."
    assert p["III"].heading == "Transform the pattern of urban and rural development"
    assert p["III.1"].heading == "Building high-quality green buildings"
    assert p["III.1"].path == (
        "III Transform the pattern of urban and rural development",
        "III.1 Building high-quality green buildings",
    )
    assert p["III.1"].parent == "III" and p["III.1"].level == 2
    assert (p["I.1"].label, p["I.1"].heading) == ("(1)", "Guiding ideology")
    assert (p["I.3"].label, p["I.3"].heading) == ("3.", "Overall Objectives")
    block = text[p["I.3"].start : p["I.3"].end]
    assert block.startswith("3. Overall Objectives\nBy 2025,") and "\nBy 2035," in block
    assert (p["II"].label, p["II"].heading) == (
        "Second,",
        "promote the integrated development of urban and rural development",
    )
    assert text[p["I"].start : p["I"].end] == "I. General requirements"
    assert p["IV.2"].label == "(2)" and p["V.4"].label == "(4)"
    # run-on title: the title is split off as the first sentence
    assert p["II.1"].heading == "Promoting green development of regions and city clusters"
    assert p["II.1"].sentences[1].text.startswith("We will establish a sound coordination")
    assert p["preamble"].level == 0 and p["preamble"].label == ""
    assert p["preamble"].sentences[0].text.startswith("Urban and rural development is")


def test_2021_chinese_details(seed_text: SeedText) -> None:
    text = seed_text("001")
    p = _by_id(parse_provisions(text, "zh"))
    assert (p["I"].label, p["I"].heading) == ("一、", "总体要求")
    assert (p["I.1"].label, p["I.1"].heading) == ("（一）", "指导思想")
    assert p["I.1"].sentences[0].text == "指导思想。"
    assert p["I.3"].heading == "总体目标"
    assert [s.text[:7] for s in p["I.3"].sentences] == ["总体目标", "到2025年，", "到2035年，"]
    assert p["III.1"].path == ("III 转变城乡建设发展方式", "III.1 建设高品质绿色建筑")


def test_a_parts_heading_going_on_past_a_sentence_is_titled_by_the_first() -> None:
    # a notice whose parts run on (一、坚持城市体检先行。建立城市体检机制…): the part is titled
    # by its first sentence, as an item is, not by the whole paragraph
    text = (
        "各省、自治区住房和城乡建设厅：\n"
        "一、坚持城市体检先行。建立城市体检机制，将城市体检作为城市更新的前提。\n"
        "二、发挥城市更新规划统筹作用。依据城市体检结果，编制城市更新专项规划。\n"
    )
    p = _by_id(parse_provisions(text, "zh"))
    assert (p["I"].heading, p["II"].heading) == ("坚持城市体检先行", "发挥城市更新规划统筹作用")
    assert [s.text for s in p["I"].sentences] == [
        "坚持城市体检先行。",
        "建立城市体检机制，将城市体检作为城市更新的前提。",
    ]


def test_a_parts_title_case_heading_is_not_cut_where_a_title_seems_to_run_on() -> None:
    # a run-on cut, right for an item's sentence-case title, split the 2023 Opinions' part
    # title before "Comprehensively" wherever the part line held more than 20 words
    title = (
        "New Era and New Journey Embark on a New Chapter of Comprehensively Promoting the "
        "Construction of Beautiful China in the Whole Country"
    )
    (part,) = parse_provisions(f"1、 {title}\n", "en")
    assert part.heading == title


def test_attachments_after_the_text_are_no_items_of_its_last_part() -> None:
    # the list of attachments numbered 1. 2. took 2. for the last part's second item,
    # and the attachment with its table ran on under it
    text = (
        "三、保障措施\n（一）加强组织领导。省住房城乡建设厅要加强统筹协调。\n"
        "（二）强化监督考核。将改造工作纳入年度考核。\n"
        "附件：1.浙江省城市燃气管道老化更新改造任务清单\n2.浙江省城市燃气管道老化更新改造责任分工\n"
        "附件1\n浙江省城市燃气管道老化更新改造任务清单\n序号 市 任务（公里）\n1 甲市 300\n"
    )
    provisions = parse_provisions(text, "zh")
    p = _by_id(provisions)
    assert [s.text for s in p["III.2"].sentences] == ["强化监督考核。", "将改造工作纳入年度考核。"]
    # the list's second attachment an item of the list, each attachment a heading
    assert [x.id for x in provisions if x.id.startswith("H")] == ["H1", "H1.2", "H2"]
    assert p["H1"].heading.startswith("附件：1.浙江省") and p["H2"].heading == "附件1"
    assert "序号 市 任务（公里）" in [s.text for s in p["H2"].sentences]


def test_2025_parts_and_continuous_items(seed_text: SeedText) -> None:
    text = seed_text("002")
    provisions = parse_provisions(text, "en")
    _check_invariants(text, provisions)
    assert _uncovered(text, provisions) == ""
    parts = [p for p in provisions if p.level == 1]
    items = [p for p in provisions if p.level == 2]
    assert [p.id for p in parts] == [to_roman(k) for k in range(1, 10)]
    assert [p.label for p in parts] == ["I.", "II.", "3.", "4.", "V.", "6.", "7.", "8.", "9."]
    assert [int(p.id.split(".")[1]) for p in items] == list(range(1, 24))
    p = _by_id(provisions)
    assert (p["VI.14"].label, p["VI.14"].parent) == ("(Fourteen)", "VI")
    assert p["III.4"].label == "(Four)"
    assert [q.id for q in items if q.parent == "IV"] == ["IV.8", "IV.9", "IV.10"]
    assert "(August 15, 2025)" in text[p["preamble"].start : p["preamble"].end]
    assert p["I"].heading == "General Requirements"
    assert any(s.text.startswith("The primary goals are: By 2030") for s in p["I"].sentences)
    assert p["IX"].heading == "Strengthen Organization and Implementation"


def test_2023_parts_and_items(seed_text: SeedText) -> None:
    text = seed_text("004")
    provisions = parse_provisions(text, "en")
    _check_invariants(text, provisions)
    assert _uncovered(text, provisions) == ""
    parts = [p for p in provisions if p.level == 1]
    items = [p for p in provisions if p.level == 2]
    assert [p.id for p in parts] == [to_roman(k) for k in range(1, 11)]
    assert [p.label for p in parts] == [f"{k}、" for k in range(1, 11)]
    assert [int(p.id.split(".")[1]) for p in items] == list(range(1, 34))
    p = _by_id(provisions)
    assert p["II"].heading == "Overall requirements"
    dashes = [s.text for s in p["II"].sentences if s.text.startswith("——")]
    assert len(dashes) == 4 and dashes[0] == "——Full domain transformation."
    assert (
        p["III.1"].heading == "Optimize the pattern of national spatial development and protection"
    )
    assert p["X.33"].parent == "X"


def test_structure_version(seed_text: SeedText) -> None:
    version = Version("zh", "zh", "original", True, "seed 001", seed_text("001"))
    structured = structure_version("2021-green", version)
    assert structured.document_id == "2021-green"
    assert structured.version is version
    assert structured.provision("V.4") is not None
    assert structured.sentences[0].id == "preamble#1"


def test_unnumbered_headings() -> None:
    text = (
        "Notice on Housing\nThis notice sets rules. It applies now.\n"
        "General Provisions\nThe state supports housing. It funds it.\n"
        "(1) Scope. It covers all.\nSupervision\nThe ministry supervises.\n"
    )
    p = parse_provisions(text, "en")
    assert [(q.id, q.level, q.parent, q.heading) for q in p] == [
        ("preamble", 0, None, ""),
        ("H1", 1, None, "General Provisions"),
        ("H1.1", 2, "H1", "Scope"),
        ("H2", 1, None, "Supervision"),
    ]
    assert p[0].sentences[0].text == "Notice on Housing"  # a title line is not a heading
    zh = parse_provisions("通知\n本通知规定规则。\n总体要求\n国家支持住房。\n", "zh")
    assert [(q.id, q.heading) for q in zh] == [("preamble", ""), ("H1", "总体要求")]


def test_unnumbered_headings_not_used_when_parts_are_numbered() -> None:
    text = "I. Part\nThe body. It goes on.\nShort line\nAnother body. Yes.\n"
    assert [q.id for q in parse_provisions(text, "en")] == ["I"]


@pytest.mark.parametrize(
    ("text", "lang", "ids"),
    [
        ("", "en", []),
        ("\n\n", "zh", []),
        ("Only a preamble.\n", "en", ["preamble"]),
        ("I. Part\n", "en", ["I"]),
        ("(1)\n", "en", ["1"]),
        ("  (1)  Indented.  \n", "en", ["1"]),
        # an item whose opening parenthesis the source lost is its part's first item
        ("一、总体要求\n一）指导思想\n坚持。\n（二）工作原则\n统筹。\n", "zh", ["I", "I.1", "I.2"]),
        # sub-items numbered on across items (Chongqing's 1., 2. under （一）, 3. under （二）,
        # then 4. under （三） where the item's own number is 4 too): neither parts nor items
        (
            "一、总体要求\n二、重点任务\n（一）优化布局\n1.优化城市空间布局\n加强。\n"
            "2.推进城市更新\n推进。\n（二）提高建筑水平\n3.开展社区建设\n开展。\n"
            "（三）提高运行效率\n4.提高水资源利用效率\n提高。\n三、保障措施\n加强。\n",
            "zh",
            ["I", "II", "II.1", "II.1.1", "II.1.2", "II.2", "II.2.3", "II.3", "II.3.4", "III"],
        ),
    ],
)
def test_small_texts(text: str, lang: str, ids: list[str]) -> None:
    provisions = parse_provisions(text, lang)
    assert [p.id for p in provisions] == ids
    _check_invariants(text, provisions)


_LABELISH = st.sampled_from(
    ["I. ", "II.", "(1) ", "(Four)", "3. ", "Second, ", "一、", "（一）", "1、", "\n", "。", ". "]
)
_TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(_LABELISH, st.text(max_size=12)), max_size=30).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from(["en", "zh"]))
def test_never_raises_and_sentences_match(text: str, lang: str) -> None:
    provisions = parse_provisions(text, lang)
    _check_invariants(text, provisions)
    spans = sorted((s.start, s.end) for p in provisions for s in p.sentences)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start
