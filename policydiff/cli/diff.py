"""``policydiff diff OLD NEW``: the provision-aligned word diff of two versions."""

from __future__ import annotations

from pathlib import Path

import click

from policydiff.cli.app import fail_cleanly, main
from policydiff.cli.options import (
    color_option,
    console,
    corpus_option,
    emit,
    format_option,
    output_option,
)
from policydiff.cli.session import load


@main.command()
@click.argument("old")
@click.argument("new")
@corpus_option
@click.option("--theme", default=None, help="Only provisions mentioning this theme (id or label).")
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default=None,
    help="Compare the versions in this language (default: English).",
)
@click.option(
    "--context",
    type=click.IntRange(min=0),
    default=12,
    show_default=True,
    help="Unchanged words kept either side of a change before the rest is elided (…).",
)
@format_option("terminal", "markdown", "html", "json")
@output_option("Write to this file (atomically) instead of stdout.")
@color_option
@fail_cleanly
def diff(
    old: str,
    new: str,
    corpus_path: Path,
    theme: str | None,
    lang: str | None,
    context: int,
    output_format: str,
    output: Path | None,
    color: bool | None,
) -> None:
    """Word-level diff of OLD and NEW, provision by provision.

    OLD and NEW are document ids (their English version, or --lang) or DOC:KEY for one
    version, e.g. 2021-green-development-urban:en-2.  Both must be in one language.
    Commitment cues that changed are called out: ▲ strengthened, ▼ weakened.
    JSON holds every op; the other formats elide unchanged text beyond --context words.
    """
    from policydiff.diff import diff_documents
    from policydiff.structure import structure_version
    from policydiff.themes.catalogue import load_catalogue, resolve_theme

    corpus = load(corpus_path)
    if theme:
        theme = resolve_theme(load_catalogue(), theme).id
    old_doc, old_version = corpus.resolve(old, lang)
    new_doc, new_version = corpus.resolve(new, lang)
    result = diff_documents(
        structure_version(old_doc.id, old_version),
        structure_version(new_doc.id, new_version),
        theme=theme,
    )
    if output_format == "terminal":
        if output is None:
            from policydiff.render.terminal.diff import print_diff

            print_diff(result, console(color), context=context)
            return
        from policydiff.render.terminal.diff import diff_text

        text = diff_text(result, context=context)
    elif output_format == "markdown":
        from policydiff.render.diff_formats import diff_markdown

        text = diff_markdown(result, context=context)
    elif output_format == "html":
        from policydiff.render.diff_formats import diff_html

        text = diff_html(result, context=context)
    else:
        from policydiff.render.diff_formats import diff_json

        text = diff_json(result)
    emit(text, output)
