"""The report as a site: every page the index links to exists, every link and anchor
between pages resolves (from disk, by relative paths), the bundled index still tells the
ultra-low-energy story, and a larger corpus makes more pages, not larger ones."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from benchmarks import synthetic
from policydiff.analysis import Evolution, build_evolution
from policydiff.corpus import Corpus, load_corpus
from policydiff.corpus.summary import summarise
from policydiff.render import html_site, markdown_site, pages
from policydiff.render.report import render_report, write_outputs

pytestmark = pytest.mark.slow  # whole reports and synthetic corpora

_HREF = re.compile(r'href="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')
_MD_LINK = re.compile(r"\]\(([^()\s]+)\)")
_MD_HEADING = re.compile(r"^#{1,6} (.+)$", re.M)


def _slug(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    found = {html.unescape(a) for a in _ID.findall(text)}
    if path.suffix == ".md":
        found |= {_slug(h) for h in _MD_HEADING.findall(text)}
    return found


def _links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return [html.unescape(h) for h in _HREF.findall(text)]
    return _MD_LINK.findall(text)


def broken_links(folder: Path) -> list[str]:
    """Every relative link of every page that does not lead to a file of the report, or
    to an anchor that file holds."""
    broken = []
    anchors: dict[Path, set[str]] = {}
    root = folder.resolve()
    for page in sorted([*folder.rglob("*.html"), *folder.rglob("*.md")]):
        for link in _links(page):
            if re.match(r"[a-z]+:", link):  # elsewhere
                continue
            file, _, anchor = link.partition("#")
            target = (page.parent / file).resolve() if file else page.resolve()
            if not target.is_relative_to(root) or not target.is_file():
                broken.append(f"{page.relative_to(folder)}: {link} (no such file)")
                continue
            if anchor and anchor not in anchors.setdefault(target, _anchors(target)):
                broken.append(f"{page.relative_to(folder)}: {link} (no such anchor)")
    return broken


@pytest.fixture(scope="module")
def bundled_report(bundled_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    files = render_report(build_evolution(bundled_corpus), summarise(bundled_corpus), cjk=False)
    write_outputs(files, out)
    return out


def test_every_theme_has_a_page_linked_from_the_index(
    bundled_report: Path, bundled_corpus: Corpus
) -> None:
    ev = build_evolution(bundled_corpus)
    index_html = (bundled_report / "index.html").read_text(encoding="utf-8")
    index_md = (bundled_report / "index.md").read_text(encoding="utf-8")
    for theme in ev.themes:
        for ext, index in (("html", index_html), ("md", index_md)):
            page = bundled_report / "themes" / f"{theme.id}.{ext}"
            assert page.is_file(), page
            assert f"themes/{theme.id}.{ext}#theme-{theme.id}" in index
    written = {str(p.relative_to(bundled_report)) for p in bundled_report.rglob("*") if p.is_file()}
    manifest = (bundled_report / "manifest.json").read_text(encoding="utf-8")
    for name in written - {"manifest.json"}:
        assert f'"{name}"' in manifest, name


def test_every_link_and_anchor_of_the_bundled_report_resolves(bundled_report: Path) -> None:
    assert len(list(bundled_report.rglob("*.html"))) > 50
    assert broken_links(bundled_report) == []


def test_a_broken_link_is_found(tmp_path: Path) -> None:  # the checker can fail
    (tmp_path / "themes").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="themes/a.html#theme-a">a</a> <a href="#here">x</a>', encoding="utf-8"
    )
    (tmp_path / "themes" / "a.html").write_text('<section id="theme-b">', encoding="utf-8")
    (tmp_path / "index.md").write_text("[b](themes/b.md) [h](#how-to-read)\n", encoding="utf-8")
    assert len(broken_links(tmp_path)) == 4


def test_the_index_tells_the_ultra_low_energy_story(bundled_report: Path) -> None:
    index_md = (bundled_report / "index.md").read_text(encoding="utf-8")
    movers = index_md.split("## Biggest movers", 1)[1].split("## Themes", 1)[0]
    line = next(x for x in movers.splitlines() if "ultra-low-energy-buildings" in x)
    assert "**strengthened** (+0.5)" in line
    assert "大力推广 → promote the large-scale development" in line
    assert "2021-10-21 `2021-green-development-urban` → 2023-12-27" in line
    index_html = (bundled_report / "index.html").read_text(encoding="utf-8")
    section = index_html.split('id="biggest-movers"', 1)[1].split('id="themes"', 1)[0]
    assert "Ultra-low and near-zero energy buildings</a>" in section
    assert "<q>大力推广</q> → <q>promote the large-scale development</q>" in section


def _synthetic(documents: int, folder: Path) -> tuple[Evolution, Corpus]:
    synthetic.build_corpus(documents, folder)
    corpus = load_corpus(folder)
    return build_evolution(corpus), corpus


def _site(ev: Evolution, corpus: Corpus, out: Path) -> dict[str, int]:
    files = {
        **markdown_site.site_markdown(ev, summarise(corpus)),
        **html_site.site_html(ev, summarise(corpus), {}),
    }
    for name, text in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    return {name: len(text.encode("utf-8")) for name, text in files.items()}


def test_a_larger_corpus_makes_more_pages_not_larger_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Bounds small enough that corpora quick to build already fill pages: 10 documents a
    # theme page, 12 an overview page. 36 documents and then 3 times as many.
    monkeypatch.setattr(pages, "POINTS_PER_PAGE", 10)
    for module in (pages, html_site, markdown_site):
        monkeypatch.setattr(module, "ROWS_PER_PAGE", 12)
    sizes = {}
    for documents in (36, 108):
        ev, corpus = _synthetic(documents, tmp_path / f"corpus-{documents}")
        out = tmp_path / f"site-{documents}"
        sizes[documents] = _site(ev, corpus, out)
        assert broken_links(out) == []
        for theme in ev.themes:  # no theme page shows more documents than the bound
            for page in pages.theme_pages(ev, theme):
                text = (out / page.file("md")).read_text(encoding="utf-8")
                rows = re.findall(r"^\| `[^`]+` \|", text, flags=re.M)
                assert len(rows) == len(page.points) <= 10
        assert (out / "documents_2.html").is_file() and (out / "documents_2.md").is_file()
        # the index: a line per theme (at a glance, the movers, the list of themes), a few
        # per series among the movers, and a fixed part; nothing per document
        index = (out / "index.md").read_text(encoding="utf-8").splitlines()
        movers = pages.SERIES_SHOWN * (pages.MOVERS_PER_SERIES + 2)
        assert len(index) <= 3 * len(ev.themes) + movers + 120, len(index)
    small, large = sizes[36], sizes[108]
    assert len(large) > 2 * len(small)  # more pages …
    for ext in (".html", ".md"):  # … none larger than the bound: the small corpus's largest
        bound = 1.25 * max(
            n for name, n in small.items() if name.endswith(ext) and "index" not in name
        )
        largest = max(n for name, n in large.items() if name.endswith(ext) and "index" not in name)
        assert largest <= bound, (ext, largest, bound)


def test_a_numbered_page_is_never_another_themes_page() -> None:
    # theme ids are [a-z0-9-]: page 2 of "urban-renewal" is not theme "urban-renewal-2"
    assert pages.numbered(pages.theme_stem("urban-renewal"), 2, "html") == (
        "themes/urban-renewal_2.html"
    )
    assert pages.numbered(pages.theme_stem("urban-renewal-2"), 1, "html") == (
        "themes/urban-renewal-2.html"
    )
