"""Inspecting the corpus: ``policydiff list`` and ``policydiff show``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from policydiff.cli.app import fail_cleanly, main
from policydiff.cli.options import (
    color_option,
    console,
    corpus_option,
    format_option,
    no_cache_option,
)
from policydiff.cli.session import analysis_cache, load


@main.command(name="list")
@corpus_option
@format_option("table", "json")
@color_option
@no_cache_option
@fail_cleanly
def list_command(corpus_path: Path, output_format: str, color: bool | None, no_cache: bool) -> None:
    """List the documents of the corpus: id, date, title, versions, provisions, sentences."""
    from policydiff.corpus.summary import summarise, summary_json

    corpus = load(corpus_path, tolerant=True)
    with analysis_cache(corpus_path, no_cache) as cache:
        summaries = summarise(corpus, cache)
    if output_format == "json":
        from policydiff.lineage import build_lineage

        lineage = build_lineage(corpus.documents)
        known = {d.id: (lineage.series[d.id], lineage.parents(d.id)) for d in corpus.documents}
        click.echo(json.dumps(summary_json(summaries, known), ensure_ascii=False, indent=2))
        return
    from policydiff.render.terminal.corpus import render_documents

    render_documents(summaries, corpus_path, console(color))


@main.command()
@click.argument("document_id")
@corpus_option
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default=None,
    help="Version language (default: English, else the original).",
)
@click.option("--version", "version_key", default=None, help="Version key, e.g. en-2.")
@click.option(
    "--provision",
    "provision_id",
    default=None,
    help="Only this provision and its children, e.g. III.1.",
)
@format_option("text", "json")
@fail_cleanly
def show(
    document_id: str,
    corpus_path: Path,
    lang: str | None,
    version_key: str | None,
    provision_id: str | None,
    output_format: str,
) -> None:
    """Show a document's provisions and sentences, with ids and locations."""
    from policydiff.errors import CorpusError, UsageError
    from policydiff.structure import structure_version

    corpus = load(corpus_path, tolerant=True)
    ref = f"{document_id}:{version_key}" if version_key else document_id
    folder = Path(corpus_path) / document_id
    if (
        corpus.get(document_id) is None
        and os.path.lexists(folder)
        and folder.parent == Path(corpus_path)
    ):
        raise CorpusError(folder, "this document cannot be read (see the warning above)")
    document, version = corpus.resolve(ref, lang)
    if lang and version.lang != lang:
        raise UsageError(f"{document.id}:{version.key} is in {version.lang}, not --lang {lang}")
    structured = structure_version(document.id, version)
    provisions = [
        p
        for p in structured.provisions
        if provision_id is None or p.id == provision_id or p.id.startswith(f"{provision_id}.")
    ]
    if provision_id and not provisions:
        raise UsageError(f"{document.id}:{version.key} has no provision {provision_id!r}")
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "document": document.id,
                    "version": version.key,
                    "lang": version.lang,
                    "provisions": [
                        {
                            "id": p.id,
                            "label": p.label,
                            "heading": p.heading,
                            "level": p.level,
                            "parent": p.parent,
                            "location": p.location,
                            "start": p.start,
                            "end": p.end,
                            "sentences": [
                                {"index": s.index, "start": s.start, "end": s.end, "text": s.text}
                                for s in p.sentences
                            ],
                        }
                        for p in provisions
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    click.echo(
        f"{document.id} · {document.shown_date} · {document.title} · {version.key} ({version.kind})"
    )
    for p in provisions:
        click.echo(f"\n[{p.id}] {p.location}")
        for s in p.sentences:
            click.echo(f"  {s.index:>2}. {s.text}")
