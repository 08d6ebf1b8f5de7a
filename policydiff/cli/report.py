"""The main job: ``policydiff report`` writes every report for the corpus.

Outputs (in --out): ``index.md``, ``index.html`` (self-contained), ``evolution.json``
and the charts (PNG and SVG). Everything is rendered in memory before the first file
is replaced, each file atomically, so a failed run leaves the previous reports intact.
On a terminal a progress bar runs on stderr; otherwise stderr gets "wrote PATH" lines;
``-q`` silences both.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from policydiff.cli import (
    analysis_cache,
    corpus_option,
    cycle_collection_paused,
    fail_cleanly,
    jobs_option,
    load,
    main,
    no_cache_option,
    themes_file_option,
)

if TYPE_CHECKING:  # imported where used: ``policydiff --help`` must not pay for them
    from concurrent.futures import Executor

    from policydiff.cache import AnalysisCache
    from policydiff.corpus import Corpus
    from policydiff.evolution import Evolution

# Phases of ``report``, in order (the progress bar's steps).
REPORT_STEPS = (
    "loading corpus",
    "analysing themes",
    "counting corpus",
    "drawing charts",
    "writing Markdown",
    "writing JSON",
    "writing HTML",
    "writing files",
)


def out_option(func: Any) -> Any:
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=Path("reports"),
        show_default=True,
        help="Folder to write to.",
    )(func)


def quiet_option(func: Any) -> Any:
    return click.option("-q", "--quiet", is_flag=True, help="Nothing on stderr but errors.")(func)


@contextmanager
def progress(steps: tuple[str, ...], quiet: bool) -> Iterator[Callable[[str], None]]:
    """A ``step(name)`` callback: a rich progress bar on a terminal's stderr, else nothing."""
    if quiet or not sys.stderr.isatty():
        yield lambda _name: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description:<18}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(steps[0], total=len(steps))
        seen: list[str] = []

        def step(name: str) -> None:
            if seen:
                bar.advance(task)
            seen.append(name)
            bar.update(task, description=name)

        yield step
        bar.update(task, completed=len(steps))


def wrote_reporter(quiet: bool) -> Callable[[Path], None] | None:
    if quiet or sys.stderr.isatty():
        return None
    return lambda path: click.echo(f"wrote {path}", err=True)


@dataclass(frozen=True)
class Analysed:
    """What report and timeline work from, inside :func:`analysed`."""

    corpus: Corpus
    evolution: Evolution
    step: Callable[[str], None]
    cache: AnalysisCache  # open
    chart_workers: Executor | None  # the workers: they analysed the corpus, they draw the charts


@contextmanager
def analysed(
    corpus_path: Path,
    theme_files: tuple[Path, ...],
    steps: tuple[str, ...],
    *,
    jobs: int,
    no_cache: bool,
    quiet: bool,
) -> Iterator[Analysed]:
    """The progress bar, the corpus and its evolution (a CorpusError on an empty corpus).

    The worker processes start first, before the progress bar's thread: forking while
    another thread runs can leave a child waiting on a lock that thread held. They
    analyse the corpus and then draw the charts, and import matplotlib meanwhile; the
    analysis cache answers the versions analysed before (same result)."""
    from policydiff.errors import CorpusError
    from policydiff.evolution import build_evolution
    from policydiff.render.chart_jobs import chart_workers
    from policydiff.themes.catalogue import corpus_catalogue

    with (
        chart_workers(jobs, analyse=True) as workers,
        progress(steps, quiet) as step,
        analysis_cache(corpus_path, no_cache) as cache,
    ):
        step("loading corpus")
        catalogue = corpus_catalogue(corpus_path, theme_files)
        corpus = load(corpus_path)
        if not corpus.documents:
            raise CorpusError(corpus_path, "the corpus holds no documents (run policydiff ingest)")
        step("analysing themes")
        evolution = build_evolution(corpus, catalogue, cache=cache, jobs=jobs, pool=workers)
        yield Analysed(corpus, evolution, step, cache, workers)


@main.command()
@corpus_option
@out_option
@themes_file_option
@jobs_option
@no_cache_option
@quiet_option
@fail_cleanly
def report(
    corpus_path: Path,
    out_dir: Path,
    theme_files: tuple[Path, ...],
    jobs: int,
    no_cache: bool,
    quiet: bool,
) -> None:
    """Write the reports for the corpus to --out (the main job).

    index.md, a self-contained index.html, evolution.json and the charts.
    """
    from policydiff.render.report import render_report, write_outputs
    from policydiff.summary import summarise

    with analysed(
        corpus_path, theme_files, REPORT_STEPS, jobs=jobs, no_cache=no_cache, quiet=quiet
    ) as a:
        a.step("counting corpus")
        summaries = summarise(a.corpus, a.cache)
        with cycle_collection_paused():
            files = render_report(
                a.evolution, summaries, step=a.step, jobs=jobs, chart_workers=a.chart_workers
            )
        a.step("writing files")
        written = write_outputs(files, out_dir, wrote=wrote_reporter(quiet))
    if not quiet and sys.stderr.isatty():
        click.echo(f"wrote {len(written)} files to {out_dir}", err=True)
