"""A property over hostile corpora: whatever a pull request does to the files of a
corpus (aliases, duplicate keys, symbolic links, FIFOs, binary texts, backtracking theme
patterns, a damaged cache) and whatever file it asks ingest to read (zip bombs, deep or
damaged .docx, random bytes), every command ends with exit 0, 1 or 2 and one-line
errors, never a traceback or a hang; nothing outside the corpus is read into an output;
what the report quotes is escaped; and no command but ingest changes the corpus (ingest
only when it succeeds).

The number of examples is ``POLICYDIFF_HOSTILE_EXAMPLES`` (default 15, a few seconds
each); a long run is ``POLICYDIFF_HOSTILE_EXAMPLES=400 pytest -m slow -k hostile_property``.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydiff.analysis.build import build_evolution
from policydiff.cache.store import cache_path_for
from policydiff.cli import main
from policydiff.corpus.store import load_readable
from policydiff.corpus.summary import summarise
from policydiff.errors import PolicydiffError
from policydiff.render.html_site import site_html
from policydiff.render.markdown_site import site_markdown
from policydiff.themes.catalogue import corpus_catalogue
from tests.cli.test_ingest import tree_digest
from tests.conftest import BUNDLED, DOC_2021, DOC_2023

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("POLICYDIFF_HOSTILE_EXAMPLES", "15"))
SECRET = "ghp_outside_the_corpus_77e1"
DOCS = (DOC_2021, DOC_2023)


def _small_corpus(root: Path) -> Path:
    """The bundled 2021 (en, zh) and 2023 documents cut to their first 40 lines: fast to
    analyse, still numbered, still with themes."""
    corpus = root / "corpus"
    for doc_id in DOCS:
        shutil.copytree(BUNDLED / doc_id, corpus / doc_id)
        for text in (corpus / doc_id).glob("*.txt"):
            lines = text.read_text(encoding="utf-8").splitlines(keepends=True)
            text.write_text("".join(lines[:40]), encoding="utf-8")
    (root / "secret.txt").write_text(f"token={SECRET}\n", encoding="utf-8")
    return corpus


# ---- what a pull request can do to the corpus


def _alias_bomb(depth: int, width: int, key: str) -> str:
    lines = ["a0: &a0 [" + ",".join(["x"] * width) + "]"]
    for level in range(1, depth + 1):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join([*lines, f"{key}: *a{depth}"]) + "\n"


NASTY_TEXT = st.lists(
    st.sampled_from(
        [*"ab $<>[]()*_`#|\\\n\r\t\x1b\x00\u202e\u2028中文", "<script>", "javascript:"]
    ),
    max_size=20,
).map("".join)
FIELD_VALUES = st.one_of(
    NASTY_TEXT,
    st.integers(-(10**6), 10**6),
    st.lists(NASTY_TEXT, max_size=3),
    st.dictionaries(st.sampled_from(["a", "b"]), NASTY_TEXT, max_size=2),
    st.dates().map(lambda d: d.isoformat()),
    st.just(None),
)
PATTERN_PIECES = ["(a|aa)+$", "(a+)+b", "(?<=x)y", r"(a)\1", "[", "绿色", r"\b", ".*", "a{1000}"]
Mutation = Callable[[Path], None]


def _meta(corpus: Path, doc: int) -> Path:
    return corpus / DOCS[doc % len(DOCS)] / "document.yaml"


def _version(corpus: Path, doc: int) -> Path:
    return sorted((corpus / DOCS[doc % len(DOCS)]).glob("*.txt"))[0]


@st.composite
def mutations(draw: st.DrawFn) -> Mutation:
    kind = draw(
        st.sampled_from(
            [
                "alias",
                "duplicate",
                "field",
                "version-link",
                "version-fifo",
                "version-bytes",
                "folder-link",
                "themes",
                "cache",
            ]
        )
    )
    doc = draw(st.integers(0, 1))
    if kind == "alias":
        bomb = _alias_bomb(
            draw(st.integers(1, 9)),
            draw(st.integers(1, 9)),
            draw(st.sampled_from(["x", "title", "versions", "unknown_key"])),
        )
        return lambda c: _append(_meta(c, doc), bomb)
    if kind == "duplicate":
        key = draw(st.sampled_from(["id", "title", "date", "versions", "issuers"]))
        return lambda c: _append(_meta(c, doc), f"{key}: repeated\n")
    if kind == "field":
        key = draw(
            st.sampled_from(
                ["title", "title_zh", "issuers", "date", "source", "level", "jurisdiction", "extra"]
            )
        )
        value = draw(FIELD_VALUES)
        return lambda c: _set_field(_meta(c, doc), key, value)
    if kind == "version-link":
        target = draw(st.sampled_from(["/dev/zero", "secret", "missing", "itself", "folder"]))
        return lambda c: _link_version(_version(c, doc), target)
    if kind == "version-fifo":
        return lambda c: _fifo(_version(c, doc))
    if kind == "version-bytes":
        data = draw(st.one_of(st.binary(max_size=200), NASTY_TEXT.map(str.encode)))
        return lambda c: _overwrite(_version(c, doc), data)
    if kind == "folder-link":
        return lambda c: _link_folder(c / DOCS[doc % len(DOCS)])
    if kind == "themes":
        patterns = draw(st.lists(st.sampled_from(PATTERN_PIECES), min_size=1, max_size=3))
        text = (
            "themes:\n  - id: hostile\n    label: Hostile $x$ <b>\n    label_zh: 敌意\n"
            "    en: [green building]\n    patterns:\n      en: "
            + yaml.safe_dump(["".join(patterns)], default_flow_style=True).strip()
            + "\n"
        )
        if draw(st.booleans()):
            text += _alias_bomb(3, 3, "x")
        return lambda c: (c / "themes.yaml").write_text(text, encoding="utf-8")
    how = draw(st.sampled_from(["bytes", "folder", "link", "rows"]))
    return lambda c: _damage_cache(c, how)


def _regular(path: Path) -> bool:
    """The mutations change regular files only (never write into a FIFO they made)."""
    return path.is_file() and not path.is_symlink()


def _overwrite(path: Path, data: bytes) -> None:
    if _regular(path):
        path.write_bytes(data)


def _append(path: Path, text: str) -> None:
    if not _regular(path):
        return
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def _set_field(path: Path, key: str, value: object) -> None:
    if not _regular(path):
        return
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return
    if not isinstance(data, dict):
        return
    data[key] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _link_version(path: Path, target: str) -> None:
    if not _regular(path):
        return
    path.unlink()
    to = {
        "/dev/zero": Path("/dev/zero"),
        "secret": path.parents[2] / "secret.txt",
        "missing": path.parent / "missing.txt",
        "itself": path,
        "folder": path.parent,
    }[target]
    path.symlink_to(to)


def _fifo(path: Path) -> None:
    if _regular(path):
        path.unlink()
        os.mkfifo(path)


def _link_folder(folder: Path) -> None:
    if folder.is_dir() and not folder.is_symlink():
        outside = folder.parents[1] / ("outside-" + folder.name)
        if not outside.exists():
            shutil.move(folder, outside)
            folder.symlink_to(outside, target_is_directory=True)


def _damage_cache(corpus: Path, how: str) -> None:
    path = cache_path_for(corpus)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    if how == "bytes":
        path.write_bytes(b"SQLite format 3\x00" + os.urandom(200))
    elif how == "folder":
        path.mkdir()
    elif how == "link":
        path.symlink_to(corpus.parent / "secret.txt")
    else:
        with sqlite3.connect(path) as db:
            db.execute(
                "CREATE TABLE store (namespace TEXT NOT NULL, key TEXT NOT NULL, "
                "value TEXT NOT NULL, PRIMARY KEY (namespace, key))"
            )
            db.execute("INSERT INTO store VALUES ('commitments', 'k', '{not json')")


# ---- the property


def _invoke(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return int(result.exit_code), result.output


def _corpus_state(corpus: Path) -> str:
    return tree_digest(corpus) if corpus.is_dir() else ""


ERROR_LINE = re.compile(r"^(error|warning): (.+?): ")


def _assert_one_line_errors(output: str) -> None:
    assert "Traceback" not in output
    assert SECRET not in output
    for line in output.splitlines():
        if line.startswith("error:"):
            assert ERROR_LINE.match(line) or line.startswith("error: policydiff"), line


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(mutations(), min_size=1, max_size=4))
def test_no_hostile_corpus_crashes_leaks_or_changes_anything(changes: list[Mutation]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = _small_corpus(root)
        for change in changes:
            change(corpus)
        before = _corpus_state(corpus)
        for args in (
            ["list", "--corpus", corpus],
            ["show", "--corpus", corpus, DOC_2023],
            ["evolution", "--corpus", corpus, "-j", "1"],
            ["themes", "--corpus", corpus],
            ["check", "--corpus", corpus, "--reports", root / "reports", "-j", "1"],
        ):
            code, output = _invoke(*args)
            assert code in (0, 1, 2), (args, output)
            _assert_one_line_errors(output)
        assert _corpus_state(corpus) == before
        _render_if_readable(corpus)
        assert _corpus_state(corpus) == before


def _render_if_readable(corpus: Path) -> None:
    try:
        readable, _broken = load_readable(corpus)
        catalogue = corpus_catalogue(corpus)
    except PolicydiffError:
        return
    evolution = build_evolution(readable, catalogue)
    summaries = summarise(readable)
    markdown = "\n".join(site_markdown(evolution, summaries, charts=()).values())
    html = "\n".join(site_html(evolution, summaries, {}).values())
    for text in (markdown, html):
        assert SECRET not in text
    assert not re.search(r"(?<!\\)<(script|b>)", markdown)
    assert "<script>" not in html and "<b>" not in html.replace("<b>Hostile", "")


# ---- what ingest is asked to read


def _docx(document_xml: bytes, padding: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            handle.write(document_xml)
            for _ in range(padding):
                handle.write(b" " * (1 << 20))
    return buffer.getvalue()


W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'


@st.composite
def hostile_files(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["bomb", "deep", "flipped", "bytes", "html", "billion"]))
    if kind == "bomb":
        return "bomb.docx", _docx(W + b"<w:body/></w:document>", draw(st.integers(3, 12)))
    if kind == "deep":
        depth = draw(st.integers(200, 3000))
        run = b"<w:r>" * depth + b"<w:t>x</w:t>" + b"</w:r>" * depth
        return "deep.docx", _docx(W + b"<w:body><w:p>" + run + b"</w:p></w:body></w:document>")
    if kind == "flipped":
        data = bytearray(
            _docx(
                W + b"<w:body><w:p><w:r><w:t>" + b"x" * 5000 + b"</w:t></w:r>"
                b"</w:p></w:body></w:document>"
            )
        )
        at = draw(st.integers(60, len(data) - 1))
        data[at] ^= draw(st.integers(1, 255))
        return "flipped.docx", bytes(data)
    if kind == "billion":
        entities = b"".join(
            b'<!ENTITY e%d "&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;">'
            % (i, *([i - 1] * 10))
            for i in range(1, 10)
        )
        xml = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e0 "lol">' + entities + b"]>" + W
        return "laughs.docx", _docx(
            xml + b"<w:body><w:p><w:r><w:t>&e9;</w:t></w:r></w:p></w:body></w:document>"
        )
    if kind == "html":
        body = draw(NASTY_TEXT)
        return "page.html", f"<html><body><p>{body}</p></body></html>".encode()
    suffix = draw(st.sampled_from([".txt", ".pdf", ".docx", ".html"]))
    return "random" + suffix, draw(st.binary(max_size=300))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_files())
def test_no_hostile_file_crashes_ingest_or_changes_the_corpus(file: tuple[str, bytes]) -> None:
    name, data = file
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = _small_corpus(root)
        path = root / name
        path.write_bytes(data)
        before = _corpus_state(corpus)
        code, output = _invoke("ingest", "--corpus", corpus, path, "--date", "2024-01-01", "-q")
        assert code in (0, 2), output
        _assert_one_line_errors(output)
        if code == 2:
            assert str(path) in output
            assert _corpus_state(corpus) == before
