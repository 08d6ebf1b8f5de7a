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
    analysed,
    refuse_out_in_corpus,
    warn_undrawable,
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
    from policydiff.analysis.digests import metadata_digest
    from policydiff.render.report import ReportSource, report_to_folder

    refuse_out_in_corpus(out_dir, corpus_path)
    from policydiff.runtime.memory import cycle_collection_paused

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
        a.step("comparing lineages")
        from policydiff.lineage.likely import likely_parents

        lineage = a.corpus.lineage()
        fidelities = a.corpus.fidelities(a.catalogue, a.engine, lineage)
        with cycle_collection_paused():
            written = report_to_folder(
                ReportSource(a.evolution, a.spill.whole_points),
                a.corpus.summaries,
                out_dir,
                wrote=wrote_reporter(quiet),
                step=a.step,
                jobs=jobs,
                chart_workers=a.workers,
                fidelities=fidelities,
                likely=likely_parents(lineage),
                metadata=metadata_digest(a.corpus.metadata),
            )
    if not quiet and sys.stderr.isatty():
        click.echo(f"wrote {len(written)} files to {out_dir}", err=True)
