"""``--engine dask``: the same bytes as ``--engine local``, on a local cluster started by
the command and on a cluster of separate scheduler and worker processes, also when one
of its two workers is killed mid-run."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from benchmarks.synthetic import build_corpus
from policydiff.cli import main
from tests.conftest import BUNDLED, DOC_2021, REPO

pytestmark = pytest.mark.slow

distributed = pytest.importorskip("distributed")

BIN = Path(sys.executable).parent
# generous: a loaded two-core machine starts Python processes slowly
START_TIMEOUT = 180
RUN_TIMEOUT = 600
# the key prefix of the per-document tasks (policydiff.analysis.build._analyse_task)
TASK = "analyse_task"


@pytest.fixture(scope="module")
def synthetic_150(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic150") / "corpus"
    build_corpus(150, path, seed=1)
    return path


def _cli(*args: str) -> bytes:
    """The CLI in this process (no analysis cache): its stdout."""
    result = CliRunner().invoke(main, [*args, "--no-cache"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _evolution(corpus: Path, *engine: str) -> bytes:
    return _cli("evolution", "--corpus", str(corpus), "--format", "json", *engine)


def _report(corpus: Path, out: Path, *engine: str) -> bytes:
    _cli("report", "--corpus", str(corpus), "--out", str(out), "-q", *engine)
    return (out / "evolution.json").read_bytes()


def _local(corpus: Path, out: Path) -> tuple[bytes, bytes]:
    return _evolution(corpus, "--engine", "local", "-j", "1"), _report(
        corpus, out, "--engine", "local", "-j", "1"
    )


@pytest.mark.parametrize("which", ["bundled", "synthetic"])
def test_a_local_dask_cluster_writes_the_bytes_of_the_local_engine(
    which: str, synthetic_60: Path, tmp_path: Path
) -> None:
    corpus = BUNDLED if which == "bundled" else synthetic_60
    evolution, report = _local(corpus, tmp_path / "local")
    assert _evolution(corpus, "--engine", "dask", "-j", "2") == evolution
    assert _report(corpus, tmp_path / "dask", "--engine", "dask", "-j", "2") == report
    # the Parquet export reads the same evolution
    for name, engine in (
        ("local", ("--engine", "local", "-j", "1")),
        ("dask", ("--engine", "dask", "-j", "2")),
    ):
        _cli("export", str(tmp_path / f"pq-{name}"), "--corpus", str(corpus), "-q", *engine)
    assert {p.name: p.read_bytes() for p in (tmp_path / "pq-local").iterdir()} == {
        p.name: p.read_bytes() for p in (tmp_path / "pq-dask").iterdir()
    }


def test_compare_runs_each_child_on_the_engine_asked_for() -> None:
    lineage = str(REPO / "examples" / "lineage" / "corpus")
    parent = "2022-chengxiangjianshe-tandafeng"

    def compare(*args: str) -> bytes:
        command = ["compare", parent, *args, "--corpus", lineage, "--format", "json"]
        result = CliRunner().invoke(main, command, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout_bytes

    for what in (("--children",), ("shanghai-chengxiangjianshe-tandafeng",)):
        local = compare(*what, "--engine", "local", "-j", "1")
        assert b'"verdict"' in local
        assert compare(*what, "-j", "2") == local
        assert compare(*what, "--engine", "dask", "-j", "2") == local


# ------------------------------------------------------------------ a separate cluster


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen[bytes]
    workers: dict[str, subprocess.Popen[bytes]]  # by worker name

    def client(self) -> Any:
        return distributed.Client(self.address, timeout=START_TIMEOUT)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    """``dask scheduler`` and two ``dask worker`` (one process and one thread each, no
    nanny: a killed worker stays dead), as separate processes; all stopped after."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    # the scheduler and workers import this test module's functions that the test runs
    # there, and policydiff
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("DASK_SCHEDULER_ADDRESS", None)
    log = (tmp_path / "dask.log").open("wb")
    common: dict[str, Any] = {"env": env, "cwd": tmp_path, "stdout": log, "stderr": log}
    scheduler = subprocess.Popen(
        [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        **common,
    )
    workers: dict[str, subprocess.Popen[bytes]] = {}
    try:
        for name in ("worker-a", "worker-b"):
            workers[name] = subprocess.Popen(
                [
                    BIN / "dask",
                    "worker",
                    address,
                    "--name",
                    name,
                    "--nworkers",
                    "1",
                    "--nthreads",
                    "1",
                    "--no-nanny",
                    "--no-dashboard",
                    "--local-directory",
                    str(tmp_path / name),
                ],
                **common,
            )
        with distributed.Client(address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT)
        yield Cluster(address, scheduler, workers)
    finally:
        for process in workers.values():
            _stop(process)
        _stop(scheduler)
        log.close()


def _executed(dask_worker: Any) -> int:
    return int(dask_worker.state.executed_count)


def _cli_process(*args: str) -> list[str]:
    return [str(BIN / "policydiff"), *args, "--no-cache"]


def _run(command: list[str], env: dict[str, str] | None = None) -> bytes:
    done = subprocess.run(command, capture_output=True, timeout=RUN_TIMEOUT, env=env)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def test_scheduler_and_workers_in_separate_processes_write_the_local_bytes(
    cluster: Cluster, synthetic_60: Path, tmp_path: Path
) -> None:
    with cluster.client() as client:
        for corpus in (BUNDLED, synthetic_60):
            evolution, report = _local(corpus, tmp_path / "local")
            documents = len([p for p in corpus.iterdir() if (p / "document.yaml").exists()])
            before = sum(client.run(_executed).values())
            via_scheduler = _run(
                _cli_process(
                    "evolution",
                    "--corpus",
                    str(corpus),
                    "--format",
                    "json",
                    "--scheduler",
                    cluster.address,
                )
            )
            assert via_scheduler == evolution
            # the environment's address alone implies the Dask engine
            out = tmp_path / "dask"
            env = {**os.environ, "DASK_SCHEDULER_ADDRESS": cluster.address}
            _run(_cli_process("report", "--corpus", str(corpus), "--out", str(out), "-q"), env)
            assert (out / "evolution.json").read_bytes() == report
            # every document was analysed on the workers, once per command
            executed = client.run(_executed)
            assert sum(executed.values()) - before == 2 * documents
            assert all(count > 0 for count in executed.values()), executed
        # the workers read the texts where --worker-corpus says (here a file:// URL of a
        # copy); a text that differs there is sent to them instead, which takes a second task
        copy = tmp_path / "copy"
        shutil.copytree(BUNDLED, copy)
        command = _cli_process(
            "evolution", "--corpus", str(BUNDLED), "--format", "json", "--scheduler",
            cluster.address, "--worker-corpus", copy.as_uri(),
        )  # fmt: skip
        evolution, _ = _local(BUNDLED, tmp_path / "local")
        for changed in (0, 1):
            if changed:
                text = copy / DOC_2021 / "en.txt"
                text.write_text(text.read_text("utf-8") + "\nOne more line.\n", "utf-8")
            before = sum(client.run(_executed).values())
            done = subprocess.run(command, capture_output=True, timeout=RUN_TIMEOUT)
            assert done.returncode == 0, done.stderr.decode()
            assert done.stdout == evolution
            assert sum(client.run(_executed).values()) - before == 3 + changed
            # a text sent because the workers could not read it is said, not done silently
            warned = f"could not read the texts of 1 of 3 documents at {copy.as_uri()}"
            assert (warned in done.stderr.decode()) == bool(changed), done.stderr.decode()


def _progress(dask_scheduler: Any) -> tuple[int, dict[str, int]]:
    """Analysis tasks finished so far, and the analysis tasks each worker (by name) is
    running or has queued."""
    finished = sum(
        1 for ts in dask_scheduler.tasks.values() if ts.prefix.name == TASK and ts.state == "memory"
    )
    running = {
        str(ws.name): sum(1 for ts in ws.processing if ts.prefix.name == TASK)
        for ws in dask_scheduler.workers.values()
    }
    return finished, running


def test_a_worker_killed_mid_run_does_not_change_the_output(
    cluster: Cluster, synthetic_150: Path, tmp_path: Path
) -> None:
    evolution = _evolution(synthetic_150, "--engine", "local", "-j", "1")
    out = tmp_path / "out.json"
    command = _cli_process(
        "evolution",
        "--corpus",
        str(synthetic_150),
        "--format",
        "json",
        "--output",
        str(out),
        "--scheduler",
        cluster.address,
    )
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed = None
    running_when_killed = False
    try:
        with cluster.client() as client:
            deadline = time.monotonic() + RUN_TIMEOUT
            while killed is None and run.poll() is None and time.monotonic() < deadline:
                finished, running = client.run_on_scheduler(_progress)
                busy = [name for name, n in running.items() if n > 0]
                if finished >= 2 and busy:
                    killed = busy[0]
                    running_when_killed = run.poll() is None
                    cluster.workers[killed].send_signal(signal.SIGKILL)
                    cluster.workers[killed].wait(timeout=60)
                else:
                    time.sleep(0.02)
            # killed while the command still had work queued on that worker
            assert killed is not None, (
                f"the run ended (exit {run.poll()}) before a worker could be killed: "
                f"{run.communicate()[1].decode()[-2000:]}"
            )
            assert running_when_killed
            _, stderr = run.communicate(timeout=RUN_TIMEOUT)
            assert run.returncode == 0, stderr.decode()
            assert out.read_bytes() == evolution
            # the one worker left finished the work
            assert len(client.scheduler_info()["workers"]) == 1
    finally:
        if run.poll() is None:
            run.kill()
            run.wait(timeout=30)


def _length(item: str, shared: None) -> int:
    return len(item)


def test_documents_in_the_task_graph_raise_no_warning_for_the_cli_to_show() -> None:
    import warnings

    from policydiff.runtime.engine import DaskEngine

    # 15 MB of incompressible text: past distributed's 10 MB "large graph" threshold
    texts = [os.urandom(1_000_000).hex() for _ in range(8)]
    with DaskEngine(None, 1) as engine, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert engine.map(_length, texts, None) == [2_000_000] * 8
    assert not [w for w in caught if "large graph" in str(w.message)]
