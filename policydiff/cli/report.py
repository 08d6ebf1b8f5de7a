"""The main job: ``policydiff report`` writes every report for the corpus.

Outputs (in --out): the report as a small site, ``index.html`` and ``index.md`` with a
page per theme under ``themes/`` (each page self-contained, bounded in size:
:mod:`policydiff.render.pages`), ``evolution.json`` and the charts (PNG and SVG). The
corpus is analysed a batch of documents at a time and spilled to disk
(:mod:`policydiff.analysis.stream`); the pages are rendered a theme at a time into a
folder beside --out that replaces it as one set, so a failed run leaves the previous
reports intact and memory does not grow with the corpus's evidence.
On a terminal a progress bar runs on stderr; otherwise stderr gets "wrote PATH" lines;
``-q`` silences both.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from policydiff.cli.app import fail_cleanly, main
from policydiff.cli.options import (
    corpus_option,
    engine_options,
    jobs_option,
    no_cache_option,
    out_option,
    quiet_option,
    themes_file_option,
)
from policydiff.cli.session import (
    require_corpus_folder,
    warn_undrawable,
    workers_and_cache,
    wrote_reporter,
)

# Phases of ``report``, in order (the progress bar's steps).
REPORT_STEPS = (
    "loading corpus",
    "analysing themes",
    "comparing lineages",
    "drawing charts",
    "writing theme pages",
    "writing Markdown",
    "writing HTML",
    "writing files",
)


@main.command()
@corpus_option
@out_option
@themes_file_option
@jobs_option
@engine_options
@no_cache_option
@quiet_option
@fail_cleanly
def report(
    corpus_path: Path,
    out_dir: Path,
    theme_files: tuple[Path, ...],
    jobs: int,
    engine: str | None,
    scheduler: str | None,
    no_cache: bool,
    quiet: bool,
) -> None:
    """Write the reports for the corpus to --out (the main job).

    index.html and index.md with a page per theme under themes/ (long themes cut into
    numbered pages), evolution.json and the charts; where the corpus holds documents that
    implement others (see `policydiff lineage`), pages under lineages/ with the fidelity
    matrix and heatmap of each parent with its children.
    """
    from policydiff.analysis.stream import spilled_evolution
    from policydiff.errors import CorpusError
    from policydiff.render.report import ReportSource, report_to_folder
    from policydiff.restatement.corpus_pass import CorpusPass
    from policydiff.runtime.memory import cycle_collection_paused
    from policydiff.strength import load_lexicon
    from policydiff.themes.catalogue import corpus_catalogue

    require_corpus_folder(corpus_path)
    with workers_and_cache(
        corpus_path,
        REPORT_STEPS,
        jobs=jobs,
        no_cache=no_cache,
        quiet=quiet,
        engine=engine,
        scheduler=scheduler,
    ) as (workers, runner, step, cache):
        step("loading corpus")
        catalogue = corpus_catalogue(corpus_path, theme_files)
        step("analysing themes")
        corpus = CorpusPass(Path(corpus_path), cache)
        with spilled_evolution(
            corpus_path,
            catalogue,
            load_lexicon(),
            cache=cache,
            engine=runner,
            light=True,
            each_batch=corpus,
        ) as spill:
            if not spill.documents:
                raise CorpusError(
                    corpus_path, "the corpus holds no documents (run policydiff ingest)"
                )
            evolution = spill.evolution()
            warn_undrawable(evolution)
            step("comparing lineages")
            fidelities = corpus.fidelities(catalogue, runner)
            source = ReportSource(evolution, spill.whole_points)
            with cycle_collection_paused():
                written = report_to_folder(
                    source,
                    corpus.summaries,
                    out_dir,
                    wrote=wrote_reporter(quiet),
                    step=step,
                    jobs=jobs,
                    chart_workers=workers,
                    fidelities=fidelities,
                )
    if not quiet and sys.stderr.isatty():
        click.echo(f"wrote {len(written)} files to {out_dir}", err=True)
