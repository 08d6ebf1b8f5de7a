"""Reports of a corpus past MAX_COLUMNS documents: a summary that keeps its evidence.

The corpus is the benchmark's synthetic one (recombined provisions of the bundled
documents, both languages), 40 documents spread over two years, written straight into
a corpus folder. Everything the summary leaves out must be in evolution.json, and every
point it still shows must carry its sentence.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter

import pytest

from benchmarks import synthetic
from policydiff.analysis import Evolution, build_evolution
from policydiff.analysis.evolution_json import evolution_json
from policydiff.analysis.periods import MAX_COLUMNS, is_large
from policydiff.analysis.verdicts import STRENGTH_MOVES
from policydiff.corpus import Corpus, load_corpus
from policydiff.render.html_site import site_html
from policydiff.render.markdown import md, quote_md, theme_markdown
from policydiff.render.markdown_site import site_markdown
from policydiff.render.view import (
    Quote,
    mentions_count,
    other_evidence,
    representative,
    sentence_diffs,
    shown_points,
    verdict_counts,
)

pytestmark = pytest.mark.slow  # processes, charts, browsers or whole reports

DOCUMENTS = 40


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Evolution:
    corpus_path = tmp_path_factory.mktemp("large") / "corpus"
    # 40 documents 18 days apart span two calendar years, so "At a glance" has two columns.
    spread = pytest.MonkeyPatch()
    spread.setattr(synthetic, "DAYS_APART", 18)
    try:
        synthetic.build_corpus(DOCUMENTS, corpus_path)
    finally:
        spread.undo()
    return build_evolution(load_corpus(corpus_path))


@pytest.fixture(scope="module")
def markdown(large: Evolution) -> str:
    """Every Markdown page, the index first, then each theme's pages."""
    return "\n".join(site_markdown(large, ()).values())


@pytest.fixture(scope="module")
def page(large: Evolution) -> str:
    """Every HTML page, each theme's pages first, the index last."""
    return "\n".join(site_html(large, (), {}).values())


def _section(text: str, theme_label: str) -> str:
    start = text.index(f"## {md(theme_label)}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_the_corpus_is_large_and_says_so(large: Evolution, markdown: str, page: str) -> None:
    assert len(large.documents) == DOCUMENTS > MAX_COLUMNS and is_large(large)
    note = f"This corpus holds {DOCUMENTS} documents, more than {MAX_COLUMNS}, so this report"
    assert note in markdown
    assert note in page


def test_at_a_glance_has_one_column_per_year(large: Evolution, markdown: str) -> None:
    years = sorted({d.date[:4] for d in large.documents})
    assert len(years) == 2
    assert f"| theme | {' | '.join(years)} | change |" in markdown
    assert "Strength and level of the strongest commitment in each year" in markdown


def test_each_theme_lists_only_the_documents_that_mention_it(
    large: Evolution, markdown: str
) -> None:
    checked = partial = 0
    for theme in large.themes:
        if not theme.present_in:
            continue
        section = _section(markdown, theme.label)
        present = shown_points(large, theme)
        assert len(present) == theme.present_in <= len(theme.points)
        partial += theme.present_in < len(theme.points)
        rows = re.findall(r"^\| `([^`]+)` \|", section, flags=re.M)
        assert rows == [p.document for p in present]
        # every listed document mentions the theme: a "present" column would say yes only
        assert "| document | date | strength |" in section and "| present |" not in section
        evidence_headings = re.findall(r"^#### \d{4}-\d\d-\d\d · ", section, flags=re.M)
        assert len(evidence_headings) == len(present)
        diff_headings = re.findall(r"^#### .* → .* \((English|Chinese)\)$", section, flags=re.M)
        assert len(diff_headings) == len(sentence_diffs(theme, moves_only=True))
        assert "Not mentioned." not in section
        checked += 1
    assert checked >= 10 and partial >= 5


def test_every_point_shown_keeps_its_sentence_and_counts_the_rest(large: Evolution) -> None:
    counted = 0
    for theme in large.themes:
        section = theme_markdown(large, theme)
        for point in shown_points(large, theme):
            rep = representative(point)
            assert rep is not None
            quote = Quote(point.document, rep)
            assert f"{quote_md(quote)}\n>\n> — *{md(quote.where)}*" in section
            others = other_evidence(point)
            if others:
                line = (
                    f"Other mentions: {mentions_count(others)} "
                    "(with their sentences in evolution.json)."
                )
                assert line in section
                assert line.startswith(f"Other mentions: {len(others)} ")  # every reading
                counted += 1
        assert "Other mentions (" not in section  # the sentences themselves are left out
    assert counted > 0


def test_verdicts_are_counted_and_the_counts_match_the_json(
    large: Evolution, markdown: str
) -> None:
    data = json.loads(evolution_json(large))
    for theme, in_json in zip(large.themes, data["themes"], strict=True):
        counts = verdict_counts(theme.changes)
        assert dict(counts) == dict(Counter(c["verdict"] for c in in_json["changes"]))
        assert sum(n for _, n in counts) == DOCUMENTS - 1
        if theme.present_in:
            section = _section(markdown, theme.label)
            line = next(x for x in section.splitlines() if x.startswith("Document to next"))
            for verdict, n in counts:
                assert f" {n} {verdict}" in line
            # the verdicts between consecutive mentions are all still listed
            if theme.since_last:
                listed = section.split("Since the last mention:\n\n", 1)[1].split("\n\n")[0]
                assert len(listed.splitlines()) == len(theme.since_last)


def test_wording_diffs_only_where_strength_moved(large: Evolution) -> None:
    shown = 0
    for theme in large.themes:
        diffs = sentence_diffs(theme, moves_only=True)
        assert all(d.change.verdict in STRENGTH_MOVES for d in diffs)
        every = sentence_diffs(theme)
        assert [d for d in every if d.change.verdict in STRENGTH_MOVES] == list(diffs)
        shown += len(diffs)
    assert shown > 0


def test_html_summarises_alike(large: Evolution, page: str) -> None:
    assert page.count("<caption>Documents that mention the theme</caption>") == len(large.themes)
    assert "<th>present</th>" not in page
    assert "Not mentioned." not in page
    assert "<details><summary>Other mentions" not in page
    assert "Wording of the strongest commitment, where its strength moved" in page
    for theme in large.themes:
        for point in shown_points(large, theme):
            rep = representative(point)
            assert rep is not None
            quote = Quote(point.document, rep)
            assert f'<p class="where">{html.escape(quote.where)}</p>' in page


def test_a_small_corpus_is_not_summarised(bundled_corpus: Corpus) -> None:
    small = build_evolution(bundled_corpus)
    assert not is_large(small)
    text = "\n".join(site_markdown(small, ()).values())
    assert "so this report is a summary" not in text
    assert "| document | date | present | strength |" in text
    assert "<th>present</th>" in "".join(site_html(small, (), {}).values())
    assert "Document to next document:\n" in text
