"""``policydiff diff OLD NEW``: the provision-aligned word diff of two versions."""

from __future__ import annotations

from dataclasses import replace
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
    themes_file_option,
)
from policydiff.cli.session import load

if TYPE_CHECKING:
    from policydiff.lineage import Edge
    from policydiff.models import Document, Version
    from policydiff.restatement.compare import Comparison
    from policydiff.themes import Catalogue


@main.command()
@click.argument("old")
@click.argument("new")
@corpus_option
@click.option(
    "--theme",
    default=None,
    help="Only provisions mentioning this theme (id or label); across documents, only the "
    "commitments about it.",
)
@themes_file_option
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
    theme_files: tuple[Path, ...],
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
    JSON holds every op of each changed provision (unchanged ones are counted, as
    unchanged_count); the other formats elide unchanged text beyond --context words.
    A version marked partial (complete: false) is said to be: a provision only the other
    side has may just be missing from it.
    Two documents (a province's plan and the ministry's, or successive documents of one
    series) whose provisions do not correspond (on average less than half their words
    alike, a provision only one has counting as not alike) are diffed commitment by
    commitment instead, as `compare` pairs them: each sentence beside its counterpart
    with the word diff and the cue change, unmatched ones listed as such (English
    versions read word by word, every verdict marked check).  Where they do correspond,
    the cue lines are still `compare`'s verdicts on the old document's commitments.
    """
    from policydiff.diff import diff_documents, fold_unchanged
    from policydiff.lineage import build_lineage
    from policydiff.restatement.compare import related
    from policydiff.restatement.provision_diff import (
        correspondence,
        pairs_commitments,
        shown_correspondence,
    )
    from policydiff.structure import structure_version
    from policydiff.themes.catalogue import corpus_catalogue, resolve_theme

    corpus = load(corpus_path)
    catalogue = corpus_catalogue(corpus_path, theme_files)
    if theme:
        theme = resolve_theme(catalogue, theme).id
    old_doc, old_version = corpus.resolve(old, lang)
    new_doc, new_version = corpus.resolve(new, lang)
    old_structured = structure_version(old_doc.id, old_version)
    new_structured = structure_version(new_doc.id, new_version)
    one_document = old_doc.id == new_doc.id
    # versions of one document always correspond; two documents, even successive ones of
    # one series, are aligned whole once, to measure how far they do
    whole = (
        diff_documents(old_structured, new_structured, catalogue=catalogue, include_unchanged=True)
        if by != "commitments" and not one_document
        else None
    )
    alike = correspondence(whole) if whole is not None else None
    # how the two relate in the lineage, for every diff across documents
    lineage = build_lineage(corpus.documents) if by == "commitments" or alike is not None else None
    edge = lineage.edge(new_doc.id, old_doc.id) if lineage else None
    if pairs_commitments(by, alike):
        comparison = _compared(
            (old_doc, old_version), (new_doc, new_version), catalogue, theme,
            citation=edge, with_ops=True,
        )  # fmt: skip
        assert lineage is not None
        shown = shown_correspondence(alike) if alike is not None else None
        comparison = replace(related(comparison, lineage), correspondence=shown)
        _by_commitments(comparison, output_format, output, color)
        return
    if whole is not None and theme is None:
        result = fold_unchanged(whole)  # the same alignment, not made twice
    else:
        result = diff_documents(old_structured, new_structured, catalogue=catalogue, theme=theme)
    if alike is not None:
        # compare's verdicts under each provision, so `diff` and `compare` agree
        from policydiff.restatement.provision_diff import with_commitments

        comparison = _compared(
            (old_doc, old_version), (new_doc, new_version), catalogue, None, citation=edge
        )
        assert lineage is not None
        result = with_commitments(result, related(comparison, lineage), alike)
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


def _compared(
    old: tuple[Document, Version],
    new: tuple[Document, Version],
    catalogue: Catalogue,
    theme: str | None,
    *,
    citation: Edge | None = None,
    with_ops: bool = False,
) -> Comparison:
    """How the ``new`` version restates the ``old`` one (with ``theme``, the commitments
    about it)."""
    from policydiff.restatement.compare import compare_clauses, document_clauses
    from policydiff.restatement.provision_diff import about_theme

    comparison = compare_clauses(
        document_clauses(old[0], catalogue, parent=True, version=old[1]),
        document_clauses(new[0], catalogue, version=new[1]),
        citation,
        with_ops=with_ops,
    )
    return about_theme(comparison, theme)


def _by_commitments(
    comparison: Comparison, output_format: str, output: Path | None, color: bool | None
) -> None:
    import io

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
