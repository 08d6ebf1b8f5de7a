"""Drawing the charts, in this process or in others, without importing matplotlib here.

:mod:`policydiff.render.charts` draws (and is the only module that imports matplotlib);
this module decides what is drawn and where. With ``jobs`` > 1 the charts are drawn in
worker processes, which :func:`chart_workers` can start before the evolution is ready:
they import matplotlib and find the fonts while this process is still analysing, on a
core that would otherwise wait.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from contextlib import contextmanager

from policydiff.analysis.model import Evolution
from policydiff.render.chart_spec import CHART_NAMES, ChartInput, chart_input
from policydiff.runtime.memory import freeze_loaded
from policydiff.runtime.pool import resolve_jobs, start_pool, worker_errors


def _draw(what: ChartInput, names: Sequence[str] = CHART_NAMES) -> dict[str, bytes]:
    from policydiff.render import charts

    return charts.draw_charts(what, names)


def _draw_pickled(what: bytes, names: Sequence[str]) -> dict[str, bytes]:
    return _draw(pickle.loads(what), names)


def _prepare() -> None:
    """matplotlib imported and the font list read, in a worker before it draws.

    What that loaded lives as long as the worker, so it is frozen
    (:func:`~policydiff.runtime.memory.freeze_loaded`)."""
    from policydiff.render import charts

    charts.cjk_font()
    freeze_loaded()


def _ready() -> None:
    return None


def _worker_count(jobs: int) -> int:
    return min(resolve_jobs(jobs), len(CHART_NAMES))


@contextmanager
def chart_workers(jobs: int, *, analyse: bool = False) -> Iterator[Executor | None]:
    """Processes to draw the charts in, started now (None when ``jobs`` <= 1).

    With ``analyse``, one per job rather than one per chart at most, to analyse the
    corpus in too (``build_evolution(pool=...)``): a report then forks its workers once,
    before any other thread runs (a progress bar, another pool's manager), which is what
    makes forking safe."""
    workers = resolve_jobs(jobs) if analyse else _worker_count(jobs)
    # matplotlib in every worker, unless there are more workers than charts: its memory and
    # import time, paid by one worker per CPU of a large machine, would be multiplied
    every = workers <= len(CHART_NAMES)
    pool = start_pool(workers, initializer=_prepare if every else None) if workers > 1 else None
    if pool is None:  # one job, or no process can be started here
        yield None
        return
    with pool:
        # Start every worker now (with fork all start at the first task, with spawn one per
        # task), so that they prepare while we go on; with more workers than charts, as
        # many as there are charts import matplotlib (a chart drawn in another imports it).
        for _ in range(workers):
            pool.submit(_ready)
        if not every:
            for _ in CHART_NAMES:
                pool.submit(_prepare)
        yield pool


@contextmanager
def charts_drawn(
    ev: Evolution, *, cjk: bool | None = None, jobs: int = 1, workers: Executor | None = None
) -> Iterator[Callable[[], dict[str, bytes]]]:
    """Start drawing every chart of ``ev`` and yield a function that returns them.

    In ``workers`` (see :func:`chart_workers`), or with ``jobs`` > 1 in processes started
    here, each chart is drawn in another process and the caller works meanwhile; the
    function waits for the drawings. Same bytes either way. More than
    :data:`~policydiff.analysis.periods.MAX_COLUMNS` documents are drawn by year.
    """
    what = chart_input(ev, cjk=cjk)
    with chart_workers(jobs if workers is None else 1) as own:
        pool = workers or own
        if pool is None:
            charts = _draw(what)
            yield lambda: charts
            return
        # Pickled here, once: the pool would pickle each task in a thread of its own while
        # the caller renders from the same evolution and fills its caches (a cached_property
        # mid-pickle is "dictionary changed size during iteration").
        payload = pickle.dumps(what, protocol=pickle.HIGHEST_PROTOCOL)
        with worker_errors():
            parts = [pool.submit(_draw_pickled, payload, (name,)) for name in CHART_NAMES]
        yield lambda: _results(parts)


def _results(parts: Sequence[Future[dict[str, bytes]]]) -> dict[str, bytes]:
    with worker_errors():
        return {name: data for part in parts for name, data in part.result().items()}


def render_charts(
    ev: Evolution, *, cjk: bool | None = None, jobs: int = 1, workers: Executor | None = None
) -> dict[str, bytes]:
    """Every chart of ``ev`` in every format (see :func:`charts_drawn`)."""
    with charts_drawn(ev, cjk=cjk, jobs=jobs, workers=workers) as charts:
        return charts()
