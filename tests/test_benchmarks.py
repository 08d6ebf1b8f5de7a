"""The benchmark harness itself: the synthetic corpora it measures, the arithmetic behind
its ratios and verdicts, the checker behind "misses no changed word", and one small run
of ``benchmarks/run.py`` end to end. No timing is asserted here (see benchmarks/)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from benchmarks import lineage, run, scale, stage, synthetic
from policydiff.structure import structure_version
from policydiff.structure.numbering import match_label

pytestmark = pytest.mark.slow  # processes, charts, browsers or whole reports

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = 30


@pytest.fixture(scope="module")
def pools() -> dict[str, synthetic.Pool]:
    return synthetic.load_pools()


@pytest.fixture(scope="module")
def documents(pools: dict[str, synthetic.Pool]) -> list[synthetic.SynthDoc]:
    return list(synthetic.synthetic_documents(DOCUMENTS, 0, pools))


def _texts(docs: list[synthetic.SynthDoc]) -> list[tuple[str, str, str]]:
    return [(sd.document.id, v.key, v.text) for sd in docs for v in sd.document.versions]


def test_the_same_seed_builds_the_same_corpus_and_another_seed_another(
    pools: dict[str, synthetic.Pool], documents: list[synthetic.SynthDoc]
) -> None:
    again = list(synthetic.synthetic_documents(DOCUMENTS, 0, pools))
    assert _texts(again) == _texts(documents)
    other = _texts(list(synthetic.synthetic_documents(DOCUMENTS, 1, pools)))
    assert all(a[2] != b[2] for a, b in zip(_texts(documents), other, strict=False))


def _digest(docs: list[synthetic.SynthDoc]) -> str:
    return hashlib.sha256(repr(_texts(docs)).encode()).hexdigest()


def test_other_processes_build_the_same_corpus_whatever_their_hash_seed(
    documents: list[synthetic.SynthDoc],
) -> None:
    # nothing may depend on the order of a set of strings, which differs between processes
    script = (
        "from benchmarks import synthetic\n"
        "from tests.test_benchmarks import DOCUMENTS, _digest\n"
        "print(_digest(list(synthetic.synthetic_documents(DOCUMENTS))))\n"
    )
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        assert done.stdout.strip() == _digest(documents)


def test_a_hundred_thousand_documents_have_unique_ids_and_no_future_date() -> None:
    # the corpus refuses a date in the future; the dates start again before that
    dates = [synthetic.synthetic_date(i) for i in range(100_000)]
    assert max(dates) <= dt.date(2025, 12, 31)
    assert dates[: synthetic.SPAN_DAYS // synthetic.DAYS_APART] == sorted(set(dates[:3165]))
    assert len({synthetic.doc_id(i) for i in range(100_000)}) == 100_000


def test_dates_are_shifted_and_one_document_in_three_has_a_chinese_original(
    documents: list[synthetic.SynthDoc],
) -> None:
    dates = [sd.document.date for sd in documents]
    assert all((b - a).days == synthetic.DAYS_APART for a, b in pairwise(dates))
    assert len({sd.document.id for sd in documents}) == DOCUMENTS
    for i, sd in enumerate(documents):
        langs = [v.lang for v in sd.document.versions]
        assert langs == (["zh", "en"] if i % synthetic.ZH_EVERY == 0 else ["en"])
        if "zh" in langs:
            assert sd.document.version("zh").kind == "original"  # type: ignore[union-attr]
            # Chinese text, not English relabelled
            assert sum("\u4e00" <= ch <= "\u9fff" for ch in sd.document.versions[0].text) > 500


def test_no_sentence_repeats_inside_a_version(documents: list[synthetic.SynthDoc]) -> None:
    for sd in documents:
        for version in sd.document.versions:
            structured = structure_version(sd.document.id, version)
            sentences = [s.text.strip() for p in structured.provisions for s in p.sentences]
            repeated = [s for s, k in Counter(sentences).items() if k > 1]
            assert not repeated, (sd.document.id, version.key, repeated[:3])
            # several parts, numbered as the sources number theirs
            assert sum(p.level == 1 for p in structured.provisions) >= 3


def test_a_distinct_corpus_repeats_no_sentence_where_the_default_repeats_many() -> None:
    def repeated(distinct: bool) -> int:
        said: Counter[str] = Counter()
        for sd in synthetic.synthetic_documents(40, 3, None, distinct):
            for version in sd.document.versions:
                structured = structure_version(sd.document.id, version)
                said.update(
                    s.text.strip()
                    for p in structured.provisions
                    for s in p.sentences
                    if p.level > 1 or len(s.text) > 40  # a heading may be said again
                )
        return sum(k - 1 for k in said.values())

    assert repeated(distinct=True) == 0
    assert repeated(distinct=False) > 100


def test_documents_recombine_and_perturb_the_real_sentences(
    pools: dict[str, synthetic.Pool], documents: list[synthetic.SynthDoc]
) -> None:
    real = {
        s
        for pool in pools.values()
        for s in (
            *pool.preamble,
            *(s for item in pool.items for s in item.sentences),
            *(s for para in pool.paragraphs for s in para),
        )
    }
    sentences = [
        synthetic._clean_sentence(s.text)
        for sd in documents
        for v in sd.document.versions
        for p in structure_version(sd.document.id, v).provisions
        for s in p.sentences
    ]
    verbatim = sum(s in real for s in sentences) / len(sentences)
    # most sentences are real ones (the rest headings and perturbed sentences), not all
    assert 0.3 < verbatim < 0.9, verbatim
    # documents differ from one another: each draws its own parts
    firsts = {sd.document.versions[-1].text.splitlines()[1] for sd in documents}
    assert len(firsts) > DOCUMENTS // 2


@pytest.mark.parametrize("size", [20_000, 60_000])
def test_the_large_pair_is_large_related_and_different(size: int) -> None:
    # at 20,000 bytes the new side, which drops items, first comes out 19,197 bytes long
    old, new = synthetic.large_pair(size)
    assert len(old.encode()) >= size and len(new.encode()) >= size
    assert old != new
    # most sentences kept, some changed: where two unrelated sides share under a tenth
    sentences = re.compile(r"(?<=[.;])\s+|\n")
    old_sentences, new_sentences = set(sentences.split(old)), set(sentences.split(new))
    shared = len(old_sentences & new_sentences) / len(old_sentences)
    assert 0.6 < shared < 0.95, shared
    assert synthetic.large_pair(size) == (old, new)


def test_build_corpus_writes_a_corpus_policydiff_loads(tmp_path: Path) -> None:
    from policydiff.corpus import load_corpus

    stats = synthetic.build_corpus(4, tmp_path / "corpus", tmp_path / "raw")
    corpus = load_corpus(tmp_path / "corpus")
    assert [d.id for d in corpus.documents] == [synthetic.doc_id(i) for i in range(4)]
    assert stats["versions"] == sum(len(d.versions) for d in corpus.documents) == 6
    assert stats["raw_files"] == 6
    # the raw files carry a title and a date line above the body, as users save them
    raw = sorted((tmp_path / "raw").iterdir())
    assert raw[0].name == "00000-0-zh.txt"
    assert raw[0].read_text(encoding="utf-8").startswith("国务院办公厅关于")


# ---------------------------------------------------------------------------
# the arithmetic of run.py


def test_fit_exponent_recovers_a_power_law() -> None:
    points = [(n, 0.002 * n**1.5) for n in (10, 100, 1000)]
    assert run.fit_exponent(points) == pytest.approx(1.5)
    assert run.fit_exponent([(10, 1.0), (1000, 1.0)]) == pytest.approx(0.0)
    assert run.fit_exponent([(10, 1.0)]) is None
    assert run.fit_exponent([(10, 1.0), (100, None), (1000, 0.0)]) is None  # type: ignore[list-item]


def test_fastest_takes_the_quickest_run_and_keeps_the_failed_ones_in_place() -> None:
    results = iter(
        [
            {"status": "ok", "seconds": 3.0},
            {"status": "failed", "error": "boom"},
            {"status": "ok", "seconds": 2.0},
        ]
    )
    best = run.fastest(lambda: next(results), 3)
    assert best["seconds"] == 2.0
    assert best["all_seconds"] == [3.0, None, 2.0]
    assert best["failed_runs"] == [{"status": "failed", "error": "boom"}]


def test_each_run_is_divided_by_the_floor_measured_just_before_it() -> None:
    floors = iter(
        [
            {"status": "ok", "seconds": 0.5, "bytes": 1000},
            {"status": "ok", "seconds": 1.0, "bytes": 1000},
        ]
    )
    runs = iter([{"status": "ok", "seconds": 10.0}, {"status": "ok", "seconds": 12.0}])
    st = run.paired_with_floor(lambda: next(runs), lambda: next(floors), 2)
    assert st["seconds"] == 10.0
    # 10 s after a 0.5 s floor, 12 s after a 1.0 s floor; for 2,000 bytes the floors double
    assert run.paired_ratios(st, 2000) == [10.0, 6.0]


def _results(
    warm_ratio: float,
    cold_ratio: float,
    check_seconds: float,
    sizes: tuple[int, ...] = (10, 100, 1000),
    pair_bytes: int = 520_000,
) -> dict[str, Any]:
    def report(ratio: float) -> dict[str, Any]:
        return {"status": "ok", "seconds": 9.0, "peak_mb": 600.0, "floor_ratio": ratio}

    points = [(n, n / 100) for n in sizes]
    return {
        "corpora": [
            {
                "n": sizes[-1],
                "stages": {
                    "report": report(warm_ratio),
                    "report_cold": report(cold_ratio),
                    "check": {"status": "ok", "seconds": check_seconds},
                },
            }
        ],
        "exponents": {
            "floor": {"exponent": 1.0, "points": points},
            "ingest": {"exponent": 1.25, "points": points},
        },
        "diff": {
            "large synthetic pair": {
                "old_bytes": pair_bytes,
                "new_bytes": pair_bytes,
                "speedup_pdiff": 26.0,
                "missed": {
                    "status": "ok",
                    "available": True,
                    "pair_missed": 0,
                    "pair_changed_words": 1775,
                },
            }
        },
        "startup": {"ratio": 2.4, "heavy_imported_by_cli": ["matplotlib"]},
    }


def test_targets_say_which_are_met_and_which_are_not() -> None:
    met = {t["target"]: t["met"] for t in run.targets(_results(18.0, 26.0, 6.0))}
    assert met["`policydiff report` (warm cache) within 20× of the tokenisation floor"] == "yes"
    assert met["`policydiff report --no-cache` within 20× of the tokenisation floor"] == "NO"
    assert met["`policydiff report --no-cache` on 1000 docs ≤ 60 s"] == "yes"
    assert met["`check` after adding one document to 1000 docs ≤ 5 s"] == "NO"
    assert met["exponent of ingest ≤ 1.2"] == "NO"
    assert "exponent of floor ≤ 1.2" not in met
    assert (
        met[
            "diff_documents in-process ≥ 10× faster than whole-document SequenceMatcher (large pair)"
        ]
        == "yes"
    )
    assert (
        met["`policydiff diff` misses none of the changed words in aligned provisions (large pair)"]
        == "yes"
    )
    assert met["`import policydiff.cli` imports neither sklearn nor matplotlib"] == "NO"


def test_targets_set_at_a_thousand_documents_do_not_apply_to_a_smaller_run() -> None:
    small = _results(97.0, 120.0, 6.0, sizes=(5, 50), pair_bytes=100_000)
    met = {t["target"]: t["met"] for t in run.targets(small)}
    assert met["`policydiff report` (warm cache) within 20× of the tokenisation floor"] == (
        "n/a (needs N = 1,000)"
    )
    assert met["`check` after adding one document to 50 docs ≤ 5 s"] == "n/a (needs N = 1,000)"
    assert met["exponent of ingest ≤ 1.2"] == "n/a (needs N = 10 to 1,000)"
    speedup = "diff_documents in-process ≥ 10× faster than whole-document SequenceMatcher"
    assert met[f"{speedup} (large pair)"] == "n/a (needs a 500 KB pair)"
    # a missed word, start-up and imports are judged at any size
    missed = "`policydiff diff` misses none of the changed words in aligned provisions"
    assert met[f"{missed} (large pair)"] == "yes"
    assert met["`import policydiff.cli` imports neither sklearn nor matplotlib"] == "NO"


@pytest.mark.parametrize(
    ("argv", "stems"),
    [
        ([], ("results", "results-full")),
        (["--quick"], ("results-quick",)),
        (["--quick", "--sizes", "3"], ("results-quick",)),
        (["--sizes", "5"], ("results-partial",)),
        (["--skip-diff"], ("results-partial",)),
        (["--seed", "1"], ("results-partial",)),
        (["--distinct-sentences"], ("results-partial",)),
    ],
)
def test_only_a_full_run_writes_the_committed_full_table(
    argv: list[str], stems: tuple[str, ...]
) -> None:
    quick = "--quick" in argv
    sizes = [int(argv[argv.index("--sizes") + 1])] if "--sizes" in argv else None
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 0
    mode = run.run_mode(
        quick,
        sizes or ([5, 50] if quick else run.FULL_SIZES),
        "--skip-diff" in argv,
        seed,
        "--distinct-sentences" in argv,
    )
    assert run.result_stems(mode) == stems


# ---------------------------------------------------------------------------
# the checker behind "misses none of the changed words"


@pytest.fixture(scope="module")
def pair_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    old, new = synthetic.large_pair(40_000, seed=3)
    folder = tmp_path_factory.mktemp("pair")
    (folder / "old.txt").write_text(old, encoding="utf-8")
    (folder / "new.txt").write_text(new, encoding="utf-8")
    return {"old": str(folder / "old.txt"), "new": str(folder / "new.txt")}


def test_policydiff_misses_no_changed_word_of_the_provisions_it_aligns(
    pair_files: dict[str, str],
) -> None:
    found = stage.stage_missed(pair_files)
    assert found["pair_changed_words"] > 100
    assert found["pair_missed"] == 0, found["pair_examples"]


def test_the_checker_sees_a_change_a_diff_leaves_out(
    pair_files: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import policydiff.diff

    real = policydiff.diff.diff_documents

    def hiding_one_change(*args: Any, **kwargs: Any) -> policydiff.diff.DocumentDiff:
        result = real(*args, **kwargs)
        pairs = list(result.pairs)
        i = next(i for i, p in enumerate(pairs) if p.changed)
        ops = list(pairs[i].ops)
        ops.remove(next(op for op in ops if op.op != "equal"))
        pairs[i] = dataclasses.replace(pairs[i], ops=tuple(ops))
        return dataclasses.replace(result, pairs=tuple(pairs))

    monkeypatch.setattr(policydiff.diff, "diff_documents", hiding_one_change)
    found = stage.stage_missed(pair_files)
    assert 0 < found["pair_missed"] < found["pair_changed_words"]


# ---------------------------------------------------------------------------
# one small run, end to end


def test_a_small_run_measures_every_stage_and_writes_its_results(tmp_path: Path) -> None:
    out = tmp_path / "results"
    # as on this machine: the run's commands write no bytecode into the package, so the
    # start-up timing's clean-up (compiled_package) leaves the tree as it found it
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--sizes",
            "3",
            "--skip-diff",
            "--jobs",
            "2",
            "--workdir",
            str(tmp_path / "work"),
            "--results",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    res = json.loads((out / "results-quick.json").read_text(encoding="utf-8"))
    # a quick run leaves the full table alone
    assert not (out / "results.json").exists() and not (out / "results-full.json").exists()
    assert sorted(p.name for p in out.iterdir()) == ["results-quick.json", "results-quick.md"]
    (corpus,) = res["corpora"]
    assert corpus["n"] == 3
    stages = corpus["stages"]
    expected = {"floor", "ingest", "structure", "themes", "evolution", "evolution_cli"}
    expected |= {"report", "check_cold", "check"}
    assert expected <= set(stages)
    assert {name: stages[name]["status"] for name in expected} == dict.fromkeys(expected, "ok")
    # check ran after one more document was written into the corpus
    assert stages["check"]["added"] == [synthetic.doc_id(3)]
    assert "index.html" in stages["report"]["outputs"]
    assert res["startup"]["heavy_imported_by_cli"] == []
    table = (out / "results-quick.md").read_text(encoding="utf-8")
    assert "| 3 | 3 | 4 |" in table  # N, documents, versions
    assert "## Targets" in table


def test_the_crash_script_runs_and_finds_every_state_old_or_new(tmp_path: Path) -> None:
    out = tmp_path / "crashes.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "crashes.py"),
            "--kills",
            "2",
            "--pairs",
            "1",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["ingest kills"]["runs"] == 2 and not results["ingest kills"]["failures"]
    assert results["concurrent ingests"]["both_kept"] == 1
    assert sum(results["report kills"]["outcomes"].values()) == 2


# ---------------------------------------------------------------------------
# the other benchmark scripts


def test_the_thirty_children_of_the_large_lineage_all_differ(tmp_path: Path) -> None:
    from policydiff.corpus import load_corpus

    corpus = tmp_path / "corpus"
    lineage.build_large(corpus)
    children = [d for d in load_corpus(corpus).documents if d.id.startswith("child-")]
    texts = [d.versions[0].text for d in children]
    assert len(texts) == 30
    assert len(set(texts)) == 30
    # each child has its numbered items in an order of its own, whatever the numbering
    # style (the labels, which the swapped cues never touch, show the order)
    for i, text in enumerate(lineage.child_texts()):
        province = lineage.PROVINCES[i % len(lineage.PROVINCES)]
        source = (lineage.RAW / f"{province}-chengxiang-tandafeng.txt").read_text(encoding="utf-8")
        assert len(_item_labels(source)) > 10, province
        assert _item_labels(text) != _item_labels(source), (i, province)


def _item_labels(text: str) -> list[str]:
    return [
        label.text
        for line in text.splitlines()
        if lineage._starts_numbered_item(line) and (label := match_label(line.strip()))
    ]


def test_the_engines_table_says_the_machine_was_shared_only_when_it_was() -> None:
    def said(peak: float) -> str:
        res = {"cores": 2, "load_average_peak_1min": peak, "load_average_after": [peak, 1.0, 1.0]}
        return scale.load_sentence(res)

    assert "at most 1.5 during the runs on 2 cores" in said(1.5)
    assert "shared" not in said(1.5)
    assert "shared with other work" in said(3.2)
