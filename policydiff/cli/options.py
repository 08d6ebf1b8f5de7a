"""Options every command shares, each defined once, and the console they print through."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

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


WORKER_CORPUS = "policydiff.worker_corpus"


def _keep_worker_corpus(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    ctx.meta[WORKER_CORPUS] = value


def engine_options(func: F) -> F:
    """``--engine``, ``--scheduler`` and ``--worker-corpus``: where the per-document
    analyses run, and where their workers read the texts (kept in the click context's
    meta for :func:`policydiff.cli.session.engine_for`)."""
    func = click.option(
        "--worker-corpus",
        metavar="PATH|URL",
        default=None,
        expose_value=False,
        callback=_keep_worker_corpus,
        help="Where the Dask workers read this corpus themselves: a folder they see or an "
        "fsspec URL (s3://bucket/corpus). Default: the corpus path when every worker sees "
        "it, else the texts are sent with the tasks. Each text is checked against this "
        "machine's copy.",
    )(func)
    func = click.option(
        "--scheduler",
        "scheduler",
        metavar="ADDRESS",
        default=None,
        help="Run the analysis on the Dask cluster of this scheduler (tcp://HOST:PORT; "
        "default: $DASK_SCHEDULER_ADDRESS); implies --engine dask.",
    )(func)
    return click.option(
        "--engine",
        "engine",
        type=click.Choice(["local", "dask"]),
        default=None,
        help="local: this machine's processes (--jobs); dask: a Dask cluster, --scheduler's "
        "or one started here with --jobs workers. Default: dask when a scheduler is "
        "given, else local. Same output either way.",
    )(func)


def no_cache_option(func: F) -> F:
    return click.option(
        "--no-cache",
        is_flag=True,
        help="Neither read nor write the analysis cache (.policydiff/cache.sqlite).",
    )(func)


def out_option(func: F) -> F:
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=Path("reports"),
        show_default=True,
        help="Folder to write to.",
    )(func)


def quiet_option(func: F) -> F:
    return click.option("-q", "--quiet", is_flag=True, help="Nothing on stderr but errors.")(func)


def output_option(help_text: str) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        return click.option(
            "-o",
            "--output",
            type=click.Path(path_type=Path, dir_okay=False),
            default=None,
            help=help_text,
        )(func)

    return decorate


# Columns of a table written to a file or a pipe, when COLUMNS does not say: wide enough
# that a document's id and title are not cut.
PIPED_WIDTH = 120


def console(color: bool | None, *, stderr: bool = False, file: Any = None) -> Any:
    """A rich console: colour only on a terminal unless --color/--no-color says otherwise;
    the terminal's width on a terminal, else COLUMNS or :data:`PIPED_WIDTH`."""
    import os

    from rich.console import Console

    stream = file or (sys.stderr if stderr else sys.stdout)
    width = None
    if not (hasattr(stream, "isatty") and stream.isatty()) and not os.environ.get("COLUMNS"):
        width = PIPED_WIDTH
    if color is None:
        return Console(stderr=stderr, file=file, highlight=False, width=width)
    return Console(
        stderr=stderr,
        file=file,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        width=width,
    )


def emit(text: str, output: Path | None) -> None:
    """``text`` to stdout, or written atomically to ``output`` (said on stderr)."""
    if output is None:
        click.echo(text, nl=False)
        return
    from policydiff.runtime.files import write_atomic

    write_atomic(output, text)
    click.echo(f"wrote {output}", err=True)
