"""``policydiff ingest FILES``: clean raw files and add them to the corpus, all or none."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from policydiff.cli.app import EXIT_INPUT, closed_pipe, main, say
from policydiff.cli.options import corpus_option
from policydiff.errors import PolicydiffError

if TYPE_CHECKING:
    from policydiff.ingest.pipeline import Ingester, IngestOptions, IngestPlan


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@corpus_option
@click.option(
    "--date",
    default=None,
    help="Issue date: YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known; ~ after an estimate.",
)
@click.option("--title", default=None, help="Title of the document (English, or Chinese).")
@click.option("--issuer", "issuers", multiple=True, help="Issuing body (repeat for several).")
@click.option("--lang", default=None, help="Language of the file: en or zh.")
@click.option(
    "--kind", default=None, help="original or translation (default: zh original, en translation)."
)
@click.option("--source", default=None, help="Where the file came from (URL or citation).")
@click.option("--id", "document_id", default=None, help="Id for a new document.")
@click.option("--version-of", default=None, help="Link the file as a version of this document.")
@click.option(
    "--new-document", is_flag=True, help="Add as a new document even if it resembles one held."
)
@click.option(
    "--dry-run", is_flag=True, help="Show the clean text, metadata and removals; write nothing."
)
@click.option(
    "--keep-all", is_flag=True, help="Keep every line the cleaner would remove as web debris."
)
@click.option(
    "--accept-removals",
    is_flag=True,
    help="Remove web debris even when it is more than a twentieth of the file's text.",
)
@click.option(
    "--doc-number", default=None, help="Document number (发文字号), e.g. 建标〔2022〕53号."
)
@click.option(
    "--series",
    default=None,
    help="Series the document's timeline runs in (default: issuer level and jurisdiction).",
)
@click.option(
    "--parent",
    "parents",
    multiple=True,
    help="A held document this one implements (repeat for several); replaces the parents "
    "found from its citations.",
)
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
def ingest(
    files: tuple[Path, ...],
    corpus_path: Path,
    date: str | None,
    title: str | None,
    issuers: tuple[str, ...],
    lang: str | None,
    kind: str | None,
    source: str | None,
    document_id: str | None,
    version_of: str | None,
    new_document: bool,
    dry_run: bool,
    keep_all: bool,
    accept_removals: bool,
    doc_number: str | None,
    series: str | None,
    parents: tuple[str, ...],
    quiet: bool,
) -> None:
    """Clean FILES (text, HTML, .docx or PDF) and add them to the corpus.

    A file that is another version of a held document (the Chinese original,
    a second translation, a fragment) is linked to it; a duplicate is refused.
    Several files are added together or, if one cannot be, none of them.
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
        keep_all=keep_all,
        accept_removals=accept_removals,
        doc_number=doc_number,
        series=series,
        parents=parents,
    )
    try:
        if dry_run:
            ingester = Ingester(corpus_path)
            failures = _plan_all(ingester, files, options, dry_run=True)
            sys.exit(EXIT_INPUT if failures else 0)
        with Ingester.session(corpus_path) as ingester:
            for note in ingester.recovered:
                click.echo(f"note: {corpus_path}: {note}", err=True)
            failures = _plan_all(ingester, files, options, dry_run=False)
            if failures:
                if len(files) > 1:
                    click.echo(
                        f"error: nothing added: {failures} of {len(files)} files cannot be ingested",
                        err=True,
                    )
                sys.exit(EXIT_INPUT)
            plans = list(ingester.plans)
            ingester.commit()
    except PolicydiffError as exc:
        say(f"error: {exc}")
        sys.exit(EXIT_INPUT)
    except BrokenPipeError:
        closed_pipe()
    except OSError as exc:
        say(f"error: {exc.filename or corpus_path}: {exc.strerror or exc}")
        sys.exit(EXIT_INPUT)
    if not quiet:
        for plan in plans:
            _say_added(plan, corpus_path)


def _plan_all(
    ingester: Ingester, files: tuple[Path, ...], options: IngestOptions, *, dry_run: bool
) -> int:
    """Plan every file, saying what is wrong with each; how many cannot be added."""
    failures = 0
    for path in files:
        try:
            plan = ingester.plan(path, options)
        except PolicydiffError as exc:
            say(f"error: {exc}")
            failures += 1
            continue
        if dry_run:
            _print_dry_run(plan)
        elif plan.problems:
            say(f"error: {plan.path}: {'; '.join(plan.problems)}")
            failures += 1
    return failures


def _say_added(plan: IngestPlan, corpus_path: Path) -> None:
    document = plan.document
    assert document is not None
    if plan.action == "new document":
        what = f"new document {document.id} ({document.shown_date})"
        written = corpus_path / document.id
    else:
        what = f"version {plan.version.key} of {document.id}" + (
            "" if plan.version.complete else " (partial)"
        )
        written = corpus_path / document.id / plan.version.filename
    click.echo(
        f"{plan.path}: added as {what} -> {written} [{len(plan.removed)} pieces of debris removed]",
        err=True,
    )
    for note in plan.notes:
        click.echo(f"  note: {note}", err=True)
    if not document.issuers:
        click.echo("  note: issuers unknown: none named in the text; pass --issuer", err=True)
    if plan.action == "new version":
        click.echo(f"  linked because: {'; '.join(plan.decision.evidence)}", err=True)


def _print_dry_run(plan: IngestPlan) -> None:
    from policydiff.ingest.clean import REASONS

    version, meta = plan.version, plan.metadata
    status = plan.action if not plan.problems else f"{plan.action}, once what is missing is given"
    click.echo(
        f"# {plan.path}: would be added as {status} ({plan.raw.format}, {plan.raw.encoding})"
    )
    fields = plan.fields
    if plan.document is not None:
        doc = plan.document
        fields = {
            "id": doc.id,
            "title": doc.title,
            "title_zh": doc.title_zh,
            "doc_number": doc.doc_number,
            "issuers": ", ".join(doc.issuers) or "unknown",
            "level": doc.level,
            "jurisdiction": doc.jurisdiction,
            "date": doc.date_text,
            "series": doc.series,
            "parents": ", ".join(doc.parents or ()),
        }
    click.echo(f"document: {fields.get('id') or '?'}")
    for name in (
        "title", "title_zh", "doc_number", "issuers", "level", "jurisdiction", "date", "series",
        "parents",
    ):  # fmt: skip
        value = fields.get(name, "")
        if value or name in ("title", "issuers", "date"):
            click.echo(f"  {name}: {value or '?'}")
    click.echo(
        f"version: {version.key} lang={version.lang} kind={version.kind} "
        f"complete={'yes' if version.complete else 'no (partial)'} source={version.source}"
    )
    if plan.decision.evidence:
        click.echo(f"  link evidence: {'; '.join(plan.decision.evidence)}")
    click.echo(
        f"read from the text: title={meta.title or '-'!s} title_zh={meta.title_zh or '-'} "
        f"date={meta.date or '-'} issuers={', '.join(meta.issuers) or '-'} lang={meta.lang}"
        f" doc_number={meta.doc_number or '-'} level={meta.level or '-'}"
        f" jurisdiction={meta.jurisdiction or '-'}"
    )
    for problem in plan.problems:
        click.echo(f"missing: {problem}")
    for note in plan.notes:
        click.echo(f"note: {note}")
    click.echo(f"removed ({len(plan.removed)}):")
    for item in plan.removed:
        reason = REASONS.get(item.kind, item.kind)
        where = f"line {item.line:>4}" if item.line else "page     "
        click.echo(f"  {where} {item.kind:<18} {item.text[:90]}  [{reason}]")
    click.echo("clean text:")
    click.echo(version.text, nl=False)
