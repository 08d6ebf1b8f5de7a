"""Where per-document tasks run: here and in local processes (``local``), or on a Dask
cluster (``dask``). The only module that knows Dask; it imports it only when a Dask
engine first maps something, so the local engine needs nothing beyond the package's
dependencies.

Every engine maps ``function(item, shared)`` over items and returns the results in item
order, so what a caller builds from them does not depend on where they ran.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import os
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from policydiff.errors import EngineError
from policydiff.runtime.memory import GC_THRESHOLD, collect_garbage_rarely
from policydiff.runtime.pool import map_in_processes, resolve_jobs, start_in_processes

Item = TypeVar("Item")
Shared = TypeVar("Shared")
Result = TypeVar("Result")

ENGINES = ("local", "dask")
SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
# A task that raised is run again this many times; a task whose worker died is run again
# by the scheduler itself (distributed's allowed-failures), whatever this says.
RETRIES = 3
# Seconds to wait for a scheduler to answer: a wrong address must fail, not hang.
CONNECT_TIMEOUT = 30


class Engine(Protocol):
    name: str

    def map(
        self, function: Callable[[Item, Shared], Result], items: Sequence[Item], shared: Shared
    ) -> list[Result]: ...

    def start(
        self, function: Callable[[Item, Shared], Result], items: Sequence[Item], shared: Shared
    ) -> Callable[[], list[Result]]:
        """:meth:`map` begun now, where the engine can run it elsewhere: the returned
        function waits for the results, so that the caller works meanwhile."""
        ...

    def texts_root(self, corpus_path: Path) -> str | None:
        """Where the workers read the corpus's version texts themselves (a folder or an
        fsspec URL), or None when they are sent the texts."""
        ...


def started(
    engine: Engine,
    function: Callable[[Item, Shared], Result],
    items: Sequence[Item],
    shared: Shared,
) -> Callable[[], list[Result]]:
    """``engine.start(...)``, or for an engine written before it has one, its
    :meth:`~Engine.map` run when the results are asked for."""
    start = getattr(engine, "start", None)
    if start is None:
        return lambda: engine.map(function, items, shared)
    begun: Callable[[], list[Result]] = start(function, items, shared)
    return begun


@dataclass
class LocalEngine:
    """This process, or ``jobs`` local processes (those of ``pool`` when given)."""

    jobs: int = 1
    pool: Executor | None = None
    name: str = "local"

    def map(
        self, function: Callable[[Item, Shared], Result], items: Sequence[Item], shared: Shared
    ) -> list[Result]:
        return map_in_processes(function, items, shared, self.jobs, pool=self.pool)

    def start(
        self, function: Callable[[Item, Shared], Result], items: Sequence[Item], shared: Shared
    ) -> Callable[[], list[Result]]:
        workers = min(resolve_jobs(self.jobs), len(items))
        if self.pool is None or workers <= 1:  # nowhere else to run: run when asked
            return lambda: self.map(function, items, shared)
        return start_in_processes(function, items, shared, workers, self.pool)

    def texts_root(self, corpus_path: Path) -> str | None:
        return None  # local processes get the texts pickled, cheaper than reading them again


@dataclass
class DaskEngine:
    """A ``distributed.Client`` to the scheduler at ``address``, or, without one, to a
    local cluster of ``jobs`` worker processes (0: one per CPU) started on first use.
    Close it (or use it as a context manager) to let the cluster go.

    The workers read the version texts from ``worker_corpus`` (a folder or an fsspec URL
    where they see the corpus) when given, else from the corpus's own path when every
    worker sees it there; otherwise the texts travel with the tasks."""

    address: str | None = None
    jobs: int = 0
    worker_corpus: str | None = None
    name: str = "dask"
    _client: Any = field(default=None, init=False, repr=False)
    _cluster: Any = field(default=None, init=False, repr=False)
    _seen: dict[str, bool] = field(default_factory=dict, init=False, repr=False)
    _shared: tuple[Any, Any] | None = field(default=None, init=False, repr=False)
    # documents whose texts the workers were to read but could not, and were sent instead,
    # of all they were to read, by where they were to read them
    unread_texts: dict[str, tuple[int, int]] = field(default_factory=dict, init=False)

    def client(self) -> Any:
        if self._client is None:
            distributed = _import_distributed()
            try:
                if self.address is None:
                    self._cluster = distributed.LocalCluster(
                        n_workers=resolve_jobs(self.jobs),
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                    self._client = distributed.Client(self._cluster)
                else:
                    self._client = distributed.Client(self.address, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                self.close()
                where = self.address or "a local Dask cluster"
                raise EngineError(f"cannot connect to {where}: {exc}") from exc
        return self._client

    def map(
        self, function: Callable[[Item, Shared], Result], items: Sequence[Item], shared: Shared
    ) -> list[Result]:
        return self.start(function, items, shared)()

    def start(
        self, function: Callable[[Item, Shared], Result], items: Sequence[Item], shared: Shared
    ) -> Callable[[], list[Result]]:
        if not items:
            return lambda: []
        client = self.client()
        # sent to every worker once, not pickled into each task, and kept there for the
        # next map of the same object (a large corpus is analysed a batch at a time)
        # a copy lost since (workers retired or restarted) is scattered again
        kept = self._shared is not None and _finished(self._shared[1])
        if not kept or self._shared is None or not _same(self._shared[0], shared):
            if self._shared is not None:
                client.cancel(_futures(self._shared[1]))
            self._shared = (shared, client.scatter(shared, broadcast=True, hash=False))
        held = self._shared[1]
        # The documents travel inside the task graph on purpose: data scattered to a
        # worker dies with it, while a task that carries its document can run again
        # elsewhere. distributed's advice against large graphs is therefore not for us,
        # and only the CLI prints. pure=False: keys are not derived from hashing texts.
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
            futures = client.map(
                _run_task,
                [function] * len(items),
                items,
                [held] * len(items),
                pure=False,
                retries=RETRIES,
                key=_prefix(function),
            )
        from distributed.scheduler import KilledWorker

        def gathered() -> list[Result]:
            try:
                return list(client.gather(futures))
            except KilledWorker as exc:
                raise EngineError(
                    "Dask workers died running the same task again and again "
                    "(out of memory?); see the workers' logs"
                ) from exc
            finally:
                client.cancel(futures)

        return gathered

    def texts_root(self, corpus_path: Path) -> str | None:
        if self.worker_corpus:
            return self.worker_corpus
        root = str(Path(corpus_path).resolve())
        if root not in self._seen:
            seen = self.client().run(_sees_folder, root)
            self._seen[root] = bool(seen) and all(seen.values())
        return root if self._seen[root] else None

    def texts_sent(self, root: str, unread: int, asked: int) -> None:
        """Note that of ``asked`` documents whose texts the workers were to read at
        ``root``, ``unread`` could not be read there (see :attr:`unread_texts`)."""
        before = self.unread_texts.get(root, (0, 0))
        self.unread_texts[root] = (before[0] + unread, before[1] + asked)

    def close(self) -> None:
        self._shared = None
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _prefix(function: Callable[..., Any]) -> str:
    """The tasks' key prefix: the function's name, as a dashboard and the scheduler's
    task prefixes show it (that of the function a partial calls)."""
    while isinstance(function, functools.partial):
        function = function.func
    return getattr(function, "__name__", "task").lstrip("_") or "task"


def _futures(held: Any) -> list[Any]:
    """The futures of what ``Client.scatter`` returned: one, or one per item of a tuple."""
    return list(held) if isinstance(held, (tuple, list)) else [held]


def _finished(held: Any) -> bool:
    """Whether every future of a scattered object still holds its data."""
    return all(f.status == "finished" for f in _futures(held))


def _same(a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` are the same object, or tuples of the same objects."""
    if a is b:
        return True
    return (
        isinstance(a, tuple)
        and isinstance(b, tuple)
        and len(a) == len(b)
        and all(x is y for x, y in zip(a, b, strict=True))
    )


def _sees_folder(root: str) -> bool:
    """On a worker: whether it sees the folder ``root``."""
    try:
        return Path(root).is_dir()
    except OSError:  # no permission on a parent folder: it does not see it
        return False


def _run_task(function: Callable[[Item, Shared], Result], item: Item, shared: Shared) -> Result:
    """``function(item, shared)`` on a Dask worker, under policydiff's garbage-collection
    policy (as its local worker processes run): at CPython's default thresholds the
    collector walks each document's large, almost acyclic analysis again and again."""
    if gc.get_threshold()[0] != GC_THRESHOLD:
        collect_garbage_rarely()
    return function(item, shared)


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise EngineError("--engine dask needs Dask: pip install 'policydiff[dask]'") from exc
    return distributed


def engine_name(
    engine: str | None, scheduler: str | None, environ: Mapping[str, str] = os.environ
) -> tuple[str, str | None]:
    """The engine a command runs on and the scheduler address it connects to: a scheduler
    (given, or in ``DASK_SCHEDULER_ADDRESS``) means Dask, unless ``--engine local`` says
    otherwise explicitly (then a given scheduler is a contradiction)."""
    if scheduler is not None and not scheduler.strip():
        raise EngineError("--scheduler is blank: give the scheduler's address, tcp://HOST:PORT")
    address = scheduler or environ.get(SCHEDULER_ENV) or None
    if engine == "local":
        if scheduler:
            raise EngineError("--scheduler needs --engine dask, not --engine local")
        return "local", None
    if engine is not None and engine not in ENGINES:
        raise EngineError(f"--engine {engine!r}: use {', '.join(ENGINES)}")
    if engine == "dask" or address:
        if address:
            _check_address(address, "--scheduler" if scheduler else SCHEDULER_ENV)
        return "dask", address
    return "local", None


def _check_address(address: str, given_as: str) -> None:
    """An EngineError where ``address`` is no scheduler address Dask can dial: said before
    any work, even where a warm cache would never have dialled it."""
    _import_distributed()
    from distributed.comm.addressing import parse_address, parse_host_port
    from distributed.comm.registry import get_backend

    try:
        scheme, location = parse_address(address)
        get_backend(scheme)
        if scheme not in HOST_PORT_SCHEMES:
            # inproc is one process's own, ucx needs its own libraries: neither is a
            # scheduler a command can dial
            raise ValueError(f"the {scheme} scheme is not one policydiff can dial")
        if ":" not in location:
            raise ValueError("no port")
        port_text = location.rsplit(":", 1)[-1]
        if not port_text.isascii() or not port_text.isdigit():
            raise ValueError(f"port {port_text!r} is not a number")
        host, port = parse_host_port(location)
        if not host or any(ch.isspace() for ch in host):
            raise ValueError("no host" if not host else f"host {host!r} holds a space")
        if not 0 < int(port) < 65536:
            raise ValueError(f"port {port} is out of range")
    except ValueError as exc:
        raise EngineError(f"{given_as} {address!r}: {exc} (give tcp://HOST:PORT)") from None


HOST_PORT_SCHEMES = ("tcp", "tls", "ws", "wss")  # the schemes a scheduler is dialled on


@contextlib.contextmanager
def open_engine(
    engine: str | None,
    scheduler: str | None,
    *,
    jobs: int,
    pool: Executor | None = None,
    worker_corpus: str | None = None,
    environ: Mapping[str, str] = os.environ,
) -> Iterator[Engine]:
    """The engine ``engine``/``scheduler`` name (see :func:`engine_name`), closed after."""
    name, address = engine_name(engine, scheduler, environ)
    if name == "local":
        if worker_corpus:
            raise EngineError("--worker-corpus is for Dask workers: add --engine dask")
        yield LocalEngine(jobs, pool)
        return
    _import_distributed()  # fail before any work when Dask is missing
    with DaskEngine(address, jobs, worker_corpus) as dask_engine:
        yield dask_engine
