"""Sentence splitting: English and Chinese rules, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydiff.structure import split_sentences
from policydiff.structure.sentences import ZH_SEMICOLON_LIMIT, cut_at_semicolon


def _texts(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We act. It works.", ["We act.", "It works."]),
        ("We act, e.g. in Beijing. It works.", ["We act, e.g. in Beijing.", "It works."]),
        ("That is, i.e. Beijing. Next.", ["That is, i.e. Beijing.", "Next."]),
        ("Water, power, etc. Other things.", ["Water, power, etc. Other things."]),
        ("See No. 9 Road. Next.", ["See No. 9 Road.", "Next."]),
        ("Botao Co. Ltd. Supplies it.", ["Botao Co. Ltd. Supplies it."]),
        ("Made in the U.S. Government rules.", ["Made in the U.S. Government rules."]),
        ("Mr. Li and Dr. Wang met. They agreed.", ["Mr. Li and Dr. Wang met.", "They agreed."]),
        ("China vs. others. Done.", ["China vs. others.", "Done."]),
        ("Under art. 5 it is so. Yes.", ["Under art. 5 it is so.", "Yes."]),
        ("Growth was 3.5 percent. Costs fell.", ["Growth was 3.5 percent.", "Costs fell."]),
        ("It rose 2.5% in 2025. 30% remain.", ["It rose 2.5% in 2025.", "30% remain."]),
        ("1. Build homes. Then more.", ["1. Build homes.", "Then more."]),
        ("IV. Build homes", ["IV. Build homes"]),
        ('He said "stop." Then left.', ['He said "stop."', "Then left."]),
        ('Build "good homes." "Smart" ones too.', ['Build "good homes."', '"Smart" ones too.']),
        ("Why? Because! Yes.", ["Why?", "Because!", "Yes."]),
        ("lower case. after period", ["lower case. after period"]),
        ("No final period", ["No final period"]),
        ("Line one\nLine two. Three.", ["Line one", "Line two.", "Three."]),
        ("  padded.  \n\n   ", ["padded."]),
        ("", []),
        ("By 2025, done. By 2035, more.", ["By 2025, done.", "By 2035, more."]),
    ],
)
def test_english(text: str, expected: list[str]) -> None:
    assert _texts(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚持人与自然和谐共生。推动构建共同体。", ["坚持人与自然和谐共生。", "推动构建共同体。"]),
        ("是吗？好！对。", ["是吗？", "好！", "对。"]),
        ("建立“一年一体检”。完善。", ["建立“一年一体检”。", "完善。"]),
        ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("见「通知。」再说。", ["见「通知。」", "再说。"]),
        ("（据报道。）然后。", ["（据报道。）", "然后。"]),
        ("真的吗？！是的。", ["真的吗？！", "是的。"]),
        ("没有句号", ["没有句号"]),
        ("短句；不拆。", ["短句；不拆。"]),
        ("第一行\n第二行。", ["第一行", "第二行。"]),
        ("到2025年，完成3.5%。好。", ["到2025年，完成3.5%。", "好。"]),
    ],
)
def test_chinese(text: str, expected: list[str]) -> None:
    assert _texts(text, "zh") == expected


def test_chinese_semicolon_rule_only_for_long_sentences() -> None:
    a, b = "甲" * 80, "乙" * 80
    long_sentence = f"{a}；{b}；丙。"
    assert len(long_sentence) > ZH_SEMICOLON_LIMIT
    assert _texts(long_sentence + "短句；不拆。", "zh") == [
        f"{a}；",
        f"{b}；",
        "丙。",
        "短句；不拆。",
    ]
    short = "甲" * 60 + "；" + "乙" * 60 + "。"
    assert len(short) <= ZH_SEMICOLON_LIMIT
    assert _texts(short, "zh") == [short]


def test_offset_is_added() -> None:
    assert split_sentences("Ab. Cd.", "en", offset=10) == [(10, 13), (14, 17)]


def test_english_rules_do_not_apply_to_chinese_spans() -> None:
    text = "这是第一句。This is English. Still one."
    assert _texts(text, "zh") == ["这是第一句。", "This is English. Still one."]


@given(st.text(), st.sampled_from(["en", "zh"]))
def test_spans_are_trimmed_ordered_and_disjoint(text: str, lang: str) -> None:
    spans = split_sentences(text, lang)
    prev_end = 0
    for start, end in spans:
        assert prev_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        prev_end = end


def test_pieces_cut_after_a_semicolon_are_told_from_lines_ending_on_one() -> None:
    long = "推进" + "甲" * ZH_SEMICOLON_LIMIT + "；" + "到2030年达到40%。"
    first, second = split_sentences(long, "zh")
    assert cut_at_semicolon(long, first, second)
    # a line ending on ； ends its sentence: the next line is another
    lines = "推进装配式建筑；\n到2030年达到40%。"
    first, second = split_sentences(lines, "zh")
    assert not cut_at_semicolon(lines, first, second)
    # and a sentence ending on 。 is not cut
    done = "推进" + "甲" * ZH_SEMICOLON_LIMIT + "。" + "到2030年达到40%。"
    first, second = split_sentences(done, "zh")
    assert not cut_at_semicolon(done, first, second)
