"""Discovery on real Chinese plans: the six of examples/lineage/raw ingested beside the
bundled corpus, with the themes analysts track there hidden from the catalogue."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydiff.analysis.mentions import discover_timeline, structure_timeline
from policydiff.cli import main
from policydiff.corpus import load_corpus
from policydiff.render import json_records
from policydiff.themes.catalogue import Catalogue, load_catalogue
from policydiff.themes.concepts import glossary_terms
from policydiff.themes.discover import Candidate, write_candidates_yaml
from policydiff.themes.match import match_sentence
from policydiff.themes.segment import chinese_segmenter
from tests.conftest import BUNDLED, REPO

RAW = REPO / "examples" / "lineage" / "raw"
# Themes the catalogue lacks (issue 22), each with the words that name it.
MISSING = {
    "energy-standards-and-quotas": ("节能标准", "能耗限额", "节能要求"),
    "building-electrification": ("电气化",),
    "demolition-control": ("大拆大建",),
    "super-high-rise-control": ("超高层",),
    "carbon-sinks": ("碳汇",),
    "coal-consumption-control": ("煤炭",),
    "dual-control": ("双控",),
    "energy-performance-contracting": ("合同能源管理",),
    "heat-metering": ("供热计量",),
    "zero-carbon": ("零碳",),
}
# Phrases of these plans that name them.
PROBES = ("执行75%节能标准", "实施能耗限额管理", "推进建筑电气化", "防止大拆大建",
          "严格控制新建超高层建筑", "提升碳汇能力", "严格控制煤炭消费", "实行能耗双控",
          "推广合同能源管理", "推进供热计量", "建设零碳建筑和零碳社区")  # fmt: skip


def hidden_catalogue() -> Catalogue:
    """The catalogue without the missing themes, whatever their ids: a theme goes when
    one of its Chinese terms or its label holds a word that names one, or when it is
    mentioned in a phrase that names one."""
    catalogue = load_catalogue()
    words = [w for names in MISSING.values() for w in names]
    found = {m[0] for probe in PROBES for m in match_sentence(probe, "zh", catalogue)}
    return Catalogue(
        tuple(
            t
            for t in catalogue.themes
            if t.id not in found and not any(w in v for w in words for v in (*t.zh, t.label_zh))
        )
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lineage") / "corpus"
    shutil.copytree(BUNDLED, path)
    files = [str(p) for p in sorted(RAW.glob("*.txt"))]
    assert len(files) == 6
    # Most of these plans' dates are unknown (see their .source.yaml): one date serves.
    args = ["ingest", "--corpus", str(path), "--new-document", "--date", "2022-06-30", "-q"]
    result = CliRunner().invoke(main, [*args, *files], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def candidates(corpus: Path) -> tuple[Candidate, ...]:
    return discover_timeline(structure_timeline(load_corpus(corpus)), hidden_catalogue())


def test_the_hidden_catalogue_lacks_the_missing_themes() -> None:
    catalogue = hidden_catalogue()
    assert all(not match_sentence(probe, "zh", catalogue) for probe in PROBES)
    assert len(catalogue) > len(load_catalogue()) // 2


def proposed(candidates: tuple[Candidate, ...]) -> dict[str, str]:
    """Missing theme -> the first Chinese candidate one of whose first three Chinese
    terms names it."""
    out: dict[str, str] = {}
    for theme, words in MISSING.items():
        for cand in candidates:
            if "zh" in cand.lang and any(w in t for t in cand.zh[:3] for w in words):
                out.setdefault(theme, cand.id)
    return out


def test_word_labelled_candidates_for_at_least_three_missing_themes(
    candidates: tuple[Candidate, ...],
) -> None:
    found = proposed(candidates)
    assert len(found) >= 3, found
    for cand in candidates:
        if cand.id in found.values():
            assert len(cand.documents) >= 2 and all(m.lang == "zh" for m in cand.members)


def test_chinese_labels_are_whole_words_of_their_sentences(
    candidates: tuple[Candidate, ...],
) -> None:
    segmenter = chinese_segmenter(glossary_terms(hidden_catalogue()))
    chinese = [c for c in candidates if "zh" in c.lang]
    assert len(chinese) >= 10
    for cand in chinese:
        words = [segmenter.words(m.text) for m in cand.members if m.lang == "zh"]
        runs = {
            "".join(w.text for w in ws[i:j])
            for ws in words
            for i in range(len(ws))
            for j in range(i + 1, min(i + 4, len(ws)) + 1)
            if all(w.content for w in ws[i:j])
        }
        for term in cand.zh:
            if re.search(r"[a-z]", term):
                continue
            assert term in runs, (cand.id, term)
            assert not re.search(r"[\d、，。；：（）]", term), (cand.id, term)


def test_the_old_fragment_labels_are_gone(candidates: tuple[Candidate, ...]) -> None:
    terms = {t for c in candidates for t in c.terms}
    assert not terms & {"五时", "时期", "十", "入推进大", "动", "巩", "托管", "改", "融"}
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", c.id) for c in candidates)


@pytest.mark.slow
def test_the_command_prints_what_the_library_finds_and_writes_a_catalogue(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "candidates.yaml"
    args = ["themes", "--corpus", str(corpus), "--discover", "--format", "json"]
    result = CliRunner().invoke(main, [*args, "--write", str(out)])
    assert result.exit_code == 0, result.output
    found = discover_timeline(structure_timeline(load_corpus(corpus)), load_catalogue())
    assert result.stdout == json_records.to_json(json_records.candidates_json(found)) + "\n"
    assert out.read_text(encoding="utf-8") == write_candidates_yaml(found)
    assert any(c.lang == "zh" and c.zh for c in found)
    assert len(load_catalogue([out])) == len(load_catalogue()) + len(found)


@pytest.mark.slow
def test_two_jobs_print_the_same_candidates(corpus: Path) -> None:
    runner = CliRunner()
    args = ["themes", "--corpus", str(corpus), "--discover", "--format", "json"]
    one, two = (runner.invoke(main, [*args, "--jobs", n]) for n in ("1", "2"))
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
