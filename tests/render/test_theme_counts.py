"""A theme page counts mentions in one unit, sentences, in its table and its evidence,
never lists its strongest sentence twice, and lists each target once with its place."""

from __future__ import annotations

import re

import pytest

from policydiff.analysis import Evolution, build_evolution
from policydiff.analysis.model import Change
from policydiff.analysis.verdicts import Verdict
from policydiff.corpus import load_corpus
from policydiff.render.html import _change, theme_html
from policydiff.render.markdown import change_md, theme_markdown
from policydiff.render.view import (
    english_beside,
    located_targets,
    other_evidence,
    representative,
    target_snippets,
)
from tests.conftest import LINEAGE

pytestmark = pytest.mark.slow  # processes, charts, browsers or whole reports

SHANGHAI = "shanghai-chengxiangjianshe-tandafeng"


@pytest.fixture(scope="module")
def lineage() -> Evolution:
    return build_evolution(load_corpus(LINEAGE))


def _sentence(e) -> tuple[str, str, int]:  # type: ignore[no-untyped-def]
    return (e.mention.version_key, e.mention.provision_id, e.mention.sentence_index)


def test_other_mentions_are_every_other_reading_counted_in_sentences(lineage: Evolution) -> None:
    # the list counted term hits where the table counts sentences; listing one reading a
    # sentence instead hid the other cues read in it: every reading is listed, and the
    # count names readings and sentences both
    checked = 0
    for theme in lineage.themes:
        for point in theme.points:
            if not point.present:
                continue
            rep = representative(point)
            shown = [e for e in (rep, english_beside(point, rep)) if e is not None]
            others = other_evidence(point)
            assert {id(e) for e in (*shown, *others)} == {id(e) for e in point.evidence}
            if {e.mention.version_key for e in point.evidence} == {"zh"}:
                sentences = {_sentence(e) for e in (*shown, *others)}
                assert len(sentences) == point.mentions  # the table's count
                checked += 1
    assert checked > 20


def test_the_ultra_low_page_agrees_with_its_table(lineage: Evolution) -> None:
    theme = lineage.theme("ultra-low-energy-buildings")
    assert theme is not None
    point = next(p for p in theme.points if p.document == SHANGHAI)
    assert point.mentions == 15
    md = theme_markdown(lineage, theme)
    assert "Other mentions (22 readings in 15 sentences):" in md
    assert "<summary>Other mentions (22 readings in 15 sentences)</summary>" in theme_html(
        lineage, theme
    )


def test_targets_are_listed_once_each_with_their_place(lineage: Evolution) -> None:
    theme = lineage.theme("ultra-low-energy-buildings")
    assert theme is not None
    point = next(p for p in theme.points if p.document == SHANGHAI)
    assert [t.text for t in point.targets].count("全面执行") == 3
    assert target_snippets(point) == ["800万平方米", "全面执行", "不少于800万平方米", "达到50%"]
    md = theme_markdown(lineage, theme)
    row = next(line for line in md.splitlines() if line.startswith(f"| `{SHANGHAI}`"))
    assert row.endswith("| 800万平方米; 全面执行; 不少于800万平方米; 达到50% |")
    places = located_targets(point)
    assert len({p.text for p in places}) == len(places)
    assert all(p.location for p in places)
    assert all(p.sentence or p.shown for p in places)
    assert "- 达到50% (50%, by 2025) — *II 重点任务" in md
    assert "“到2025年，新建居住建筑执行超低能耗建筑标准的比例达到50%" in md


def test_one_document_skipped_is_in_the_singular(lineage: Evolution) -> None:
    change = Change("a", "c", Verdict.UNCHANGED, "推动", "推动", 0.0, skipped=("b",))
    assert "(across `b`, which does not mention it)" in change_md(lineage, change)
    assert "which does not mention it" in _change(lineage, change)
    two = Change("a", "d", Verdict.UNCHANGED, "推动", "推动", 0.0, skipped=("b", "c"))
    assert "which do not mention it" in change_md(lineage, two)
    assert re.search(r"across b, c, which do not mention it", _change(lineage, two))


def test_a_target_is_quoted_with_the_sentence_that_sets_it(lineage: Evolution) -> None:
    # a commitment carries the targets of its whole sentence: 全部纳入 was quoted with
    # another sentence of Henan's that carries it, but does not hold it
    for theme in lineage.themes:
        for point in theme.points:
            for place in located_targets(point) if point.present else []:
                if place.sentence:
                    snippet = place.text.split(" (")[0]
                    assert snippet in place.sentence, (theme.id, point.document, place.text)
