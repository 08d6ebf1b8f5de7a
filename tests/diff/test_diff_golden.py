"""Golden files for ``policydiff diff``: tests/golden/diff/<case>.{txt,md,json}.

Each file is the exact output of one renderer (terminal without colour at width 80,
Markdown, JSON) for one case of :data:`CASES`; the test fails on any byte of difference.

To regenerate them after a deliberate change of the diff or of a renderer, run::

    POLICYDIFF_REGENERATE_GOLDEN=1 python -m pytest tests/diff/test_diff_golden.py

then read the changes with ``git diff tests/golden/diff`` before keeping them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from policydiff.corpus import load_corpus, write_document
from policydiff.diff import DocumentDiff, diff_documents
from policydiff.models import Document, Version
from policydiff.render.diff_formats import diff_json, diff_markdown
from policydiff.render.terminal.diff import diff_text
from policydiff.structure import structure_version
from tests.conftest import BUNDLED, DOC_2021
from tests.golden_files import REGENERATE, assert_golden

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "diff"
RENDERERS: dict[str, Callable[[DocumentDiff], str]] = {
    "txt": lambda d: diff_text(d, width=80),
    "md": diff_markdown,
    "json": diff_json,
}
ZH_OLD = "大力推广超低能耗、近零能耗建筑"
ZH_NEW = "推动超低能耗、近零能耗建筑规模化发展"


def _diff(corpus_path: Path, old: str, new: str, lang: str, theme: str | None) -> DocumentDiff:
    corpus = load_corpus(corpus_path)
    a_doc, a = corpus.resolve(old, lang)
    b_doc, b = corpus.resolve(new, lang)
    return diff_documents(
        structure_version(a_doc.id, a), structure_version(b_doc.id, b), theme=theme
    )


def en_2021_translations(tmp: Path) -> DocumentDiff:
    """The 2021 Opinions' partial translation against the whole one: versions of one
    document, whose provisions correspond."""
    return _diff(BUNDLED, f"{DOC_2021}:en-2", f"{DOC_2021}:en", "en", None)


def _edited(
    tmp: Path,
    lang: str,
    opening: str,
    before: int,
    edits: dict[str, str],
    theme: str | None = None,
) -> DocumentDiff:
    """The 2021 Opinions' lines from ``before`` above the one that opens on ``opening`` to
    the one below it, against a copy with ``edits`` made, as two documents of a tmp corpus,
    told of ``theme``."""
    held = load_corpus(BUNDLED).get(DOC_2021).version(lang)  # type: ignore[union-attr]
    assert held is not None
    lines = held.text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(opening))
    text = "\n".join(lines[start - before : start + 2 - before]) + "\n"
    edited = text
    for old, new in edits.items():
        assert old in text
        edited = edited.replace(old, new)
    corpus = tmp / "corpus"
    for doc_id, date, body in (
        (f"{lang}-old", "2021-10-21", text),
        (f"{lang}-new", "2023-01-19", edited),
    ):
        version = Version(lang, lang, "original", True, "test", body)
        write_document(
            corpus,
            Document(doc_id, doc_id, ("test",), dt.date.fromisoformat(date), (version,)),
        )
    return _diff(corpus, f"{lang}-old", f"{lang}-new", lang, theme)


def zh_scale_up(tmp: Path) -> DocumentDiff:
    """2021 zh 三、 and its first item against a copy where 大力推广 becomes 推动…规模化发展."""
    return _edited(tmp, "zh", "三、", 0, {ZH_OLD: ZH_NEW, "鼓励建设绿色农房": "积极建设绿色农房"})


EN_OLD = "vigorously promote ultra-low energy and near-zero energy buildings"
EN_NEW = "promote the large-scale development of ultra-low energy and near-zero energy buildings"


def en_scale_up(tmp: Path) -> DocumentDiff:
    """2021 en III and its first item against a copy where "vigorously promote" ultra-low
    energy buildings becomes "promote the large-scale development" of them, told of that
    theme: an English cue change."""
    return _edited(
        tmp, "en", "1. Building high-quality", 1, {EN_OLD: EN_NEW}, "ultra-low-energy-buildings"
    )


CASES: dict[str, Callable[[Path], DocumentDiff]] = {
    "en-scale-up": en_scale_up,
    "en-2021-translations": en_2021_translations,
    "zh-scale-up": zh_scale_up,
}
EXPECTED = sorted(f"{case}.{ext}" for case in CASES for ext in RENDERERS)


def render(name: str, tmp: Path) -> str:
    case, ext = name.rsplit(".", 1)
    return RENDERERS[ext](CASES[case](tmp))


@pytest.mark.parametrize("name", EXPECTED)
def test_every_case_has_its_golden_file(name: str, tmp_path: Path) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(name, tmp_path).encode("utf-8"))
    assert path.is_file(), f"{path} missing: run with POLICYDIFF_REGENERATE_GOLDEN=1"


def test_no_stray_golden_files() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == EXPECTED


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.*")), ids=lambda p: p.name)
def test_output_matches_golden_file(path: Path, tmp_path: Path) -> None:
    assert_golden(path, render(path.name, tmp_path))
