"""主城区 and 中心城区 name one place in planning Chinese (the main, central urban area):
the alignment reads them alike, so that Jilin's 中心城区内道路网系统的密度应大于8公里/平方公里
restates the ministry's 主城区道路网密度应大于8公里/平方公里 (evaluation/test/corpus)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from policydiff.models import Document, Version
from policydiff.restatement.compare import compare_documents
from policydiff.restatement.objects import canonical
from policydiff.themes import load_catalogue

CORPUS = Path(__file__).resolve().parents[2] / "evaluation" / "test" / "corpus"
DENSITY = "主城区道路网密度应大于8公里/平方公里"


def _document(name: str) -> Document:
    text = (CORPUS / f"{name}-chengxiangjianshe-tandafeng" / "zh.txt").read_text("utf-8")
    version = Version("zh", "zh", "original", True, "test", text)
    return Document(name, name, (), dt.date(2022, 1, 1), (version,))


def test_the_two_names_are_read_alike() -> None:
    assert canonical(DENSITY) == canonical("中心城区道路网密度应大于8公里/平方公里")
    assert canonical("县城道路网密度") != canonical("中心城区道路网密度")


def test_jilin_restates_the_road_density() -> None:
    comparison = compare_documents(_document("2022"), _document("jilin"), load_catalogue())
    found = next(r for r in comparison.commitments if r.parent.text == DENSITY)
    assert found.child is not None and "中心城区内道路网系统的密度" in found.child.text
    assert found.verdict.value == "restated"
