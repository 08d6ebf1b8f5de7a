"""The fidelity matrix in the report of the example lineage: its page, its heatmap, its
line on the index, and each cell one click from its two sentences, read in headless
Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policydiff.analysis import build_evolution
from policydiff.corpus import load_corpus
from policydiff.corpus.summary import summarise
from policydiff.render.report import render_report, write_outputs
from policydiff.restatement.fidelity import lineage_fidelities
from policydiff.themes import load_catalogue
from tests.conftest import LINEAGE, LINEAGE_PARENT
from tests.render.test_html_browser import CHROMIUM, _chromium
from tests.render.test_site import broken_links

pytestmark = pytest.mark.slow  # whole reports, charts and a browser

SECTION = f"fidelity-{LINEAGE_PARENT}"
PAGE = f"lineages/{LINEAGE_PARENT}"


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = load_corpus(LINEAGE)
    fidelities = lineage_fidelities(corpus, load_catalogue())
    files = render_report(build_evolution(corpus), summarise(corpus), fidelities=fidelities)
    out = tmp_path_factory.mktemp("lineage-report")
    write_outputs(files, out)
    return out


def test_the_report_holds_the_lineage_page_and_heatmap(report_dir: Path) -> None:
    assert (report_dir / f"{SECTION}.png").stat().st_size > 10_000
    assert (report_dir / f"{SECTION}.svg").read_bytes().startswith(b"<?xml")
    manifest = (report_dir / "manifest.json").read_text(encoding="utf-8")
    assert f"{SECTION}.png" in manifest and f"{PAGE}.html" in manifest
    page_md = (report_dir / f"{PAGE}.md").read_text(encoding="utf-8")
    assert f"![Fidelity to {LINEAGE_PARENT}](../{SECTION}.png)" in page_md
    assert "| child | province | restated |" in page_md
    assert "| `henan-chengxiangjianshe-tandafeng` | 河南省 |" in page_md  # id and province
    index_md = (report_dir / "index.md").read_text(encoding="utf-8")
    assert f"[Fidelity to `{LINEAGE_PARENT}`]({PAGE}.md)" in index_md
    assert "| child | province |" not in index_md  # the shares are on the lineage's page
    # the table of contents leads to the lineages, and they to the page
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    contents = html.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    assert '<li><a href="#lineages">Lineages</a></li>' in contents
    assert f'<a href="{PAGE}.html">Fidelity to {LINEAGE_PARENT}</a>' in html
    assert f'id="{SECTION}"' not in html
    assert f'id="{SECTION}"' in (report_dir / f"{PAGE}.html").read_text(encoding="utf-8")
    assert broken_links(report_dir) == []  # the lineage's report, as a site


def test_a_lineage_of_many_children_is_cut_into_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import policydiff.render.lineage_site as lineage_site

    monkeypatch.setattr(lineage_site, "CHILDREN_PER_PAGE", 2)
    corpus = load_corpus(LINEAGE)
    fidelities = lineage_fidelities(corpus, load_catalogue())
    files = render_report(build_evolution(corpus), summarise(corpus), fidelities=fidelities)
    pages = sorted(
        name for name in files if name.startswith("lineages/") and name.endswith(".html")
    )
    assert pages == [f"{PAGE}.html", f"{PAGE}_2.html", f"{PAGE}_3.html"]  # 5 children
    first, last = (files[name].decode("utf-8") for name in (pages[0], pages[-1]))
    assert "<svg" in first and "<svg" not in last  # the heatmap once, on the first page
    assert "children 5–5 of 5" in last and "Page 3 of 3" in last
    # each page says how many of the lineage's children it shows
    assert "How 2 of the 5 documents implementing it restate its" in first
    assert "How 1 of the 5 documents implementing it restate its" in last
    assert "How 1 of the 5 documents implementing it" in files[f"{PAGE}_3.md"].decode("utf-8")
    columns = [
        len(re.findall(r'<th scope="col" title="', files[name].decode("utf-8"))) for name in pages
    ]
    assert columns == [2, 2, 1]
    write_outputs(files, tmp_path / "out")
    assert broken_links(tmp_path / "out") == []


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"
)
def test_each_cell_links_to_its_two_sentences_in_chromium(report_dir: Path, tmp_path: Path) -> None:
    url = (report_dir / f"{PAGE}.html").resolve().as_uri()
    dom = _chromium("--dump-dom", url, user_data=tmp_path / "profile-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    text = dom.stdout
    assert f'<section class="fidelity" id="{SECTION}">' in text
    assert "<svg" in text.split(f'id="{SECTION}"', 1)[1]  # the heatmap, inline
    links = re.findall(rf'<td class="(\w+)"><a href="#({SECTION}-\d+-\d+)"', text)
    assert len(links) > 100
    for verdict, target in links[:50]:
        item = re.search(rf'<li id="{target}" class="(\w+)">(.*?)</li>', text)
        assert item is not None, target
        assert item.group(1) == verdict
        assert item.group(2).count('<q lang="zh">') == (1 if verdict == "omitted" else 2)
    shot = tmp_path / "shot.png"
    run = _chromium(
        f"--screenshot={shot}", "--window-size=1280,2000", url,
        user_data=tmp_path / "profile-shot",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.stat().st_size > 10_000


def test_the_index_names_the_children_that_depart_most(report_dir: Path) -> None:
    index_md = (report_dir / "index.md").read_text(encoding="utf-8")
    named = re.search(
        r"most omitted: ([a-z0-9-]+) \((\d+), (\d+) to check(, parent declared, not cited)?\)",
        index_md,
    )
    assert named is not None
    # Shanghai's plan never names the ministry's: the index says so beside its count
    assert (named.group(1) == "shanghai-chengxiangjianshe-tandafeng") == bool(named.group(4))
    child, count, to_check = named.group(1), int(named.group(2)), int(named.group(3))
    # counted again from the lineage page's matrix: the "−" cells of that child's column,
    # sure ("−") or to check ("−?")
    page = (report_dir / f"{PAGE}.md").read_text(encoding="utf-8")
    header = next(line for line in page.splitlines() if line.startswith("| commitment |"))
    column = [c.strip() for c in header.split("|")].index(f"`{child}`")
    rows = [
        line.split("|")
        for line in page.splitlines()
        if line.startswith("| ") and "|---" not in line
    ]
    matrix = [r for r in rows if len(r) == len(header.split("|")) and r[1].strip() != "commitment"]
    # a cell whose sentences are listed links to them: [−?](#…); count its arrow
    cells = [re.sub(r"^\[(.*?)\]\(.*\)$", r"\1", r[column].strip()) for r in matrix]
    omitted = [c.rstrip("?") for c in cells].count("−")
    assert omitted == count and count > 100
    assert cells.count("−?") == to_check > 0  # how many of them a reader should check
