"""The main job: ``policydiff report`` writes every report for the corpus.

Outputs (in --out): the report as a small site, ``index.html`` and ``index.md`` with a
page per theme under ``themes/`` (each page self-contained, bounded in size:
:mod:`policydiff.render.pages`), ``evolution.json`` and the charts (PNG and SVG). Everything is rendered in memory before the first file
is replaced, each file atomically, so a failed run leaves the previous reports intact.
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
from policydiff.cli.session import analysed, warn_undrawable, wrote_reporter

# Phases of ``report``, in order (the progress bar's steps).
REPORT_STEPS = (
    "loading corpus",
    "analysing themes",
    "counting corpus",
    "comparing lineages",
    "drawing charts",
    "writing Markdown",
    "writing JSON",
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
    numbered pages), evolution.json and the charts; where the
    corpus holds documents that implement others (see `policydiff lineage`), a fidelity
    section and heatmap for each parent with its children.
    """
    from policydiff.corpus.summary import summarise
    from policydiff.render.report import render_report, write_outputs
    from policydiff.restatement.fidelity import lineage_fidelities
    from policydiff.runtime.memory import cycle_collection_paused
    from policydiff.themes.catalogue import corpus_catalogue

    with analysed(
        corpus_path,
        theme_files,
        REPORT_STEPS,
        jobs=jobs,
        no_cache=no_cache,
        quiet=quiet,
        engine=engine,
        scheduler=scheduler,
    ) as a:
        warn_undrawable(a.evolution)
        a.step("counting corpus")
        summaries = summarise(a.corpus, a.cache)
        a.step("comparing lineages")
        fidelities = lineage_fidelities(
            a.corpus, corpus_catalogue(corpus_path, theme_files), engine=a.engine
        )
        with cycle_collection_paused():
            files = render_report(
                a.evolution,
                summaries,
                step=a.step,
                jobs=jobs,
                chart_workers=a.workers,
                fidelities=fidelities,
            )
        a.step("writing files")
        written = write_outputs(files, out_dir, wrote=wrote_reporter(quiet))
    if not quiet and sys.stderr.isatty():
        click.echo(f"wrote {len(written)} files to {out_dir}", err=True)
