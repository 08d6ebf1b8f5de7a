"""`policydiff report` and `policydiff timeline` through click's runner."""

from __future__ import annotations

import gc
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policydiff.cli import main
from policydiff.render.chart_spec import chart_files
from tests.conftest import BUNDLED, LINEAGE_PARENT
from tests.restatement.plans import HELD as TEST_CORPUS

pytestmark = pytest.mark.slow  # processes, charts, browsers or whole reports

REPORT = ("index.md", "index.html", "evolution.json")


def run(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    out = tmp_path_factory.mktemp("reports")
    result = run("report", "--corpus", BUNDLED, "--out", out)
    return out, result


def test_report_writes_every_file(first_run: tuple[Path, Result]) -> None:
    out, result = first_run
    assert result.exit_code == 0, result.output
    for name in (*REPORT, *chart_files()):
        assert (out / name).is_file(), name
        assert f"wrote {out / name}" in result.stderr
    assert len(chart_files()) == 6
    assert result.stdout == ""
    assert not list(out.glob(".*"))  # no temporary file left behind


def test_evolution_json_is_the_contract(first_run: tuple[Path, Result], bundled_corpus) -> None:
    from policydiff.analysis.build import build_evolution
    from policydiff.analysis.evolution_json import evolution_json

    out, _ = first_run
    expected = evolution_json(build_evolution(bundled_corpus))
    assert (out / "evolution.json").read_text(encoding="utf-8") == expected


def test_two_runs_are_byte_identical_and_quiet(
    first_run: tuple[Path, Result], tmp_path: Path
) -> None:
    out, _ = first_run
    result = run("report", "--corpus", BUNDLED, "--out", tmp_path, "-q")
    assert result.exit_code == 0
    assert result.output == "" and result.stderr == ""
    for name in REPORT:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_failed_run_leaves_old_reports_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = {name: f"old {name}\n" for name in REPORT}
    for name, text in old.items():
        (tmp_path / name).write_text(text, encoding="utf-8")

    def broken(*_args: object, **_kwargs: object) -> str:
        raise OSError(28, "No space left on device", "strength-heatmap.png")

    monkeypatch.setattr("policydiff.render.charts.draw_charts", broken)
    result = run("report", "--corpus", BUNDLED, "--out", tmp_path, "-q")
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    for name, text in old.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text
    assert gc.isenabled()  # paused for the rendering that failed, and back on


def test_rendering_runs_without_cycle_collection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import policydiff.render.report as report_module

    real = report_module.report_to_folder
    collecting: list[bool] = []

    def recording(*args: object, **kwargs: object) -> object:
        collecting.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(report_module, "report_to_folder", recording)
    assert gc.isenabled()
    result = run("report", "--corpus", BUNDLED, "--out", tmp_path, "-q", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert collecting == [False]
    assert gc.isenabled()


def test_empty_corpus_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    result = run("report", "--corpus", tmp_path / "corpus", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "no documents" in result.stderr
    assert not (tmp_path / "out").exists()


def test_timeline_writes_the_six_charts(tmp_path: Path) -> None:
    result = run("timeline", "--corpus", BUNDLED, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(chart_files())
    assert result.stderr.count("wrote ") == 6


def test_help_lists_timeline_and_report() -> None:
    result = run("--help")
    assert "timeline" in result.output and "report" in result.output


def test_a_document_citing_no_held_parent_gets_the_hint_in_the_report(tmp_path: Path) -> None:
    # Ningxia's plan cites only its region's documents; its title restates the ministry's.
    corpus = tmp_path / "corpus"
    for name in (LINEAGE_PARENT, "ningxia-chengxiangjianshe-tandafeng"):
        shutil.copytree(TEST_CORPUS / name, corpus / name)
    out = tmp_path / "reports"
    result = run("report", "--corpus", corpus, "--out", out, "-q")
    assert result.exit_code == 0, result.output
    hint = (
        f"ningxia-chengxiangjianshe-tandafeng: its title restates {LINEAGE_PARENT}'s (100), "
        "but no parent was found in its text; if it implements it, add parents: "
        f"[{LINEAGE_PARENT}] to its document.yaml"
    )
    index_md = (out / "index.md").read_text(encoding="utf-8")
    assert f"- {hint}" in re.sub(r"\\([_\[\]])", r"\1", index_md)
    assert "Fidelity to" not in index_md  # no lineage to draw, only the hint
    assert "- [Lineages](#lineages)" in index_md  # in the contents, as in the HTML
    # two documents of two series: nothing moves within a series, and the index says so
    assert "No series has a strength move: each holds one document" in index_md
    html = (out / "index.html").read_text(encoding="utf-8")
    assert f"<li>{hint}</li>" in html.replace("&#x27;", "'")
    assert '<li><a href="#lineages">Lineages</a></li>' in html


@pytest.mark.parametrize(
    ("command", "inside"),
    [
        (("report", "--out"), ""),
        (("report", "--out"), "reports"),
        (("timeline", "--out"), "charts"),
        (("export",), "tables"),
        # a folder holding the corpus: report replaces the folders it writes whole, and a
        # corpus folder named themes/ was replaced by the theme pages
        (("report", "--out"), ".."),
    ],
)
def test_output_inside_the_corpus_folder_is_refused_and_writes_nothing(
    tmp_path: Path, command: tuple[str, ...], inside: str
) -> None:
    # every folder of a corpus is read as a document: report --out corpus wrote themes/
    # there, and the corpus no longer read
    corpus = shutil.copytree(BUNDLED, tmp_path / "corpus")
    before = sorted(p.name for p in corpus.iterdir())
    out = (corpus / inside).resolve() if inside else corpus
    result = run(*command, out, "--corpus", corpus)
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and (
        "is inside the corpus folder" in result.output or "holds the corpus folder" in result.output
    )
    assert sorted(p.name for p in corpus.iterdir()) == before
