"""What a restatement disagreement is about: matching (false, missed, other sentence) or
direction; on sentences of the development gold. And how often a missed restatement's doubt
names the gold's sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff.corpus import load_corpus
from policydiff.evaluate.restatement import Case, measure, read_gold
from policydiff.themes.catalogue import corpus_catalogue


def _case(gold: str, tool: str, gold_sentence: str | None, tool_child: str | None) -> Case:
    return Case("推进节水型城市建设", "yunnan", gold, tool, gold_sentence, None, tool_child, (), "")


@pytest.mark.parametrize(
    ("gold", "tool", "gold_sentence", "tool_child", "kind"),
    [
        ("restated", "restated", "推进节水型城市建设", "推进节水型城市建设，…", "agree"),
        ("omitted", "unmatched", None, None, "not read"),
        (
            "omitted",
            "weakened",
            None,
            "推广绿色低碳建材，大力推进建筑废弃物循环再生利用",
            "false match",
        ),
        (
            "restated",
            "omitted",
            "协调好中心城区与新城、新市镇和乡村的组团关系",
            None,
            "missed match",
        ),
        (
            "restated",
            "strengthened",
            "推进节水型城市建设",
            "推进节水型城市建设，实施城市老旧供水管网更新改造，…",
            "direction",
        ),
        (
            "restated",
            "weakened",
            "严格实施建筑拆迁管理制度",
            "大力推动既有建筑节能低碳改造",
            "other sentence",
        ),
    ],
)
def test_each_disagreement_has_one_kind(
    gold: str, tool: str, gold_sentence: str | None, tool_child: str | None, kind: str
) -> None:
    assert _case(gold, tool, gold_sentence, tool_child).kind == kind


def test_missed_restatements_count_the_doubts_that_name_the_gold_sentence() -> None:
    # the green-consumption lineage's Jiangsu gold (development): each missed restatement
    # is counted once, by the first of its doubt's pointers that names the gold's sentence
    root = Path(__file__).parents[2]
    corpus = root / "evaluation" / "test" / "corpus"
    gold = read_gold(root / "evaluation" / "test" / "restatement" / "gc-to-jiangsu.yaml")
    agreement = measure(gold, load_corpus(corpus), corpus_catalogue(corpus))
    pointers = agreement.pointers
    missed = [c for c in agreement.cases if c.kind == "missed match"]
    assert pointers["missed"] == len(missed) == agreement.kinds["missed match"]
    by = [c.pointed_by for c in missed]
    assert pointers["pointed"] == sum(bool(b) for b in by)
    assert pointers["pointed"] == pointers["nearest"] + pointers["words"] + pointers["neighbour"]
    catering = next(c for c in missed if c.parent == "建立健全餐饮行业相关标准和服务规范")
    assert catering.pointed_by == "neighbour"
    assert pointers["neighbour"] >= 1 and pointers["nearest"] >= 1
    # a sure omission points nowhere, and an agreeing pair is no missed restatement
    assert all(c.pointed_by == "" for c in agreement.cases if c.confidence == "sure")
    assert all(c.pointed_by == "" for c in agreement.cases if c.agrees)
