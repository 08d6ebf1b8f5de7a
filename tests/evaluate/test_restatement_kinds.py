"""What a restatement disagreement is about: matching (false, missed, other sentence) or
direction; on sentences of the development gold."""

from __future__ import annotations

import pytest

from policydiff.evaluate.restatement import Case


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
