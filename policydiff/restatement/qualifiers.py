"""Qualifiers a restatement keeps: a modifier that makes a kind of its own of what it
qualifies (零碳社区, 立体绿化: ``kind_modifiers``), and the qualifier that says which plan,
policy or standard a parent makes (改造专项规划: ``qualified_heads``), both in
``data/restatement.yaml``. A child clause that drops either is about something else, however
many characters the two share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policydiff.restatement.clauses import Clause
from policydiff.restatement.kinds import any_of
from policydiff.restatement.objects import object_bigrams
from policydiff.restatement.rules import load_rules


@lru_cache(maxsize=1)
def _empty() -> re.Pattern[str] | None:
    return any_of(load_rules().empty_qualifiers)


def _which(text: str) -> set[str]:
    """The bigrams of a qualifier that say which thing it qualifies."""
    empty = _empty()
    return object_bigrams(empty.sub(" ", text) if empty else text)


@dataclass(frozen=True)
class Qualifier:
    """What a restatement of one parent object keeps: a word of ``modifiers`` in the child's
    sentence up to the clause's end, where the parent names a modifier of a kind of its own;
    and, where its object ends on ``head``, a qualifier of that head sharing a bigram with
    ``which``."""

    modifiers: tuple[str, ...]
    head: str
    which: frozenset[str]

    def dropped_by(self, child_object: str, child: Clause) -> bool:
        """Whether ``child`` drops the qualifier."""
        said = child.sentence[: child.end]
        if self.modifiers and not any(word in said for word in self.modifiers):
            return True
        at = child_object.rfind(self.head) if self.which else -1
        before = child_object[:at].strip() if at > 0 else ""
        return bool(before) and not _which(before) & self.which


def qualifier(parent_object: str) -> Qualifier | None:
    """What a restatement of ``parent_object`` keeps, or None where it names no modifier of a
    kind of its own and ends on no head a qualifier says which of."""
    rules = load_rules()
    modifiers = tuple(
        word
        for mark, words in rules.kind_modifiers.items()
        if mark in parent_object
        for word in words
    )
    own = parent_object.strip()
    head = next((h for h in rules.qualified_heads if own.endswith(h)), "")
    which = frozenset(_which(own[: -len(head)])) if head else frozenset()
    if not modifiers and not which:
        return None
    return Qualifier(modifiers, head, which)
