"""``policydiff evolution [THEME]``: how each theme's commitments changed over the timeline."""

from __future__ import annotations

from pathlib import Path

import click

from policydiff.cli.app import fail_cleanly, main
from policydiff.cli.options import (
    color_option,
    console,
    corpus_option,
    emit,
    engine_options,
    format_option,
    jobs_option,
    no_cache_option,
    output_option,
    themes_file_option,
)
from policydiff.cli.session import analysis_cache, engine_for, load


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
    from policydiff.analysis.build import build_evolution
    from policydiff.themes.catalogue import corpus_catalogue, resolve_theme

    catalogue = corpus_catalogue(corpus_path, theme_files)
    if theme:
        theme = resolve_theme(catalogue, theme).id
    corpus = load(corpus_path)
    with analysis_cache(corpus_path, no_cache) as cache, engine_for(engine, scheduler, jobs) as e:
        result = build_evolution(
            corpus,
            catalogue,
            include_absent=include_absent or bool(theme),
            cache=cache,
            engine=e,
        )
    if output_format == "json":
        from policydiff.analysis.evolution_json import dumps_evolution, evolution_dict

        data = evolution_dict(result)
        if theme:
            data["themes"] = [t for t in data["themes"] if t["id"] == theme]
        emit(dumps_evolution(data).decode("utf-8"), output)
        return
    from policydiff.render.terminal.evolution import render_overview, render_theme

    out = console(color, file=output.open("w", encoding="utf-8") if output else None)
    selected = result.theme(theme) if theme else None
    if selected is not None:
        render_theme(selected, result, out)
    else:
        render_overview(result, out)
