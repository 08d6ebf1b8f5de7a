"""``policydiff diff OLD NEW``: the provision-aligned word diff of two versions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from policydiff.diff import DocumentDiff
    from policydiff.lineage import Edge
    from policydiff.models import Document


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
@click.option(
    "--by",
    type=click.Choice(["auto", "provisions", "commitments"]),
    default="auto",
    show_default=True,
    help="Pair provisions (versions of one document), or commitments (different documents); "
    "auto: provisions where they correspond, else commitments.",
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
    by: str,
    output_format: str,
    output: Path | None,
    color: bool | None,
) -> None:
    """Word-level diff of OLD and NEW, provision by provision.

    OLD and NEW are document ids (their English version, or --lang) or DOC:KEY for one
    version, e.g. 2021-green-development-urban:en-2.  Both must be in one language.
    Commitment cues that changed are called out: ▲ strengthened, ▼ weakened.
    JSON holds every op; the other formats elide unchanged text beyond --context words.
    Documents of two series (a province's plan and the ministry's) whose provisions do
    not correspond (on average less than half their words alike, a provision only one
    has counting as not alike) are diffed commitment by commitment instead, as `compare`
    pairs them: each sentence beside its counterpart with the word diff and the cue
    change, unmatched ones listed as such.  Where they do correspond, the cue lines are
    still `compare`'s verdicts on the old document's commitments.
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
    one_timeline = _one_timeline(old_doc, new_doc)
    if by == "commitments" or (by == "auto" and not _corresponding(result, one_timeline)):
        from policydiff.lineage import build_lineage

        edge = build_lineage(corpus.documents).edge(new_doc.id, old_doc.id)
        _by_commitments(old_doc, new_doc, old_version.lang, edge, output_format, output, color)
        return
    if not one_timeline:
        result = _read_by_commitments(result, old_doc, new_doc, old_version.lang)
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


def _one_timeline(old: Document, new: Document) -> bool:
    """Versions of one document, or successive documents of one series."""
    from policydiff.lineage import series_of

    return old.id == new.id or series_of(old) == series_of(new)


def _corresponding(result: DocumentDiff, one_timeline: bool) -> bool:
    from policydiff.restatement.provision_diff import provisions_correspond

    return provisions_correspond(result, one_timeline)


def _read_by_commitments(
    result: DocumentDiff, old: Document, new: Document, lang: str
) -> DocumentDiff:
    """Two documents of different series whose provisions correspond: the cue lines are
    `compare`'s verdicts on the old one's commitments, so the two commands agree."""
    from policydiff.restatement.compare import compare_documents
    from policydiff.restatement.provision_diff import with_commitments
    from policydiff.themes.catalogue import load_catalogue

    return with_commitments(result, compare_documents(old, new, load_catalogue(), lang=lang))


def _by_commitments(
    old: Document,
    new: Document,
    lang: str,
    edge: Edge | None,
    output_format: str,
    output: Path | None,
    color: bool | None,
) -> None:
    import io

    from policydiff.restatement.compare import compare_documents
    from policydiff.themes.catalogue import load_catalogue

    comparison = compare_documents(
        old, new, load_catalogue(), citation=edge, lang=lang, with_ops=True
    )
    if output_format == "json":
        from policydiff.render.restatement_json import restatement_json

        emit(restatement_json(comparison), output)
        return
    if output_format in ("markdown", "html"):
        from policydiff.render.restatement_formats import restatement_html, restatement_markdown

        render = restatement_markdown if output_format == "markdown" else restatement_html
        emit(render(comparison), output)
        return
    from policydiff.render.terminal.restatement import print_restatement

    if output is None:
        print_restatement(comparison, console(color))
        return
    buffer = io.StringIO()
    print_restatement(comparison, console(False, file=buffer))
    emit(buffer.getvalue(), output)
