"""``policydiff report`` renders from a spilled evolution, a theme at a time: the same
files as the report of the evolution held in memory, without holding every theme's
evidence at once."""

from __future__ import annotations

import functools
import gc
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import policydiff.analysis.stream as stream
import policydiff.render.pages as pages
import policydiff.render.report as report
from policydiff.analysis.agreement import Agreement
from policydiff.analysis.build import build_evolution
from policydiff.analysis.digests import metadata_digest
from policydiff.analysis.model import Evolution, Point
from policydiff.cli import main
from policydiff.corpus import load_corpus
from policydiff.corpus.summary import summarise
from policydiff.lineage import build_lineage
from policydiff.lineage.graph import cited_places
from policydiff.render.pages import ThemePage
from policydiff.render.report import render_report, write_outputs
from policydiff.restatement.fidelity import lineage_fidelities
from policydiff.runtime.engine import LocalEngine
from policydiff.runtime.files import staged_folder
from policydiff.strength import load_lexicon
from policydiff.themes import load_catalogue

REPO = Path(__file__).resolve().parents[2]
LINEAGE = REPO / "examples" / "lineage" / "corpus"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _held_report(corpus_path: Path, out: Path) -> dict[str, bytes]:
    corpus = load_corpus(corpus_path)
    fidelities = lineage_fidelities(corpus, load_catalogue())
    files = render_report(build_evolution(corpus), summarise(corpus), fidelities=fidelities)
    write_outputs(files, out, metadata=metadata_digest(corpus.documents))
    return _files(out)


@pytest.mark.slow
@pytest.mark.parametrize("which", ["synthetic", "synthetic, pages of 4", "lineage"])
def test_streamed_report_is_the_held_report(
    which: str, synthetic_60: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if which.endswith("pages of 4"):  # a page's points arrive while others are held
        monkeypatch.setattr(pages, "POINTS_PER_PAGE", 4)
    # a copy: the report keeps its analysis cache beside the corpus
    source = LINEAGE if which == "lineage" else synthetic_60
    corpus = shutil.copytree(source, tmp_path / "c")
    held = _held_report(corpus, tmp_path / "held")
    # batches of 7 documents: every batch boundary the streamed report must join
    monkeypatch.setattr(
        stream, "spilled_evolution", functools.partial(stream.spilled_evolution, batch=7)
    )
    result = CliRunner().invoke(
        main, ["report", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "-q"]
    )
    assert result.exit_code == 0, result.output
    streamed = _files(tmp_path / "out")
    assert sorted(streamed) == sorted(held)
    assert [name for name in held if streamed[name] != held[name]] == []
    if which == "lineage":
        assert any(name.startswith("lineages/") for name in held)
    else:  # more documents than columns: the index shows years
        assert b"strongest commitment in each year" in held["index.md"]
    if which.endswith("pages of 4"):
        assert sum(name.startswith("themes/") and "_3." in name for name in held) > 20


def _whole_points_alive() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Point) and o.evidence)


def test_a_pages_worth_of_evidence_is_held_at_a_time(
    synthetic_60: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = shutil.copytree(synthetic_60, tmp_path / "c")
    monkeypatch.setattr(pages, "POINTS_PER_PAGE", 4)  # many pages a theme
    alive: list[int] = []
    real = report.theme_page_html

    def counting(ev: Evolution, page: ThemePage) -> str:
        alive.append(_whole_points_alive())
        assert all(p.evidence for p in page.points)  # the page's own points are whole
        # and the rest of its theme is not rebuilt for it: a page's work is its own, not
        # the theme's (a theme of 100,000 documents has a thousand pages)
        assert not any(p.evidence for p in page.theme.points)
        own = {p.document for p in page.points}
        assert all(c.to_document in own for c in page.since_last)
        assert [p.document for p in page.earlier] == [c.from_document for c in page.since_last]
        return real(ev, page)

    monkeypatch.setattr(report, "theme_page_html", counting)
    result = CliRunner().invoke(
        main, ["report", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert len(alive) > 200  # pages of 4 documents, for every theme mentioned
    # a page's own points and the mention before each (the wording diffs read it), and
    # none left over from the analysis of the last batch
    assert max(alive) <= 2 * 4


def test_lineage_from_citations_read_before_is_the_lineage() -> None:
    corpus = load_corpus(LINEAGE)
    whole = build_lineage(corpus.documents)
    places = {d.id: cited_places(d) for d in corpus.documents}
    assert any(places.values())
    stripped = [replace(d, versions=()) for d in corpus.documents]  # metadata, no text
    from_places = build_lineage(stripped, places)
    assert from_places.edges == whole.edges and whole.edges
    assert from_places.unresolved == whole.unresolved
    assert from_places.missing == whole.missing
    assert from_places.series == whole.series


def test_a_spill_without_light_points_gives_no_evolution(tmp_path: Path) -> None:
    corpus = shutil.copytree(LINEAGE, tmp_path / "c")
    with stream.spilled_evolution(
        corpus, load_catalogue(), load_lexicon(), cache=None, engine=LocalEngine()
    ) as spill:
        assert spill.documents  # analysed, but read as points only by the JSON and tables
        with pytest.raises(ValueError, match="light"):
            spill.evolution()


def test_agreement_from_counts_reads_as_from_every_case() -> None:
    agreement = Agreement((), (8, 6))
    assert (agreement.compared, agreement.same_level, agreement.rate) == (8, 6, 0.75)
    assert Agreement(()).rate is None


def test_staged_folder_is_all_or_nothing(tmp_path: Path) -> None:
    final = tmp_path / "reports"
    final.mkdir()
    (final / "index.md").write_text("old\n")
    (final / "notes.txt").write_text("kept\n")
    with pytest.raises(RuntimeError), staged_folder(final) as staged:
        staged.add("index.md", b"new\n")
        raise RuntimeError("the run failed half-way")
    assert (final / "index.md").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]  # no staging left
    with staged_folder(final) as staged:
        staged.add("index.md", b"new\n")
        with staged.open("themes/a.md") as handle:
            handle.write(b"a\n")
        assert (final / "index.md").read_text() == "old\n"  # not before the block ends
    assert (final / "index.md").read_text() == "new\n"
    assert (final / "themes" / "a.md").read_text() == "a\n"
    assert (final / "notes.txt").read_text() == "kept\n"  # carried over
    assert staged.written == [final / "index.md", final / "themes/a.md"]
