"""What a ``--jobs`` value means: how many processes the per-document stages use."""

from __future__ import annotations

import os


def resolve_jobs(jobs: int) -> int:
    """The number of processes for ``jobs``: 0 means one per CPU."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or more, not {jobs}")
    return jobs or os.cpu_count() or 1


def chunk_size(tasks: int, workers: int) -> int:
    """Tasks sent to a worker at a time: about eight chunks per worker, so that the
    workers end together without a round trip per task."""
    return max(1, tasks // (workers * 8))
