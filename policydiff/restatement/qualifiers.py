"""Qualifiers a restatement keeps: a modifier that makes a kind of its own of what it
qualifies (零碳社区, 立体绿化: ``kind_modifiers``), and the qualifier that says which plan,
policy or standard a parent makes (改造专项规划: ``qualified_heads``), both in
``data/restatement.yaml``. A child clause that drops either is about something else, however
many characters the two share."""

from __future__ import annotations

import re
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


def _modifier_dropped(parent_object: str, child: Clause) -> bool:
    """Whether the parent's object names a modifier of a kind of its own that the child's
    sentence, up to the clause's end, keeps by none of its words."""
    modifiers = load_rules().kind_modifiers
    marks = [mark for mark in modifiers if mark in parent_object]
    said = child.sentence[: child.end]
    return bool(marks) and not any(word in said for m in marks for word in modifiers[m])


def _other_head_qualified(parent_object: str, child_object: str) -> bool:
    """Whether the parent's object ends on a head of ``qualified_heads`` and the child's
    names that head after a qualifier sharing no bigram with the parent's."""
    own = parent_object.strip()
    head = next((h for h in load_rules().qualified_heads if own.endswith(h)), "")
    which = _which(own[: -len(head)]) if head else set()
    at = child_object.rfind(head) if which else -1
    before = child_object[:at].strip() if at > 0 else ""
    return bool(before) and not _which(before) & which


def qualifier_dropped(parent_object: str, child_object: str, child: Clause) -> bool:
    """Whether ``child`` drops a qualifier of the parent's object that a restatement keeps."""
    return _modifier_dropped(parent_object, child) or _other_head_qualified(
        parent_object, child_object
    )
