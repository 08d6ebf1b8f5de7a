"""Hostile input, rebuilt from the reproducers of the security probe (issue 24): a corpus
written by a pull request must not hang, exhaust, leak, mislead or crash any command.

Each test names the probe's item it rebuilds. Kills and concurrent ingests (item 3 and
10) are in ``test_ingest_safety.py`` and ``benchmarks/crashes.py``."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from policydiff.analysis.codec import commitments_to_json
from policydiff.cache.store import cache_path_for
from policydiff.corpus import load_corpus
from policydiff.corpus.store import load_readable
from tests.cli.test_check import check, make_repo
from tests.cli.test_ingest import run, tree_digest
from tests.conftest import BUNDLED, DOC_2021, DOC_2023, DOC_2025, SEED_2023_EN

SECRET = "ghp_probe_token_4f1c9"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the bundled corpus (no reports, no git)."""
    return Path(shutil.copytree(BUNDLED, tmp_path / "corpus"))


def alias_bomb(levels: int = 9, width: int = 9, key: str = "x") -> str:
    """Nine levels of nine aliases: 9**9 leaves once expanded."""
    lines = ["a0: &a0 [" + ",".join(["lol"] * width) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * width) + "]")
    lines.append(f"{key}: *a{levels}")
    return "\n".join(lines) + "\n"


def no_traceback(output: str) -> None:
    assert "Traceback" not in output and "Error:" not in output.replace("error:", "")


# 1. A YAML alias bomb in document.yaml


@pytest.mark.parametrize("key", ["x", "unknown_key"])
@pytest.mark.parametrize(("command", "code"), [("list", 0), ("evolution", 2), ("show", 2)])
def test_alias_bomb_in_metadata_is_refused_by_every_command(
    corpus: Path, key: str, command: str, code: int
) -> None:
    meta = corpus / DOC_2023 / "document.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + alias_bomb(key=key), encoding="utf-8")
    args = [command, "--corpus", corpus] + ([DOC_2023] if command == "show" else [])
    result = run(*args)
    assert result.exit_code == code, result.output
    assert f"{meta}: metadata file uses a YAML alias" in result.output
    no_traceback(result.output)


def test_alias_bomb_fails_check_naming_the_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, (DOC_2021, DOC_2023))
    meta = repo / "corpus" / DOC_2023 / "document.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + alias_bomb(), encoding="utf-8")
    result = check(repo)
    assert result.exit_code == 1
    assert f"{meta}: error: metadata file uses a YAML alias" in result.stdout


def test_duplicate_keys_in_metadata_are_refused(corpus: Path) -> None:
    meta = corpus / DOC_2023 / "document.yaml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text + "date: 2024-01-05\n", encoding="utf-8")
    result = run("list", "--corpus", corpus)
    assert "holds the key 'date' twice" in result.output and str(meta) in result.output


# 2. Symbolic links and special files inside the corpus


def test_a_version_linked_to_dev_zero_is_refused_not_read(corpus: Path) -> None:
    version = corpus / DOC_2023 / "en.txt"
    version.unlink()
    version.symlink_to("/dev/zero")
    result = run("evolution", "--corpus", corpus)
    assert result.exit_code == 2
    assert f"{version}: version file is a symbolic link" in result.output
    no_traceback(result.output)


def test_a_version_linked_outside_the_corpus_never_reaches_the_summary(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, (DOC_2021, DOC_2023))
    secret = tmp_path / "secret.txt"
    secret.write_text(f"https://user:{SECRET}@example.com/\n", encoding="utf-8")
    version = repo / "corpus" / DOC_2023 / "en.txt"
    version.unlink()
    version.symlink_to(secret)
    result = check(repo, "--format", "markdown")
    assert result.exit_code == 1
    assert "version file is a symbolic link" in result.stdout
    assert SECRET not in result.output
    shown = run("show", "--corpus", repo / "corpus", DOC_2023)
    assert SECRET not in shown.output


def test_a_document_folder_linked_elsewhere_is_left_out_and_flagged(
    corpus: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.move(corpus / DOC_2025, elsewhere)
    (corpus / DOC_2025).symlink_to(elsewhere, target_is_directory=True)
    result = run("list", "--corpus", corpus)
    assert result.exit_code == 0
    assert f"{corpus / DOC_2025}: document folder is a symbolic link" in result.output
    readable, broken = load_readable(corpus)
    assert [d.id for d in readable.documents] == [DOC_2021, DOC_2023]
    assert [str(error).split(": ")[0] for error in broken] == [str(corpus / DOC_2025)]


def test_a_fifo_named_as_a_version_is_refused_without_waiting(corpus: Path) -> None:
    version = corpus / DOC_2023 / "en.txt"
    version.unlink()
    os.mkfifo(version)
    # a reader that opened the FIFO would block forever; run it where a hang is a failure
    done = subprocess.run(
        [sys.executable, "-m", "policydiff", "evolution", "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert f"{version}: version file is not a regular file" in done.stderr


# 4. Cache rows are never an authority for check


def _poison_cache(corpus: Path) -> int:
    """Every cached commitment list replaced by an empty one: if trusted, every theme of
    every document would be dropped."""
    empty = commitments_to_json(())
    import json

    from policydiff.analysis.cache import COMMITMENTS

    with sqlite3.connect(cache_path_for(corpus)) as db:
        cursor = db.execute(
            "UPDATE store SET value = ? WHERE namespace = ?", (json.dumps(empty), COMMITMENTS)
        )
        return cursor.rowcount


def test_a_poisoned_cache_changes_nothing_check_full_concludes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, (DOC_2021, DOC_2023, DOC_2025))
    assert run("evolution", "--corpus", repo / "corpus").exit_code == 0  # fills the cache
    assert _poison_cache(repo / "corpus") > 0
    result = check(repo, "--full")
    assert result.exit_code == 0, result.output


def test_a_cache_committed_by_a_pull_request_is_ignored(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, (DOC_2021, DOC_2025))
    shutil.copytree(BUNDLED / DOC_2023, repo / "corpus" / DOC_2023)
    honest = check(repo, "--fail-on", "weakened", "--format", "json")
    assert _poison_cache(repo / "corpus") > 0
    subprocess.run(["git", "add", "-f", ".policydiff"], cwd=repo, check=True)
    poisoned = check(repo, "--fail-on", "weakened", "--format", "json")
    assert ".policydiff/ is tracked by git" in poisoned.stderr
    assert poisoned.exit_code == honest.exit_code
    assert poisoned.stdout == honest.stdout


def test_a_cache_path_that_is_a_folder_is_worked_around(corpus: Path) -> None:
    cache_path_for(corpus).mkdir(parents=True)
    result = run("evolution", "--corpus", corpus)
    assert result.exit_code == 0
    assert "is a folder or a link, not a cache file" in result.output


def test_a_full_disk_keeps_a_valid_cache(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("evolution", "--corpus", corpus).exit_code == 0
    path = cache_path_for(corpus)
    before = path.read_bytes()
    real_connect = sqlite3.connect

    def full_disk(where: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        if where == str(path):
            raise sqlite3.OperationalError("database or disk is full")
        return real_connect(where, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", full_disk)
    result = run("evolution", "--corpus", corpus)
    assert result.exit_code == 0
    assert "database or disk is full" in result.output and "None" not in result.output
    assert path.read_bytes() == before


# 5. One line, never a traceback


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_with_flipped_byte() -> bytes:
    data = bytearray(_docx_bytes(["一、总体要求", "（一）大力发展绿色建筑。" * 40]))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    return bytes(data)


def _deep_docx(depth: int = 1000) -> bytes:
    body = "<w:r>" * depth + "<w:t>x</w:t>" + "</w:r>" * depth
    return _docx_with_document_xml(
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p>{body}</w:p></w:body></w:document>"
    )


def _docx_with_document_xml(xml: str, size: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"/>',
        )
        if size is None:
            archive.writestr("word/document.xml", xml)
        else:  # a bomb: ``size`` bytes of padding that compress to almost nothing
            with archive.open("word/document.xml", "w", force_zip64=True) as handle:
                handle.write(xml.encode())
                chunk = b" " * (1 << 20)
                for _ in range(size >> 20):
                    handle.write(chunk)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "problem"),
    [
        ("flipped.docx", _docx_with_flipped_byte, "corrupt .docx"),
        ("deep.docx", _deep_docx, "nested too deeply"),
        (
            "bomb.docx",
            lambda: _docx_with_document_xml("<w:document/>", size=60 << 20),
            "implausibly large",
        ),
        (
            "ratio.docx",
            lambda: _docx_with_document_xml("<w:document/>", size=8 << 20),
            "zip bomb",
        ),
    ],
)
def test_hostile_docx_files_get_one_line(tmp_path: Path, name: str, make, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    result = run("ingest", "--corpus", tmp_path / "corpus", path, "--date", "2024-01-01")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert any(str(path) in line and problem in line for line in lines), result.output
    no_traceback(result.output)
    assert not (tmp_path / "corpus").exists() or not any((tmp_path / "corpus").iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_ingest_into_a_read_only_corpus_is_one_line(corpus: Path) -> None:
    for folder in (corpus, *corpus.iterdir()):
        if folder.is_dir():
            folder.chmod(0o555)
    try:
        result = run("ingest", "--corpus", corpus, SEED_2023_EN, "--id", "another")
    finally:
        for folder in (corpus, *corpus.iterdir()):
            if folder.is_dir():
                folder.chmod(0o755)
    assert result.exit_code == 2
    assert "Permission denied" in result.output
    no_traceback(result.output)


def test_a_file_that_cannot_be_created_is_one_line(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a read-only corpus does to a process that permissions do not stop (root)."""
    from policydiff.runtime import files

    real_open = os.open

    def read_only(path: str, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    shutil.rmtree(corpus / DOC_2023)
    before = tree_digest(corpus)
    monkeypatch.setattr(files.os, "open", read_only)
    result = run("ingest", "--corpus", corpus, SEED_2023_EN, "-q")
    monkeypatch.undo()
    assert result.exit_code == 2
    (line,) = [line for line in result.output.splitlines() if line.strip()]
    assert line.startswith(f"error: {tmp_path}/") and line.endswith(": Permission denied")
    assert tree_digest(corpus) == before


def test_a_full_disk_names_the_file(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policydiff.runtime import files

    def no_space(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    real_fdopen = os.fdopen

    class FullDisk:
        def __new__(cls, fd: int, mode: str = "r", *args: object, **kwargs: object) -> object:
            if "w" not in mode:
                return real_fdopen(fd, mode, *args, **kwargs)  # type: ignore[call-overload]
            os.close(fd)
            return super().__new__(cls)

        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def write(self, data: object) -> int:
            return no_space(0, b"")

    shutil.rmtree(corpus / DOC_2023)
    before = tree_digest(corpus)
    monkeypatch.setattr(files.os, "fdopen", FullDisk)
    result = run("ingest", "--corpus", corpus, SEED_2023_EN, "-q")
    assert result.exit_code == 2
    (line,) = [line for line in result.output.splitlines() if line.startswith("error:")]
    # the file being written when the disk filled: a version staged beside the corpus
    assert line.startswith(f"error: {tmp_path}/") and line.endswith(": No space left on device")
    assert "en.txt" in line
    monkeypatch.undo()
    assert tree_digest(corpus) == before
    assert not list((tmp_path / ".policydiff").glob(".ingest-*"))


# 6 and 7. What reports quote is escaped; titles are never mathtext


HOSTILE_TITLE = "Opinions <script>alert(2)</script> on $x$ and\n# injected [t](javascript:alert(3))"
HOSTILE_ISSUER = "<img src=x onerror=alert(1)>"


def _hostile_metadata(corpus: Path) -> None:
    meta = corpus / DOC_2023 / "document.yaml"
    data = yaml.safe_load(meta.read_text(encoding="utf-8"))
    data["title"] = HOSTILE_TITLE
    data["issuers"] = [HOSTILE_ISSUER]
    meta.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.slow
def test_report_escapes_every_quoted_field_and_draws_dollars_as_text(
    corpus: Path, tmp_path: Path
) -> None:
    _hostile_metadata(corpus)
    out = tmp_path / "reports"
    result = run("report", "--corpus", corpus, "--out", out, "-j", "1", "-q")
    assert result.exit_code == 0, result.output
    markdown = (out / "index.md").read_text(encoding="utf-8")
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    # in Markdown a backslash makes the next character literal text
    assert not re.search(r"(?<!\\)<(script|img)", markdown)
    assert r"Opinions \<script\>alert(2)\</script\> on $x$ and \# injected" in markdown
    assert "[t](javascript:" not in markdown and 'href="javascript' not in html
    assert "\n# injected" not in markdown


@pytest.mark.slow
def test_dollar_signs_in_a_theme_label_draw_as_text(corpus: Path, tmp_path: Path) -> None:
    (corpus / "themes.yaml").write_text(
        "themes:\n  - id: green-buildings\n    label: Green $buildings$ cost $5 and $6\n"
        "    label_zh: 绿色建筑\n    en: [green building]\n    zh: [绿色建筑]\n",
        encoding="utf-8",
    )
    result = run("timeline", "--corpus", corpus, "--out", tmp_path / "charts", "-q")
    assert result.exit_code == 0, result.output
    # the heatmap and the mentions chart draw every theme (the timeline only the movers)
    for chart in ("strength-heatmap.svg", "mentions.svg"):
        svg = (tmp_path / "charts" / chart).read_text(encoding="utf-8")
        assert "Green $buildings$ cost $5 and $6" in svg, chart


# 9. Theme patterns from the corpus cannot stall a command


_REDOS = """
import sys
from policydiff.themes.catalogue import Catalogue, parse_catalogue
from policydiff.themes.match import match_sentence
themes = parse_catalogue(sys.stdin.read(), "corpus/themes.yaml", trusted=False)
print(match_sentence("a" * 80 + "!", "en", Catalogue(themes)))
"""

REDOS_CATALOGUE = (
    "themes:\n  - id: redos\n    label: ReDoS\n    label_zh: 回溯\n    en: [redos]\n"
    "    patterns:\n      en: ['(a|aa)+$']\n"
)


def test_a_backtracking_pattern_from_the_corpus_runs_in_linear_time() -> None:
    # with Python's re this needs about 2**55 steps; under RE2 it is immediate
    done = subprocess.run(
        [sys.executable, "-c", _REDOS],
        input=REDOS_CATALOGUE,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.strip() == "[]"


def test_a_pattern_re2_cannot_run_is_one_line_naming_the_file(corpus: Path) -> None:
    themes = corpus / "themes.yaml"
    themes.write_text(REDOS_CATALOGUE.replace("(a|aa)+$", r"(a)\1"), encoding="utf-8")
    result = run("evolution", "--corpus", corpus)
    assert result.exit_code == 2
    assert f"{themes}: theme 'redos'.patterns.en: invalid regular expression" in result.output
    assert "RE2" in result.output


def test_a_corpus_catalogue_that_is_a_link_is_refused(corpus: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(REDOS_CATALOGUE, encoding="utf-8")
    (corpus / "themes.yaml").symlink_to(outside)
    result = run("evolution", "--corpus", corpus)
    assert result.exit_code == 2
    assert f"{corpus / 'themes.yaml'}: is a symbolic link" in result.output


# 10. Reports are checked as a set


@pytest.mark.slow
def test_a_chart_edited_beside_a_current_json_fails_check(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, (DOC_2021, DOC_2023))
    result = run("report", "--corpus", repo / "corpus", "--out", repo / "reports", "-q")
    assert result.exit_code == 0, result.output
    assert check(repo).exit_code == 0
    svg = repo / "reports" / "mentions.svg"
    svg.write_bytes(svg.read_bytes().replace(b"</svg>", b"<!-- stale --></svg>"))
    result = check(repo)
    assert result.exit_code == 1
    assert "(mentions.svg is not the file the report wrote)" in result.stdout


# 11. The low ones


def test_an_id_with_a_trailing_newline_is_refused(tmp_path: Path) -> None:
    result = run("ingest", "--corpus", tmp_path / "corpus", SEED_2023_EN, "--id", "abc\n")
    assert result.exit_code == 2
    assert not (tmp_path / "corpus" / "abc\n").exists()


def test_a_lang_that_contradicts_the_text_is_refused(tmp_path: Path) -> None:
    result = run("ingest", "--corpus", tmp_path / "corpus", SEED_2023_EN, "--lang", "zh")
    assert result.exit_code == 2
    assert "--lang zh, but the text reads as en" in result.output


def test_a_date_in_the_far_future_is_refused(corpus: Path) -> None:
    meta = corpus / DOC_2023 / "document.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("date: 2023-12-27", "date: 2999-01-01"),
        encoding="utf-8",
    )
    result = run("evolution", "--corpus", corpus)
    assert result.exit_code == 2
    assert f"{meta}: date 2999-01-01 is in the future" in result.output


def test_bidi_override_characters_are_removed_at_ingest(tmp_path: Path) -> None:
    text = SEED_2023_EN.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if "waste" in line.lower())
    path = tmp_path / "bidi.txt"
    path.write_text(text.replace(first, "\u202e" + first + "\u202c", 1), encoding="utf-8")
    corpus = tmp_path / "corpus"
    assert run("ingest", "--corpus", corpus, path, "-q").exit_code == 0
    (document,) = load_corpus(corpus).documents
    assert "\u202e" not in document.versions[0].text
    assert first in document.versions[0].text


def test_escape_characters_in_a_file_name_are_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "bad\x1b[31mred.txt"
    path.write_bytes(b"\x00\x01binary")
    result = run("ingest", "--corpus", tmp_path / "corpus", path)
    assert result.exit_code == 2
    assert "\x1b" not in result.output
    assert "bad\\x1b[31mred.txt" in result.output


def test_a_docx_whose_entry_claims_encryption_is_one_line(tmp_path: Path) -> None:
    # found by the hypothesis property: a flipped flag bit marks document.xml encrypted
    data = bytearray(_docx_bytes(["一、总体要求", "（一）大力发展绿色建筑。"]))
    name = b"word/document.xml"
    at = data.index(b"PK\x01\x02")  # the central directory, entry by entry
    while data[at + 46 : at + 46 + len(name)] != name:
        at = data.index(b"PK\x01\x02", at + 4)
    data[at + 8] |= 0x1  # the entry's general-purpose flag: encrypted
    path = tmp_path / "locked.docx"
    path.write_bytes(bytes(data))
    result = run("ingest", "--corpus", tmp_path / "corpus", path, "--date", "2024-01-01")
    assert result.exit_code == 2
    assert str(path) in result.output and "docx" in result.output
    no_traceback(result.output)


def test_a_document_of_another_series_between_two_is_drawn_without_a_change(
    corpus: Path,
) -> None:
    # found by the hypothesis property: a level edited in document.yaml puts the middle
    # document in another series, so the terminal tables cannot count on one change per
    # neighbouring pair of documents
    meta = corpus / DOC_2023 / "document.yaml"
    data = yaml.safe_load(meta.read_text(encoding="utf-8"))
    data["level"], data["jurisdiction"] = "provincial", "上海市"
    meta.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    overview = run("evolution", "--corpus", corpus)
    assert overview.exit_code == 0, overview.output
    theme = run("evolution", "waste-free-cities", "--corpus", corpus)
    assert theme.exit_code == 0, theme.output
    data = json.loads(run("evolution", "--corpus", corpus, "--format", "json").stdout)
    waste = next(t for t in data["themes"] if t["id"] == "waste-free-cities")
    assert [(c["from"], c["to"]) for c in waste["changes"]] == [(DOC_2021, DOC_2025)]
