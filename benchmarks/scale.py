"""The engines side by side: ``evolution`` of N synthetic documents, cold, with the local
engine, with a local Dask cluster the command starts, and through a scheduler and
workers started beforehand as separate processes.

Usage::

    python benchmarks/scale.py                       # N = 1000, --jobs 2
    python benchmarks/scale.py --documents 300 --jobs 2 --workdir /tmp/scale

The corpus is built first (``benchmarks/synthetic.py``; not timed). Each run is
``policydiff evolution --format json --no-cache`` in a fresh process, measured with
``os.wait4`` (see ``benchmarks/run.py``): wall time, CPU time of the command and the
processes it waited for (a local Dask cluster's workers are its children; a separate
cluster's are not), and peak RSS. The separate cluster's scheduler and workers are
measured the same way when they are stopped. The outputs of all runs are compared byte
for byte.

Writes ``benchmarks/results/scale-n{N}.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.run import run_child  # noqa: E402
from benchmarks.synthetic import build_corpus  # noqa: E402

BIN = Path(sys.executable).parent
RESULTS = ROOT / "benchmarks" / "results"
START_TIMEOUT = 180.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stopped(process: subprocess.Popen[bytes]) -> dict[str, float]:
    """Stop ``process`` (SIGTERM, then SIGKILL) and return its CPU seconds and peak MB."""
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 30
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return {"cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}
        if time.monotonic() > deadline:
            process.kill()
            deadline = time.monotonic() + 30
        time.sleep(0.1)


def _evolution(corpus: Path, out: Path, timeout: float, *engine: str) -> dict[str, Any]:
    cmd = [str(BIN / "policydiff"), "evolution", "--corpus", str(corpus), "--format", "json"]
    r = run_child([*cmd, "--no-cache", "-o", str(out), *engine], timeout)
    if r["rc"] != 0:
        raise SystemExit(f"{' '.join(engine)}: exit {r['rc']}: {r['stderr'][-1500:]}")
    return {
        "wall": round(r["wall"], 2),
        "cpu": round(r["cpu"], 2),
        "peak_mb": round(r["peak_mb"], 1),
        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "output_bytes": out.stat().st_size,
    }


def _separate_cluster(corpus: Path, work: Path, jobs: int, timeout: float) -> dict[str, Any]:
    """The run through ``dask scheduler`` and ``jobs`` ``dask worker`` processes."""
    import distributed

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = (work / "dask.log").open("wb")
    common: dict[str, Any] = {"stdout": log, "stderr": log, "cwd": work}
    scheduler = subprocess.Popen(
        [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        **common,
    )
    workers = [
        subprocess.Popen(
            [
                BIN / "dask",
                "worker",
                address,
                "--nworkers",
                "1",
                "--nthreads",
                "1",
                "--no-nanny",
                "--no-dashboard",
                "--local-directory",
                str(work / f"worker-{i}"),
            ],
            **common,
        )
        for i in range(jobs)
    ]
    try:
        with distributed.Client(address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(jobs, timeout=START_TIMEOUT)
        result = _evolution(corpus, work / "separate.json", timeout, "--scheduler", address)
    finally:
        stopped = [_stopped(w) for w in workers]
        result_scheduler = _stopped(scheduler)
        log.close()
    result["workers"] = [{k: round(v, 1) for k, v in s.items()} for s in stopped]
    result["scheduler"] = {k: round(v, 1) for k, v in result_scheduler.items()}
    return result


def load_sentence(res: dict[str, Any]) -> str:
    """The load the runs met, and a warning only when other work competed for the cores."""
    peak = res.get("load_average_peak_1min", res["load_average_after"][0])
    cores = res.get("cores") or os.cpu_count() or 1
    said = (
        f"1-minute load average at most {peak} during the runs on {cores} cores "
        f"(after them: {' / '.join(str(x) for x in res['load_average_after'])})"
    )
    if peak > cores:
        said += (
            "; more than the cores, so the machine was shared with other work: compare "
            "runs of one table, not tables of different days"
        )
    return said


def markdown(res: dict[str, Any]) -> str:
    runs = res["runs"]
    lines = [
        f"# Engines: `evolution --no-cache` of {res['documents']:,} synthetic documents",
        "",
        f"{res['versions']} versions, {res['text_mb']} MB of text; `--jobs {res['jobs']}`; "
        f"{res['machine']}; {res['when']}; {load_sentence(res)}. "
        "Outputs identical in every run: "
        f"{'yes' if res['identical'] else '**no**'}. Reproduce: `{res['command']}`.",
        "",
        "| engine | wall s | CPU s (command and the processes it waited for) | peak MB |",
        "|---|---:|---:|---:|",
    ]
    names = {
        "local": "`--engine local`",
        "dask_local_cluster": "`--engine dask` (local cluster it starts)",
        "dask_separate_cluster": "`--scheduler` (scheduler and workers started before)",
    }
    for key, label in names.items():
        r = runs[key]
        lines.append(f"| {label} | {r['wall']} | {r['cpu']} | {r['peak_mb']} |")
    sep = runs["dask_separate_cluster"]
    lines += [
        "",
        "The separate cluster's processes, measured when stopped:",
        "",
        "| process | CPU s | peak MB |",
        "|---|---:|---:|",
        f"| scheduler | {sep['scheduler']['cpu']} | {sep['scheduler']['peak_mb']} |",
    ]
    lines += [f"| worker {i} | {w['cpu']} | {w['peak_mb']} |" for i, w in enumerate(sep["workers"])]
    local = runs["local"]["wall"]
    lines += [
        "",
        "Dask's overhead against the local engine on this machine (wall): "
        + ", ".join(
            f"{names[k]} {runs[k]['wall'] / local:.2f}×"
            for k in ("dask_local_cluster", "dask_separate_cluster")
        )
        + ".",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    with contextlib.ExitStack() as stack:
        work = args.workdir or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        work.mkdir(parents=True, exist_ok=True)
        corpus = work / f"corpus-{args.documents}"
        if not corpus.exists():
            stats = build_corpus(args.documents, corpus)
        else:
            from policydiff.corpus import load_corpus

            held = load_corpus(corpus).documents
            versions = [v for d in held for v in d.versions]
            stats = {
                "documents": len(held),
                "versions": len(versions),
                "bytes": sum(len(v.text.encode()) for v in versions),
            }
        jobs = ["-j", str(args.jobs)]
        # the 1-minute load average, before and after each run: the busiest the machine was
        loads = [os.getloadavg()[0]]
        runs = {
            "local": _evolution(
                corpus, work / "local.json", args.timeout, "--engine", "local", *jobs
            )
        }
        loads.append(os.getloadavg()[0])
        runs["dask_local_cluster"] = _evolution(
            corpus, work / "dask.json", args.timeout, "--engine", "dask", *jobs
        )
        loads.append(os.getloadavg()[0])
        runs["dask_separate_cluster"] = _separate_cluster(corpus, work, args.jobs, args.timeout)
        loads.append(os.getloadavg()[0])
    res = {
        "documents": stats["documents"],
        "versions": stats["versions"],
        "text_mb": round(stats["bytes"] / 1e6, 1),
        "jobs": args.jobs,
        "machine": f"{os.cpu_count()} CPUs, {platform.system()}, Python {platform.python_version()}",
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "cores": os.cpu_count(),
        "load_average_peak_1min": round(max(loads), 2),
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "command": f"python benchmarks/scale.py --documents {args.documents} --jobs {args.jobs}",
        "identical": len({r["sha256"] for r in runs.values()}) == 1,
        "runs": runs,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = RESULTS / f"scale-n{args.documents}"
    stem.with_suffix(".json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    stem.with_suffix(".md").write_text(markdown(res), encoding="utf-8")
    print(markdown(res))
    return 0 if res["identical"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
