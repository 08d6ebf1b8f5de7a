"""``policydiff evaluate GOLD...``: policydiff's reading against hand annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from policydiff.cli.app import fail_cleanly, main
from policydiff.cli.options import emit, format_option, jobs_option, output_option
from policydiff.errors import UsageError


def _thresholds(values: tuple[str, ...]) -> dict[str, float]:
    from policydiff.evaluate import CLASSES

    out: dict[str, float] = {}
    for value in values:
        name, _, number = value.partition("=")
        name = name.strip().replace("-", " ")
        if name not in CLASSES:
            raise UsageError(f"--fail-under {value!r}: unknown class (use {', '.join(CLASSES)})")
        try:
            out[name] = float(number)
        except ValueError:
            raise UsageError(f"--fail-under {value!r}: not a number after =") from None
        if not 0 <= out[name] <= 1:
            raise UsageError(f"--fail-under {value!r}: a share from 0 to 1 (0.9 for 90%)")
    return out


@main.command()
@click.argument(
    "gold_files", metavar="GOLD...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--corpus",
    "corpus_path",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The corpus the annotations are about (default: the one each gold file names).",
)
@click.option(
    "--fail-under",
    "fail_under",
    multiple=True,
    metavar="CLASS=RATE",
    help="Exit 1 when a class agrees less often, e.g. strength=0.95 (repeatable).",
)
@format_option("text", "markdown", "json")
@output_option("Write to FILE instead of stdout.")
@jobs_option
@fail_cleanly
def evaluate(
    gold_files: tuple[Path, ...],
    corpus_path: Path | None,
    fail_under: tuple[str, ...],
    output_format: str,
    output: Path | None,
    jobs: int,
) -> None:
    """Compare policydiff's reading of a corpus with hand annotations (docs/annotation.md).

    Prints how often each class of claim agrees (presence, strength, verdicts, targets)
    and every disagreement, with both readings and their sentences.
    """
    from policydiff.analysis.build import build_evolution
    from policydiff.cli.session import analysis_cache, load
    from policydiff.evaluate import evaluate as run
    from policydiff.evaluate import load_gold
    from policydiff.render import evaluation_formats as formats
    from policydiff.themes.catalogue import corpus_catalogue

    limits = _thresholds(fail_under)
    golds = [load_gold(path, corpus_path) for path in gold_files]
    evolutions = {}
    pairs = []
    for gold in golds:
        folder = gold.corpus.resolve()
        if folder not in evolutions:
            with analysis_cache(folder, False) as cache:
                evolutions[folder] = build_evolution(
                    load(folder),
                    corpus_catalogue(folder, ()),
                    include_absent=True,
                    cache=cache,
                    jobs=jobs,
                )
        pairs.append((gold, evolutions[folder]))
    result = run(pairs)
    if output_format == "json":
        text = json.dumps(formats.evaluation_dict(result), ensure_ascii=False, indent=2) + "\n"
    elif output_format == "markdown":
        text = formats.evaluation_markdown(result)
    else:
        text = formats.evaluation_text(result)
    emit(text, output)
    below = [
        f"{s.name} {s.rate:.1%} < {limits[s.name]:.1%}"
        if s.rate is not None
        else f"{s.name} not measured (the gold has no case of it), below {limits[s.name]:.1%}"
        for s in result.scores
        # a class with no case has no rate: it meets a bar of 0 only
        if s.name in limits and (s.rate if s.rate is not None else 0.0) < limits[s.name]
    ]
    if below:
        click.echo(f"evaluate: below the bar: {'; '.join(below)}", err=True)
        sys.exit(1)
