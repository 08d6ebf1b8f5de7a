"""How sure a restatement verdict is: ``sure``, or ``check`` with the doubt a reader
should resolve (docs/lineage.md, "How sure a verdict is").

A verdict is sure when it rests on what a reader would see at a glance:

- *omitted*, no clause of the child comes within :data:`SURE_OMISSION` of the parent
  clause, and the child does not use most of the words of its object apart
  (:data:`ECHO_SHARE`, Chinese only): nothing in the child even resembles it;
- *restated*, the two clauses reach :data:`SURE_MATCH`, and the cues alone do not decide:
  the child says the same thing in much the same words.

No verdict read on English versions is sure, and each says so (:data:`READ_IN_ENGLISH`).
Everything else is marked ``check``: a paraphrase matched below :data:`SURE_MATCH` (it may
be another commitment), an omission beside a clause that comes near or of a commitment
whose words the child uses apart (it may restate the parent there), a verdict that one cue
a level above or below another decides (readers also weigh the scope and the context), and
every strengthened or weakened verdict (a change is a claim to confirm in the two sentences
before quoting it), and a restatement whose sentence leaves out items of the parent clause's
list (:func:`unnamed_items`: 提高铁路、水运… restated as 提高铁路…; a shorter list may be a
narrower commitment, which readers weigh case by case). The thresholds were set on
development lineages only, and the agreement of each class with careful readers is
measured, on lineages that were not, by ``policydiff compare --gold``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from policydiff.restatement.clauses import Clause
from policydiff.restatement.cuts import CUE_GAP
from policydiff.restatement.kinds import funds_only
from policydiff.restatement.objects import canonical, solid, solid_text
from policydiff.restatement.verdict import decided_by_cues
from policydiff.restatement.words import tagged, words

SURE_MATCH = 0.60  # similarity from which a matched pair is the same commitment at a glance
SURE_OMISSION = 0.15  # similarity below which no child clause resembles an omitted one
# share of an omitted clause's object (its words of two characters or more, by characters)
# standing anywhere in the child, ECHO_WORDS of them at least, from which the child may
# restate it where they stand
ECHO_SHARE = 0.6
ECHO_WORDS = 2
EXCERPT = 60  # characters of a long sentence named as where the words stand

Label = Literal["sure", "check"]
SURE: Label = "sure"
CHECK: Label = "check"


@dataclass(frozen=True)
class Confidence:
    label: Label
    doubt: str = ""  # what a reader should check; "" when sure
    # where the child clause or sentence the doubt names stands ("" when it names none),
    # and which it names: the nearest clause, or the sentence holding the object's words
    location: str = ""
    quotes: Literal["", "nearest", "words"] = ""
    # for an omission to check, where the child restates the clause beside it in the
    # parent's sentence, when that is another sentence than the one the doubt quotes
    neighbour_location: str = ""
    neighbour_sentence: str = ""  # ... and that sentence whole
    words_at: str = ""  # where a doubt of ``words`` says most of them stand (a clause, an excerpt)

    @property
    def sure(self) -> bool:
        return self.label == SURE


@dataclass(frozen=True)
class Echo:
    """The words of a parent clause's object that stand somewhere in the child."""

    words: tuple[str, ...]  # those found, in the object's order
    of: int  # how many words the object has
    share: float  # of the object's words, by characters
    # where most of them stand: a child clause, or its sentence where the clause holds fewer
    where: str = ""
    location: str = ""  # ... and the location of that sentence


@dataclass(frozen=True)
class ChildWords:
    """What :func:`echo` reads of a child: its sentences, each once and in order, with
    the child's clauses in each, all with synonyms written one way
    (:func:`..objects.canonical`), as an object is."""

    sentences: tuple[str, ...]
    clauses: tuple[tuple[str, ...], ...]  # of each sentence
    text: str
    lang: str
    locations: tuple[str, ...] = ()  # of each sentence, where it first stands

    @classmethod
    def of(cls, clauses: Sequence[Clause], lang: str) -> ChildWords:
        if lang != "zh":  # echo reads Chinese only: nothing to prepare
            return cls((), (), "", lang)
        by_sentence: dict[str, list[str]] = {}
        located: dict[str, str] = {}
        for clause in clauses:
            by_sentence.setdefault(clause.sentence, []).append(clause.text)
            located.setdefault(clause.sentence, clause.location)
        sentences = tuple(canonical(s) for s in by_sentence)
        held = tuple(tuple(canonical(t) for t in texts) for texts in by_sentence.values())
        return cls(sentences, held, "\n".join(sentences), lang, tuple(located.values()))


def echo(object_text: str, child: ChildWords) -> Echo:
    """Which words of ``object_text`` (a clause's object: :func:`..objects.content`), two
    characters or more, stand anywhere in the child, and, where they reach
    :data:`ECHO_SHARE`, where most of them stand: the first sentence holding most, or its
    first clause holding as many. Chinese only: an English word found somewhere in a plan
    says little."""
    own = _object_words(object_text, child.lang) if child.lang == "zh" else ()
    found = tuple(w for w in own if w in child.text)
    if not found:
        return Echo((), len(own), 0.0)
    share = sum(len(w) for w in found) / sum(len(w) for w in own)
    if share < ECHO_SHARE or len(found) < ECHO_WORDS:
        return Echo(found, len(own), share)

    def held(text: str) -> int:
        return sum(len(w) for w in found if w in text)

    counts = [held(s) for s in child.sentences]
    best = counts.index(max(counts))
    clause = next((t for t in child.clauses[best] if held(t) == counts[best]), "")
    where = clause or _excerpt(child.sentences[best], found)
    return Echo(found, len(own), share, where, child.locations[best] if child.locations else "")


def _excerpt(sentence: str, found: Sequence[str]) -> str:
    """``sentence``, or where it is longer than :data:`EXCERPT` characters, the stretch of
    that length from a little before the first of ``found`` in it, cut ends marked "⋯" (not
    "…", which says a renderer cropped it): a pointer for the reader, who finds the whole
    sentence by it."""
    if len(sentence) <= EXCERPT:
        return sentence
    first = min(at for w in found if (at := sentence.find(w)) >= 0)
    start = max(0, min(first - 10, len(sentence) - EXCERPT))
    end = start + EXCERPT
    return ("⋯" if start else "") + sentence[start:end] + ("⋯" if end < len(sentence) else "")


@lru_cache(maxsize=4096)
def _object_words(object_text: str, lang: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for w in words(object_text, lang) if len(w) >= 2 and w.isalnum()))


# how a doubt's pointer to the neighbour's restatement begins (render.restatement_lines
# places a location the doubt quotes before it)
NEIGHBOUR_LEAD = "; its neighbour in the parent's sentence "


def restated_neighbour(
    parent: Clause, restated: Sequence[tuple[Clause, Clause]], omitted: str
) -> tuple[Clause, Clause] | None:
    """Of the clauses of ``parent``'s sentence that the child restates (``restated``:
    (parent clause, child clause) pairs), the one whose child sentence holds most of the
    words of ``parent``'s object (``omitted``), the nearest clause to ``parent`` of those
    alike; None where no such sentence holds any of them: a province restates a parent
    sentence as a sentence, so a clause of it that no child clause comes near may be said
    in other words beside its neighbour's restatement (Jiangsu's 建立健全绿色餐饮标准体系 for
    建立健全餐饮行业相关标准和服务规范, in the sentence that restates its neighbour
    鼓励种植基地+中央厨房等新模式发展), but a sentence that says none of its words is no
    place to look (on the development lineages such pointers led to the gold's sentence 8
    times in 192, those sharing a word 60 times in 434)."""
    siblings = [
        pair
        for pair in restated
        if pair[0].sentence_id == parent.sentence_id and pair[0] is not parent
    ]
    if not siblings:
        return None
    own = _object_words(omitted, parent.lang) if omitted else ()

    def held(pair: tuple[Clause, Clause]) -> int:
        sentence = canonical(pair[1].sentence)  # as the object's words are written
        return sum(len(w) for w in own if w in sentence)

    best = min(siblings, key=lambda pair: (-held(pair), abs(pair[0].index - parent.index)))
    return best if held(best) else None


def _with_neighbour(
    confidence: Confidence,
    nearest: Clause | None,
    neighbour: tuple[Clause, Clause],
    omitted: str,
    lang: str,
) -> Confidence:
    """``confidence`` (an omission to check) with its doubt naming the child's sentence that
    restates ``neighbour``, unless the doubt quotes that sentence already: by its nearest
    clause, or by where the omitted clause's words stand."""
    beside, restating = neighbour
    quoted = (
        confidence.quotes == "nearest"
        and nearest is not None
        and nearest.sentence == restating.sentence
    ) or (
        confidence.quotes == "words"
        and confidence.words_at.strip("⋯") in canonical(restating.sentence)
    )
    if quoted:
        return confidence
    found = [w for w in _object_words(omitted, lang) if w in restating.sentence] if omitted else []
    where = _excerpt(restating.sentence, found or [restating.sentence[:1]])
    return replace(
        confidence,
        doubt=f"{confidence.doubt}{NEIGHBOUR_LEAD}({beside.text}) is restated in the child's "
        f"{restating.provision_id}: {where}: read there too",
        neighbour_location=restating.location,
        neighbour_sentence=restating.sentence,
    )


# what ends the last item of a list: 钢铁、水泥、焦化行业 ends its items on 行业, …冶炼渣等 on 等
_LAST_ITEM_END = re.compile(r"等|和|及|与|的|在|中|行业|领域|产业")
LONG_ITEM = 8  # characters an item is read whole within (the last must end within them)


def unnamed_items(parent: Clause, child: Clause) -> tuple[str, ...]:
    """The items of a list in the parent clause (between its 、: 铁路、水运) that the child's
    sentence names neither whole nor by half their bigrams or more (各地区 as 各地,
    新能源汽车 as 新能源车); numbers are left to the targets."""
    if "、" not in parent.text:
        return ()
    text, sentence = canonical(parent.text), canonical(child.sentence)
    pieces = text.split("、")
    items = []
    for k, piece in enumerate(pieces):
        if k == 0:
            # the first item is what follows the clause's cue (推进太阳能: 太阳能), or where
            # that is long, its last word
            for word in parent.cue.split(CUE_GAP) if parent.cue else ():
                piece = piece.removeprefix(word)
            opening = tagged(piece)[:1]
            if opening and opening[0][3] == "v" and opening[0][1] < len(piece):
                piece = piece[opening[0][1] :]  # a verb the lexicon lacks (应用特许经营)
            item = piece if len(piece) <= LONG_ITEM else (words(piece, "zh") or ("",))[-1]
        elif k < len(pieces) - 1:
            item = piece
        else:
            # where nothing ends it soon, the last item's end is not known: it is left out
            end = _LAST_ITEM_END.search(piece, 1, LONG_ITEM + 1)
            item = piece[: end.start()] if end else ""
        if len(item) >= 2 and not any(ch.isdigit() for ch in item):
            items.append(item)
    return tuple(dict.fromkeys(item for item in items if not _named_in(item, sentence)))


def _named_in(item: str, sentence: str) -> bool:
    if item in sentence:
        return True
    grams = {item[k : k + 2] for k in range(len(item) - 1)}
    return sum(g in sentence for g in grams) >= len(grams) / 2


# why no verdict read on English versions is sure: they are compared word by word
# (objects.english_object), which neither sees a paraphrase nor tells two commitments
# that share their words apart
READ_IN_ENGLISH = (
    "read in English, word by word and without synonyms: a restatement in other words "
    "goes unseen, and words in common may name another commitment"
)


def assess(
    child: Clause | None,
    similarity: float,
    reasons: Sequence[str],
    nearest: Clause | None = None,
    *,
    changed: bool = False,
    omitted: str = "",
    child_words: ChildWords | None = None,
    unnamed: Sequence[str] = (),
    matched_by: str = "",
    lang: str = "zh",
    neighbour: tuple[Clause, Clause] | None = None,
    placed: bool = False,
) -> Confidence:
    """:func:`_assessed`, but that no verdict read in English (``lang``) is sure, and each
    says why; an omission to check also names the child's sentence that restates the
    ``neighbour`` (:func:`restated_neighbour`), where that is not the one it quotes; a
    change whose reasons place a figure outside the two sentences (``placed``) asks to
    confirm it there too."""
    confidence = _assessed(
        child, similarity, reasons, nearest, changed, omitted, child_words, unnamed, matched_by
    )
    if placed and confidence.doubt.endswith(_IN_TWO_SENTENCES):
        confidence = replace(
            confidence,
            doubt=confidence.doubt.removesuffix(_IN_TWO_SENTENCES) + _IN_PLACES_NAMED,
        )
    if child is None and not confidence.sure and neighbour is not None:
        confidence = _with_neighbour(confidence, nearest, neighbour, omitted, lang)
    if lang == "zh":
        return confidence
    if confidence.sure:
        return Confidence(CHECK, READ_IN_ENGLISH)
    return replace(confidence, doubt=f"{confidence.doubt}; {READ_IN_ENGLISH}")


_IN_TWO_SENTENCES = "confirm it in the two sentences before quoting it"
_IN_PLACES_NAMED = (
    "confirm it in the two sentences, and where its reason says a figure is set, before quoting it"
)


def _assessed(
    child: Clause | None,
    similarity: float,
    reasons: Sequence[str],
    nearest: Clause | None,
    changed: bool,
    omitted: str,
    child_words: ChildWords | None,
    unnamed: Sequence[str],
    matched_by: str,
) -> Confidence:
    """How sure the verdict on a parent clause is, given its restating ``child`` clause
    (None: omitted), the ``similarity`` and the clause (``nearest``) of the best child
    clause, the verdict's ``reasons``, whether it is a change (strengthened or weakened),
    and for an omission the parent clause's object (``omitted``) and the child's words to
    look for it in; for a match below the similarity of one, how it was found
    (``matched_by``, as :data:`..align.ROUTES` says it). An omission to check names the
    clause that comes near, or the words the child uses and where most of them stand, so
    that the reader reads those first."""
    if child is None:
        if similarity < SURE_OMISSION:
            echoed = echo(omitted, child_words) if omitted and child_words else None
            if echoed is None or not echoed.where:
                return Confidence(SURE)
            return Confidence(
                CHECK,
                f"the child uses {len(echoed.words)} of its {echoed.of} words apart "
                f"({', '.join(echoed.words)}), most in: {echoed.where}: "
                "read there before taking it as omitted",
                echoed.location,
                "words",
                words_at=echoed.where,
            )
        near = f": {nearest.text}" if nearest is not None else ""
        at = nearest.location if nearest is not None else ""
        if nearest is not None and omitted and funds_only(solid_text(omitted), solid(nearest)):
            return Confidence(
                CHECK,
                f"a clause of the child comes near (similarity {min(similarity, 1.0):.2f}{near}) "
                "but funds what it names rather than committing to it: "
                "a reader may take it as a weaker restatement",
                at,
                "nearest" if at else "",
            )
        return Confidence(
            CHECK,
            f"a clause of the child comes near (similarity {min(similarity, 1.0):.2f}{near}): "
            "it may restate this in other words",
            at,
            "nearest" if at else "",
        )
    if similarity < SURE_MATCH:
        return Confidence(
            CHECK,
            f"matched {matched_by or 'in other words'} (similarity {similarity:.2f}): "
            "the child's clause may be another commitment",
        )
    if decided_by_cues(reasons):
        return Confidence(
            CHECK, "decided by the cues alone: a reader weighs the scope and the context too"
        )
    if unnamed and not changed:
        return Confidence(
            CHECK,
            f"the child does not name {', '.join(unnamed)} of the parent's list: "
            "a shorter list may be a narrower commitment",
        )
    if changed:
        why = f" ({reasons[0]})" if reasons else ""
        return Confidence(CHECK, f"a change{why}: {_IN_TWO_SENTENCES}")
    return Confidence(SURE)
