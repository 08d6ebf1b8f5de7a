"""The linker: its decisions on the seeds, and its candidate index against comparing with all."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from policydiff.ingest.link import (
    SAME_LANGUAGE_CANDIDATES,
    HeldIndex,
    LinkDecision,
    anchor_share,
    cross_facts,
    cross_language_score,
    decide,
)
from policydiff.models import Document, Version, read_issue_date
from policydiff.structure import split_sentences
from policydiff.textsim.near import DUPLICATE_RATIO
from policydiff.textsim.shingles import sampled_shingles
from tests.conftest import (
    SEED_2021_EN,
    SEED_2021_EN_PARTIAL,
    SEED_2021_ZH,
    SEED_2023_EN,
    SEED_2025_EN,
)

SEEDS = [SEED_2021_EN, SEED_2021_EN_PARTIAL, SEED_2021_ZH, SEED_2023_EN, SEED_2025_EN]
SEED_DATES = {
    SEED_2021_EN: dt.date(2021, 10, 21),
    SEED_2021_EN_PARTIAL: dt.date(2021, 10, 21),
    SEED_2021_ZH: dt.date(2021, 10, 21),
    SEED_2023_EN: dt.date(2023, 12, 27),
    SEED_2025_EN: dt.date(2025, 8, 15),
}


def _version(path: Path, key: str = "") -> Version:
    text = path.read_text(encoding="utf-8")
    lang = "zh" if sum("\u4e00" <= ch <= "\u9fff" for ch in text) > len(text) / 4 else "en"
    return Version(key=key or lang, lang=lang, kind="original", complete=True, source="", text=text)


def _document(doc_id: str, version: Version, date: dt.date) -> Document:
    return Document(
        id=doc_id, title=doc_id, issuers=("x",), date=date, source="", versions=(version,)
    )


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations(SEEDS, 2)))
def test_cross_language_evidence_names_the_shared_glossary_terms(a: Path, b: Path) -> None:
    new, held = _version(a), _version(b)
    if new.lang == held.lang:
        return
    _score, evidence = cross_language_score(new, held)
    zh, en = (new, held) if new.lang == "zh" else (held, new)
    share, shared = anchor_share(cross_facts(zh.text, "zh"), cross_facts(en.text, "en"))
    assert f"{share:.0%} of glossary terms shared ({', '.join(shared[:6])})" in evidence


def test_decide_matches_on_the_seeds() -> None:
    held_en = _version(SEED_2021_EN)
    docs = (
        _document("a", held_en, dt.date(2021, 10, 21)),
        _document("b", _version(SEED_2023_EN), dt.date(2023, 1, 1)),
    )
    zh = decide(_version(SEED_2021_ZH), docs)
    assert (zh.outcome, zh.document_id) == ("version", "a")
    partial = decide(_version(SEED_2021_EN_PARTIAL), docs)
    assert partial.document_id == "a" and partial.score > 0
    assert decide(held_en, docs).outcome == "duplicate"
    new = decide(_version(SEED_2025_EN), docs, dt.date(2025, 1, 1))
    assert new.outcome == "new"


@pytest.mark.parametrize(
    ("held_date", "outcome"),
    [("2021-10", "version"), ("2021-10~", "version"), ("2021-09", "new")],
)
def test_a_file_dated_within_a_held_month_or_estimate_is_offered_and_linked_to_it(
    held_date: str, outcome: str
) -> None:
    # the Chinese original held with only its month (or an estimate) known, the English
    # translation dated 21 October 2021: the same document, unless its month is another
    held = replace(
        _document("a", _version(SEED_2021_ZH), read_issue_date(held_date).earliest),
        date_written=held_date,
    )
    new, day = _version(SEED_2021_EN), dt.date(2021, 10, 21)
    candidates = HeldIndex((held,)).candidates(new, day)
    assert [d.id for d in candidates] == (["a"] if outcome == "version" else [])
    decision = decide(new, (held,), day)
    assert decision.outcome == outcome
    if outcome == "new":  # the dates say two documents, and the score is cut to say so
        assert "but its date 2021-10-21 differs from 2021-09" in decision.evidence


def test_an_estimate_more_than_a_year_off_is_another_document() -> None:
    held = replace(
        _document("a", _version(SEED_2021_ZH), dt.date(2019, 10, 1)), date_written="2019-10~"
    )
    decision = decide(_version(SEED_2021_EN), (held,), dt.date(2021, 10, 21))
    assert decision.outcome == "new"
    assert "but its date 2021-10-21 differs from ≈2019-10" in decision.evidence


def test_whole_ratio_cutoff_keeps_near_duplicates() -> None:
    held = _version(SEED_2021_EN)
    near = Version(
        key="en", lang="en", kind="translation", complete=True, source="", text=held.text + "x"
    )
    decision = decide(near, (_document("a", held, dt.date(2021, 10, 21)),))
    assert decision.outcome == "duplicate" and decision.score * 100 >= DUPLICATE_RATIO


@pytest.mark.parametrize("new_path", SEEDS)
def test_index_candidates_give_the_exhaustive_decision_on_the_seeds(new_path: Path) -> None:
    held = tuple(
        _document(f"d{i}", _version(path), SEED_DATES[path])
        for i, path in enumerate(SEEDS)
        if path != new_path
    )
    new, date = _version(new_path), SEED_DATES[new_path]
    _assert_same_decision(
        decide(new, HeldIndex(held).candidates(new, date), date), decide(new, held, date)
    )


def _assert_same_decision(prefiltered: LinkDecision, exhaustive: LinkDecision) -> None:
    """Equal, except that a "new" answer's evidence may name another (not linkable) text."""
    if exhaustive.outcome == "new":
        assert (prefiltered.outcome, prefiltered.document_id) == ("new", "")
    else:
        assert prefiltered == exhaustive


def _crowd(size: int) -> tuple[Document, ...]:
    """``size`` English documents, each a different third of the 2023 text's sentences."""
    text = _version(SEED_2023_EN).text
    sentences = [text[s:e] for s, e in split_sentences(text, "en")]
    return tuple(
        _document(
            f"crowd-{k:02d}",
            _version_of(" ".join(s for i, s in enumerate(sentences) if (i * 7 + k) % 3 == 0)),
            dt.date(2022, 1, 1) + dt.timedelta(days=k),
        )
        for k in range(size)
    )


def _version_of(text: str) -> Version:
    return Version(key="en", lang="en", kind="translation", complete=True, source="", text=text)


@pytest.mark.slow
@pytest.mark.parametrize("new_path", [SEED_2021_EN_PARTIAL, SEED_2023_EN, SEED_2021_ZH])
def test_a_crowd_of_similar_texts_is_cut_to_candidates_without_changing_the_decision(
    new_path: Path,
) -> None:
    held = (
        *_crowd(3 * SAME_LANGUAGE_CANDIDATES),
        _document("target", _version(SEED_2021_EN), SEED_DATES[SEED_2021_EN]),
    )
    new, date = _version(new_path), SEED_DATES[new_path]
    candidates = HeldIndex(held).candidates(new, date)
    same_language = [v for d in candidates for v in d.versions if v.lang == new.lang]
    assert len(same_language) <= SAME_LANGUAGE_CANDIDATES
    assert len(candidates) < len(held)
    decision = decide(new, candidates, date)
    _assert_same_decision(decision, decide(new, held, date))
    if new_path != SEED_2023_EN:  # the 2023 text is a third found in each: new
        assert (decision.outcome, decision.document_id) == ("version", "target")


def test_the_index_keeps_up_with_added_versions_and_timeline_order() -> None:
    held_en = _version(SEED_2021_EN)
    index = HeldIndex([_document("b", _version(SEED_2023_EN), SEED_DATES[SEED_2023_EN])])
    index.add(_document("a", held_en, SEED_DATES[SEED_2021_EN]))
    zh = _version(SEED_2021_ZH)
    index.add(
        Document(
            id="a",
            title="a",
            issuers=("x",),
            date=SEED_DATES[SEED_2021_EN],
            source="",
            versions=(held_en, zh),
        )
    )
    candidates = index.candidates(_version(SEED_2021_EN_PARTIAL), SEED_DATES[SEED_2021_EN])
    assert [(d.id, [v.key for v in d.versions]) for d in candidates] == [
        ("a", ["en", "zh"]),
        ("b", ["en"]),
    ]


def test_sampled_shingles_do_not_depend_on_the_process() -> None:
    # CRC-32, not hash(): the same sample in every run, whatever PYTHONHASHSEED is.
    assert sampled_shingles("one two three four five six seven eight nine ten", "en") == (
        sampled_shingles("One two  three four five six seven eight nine ten.", "en")
    )
    everything = sampled_shingles(_version(SEED_2021_EN).text, "en")
    assert everything and all(crc % 8 == 0 for crc in everything)
    script = (
        "import sys\n"
        "from policydiff.textsim.shingles import sampled_shingles\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "print(sorted(sampled_shingles(text, 'en')))\n"
    )
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", script, str(SEED_2021_EN)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
            text=True,
        )
        assert result.stdout.strip() == str(sorted(everything))
