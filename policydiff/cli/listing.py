"""Inspecting the corpus: ``policydiff list`` and ``policydiff show``."""

from __future__ import annotations

import json
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

    with analysis_cache(corpus_path, no_cache) as cache:
        summaries = summarise(load(corpus_path), cache)
    if output_format == "json":
        click.echo(json.dumps(summary_json(summaries), ensure_ascii=False, indent=2))
        return
    from rich import box
    from rich.table import Table

    table = Table(
        title=f"{len(summaries)} documents in {corpus_path}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("date", no_wrap=True)
    table.add_column("document (id, title)", ratio=1)
    table.add_column("versions")
    table.add_column("provisions", justify="right")
    table.add_column("sentences", justify="right")
    for s in summaries:
        versions = "\n".join(
            f"{v.key} {v.kind}{'' if v.complete else ' (partial)'}" for v in s.versions
        )
        table.add_row(
            s.date,
            f"[bold]{s.id}[/bold]\n{s.title}",
            versions,
            str(s.primary.provisions),
            str(s.primary.sentences),
        )
    console(color).print(table)


@main.command()
@click.argument("document_id")
@corpus_option
@click.option(
    "--lang", default=None, help="Version language (default: the original, else English)."
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
    from policydiff.errors import UsageError
    from policydiff.structure import structure_version

    corpus = load(corpus_path)
    document = corpus.get(document_id)
    if document is None:
        known = ", ".join(d.id for d in corpus.documents) or "none"
        raise UsageError(f"no document {document_id!r} in {corpus_path} (held: {known})")
    if version_key:
        version = next((v for v in document.versions if v.key == version_key), None)
    else:
        version = document.version(lang) if lang else (document.version("en") or document.version())
    if version is None:
        raise UsageError(f"{document_id} has no version {version_key or lang!r}")
    structured = structure_version(document.id, version)
    provisions = [
        p
        for p in structured.provisions
        if provision_id is None or p.id == provision_id or p.id.startswith(f"{provision_id}.")
    ]
    if provision_id and not provisions:
        raise UsageError(f"{document_id}/{version.key} has no provision {provision_id!r}")
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
        f"{document.id} · {document.date} · {document.title} · {version.key} ({version.kind})"
    )
    for p in provisions:
        click.echo(f"\n[{p.id}] {p.location}")
        for s in p.sentences:
            click.echo(f"  {s.index:>2}. {s.text}")
