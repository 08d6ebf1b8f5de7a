"""``policydiff timeline``: the charts alone (strength heatmap, strength timeline, mentions)."""

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

TIMELINE_STEPS = ("loading corpus", "analysing themes", "drawing charts", "writing files")


@main.command()
@corpus_option
@out_option
@themes_file_option
@jobs_option
@engine_options
@no_cache_option
@quiet_option
@fail_cleanly
def timeline(
    corpus_path: Path,
    out_dir: Path,
    theme_files: tuple[Path, ...],
    jobs: int,
    engine: str | None,
    scheduler: str | None,
    no_cache: bool,
    quiet: bool,
) -> None:
    """Draw the charts to --out as PNG and SVG.

    strength-heatmap (theme x document), strength-timeline (strength over time of the
    themes that change, quantified targets starred) and mentions (per theme and document).
    Chinese labels are drawn when a CJK font is installed.
    """
    from policydiff.render.chart_jobs import render_charts
    from policydiff.render.report import write_charts

    refuse_out_in_corpus(out_dir, corpus_path)

    with analysed(
        corpus_path,
        theme_files,
        TIMELINE_STEPS,
        jobs=jobs,
        no_cache=no_cache,
        quiet=quiet,
        engine=engine,
        scheduler=scheduler,
    ) as a:
        warn_undrawable(a.evolution)
        a.step("drawing charts")
        charts = render_charts(a.evolution, jobs=jobs, workers=a.workers)
        a.step("writing files")
        written = write_charts(charts, out_dir, wrote=wrote_reporter(quiet))
    if not quiet and sys.stderr.isatty():
        click.echo(f"wrote {len(written)} charts to {out_dir}", err=True)
