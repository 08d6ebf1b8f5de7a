"""``policydiff compare PARENT CHILD``: how a child document restates its parent's
commitments; ``compare PARENT --children``: the fidelity of every child at once."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import click

from policydiff.cli.app import fail_cleanly, main
from policydiff.cli.options import (
    color_option,
    console,
    corpus_option,
    emit,
    engine_options,
    format_option,
    jobs_option,
    output_option,
    themes_file_option,
)
from policydiff.cli.session import engine_for, load

if TYPE_CHECKING:
    from policydiff.corpus import Corpus
    from policydiff.lineage import Lineage
    from policydiff.restatement.fidelity import Fidelity
    from policydiff.runtime.engine import Engine
    from policydiff.themes import Catalogue

VERDICT_NAMES = ("restated", "strengthened", "weakened", "omitted", "added")


@main.command()
@click.argument("parent", required=False)
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
    help="With CHILD: comma-separated verdicts to show (restated, strengthened, weakened, "
    "omitted, added).",
)
@click.option(
    "--to-check",
    is_flag=True,
    help="With CHILD: show only the verdicts to check by reading (not marked sure).",
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
@click.option(
    "--gold",
    "gold_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Measure compare against this restatement gold file (policydiff.restatement-gold/1) "
    "instead; exit 1 below --min-agreement.",
)
@click.option(
    "--second-reading",
    "second_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="With --gold: another reader's gold file of the same commitments; also report how "
    "often the two readers agree (Cohen's kappa) and how often compare agrees with both "
    "where they do.",
)
@click.option(
    "--min-agreement",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="With --gold: the share of verdicts that must agree.",
)
@themes_file_option
@jobs_option
@engine_options
@color_option
@fail_cleanly
def compare(
    parent: str | None,
    child: str | None,
    corpus_path: Path,
    children: bool,
    lang: str | None,
    only: str,
    to_check: bool,
    output_format: str,
    output: Path | None,
    chart_dir: Path | None,
    gold_file: Path | None,
    second_file: Path | None,
    min_agreement: float,
    theme_files: tuple[Path, ...],
    jobs: int,
    engine: str | None,
    scheduler: str | None,
    color: bool | None,
) -> None:
    """How CHILD restates each commitment of PARENT: restated, strengthened, weakened or
    omitted, with both sentences, their cues and targets; and CHILD's additions and second
    mentions (clauses as like a commitment as its restatement, another clause taken; shown
    with the additions, --only added). Each verdict is marked sure or check (with what to
    check); --to-check shows the latter.

    Commitments are clauses (one directive on one object), matched by what they are
    about, not by provision numbers. With --children instead of CHILD: a matrix of
    PARENT's commitments x every child, with each child's shares (each child compared
    by --engine, in --jobs processes or on a Dask cluster). With --gold FILE
    (and no PARENT): the agreement of these verdicts with hand annotations.

    PARENT and CHILD are document ids (the version --lang picks) or DOC:KEY for one
    version. Chinese originals are read; English versions (--lang en) only word by
    word, with no synonyms, so every English verdict is marked check (docs/lineage.md).
    """
    from policydiff.errors import UsageError
    from policydiff.lineage import build_lineage

    wanted = tuple(v.strip() for v in only.split(",") if v.strip())
    unknown = [v for v in wanted if v not in VERDICT_NAMES]
    if unknown:
        raise UsageError(f"--only {unknown[0]!r}: use {', '.join(VERDICT_NAMES)}")
    from policydiff.restatement.compare import Selection

    shown = Selection(wanted, to_check)
    if (wanted or to_check) and (children or gold_file is not None):
        # a matrix shows every cell, a measurement every pair: neither selects
        raise UsageError("--only and --to-check select the verdicts of one PARENT CHILD comparison")
    if second_file is not None and gold_file is None:
        raise UsageError("--second-reading needs --gold, the first reading")
    if gold_file is not None:
        if parent or child or children:
            raise UsageError("--gold reads the parent and children from the gold file")
        if output_format in ("markdown", "html"):
            raise UsageError(f"--gold writes text or json, not {output_format}")
        _measure(
            corpus_path, gold_file, second_file, theme_files, output_format, output, min_agreement
        )
        return
    if parent is None:
        raise UsageError("give PARENT and CHILD, PARENT --children, or --gold FILE")
    if children == (child is not None):
        raise UsageError("give either CHILD or --children")
    if chart_dir is not None and not children:
        raise UsageError("--chart draws the fidelity heatmap of --children")
    corpus = load(corpus_path)
    parent_doc, parent_version = corpus.resolve(parent)
    lineage = build_lineage(corpus.documents)
    from policydiff.themes.catalogue import corpus_catalogue

    catalogue = corpus_catalogue(corpus_path, theme_files)
    if children:
        with engine_for(engine, scheduler, jobs) as runner:
            matrix = _fidelity_matrix(corpus, lineage, parent_doc.id, catalogue, lang, runner)
        _show_fidelity(matrix, output_format, output, chart_dir, color)
        return
    assert child is not None
    child_doc, child_version = corpus.resolve(child)
    from policydiff.restatement.compare import compare_clauses, document_clauses, related
    from policydiff.restatement.fidelity import compare_child

    # a version named by its key (DOC:KEY) is the one read; else --lang picks one
    keyed = parent_version if ":" in parent else None
    read = document_clauses(parent_doc, catalogue, None, lang, parent=True, version=keyed)
    edge = lineage.edge(child_doc.id, parent_doc.id)
    if ":" in child:
        child_read = document_clauses(child_doc, catalogue, None, lang, version=child_version)
        comparison = compare_clauses(read, child_read, edge, with_ops=True)
    else:
        with engine_for(engine, scheduler, jobs) as runner:
            [comparison] = runner.map(
                compare_child,
                [(child_doc, edge)],
                (read, catalogue, None, lang, True),
            )
    comparison = related(comparison, lineage)
    if output_format == "json":
        from policydiff.render.restatement_json import restatement_json

        emit(restatement_json(comparison, shown), output)
        return
    if output_format in ("markdown", "html"):
        from policydiff.render.restatement_formats import restatement_html, restatement_markdown

        render = restatement_markdown if output_format == "markdown" else restatement_html
        emit(render(comparison, shown), output)
        return
    from policydiff.render.terminal.restatement import print_restatement

    if output is None:
        print_restatement(comparison, console(color), shown)
        return
    buffer = io.StringIO()
    print_restatement(comparison, console(False, file=buffer), shown)
    emit(buffer.getvalue(), output)


def _measure(
    corpus_path: Path,
    gold_file: Path,
    second_file: Path | None,
    theme_files: tuple[Path, ...],
    output_format: str,
    output: Path | None,
    min_agreement: float,
) -> None:
    import sys

    from policydiff.evaluate.restatement import compare_readers, measure, read_gold
    from policydiff.render.restatement_eval import agreement_json, agreement_text
    from policydiff.themes.catalogue import corpus_catalogue

    gold = read_gold(gold_file)
    second = read_gold(second_file) if second_file is not None else None
    readers = compare_readers(gold, second) if second is not None else None
    corpus = load(corpus_path)
    catalogue = corpus_catalogue(corpus_path, theme_files)
    agreement = measure(gold, corpus, catalogue)
    render = agreement_json if output_format == "json" else agreement_text
    text = render(agreement, readers)
    emit(text, output)
    if agreement.rate < min_agreement:
        click.echo(
            f"agreement {agreement.agreed}/{len(agreement.cases)} ({agreement.rate:.1%}) with "
            f"{gold_file} is below --min-agreement {min_agreement:.1%}",
            err=True,
        )
        sys.exit(1)


def _fidelity_matrix(
    corpus: Corpus,
    lineage: Lineage,
    parent_id: str,
    catalogue: Catalogue,
    lang: str | None,
    engine: Engine,
) -> Fidelity:
    from policydiff.errors import UsageError
    from policydiff.restatement.fidelity import fidelity

    children = [corpus.get(i) for i in lineage.children(parent_id)]
    if not children:
        raise UsageError(
            f"{parent_id} has no children in the lineage (see `policydiff lineage`); "
            "declare them with `ingest --parent`"
        )
    parent = corpus.get(parent_id)
    assert parent is not None
    held = [c for c in children if c is not None]
    return fidelity(parent, held, catalogue, lineage, lang=lang, engine=engine)


def _show_fidelity(
    matrix: Fidelity,
    output_format: str,
    output: Path | None,
    chart_dir: Path | None,
    color: bool | None,
) -> None:
    charts: dict[str, bytes] = {}
    if chart_dir is not None:
        from policydiff.render.fidelity_chart import draw_fidelity
        from policydiff.render.report import write_charts

        charts = draw_fidelity(matrix)
        chart_dir.mkdir(parents=True, exist_ok=True)
        write_charts(charts, chart_dir, wrote=lambda p: click.echo(f"wrote {p}", err=True))
    if output_format == "json":
        from policydiff.render.fidelity_formats import fidelity_json

        emit(fidelity_json(matrix), output)
        return
    if output_format == "markdown":
        from policydiff.render.fidelity_chart import chart_name
        from policydiff.render.fidelity_formats import fidelity_markdown

        png = f"{chart_name(matrix)}.png" if charts else None
        emit(fidelity_markdown(matrix, png, level=1), output)
        return
    if output_format == "html":
        from policydiff.render.fidelity_formats import fidelity_page

        emit(fidelity_page(matrix, charts), output)
        return
    from policydiff.render.terminal.fidelity import print_fidelity

    if output is None:
        print_fidelity(matrix, console(color))
        return
    buffer = io.StringIO()
    print_fidelity(matrix, console(False, file=buffer))
    emit(buffer.getvalue(), output)
