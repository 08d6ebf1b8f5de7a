"""``--jobs``: analysing documents in worker processes gives the single-process output."""

from __future__ import annotations

import functools
import gc
import os
import pickle
import subprocess
import sys
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydiff.cache import AnalysisCache
from policydiff.cli import main
from policydiff.corpus import Corpus
from policydiff.errors import JobsError
from policydiff.evolution import build_evolution
from policydiff.jobs import map_in_processes, resolve_jobs
from policydiff.render.chart_jobs import CHART_NAMES, chart_files, chart_input, charts_drawn
from policydiff.render.evolution_json import evolution_json
from tests.conftest import BUNDLED


def test_build_evolution_with_two_jobs_is_identical(bundled_corpus: Corpus) -> None:
    single = evolution_json(build_evolution(bundled_corpus))
    assert evolution_json(build_evolution(bundled_corpus, jobs=2)) == single
    assert evolution_json(build_evolution(bundled_corpus, jobs=2, include_absent=True)) == (
        evolution_json(build_evolution(bundled_corpus, include_absent=True))
    )


def test_jobs_with_a_cache_fill_it_in_the_parent(bundled_corpus: Corpus, tmp_path: Path) -> None:
    single = evolution_json(build_evolution(bundled_corpus))
    path = tmp_path / "cache.sqlite"
    with AnalysisCache(path) as cache:
        assert evolution_json(build_evolution(bundled_corpus, cache=cache, jobs=2)) == single
    # second run: every version comes from the cache the first run wrote
    with AnalysisCache(path) as cache:
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


def _die(item: object, shared: object) -> None:
    os._exit(3)  # as the kernel's OOM killer would leave it: no exception, no result


def _unavailable(*args: object, **kwargs: object) -> None:
    raise OSError(38, "Function not implemented")  # no sem_open: some containers, Lambda


def test_where_no_process_can_start_the_work_runs_here(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("policydiff.jobs.ProcessPoolExecutor", _unavailable)
    found = map_in_processes(_pid_and_item, list(range(10)), 3, jobs=2)
    assert found == [(os.getpid(), 3 * i) for i in range(10)]
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["report", "--corpus", str(BUNDLED), "--out", str(out), "-q", "--jobs", "2"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["index.md", "index.html", "evolution.json", *chart_files()]
    )


def test_a_worker_that_dies_is_one_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(JobsError, match="--jobs 1"):
        map_in_processes(_die, [1, 2, 3, 4], None, jobs=2)
    monkeypatch.setattr("policydiff.evolution._analyse_task", _die)
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
    monkeypatch.setattr("policydiff.jobs.ProcessPoolExecutor", spawning)
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
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in spawned.iterdir())
    for name in names:
        assert (spawned / name).read_bytes() == (one / name).read_bytes(), name


class _Recording(Executor):
    """Takes tasks without running them, keeping what each was given."""

    def __init__(self) -> None:
        self.given: list[tuple] = []

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.given.append(args)
        done: Future = Future()
        done.set_result({})
        return done


def test_chart_tasks_carry_bytes_pickled_before_the_caller_goes_on(
    bundled_corpus: Corpus,
) -> None:
    # The pool pickles a task in a thread of its own. Handed the evolution itself, it
    # raced the caller, whose renderers fill the evolution's caches meanwhile: "dictionary
    # changed size during iteration", one report in a dozen.
    evolution = build_evolution(bundled_corpus)
    recording = _Recording()
    with charts_drawn(evolution, workers=recording) as charts:
        assert len(evolution.documents_by_id) == 3  # the caller goes on using it
        charts()
    assert len(recording.given) == 3
    payloads = {what for what, _ in recording.given}
    assert len(payloads) == 1 and isinstance(next(iter(payloads)), bytes)
    assert pickle.loads(next(iter(payloads))) == chart_input(evolution)
    assert sorted(name for _, (name,) in recording.given) == sorted(CHART_NAMES)


def test_resolve_jobs() -> None:
    assert resolve_jobs(1) == 1
    assert resolve_jobs(3) == 3
    assert resolve_jobs(0) >= 1
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
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir())
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
