"""`policydiff ingest` through click's runner: linking, duplicates and every bad input."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydiff.cli import main
from policydiff.corpus import load_corpus
from tests.conftest import (
    SEED_2021_EN,
    SEED_2021_EN_PARTIAL,
    SEED_2021_ZH,
    SEED_2023_EN,
    SEED_2025_EN,
)

DOC = "2021-green-development-urban"


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def corpus_2021(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    result = run("ingest", "--corpus", corpus, SEED_2021_EN, "--date", "2021-10-21")
    assert result.exit_code == 0, result.output
    return corpus


def test_chinese_original_is_linked_as_a_version(corpus_2021: Path) -> None:
    result = run("ingest", "--corpus", corpus_2021, SEED_2021_ZH)
    assert result.exit_code == 0, result.output
    assert f"added as version zh of {DOC}" in result.output
    assert "same numbering skeleton [3, 3, 5, 5, 4]" in result.output
    (document,) = load_corpus(corpus_2021).documents
    zh = document.version("zh")
    assert zh is not None and zh.kind == "original" and zh.complete
    assert document.title_zh == "关于推动城乡建设绿色发展的意见"


def test_partial_second_translation_is_linked_as_partial(corpus_2021: Path) -> None:
    result = run("ingest", "--corpus", corpus_2021, SEED_2021_EN_PARTIAL)
    assert result.exit_code == 0, result.output
    assert f"version en-2 of {DOC} (partial)" in result.output
    (document,) = load_corpus(corpus_2021).documents
    assert [(v.key, v.complete) for v in document.versions] == [("en", True), ("en-2", False)]


def test_new_documents_get_their_own_point_on_the_timeline(corpus_2021: Path) -> None:
    for seed in (SEED_2023_EN, SEED_2025_EN):
        assert run("ingest", "--corpus", corpus_2021, seed).exit_code == 0
    assert [d.id for d in load_corpus(corpus_2021).documents] == [
        DOC,
        "2023-construction-beautiful-china",
        "2025-high-quality-development-cities",
    ]


@pytest.mark.parametrize("seed", [SEED_2021_EN, SEED_2021_EN_PARTIAL])
def test_duplicates_are_refused_naming_the_held_version(corpus_2021: Path, seed: Path) -> None:
    if seed == SEED_2021_EN_PARTIAL:
        assert run("ingest", "--corpus", corpus_2021, seed).exit_code == 0
    before = tree_digest(corpus_2021)
    result = run("ingest", "--corpus", corpus_2021, seed)
    assert result.exit_code == 2
    held = "en" if seed == SEED_2021_EN else "en-2"
    assert f"{seed}: already in the corpus as {DOC}/{held}" in result.output
    assert tree_digest(corpus_2021) == before


def test_verbatim_excerpt_of_a_held_version_is_a_duplicate(
    corpus_2021: Path, tmp_path: Path
) -> None:
    held = (corpus_2021 / DOC / "en.txt").read_text(encoding="utf-8").splitlines()
    excerpt = tmp_path / "excerpt.txt"
    excerpt.write_text("\n".join(held[3:8]) + "\n", encoding="utf-8")
    result = run("ingest", "--corpus", corpus_2021, excerpt)
    assert result.exit_code == 2
    assert "an excerpt" in result.output


def test_weak_evidence_asks_for_version_of(corpus_2021: Path, tmp_path: Path) -> None:
    assert run("ingest", "--corpus", corpus_2021, SEED_2021_ZH).exit_code == 0
    lines = SEED_2025_EN.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Cities are vital"))
    undated = tmp_path / "undated-2025.txt"
    undated.write_text("\n".join(lines[start:]), encoding="utf-8")
    before = tree_digest(corpus_2021)
    result = run("ingest", "--corpus", corpus_2021, undated)
    assert result.exit_code == 2
    assert f"--version-of {DOC}" in result.output and "--new-document" in result.output
    assert tree_digest(corpus_2021) == before
    forced = run(
        "ingest",
        "--corpus",
        corpus_2021,
        undated,
        "--new-document",
        "--date",
        "2025-08-15",
        "--title",
        "Opinions on Promoting High-Quality Development of Cities",
        "--issuer",
        "CPC Central Committee",
        "--issuer",
        "State Council",
    )
    assert forced.exit_code == 0, forced.output
    assert len(load_corpus(corpus_2021).documents) == 2


def test_dry_run_shows_text_metadata_and_removals_and_writes_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    result = run("ingest", "--corpus", corpus, SEED_2025_EN, "--dry-run")
    assert result.exit_code == 0
    out = result.output
    assert "would be added as new document" in out
    assert "date: 2025-08-15" in out
    assert "commentary" in out and "copyright" in out
    assert "clean text:\nCities are vital platforms" in out
    assert not corpus.exists()


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_INPUTS = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n \t\n", "empty file"),
    ("binary.bin", bytes(range(256)) * 20, "binary file"),
    ("undecodable.txt", bytes([0x80, 0xFF]) * 200, "cannot decode"),
    (
        "debris.txt",
        b"Home\nScan it\nTel.\n400-6700-999\nCopyright 2024 Example Co., Ltd.\n",
        "no policy body",
    ),
    ("page.html", b"<html><body><nav>Home</nav><p>Share</p></body></html>", "no policy body"),
    # a bilingual page, each paragraph followed by its translation: read as one version,
    # the Chinese sentences were counted as the English text's
    (
        "bilingual.html",
        "<html><body><h1>Notice on Steadily Advancing Urban Renewal</h1>"
        "<p>I. Establish an urban health assessment mechanism as the prerequisite of renewal.</p>"
        "<p>一、建立城市体检机制，将城市体检作为城市更新的前提。</p>"
        "<p>II. Prepare special urban renewal plans and annual implementation plans.</p>"
        "<p>二、编制城市更新专项规划和年度实施计划。</p>"
        "<p>III. Strictly control large-scale demolition and construction in old districts.</p>"
        "<p>三、严格控制大规模拆除和建设。</p></body></html>".encode(),
        "3 of its 6 lines are in Chinese, the rest in English: give each language a file",
    ),
]


@pytest.mark.parametrize(("name", "data", "problem"), BAD_INPUTS)
def test_bad_files_get_one_line_and_exit_2(
    corpus_2021: Path, tmp_path: Path, name, data, problem
) -> None:
    path = _bad(tmp_path, name, data)
    before = tree_digest(corpus_2021)
    result = run("ingest", "--corpus", corpus_2021, path, "--date", "2022-01-01")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"error: {path}: ") and problem in lines[0]
    assert "Traceback" not in result.output
    assert tree_digest(corpus_2021) == before


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--date", "2023-02-30"], "--date 2023-02-30 is not a real date"),
        (["--date", "27/12/2023"], "--date must be written YYYY-MM-DD, or YYYY-MM or YYYY"),
        (["--lang", "fr"], "unknown language tag 'fr'"),
        (["--version-of", "no-such-doc"], "no such document"),
    ],
)
def test_bad_options_name_the_file(corpus_2021: Path, args: list[str], problem: str) -> None:
    before = tree_digest(corpus_2021)
    result = run("ingest", "--corpus", corpus_2021, SEED_2023_EN, *args)
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {SEED_2023_EN}: {problem}" or problem in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert tree_digest(corpus_2021) == before


def test_a_date_known_only_to_the_month_is_kept_as_written(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    result = run("ingest", "--corpus", corpus, SEED_2021_EN, "--date", "2021-10~")
    assert result.exit_code == 0, result.output
    assert "(≈2021-10)" in result.output
    (folder,) = corpus.iterdir()
    assert "\ndate: 2021-10~\n" in (folder / "document.yaml").read_text(encoding="utf-8")
    listed = json.loads(run("list", "--corpus", corpus, "--format", "json").output)
    assert [d["date"] for d in listed] == ["2021-10~"]


def test_missing_date_and_missing_path(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    result = run("ingest", "--corpus", corpus, SEED_2021_EN)
    assert result.exit_code == 2
    assert "no issue date found in the text; pass --date YYYY-MM-DD" in result.output
    missing = tmp_path / "nope.txt"
    result = run("ingest", "--corpus", corpus, missing)
    assert result.exit_code == 2
    assert f"error: {missing}: no such file" in result.output
    assert not corpus.exists() or not any(corpus.iterdir())


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)  # sparse: costs no disk, and must not be read
    result = run("ingest", "--corpus", tmp_path / "corpus", huge)
    assert result.exit_code == 2
    assert f"error: {huge}: " in result.output and "limit" in result.output


def test_gbk_and_utf16_copies_of_the_chinese_original_decode_the_same(
    corpus_2021: Path, tmp_path: Path
) -> None:
    text = SEED_2021_ZH.read_text(encoding="utf-8")
    for encoding in ("gb18030", "utf-16"):
        path = _bad(tmp_path, f"zh-{encoding}.txt", text.encode(encoding))
        result = run("ingest", "--corpus", corpus_2021, path, "--dry-run")
        assert result.exit_code == 0, result.output
        assert "would be added as new version" in result.output
        assert "城乡建设是推动绿色发展、建设美丽中国的重要载体。" in result.output


def _clean_text_of(path: Path, corpus: Path) -> str:
    from policydiff.corpus import load_corpus as load
    from policydiff.ingest.pipeline import IngestOptions, plan_ingest

    return plan_ingest(path, load(corpus), IngestOptions()).version.text


def test_html_and_docx_pages_give_the_same_clean_text_as_plain_text(tmp_path: Path) -> None:
    import html
    import zipfile

    lines = [line for line in SEED_2023_EN.read_text(encoding="utf-8").splitlines() if line.strip()]
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>News detail</title>"
        "<script>var x = 1;</script></head><body><nav><a href='/'>Home</a> | Products</nav>"
        "<div class='article'>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        + "</div><footer>Copyright 2024 Example Co., Ltd.</footer></body></html>"
    )
    html_path = _bad(tmp_path, "page.html", page.encode("utf-8"))
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{html.escape(line)}</w:t></w:r></w:p>'
        for line in lines
    )
    docx_path = tmp_path / "page.docx"
    with zipfile.ZipFile(docx_path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
            '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f"{body}</w:body></w:document>",
        )
    empty = tmp_path / "empty-corpus"
    expected = _clean_text_of(SEED_2023_EN, empty)
    assert expected.startswith("Building a beautiful China")
    assert _clean_text_of(html_path, empty) == expected
    assert _clean_text_of(docx_path, empty) == expected


def test_several_files_in_one_call_give_the_corpus_of_one_call_per_file(tmp_path: Path) -> None:
    # The command keeps the corpus in memory between files: linking must see each
    # document it has just planned, exactly as a fresh load of the written one would.
    files = [SEED_2021_EN, SEED_2021_ZH, SEED_2021_EN_PARTIAL]
    one_call = tmp_path / "one"
    result = run("ingest", "--corpus", one_call, *files, "--date", "2021-10-21")
    assert result.exit_code == 0, result.output
    assert "version zh of" in result.output and "en-2" in result.output
    per_file = tmp_path / "many"
    for path in files:
        run("ingest", "--corpus", per_file, path, "--date", "2021-10-21")
    assert tree_digest(one_call) == tree_digest(per_file)


def test_a_batch_with_a_file_that_cannot_be_added_adds_none(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    files = [SEED_2021_EN, SEED_2021_ZH, SEED_2021_EN_PARTIAL, SEED_2021_EN]
    result = run("ingest", "--corpus", corpus, *files, "--date", "2021-10-21")
    assert result.exit_code == 2, result.output
    assert "already in the corpus" in result.output  # the fourth duplicates the first
    assert "nothing added: 1 of 4 files cannot be ingested" in result.output
    assert not corpus.exists() or list(corpus.iterdir()) == []


def test_a_glossary_or_bilingual_headings_are_no_second_language(tmp_path: Path) -> None:
    # a Chinese guideline's glossary names each term in both languages: one language
    corpus = tmp_path / "corpus"
    glossary = "\n".join(
        f"{n}. {zh}：{zh}（{en}）"
        for n, (zh, en) in enumerate(
            [
                ("城市信息模型", "City Information Modeling"),
                ("建筑信息模型", "Building Information Modeling"),
                ("地理信息系统", "Geographic Information System"),
                ("物联网", "Internet of Things"),
            ],
            start=1,
        )
    )
    path = tmp_path / "guide.txt"
    path.write_text(
        "城市信息模型平台建设技术导则\n一、术语和缩略语\n"
        f"{glossary}\n二、总体要求\n推进城市信息模型平台建设，到2025年建成基础平台。\n"
        "加快建筑信息模型技术推广应用，新建政府投资项目全面应用。\n",
        encoding="utf-8",
    )
    result = run("ingest", "--corpus", corpus, path, "--date", "2022-01-01", "--dry-run")
    assert result.exit_code == 0, result.output
    # a bilingual page read as one language, as asked
    page = tmp_path / "bilingual.html"
    page.write_bytes(BAD_INPUTS[-1][1])
    assert run("ingest", "--corpus", corpus, page, "--date", "2022-01-01").exit_code == 2
    asked = run("ingest", "--corpus", corpus, page, "--date", "2022-01-01", "--lang", "en")
    assert asked.exit_code == 0, asked.output
