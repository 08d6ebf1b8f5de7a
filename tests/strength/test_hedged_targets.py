"""A target after 力争 is hedged up to the next clause break, and so is a target standing
alone in the clause after it, which goes on from it (Yunnan's 力争到2025年城市公共供水管网
漏损率控制在9％以内，2030年控制在8％以内, examples/lineage/corpus)."""

from __future__ import annotations

import pytest

from policydiff.strength import find_targets


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        ("力争到2025年城市公共供水管网漏损率控制在9％以内，2030年控制在8％以内", [True, True]),
        # a clause with words of its own is another commitment, not hedged by the first
        ("力争到2025年达到30%，到2030年新建建筑全面执行绿色建筑标准", [True, False]),
        ("到2025年达到30%，2030年达到40%", [False, False]),
        # a ； begins another task
        ("力争到2025年达到30%；2030年达到40%", [True, False]),
    ],
)
def test_a_hedge_reaches_the_target_alone_after_it(sentence: str, hedged: list[bool]) -> None:
    assert [t.hedged for t in find_targets(sentence, "zh")] == hedged
