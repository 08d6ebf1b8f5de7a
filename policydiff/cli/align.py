"""``policydiff align A B``: the provisions of two documents, or two versions, paired."""

from __future__ import annotations

from pathlib import Path

import click

from policydiff.cli.app import fail_cleanly, main
from policydiff.cli.options import (
    color_option,
    console,
    corpus_option,
    format_option,
    themes_file_option,
)
from policydiff.cli.session import load


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
    from policydiff.diff.align import alignment_report
    from policydiff.render.json_records import alignment_json, to_json
    from policydiff.structure import structure_version
    from policydiff.themes.catalogue import corpus_catalogue

    corpus = load(corpus_path)
    catalogue = corpus_catalogue(corpus_path, theme_files)
    sides = [corpus.resolve(ref, lang) for ref in (a_ref, b_ref)]
    (doc_a, ver_a), (doc_b, ver_b) = sides
    report = alignment_report(
        structure_version(doc_a.id, ver_a), structure_version(doc_b.id, ver_b), catalogue
    )
    if output_format == "json":
        click.echo(to_json(alignment_json(report)))
        return
    from policydiff.render.terminal.themes import render_alignment

    render_alignment(report, console(color))
