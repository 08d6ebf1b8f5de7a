"""The command line: the only package that parses arguments, prints and picks exit codes.

Exit codes: 0 clean, 1 findings (a check failed), 2 usage or input error.
stdout carries data (tables, JSON, text); stderr carries messages.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from policydiff import __version__
from policydiff.errors import PolicydiffError

EXIT_FINDINGS = 1
EXIT_INPUT = 2

F = TypeVar("F", bound=Callable[..., Any])


def corpus_option(func: F) -> F:
    return click.option(
        "--corpus",
        "corpus_path",
        type=click.Path(path_type=Path, file_okay=False),
        default=Path("corpus"),
        show_default=True,
        envvar="POLICYDIFF_CORPUS",
        help="Corpus folder.",
    )(func)


def format_option(*choices: str) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(choices),
            default=choices[0],
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


def color_option(func: F) -> F:
    return click.option(
        "--color/--no-color",
        default=None,
        help="Force colour on or off (default: colour only on a terminal).",
    )(func)


def themes_file_option(func: F) -> F:
    return click.option(
        "--themes",
        "theme_files",
        multiple=True,
        type=click.Path(path_type=Path, dir_okay=False),
        help="Extra theme catalogue (YAML); repeatable, later files override by id. "
        "corpus/themes.yaml is read first when it exists.",
    )(func)


def jobs_option(func: F) -> F:
    return click.option(
        "--jobs",
        "-j",
        "jobs",
        type=click.IntRange(min=0),
        default=0,
        show_default=True,
        envvar="POLICYDIFF_JOBS",
        help="Work in this many processes (0: one per CPU); the output is the same as with one.",
    )(func)


def no_cache_option(func: F) -> F:
    return click.option(
        "--no-cache",
        is_flag=True,
        help="Neither read nor write the analysis cache (.policydiff/cache.sqlite).",
    )(func)


@contextlib.contextmanager
def analysis_cache(corpus_path: Path, no_cache: bool) -> Iterator[Any]:
    """The analysis cache beside the corpus (or a disabled one); says so when it was rebuilt."""
    from policydiff.cache import AnalysisCache

    # --no-cache: counts are still kept for the run (the overview reads them), not commitments
    opened = (
        AnalysisCache(None, keep_commitments=False)
        if no_cache
        else AnalysisCache.for_corpus(corpus_path)
    )
    with opened as cache:
        if cache.rebuilt:
            click.echo(f"warning: {cache.path}: cache was corrupt; rebuilt it", err=True)
        yield cache


def fail_cleanly(func: F) -> F:
    """Turn the core's errors into one line on stderr and exit 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PolicydiffError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_INPUT)
        except OSError as exc:
            where = exc.filename or "policydiff"
            click.echo(f"error: {where}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_INPUT)

    return wrapper  # type: ignore[return-value]


def console(color: bool | None, *, stderr: bool = False, file: Any = None) -> Any:
    """A rich console: colour only on a terminal unless --color/--no-color says otherwise."""
    from rich.console import Console

    if color is None:
        return Console(stderr=stderr, file=file, highlight=False)
    return Console(
        stderr=stderr, file=file, force_terminal=color, no_color=not color, highlight=False
    )


def load(corpus_path: Path) -> Any:
    from policydiff.corpus import load_corpus

    return load_corpus(corpus_path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policydiff")
def main() -> None:
    """Show, with evidence, how the commitments of successive policy documents changed."""
    collect_garbage_rarely()


# Allocations between two young-generation collections (CPython's default is 700).
GC_THRESHOLD = 100_000


def collect_garbage_rarely() -> None:
    """Commands build large, almost acyclic structures (an evolution, a report) and then
    exit. At CPython's default thresholds the cycle collector walks them again and again:
    a third of a warm report of 1,000 documents went to it. Collecting every 100,000
    allocations instead keeps that to a few percent; the rare cycles are still freed.
    Worker processes of --jobs take the setting over (see ``policydiff.jobs.start_pool``)."""
    gc.set_threshold(GC_THRESHOLD, 50, 100)


@contextlib.contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """No cycle collection inside: for rendering, which builds text and the acyclic dicts of
    evolution.json from an evolution that lives until the command ends, so a collection
    there frees nothing and only walks what was just built (0.3-0.5 s of a report of
    1,000 documents, even at :data:`GC_THRESHOLD`). Collection resumes after, for the
    few cycles left (figures drawn in this process)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


# Each module below adds its commands to ``main``; they import this module, so they come last.
from policydiff.cli import check, corpus, diff, evolution, report, themes, timeline  # noqa: E402,F401
