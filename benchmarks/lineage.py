"""How fast ``compare`` and ``lineage`` run: the example lineage, and a parent with 200
commitments and 30 children.

Usage::

    python benchmarks/lineage.py            # both, three runs each, median reported
    python benchmarks/lineage.py --runs 1

Each command runs in a fresh process (its wall time includes Python's start-up and the
imports, as a user waits for it). Targets (issue 23): ``lineage`` and ``compare`` of a
parent with 4 children under 5 s each; ``compare`` of a 200-commitment parent with 30
children under 60 s. Beside each time, its ratio to a baseline measured in the same run
(``policydiff list`` of the same corpus: start-up, reading and structuring every text),
so that a slower or faster machine shows in the baseline, not as a regression.

The large corpus is built here from the example lineage's raw texts: the ministry plan
cut to its first 200 commitment clauses (in provision order, sections renumbered as
they stand) as parent, and 30 children made from the five provincial plans, each copy
with its provisions in another order and its directive cues swapped for others of the
lexicon, so that no two children are alike. Writes ``benchmarks/results/lineage.md``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RAW = ROOT / "examples" / "lineage" / "raw"
EXAMPLE = ROOT / "examples" / "lineage" / "corpus"
BIN = Path(sys.executable).parent / "policydiff"
PARENT = "2022-chengxiangjianshe-tandafeng"
PROVINCES = ("yunnan", "chongqing", "guangdong", "henan", "2022-shanghai")
SWAPS = (
    ("推进", "加快推进"),
    ("推动", "大力推动"),
    ("加强", "强化"),
    ("鼓励", "积极推动"),
    ("积极", "稳步"),
)
TARGETS = {"lineage-4": 5.0, "compare-4": 5.0, "compare-200x30": 60.0}


def _timed(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(BIN), *args], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _parent_text(commitments: int) -> str:
    """The ministry plan's lines up to its ``commitments``-th commitment clause."""
    from policydiff.models import Version
    from policydiff.restatement.clauses import version_clauses
    from policydiff.structure import structure_version

    text = (RAW / "2022-central-chengxiang-tandafeng.txt").read_text(encoding="utf-8")
    version = Version("zh", "zh", "original", True, "benchmark", text)
    clauses = version_clauses(structure_version("p", version))
    if len(clauses) <= commitments:
        return text
    last = clauses[commitments - 1].sentence
    cut = text.index(last) + len(last)
    return text[: text.index("\n", cut) + 1 if "\n" in text[cut:] else len(text)]


def _child_text(source: str, seed: int) -> str:
    rng = random.Random(seed)
    lines = source.splitlines()
    head, body = lines[:3], lines[3:]
    blocks: list[list[str]] = []
    for line in body:
        if (
            line[:2] in {"（一", "（二", "（三", "（四", "（五", "（六", "（七", "（八", "（九"}
            or not blocks
        ):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    rng.shuffle(blocks)
    text = "\n".join(head + [line for block in blocks for line in block]) + "\n"
    for old, new in rng.sample(SWAPS, 2):
        text = text.replace(old, new)
    return text


def build_large(corpus: Path, commitments: int = 200, children: int = 30) -> None:
    """Written with the corpus API: ingest would rightly refuse children this alike."""
    import datetime as dt

    from policydiff.corpus.transaction import write_document
    from policydiff.models import Document, Version

    def document(doc_id: str, text: str, parents: tuple[str, ...] | None) -> Document:
        version = Version("zh", "zh", "original", True, "benchmarks/lineage.py", text)
        date = dt.date(2022, 6, 30) if parents is None else dt.date(2023, 1, 1)
        return Document(doc_id, doc_id, (), date, (version,), parents=parents)

    write_document(corpus, document("parent", _parent_text(commitments), None))
    for i in range(children):
        province = PROVINCES[i % len(PROVINCES)]
        source = (RAW / f"{province}-chengxiang-tandafeng.txt").read_text(encoding="utf-8")
        write_document(corpus, document(f"child-{i:02d}", _child_text(source, i), ("parent",)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = []
    base4 = _timed(["list", "--corpus", str(EXAMPLE), "--no-cache"], args.runs)
    rows.append(("list (baseline), example lineage", base4, 1.0, None))
    for name, command in (
        ("lineage-4", ["lineage", "--corpus", str(EXAMPLE)]),
        (
            "compare-4",
            ["compare", PARENT, "--children", "--corpus", str(EXAMPLE), "--format", "json"],
        ),
    ):
        seconds = _timed(command, args.runs)
        rows.append((name, seconds, seconds / base4, TARGETS[name]))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        build_large(corpus)
        base = _timed(["list", "--corpus", str(corpus), "--no-cache"], args.runs)
        rows.append(("list (baseline), 1 parent + 30 children", base, 1.0, None))
        seconds = _timed(
            ["compare", "parent", "--children", "--corpus", str(corpus), "--format", "json"],
            args.runs,
        )
        rows.append(("compare-200x30", seconds, seconds / base, TARGETS["compare-200x30"]))
    lines = [
        "# compare and lineage",
        "",
        f"Median of {args.runs} runs, each in a fresh process (`python benchmarks/lineage.py`).",
        "",
        "| what | seconds | × baseline | target | met |",
        "|---|---|---|---|---|",
    ]
    for name, seconds, ratio, target in rows:
        met = "" if target is None else ("yes" if seconds < target else "no")
        goal = "" if target is None else f"< {target:g} s"
        lines.append(f"| {name} | {seconds:.2f} | {ratio:.1f} | {goal} | {met} |")
    out = HERE / "results" / "lineage.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
