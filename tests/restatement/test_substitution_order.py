"""A child that keeps the substitution with the replaced thing named first (燃气替代产品,
gas-replacing products) keeps it as much as one that writes 替代燃气产品: Fujian's
推广热泵热水器、高效电炉灶等燃气替代产品 restates the ministry's clause word for word, and is no
dilution (evaluation/test/corpus)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = "推广热泵热水器、高效电炉灶等替代燃气产品"
FUJIAN = "推广热泵热水器、高效电炉灶等燃气替代产品，推动高效直流电器与设备应用"


def test_replaced_thing_named_first_keeps_the_substitution() -> None:
    assert _verdict(_compare(MINISTRY, FUJIAN), MINISTRY) == "restated"


def test_replaced_thing_among_the_products_still_dilutes_it() -> None:
    child = "推广热泵热水器、高效电炉灶、燃气热水器等清洁能源产品，推动高效直流电器与设备应用"
    assert _verdict(_compare(MINISTRY, child), MINISTRY) == "weakened"


def test_a_directive_after_the_word_of_substitution_is_no_thing_replaced() -> None:
    # 电能替代推广机制 names the substitution (electricity for other fuels); 推广 after
    # 替代 is what is done with it, and Fujian's 推广电能替代 keeps it (the energy opinions)
    parent = "建立电能替代推广机制"
    child = "推广电能替代，加强对电能替代的技术指导"
    assert _verdict(_compare(parent, child), parent) == "restated"
