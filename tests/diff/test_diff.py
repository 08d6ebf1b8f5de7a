"""The provision-aligned word diff: identity, exact reconstruction and real changes."""

from __future__ import annotations

import difflib
import html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from policydiff.diff import TokenOp, diff_documents, elide, provision_body, token_ops, tokenize
from policydiff.diff.ops import provision_ops, word_ratio
from policydiff.errors import UsageError
from policydiff.models import StructuredVersion, Version
from policydiff.render.diff_formats import diff_html, diff_json, diff_markdown
from policydiff.render.md_text import md
from policydiff.render.terminal.diff import diff_text
from policydiff.structure import structure_version
from tests.conftest import DOC_2021, DOC_2023, DOC_2025

THEME = "ultra-low-energy-buildings"


def old_side(ops: tuple[TokenOp, ...]) -> str:
    return "".join(op.old for op in ops)


def new_side(ops: tuple[TokenOp, ...]) -> str:
    return "".join(op.new for op in ops)


def structured_text(text: str, lang: str = "en", key: str | None = None) -> StructuredVersion:
    kind = "original" if lang == "zh" else "translation"
    version = Version(key or lang, lang, kind, True, "test", text)
    return structure_version("doc", version)


# ---------------------------------------------------------------------------
# tokens


@pytest.mark.parametrize(
    ("text", "lang", "tokens"),
    [
        ("We'll run it, near-zero.", "en", ["We'll", " ", "run", " ", "it", ",", " ", "near-zero", "."]),
        ("推广超低能耗2025年", "zh", ["推", "广", "超", "低", "能", "耗", "2025", "年"]),
        ("PM2.5 浓度", "zh", ["PM2.5", " ", "浓", "度"]),
    ],
)  # fmt: skip
def test_tokenize(text: str, lang: str, tokens: list[str]) -> None:
    assert tokenize(text, lang) == tokens


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80), st.sampled_from(["en", "zh"]))
def test_token_ops_reconstruct_both_texts(old: str, new: str, lang: str) -> None:
    assert "".join(tokenize(old, lang)) == old
    ops, ratio = token_ops(old, new, lang)
    assert old_side(ops) == old and new_side(ops) == new
    assert 0.0 <= ratio <= 1.0
    assert all(op.op in ("equal", "delete", "insert", "replace") for op in ops)
    assert all(op.old == op.new for op in ops if op.op == "equal")


def test_elide_keeps_context_words_around_changes() -> None:
    words = " ".join(f"w{i}" for i in range(40))
    ops, _ = token_ops(f"{words} old {words}", f"{words} new {words}", "en")
    short = elide(ops, 3, "en")
    assert [op.op for op in short] == ["elided", "equal", "replace", "equal", "elided"]
    assert short[1].old == "w37 w38 w39 " and short[3].old == " w0 w1 w2"
    assert elide(ops, 100, "en") == ops


# ---------------------------------------------------------------------------
# identity


@pytest.mark.parametrize(
    "key", [(DOC_2021, "en"), (DOC_2021, "zh"), (DOC_2021, "en-2"), (DOC_2023, "en"), (DOC_2025, "en")]
)  # fmt: skip
def test_a_version_diffed_with_itself_has_no_changes(
    structured: dict[tuple[str, str], StructuredVersion], key: tuple[str, str]
) -> None:
    version = structured[key]
    result = diff_documents(version, version, include_unchanged=True)
    assert len(result.pairs) == len(version.provisions) == result.unchanged_count
    assert all(p.ratio == 1.0 and {op.op for op in p.ops} <= {"equal"} for p in result.pairs)
    assert not result.added and not result.removed
    assert result.summary.changed == 0
    folded = diff_documents(version, version)
    assert folded.pairs == () and folded.unchanged_count == len(version.provisions)


_WORD = st.sampled_from(
    ["promote", "vigorously", "green", "buildings", "energy", "will", "the", "strictly", "by 2025"]
)
_SENTENCE = st.lists(_WORD, min_size=1, max_size=8).map(lambda w: " ".join(w).capitalize() + ".")
_OPENERS = ("Alpha", "Bravo", "Charlie", "Delta")
_ITEM = st.lists(_SENTENCE, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ITEM, min_size=1, max_size=4))
def test_identity_property_on_generated_texts(items: list[str]) -> None:
    # each item opens with its own word: texts whose character n-grams coincide
    # ("Promote." and "Promote. Promote.") tie in the alignment, whichever way it pairs them
    text = "I. General\n" + "".join(
        f"({i}) {_OPENERS[i - 1]} {item}\n" for i, item in enumerate(items, 1)
    )
    version = structured_text(text)
    result = diff_documents(version, version, include_unchanged=True)
    assert not result.added and not result.removed
    assert result.pairs and all(p.ratio == 1.0 for p in result.pairs)
    assert all(op.op == "equal" for p in result.pairs for op in p.ops)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ITEM, min_size=1, max_size=4), st.lists(_ITEM, min_size=1, max_size=4))
def test_pairs_reconstruct_both_provisions(old_items: list[str], new_items: list[str]) -> None:
    def make(items: list[str]) -> StructuredVersion:
        return structured_text("".join(f"({i}) {t}\n" for i, t in enumerate(items, 1)))

    old, new = make(old_items), make(new_items)
    result = diff_documents(old, new, include_unchanged=True)
    for pair in result.pairs:
        a, b = old.provision(pair.old_id), new.provision(pair.new_id)
        assert a is not None and b is not None
        assert old_side(pair.ops) == provision_body(a, "en")
        assert new_side(pair.ops) == provision_body(b, "en")


def test_real_pairs_reconstruct_both_provisions(
    structured: dict[tuple[str, str], StructuredVersion],
) -> None:
    old, new = structured[(DOC_2021, "en")], structured[(DOC_2023, "en")]
    result = diff_documents(old, new, include_unchanged=True)
    assert result.pairs
    for pair in result.pairs:
        a, b = old.provision(pair.old_id), new.provision(pair.new_id)
        assert a is not None and b is not None
        assert old_side(pair.ops) == provision_body(a, "en")
        assert new_side(pair.ops) == provision_body(b, "en")
        assert pair.ops == provision_ops(a, b, "en")[0]


# ---------------------------------------------------------------------------
# real changes


def test_ultra_low_energy_commitment_strengthened_2021_to_2023(
    structured: dict[tuple[str, str], StructuredVersion],
) -> None:
    result = diff_documents(structured[(DOC_2021, "en")], structured[(DOC_2023, "en")], theme=THEME)
    deleted = " ".join(op.old for p in result.pairs for op in p.ops if op.op != "equal")
    inserted = " ".join(op.new for p in result.pairs for op in p.ops if op.op != "equal")
    assert "vigorously promote ultra-low energy" in deleted
    assert "large-scale development of ultra-low energy" in inserted
    changes = [c for p in result.pairs for c in p.cue_changes]
    assert any(
        c.old_cue == "vigorously promote"
        and c.new_cue == "promote the large-scale development"
        and c.verdict == "strengthened"
        and c.arrow == "▲"
        for c in changes
    )
    assert result.summary.strengthened >= 1
    # every pair kept mentions the theme on one side at least
    assert {p.old_id for p in result.pairs} == {"III.1"}


def test_second_translation_wording_of_v1(
    structured: dict[tuple[str, str], StructuredVersion],
) -> None:
    result = diff_documents(structured[(DOC_2021, "en-2")], structured[(DOC_2021, "en")])
    pair = next(p for p in result.pairs if p.old_id == "V.1")
    assert pair.new_id == "V.1" and pair.relation == "matched"
    assert TokenOp("replace", "will run", "runs") in pair.ops
    assert result.unchanged_count >= 1
    assert result.removed == ()  # the partial translation only lacks provisions
    assert {r.id for r in result.added} >= {"preamble", "I.1", "V.2"}


def test_rewritten_sentences_are_not_paired_one_to_one_by_their_separators() -> None:
    old = structured_text(
        "(1) Building green buildings. Implement carbon peak actions in the building sector. "
        "Encourage the construction of green agricultural houses.\n"
    )
    new = structured_text(
        "(1) Building green buildings. Promote the deep integration of industrial "
        "digitization. Strictly control the entry barriers of high energy projects. "
        "Encourage the construction of green agricultural houses and schools.\n"
    )
    ((a, b),) = [(old.provision(p.id), new.provision(p.id)) for p in old.provisions]
    assert a is not None and b is not None
    ops = provision_ops(a, b, "en")[0]
    # the two rewritten middle sentences go out and come in whole, as one change
    assert [op.op for op in ops if op.op != "equal"] == ["replace", "insert"]
    (rewritten,) = [op for op in ops if op.op == "replace"]
    assert rewritten.old == "Implement carbon peak actions in the building sector."
    assert rewritten.new == (
        "Promote the deep integration of industrial digitization. "
        "Strictly control the entry barriers of high energy projects."
    )
    # a similar sentence is still diffed word by word
    assert TokenOp("insert", "", " and schools") in ops


def test_chinese_cue_change_by_character_diff() -> None:
    base = "三、转变城乡建设发展方式\n（一）建设高品质绿色建筑。大力推广超低能耗、近零能耗建筑，发展零碳建筑。\n"
    edited = base.replace("大力推广超低能耗、近零能耗建筑", "推动超低能耗、近零能耗建筑规模化发展")
    result = diff_documents(structured_text(base, "zh"), structured_text(edited, "zh"))
    (pair,) = result.pairs
    assert pair.old_id == pair.new_id == "III.1"
    assert ("delete", "大力") in [(op.op, op.old) for op in pair.ops] or any(
        "大力" in op.old and op.op != "equal" for op in pair.ops
    )
    assert any("规模化发展" in op.new for op in pair.ops if op.op != "equal")
    (change,) = pair.cue_changes
    assert change.old_cue == "大力推广" and change.old_level == 4
    themed = diff_documents(structured_text(base, "zh"), structured_text(edited, "zh"), theme=THEME)
    (themed_change,) = themed.pairs[0].cue_changes
    assert themed_change.verdict == "strengthened"
    assert themed_change.new_strength > themed_change.old_strength


def test_different_languages_are_refused(
    structured: dict[tuple[str, str], StructuredVersion],
) -> None:
    with pytest.raises(UsageError, match="languages differ"):
        diff_documents(structured[(DOC_2021, "zh")], structured[(DOC_2021, "en")])


def test_unknown_theme_is_refused(structured: dict[tuple[str, str], StructuredVersion]) -> None:
    version = structured[(DOC_2021, "en")]
    with pytest.raises(UsageError, match="unknown theme"):
        diff_documents(version, version, theme="no-such-theme")


# ---------------------------------------------------------------------------
# renderers escape document text


def test_renderers_escape_document_text() -> None:
    old = structured_text("(1) Build <b>green</b> *buildings* [now] & more.\n")
    new = structured_text("(1) Build <i>green</i> *buildings* [now] & less.\n")
    result = diff_documents(old, new)
    page = diff_html(result)
    assert "<b>" not in page and html.escape("<b>") in page and "<del>" in page
    assert "&amp; " in page
    markdown = diff_markdown(result)
    assert r"\*buildings\*" in markdown and r"\[now\]" in markdown
    assert "<del>more</del><ins>less</ins>" in markdown
    assert md("a*b_c{}") == r"a\*b\_c\{\}"
    text = diff_text(result)
    assert "[-more-]{+less+}" in text and "[now]" in text
    assert '"op": "replace"' in diff_json(result)


def test_chinese_changes_are_words_marked_whatever_punctuation_they_start_on() -> None:
    head = "一、推动落实\n（一）坚持绿色发展。推动城乡建设绿色转型，"
    old = structured_text(f"{head}全面贯彻党的十九大精神，落实规划环评要求。\n", "zh")
    new = structured_text(
        f"{head}全面贯彻党的二十大精神，认真落实批示，落实全面规划环评要求。\n", "zh"
    )
    result = diff_documents(old, new)
    text = diff_text(result).replace("\n", "")
    # jieba's words: 十九 and 二十 (大 a word of its own in 十九大), 全面 inserted before a
    # kept 规划, not 规划 replaced by 全面规划, nor characters around a kept 十
    assert "[-十九-]{+二十+}大" in text and "落实{+全面+}规划" in text
    # ... while the cue change reads the characters the match changed: 落实 is the old cue
    [pair] = result.pairs
    assert [(c.old_cue, c.new_cue) for c in pair.cue_changes] == [("落实", "落实全面")]
    # a change beside a cue that both sides hold is no change of it (各地{+区+}加强)
    for a, b in (("应当推进", "应推进"), ("各地加强", "各地区加强"), ("地方加强", "地加强")):
        beside = diff_documents(
            structured_text(f"{head}{a}绿色建筑。\n", "zh"),
            structured_text(f"{head}{b}绿色建筑。\n", "zh"),
        )
        assert [c for p in beside.pairs for c in p.cue_changes] == [], (a, b)
    # ... but a clause that loses or gains the cue another clause keeps does change
    for a, b, verdict in (
        ("加强绿色建筑，加强节能改造", "加强绿色建筑，节能改造", "weakened"),
        ("加强绿色建筑，节能改造", "加强绿色建筑，加强节能改造", "strengthened"),
    ):
        told = diff_documents(
            structured_text(f"{head}{a}。\n", "zh"), structured_text(f"{head}{b}。\n", "zh")
        )
        assert [c.verdict.value for p in told.pairs for c in p.cue_changes] == [verdict]
    # CommonMark takes ** or ~~ beside Chinese punctuation for text: HTML tags are marks
    # wherever they stand
    rendered = MarkdownIt("commonmark", {"html": True}).render(diff_markdown(result))
    assert "<ins>认真落实批示，</ins>" in rendered and "<del>十九</del>" in rendered
    assert "**" not in rendered and "~~" not in rendered


@given(
    st.text(alphabet=st.sampled_from(list("ab 中文\n.,-")), max_size=30),
    st.sampled_from(["en", "zh"]),
)
def test_identical_texts_get_difflibs_own_answer(text: str, lang: str) -> None:
    """token_ops answers identical texts without running SequenceMatcher: the same ops."""
    a = tokenize(text, lang)
    matcher = difflib.SequenceMatcher(None, a, list(a), autojunk=False)
    expected = tuple(
        TokenOp(tag, "".join(a[i1:i2]), "".join(a[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )
    assert token_ops(text, text, lang) == (expected, word_ratio(matcher.get_opcodes(), a, a))


@given(
    st.lists(st.sampled_from(["a", "b", "c", " ", "x"]), max_size=40),
    st.lists(st.sampled_from(["a", "b", "c", " ", "y"]), max_size=40),
    st.sampled_from([None, str.isspace]),
)
def test_compiled_matcher_gives_difflibs_opcodes(a: list[str], b: list[str], junk) -> None:
    """The diffs use cydifflib's SequenceMatcher for speed: it must answer exactly what
    the standard library's does (few distinct tokens, so many ties and repeated blocks)."""
    from cydifflib import SequenceMatcher

    ours = SequenceMatcher(junk, a, b, autojunk=False)
    stdlib = difflib.SequenceMatcher(junk, a, b, autojunk=False)
    assert ours.get_opcodes() == stdlib.get_opcodes()
    assert ours.ratio() == stdlib.ratio()
