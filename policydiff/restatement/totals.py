"""A parent's total for its whole jurisdiction shared out among the provinces, cities or
counties below it that restate it (the ministry's 培育100个智能建造产业基地 against a
province's 5个): the smaller figure is the child's share, not a laxer target (``totals`` in
``data/restatement.yaml``)."""

from __future__ import annotations

from policydiff.models import LEVELS, Document
from policydiff.restatement.rules import Rules
from policydiff.strength import Target
from policydiff.strength.targets import own_clause

_SHARING = ("provincial", "municipal", "county")


def shares_totals(parent: Document, child: Document) -> bool:
    """Whether the child is a province, city or county below the parent's level, so that a
    total of the parent's is shared among the child and its peers."""
    if parent.level not in LEVELS or child.level not in _SHARING:
        return False
    return LEVELS.index(child.level) > LEVELS.index(parent.level)


def is_total(target: Target, context: str, rules: Rules) -> bool:
    """Whether ``target`` counts or measures an amount as a whole, not per person, area or
    unit, in the clause it stands in: 100个 in 培育100个…基地, not 300吨 in 不高于300吨/万平方米
    nor 30立方米 in 万元工业增加值用水量降至30立方米."""
    if target.value is None or target.unit not in rules.total_units:
        return False
    return not any(word in own_clause(target, context) for word in rules.per_unit)


def a_share(
    parent: Target, parent_context: str, child: Target, child_context: str, rules: Rules
) -> bool:
    """Whether the child's figure is a smaller share of the parent's total."""
    return (
        parent.value is not None
        and child.value is not None
        and child.value < parent.value
        and is_total(parent, parent_context, rules)
        and is_total(child, child_context, rules)
    )
