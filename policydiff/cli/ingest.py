"""``policydiff ingest FILES``: clean raw files and add them to the corpus."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from policydiff.cli.app import EXIT_INPUT, main
from policydiff.cli.options import corpus_option
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
