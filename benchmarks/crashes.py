"""Kill ``policydiff ingest`` and ``policydiff report`` at random moments, and run pairs
of ingests of versions of one document at once; after each, the corpus and the reports
folder must be in the old state or the new one, with nothing lost.

    python benchmarks/crashes.py                 # 60 + 60 kills, 20 pairs: about 10 min
    python benchmarks/crashes.py --kills 5 --pairs 3 --seed 1   # a quick look

Half the kills land at a uniformly random moment between 0 and the time an unkilled run
of the same command takes (the fastest of three, measured first), so every stage is
hit: start-up, reading, staging, the charts; the other half in its last three tenths,
where the commit point, the moves and the swap are.

For ingest, "old or new" is checked twice: right after the kill, the documents the
corpus lists must be the old set or the new one, each readable (a reader never sees a
version listed whose text is missing); then, after the next writer's recovery
(:func:`policydiff.corpus.transaction.recover`), the whole folder must be byte for byte
the old tree or the new one. For report, the reports folder must be byte for byte the
old set or the new one at once (no recovery step); folders a killed run left beside it
are counted, and must be gone after the next run; and no worker process of a killed
report may outlive it by more than five seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policydiff.corpus import load_corpus  # noqa: E402
from policydiff.corpus.transaction import corpus_lock, recover  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "seeds"
SEED_2021_EN = SEEDS / "000_a79beb709a5b3477.txt"
SEED_2021_ZH = SEEDS / "001_f82538c24fddc7d2.txt"
SEED_2021_EN_PARTIAL = SEEDS / "003_9cb47a5805331d04.txt"
SEED_2023_EN = SEEDS / "004_e65841712e543070.txt"
DOC_2021 = "2021-green-development-urban"


def policydiff(*args: object) -> list[str]:
    return [sys.executable, "-m", "policydiff", *(str(a) for a in args)]


def tree(folder: Path) -> str:
    """Digest of every path and file under ``folder`` (hidden ones included)."""
    digest = hashlib.sha256()
    if not folder.exists():
        return "absent"
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def listed(corpus: Path) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | str:
    """What a reader sees: each document and each listed version's key and text digest."""
    try:
        loaded = load_corpus(corpus)
    except Exception as exc:  # any failure to read is the finding
        return f"unreadable: {exc}"
    return tuple(
        (
            d.id,
            tuple((v.key, hashlib.sha256(v.text.encode()).hexdigest()[:12]) for v in d.versions),
        )
        for d in loaded.documents
    )


def timed(command: list[str], cwd: Path, again: Callable[[], None] | None = None) -> float:
    """The fastest of three unkilled runs (``again`` puts the inputs back between them):
    a kill aimed at a moment of a slower run would mostly land after the end."""
    best = float("inf")
    for _ in range(3):
        if again is not None:
            again()
        start = time.monotonic()
        subprocess.run(command, cwd=cwd, check=True, capture_output=True)
        best = min(best, time.monotonic() - start)
    return best


def kill_moment(rng: random.Random, full: float, i: int) -> float:
    return rng.uniform(0, full) if i % 2 == 0 else rng.uniform(0.7 * full, full)


def kill_at(command: list[str], cwd: Path, delay: float) -> int | None:
    """Start ``command``, SIGKILL it after ``delay`` s; its exit code if it ended first."""
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        return process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return None


def lingering(marker: str, grace: float = 5.0) -> int:
    """Processes still running ``grace`` s after a kill whose command line holds
    ``marker`` (a killed command's workers must end with it)."""
    deadline = time.monotonic() + grace
    while True:
        found = 0
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if marker in (entry / "cmdline").read_bytes().decode(errors="replace"):
                        found += 1
                except OSError:
                    continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


# ---- ingest


def _base_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    subprocess.run(
        policydiff("ingest", "--corpus", corpus, SEED_2021_EN, "--date", "2021-10-21", "-q"),
        check=True,
        capture_output=True,
    )
    return corpus


INGEST_ARGS = (SEED_2021_ZH, SEED_2023_EN)  # a new version and a new document, one batch


def ingest_kills(count: int, rng: random.Random, work: Path) -> dict[str, object]:
    template = _base_corpus(work / "template")
    old_tree, old_listed = tree(template), listed(template)
    done = work / "done"

    def fresh() -> None:
        shutil.rmtree(done, ignore_errors=True)
        shutil.copytree(template.parent, done)

    full = timed(policydiff("ingest", "--corpus", done / "corpus", *INGEST_ARGS, "-q"), work, fresh)
    new_tree, new_listed = tree(done / "corpus"), listed(done / "corpus")
    outcome: Counter[str] = Counter()
    bad: list[str] = []
    for i in range(count):
        run_dir = work / f"ingest-{i}"
        shutil.copytree(template.parent, run_dir)
        corpus = run_dir / "corpus"
        delay = kill_moment(rng, full, i)
        code = kill_at(policydiff("ingest", "--corpus", corpus, *INGEST_ARGS, "-q"), work, delay)
        seen = listed(corpus)
        state = "old" if seen == old_listed else "new" if seen == new_listed else "other"
        with corpus_lock(corpus):
            recover(corpus)
        after = tree(corpus)
        settled = "old" if after == old_tree else "new" if after == new_tree else "other"
        outcome[f"{'finished' if code == 0 else 'killed'}: read {state}, settled {settled}"] += 1
        if state == "other" or settled == "other":
            bad.append(f"kill {i} at {delay:.2f}s: read {state}, settled {settled}")
        # the same ingest again must succeed (or say it is all there already)
        again = subprocess.run(
            policydiff("ingest", "--corpus", corpus, *INGEST_ARGS, "-q"),
            capture_output=True,
            text=True,
            check=False,
        )
        if settled == "old" and (again.returncode != 0 or tree(corpus) != new_tree):
            bad.append(f"kill {i}: ingest again failed: {again.stderr.strip()}")
        shutil.rmtree(run_dir)
    return {
        "runs": count,
        "unkilled_seconds": round(full, 2),
        "outcomes": dict(outcome),
        "failures": bad,
    }


def concurrent_pairs(count: int, work: Path) -> dict[str, object]:
    """Two ingests of two versions of one document at once: both must be listed."""
    template = _base_corpus(work / "pairs-template")
    bad: list[str] = []
    kept = 0
    for i in range(count):
        run_dir = work / f"pair-{i}"
        shutil.copytree(template.parent, run_dir)
        corpus = run_dir / "corpus"
        processes = [
            subprocess.Popen(
                policydiff("ingest", "--corpus", corpus, seed, "-q"),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for seed in (SEED_2021_ZH, SEED_2021_EN_PARTIAL)
        ]
        codes = [p.wait() for p in processes]
        errors = [p.stderr.read() if p.stderr else "" for p in processes]
        seen = listed(corpus)
        keys = (
            sorted(k for d in seen if d[0] == DOC_2021 for k, _ in d[1])
            if not isinstance(seen, str)
            else []
        )
        stray = sorted(p.name for p in (corpus / DOC_2021).iterdir() if p.suffix == ".txt")
        listed_files = {f"{k}.txt" for k in keys}
        if codes == [0, 0] and keys == ["en", "en-2", "zh"] and set(stray) == listed_files:
            kept += 1
        else:
            bad.append(f"pair {i}: exit {codes}, versions {keys}, files {stray}, {errors}")
        shutil.rmtree(run_dir)
    return {"pairs": count, "both_kept": kept, "failures": bad}


# ---- report


def report_kills(count: int, rng: random.Random, work: Path) -> dict[str, object]:
    corpus = work / "report-corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    old_corpus = work / "report-old-corpus"
    shutil.copytree(ROOT / "corpus" / DOC_2021, old_corpus / DOC_2021)
    template = work / "report-template"
    subprocess.run(
        policydiff("report", "--corpus", old_corpus, "--out", template / "reports", "-q"),
        check=True,
        capture_output=True,
    )
    old = tree(template / "reports")
    done = work / "report-done"
    shutil.copytree(template, done)
    command = ["report", "--corpus", corpus, "--out"]
    full = timed(policydiff(*command, done / "reports", "-q"), work)
    new = tree(done / "reports")
    outcome: Counter[str] = Counter()
    bad: list[str] = []
    leftovers = orphans = 0
    for i in range(count):
        run_dir = work / f"report-{i}"
        shutil.copytree(template, run_dir)
        reports = run_dir / "reports"
        delay = kill_moment(rng, full, i)
        code = kill_at(policydiff(*command, reports, "-q"), work, delay)
        left = lingering(str(reports))
        orphans += left
        if left:
            bad.append(f"kill {i}: {left} worker processes outlived the killed report")
        found = tree(reports)
        state = "old" if found == old else "new" if found == new else "other"
        beside = [p.name for p in run_dir.iterdir() if p.name != "reports"]
        leftovers += bool(beside)
        outcome[f"{'finished' if code == 0 else 'killed'}: {state}"] += 1
        if state == "other":
            bad.append(f"kill {i} at {delay:.2f}s: reports folder is neither set")
        if beside:  # the next run removes what a killed one left
            subprocess.run(policydiff(*command, reports, "-q"), check=True, capture_output=True)
            if [p.name for p in run_dir.iterdir() if p.name != "reports"]:
                bad.append(f"kill {i}: {beside} still beside the reports after the next run")
        shutil.rmtree(run_dir)
    return {
        "runs": count,
        "unkilled_seconds": round(full, 2),
        "outcomes": dict(outcome),
        "runs_leaving_a_staging_folder": leftovers,
        "orphaned_workers": orphans,
        "failures": bad,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=60, help="kills of each command")
    parser.add_argument("--pairs", type=int, default=20, help="pairs of concurrent ingests")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="policydiff-crashes-") as tmp:
        work = Path(tmp)
        results = {
            "ingest kills": ingest_kills(args.kills, rng, work),
            "concurrent ingests": concurrent_pairs(args.pairs, work),
            "report kills": report_kills(args.kills, rng, work),
        }
    results["minutes"] = round((time.monotonic() - started) / 60, 1)  # type: ignore[assignment]
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    failed = any(r.get("failures") for r in results.values() if isinstance(r, dict))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
