"""``--jobs``: how many processes a value means, and running a per-document function in
that many."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Shared = TypeVar("Shared")
Result = TypeVar("Result")


def resolve_jobs(jobs: int) -> int:
    """The number of processes for ``jobs``: 0 means one per CPU."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or more, not {jobs}")
    return jobs or os.cpu_count() or 1


# The function and its shared argument in a worker process (set once by _start_worker).
_IN_WORKER: list[Any] = []


def _start_worker(function: Callable[[Any, Any], Any], shared: Any) -> None:
    _IN_WORKER[:] = [function, shared]


def _call_in_worker(item: Any) -> Any:
    function, shared = _IN_WORKER
    return function(item, shared)


def map_in_processes(
    function: Callable[[Item, Shared], Result],
    items: Sequence[Item],
    shared: Shared,
    jobs: int,
) -> list[Result]:
    """``function(item, shared)`` for every item, in order, in ``jobs`` processes (0: one
    per CPU; never more than there are items; in this process when that leaves one).
    ``shared`` (a catalogue, a lexicon) reaches each process once, not with every item;
    ``function`` must be a module-level function."""
    workers = min(resolve_jobs(jobs), len(items))
    if workers <= 1:
        return [function(item, shared) for item in items]
    # about eight chunks per worker: they end together without a round trip per item
    chunks = max(1, len(items) // (workers * 8))
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(function, shared)
    ) as pool:
        return list(pool.map(_call_in_worker, items, chunksize=chunks))
