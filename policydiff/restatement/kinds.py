"""Kinds a text names: of place (城市, 县城, 农村), of waste (污水, 垃圾) and sources of waste
(生活垃圾, 建筑垃圾), as ``data/restatement.yaml`` lists them. The alignment refuses a
child clause of other kinds only; the comparison of targets, a target of other kinds only.
And the kind of instrument a clause makes (a standard, an assessment, a law), which only a
clause naming one of its kind restates; and a clause that only funds what it names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from policydiff.restatement.rules import load_rules


def any_of(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One of ``terms``, the longest where several start at one place; None for none."""
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


@lru_cache(maxsize=1)
def _places() -> re.Pattern[str] | None:
    return any_of(load_rules().places)


@lru_cache(maxsize=1)
def _wastes() -> re.Pattern[str] | None:
    return any_of(load_rules().wastes)


@lru_cache(maxsize=1)
def _waste_sources() -> re.Pattern[str] | None:
    return any_of(load_rules().waste_sources)


def _kinds_named(
    text: str, pattern: re.Pattern[str] | None, kinds: dict[str, int]
) -> frozenset[int]:
    """The kinds ``text`` names, read left to right, longest name first; a name of every
    kind (-1) names none in particular."""
    if pattern is None:
        return frozenset()
    return frozenset(kinds[m.group()] for m in pattern.finditer(text) if kinds[m.group()] >= 0)


def places(text: str) -> frozenset[int]:
    """The kinds of place (``places`` in ``data/restatement.yaml``) a clause's object
    names (县城市政 names a county town)."""
    return _kinds_named(text, _places(), load_rules().places)


def wastes(text: str) -> frozenset[int]:
    """The kinds of waste (``wastes`` in ``data/restatement.yaml``) a clause's object names."""
    return _kinds_named(text, _wastes(), load_rules().wastes)


@lru_cache(maxsize=1)
def _place_names() -> re.Pattern[str] | None:
    rules = load_rules()
    return any_of({*rules.places, *rules.jurisdictions})


def unplaced(text: str) -> str:
    """``text`` without its names of places and of levels of government (城市, 省级)."""
    names = _place_names()
    return names.sub(" ", text) if names else text


def waste_sources(text: str) -> frozenset[int]:
    """The sources of waste (``waste_sources`` in ``data/restatement.yaml``) a text names."""
    return _kinds_named(text, _waste_sources(), load_rules().waste_sources)


@lru_cache(maxsize=1)
def _instruments() -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]:
    """Per kind of instrument: what an object ends on to make one (``made`` are patterns,
    then at most one of ``after``), and the words that name one."""
    rules = load_rules()
    after = "|".join(map(re.escape, rules.instrument_after))
    return tuple(
        (re.compile(f"(?:{'|'.join(made)})(?:{after})?$"), any_of(named))
        for made, named in rules.instruments
    )


@lru_cache(maxsize=1)
def _applying() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    rules = load_rules()
    return any_of(rules.applying), any_of(rules.applied)


def instrument_made(text: str, cue: str, object_text: str) -> int | None:
    """The kind of instrument (``instruments`` in ``data/restatement.yaml``) a clause makes:
    the one its object (``object_text``, read without spaces or punctuation) ends on, where
    neither its ``cue`` nor its ``text`` applies one already (完善建筑可再生能源应用标准 makes a
    standard; 严格执行绿色建筑标准 applies one); None where it makes none."""
    applying, applied = _applying()
    if (applying and applying.search(cue)) or (applied and applied.search(text)):
        return None
    bare = "".join(ch for ch in object_text if ch.isalnum())
    return next((k for k, (made, _) in enumerate(_instruments()) if made.search(bare)), None)


def names_instrument(text: str, kind: int) -> bool:
    """Whether ``text`` names an instrument of ``kind`` (:func:`instrument_made`)."""
    named = _instruments()[kind][1]
    return named is not None and named.search(text) is not None


def funds_only(parent_object: str, child_object: str) -> bool:
    """Whether a child clause funds what it names (its object, read whole, ends on one of
    ``funding.ends``: 鼓励设立低碳建筑发展基金) for a parent clause not about funding (its
    object holds none of ``funding.words``: 推动低碳建筑规模化发展): the thing funded is
    named, not committed to."""
    rules = load_rules()
    return child_object.endswith(rules.funding_ends) and not any(
        word in parent_object for word in rules.funding_words
    )
