"""``--jobs``: analysing documents in worker processes gives the single-process output."""

from __future__ import annotations

import functools
import gc
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context, get_start_method
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydiff.analysis.build import build_evolution
from policydiff.analysis.cache import AnalysisCache
from policydiff.analysis.evolution_json import evolution_json
from policydiff.cache import KeyValueStore
from policydiff.cli import main
from policydiff.corpus import Corpus
from policydiff.errors import JobsError
from policydiff.render.chart_jobs import _prepare, chart_workers, charts_drawn, render_charts
from policydiff.render.chart_spec import chart_files
from policydiff.runtime.pool import map_in_processes, resolve_jobs, start_pool
from tests.conftest import BUNDLED

pytestmark = pytest.mark.slow  # processes, charts, browsers or whole reports


def test_build_evolution_with_two_jobs_is_identical(bundled_corpus: Corpus) -> None:
    single = evolution_json(build_evolution(bundled_corpus))
    assert evolution_json(build_evolution(bundled_corpus, jobs=2)) == single
    assert evolution_json(build_evolution(bundled_corpus, jobs=2, include_absent=True)) == (
        evolution_json(build_evolution(bundled_corpus, include_absent=True))
    )


def test_jobs_with_a_cache_fill_it_in_the_parent(bundled_corpus: Corpus, tmp_path: Path) -> None:
    single = evolution_json(build_evolution(bundled_corpus))
    path = tmp_path / "cache.sqlite"
    with AnalysisCache(KeyValueStore(path)) as cache:
        assert evolution_json(build_evolution(bundled_corpus, cache=cache, jobs=2)) == single
    # second run: every version comes from the cache the first run wrote
    with AnalysisCache(KeyValueStore(path)) as cache:
        assert evolution_json(build_evolution(bundled_corpus, cache=cache, jobs=2)) == single
        assert evolution_json(build_evolution(bundled_corpus, cache=cache)) == single


def _pid_and_item(item: int, shared: int) -> tuple[int, int]:
    return os.getpid(), item * shared


def test_map_in_processes_keeps_the_order_and_uses_other_processes() -> None:
    items = list(range(40))
    found = map_in_processes(_pid_and_item, items, 3, jobs=2)
    assert [value for _, value in found] == [3 * i for i in items]
    assert {pid for pid, _ in found} - {os.getpid()}, "nothing ran in a worker"
    alone = map_in_processes(_pid_and_item, items, 3, jobs=1)
    assert alone == [(os.getpid(), 3 * i) for i in items]


def test_map_in_processes_runs_in_a_pool_it_is_given() -> None:
    pool = start_pool(2)
    assert pool is not None
    with pool:
        found = map_in_processes(_pid_and_item, list(range(40)), 3, jobs=2, pool=pool)
        assert [value for _, value in found] == [3 * i for i in range(40)]
        assert os.getpid() not in {pid for pid, _ in found}
        # the same workers, another shared argument: each takes the new one
        found = map_in_processes(_pid_and_item, list(range(40)), 5, jobs=2, pool=pool)
        assert [value for _, value in found] == [5 * i for i in range(40)]
    # one item: runs here, the pool is not needed
    assert map_in_processes(_pid_and_item, [7], 3, jobs=2, pool=pool) == [(os.getpid(), 21)]


# The threads running in this process at each fork, while a test listens (os.register_at_fork
# cannot be undone, so the hook stays and does nothing otherwise).
_LISTENING: list[list[int]] = []


def _before_fork() -> None:
    if _LISTENING:
        _LISTENING[-1].append(threading.active_count())


os.register_at_fork(before=_before_fork)


@contextmanager
def _forks() -> Iterator[list[int]]:
    counts: list[int] = []
    _LISTENING.append(counts)
    try:
        yield counts
    finally:
        _LISTENING.remove(counts)


@pytest.mark.skipif(get_start_method() != "fork", reason="workers are forked elsewhere")
def test_a_report_forks_its_workers_before_any_other_thread_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A child forked while another thread holds a lock (the progress bar's, on stderr) can
    # wait on it for ever. On a terminal the progress bar runs a thread: a stand-in runs
    # one here for as long as the bar is up.
    import policydiff.cli.session as report_cli

    real_progress = report_cli.progress

    @contextmanager
    def progress_with_a_thread(steps: tuple[str, ...], quiet: bool) -> Iterator[Callable]:
        stop = threading.Event()
        thread = threading.Thread(target=stop.wait)
        thread.start()
        try:
            with real_progress(steps, quiet) as step:
                yield step
        finally:
            stop.set()
            thread.join()

    monkeypatch.setattr(report_cli, "progress", progress_with_a_thread)
    alone = threading.active_count()
    args = ["report", "--corpus", str(BUNDLED), "--out", str(tmp_path), "-q", "--no-cache"]
    with _forks() as counts:
        result = CliRunner().invoke(main, [*args, "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert counts, "no worker process was forked"
    assert counts == [alone] * len(counts)


def test_a_report_analyses_and_draws_in_one_pool(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[object] = []

    def counted(*args: object, **kwargs: object) -> object:
        pool = start_pool(*args, **kwargs)  # type: ignore[arg-type]
        started.append(pool)
        return pool

    monkeypatch.setattr("policydiff.runtime.pool.start_pool", counted)
    monkeypatch.setattr("policydiff.render.chart_jobs.start_pool", counted)
    args = ["report", "--corpus", str(BUNDLED), "--out", str(tmp_path), "-q", "--no-cache"]
    result = CliRunner().invoke(main, [*args, "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert len(started) == 1


@pytest.mark.parametrize(("jobs", "every"), [(2, True), (3, True), (8, False)])
def test_report_workers_import_matplotlib_in_no_more_than_one_per_chart(
    monkeypatch: pytest.MonkeyPatch, jobs: int, every: bool
) -> None:
    # one worker per CPU of a large machine, each with matplotlib: some 50 MB apiece
    asked: list[tuple[object, ...]] = []

    def no_pool(workers: int, initializer: object = None, initargs: tuple = ()) -> None:
        asked.append((workers, initializer))

    monkeypatch.setattr("policydiff.render.chart_jobs.start_pool", no_pool)
    with chart_workers(jobs, analyse=True) as pool:
        assert pool is None
    assert asked == [(jobs, _prepare if every else None)]


def _die(item: object, shared: object, **options: object) -> None:
    os._exit(3)  # as the kernel's OOM killer would leave it: no exception, no result


def _unavailable(*args: object, **kwargs: object) -> None:
    raise OSError(38, "Function not implemented")  # no sem_open: some containers, Lambda


def test_where_no_process_can_start_the_work_runs_here(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("policydiff.runtime.pool.ProcessPoolExecutor", _unavailable)
    found = map_in_processes(_pid_and_item, list(range(10)), 3, jobs=2)
    assert found == [(os.getpid(), 3 * i) for i in range(10)]
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["report", "--corpus", str(BUNDLED), "--out", str(out), "-q", "--jobs", "2"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["index.md", "index.html", "themes", "evolution.json", "manifest.json", *chart_files()]
    )


def test_a_worker_that_dies_is_one_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(JobsError, match="--jobs 1"):
        map_in_processes(_die, [1, 2, 3, 4], None, jobs=2)
    monkeypatch.setattr("policydiff.analysis.build._analyse_task", _die)
    out = tmp_path / "out"
    # --no-cache: every document is analysed in a worker (what a cache answers runs here)
    args = ["report", "--corpus", str(BUNDLED), "--out", str(out), "-q", "--jobs", "2"]
    result = CliRunner().invoke(main, [*args, "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: a worker process stopped before it finished")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert not out.exists()


def test_a_chart_worker_that_dies_is_one_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("policydiff.render.chart_jobs._draw", _die)
    out = tmp_path / "out"
    args = ["report", "--corpus", str(BUNDLED), "--out", str(out), "-q", "--jobs", "2"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: a worker process stopped before it finished")
    assert not out.exists()


def _gc_threshold(item: int, shared: None) -> tuple[int, ...]:
    return gc.get_threshold()


def test_spawned_workers_take_the_garbage_collection_setting_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # macOS and Windows spawn workers, which inherit nothing from this process
    spawning = functools.partial(ProcessPoolExecutor, mp_context=get_context("spawn"))
    monkeypatch.setattr("policydiff.runtime.pool.ProcessPoolExecutor", spawning)
    before = gc.get_threshold()
    try:
        gc.set_threshold(12_345, 11, 13)
        found = map_in_processes(_gc_threshold, [1, 2], None, jobs=2)
    finally:
        gc.set_threshold(*before)
    assert found == [(12_345, 11, 13)] * 2


def test_spawned_workers_write_the_same_report(tmp_path: Path) -> None:
    one, spawned = tmp_path / "one", tmp_path / "spawned"
    args = ["report", "--corpus", str(BUNDLED), "-q", "--no-cache"]
    result = CliRunner().invoke(main, [*args, "--out", str(one), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    code = (
        "import multiprocessing, sys; multiprocessing.set_start_method('spawn');"
        "from policydiff.cli import main; main(sys.argv[1:])"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, *args, "--out", str(spawned), "--jobs", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    names = sorted(str(p.relative_to(one)) for p in one.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(spawned)) for p in spawned.rglob("*") if p.is_file())
    for name in names:
        assert (spawned / name).read_bytes() == (one / name).read_bytes(), name


def test_charts_drawn_in_workers_while_the_caller_renders_are_those_drawn_here(
    bundled_corpus: Corpus,
) -> None:
    # the caller goes on rendering from the same evolution (filling its caches) while the
    # workers draw: what they draw must not depend on that
    from policydiff.corpus.summary import summarise
    from policydiff.render.markdown_site import report_markdown

    evolution = build_evolution(bundled_corpus)
    here = render_charts(evolution)
    with chart_workers(2) as pool, charts_drawn(evolution, workers=pool) as charts:
        assert len(evolution.documents_by_id) == 3
        report_markdown(evolution, summarise(bundled_corpus), charts=chart_files())
        drawn = charts()
    assert drawn == here


def test_resolve_jobs() -> None:
    assert resolve_jobs(1) == 1
    assert resolve_jobs(3) == 3
    assert resolve_jobs(0) >= 1
    # a thousand processes for three documents would exhaust the machine before any work
    cpus = os.cpu_count() or 1
    assert resolve_jobs(100_000) == 4 * cpus
    with pytest.raises(ValueError):
        resolve_jobs(-1)


@pytest.mark.parametrize("command", ["themes", "evolution", "timeline", "report", "check"])
def test_jobs_default_to_one_process_per_cpu(command: str) -> None:
    jobs = next(p for p in main.commands[command].params if p.name == "jobs")
    assert jobs.default == 0 and resolve_jobs(0) == (os.cpu_count() or 1)


@pytest.mark.parametrize(("command", "written"), [("report", "index.html"), ("timeline", "")])
def test_two_jobs_write_the_same_files(tmp_path: Path, command: str, written: str) -> None:
    # With two jobs the charts are drawn in other processes (while report writes the text).
    runner = CliRunner()
    one, two = tmp_path / "one", tmp_path / "two"
    for out, extra in ((one, ["--jobs", "1"]), (two, ["--jobs", "2"])):
        result = runner.invoke(
            main,
            [command, "--corpus", str(BUNDLED), "--out", str(out), "-q", *extra],
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.output
    names = sorted(str(p.relative_to(one)) for p in one.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(two)) for p in two.rglob("*") if p.is_file())
    assert "mentions.svg" in names and (not written or written in names)
    for name in names:
        assert (two / name).read_bytes() == (one / name).read_bytes(), name


@pytest.mark.parametrize(
    "args",
    [
        ["themes", "--format", "json"],
        ["themes", "sponge-cities", "--format", "json"],
        ["themes", "--discover", "--format", "json"],
    ],
)
def test_themes_with_two_jobs_prints_the_same(args: list[str]) -> None:
    runner = CliRunner()
    outputs = [
        runner.invoke(main, [*args, "--corpus", str(BUNDLED), *jobs], catch_exceptions=False)
        for jobs in ([], ["--jobs", "2"])
    ]
    assert all(r.exit_code == 0 for r in outputs), [r.output for r in outputs]
    assert outputs[0].output == outputs[1].output
    assert outputs[0].output.startswith(("{", "["))


@pytest.mark.parametrize("command", ["report", "evolution", "check", "timeline", "themes"])
def test_commands_offer_jobs(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "--jobs" in result.output


def test_negative_jobs_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["evolution", "--corpus", str(BUNDLED), "--format", "json", "--jobs", "-1"]
    )
    assert result.exit_code == 2


@pytest.mark.slow
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    # a killed report must not leave its chart workers waiting forever
    out = tmp_path / "reports"
    parent = subprocess.Popen(
        [sys.executable, "-m", "policydiff", "report", "--corpus", str(BUNDLED), "--out",
         str(out), "-j", "2", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    children: list[int] = []
    deadline = time.monotonic() + 60
    while not children and time.monotonic() < deadline and parent.poll() is None:
        time.sleep(0.2)
        children = _children_of(parent.pid)
    assert children, "the report started no worker"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in children if _alive(pid)]


def _children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
