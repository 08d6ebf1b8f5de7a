"""``policydiff compare PARENT CHILD``: how a child document restates its parent's
commitments; ``compare PARENT --children``: the fidelity of every child at once."""

from __future__ import annotations

import io
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
    themes_file_option,
)
from policydiff.cli.session import load

VERDICT_NAMES = ("restated", "strengthened", "weakened", "omitted", "added")


@main.command()
@click.argument("parent")
@click.argument("child", required=False)
@corpus_option
@click.option(
    "--children",
    is_flag=True,
    help="Compare PARENT with every document that implements it (its children in the lineage).",
)
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None, help="Read this language.")
@click.option(
    "--only",
    default="",
    help="Comma-separated verdicts to show (restated, strengthened, weakened, omitted, added).",
)
@format_option("terminal", "markdown", "html", "json")
@output_option("Write to this file (atomically) instead of stdout.")
@click.option(
    "--chart",
    "chart_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="With --children: also draw the fidelity heatmap (PNG and SVG) into this folder.",
)
@themes_file_option
@color_option
@fail_cleanly
def compare(
    parent: str,
    child: str | None,
    corpus_path: Path,
    children: bool,
    lang: str | None,
    only: str,
    output_format: str,
    output: Path | None,
    chart_dir: Path | None,
    theme_files: tuple[Path, ...],
    color: bool | None,
) -> None:
    """How CHILD restates each commitment of PARENT: restated, strengthened, weakened or
    omitted, with both sentences, their cues and targets; and CHILD's additions.

    Commitments are clauses (one directive on one object), matched by what they are
    about, not by provision numbers. With --children instead of CHILD: a matrix of
    PARENT's commitments x every child, with each child's shares.
    """
    from policydiff.errors import UsageError
    from policydiff.lineage import build_lineage

    wanted = tuple(v.strip() for v in only.split(",") if v.strip())
    unknown = [v for v in wanted if v not in VERDICT_NAMES]
    if unknown:
        raise UsageError(f"--only {unknown[0]!r}: use {', '.join(VERDICT_NAMES)}")
    if children == (child is not None):
        raise UsageError("give either CHILD or --children")
    if chart_dir is not None and not children:
        raise UsageError("--chart draws the fidelity heatmap of --children")
    corpus = load(corpus_path)
    parent_doc, _ = corpus.resolve(parent)
    lineage = build_lineage(corpus.documents)
    from policydiff.themes.catalogue import corpus_catalogue

    catalogue = corpus_catalogue(corpus_path, theme_files)
    if children:
        raise UsageError("--children: not yet")
    assert child is not None
    child_doc, _ = corpus.resolve(child)
    from policydiff.restatement.compare import compare_documents

    comparison = compare_documents(
        parent_doc,
        child_doc,
        catalogue,
        citation=lineage.edge(child_doc.id, parent_doc.id),
        lang=lang,
        with_ops=output_format != "json",
    )
    if output_format == "json":
        from policydiff.render.restatement_json import restatement_json

        emit(restatement_json(comparison), output)
        return
    if output_format in ("markdown", "html"):
        from policydiff.render.restatement_formats import restatement_html, restatement_markdown

        render = restatement_markdown if output_format == "markdown" else restatement_html
        emit(render(comparison, only=wanted), output)
        return
    from policydiff.render.terminal.restatement import print_restatement

    if output is None:
        print_restatement(comparison, console(color), only=wanted)
        return
    buffer = io.StringIO()
    print_restatement(comparison, console(False, file=buffer), only=wanted)
    emit(buffer.getvalue(), output)
