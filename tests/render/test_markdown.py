"""The Markdown report: golden sections, escaping, and word diffs.

Regenerate the golden files after an intended change with
``POLICYDIFF_REGENERATE_GOLDEN=1 python -m pytest tests/render/test_markdown.py``
and review the diff.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydiff.analysis import Evolution, build_evolution
from policydiff.corpus import Corpus
from policydiff.corpus.summary import summarise
from policydiff.diff import TokenOp
from policydiff.render.markdown import how_to_read_markdown, theme_markdown
from policydiff.render.markdown_site import report_markdown
from policydiff.render.md_text import ESCAPED, SPACE, md
from policydiff.render.view import coalesce, sentence_diffs
from tests.conftest import REPO
from tests.golden_files import assert_golden

GOLDEN = REPO / "tests" / "golden" / "report"


@pytest.fixture(scope="module")
def evolution(bundled_corpus: Corpus) -> Evolution:
    return build_evolution(bundled_corpus)


def golden_compare(name: str, text: str) -> None:
    assert_golden(GOLDEN / name, text)


@pytest.mark.parametrize("theme_id", ["ultra-low-energy-buildings", "waste-free-cities"])
def test_theme_section_matches_golden(evolution: Evolution, theme_id: str) -> None:
    theme = evolution.theme(theme_id)
    assert theme is not None
    golden_compare(f"{theme_id}.md", theme_markdown(evolution, theme))


def test_how_to_read_matches_golden() -> None:
    golden_compare("how-to-read.md", how_to_read_markdown())


def test_ultra_low_energy_section_shows_original_beside_english(evolution: Evolution) -> None:
    theme = evolution.theme("ultra-low-energy-buildings")
    assert theme is not None
    text = theme_markdown(evolution, theme)
    assert "大力推广 (vigorously promote)" in text  # Chinese cue with its English rendering
    assert "> Chinese original: " in text and "> English: " in text
    assert "**超低能耗**" in text  # theme span highlighted
    assert "▲ **strengthened** (+0.5)" in text
    assert "III 转变城乡建设发展方式 \\> III.1 建设高品质绿色建筑" in text  # location, escaped


def test_waste_free_cities_section_has_target_and_drop(evolution: Evolution) -> None:
    theme = evolution.theme("waste-free-cities")
    assert theme is not None
    text = theme_markdown(evolution, theme)
    assert "reach 60% (60%, by 2027)" in text
    assert "achieve full coverage (100%, by 2035)" in text
    assert "− **dropped**" in text
    # the 2023 commitment read is the dated full coverage, not "Accelerate" (3)
    assert "Strongest commitment: **scale** (4.5), cue full coverage." in text
    assert "<del>promote</del><ins>reach 60%" in text


def test_since_last_compares_across_gaps(evolution: Evolution) -> None:
    theme = evolution.theme("green-buildings")
    assert theme is not None
    text = theme_markdown(evolution, theme)
    assert "Since the last mention:" in text
    # one document between: "which does not", in the singular
    assert "(across `2023-construction-beautiful-china`, which does not mention it)" in text


def test_markdown_escapes_document_text() -> None:
    assert md("a | b *c* _d_ <script>") == "a \\| b \\*c\\* \\_d\\_ \\<script\\>"
    assert md("two\n lines") == "two lines"


def test_whole_report_has_every_section(evolution: Evolution, bundled_corpus: Corpus) -> None:
    text = report_markdown(evolution, summarise(bundled_corpus), charts=("mentions.png",))
    for heading in (
        "# Policy commitments over time",
        "## Contents",
        "## How to read this",
        "## At a glance",
        "## Charts",
        "## English and Chinese agreement",
        "## Corpus overview",
        "### Versions",
    ):
        assert f"\n{heading}\n" in f"\n{text}"
    assert "![Mentions per theme and document](mentions.png)" in text
    assert "agreement rate" in text
    for theme in evolution.themes:  # each on its own page, linked from the index
        assert f"(themes/{theme.id}.md#theme-{theme.id})" in text
        assert f'<a id="theme-{theme.id}"></a>' not in text


def test_coalesce_joins_changes_separated_by_a_short_word() -> None:
    ops = (
        TokenOp("delete", "We will", ""),
        TokenOp("equal", " ", " "),
        TokenOp("replace", "promote", "accelerate"),
        TokenOp("equal", " the construction of cities", " the construction of cities"),
    )
    merged = coalesce(ops)
    assert merged[0] == TokenOp("replace", "We will promote", " accelerate")
    assert merged[1].op == "equal"
    assert "".join(op.old for op in merged) == "We will promote the construction of cities"
    assert "".join(op.new for op in merged) == " accelerate the construction of cities"


def test_sentence_diffs_rebuild_both_sentences(evolution: Evolution) -> None:
    for theme in evolution.themes:
        for d in sentence_diffs(theme):
            old = "".join(op.old for op in coalesce(d.ops))
            new = "".join(op.new for op in coalesce(d.ops))
            assert old and new
            assert d.lang in ("en", "zh")


@given(st.text(alphabet=st.sampled_from(list("ab *_\\`#|~<>[]{}\t\n\r\u3000\u00a0\u2028\x1c  中"))))
def test_md_skips_the_whitespace_regex_only_when_it_would_change_nothing(text: str) -> None:
    assert md(text) == SPACE.sub(" ", text).translate(ESCAPED)


def test_every_whitespace_but_the_ascii_space_is_unprintable() -> None:
    """What md()'s shortcut rests on: printable text has no whitespace but " "."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    assert [c for c in spaces if c.isprintable()] == [" "]
