"""The command line: the only package that parses arguments, prints and picks exit codes.

:mod:`.app` holds the command group, :mod:`.options` the options every command shares,
:mod:`.session` what a command that analyses sets up (the cache, the worker processes,
the progress bar); each other module is one command.
"""

from __future__ import annotations

from policydiff.cli import (  # noqa: F401  (each module adds its command to ``main``)
    align,
    check,
    compare,
    diff,
    evaluate,
    evolution,
    export,
    ingest,
    lineage,
    listing,
    report,
    themes,
    timeline,
)
from policydiff.cli.app import main

__all__ = ["main"]
