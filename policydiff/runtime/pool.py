"""Process pools: how many processes a ``--jobs`` value means, starting a pool, and running
a per-document function in one. The only module that starts worker processes."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import repeat
from typing import Any, TypeVar

from policydiff.errors import JobsError

Item = TypeVar("Item")
Shared = TypeVar("Shared")
Result = TypeVar("Result")


PROCESSES_PER_CPU = 4  # at most this many processes per CPU, whatever ``jobs`` asks


def resolve_jobs(jobs: int) -> int:
    """The number of processes for ``jobs``: 0 means one per CPU; no more than
    :data:`PROCESSES_PER_CPU` per CPU, since processes beyond the CPUs only wait, and a
    thousand of them, started before the documents are counted, exhaust the machine."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or more, not {jobs}")
    cpus = os.cpu_count() or 1
    return min(jobs or cpus, PROCESSES_PER_CPU * cpus)


# What starting a process pool raises where the platform cannot run one (no working
# sem_open: some containers and serverless sandboxes).
_NO_PROCESSES = (ImportError, OSError, NotImplementedError)


def _initialise(
    thresholds: tuple[int, ...],
    initializer: Callable[..., Any] | None,
    initargs: tuple,
    parent: int,
) -> None:
    _die_with(parent)
    gc.set_threshold(*thresholds)
    if initializer is not None:
        initializer(*initargs)


def _die_with(parent: int) -> None:
    """End this worker when the process that started it ends, even by SIGKILL: a pool's
    workers wait on a pipe that their parent's death does not close, and would otherwise
    linger, each holding its memory. Linux says so with PR_SET_PDEATHSIG; elsewhere a
    thread watches the parent's pid."""
    if sys.platform == "linux":
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM) == 0:
                if os.getppid() != parent:  # it died before prctl took hold
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="policydiff-parent-watch").start()


_PR_SET_PDEATHSIG = 1


def start_pool(
    workers: int, initializer: Callable[..., Any] | None = None, initargs: tuple = ()
) -> ProcessPoolExecutor | None:
    """A pool of ``workers`` processes, or None where processes cannot be started: the
    caller then does the work itself, with the same result. The workers collect garbage
    as this process does (see :mod:`policydiff.runtime.memory`), also where they
    are spawned rather than forked (macOS, Windows) and so inherit nothing."""
    try:
        return ProcessPoolExecutor(
            max_workers=workers,
            initializer=_initialise,
            initargs=(gc.get_threshold(), initializer, initargs, os.getpid()),
        )
    except _NO_PROCESSES:
        return None


@contextlib.contextmanager
def worker_errors() -> Iterator[None]:
    """A pool whose worker died (killed, out of memory) as one :class:`JobsError`."""
    try:
        yield
    except BrokenProcessPool as exc:
        raise JobsError() from exc


def map_in_processes(
    function: Callable[[Item, Shared], Result],
    items: Sequence[Item],
    shared: Shared,
    jobs: int,
    *,
    pool: Executor | None = None,
) -> list[Result]:
    """``function(item, shared)`` for every item, in order, in ``jobs`` processes (0: one
    per CPU; never more than there are items; in this process when that leaves one):
    those of ``pool`` (started earlier, see :func:`start_pool`) or ones started here.
    ``shared`` (a catalogue, a lexicon) is pickled once and sent with each chunk of
    items; each worker unpickles it once. ``function`` must be a module-level function.
    Where no process can be started, all runs here; a worker that dies raises
    :class:`~policydiff.errors.JobsError`."""
    workers = min(resolve_jobs(jobs), len(items))
    if pool is not None and workers > 1:
        return start_in_processes(function, items, shared, workers, pool)()
    own = start_pool(workers) if workers > 1 else None
    if own is None:
        return [function(item, shared) for item in items]
    with own:
        return start_in_processes(function, items, shared, workers, own)()


def start_in_processes(
    function: Callable[[Item, Shared], Result],
    items: Sequence[Item],
    shared: Shared,
    workers: int,
    pool: Executor,
) -> Callable[[], list[Result]]:
    """:func:`map_in_processes` on ``pool`` (``workers`` processes), begun now: the
    returned function waits for the results, in order, so that the caller can work
    meanwhile."""
    payload = pickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL)
    # about eight chunks per worker: they end together without a round trip per item
    chunks = max(1, len(items) // (workers * 8))
    with worker_errors():
        # Executor.map submits every chunk before it returns; its results are read later
        results = pool.map(_call_with, repeat(function), items, repeat(payload), chunksize=chunks)

    def gathered() -> list[Result]:
        with worker_errors():
            return list(results)

    return gathered


# The pickled shared argument last seen in this worker, and what it unpickled to: every
# chunk of a run carries the same one.
_UNPICKLED: list[Any] = []


def _call_with(function: Callable[[Any, Any], Any], item: Any, payload: bytes) -> Any:
    if not _UNPICKLED or _UNPICKLED[0] != payload:
        _UNPICKLED[:] = [payload, pickle.loads(payload)]
    return function(item, _UNPICKLED[1])
