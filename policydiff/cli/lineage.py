"""``policydiff lineage [ID]``: which held documents implement which, with the citing
sentence."""

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
@click.argument("document_id", required=False)
@corpus_option
@format_option("tree", "json")
@output_option("Write to this file (atomically) instead of stdout.")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="The titles shown: each document's Chinese title where it has one (zh), or its "
    "English title where it has one (en).",
)
@color_option
@fail_cleanly
def lineage(
    document_id: str | None,
    corpus_path: Path,
    output_format: str,
    output: Path | None,
    lang: str,
    color: bool | None,
) -> None:
    """The citation graph: each document under the held documents it implements.

    Parents are found from the titles (《…》) and document numbers (…〔2022〕53号) a text
    cites, whatever order the documents were added in, or declared with
    `ingest --parent`. With ID, only that document, its ancestors and descendants.
    """
    from policydiff.lineage import build_lineage

    corpus = load(corpus_path)
    if document_id is not None:
        corpus.resolve(document_id)  # a one-line error, with suggestions, for an unknown id
    graph = build_lineage(corpus.documents)
    if output_format == "json":
        from policydiff.render.lineage_formats import lineage_json

        emit(lineage_json(graph, document_id, lang), output)
        return
    from policydiff.render.terminal.lineage import print_lineage

    if output is None:
        print_lineage(graph, console(color), document_id, lang)
        return
    import io

    buffer = io.StringIO()
    print_lineage(graph, console(False, file=buffer), document_id, lang)
    emit(buffer.getvalue(), output)
