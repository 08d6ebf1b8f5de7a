"""``policydiff themes``: the theme x document matrix, one theme's mentions, or discovery."""

from __future__ import annotations

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
    themes_file_option,
)
from policydiff.cli.session import engine_for, load


@main.command()
@click.argument("theme_id", metavar="[THEME]", required=False)
@corpus_option
@themes_file_option
@format_option("table", "json")
@color_option
@click.option("--all", "include_absent", is_flag=True, help="Include themes never mentioned.")
@click.option(
    "--discover", is_flag=True, help="Suggest candidate themes the catalogue does not cover."
)
@click.option(
    "--write",
    "write_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="With --discover: write the candidates as a catalogue file to review.",
)
@jobs_option
@engine_options
@fail_cleanly
def themes(
    theme_id: str | None,
    corpus_path: Path,
    theme_files: tuple[Path, ...],
    output_format: str,
    color: bool | None,
    include_absent: bool,
    discover: bool,
    write_path: Path | None,
    jobs: int,
    engine: str | None,
    scheduler: str | None,
) -> None:
    """The theme x document matrix, or every mention of THEME across the timeline.

    Cells count the sentences of a document that mention the theme ("–": absent).
    With --discover, list candidate themes found by clustering similar sentences
    of two or more documents.
    """
    from policydiff.analysis import mentions as tr
    from policydiff.errors import CorpusError, UsageError
    from policydiff.render import json_records
    from policydiff.runtime.files import write_atomic
    from policydiff.themes.catalogue import corpus_catalogue, resolve_theme

    if write_path is not None and not discover:
        raise UsageError("--write needs --discover")
    if discover and theme_id:
        raise UsageError("give either THEME or --discover, not both")
    if include_absent and (theme_id or discover):
        raise UsageError("--all applies to the matrix only")
    catalogue = corpus_catalogue(corpus_path, theme_files)
    theme = resolve_theme(catalogue, theme_id) if theme_id else None
    corpus = load(corpus_path)
    if not corpus.documents:
        raise CorpusError(corpus_path, "the corpus holds no documents (run policydiff ingest)")
    out = console(color)

    if discover:
        from policydiff.render.terminal.themes import render_candidates
        from policydiff.themes.discover import write_candidates_yaml

        with engine_for(engine, scheduler, jobs) as runner:
            timeline = tr.structure_timeline(corpus, engine=runner)
        candidates = tr.discover_timeline(timeline, catalogue)
        if write_path is not None:
            write_atomic(write_path, write_candidates_yaml(candidates))
            click.echo(f"wrote {len(candidates)} candidate themes to {write_path}", err=True)
        if output_format == "json":
            click.echo(json_records.to_json(json_records.candidates_json(candidates)))
        else:
            render_candidates(candidates, out)
        return

    with engine_for(engine, scheduler, jobs) as runner:
        found = tr.corpus_mentions(corpus, catalogue, engine=runner)
    if theme is not None:
        groups = tr.theme_timeline(found, theme.id)
        if output_format == "json":
            click.echo(json_records.to_json(json_records.timeline_json(groups)))
            return
        from policydiff.render.terminal.themes import render_theme_timeline

        render_theme_timeline(theme, groups, out)
        return

    report = tr.matrix_report(found, catalogue, include_absent=include_absent)
    if output_format == "json":
        click.echo(json_records.to_json(json_records.matrix_json(report)))
        return
    from policydiff.render.terminal.themes import render_matrix

    render_matrix(report, out)
