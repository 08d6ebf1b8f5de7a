"""How sure a restatement verdict is: ``sure``, or ``check`` with the doubt a reader
should resolve (docs/lineage.md, "How sure a verdict is").

A verdict is sure when it rests on what a reader would see at a glance:

- *omitted*, no clause of the child comes within :data:`SURE_OMISSION` of the parent
  clause, and less than :data:`ECHO_SHARE` of the words of its object stand anywhere in
  the child: nothing in the child even resembles it;
- *restated*, *strengthened* or *weakened*, the two clauses reach :data:`SURE_MATCH`, and
  the verdict is decided neither by the cues alone nor by a narrower scope nor by a target
  standing outside the two clauses: the child says the same thing in much the same words,
  and an unchanged cue, a wider scope or the two clauses' own targets decide.

Everything else is marked ``check``: a paraphrase matched below :data:`SURE_MATCH` (it may
be another commitment), an omission beside a clause that comes near or of a commitment
whose words the child uses (it may restate the parent in other words), a verdict that one
cue a level above or below another decides (readers also weigh the scope and the context),
a narrower scope (the limit may not bear on this commitment), a target read from another
clause or sentence (it may measure another commitment). The thresholds were set on
development lineages only, and the agreement of each class with careful readers is
measured, on lineages that were not, by ``policydiff compare --gold``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from policydiff.restatement.clauses import Clause
from policydiff.restatement.verdict import NARROWER_SCOPE, TARGET, TargetChange, decided_by_cues
from policydiff.restatement.words import words

SURE_MATCH = 0.50  # similarity from which a matched pair is the same commitment at a glance
SURE_OMISSION = 0.15  # similarity below which no child clause resembles an omitted one
# share of an omitted clause's object (its words of two characters or more, by characters)
# standing anywhere in the child from which the child may restate it in other words
ECHO_SHARE = 0.6

Label = Literal["sure", "check"]
SURE: Label = "sure"
CHECK: Label = "check"


@dataclass(frozen=True)
class Confidence:
    label: Label
    doubt: str = ""  # what a reader should check; "" when sure

    @property
    def sure(self) -> bool:
        return self.label == SURE


@dataclass(frozen=True)
class Echo:
    """The words of a parent clause's object that stand somewhere in the child."""

    words: tuple[str, ...]
    share: float  # of the object's words, by characters
    # the child clause that holds most of them, where they are ECHO_SHARE or more
    holding: Clause | None = None


@dataclass(frozen=True)
class ChildWords:
    """What :func:`echo` reads of a child: its clauses, and their sentences each once."""

    clauses: tuple[Clause, ...]
    texts: tuple[str, ...]  # of each clause
    text: str
    lang: str

    @classmethod
    def of(cls, clauses: Sequence[Clause], lang: str) -> ChildWords:
        sentences = "\n".join(dict.fromkeys(c.sentence for c in clauses))
        return cls(tuple(clauses), tuple(c.text for c in clauses), sentences, lang)


def echo(object_text: str, child: ChildWords) -> Echo:
    """Which words of ``object_text`` (a clause's object: :func:`..align.content`), two
    characters or more, stand anywhere in the child, and, where they reach
    :data:`ECHO_SHARE`, the child clause that holds most of them. Chinese only: an English
    word found somewhere in a plan says little."""
    if child.lang != "zh" or not child.clauses:
        return Echo((), 0.0)
    own = _object_words(object_text, child.lang)
    found = tuple(w for w in own if w in child.text)
    if not found:
        return Echo((), 0.0)
    share = sum(len(w) for w in found) / sum(len(w) for w in own)
    if share < ECHO_SHARE:
        return Echo(found, share)
    held = [sum(len(w) for w in found if w in text) for text in child.texts]
    return Echo(found, share, child.clauses[held.index(max(held))])


@lru_cache(maxsize=4096)
def _object_words(object_text: str, lang: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for w in words(object_text, lang) if len(w) >= 2 and w.isalnum()))


def assess(
    child: Clause | None,
    similarity: float,
    reasons: Sequence[str],
    nearest: Clause | None = None,
    *,
    omitted: str = "",
    child_words: ChildWords | None = None,
    targets_elsewhere: bool = False,
) -> Confidence:
    """How sure the verdict on a parent clause is, given its restating ``child`` clause
    (None: omitted), the ``similarity`` and the clause (``nearest``) of the best child
    clause, the verdict's ``reasons``, for an omission the parent clause's object
    (``omitted``) and the child's words (``child_words``) to look for it in, and whether a
    target outside the two clauses decided (:func:`decided_by_targets_elsewhere`). An
    omission to check names the clause that comes near, or the words the child uses, so
    that the reader reads those first."""
    if child is None:
        if similarity < SURE_OMISSION:
            echoed = echo(omitted, child_words) if omitted and child_words else None
            if echoed is None or echoed.share < ECHO_SHARE:
                return Confidence(SURE)
            most = f", most in: {echoed.holding.text}" if echoed.holding is not None else ""
            return Confidence(
                CHECK,
                f"the child uses its words ({', '.join(echoed.words)}{most}): "
                "it may restate this in other words",
            )
        near = f": {nearest.text}" if nearest is not None else ""
        return Confidence(
            CHECK,
            f"a clause of the child comes near (similarity {min(similarity, 1.0):.2f}{near}): "
            "it may restate this in other words",
        )
    if similarity < SURE_MATCH:
        return Confidence(
            CHECK,
            f"matched in other words (similarity {similarity:.2f}): "
            "the child's clause may be another commitment",
        )
    if decided_by_cues(reasons):
        return Confidence(
            CHECK, "decided by the cues alone: a reader weighs the scope and the context too"
        )
    if reasons and reasons[0] == NARROWER_SCOPE:
        return Confidence(
            CHECK, "decided by a narrower scope: the child's limit may not bear on this commitment"
        )
    if targets_elsewhere:
        return Confidence(
            CHECK,
            "decided by a target outside the two clauses: it may measure another commitment",
        )
    return Confidence(SURE)


def decided_by_targets_elsewhere(
    parent: Clause, child: Clause | None, changes: Sequence[TargetChange], reasons: Sequence[str]
) -> bool:
    """Whether a target changed or dropped decided the verdict, and one of the two targets
    compared stands outside its clause (in another clause of the sentence, or in another
    sentence of the child's): which indicator and which commitment it measures is then
    the tool's reading, not the words of the two clauses."""
    if not reasons or child is None:
        return False
    decisive = next(
        (
            c
            for c in changes
            if c.change in ("stricter", "laxer", "dropped")
            and reasons[0].startswith(
                (f"{TARGET}{c.parent.text} →", f"{TARGET}{c.parent.text} dropped")
            )
        ),
        None,
    )
    if decisive is None:
        return False
    if decisive.parent.text not in parent.text:
        return True
    return decisive.child is not None and decisive.child.text not in child.text
