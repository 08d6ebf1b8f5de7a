"""The fidelity pages and the single restatement page as a browser and a screen reader
meet them: laid out at a phone's width, valid where the heatmap is pasted in, tables with
their headers, headings in order, and every Markdown cell one click from its sentences."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pytest

from policydiff.corpus import load_corpus
from policydiff.render.fidelity_chart import draw_fidelity
from policydiff.render.fidelity_formats import (
    FIDELITY_CSS,
    fidelity_anchor,
    fidelity_markdown,
    fidelity_page,
    is_told,
)
from policydiff.render.lineage_site import lineage_site_html, lineage_site_markdown
from policydiff.render.restatement_formats import restatement_html
from policydiff.restatement.fidelity import Fidelity, lineage_fidelities
from policydiff.themes import load_catalogue
from tests.conftest import LINEAGE, LINEAGE_PARENT
from tests.render.test_html_browser import CHROMIUM, _chromium

pytestmark = pytest.mark.slow  # the example lineage, its heatmap and a browser

VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


@pytest.fixture(scope="module")
def lineage() -> Fidelity:
    fidelities = lineage_fidelities(load_corpus(LINEAGE), load_catalogue())
    return next(f for f in fidelities if f.parent.id == LINEAGE_PARENT)


@pytest.fixture(scope="module")
def charts(lineage: Fidelity) -> dict[str, bytes]:
    return draw_fidelity(lineage)


@pytest.fixture(scope="module")
def pages(lineage: Fidelity, charts: dict[str, bytes]) -> dict[str, str]:
    """The three kinds of page: ``compare --children``, the report's lineage page and
    ``compare PARENT CHILD``, all as HTML."""
    (lineage_page,) = lineage_site_html(lineage, charts).values()
    return {
        "fidelity": fidelity_page(lineage, charts),
        "lineage": lineage_page,
        "single": restatement_html(lineage.comparisons[-1]),
    }


def _head_and_body(page: str) -> tuple[str, str]:
    head, _, body = page.partition("</head>")
    return head, body


@pytest.mark.parametrize("kind", ["fidelity", "lineage", "single"])
def test_every_page_is_laid_out_at_the_devices_width(pages: dict[str, str], kind: str) -> None:
    head, _ = _head_and_body(pages[kind])
    assert VIEWPORT in head


@pytest.mark.parametrize("kind", ["fidelity", "lineage"])
def test_the_heatmap_is_pasted_in_as_a_named_image(pages: dict[str, str], kind: str) -> None:
    head, body = _head_and_body(pages[kind])
    assert "<!DOCTYPE" not in body and "<?xml" not in body  # the SVG file's own prologue
    svg = re.search(r'<figure class="chart"><svg\b([^>]*)>(.{0,400})', body, re.S)
    assert svg is not None
    assert 'role="img"' in svg.group(1)
    label = re.search(r'aria-label="([^"]+)"', svg.group(1))
    assert label is not None and f"fidelity to {LINEAGE_PARENT}" in label.group(1)
    assert svg.group(2).startswith(f"<title>{label.group(1)}</title>")
    # the matrix's style is in the head; the body's only <style> is the SVG's own
    assert FIDELITY_CSS in head and ".chart svg{" in FIDELITY_CSS
    outside_svg = re.sub(r"<svg\b.*?</svg>", "", body, flags=re.S)
    assert "<style" not in outside_svg


@pytest.mark.parametrize("kind", ["fidelity", "lineage", "single"])
def test_one_title_heads_each_page(pages: dict[str, str], kind: str) -> None:
    _, body = _head_and_body(pages[kind])
    headings = [int(level) for level in re.findall(r"<h([1-6])\b", body)]
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b - a <= 1 for a, b in pairwise(headings))  # no skip
    if kind != "single":  # the page's title is said once, not again as a subheading
        assert len(re.findall(rf"<h\d>Fidelity to {LINEAGE_PARENT}", body)) == 1


@pytest.mark.parametrize("kind", ["fidelity", "lineage", "single"])
def test_every_table_heads_its_columns(pages: dict[str, str], kind: str) -> None:
    _, body = _head_and_body(pages[kind])
    tables = re.findall(r"<table\b.*?</table>", body, re.S)
    assert len(tables) == (1 if kind == "single" else 2)
    for table in tables:
        head = re.search(r"<thead><tr>(.*?)</tr></thead><tbody>", table, re.S)
        assert head is not None
        cells = re.findall(r"<th\b[^>]*>", head.group(1))
        assert cells and all('scope="col"' in cell for cell in cells)


def test_wide_tables_scroll_on_their_own(pages: dict[str, str], lineage: Fidelity) -> None:
    body = pages["fidelity"]
    assert '<div class="wide"><table class="shares">' in body
    assert '<div class="matrix"><table class="fidelity-matrix">' in body
    # the shares name each child as the matrix and the chart do, with its id
    child = lineage.children[-1]
    assert child.jurisdiction
    assert f'<th scope="row">{child.jurisdiction} <span class="note">{child.id}</span></th>' in body


def test_each_matrix_link_says_its_verdict_in_words(pages: dict[str, str]) -> None:
    links = re.findall(
        r'<a href="#[^"]+" title="[^"]*" aria-label="([^"]+)">(.)</a>', pages["fidelity"]
    )
    assert len(links) > 100
    words = {"=": "restated", "▲": "strengthened", "▼": "weakened", "−": "omitted"}
    assert all(label.startswith(words[glyph]) for label, glyph in links)
    assert any(label.endswith("(to check)") for label, _ in links)


def test_an_omitted_cell_says_why_once(pages: dict[str, str]) -> None:
    body = pages["fidelity"]
    assert "no clause of the child restates it" in body
    assert "no sentence of the child restates it" not in body


def _markdown_cells(page: str) -> list[list[str]]:
    header = next(line for line in page.splitlines() if line.startswith("| commitment |"))
    width = len(header.split("|"))
    rows = [line.split("|") for line in page.splitlines() if line.startswith("| ")]
    return [
        [cell.strip() for cell in row[3:-1]]
        for row in rows
        if len(row) == width and row[1].strip() != "commitment"
    ]


def test_each_markdown_cell_links_to_its_sentences(lineage: Fidelity) -> None:
    page = fidelity_markdown(lineage, level=1)
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', page))
    cells = _markdown_cells(page)
    assert len(cells) == len(lineage.rows)
    linked = 0
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            target = f"{fidelity_anchor(lineage)}-{i}-{j}"
            if is_told(lineage.cell(i, j)):
                assert text.endswith(f"](#{target})"), text
                assert target in anchors  # the entry under "What each departure rests on"
                linked += 1
            else:
                assert "](" not in text  # a sure restatement has no entry to go to
    assert linked > 100
    # on the report's lineage page too, every link leads to an anchor of the page
    (lineage_md,) = lineage_site_markdown(lineage).values()
    page_anchors = set(re.findall(r'<a id="([^"]+)"></a>', lineage_md))
    assert set(re.findall(r"\]\(#([^)]+)\)", lineage_md)) <= page_anchors


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"
)
@pytest.mark.parametrize("width", [485, 1400])
def test_nothing_spills_past_the_page_in_chromium(
    pages: dict[str, str], tmp_path: Path, width: int
) -> None:
    # measured by the page itself once laid out, and written where --dump-dom shows it
    measure = (
        '<script>addEventListener("load", () => {'
        'const main = document.querySelector("main"), root = document.documentElement;'
        "const column = main.getBoundingClientRect().right"
        " - parseFloat(getComputedStyle(main).paddingRight);"
        'const svg = document.querySelector("figure.chart svg").getBoundingClientRect();'
        "document.body.dataset.measure = JSON.stringify({scroll: root.scrollWidth,"
        " client: root.clientWidth, svgRight: svg.right, column: column});"
        "});</script>"
    )
    page = tmp_path / "fidelity.html"
    page.write_text(pages["fidelity"].replace("</body>", f"{measure}</body>"), encoding="utf-8")
    dom = _chromium(
        f"--window-size={width},900", "--dump-dom", page.as_uri(), user_data=tmp_path / "profile"
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r'data-measure="([^"]+)"', dom.stdout)
    assert found is not None
    measured = json.loads(found.group(1).replace("&quot;", '"'))
    assert measured["scroll"] <= measured["client"]  # no sideways scrolling of the page
    assert measured["svgRight"] <= measured["column"] + 0.5  # the heatmap within the column


def test_each_child_names_how_it_relates_to_the_parent(
    lineage: Fidelity, pages: dict[str, str]
) -> None:
    # the shares table said only "cited" or "declared": the citing sentence is the evidence
    markdown = fidelity_markdown(lineage, level=1).splitlines()
    at = markdown.index("How each child relates to the parent:")
    listed = markdown[at + 2 : at + 2 + len(lineage.comparisons)]
    for comparison, line in zip(lineage.comparisons, listed, strict=True):
        edge = comparison.citation
        assert line.startswith(f"- `{comparison.child.document.id}` ")
        if comparison.cites_parent:
            assert edge is not None and "cites the parent: " in line
            assert edge.location in line and edge.sentence[:20] in line
        else:
            assert line.endswith("parent declared; the text does not cite it")
    for kind in ("fidelity", "lineage"):
        assert pages[kind].count("cites the parent: ") == sum(
            c.cites_parent for c in lineage.comparisons
        )
