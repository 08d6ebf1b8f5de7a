"""How policydiff's processes collect garbage: one policy, set in one place.

Commands build large, almost acyclic structures (an evolution, a report) and then exit.
At CPython's default thresholds the cycle collector walks them again and again for
little: policydiff collects young objects every :data:`GC_THRESHOLD` allocations
instead, pauses collection while rendering (:func:`cycle_collection_paused`) and, in a
worker process, freezes what it loaded before its first task (:func:`freeze_loaded`).
Measurements are in ``benchmarks/NOTES.md``.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

# Allocations between two young-generation collections (CPython's default is 700).
GC_THRESHOLD = 100_000


def collect_garbage_rarely() -> None:
    """Collect young objects every :data:`GC_THRESHOLD` allocations; the rare cycles are
    still freed. Worker processes take the setting over (see
    :func:`policydiff.runtime.pool.start_pool`)."""
    gc.set_threshold(GC_THRESHOLD, 50, 100)


@contextlib.contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """No cycle collection inside: rendering builds text and acyclic dicts from an
    evolution that lives until the command ends, so a collection there frees nothing and
    only walks what was just built. Collection resumes after."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def freeze_loaded() -> None:
    """Move everything loaded so far (modules, fonts) out of the collector's sight: in a
    worker it lives as long as the process, and full collections need not walk it."""
    gc.freeze()
