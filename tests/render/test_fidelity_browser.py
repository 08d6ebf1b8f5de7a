"""The fidelity matrix in the report of the example lineage: its section, its heatmap, and
each cell one click from its two sentences, read in headless Chromium."""

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


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = load_corpus(LINEAGE)
    fidelities = lineage_fidelities(corpus, load_catalogue())
    files = render_report(build_evolution(corpus), summarise(corpus), fidelities=fidelities)
    out = tmp_path_factory.mktemp("lineage-report")
    write_outputs(files, out)
    return out


def test_the_report_holds_the_fidelity_section_and_heatmap(report_dir: Path) -> None:
    assert (report_dir / f"{SECTION}.png").stat().st_size > 10_000
    assert (report_dir / f"{SECTION}.svg").read_bytes().startswith(b"<?xml")
    manifest = (report_dir / "manifest.json").read_text(encoding="utf-8")
    assert f"{SECTION}.png" in manifest
    md = (report_dir / "index.md").read_text(encoding="utf-8")
    assert f"![Fidelity to {LINEAGE_PARENT}]({SECTION}.png)" in md
    assert "| `henan-chengxiangjianshe-tandafeng` |" in md
    # the table of contents leads to the section
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    contents = html.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    assert f'<li><a href="#{SECTION}">Fidelity to {LINEAGE_PARENT}</a></li>' in contents
    assert f'id="{SECTION}"' in html
    assert broken_links(report_dir) == []  # the lineage's report, as a site


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"
)
def test_each_cell_links_to_its_two_sentences_in_chromium(report_dir: Path, tmp_path: Path) -> None:
    url = (report_dir / "index.html").resolve().as_uri()
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
