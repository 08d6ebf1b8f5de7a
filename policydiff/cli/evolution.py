"""``policydiff evolution [THEME]``: how each theme's commitments changed over the timeline."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from policydiff.cli.app import fail_cleanly, main
from policydiff.cli.options import (
    color_option,
    console,
    corpus_option,
    engine_options,
    format_option,
    jobs_option,
    no_cache_option,
    output_option,
    themes_file_option,
)
from policydiff.cli.session import analysis_cache, engine_for, load, spilled


@main.command()
@click.argument("theme", required=False)
@corpus_option
@themes_file_option
@format_option("terminal", "json")
@output_option("Write to FILE instead of stdout.")
@click.option("--all", "include_absent", is_flag=True, help="Include themes no document mentions.")
@jobs_option
@engine_options
@no_cache_option
@color_option
@fail_cleanly
def evolution(
    theme: str | None,
    corpus_path: Path,
    theme_files: tuple[Path, ...],
    output_format: str,
    output: Path | None,
    include_absent: bool,
    jobs: int,
    engine: str | None,
    scheduler: str | None,
    no_cache: bool,
    color: bool | None,
) -> None:
    """Show each theme's strength over the timeline and the verdict between documents.

    With THEME, show that theme's points with their evidence sentences.
    """
    from policydiff.themes.catalogue import corpus_catalogue, resolve_theme

    catalogue = corpus_catalogue(corpus_path, theme_files)
    if theme:
        theme = resolve_theme(catalogue, theme).id
    if output_format == "json":
        # streamed from a spill (the corpus read a batch of documents at a time), to
        # --output atomically or to stdout
        from policydiff.analysis.stream import write_evolution_json
        from policydiff.runtime.files import open_atomic

        with spilled(
            corpus_path,
            catalogue,
            no_cache=no_cache,
            engine=engine,
            scheduler=scheduler,
            jobs=jobs,
            include_absent=include_absent,
        ) as spill:
            if output is None:
                write_evolution_json(spill, sys.stdout.buffer, only=theme)
                sys.stdout.buffer.flush()
                return
            with open_atomic(output) as handle:
                write_evolution_json(spill, handle, only=theme)
        click.echo(f"wrote {output}", err=True)
        return
    from policydiff.analysis.build import build_evolution

    corpus = load(corpus_path)
    with analysis_cache(corpus_path, no_cache) as cache, engine_for(engine, scheduler, jobs) as e:
        result = build_evolution(
            corpus,
            catalogue,
            include_absent=include_absent or bool(theme),
            cache=cache,
            engine=e,
        )
    from policydiff.render.terminal.evolution import render_overview, render_theme

    out = console(color, file=output.open("w", encoding="utf-8") if output else None)
    selected = result.theme(theme) if theme else None
    if selected is not None:
        render_theme(selected, result, out)
    else:
        render_overview(result, out)
