"""The ``policydiff`` command group, and how the core's errors reach the user.

Exit codes: 0 clean, 1 findings (a check failed), 2 usage or input error.
stdout carries data (tables, JSON, text); stderr carries messages.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from policydiff import __version__
from policydiff.errors import PolicydiffError
from policydiff.runtime.memory import collect_garbage_rarely

EXIT_INPUT = 2
# What a shell reports for a program stopped by SIGPIPE: the reader of stdout went away.
EXIT_CLOSED_PIPE = 128 + 13
EXIT_INTERRUPTED = 128 + 2  # ... and for one stopped by SIGINT

F = TypeVar("F", bound=Callable[..., Any])


# click 8.2 raises this for a group called with no arguments; earlier versions print the
# help themselves
NO_ARGS_IS_HELP: type[click.UsageError] = getattr(
    click.exceptions, "NoArgsIsHelpError", type("_Never", (click.UsageError,), {})
)


class _OneLineErrors(click.Group):
    """click's own errors (a bad option value, a missing argument) as the core's are: one
    line on stderr, "error: …", exit 2, rather than a usage block; an interrupt (Ctrl-C)
    exits 130, as a shell reports a program stopped by SIGINT."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("standalone_mode", True):
            return super().main(*args, **kwargs)
        try:
            code = super().main(*args, **{**kwargs, "standalone_mode": False})
        except NO_ARGS_IS_HELP as exc:  # `policydiff` alone: its help, as click prints it
            if exc.ctx is not None:
                click.echo(exc.ctx.get_help())
            sys.exit(0)
        except click.UsageError as exc:
            hint = f" (see {exc.ctx.command_path} --help)" if exc.ctx else ""
            say(f"error: {exc.format_message()}{hint}")
            sys.exit(EXIT_INPUT)
        except click.ClickException as exc:
            say(f"error: {exc.format_message()}")
            sys.exit(exc.exit_code)
        except click.Abort:
            say("error: interrupted")
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policydiff")
def main() -> None:
    """Show, with evidence, how the commitments of successive policy documents changed."""
    collect_garbage_rarely()


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def printable(text: str) -> str:
    """``text`` with control characters written as escapes: a file name or a document's
    text must not move the cursor, recolour or reorder the user's terminal."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


def say(message: str) -> None:
    """One line on stderr, made printable."""
    click.echo(printable(message), err=True)


def fail_cleanly(func: F) -> F:
    """Turn the core's errors into one line on stderr and exit 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BrokenPipeError:
            closed_pipe()
        except PolicydiffError as exc:
            say(f"error: {exc}")
            sys.exit(EXIT_INPUT)
        except OSError as exc:
            where = os.fsdecode(exc.filename) if exc.filename else "policydiff"
            problem = exc.strerror or str(exc)
            blocking = _file_in_the_way(exc)
            if blocking:
                # a folder an output goes in could not be made: a file has its name
                where, problem = blocking, "a file, where a folder is needed"
            say(f"error: {where}: {problem}")
            sys.exit(EXIT_INPUT)

    return wrapper  # type: ignore[return-value]


def _file_in_the_way(exc: OSError) -> str:
    """The file standing where a folder of ``exc``'s path should be, when that is why
    making the path failed ("" otherwise): the path itself, or its nearest existing
    ancestor."""
    if not isinstance(exc, FileExistsError | NotADirectoryError) or not exc.filename:
        return ""
    path = os.fsdecode(exc.filename)
    while not os.path.lexists(path):
        parent = os.path.dirname(path)
        if parent == path:
            return ""
        path = parent
    return path if os.path.isfile(path) else ""  # a pipe or a device: said as it is


def closed_pipe() -> None:
    """Stop quietly when the reader of stdout has gone (``policydiff show X | head``): no
    message, and no second error when Python flushes stdout on the way out."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_CLOSED_PIPE)
