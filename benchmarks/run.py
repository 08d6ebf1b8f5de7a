"""Benchmarks and scale: synthetic corpora of N documents, every stage in a fresh process.

Usage::

    python benchmarks/run.py            # N = 10, 100, 1000; large diff pair >= 500 KB
    python benchmarks/run.py --quick    # N = 5, 50; pair ~100 KB; under a minute
    python benchmarks/run.py --workdir DIR --jobs 2 --timeout 600

For each N a synthetic corpus is built deterministically (``benchmarks/synthetic.py``)
and written with ``policydiff.corpus.write_document``; the stages (``benchmarks/stage.py``
or the ``policydiff`` command) each run in a fresh subprocess whose wall time and peak
RSS the parent reads with ``os.wait4`` (the child's own ``getrusage``). A stage that
runs longer than ``--timeout`` is killed and recorded as "timed out"; a command the CLI
does not have is recorded as "not available".

Writes its table and JSON into ``--results`` (``benchmarks/results/``), named after the
mode of the run, so that a smoke or partial run never replaces the committed full table:

* a full run (the default sizes, the diff measured, seed 0, the default corpus) writes
  ``results-full.*`` and ``results.md`` / ``results.json``, the table the README cites;
* ``--quick`` writes ``results-quick.*`` only;
* any other run (``--sizes``, ``--skip-diff``, ``--seed``, ``--distinct-sentences``)
  writes ``results-partial.*`` only.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
PY = sys.executable
BIN = Path(PY).parent / "policydiff"
STAGE = str(HERE / "stage.py")
# Ingest every raw file up to this many documents; beyond it, a sample scaled up
# (--ingest-all lifts the cap).
INGEST_SAMPLE = 50
INGEST_ALL = False
# --distinct-sentences: no sentence repeated across the synthetic corpus
DISTINCT = False
# --quick: a smoke run in under a minute, so no cold report and one run per diff timing.
QUICK = False

FULL_SIZES = [10, 100, 1000]
# the targets are stated for a corpus of this many documents and a diff pair this large
TARGET_DOCUMENTS = 1000
TARGET_PAIR_BYTES = 500_000

TARGETS = {
    "report_seconds": 60.0,
    "report_peak_mb": 2048.0,
    "floor_ratio": 20.0,
    "exponent": 1.2,
    "check_seconds": 5.0,
    "diff_speedup": 10.0,
    "startup_ratio": 3.0,
}


# ---------------------------------------------------------------------------
# running a child and measuring it


def run_child(cmd: list[str], timeout: float, cwd: Path | None = None) -> dict[str, Any]:
    """Run ``cmd``; wall seconds, CPU seconds and peak RSS (MB) from wait4 (the child's
    and those of the worker processes it waited for), exit code, stdout, stderr."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, start_new_session=True)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return {
        "wall": wall,
        "peak_mb": usage.ru_maxrss / 1024.0,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rc": proc.returncode,
        "timed_out": timed_out.is_set(),
        "stdout": stdout,
        "stderr": stderr,
    }


def run_stage(name: str, args: dict[str, Any], timeout: float) -> dict[str, Any]:
    r = run_child([PY, STAGE, name, json.dumps(args)], timeout)
    if r["timed_out"]:
        return {"status": "timed out", "wall": r["wall"], "peak_mb": r["peak_mb"]}
    if r["rc"] != 0:
        return {"status": "failed", "wall": r["wall"], "error": r["stderr"][-1500:]}
    data = json.loads(r["stdout"].strip().splitlines()[-1])
    return {"status": "ok", "wall": r["wall"], "cpu": r["cpu"], "peak_mb": r["peak_mb"], **data}


def run_cli(args: list[str], timeout: float, ok_codes: tuple[int, ...] = (0,)) -> dict[str, Any]:
    r = run_child([str(BIN), *args], timeout)
    if r["timed_out"]:
        return {"status": "timed out", "wall": r["wall"], "peak_mb": r["peak_mb"]}
    if r["rc"] not in ok_codes:
        return {"status": "failed", "wall": r["wall"], "rc": r["rc"], "error": r["stderr"][-1500:]}
    return {
        "status": "ok",
        "seconds": r["wall"],
        "wall": r["wall"],
        "cpu": r["cpu"],
        "peak_mb": r["peak_mb"],
        "rc": r["rc"],
        "stdout_bytes": len(r["stdout"].encode()),
        "stderr_tail": r["stderr"][-300:],
    }


# ---------------------------------------------------------------------------
# what the CLI offers


def cli_commands() -> set[str]:
    r = subprocess.run([str(BIN), "--help"], capture_output=True, text=True)
    commands, inside = set(), False
    for line in r.stdout.splitlines():
        if line.strip() == "Commands:":
            inside = True
            continue
        if inside and line.startswith("  ") and line.strip():
            commands.add(line.split()[0])
    return commands


def accepts_jobs(command: str) -> bool:
    r = subprocess.run([str(BIN), command, "--help"], capture_output=True, text=True)
    return "--jobs" in r.stdout


class Cli:
    def __init__(self, jobs: int | None) -> None:
        self.commands = cli_commands()
        self.jobs = jobs
        self._jobs_ok: dict[str, bool] = {}

    def has(self, command: str) -> bool:
        return command in self.commands

    def args(self, command: str, *rest: str) -> list[str]:
        extra: list[str] = []
        if self.jobs is not None:
            if command not in self._jobs_ok:
                self._jobs_ok[command] = accepts_jobs(command)
            if self._jobs_ok[command]:
                extra = ["--jobs", str(self.jobs)]
        return [command, *rest, *extra]


# ---------------------------------------------------------------------------
# the measurements


def measure_corpus(n: int, work: Path, cli: Cli, timeout: float, seed: int, log) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    base = work / f"n{n}"
    shutil.rmtree(base, ignore_errors=True)
    corpus, raw = base / "corpus", base / "raw"
    sample = n if n <= 100 or INGEST_ALL else INGEST_SAMPLE
    out: dict[str, Any] = {"n": n}
    log(f"N={n}: building corpus")
    build = run_stage(
        "build",
        {
            "n": n,
            "corpus": str(corpus),
            "raw": str(raw),
            "seed": seed,
            "raw_limit": sample,
            "distinct": DISTINCT,
        },
        timeout,
    )
    out["build"] = build
    if build.get("status") != "ok":
        return out
    out["documents"], out["versions"], out["bytes"] = (
        build["documents"],
        build["versions"],
        build["bytes"],
    )
    stages: dict[str, Any] = {}
    out["stages"] = stages

    log(f"N={n}: floor")
    floor_run = functools.partial(run_stage, "floor", {"corpus": str(corpus)}, timeout)
    stages["floor"] = fastest(floor_run, REPEATS)

    log(f"N={n}: ingest ({sample} of {n} documents)")
    ingest = run_stage("ingest", {"raw": str(raw), "corpus": str(base / "ingested")}, timeout)
    if ingest.get("status") == "ok":
        ingest["sampled_documents"] = sample
        total_files = build["versions"]
        if ingest["files"] and ingest["files"] < total_files:
            scale = total_files / ingest["files"]
            ingest["measured_seconds"] = ingest["seconds"]
            ingest["seconds"] = ingest["seconds"] * scale
            ingest["note"] = (
                f"ingested {ingest['files']} of {total_files} raw files ({sample} documents) "
                f"and scaled linearly x{scale:.1f}; per-file cost grows with the corpus "
                "(each file is linked against every file ingested before it, through an "
                "index of their word 5-grams), so this underestimates"
            )
            ingest["scaled_bytes"] = int(ingest["bytes"] * scale)
    stages["ingest"] = ingest

    for name in ("structure", "themes", "evolution"):
        log(f"N={n}: {name}")
        stages[name] = run_stage(name, {"corpus": str(corpus)}, timeout)

    if cli.has("evolution"):
        log(f"N={n}: policydiff evolution --format json")
        stages["evolution_cli"] = run_cli(
            cli.args(
                "evolution",
                "--corpus",
                str(corpus),
                "--format",
                "json",
                "-o",
                str(base / "evolution.json"),
            ),
            timeout,
        )
    else:
        stages["evolution_cli"] = {"status": "not available"}

    if cli.has("report"):
        # After `evolution`, the analysis cache answers every version: the report of a
        # corpus kept in git, rerun after a change. report_cold analyses from scratch.
        log(f"N={n}: policydiff report (warm analysis cache)")
        report_args = cli.args(
            "report", "--corpus", str(corpus), "--out", str(base / "reports"), "-q"
        )
        stages["report"] = paired_with_floor(
            functools.partial(run_cli, report_args, timeout), floor_run, REPEATS
        )
        if stages["report"].get("status") == "ok":
            stages["report"]["outputs"] = sorted(
                str(p.relative_to(base / "reports"))
                for p in (base / "reports").rglob("*")
                if p.is_file()
            )[:50]
    else:
        stages["report"] = {"status": "not available", "fallback": "evolution_cli"}

    if cli.has("report") and not QUICK:
        log(f"N={n}: policydiff report --no-cache")
        cold_args = cli.args(
            "report",
            "--corpus",
            str(corpus),
            "--out",
            str(base / "reports-cold"),
            "--no-cache",
            "-q",
        )
        stages["report_cold"] = paired_with_floor(
            functools.partial(run_cli, cold_args, timeout), floor_run, REPEATS
        )

    if cli.has("check"):
        check_args = cli.args("check", "--corpus", str(corpus), "--reports", str(base / "reports"))
        # A first check with no cache to restore (a new CI cache, or one evicted): every
        # version fingerprinted, every pair bounded. Neither reads nor writes the cache.
        log(f"N={n}: check --no-cache")
        stages["check_cold"] = run_cli([*check_args, "--no-cache"], timeout, ok_codes=(0, 1))
        log(f"N={n}: check (warm, then after adding one document, {REPEATS} times)")
        # exit 1 = findings (e.g. reports out of date): a completed run
        warm = run_cli(check_args, timeout, ok_codes=(0, 1))
        added: list[str | None] = []

        def add_one_then_check() -> dict[str, Any]:
            # documents n, n + 1, ...: each check finds one new document, and the cache
            # the check before it wrote
            args = {"n": n + len(added), "corpus": str(corpus), "seed": seed, "distinct": DISTINCT}
            added.append(run_stage("add_one", args, timeout).get("added"))
            return run_cli(check_args, timeout, ok_codes=(0, 1))

        after = fastest(add_one_then_check, REPEATS)
        stages["check"] = {**after, "warm_run": warm, "added": added}
    else:
        stages["check"] = {"status": "not available"}

    floor = stages["floor"]
    for name, st in stages.items():
        if name == "floor" or st.get("status") != "ok" or floor.get("status") != "ok":
            continue
        nbytes = st.get("scaled_bytes") or st.get("bytes") or out["bytes"]
        floor_same_bytes = floor["seconds"] * nbytes / floor["bytes"]
        st["floor_ratio"] = st["seconds"] / floor_same_bytes if floor_same_bytes else None
        paired = paired_ratios(st, nbytes)
        if paired:
            st["paired_ratios"] = paired
            st["floor_ratio_to_first_floor"] = st["floor_ratio"]
            st["floor_ratio"] = statistics.median(paired)
    return out


def measure_diff(work: Path, cli: Cli, timeout: float, large_bytes: int, log) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(HERE))
    from synthetic import large_pair

    from policydiff.corpus import load_corpus, write_document
    from policydiff.models import Document, Version

    base = work / "diff"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    bundled = load_corpus(ROOT / "corpus")
    d21 = next(d for d in bundled if d.id.startswith("2021"))
    d23 = next(d for d in bundled if d.id.startswith("2023"))
    for name, doc in (("bundled-old.txt", d21), ("bundled-new.txt", d23)):
        english = doc.version("en")
        if english is None:
            raise SystemExit(f"the bundled {doc.id} has no English version")
        (base / name).write_text(english.text, encoding="utf-8")
    log(f"diff: building the large pair (>= {large_bytes // 1000} KB a side)")
    old, new = large_pair(large_bytes)
    (base / "large-old.txt").write_text(old, encoding="utf-8")
    (base / "large-new.txt").write_text(new, encoding="utf-8")
    pair_corpus = base / "corpus"
    for i, (ident, text) in enumerate((("large-old", old), ("large-new", new))):
        write_document(
            pair_corpus,
            Document(
                id=ident,
                title=f"Large synthetic {ident}",
                issuers=("General Office of the State Council",),
                date=dt.date(2000 + i, 1, 1),
                versions=(Version("en", "en", "translation", True, "synthetic", text),),
            ),
        )
    # the same two texts as versions of one document: the word diff alone, where across
    # two documents diff also pairs their commitments as compare does
    versions_corpus = base / "versions"
    write_document(
        versions_corpus,
        Document(
            id="large",
            title="Large synthetic document",
            issuers=("General Office of the State Council",),
            date=dt.date(2001, 1, 1),
            versions=(
                Version("en", "en", "translation", True, "synthetic", new),
                Version("en-2", "en", "translation", True, "synthetic, an earlier text", old),
            ),
        ),
    )
    results: dict[str, Any] = {}
    pairs = {
        "bundled 2021 en vs 2023 en": ("bundled", ROOT / "corpus", d21.id, d23.id),
        "large synthetic pair": ("large", pair_corpus, "large-old", "large-new"),
    }
    for label, (stem, corpus_path, old_id, new_id) in pairs.items():
        files = {"old": str(base / f"{stem}-old.txt"), "new": str(base / f"{stem}-new.txt")}
        r: dict[str, Any] = {
            "old_bytes": (base / f"{stem}-old.txt").stat().st_size,
            "new_bytes": (base / f"{stem}-new.txt").stat().st_size,
        }
        for name in ("seqmatcher", "htmldiff", "pdiff", "missed"):
            log(f"diff: {label}: {name}")
            runs = REPEATS if name in ("seqmatcher", "pdiff") else 1
            r[name] = fastest(functools.partial(run_stage, name, files, timeout), runs)
        if cli.has("diff"):
            log(f"diff: {label}: policydiff diff --format json")
            args = cli.args(
                "diff", old_id, new_id, "--corpus", str(corpus_path), "--format", "json"
            )
            r["pdiff_cli"] = fastest(functools.partial(run_cli, args, timeout), REPEATS)
            if stem == "large":
                log(f"diff: {label}: policydiff diff --format json, as versions of one document")
                args = cli.args(
                    "diff", "large:en-2", "large:en", "--corpus", str(versions_corpus),
                    "--format", "json",
                )  # fmt: skip
                r["pdiff_cli_versions"] = fastest(
                    functools.partial(run_cli, args, timeout), REPEATS
                )
        else:
            r["pdiff_cli"] = {"status": "not available"}
        sm = r["seqmatcher"]
        if sm.get("status") == "ok":
            for name in ("pdiff", "pdiff_cli", "pdiff_cli_versions"):
                p = r.get(name, {})
                if p.get("status") == "ok" and p.get("seconds"):
                    r[f"speedup_{name}"] = sm["seconds"] / p["seconds"]
        results[label] = r
    return results


# The diff speed-ups, the tokenisation floor and the report take the fastest of this many
# runs: this shared machine's speed swings by half from one minute to the next (a pure
# Python loop: 0.64-1.25 s), which would otherwise decide a ratio.
REPEATS = 3


def fastest(run: Any, repeats: int) -> dict[str, Any]:
    """The run (a stage or command result) with the fewest seconds of ``repeats``."""
    results = [run() for _ in range(repeats)]
    ok = [r for r in results if r.get("status") == "ok" and "seconds" in r]
    if repeats == 1 or not ok:
        return results[-1]
    best = min(ok, key=lambda r: r["seconds"])
    failed = [r for r in results if r not in ok]  # kept whole: what went wrong, and when
    return {
        **best,
        "runs": len(results),
        "all_seconds": [r.get("seconds") for r in results],
        **({"failed_runs": failed} if failed else {}),
    }


def paired_with_floor(run: Any, floor_run: Any, repeats: int) -> dict[str, Any]:
    """:func:`fastest` of ``repeats`` runs, each run just after a floor measurement of its
    own (``paired_floors``): this machine's speed drifts by a quarter within minutes, so
    a ratio to a floor taken minutes before says as much about the drift as about the
    command (see :func:`paired_ratios`)."""
    floors: list[dict[str, Any]] = []

    def after_a_floor() -> dict[str, Any]:
        floors.append(floor_run())
        return run()

    result = fastest(after_a_floor, repeats)
    result["paired_floors"] = [
        {"seconds": f.get("seconds"), "bytes": f.get("bytes")}
        if f.get("status") == "ok"
        else {"status": f.get("status")}
        for f in floors
    ]
    return result


def paired_ratios(st: dict[str, Any], nbytes: int) -> list[float]:
    """Each run's seconds over the floor measured just before it, for the same bytes."""
    seconds = st.get("all_seconds") or [st.get("seconds")]
    return [
        s / (f["seconds"] * nbytes / f["bytes"])
        for s, f in zip(seconds, st.get("paired_floors", ()), strict=False)
        if s and f.get("seconds") and f.get("bytes")
    ]


STARTUP_ROUNDS = 7


def best_of_each(cmds: list[list[str]], rounds: int = STARTUP_ROUNDS) -> list[float]:
    """The fastest run of each command, the commands taking turns round after round: a
    stall of this machine then slows every command alike, not the one whose runs it hit
    (measured one command after the other, `--help` once took longer with its bytecode
    than compiling it on every run)."""
    best = [float("inf")] * len(cmds)
    for _ in range(rounds):
        for i, cmd in enumerate(cmds):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=False)
            best[i] = min(best[i], time.perf_counter() - t)
    return best


@contextlib.contextmanager
def compiled_package() -> Iterator[None]:
    """policydiff's modules compiled to bytecode, as after an installation, then as before.

    This machine sets PYTHONDONTWRITEBYTECODE=1, so nothing of policydiff is ever cached
    and every command compiles it again (the standard library and the dependencies were
    compiled when installed). Only the ``__pycache__`` folders made here are removed.
    """
    # the package the commands import, which need not be ROOT's (an editable install run
    # from a copy of the repository imports the original); -P: not the one in the cwd
    found = subprocess.run(
        [PY, "-P", "-c", "import policydiff; print(policydiff.__file__)"],
        capture_output=True,
        text=True,
        check=True,
    )
    package = Path(found.stdout.strip()).parent
    before = set(package.rglob("__pycache__"))
    subprocess.run([PY, "-m", "compileall", "-q", str(package)], check=True)
    try:
        yield
    finally:
        for folder in set(package.rglob("__pycache__")) - before:
            shutil.rmtree(folder, ignore_errors=True)


def measure_startup() -> dict[str, Any]:
    floor, help_command = [PY, "-c", "pass"], [str(BIN), "--help"]
    py_source, help_source = best_of_each([floor, help_command])
    with compiled_package():
        py, help_ = best_of_each([floor, help_command])
    r = subprocess.run(
        [PY, "-X", "importtime", "-c", "import policydiff.cli"], capture_output=True, text=True
    )
    modules = []
    cumulative = {}
    for line in r.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)", line)
        if m:
            modules.append(m.group(4).strip())
            cumulative[m.group(4).strip()] = int(m.group(2))
    heavy = sorted(
        {m.split(".")[0] for m in modules if m.split(".")[0] in ("sklearn", "matplotlib")}
    )
    # and what a whole stage pays: importing the themes package
    r2 = subprocess.run(
        [PY, "-X", "importtime", "-c", "import policydiff.themes"], capture_output=True, text=True
    )
    heavy_themes = sorted(
        {
            m.group(1).split(".")[0]
            for m in re.finditer(r"\|\s+(sklearn\S*|matplotlib\S*|scipy\S*|numpy\S*)", r2.stderr)
        }
    )
    themes_us = 0
    for line in r2.stderr.splitlines():
        if line.rstrip().endswith("| policydiff.themes"):
            themes_us = int(line.split("|")[1])
    return {
        "python_pass_seconds": py,
        "policydiff_help_seconds": help_,
        "ratio": help_ / py,
        "policydiff_help_from_source_seconds": help_source,
        "ratio_from_source": help_source / py_source,
        "cli_import_ms": cumulative.get("policydiff.cli", 0) / 1000,
        "heavy_imported_by_cli": heavy,
        "import_policydiff_themes_ms": themes_us / 1000,
        "heavy_imported_by_policydiff_themes": heavy_themes,
    }


def fit_exponent(points: list[tuple[int, float]]) -> float | None:
    pts = [(math.log(n), math.log(s)) for n, s in points if s and s > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


# ---------------------------------------------------------------------------
# output


STAGE_ORDER = (
    "floor",
    "ingest",
    "structure",
    "themes",
    "evolution",
    "evolution_cli",
    "report",
    "report_cold",
    "check_cold",
    "check",
)


def _fmt_ratio(r: float | None) -> str:
    return "" if r is None else f"{r:.0f}×"


def _fmt_cpu(st: dict[str, Any]) -> str:
    return f"{st['cpu']:.2f}" if "cpu" in st else ""


def _fmt_exp(e: float | None) -> str:
    return "" if e is None else f"{e:.2f}"


def _cell_seconds(st: dict[str, Any]) -> str:
    if st.get("status") != "ok":
        return st.get("status", "?")
    mark = "*" if "measured_seconds" in st else ""
    failed = len(st.get("failed_runs", ()))
    note = f" ({failed} of {st['runs']} runs failed: see the JSON)" if failed else ""
    return f"{st['seconds']:.3f}{mark}{note}"


def markdown(res: dict[str, Any]) -> str:
    lines = [
        f"# policydiff benchmarks ({res['mode']})",
        "",
        f"Run {res['started']} on {res['machine']}; sizes N = {', '.join(map(str, res['sizes']))};"
        f" per-stage timeout {res['timeout']:.0f} s; --jobs {res['jobs']}"
        + (
            "; no sentence repeated across the corpus (--distinct-sentences)."
            if res.get("distinct_sentences")
            else "; sentences repeated across documents, as recombined from three (the default)."
        ),
        "",
        "Seconds are the stage's own work inside a fresh process (imports and corpus loading"
        " excluded) for library stages, and the whole command's wall time for CLI stages"
        " (`evolution_cli`, `report`, `report_cold`, `check_cold`, `check`). `report` runs after"
        " `evolution`, so the analysis cache answers every version (the case of a corpus"
        " kept in git and reported again after a change); `report_cold` is `report"
        " --no-cache`, analysing everything (not under --quick). `check_cold` is `check"
        " --no-cache` (a first CI run with no cache to restore); `check` is the run after"
        " adding one document, with the cache the run before it wrote."
        " CPU s is the user and system time of the whole process tree (the command and the"
        " worker processes it waited for, from wait4): with --jobs 2 a command cannot take"
        " less wall time than half of it. Peak MB is the largest RSS of any process of the"
        " tree (wait4)."
        " Ratio = seconds / (tokenisation floor seconds for the same bytes), the floor being"
        ' `re.findall(r"\\w+", text)` over every version.'
        + (
            f" `floor`, `report`, `report_cold` and `check` are the fastest of {REPEATS}"
            f" runs each (every run is in the JSON; `check` after adding each of {REPEATS}"
            " documents in turn); the other stages, one run. The ratio of `report`"
            " and `report_cold` is the median over their runs of each run's ratio to a floor"
            " measured just before it: this machine's speed drifts by a quarter within"
            " minutes, and the floor at the top of the table was taken minutes earlier."
            if REPEATS > 1
            else ""
        ),
        "",
        "## Stages",
        "",
        "| N | docs | versions | MB text | stage | seconds | wall s | CPU s | peak MB | × floor |",
        "|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for c in res["corpora"]:
        if "stages" not in c:
            lines.append(f"| {c['n']} | | | | build | {c['build'].get('status')} | | | | |")
            continue
        for name in STAGE_ORDER:
            st = c["stages"].get(name)
            if st is None:
                continue
            ratio = st.get("floor_ratio")
            lines.append(
                f"| {c['n']} | {c['documents']} | {c['versions']} | {c['bytes'] / 1e6:.2f} | {name} | "
                f"{_cell_seconds(st)} | {st.get('wall', 0):.2f} | {_fmt_cpu(st)} | "
                f"{st.get('peak_mb', 0):.0f} | {_fmt_ratio(ratio)} |"
            )
    notes = [c["stages"]["ingest"].get("note") for c in res["corpora"] if "stages" in c]
    notes = [n for n in notes if n]
    if notes:
        lines += ["", "\\* ingest " + notes[-1] + "."]
    lines += ["", "## Exponent of cost vs N (log-log least squares)", ""]
    lines += ["| stage | exponent | points |", "|---|---:|---|"]
    for name, e in res["exponents"].items():
        lines.append(
            f"| {name} | {_fmt_exp(e['exponent'])} | "
            f"{', '.join(f'{n}:{s:.3g}s' for n, s in e['points'])} |"
        )
    s = res["startup"]
    lines += [
        "",
        "## Start-up",
        "",
        f"- `python -c pass`: {s['python_pass_seconds'] * 1000:.0f} ms (best of {STARTUP_ROUNDS},"
        " taking turns with `policydiff --help`)",
        f"- `policydiff --help`: {s['policydiff_help_seconds'] * 1000:.0f} ms (best of"
        f" {STARTUP_ROUNDS}) — ratio {s['ratio']:.2f}×,"
        " with policydiff compiled to bytecode as after an installation; compiling its"
        f" modules on every run (this machine sets PYTHONDONTWRITEBYTECODE=1): "
        f"{s.get('policydiff_help_from_source_seconds', 0) * 1000:.0f} ms, "
        f"{s.get('ratio_from_source', 0):.2f}×",
        f"- `import policydiff.cli`: {s['cli_import_ms']:.0f} ms; sklearn/matplotlib imported: "
        f"{', '.join(s['heavy_imported_by_cli']) or 'none'}",
        f"- `import policydiff.themes` (what every themes/evolution/diff stage pays): "
        f"{s['import_policydiff_themes_ms']:.0f} ms; pulls in {', '.join(s['heavy_imported_by_policydiff_themes']) or 'nothing heavy'}",
        "",
        "## Diff baselines",
        "",
        "| pair | KB old/new | SequenceMatcher words s | HtmlDiff s | policydiff in-process s (structure + diff) | `policydiff diff --format json` s | speed-up (in-process / CLI, two documents / CLI, versions of one) | changed words in aligned pairs missed | whole-document matcher's changed words not shown |",
        "|---|---|---:|---:|---:|---:|---|---|---|",
    ]
    for label, r in res["diff"].items():

        def sec(x: dict[str, Any]) -> str:
            return f"{x['seconds']:.3f}" if x.get("status") == "ok" else x.get("status", "?")

        pd = r["pdiff"]
        pd_s = (
            f"{pd['seconds']:.3f} ({pd['structure_seconds']:.3f} + {pd['diff_seconds']:.3f})"
            if pd.get("status") == "ok" and pd.get("available")
            else pd.get("status", "?")
        )
        sp = " / ".join(
            f"{r[k]:.2f}×" if k in r else "–"
            for k in ("speedup_pdiff", "speedup_pdiff_cli", "speedup_pdiff_cli_versions")
        )
        mi = r["missed"]
        ok = mi.get("status") == "ok" and mi.get("available")
        pair_missed = (
            f"{mi['pair_missed']} of {mi['pair_changed_words']}" if ok else mi.get("status", "?")
        )
        missed = (
            f"{mi['missed']} of {mi['in_aligned_provisions']} ({mi['missed_share'] * 100:.1f}%)"
            if ok
            else mi.get("status", "?")
        )
        lines.append(
            f"| {label} | {r['old_bytes'] / 1000:.0f}/{r['new_bytes'] / 1000:.0f} | {sec(r['seqmatcher'])} | "
            f"{sec(r['htmldiff'])} | {pd_s} | {sec(r['pdiff_cli'])} | {sp} | {pair_missed} | {missed} |"
        )
    lines += [
        "",
        (
            "SequenceMatcher, policydiff in-process and the `diff` command: the fastest of "
            f"{REPEATS} runs each (every run is in the JSON); HtmlDiff and the "
            "missed-words check: one run."
            if REPEATS > 1
            else "One run of each (--quick)."
        ),
        "",
        "Changed words in aligned pairs: for every provision pair policydiff aligned, the words "
        "one side holds more of than the other (a multiset difference, so order and moved "
        "sentences do not count); each must be among the words of policydiff's changed ops of "
        "that pair. The last column is the older, stricter-looking check against the "
        "whole-document word matcher: it also counts every word of an item moved within a "
        "part (the synthetic pair moves many), which policydiff aligns and shows unchanged.",
    ]
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---|---|"]
    for t in res["targets"]:
        lines.append(f"| {t['target']} | {t['measured']} | {t['met']} |")
    lines.append("")
    return "\n".join(lines)


def targets(res: dict[str, Any]) -> list[dict[str, str]]:
    """Each target with what was measured and whether it is met: "n/a (needs ...)" where
    the run was too small for the target to apply (a smoke run at N = 50 says nothing of
    a target set at N = 1,000, either way)."""
    out = []
    big = max((c for c in res["corpora"] if "stages" in c), key=lambda c: c["n"], default=None)

    def add(target: str, measured: str, met: bool | None, needs: str | None = None) -> None:
        verdict = f"n/a (needs {needs})" if needs else {True: "yes", False: "NO", None: "n/a"}[met]
        out.append({"target": target, "measured": measured, "met": verdict})

    if big:
        n = big["n"]
        needs_n = None if n >= TARGET_DOCUMENTS else f"N = {TARGET_DOCUMENTS:,}"
        rep = big["stages"].get("report", {})
        cold = big["stages"].get("report_cold", {})
        for label, st in (
            ("`policydiff report` (warm cache)", rep),
            ("`policydiff report --no-cache`", cold),
        ):
            if not st:
                continue  # not measured (report_cold under --quick)
            if st.get("status") == "ok":
                add(
                    f"{label} on {n} docs ≤ {TARGETS['report_seconds']:.0f} s",
                    f"{st['seconds']:.1f} s",
                    st["seconds"] <= TARGETS["report_seconds"],
                    needs_n,
                )
                add(
                    f"{label} on {n} docs ≤ 2 GB peak",
                    f"{st['peak_mb']:.0f} MB",
                    st["peak_mb"] <= TARGETS["report_peak_mb"],
                    needs_n,
                )
                r = st.get("floor_ratio")
                add(
                    f"{label} within 20× of the tokenisation floor",
                    f"{r:.0f}×" if r else "?",
                    (r <= TARGETS["floor_ratio"]) if r else None,
                    needs_n,
                )
            else:
                add(
                    f"{label} on {n} docs",
                    st.get("status", "?"),
                    False if st.get("status") == "timed out" else None,
                    needs_n,
                )
        chk = big["stages"].get("check", {})
        if chk.get("status") == "ok":
            add(
                f"`check` after adding one document to {n} docs ≤ 5 s",
                f"{chk['seconds']:.2f} s",
                chk["seconds"] <= TARGETS["check_seconds"],
                needs_n,
            )
        else:
            add(
                f"`check` after adding one document to {n} docs ≤ 5 s", chk.get("status", "?"), None
            )
    for name, e in res["exponents"].items():
        if name == "floor" or e["exponent"] is None:
            continue
        sizes = [n for n, _ in e.get("points", [])]
        spans_target = bool(sizes) and min(sizes) <= 10 and max(sizes) >= TARGET_DOCUMENTS
        add(
            f"exponent of {name} ≤ 1.2",
            f"{e['exponent']:.2f}",
            e["exponent"] <= TARGETS["exponent"],
            None if spans_target else f"N = 10 to {TARGET_DOCUMENTS:,}",
        )
    large = res["diff"].get("large synthetic pair", {})
    pair_bytes = min(large.get("old_bytes", 0), large.get("new_bytes", 0))
    needs_pair = (
        None if pair_bytes >= TARGET_PAIR_BYTES else f"a {TARGET_PAIR_BYTES // 1000} KB pair"
    )
    for key, label in (
        ("speedup_pdiff_cli", "`policydiff diff` CLI, two documents (commitments paired too)"),
        ("speedup_pdiff_cli_versions", "`policydiff diff` CLI, two versions of one document"),
        ("speedup_pdiff", "diff_documents in-process"),
    ):
        if key in large:
            add(
                f"{label} ≥ 10× faster than whole-document SequenceMatcher (large pair)",
                f"{large[key]:.2f}×",
                large[key] >= TARGETS["diff_speedup"],
                needs_pair,
            )
    mi = large.get("missed", {})
    if mi.get("status") == "ok" and mi.get("available"):
        # a missed word is a fault at any size, so this one applies to a small pair too
        add(
            "`policydiff diff` misses none of the changed words in aligned provisions (large pair)",
            f"{mi['pair_missed']} of {mi['pair_changed_words']} missed",
            mi["pair_missed"] == 0,
        )
    s = res["startup"]
    add(
        "`policydiff --help` within 3× of `python -c pass`",
        f"{s['ratio']:.2f}×",
        s["ratio"] <= TARGETS["startup_ratio"],
    )
    add(
        "`import policydiff.cli` imports neither sklearn nor matplotlib",
        ", ".join(s["heavy_imported_by_cli"]) or "neither",
        not s["heavy_imported_by_cli"],
    )
    return out


def run_mode(quick: bool, sizes: list[int], skip_diff: bool, seed: int, distinct: bool) -> str:
    """The run's mode: full only for the run the committed full table comes from, quick
    for --quick, partial for anything else, so that it cannot replace the full table."""
    if quick:
        return "quick"
    if sizes == FULL_SIZES and not skip_diff and seed == 0 and not distinct:
        return "full"
    return "partial"


def result_stems(mode: str) -> tuple[str, ...]:
    """The file names (without suffix) a run of ``mode`` writes its table and JSON to."""
    return ("results", "results-full") if mode == "full" else (f"results-{mode}",)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--quick",
        action="store_true",
        help="N = 5, 50 and a ~100 KB pair; no cold report, one run per diff timing",
    )
    ap.add_argument(
        "--sizes", type=lambda s: [int(x) for x in s.split(",")], help="override N, e.g. 10,100"
    )
    ap.add_argument(
        "--workdir", type=Path, help="where corpora are built (default: a temp dir under /tmp)"
    )
    ap.add_argument("--keep", action="store_true", help="keep the workdir")
    ap.add_argument(
        "--jobs", type=int, default=None, help="passed to commands whose --help offers --jobs"
    )
    ap.add_argument(
        "--ingest-all",
        action="store_true",
        help="ingest every raw file at every N (at 1,000 documents: minutes), not a sample",
    )
    ap.add_argument(
        "--timeout", type=float, default=None, help="seconds per stage (600; --quick: 15)"
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--distinct-sentences",
        action="store_true",
        help="no sentence repeated across the corpus (the default repeats most, as a corpus"
        " recombined from three documents does)",
    )
    ap.add_argument("--skip-diff", action="store_true")
    ap.add_argument(
        "--results",
        type=Path,
        default=RESULTS,
        help="directory for results-<mode>.md/.json (only a full run also writes results.md)",
    )
    a = ap.parse_args(argv)
    global INGEST_ALL, QUICK, REPEATS, DISTINCT
    INGEST_ALL = a.ingest_all
    DISTINCT = a.distinct_sentences
    QUICK = a.quick
    if QUICK:
        REPEATS = 1
    # --quick: two sizes, not three. Each costs some 10 s whatever its N (the charts of a
    # report, the checks), and this machine's stalls add up to 12 s to a run.
    sizes = a.sizes or ([5, 50] if a.quick else FULL_SIZES)
    large_bytes = 100_000 if a.quick else TARGET_PAIR_BYTES
    mode = run_mode(a.quick, sizes, a.skip_diff, a.seed, a.distinct_sentences)
    if a.timeout is None:
        a.timeout = 15.0 if a.quick else 600.0
    work = a.workdir or Path(tempfile.mkdtemp(prefix="policydiff-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - t0:7.1f}s] {msg}", file=sys.stderr, flush=True)

    cli = Cli(a.jobs)
    res: dict[str, Any] = {
        "mode": mode,
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "sizes": sizes,
        "timeout": a.timeout,
        "jobs": a.jobs,
        "distinct_sentences": a.distinct_sentences,
        "workdir": str(work),
        "cli_commands": sorted(cli.commands),
    }
    log("start-up")
    res["startup"] = measure_startup()
    res["corpora"] = []
    a.results.mkdir(parents=True, exist_ok=True)
    for n in sizes:
        res["corpora"].append(measure_corpus(n, work, cli, a.timeout, a.seed, log))
        # a partial record, so that a long run interrupted later still leaves numbers
        (a.results / f"results-{mode}-in-progress.json").write_text(
            json.dumps(res, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
        )
    exps: dict[str, Any] = {}
    for name in STAGE_ORDER:
        pts = [
            (c["n"], c["stages"][name]["seconds"])
            for c in res["corpora"]
            if "stages" in c and c["stages"].get(name, {}).get("status") == "ok"
        ]
        exps[name] = {"exponent": fit_exponent(pts), "points": pts}
    res["exponents"] = exps
    res["diff"] = {} if a.skip_diff else measure_diff(work, cli, a.timeout, large_bytes, log)
    res["targets"] = targets(res)
    res["total_seconds"] = time.perf_counter() - t0
    a.results.mkdir(parents=True, exist_ok=True)
    text = json.dumps(res, indent=2, ensure_ascii=False, default=str) + "\n"
    md = markdown(res)
    for stem in result_stems(mode):
        (a.results / f"{stem}.json").write_text(text, encoding="utf-8")
        (a.results / f"{stem}.md").write_text(md, encoding="utf-8")
    (a.results / f"results-{mode}-in-progress.json").unlink(missing_ok=True)
    print(md)
    written = ", ".join(f"{stem}.md/.json" for stem in result_stems(mode))
    print(f"written to {a.results}: {written}", file=sys.stderr)
    if not a.keep and a.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
