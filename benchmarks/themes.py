"""Benchmark: theme matching (``match_sentence``) against a plain regex tokenisation pass.

Builds a synthetic 50,000-character English document and a 50,000-character Chinese one
deterministically from the bundled corpus (sentences recombined with
``random.Random(0)``), then times, best of 5 with ``time.perf_counter``:

* ``match_sentence`` over every sentence against the full bundled catalogue, cold: the
  compiled catalogue memoises each (sentence, language) it has matched, and the synthetic
  text says many sentences more than once (its pools are small), so the memo is emptied
  before every sentence; otherwise passes 2-5, and most of the Chinese pass, would only
  read answers back.  The compiled catalogue itself is built once, before timing;
* as the baseline, ``re.findall(r"\\w+", text)`` over the same text.

Run ``python benchmarks/themes.py``: prints a Markdown table and writes it to
``benchmarks/results/themes.md``.  Importable: :func:`run` returns the rows and
:func:`markdown` formats them.
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from policydiff.corpus import load_corpus
from policydiff.structure import structure_version
from policydiff.themes import Catalogue, load_catalogue, match_sentence
from policydiff.themes.match import _compile as compiled_catalogue

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
RESULTS = ROOT / "benchmarks" / "results" / "themes.md"
TARGET_CHARS = 50_000
REPEATS = 5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Synthetic:
    lang: str
    sentences: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Row:
    lang: str
    characters: int
    sentences: int
    step: str
    seconds: float
    ratio: float  # seconds / baseline seconds of the same text


def corpus_sentences(corpus_path: Path = CORPUS) -> dict[str, list[str]]:
    """Every sentence of every complete version of the corpus, per language."""
    out: dict[str, list[str]] = {"en": [], "zh": []}
    for document in load_corpus(corpus_path).documents:
        for version in document.versions:
            if not version.complete:
                continue
            sv = structure_version(document.id, version)
            out[version.lang].extend(s.text for s in sv.sentences if s.text.strip())
    return out


def synthesize(
    pool: Sequence[str], lang: str, target: int = TARGET_CHARS, seed: int = 0
) -> Synthetic:
    """Sentences drawn from ``pool`` with ``random.Random(seed)`` until exactly ``target``
    characters (the last one cut to fit)."""
    if not pool:
        raise ValueError(f"no {lang} sentences to build a synthetic document from")
    rng = random.Random(seed)
    sep = "" if lang == "zh" else " "
    picked: list[str] = []
    size = 0
    while size < target:
        sentence = rng.choice(pool)
        room = target - size - (len(sep) if picked else 0)
        picked.append(sentence[:room])
        size += len(picked[-1]) + (len(sep) if len(picked) > 1 else 0)
    text = sep.join(picked)
    assert len(text) == target, len(text)
    return Synthetic(lang, tuple(picked), text)


def best_of(func: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def run(catalogue: Catalogue | None = None, corpus_path: Path = CORPUS) -> list[Row]:
    """Time both steps on both synthetic documents; rows in (lang, step) order."""
    catalogue = catalogue if catalogue is not None else load_catalogue()
    pools = corpus_sentences(corpus_path)
    rows: list[Row] = []
    for lang in ("en", "zh"):
        doc = synthesize(pools[lang], lang)
        match_sentence(doc.sentences[0], lang, catalogue)  # compile the catalogue once

        def match_all_cold(doc: Synthetic = doc, lang: str = lang) -> None:
            memo = compiled_catalogue(catalogue).matched
            for sentence in doc.sentences:
                memo.clear()
                match_sentence(sentence, lang, catalogue)

        def tokenise(doc: Synthetic = doc) -> None:
            _WORD.findall(doc.text)

        baseline = best_of(tokenise)
        matched = best_of(match_all_cold)
        for step, seconds in (
            (r"baseline: re.findall(r'\w+', text)", baseline),
            ("match_sentence, full catalogue, memo emptied per sentence", matched),
        ):
            rows.append(
                Row(lang, len(doc.text), len(doc.sentences), step, seconds, seconds / baseline)
            )
    return rows


def markdown(rows: Sequence[Row], catalogue_size: int) -> str:
    lines = [
        "# Theme matching benchmark",
        "",
        f"Synthetic documents of {TARGET_CHARS:,} characters recombined from the bundled "
        f"corpus with `random.Random(0)`; catalogue of {catalogue_size} themes; "
        f"best of {REPEATS} runs (`time.perf_counter`); Python {sys.version.split()[0]}. "
        "`match_sentence` is timed cold: its per-sentence memo is emptied before each "
        "sentence, so every sentence is matched afresh.",
        "",
        "| text | characters | sentences | step | seconds | × baseline |",
        "|---|---:|---:|---|---:|---:|",
    ]
    for r in rows:
        ratio = f"{r.ratio:,.0f}" if r.ratio >= 10 else f"{r.ratio:.2f}"
        lines.append(
            f"| {r.lang} | {r.characters:,} | {r.sentences:,} | {r.step} | "
            f"{r.seconds:.4f} | {ratio} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    catalogue = load_catalogue()
    table = markdown(run(catalogue), len(catalogue))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(table, encoding="utf-8")
    print(table)
    print(f"written to {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
