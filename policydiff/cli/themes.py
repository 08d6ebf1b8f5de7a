"""Commands about themes and provision alignment: themes, align."""

from __future__ import annotations

from pathlib import Path

import click

from policydiff.cli import (
    color_option,
    console,
    corpus_option,
    fail_cleanly,
    format_option,
    jobs_option,
    load,
    main,
    themes_file_option,
)


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
) -> None:
    """The theme x document matrix, or every mention of THEME across the timeline.

    Cells count the sentences of a document that mention the theme ("–": absent).
    With --discover, list candidate themes found by clustering similar sentences
    of two or more documents.
    """
    from policydiff.errors import CorpusError, UsageError
    from policydiff.files import write_text_atomic
    from policydiff.themes import report as tr
    from policydiff.themes.catalogue import corpus_catalogue

    if write_path is not None and not discover:
        raise UsageError("--write needs --discover")
    if discover and theme_id:
        raise UsageError("give either THEME or --discover, not both")
    if include_absent and (theme_id or discover):
        raise UsageError("--all applies to the matrix only")
    catalogue = corpus_catalogue(corpus_path, theme_files)
    theme = tr.resolve_theme(catalogue, theme_id) if theme_id else None
    corpus = load(corpus_path)
    if not corpus.documents:
        raise CorpusError(corpus_path, "the corpus holds no documents (run policydiff ingest)")
    out = console(color)

    if discover:
        from policydiff.render.themes import render_candidates
        from policydiff.themes.discover import write_candidates_yaml

        candidates = tr.discover_timeline(tr.structure_timeline(corpus, jobs=jobs), catalogue)
        if write_path is not None:
            write_text_atomic(write_path, write_candidates_yaml(candidates))
            click.echo(f"wrote {len(candidates)} candidate themes to {write_path}", err=True)
        if output_format == "json":
            click.echo(tr.to_json(tr.candidates_json(candidates)))
        else:
            render_candidates(candidates, out)
        return

    found = tr.corpus_mentions(corpus, catalogue, jobs=jobs)
    if theme is not None:
        groups = tr.theme_timeline(found, theme.id)
        if output_format == "json":
            click.echo(tr.to_json(tr.timeline_json(groups)))
            return
        from policydiff.render.themes import render_theme_timeline

        render_theme_timeline(theme, groups, out)
        return

    report = tr.matrix_report(found, catalogue, include_absent=include_absent)
    if output_format == "json":
        click.echo(tr.to_json(tr.matrix_json(report)))
        return
    from policydiff.render.themes import render_matrix

    render_matrix(report, out)


@main.command()
@click.argument("a_ref", metavar="A")
@click.argument("b_ref", metavar="B")
@corpus_option
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default=None,
    help="Version language for a bare DOC (default: English, else the original).",
)
@themes_file_option
@format_option("table", "json")
@color_option
@fail_cleanly
def align(
    a_ref: str,
    b_ref: str,
    corpus_path: Path,
    lang: str | None,
    theme_files: tuple[Path, ...],
    output_format: str,
    color: bool | None,
) -> None:
    """Align the provisions of A and B: two documents, or two versions of one.

    A and B are document ids, optionally with a version key or language:
    DOC, DOC:zh, DOC:en-2.
    """
    from policydiff.align import alignment_json, alignment_report
    from policydiff.structure import structure_version
    from policydiff.themes import report as tr
    from policydiff.themes.catalogue import corpus_catalogue

    corpus = load(corpus_path)
    catalogue = corpus_catalogue(corpus_path, theme_files)
    sides = [corpus.resolve(ref, lang) for ref in (a_ref, b_ref)]
    (doc_a, ver_a), (doc_b, ver_b) = sides
    report = alignment_report(
        structure_version(doc_a.id, ver_a), structure_version(doc_b.id, ver_b), catalogue
    )
    if output_format == "json":
        click.echo(tr.to_json(alignment_json(report)))
        return
    from policydiff.render.themes import render_alignment

    render_alignment(report, console(color))
