"""``policydiff check``: validate the corpus, check the reports are current, gate on verdicts.

Exit codes: 0 clean, 1 findings, 2 usage or input error (see :mod:`policydiff.check.result`).
stdout carries the report; stderr carries messages ("wrote summary.md").
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from policydiff.cli.app import fail_cleanly, main
from policydiff.cli.options import (
    corpus_option,
    engine_options,
    format_option,
    jobs_option,
    no_cache_option,
    themes_file_option,
)
from policydiff.cli.session import analysis_cache, engine_for


@main.command()
@corpus_option
@click.option(
    "--reports",
    "reports_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("reports"),
    show_default=True,
    help="Reports folder whose evolution.json must be current.",
)
@click.option(
    "--base",
    metavar="GIT-REF",
    help="Report documents new or changed since this git ref (default: since the reports).",
)
@click.option(
    "--fail-on",
    "fail_on",
    metavar="VERDICTS",
    multiple=True,
    help="Exit 1 when a new document's theme gets one of these verdicts, e.g. "
    "weakened,dropped (repeat the option to add more).",
)
@click.option(
    "--summary",
    "summary_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write the summary as Markdown to FILE (and to $GITHUB_STEP_SUMMARY when set).",
)
@click.option(
    "--full",
    is_flag=True,
    help="Also recompute the evolution and compare evolution.json byte for byte "
    "(catches hand edits; costs a whole analysis).",
)
@themes_file_option
@format_option("text", "json", "markdown")
@no_cache_option
@jobs_option
@engine_options
@fail_cleanly
def check(
    corpus_path: Path,
    reports_dir: Path,
    base: str | None,
    fail_on: tuple[str, ...],
    summary_file: Path | None,
    full: bool,
    theme_files: tuple[Path, ...],
    output_format: str,
    no_cache: bool,
    jobs: int,
    engine: str | None,
    scheduler: str | None,
) -> None:
    """Check the corpus for CI: valid documents, current reports, no unwanted verdicts."""
    from policydiff.check import parse_fail_on, run_check
    from policydiff.render.check_formats import render_markdown, render_text, result_dict
    from policydiff.strength import load_lexicon
    from policydiff.themes.catalogue import corpus_catalogue

    # each value on its own, so that a blank one (--fail-on "$UNSET") is refused
    verdicts = tuple(dict.fromkeys(v for value in fail_on for v in parse_fail_on(value)))
    catalogue = corpus_catalogue(corpus_path, theme_files)
    # --full is the gate that trusts nothing: it neither reads nor writes the cache
    with (
        analysis_cache(corpus_path, no_cache or full) as cache,
        engine_for(engine, scheduler, jobs) as runner,
    ):
        result = run_check(
            corpus_path,
            reports_dir,
            catalogue,
            load_lexicon(),
            base=base,
            fail_on=verdicts,
            cache=cache,
            full=full,
            engine=runner,
        )
    if output_format == "json":
        click.echo(json.dumps(result_dict(result), ensure_ascii=False, indent=2))
    elif output_format == "markdown":
        click.echo(render_markdown(result), nl=False)
    else:
        click.echo(render_text(result), nl=False)
    markdown = render_markdown(result)
    if summary_file is not None:
        from policydiff.runtime.files import write_atomic

        write_atomic(summary_file, markdown)
        click.echo(f"wrote {summary_file}", err=True)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as handle:
            handle.write(markdown + "\n")
    sys.exit(result.exit_code)
