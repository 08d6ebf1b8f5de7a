"""A child clause that keeps the frame of the parent's object, its first word and its
head, and says the middle in its own words, names that object (``keeps_frame`` in
restatement/objects.py, taken by ``covered`` in routes.py). Jilin's pollution-and-carbon
plan against the national one (evaluation/test/corpus/jilin-jianwu-jiangtan, line 103)."""

from __future__ import annotations

import pytest

from policydiff.restatement.objects import keeps_frame
from tests.restatement.test_verdict import _child_of, _compare, _verdict


@pytest.mark.parametrize(
    ("parent", "child", "kept"),
    [
        ("秸秆综合利用水平", "秸秆肥料化、能源化、饲料化、基料化、原料化利用水平", True),
        ("大型风电光伏发电基地建设", "大型风光基地建设", True),
        # the first word of one list item and the head of another: two things
        ("电力应急保障体系", "电力监控系统安全防控体系和数据安全保障体系", False),
        # the first word inside a compound (清洁能源) is no frame of 能源…
        ("能源预测预警机制", "清洁能源开发规模动态预警机制", False),
        # the head alone, or an object too short to have a frame
        ("秸秆综合利用水平", "畜禽粪污资源化利用水平", False),
        ("利用水平", "秸秆利用水平", False),
    ],
)
def test_a_frame_is_the_first_word_and_the_head_of_one_thing(
    parent: str, child: str, kept: bool
) -> None:
    assert keeps_frame(parent, child) is kept


JILIN = (
    "大力推进秸秆还田秸秆变肉等重大工程，"
    "持续提高秸秆肥料化、能源化、饲料化、基料化、原料化利用水平，严格实施秸秆全域禁烧"
)


def test_a_child_that_spells_out_the_middle_of_the_object_restates_it() -> None:
    comparison = _compare("提升秸秆综合利用水平", JILIN)
    assert _child_of(comparison, "提升秸秆综合利用水平") == (
        "持续提高秸秆肥料化、能源化、饲料化、基料化、原料化利用水平"
    )
    assert _verdict(comparison, "提升秸秆综合利用水平") == "strengthened"
