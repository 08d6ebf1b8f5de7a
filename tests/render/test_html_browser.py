"""The HTML report: self-contained, escaped, and readable in a real browser.

The browser test opens ``index.html`` in headless Chromium when ``/usr/bin/chromium``
exists (CI installs it) and skips otherwise; it installs nothing.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
from pathlib import Path

import pytest

from policydiff.analysis import Evolution, build_evolution
from policydiff.corpus import Corpus
from policydiff.corpus.summary import summarise
from policydiff.render.chart_spec import CHART_NAMES
from policydiff.render.html import theme_html
from policydiff.render.html_site import site_html
from policydiff.render.report import render_report, write_outputs

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

pytestmark = pytest.mark.slow  # processes, charts, browsers or whole reports


@pytest.fixture(scope="module")
def evolution(bundled_corpus: Corpus) -> Evolution:
    return build_evolution(bundled_corpus)


@pytest.fixture(scope="module")
def report_dir(
    evolution: Evolution, bundled_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_outputs(render_report(evolution, summarise(bundled_corpus), cjk=False), out)
    return out


def test_html_is_self_contained(report_dir: Path) -> None:
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", html)
    assert "<link" not in html and "@import" not in html
    assert html.count('src="data:image/png;base64,') == 3
    assert '<nav class="toc"' in html
    for anchor in ("how-to-read-this", "at-a-glance", "charts", "corpus-overview"):
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html


def test_html_theme_section(evolution: Evolution) -> None:
    theme = evolution.theme("ultra-low-energy-buildings")
    assert theme is not None
    html = theme_html(evolution, theme)
    assert '<section class="theme" id="theme-ultra-low-energy-buildings">' in html
    assert "<mark>超低能耗</mark>" in html
    assert '<div class="pair">' in html  # original beside the English
    assert "<del>" in html and "<ins>" in html
    assert '<span class="arrow">▲</span><strong>strengthened</strong>' in html


def test_document_text_is_escaped(evolution: Evolution, bundled_corpus: Corpus) -> None:
    theme = evolution.theme("waste-free-cities")
    assert theme is not None
    point = theme.points[1]
    first = point.evidence[0]
    evil = dataclasses.replace(
        first,
        mention=dataclasses.replace(
            first.mention, sentence='<script>alert("x")</script> & "waste free cities"'
        ),
    )
    point = dataclasses.replace(point, evidence=(evil, *point.evidence[1:]))
    theme = dataclasses.replace(theme, points=(theme.points[0], point, theme.points[2]))
    ev = dataclasses.replace(evolution, themes=(theme,))
    html = "".join(site_html(ev, summarise(bundled_corpus), {}).values())
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html


def _chromium(*args: str, user_data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={user_data}", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"
)
def test_report_renders_in_chromium(report_dir: Path, tmp_path: Path) -> None:
    url = (report_dir / "index.html").resolve().as_uri()
    dom = _chromium("--dump-dom", url, user_data=tmp_path / "profile-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    text = dom.stdout
    assert "Ultra-low and near-zero energy buildings" in text  # among the movers and themes
    assert 'href="themes/waste-free-cities.html#theme-waste-free-cities"' in text
    assert '<img src="data:image/png;base64,' in text  # a chart
    assert "How to read this" in text
    # a theme's page, opened from disk as a link from the index would open it
    page = (report_dir / "themes" / "ultra-low-energy-buildings.html").resolve().as_uri()
    dom = _chromium("--dump-dom", page, user_data=tmp_path / "profile-theme")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'id="theme-ultra-low-energy-buildings"' in dom.stdout
    assert "<mark>超低能耗</mark>" in dom.stdout  # an evidence quote, span highlighted
    assert '<a href="../index.html">' in dom.stdout

    shot = tmp_path / "shot.png"
    run = _chromium(
        "--enable-logging=stderr",
        "--v=0",
        f"--screenshot={shot}",
        "--window-size=1280,2400",
        url,
        user_data=tmp_path / "profile-shot",
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 10_000
    errors = [
        line for line in run.stderr.splitlines() if "Uncaught" in line or "ERROR:CONSOLE" in line
    ]
    assert not errors, errors


def test_the_at_a_glance_table_scrolls_within_the_page(report_dir: Path) -> None:
    # a corpus of many documents gives it a column each: it scrolls inside its box rather
    # than running past the page's edge and hiding its change column
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    glance = html.split('<section id="at-a-glance">', 1)[1].split("</section>", 1)[0]
    assert '<div class="wide"><table>' in glance
    assert ".wide { overflow-x: auto; }" in html


def test_each_chart_links_to_its_full_size_files(report_dir: Path) -> None:
    # the index shows a chart at the page's width, too small to read a large heatmap's
    # cells: the chart and its caption lead to the PNG and SVG beside the page
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    for name in CHART_NAMES:
        assert (report_dir / f"{name}.png").is_file() and (report_dir / f"{name}.svg").is_file()
        figure = html.split(f'<figure><a href="{name}.png"', 1)[1].split("</figure>", 1)[0]
        assert '<img src="data:image/png;base64,' in figure
        assert f'Full size: <a href="{name}.png">PNG</a>, <a href="{name}.svg">SVG</a>' in figure


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"
)
@pytest.mark.parametrize("page", ["index.html", "themes/ultra-low-energy-buildings.html"])
def test_a_narrow_window_never_scrolls_sideways(
    report_dir: Path, tmp_path: Path, page: str
) -> None:
    # a phone's width: wide tables scroll in their own box, the page does not
    measure = (
        '<script>addEventListener("load", () => {const root = document.documentElement;'
        "document.body.dataset.measure = JSON.stringify("
        "{scroll: root.scrollWidth, client: root.clientWidth});});</script>"
    )
    original = report_dir / page
    measured_page = original.with_name(f"measured-{original.name}")
    measured_page.write_text(
        original.read_text(encoding="utf-8").replace("</body>", f"{measure}</body>"),
        encoding="utf-8",
    )
    try:
        dom = _chromium(
            "--window-size=485,900",
            "--dump-dom",
            measured_page.as_uri(),
            user_data=tmp_path / "profile",
        )
    finally:
        measured_page.unlink()
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r'data-measure="([^"]+)"', dom.stdout)
    assert found is not None
    measured = json.loads(found.group(1).replace("&quot;", '"'))
    assert measured["scroll"] <= measured["client"] <= 485
