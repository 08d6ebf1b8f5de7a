"""Commands that build and inspect the corpus: ingest, list, show."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from policydiff.cli import (
    EXIT_INPUT,
    analysis_cache,
    color_option,
    console,
    corpus_option,
    fail_cleanly,
    format_option,
    load,
    main,
    no_cache_option,
)
from policydiff.errors import PolicydiffError

if TYPE_CHECKING:
    from policydiff.ingest.pipeline import Ingester


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@corpus_option
@click.option("--date", default="", help="Issue date, YYYY-MM-DD.")
@click.option("--title", default="", help="English title of the document.")
@click.option("--issuer", "issuers", multiple=True, help="Issuing body (repeat for several).")
@click.option("--lang", default="", help="Language of the file: en or zh.")
@click.option(
    "--kind", default="", help="original or translation (default: zh original, en translation)."
)
@click.option("--source", default="", help="Where the file came from (URL or citation).")
@click.option("--id", "document_id", default="", help="Id for a new document.")
@click.option("--version-of", default="", help="Link the file as a version of this document.")
@click.option(
    "--new-document", is_flag=True, help="Add as a new document even if it resembles one held."
)
@click.option(
    "--dry-run", is_flag=True, help="Show the clean text, metadata and removals; write nothing."
)
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
def ingest(
    files: tuple[Path, ...],
    corpus_path: Path,
    date: str,
    title: str,
    issuers: tuple[str, ...],
    lang: str,
    kind: str,
    source: str,
    document_id: str,
    version_of: str,
    new_document: bool,
    dry_run: bool,
    quiet: bool,
) -> None:
    """Clean FILES (text, HTML, .docx or PDF) and add them to the corpus.

    A file that is another version of a held document (the Chinese original,
    a second translation, a fragment) is linked to it; a duplicate is refused.
    """
    from policydiff.ingest.pipeline import Ingester, IngestOptions

    options = IngestOptions(
        date=date,
        title=title,
        issuers=issuers,
        lang=lang,
        kind=kind,
        source=source,
        document_id=document_id,
        version_of=version_of,
        new_document=new_document,
    )
    failures = 0
    # The corpus is read once and kept up to date in memory as files are added; after
    # any error it is read again from disk.
    ingester: Ingester | None = None
    for path in files:
        try:
            if ingester is None:
                ingester = Ingester(corpus_path)
            plan = ingester.plan(path, options)
            if dry_run:
                _print_dry_run(plan)
                continue
            written = ingester.apply(plan)
        except PolicydiffError as exc:
            click.echo(f"error: {exc}", err=True)
            failures += 1
            ingester = None
            continue
        if not quiet:
            what = (
                f"new document {plan.document.id} ({plan.document.date})"
                if plan.action == "new document"
                else f"version {plan.version.key} of {plan.document.id}"
                + ("" if plan.version.complete else " (partial)")
            )
            click.echo(
                f"{path}: added as {what} -> {written} "
                f"[{len(plan.removed)} pieces of debris removed]",
                err=True,
            )
            for note in plan.notes:
                click.echo(f"  note: {note}", err=True)
            if plan.action == "new version":
                click.echo(f"  linked because: {'; '.join(plan.decision.evidence)}", err=True)
    if failures:
        sys.exit(EXIT_INPUT)


def _print_dry_run(plan: Any) -> None:
    doc, version, meta = plan.document, plan.version, plan.metadata
    click.echo(
        f"# {plan.path}: would be added as {plan.action} ({plan.raw.format}, {plan.raw.encoding})"
    )
    click.echo(f"document: {doc.id}")
    click.echo(f"  title: {doc.title}")
    if doc.title_zh:
        click.echo(f"  title_zh: {doc.title_zh}")
    click.echo(f"  issuers: {', '.join(doc.issuers)}")
    click.echo(f"  date: {doc.date}")
    click.echo(
        f"version: {version.key} lang={version.lang} kind={version.kind} "
        f"complete={'yes' if version.complete else 'no (partial)'} source={version.source}"
    )
    if plan.decision.evidence:
        click.echo(f"  link evidence: {'; '.join(plan.decision.evidence)}")
    click.echo(
        f"read from the text: title={meta.title or '-'!s} title_zh={meta.title_zh or '-'} "
        f"date={meta.date or '-'} issuers={', '.join(meta.issuers) or '-'} lang={meta.lang}"
    )
    for note in plan.notes:
        click.echo(f"note: {note}")
    click.echo(f"removed ({len(plan.removed)}):")
    for item in plan.removed:
        click.echo(f"  line {item.line:>4} {item.kind:<18} {item.text[:90]}")
    click.echo("clean text:")
    click.echo(version.text, nl=False)


@main.command(name="list")
@corpus_option
@format_option("table", "json")
@color_option
@no_cache_option
@fail_cleanly
def list_command(corpus_path: Path, output_format: str, color: bool | None, no_cache: bool) -> None:
    """List the documents of the corpus: id, date, title, versions, provisions, sentences."""
    from policydiff.summary import summarise, summary_json

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
