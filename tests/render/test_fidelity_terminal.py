"""The names the fidelity tables give children in the terminal, and their shares."""

from __future__ import annotations

from policydiff.render.fidelity_formats import percents
from policydiff.render.terminal.fidelity import short_names


def test_a_child_is_named_by_the_first_part_of_its_id() -> None:
    ids = ["shanghai-chengxiangjianshe-tandafeng", "yunnan-chengxiangjianshe-tandafeng"]
    assert short_names(ids) == ["shanghai", "yunnan"]


def test_children_alike_in_their_first_parts_take_as_many_parts_as_set_them_apart() -> None:
    ids = [
        "hebei-gongye-tandafeng",
        "hebei-gongye-lvse",
        "hebei-chengxiang",
        "sichuan-gongye",
        "hebei",
    ]
    assert short_names(ids) == [
        "hebei-gongye-tandafeng",
        "hebei-gongye-lvse",
        "hebei-chengxiang",
        "sichuan",
        "hebei",
    ]
    assert len(set(short_names(ids))) == len(ids)


def test_equal_counts_read_as_equal_shares() -> None:
    # equal counts, equal shares: no count is given the odd point to make 100
    shares = percents({"restated": 125, "strengthened": 23, "weakened": 23, "omitted": 192})
    assert shares == {"restated": 34, "strengthened": 6, "weakened": 6, "omitted": 53}
    # halves go up, in whole numbers: 14.5% and 35.5% (floats put 14.5 under)
    assert percents({"a": 29, "b": 29, "c": 71, "d": 71}) == {"a": 15, "b": 15, "c": 36, "d": 36}
    assert sum(percents({"a": 1, "b": 3, "c": 3, "d": 1}).values()) == 102
    assert percents({"a": 0, "b": 0}) == {"a": 0, "b": 0}
