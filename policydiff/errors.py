"""The one exception hierarchy of the core; the CLI turns these into one-line messages."""

from __future__ import annotations


class PolicydiffError(Exception):
    """Base class: a problem the user can act on, never a bug."""


class InputError(PolicydiffError):
    """A file given to policydiff cannot be used as it is."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class CorpusError(PolicydiffError):
    """The corpus on disk is missing, malformed or inconsistent."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UsageError(PolicydiffError):
    """Options that cannot work together, an unknown id, and the like."""


class JobsError(PolicydiffError):
    """A worker process of --jobs stopped before it finished (killed, out of memory)."""

    def __init__(self) -> None:
        super().__init__(
            "a worker process stopped before it finished (killed, or out of memory?); "
            "run again, or with --jobs 1 to keep the work in one process"
        )


class EngineError(PolicydiffError):
    """The engine asked for cannot run: Dask not installed, its scheduler unreachable,
    its workers dying on the same task."""
