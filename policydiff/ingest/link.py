"""Same-document detection: is a new text another version of a document already held?

Three answers, each with the evidence that led to it:

* ``duplicate``: the text is (nearly) identical to a held version; refused.
* ``version``: the text is another version of a held document (the Chinese
  original of an English translation, a second translation, a fragment).
* ``new``: nothing held resembles it; it is a new point on the timeline.

And one refusal to guess: when the evidence is neither weak nor strong the
caller must say ``--version-of ID`` (or ``--new-document``).

Same language: what :mod:`policydiff.textsim.near` defines (sentence containment, the
whole-text ratio), the same measures ``policydiff check`` applies. Across languages: the
numbering skeleton (items per part), the numbers and years both texts carry, and anchor
terms from the bilingual glossary (``data/glossary.yaml``).

Scale. Comparing with every held version makes adding N files cost N^2. A
:class:`HeldIndex` keeps, for every held version, a sample of its word 5-grams
(character 5-grams in Chinese; :func:`policydiff.textsim.shingles.sampled_shingles`).
A new text is then compared (by :func:`decide`) only with

* the ``SAME_LANGUAGE_CANDIDATES`` held versions in its language that share the
  most sampled 5-grams with it (ties in timeline order); every held version when
  the new text has no sampled 5-gram at all (a very short text);
* the held versions in the other language whose document has the new text's
  issue date (every one when the date is unknown): a cross-language score is
  multiplied by 0.3 when the dates differ, which keeps it below ``CROSS_WEAK``,
  so those could never be linked.

What it can change: the evidence of a "new" answer names the closest candidate, not the
closest of all held versions; a link or duplicate outside the candidates would need a
held text sharing fewer sampled 5-grams with the new one than 16 others do, although
its sentences match better.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from typing import Any

from rapidfuzz import fuzz

from policydiff.models import Document, IssueDate, Version
from policydiff.runtime.glossary import glossary
from policydiff.structure.skeleton import skeleton
from policydiff.textsim.near import (
    CONTAINMENT_STRONG,
    CONTAINMENT_WEAK,
    DUPLICATE_RATIO,
    PROFILE_CACHE_SIZE,
    found_share,
    profile,
    whole_ratio,
)
from policydiff.textsim.normalise import normalise
from policydiff.textsim.shingles import sampled_shingles

# Cross-language evidence score in [0, 1]: at or above STRONG link, below WEAK it's new.
CROSS_STRONG = 0.7
CROSS_WEAK = 0.35
# A new text is compared with this many same-language versions sharing the most 5-grams.
SAME_LANGUAGE_CANDIDATES = 16


@dataclass(frozen=True)
class LinkDecision:
    outcome: str  # "new", "version", "duplicate", "ambiguous"
    document_id: str = ""
    version_key: str = ""
    score: float = 0.0
    complete: bool = True
    evidence: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _anchors() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The glossary anchors as (zh, lower-cased English forms), read once."""
    anchors: list[dict[str, Any]] = glossary()["anchors"]
    return tuple((a["zh"], tuple(form.lower() for form in a["en"])) for a in anchors)


@dataclass(frozen=True)
class CrossFacts:
    """What survives translation: the numbering skeleton, years and percentages, and the
    glossary anchors a text holds (indices into the glossary)."""

    skeleton: tuple[int, ...]
    figures: Counter[str]
    anchors_zh: tuple[int, ...]
    anchors_en: frozenset[int]


@lru_cache(maxsize=PROFILE_CACHE_SIZE)
def cross_facts(text: str, lang: str) -> CrossFacts:
    lower = text.lower()
    return CrossFacts(
        skeleton(text, lang),
        numbers(text),
        tuple(i for i, (zh, _) in enumerate(_anchors()) if zh in text),
        frozenset(i for i, (_, forms) in enumerate(_anchors()) if any(f in lower for f in forms)),
    )


def numbers(text: str) -> Counter[str]:
    """Years and percentages: they survive translation unchanged."""
    found = re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)|\d+(?:\.\d+)?\s*(?:%|％|percent)", text)
    return Counter(re.sub(r"\s*(?:%|％|percent)", "%", f) for f in found)


def anchor_share(zh: CrossFacts, en: CrossFacts) -> tuple[float, list[str]]:
    """Share of glossary anchors present in the Chinese text that the English text also has."""
    present = zh.anchors_zh
    if not present:
        return 0.0, []
    shared = [_anchors()[i][0] for i in present if i in en.anchors_en]
    return len(shared) / len(present), shared


def _counter_overlap(a: Counter[str], b: Counter[str]) -> float:
    total = sum((a | b).values())
    return sum((a & b).values()) / total if total else 0.0


def cross_language_score(new: Version, held: Version) -> tuple[float, list[str]]:
    """How much two texts in different languages look like one document, in [0, 1]."""
    new_facts, held_facts = cross_facts(new.text, new.lang), cross_facts(held.text, held.lang)
    zh, en = (new_facts, held_facts) if new.lang == "zh" else (held_facts, new_facts)
    evidence: list[str] = []
    shape_new, shape_held = new_facts.skeleton, held_facts.skeleton
    if len(shape_new) >= 2 and shape_new == shape_held:
        shape_score = 1.0
        evidence.append(f"same numbering skeleton {list(shape_new)} (items per part)")
    elif shape_new and shape_held:
        matcher_ratio = (
            fuzz.ratio(" ".join(map(str, shape_new)), " ".join(map(str, shape_held))) / 100
        )
        shape_score = matcher_ratio * 0.6
        evidence.append(f"numbering skeletons differ: {list(shape_new)} vs {list(shape_held)}")
    else:
        shape_score = 0.0
    figures = _counter_overlap(zh.figures, en.figures)
    evidence.append(f"{figures:.0%} of years and percentages shared")
    anchors, shared = anchor_share(zh, en)
    evidence.append(f"{anchors:.0%} of glossary terms shared ({', '.join(shared[:6])})")
    score = 0.45 * shape_score + 0.25 * figures + 0.30 * anchors
    return round(score, 3), evidence


def _issue_date(date: dt.date | IssueDate | None) -> IssueDate | None:
    return IssueDate.of_day(date) if isinstance(date, dt.date) else date


def decide(
    new: Version, documents: tuple[Document, ...], new_date: dt.date | IssueDate | None = None
) -> LinkDecision:
    """Compare a prospective version with every held version and decide how it relates."""
    best = LinkDecision("new")
    mine = profile(new.text, new.lang)
    given = _issue_date(new_date)
    for document in documents:
        # Two issue dates that cannot be one are strong evidence of two documents.
        factor = 0.3 if given is not None and not given.may_be(document.issue_date) else 1.0
        for held in document.versions:
            theirs = profile(held.text, held.lang)
            if held.lang == new.lang:
                if theirs.normalised == mine.normalised:
                    return LinkDecision(
                        "duplicate", document.id, held.key, 1.0, evidence=("identical text",)
                    )
                if not mine.sentences or not theirs.sentences:
                    continue  # no sentence to stand anywhere: never beats the best
                whole = whole_ratio(mine, theirs)
                if whole >= DUPLICATE_RATIO:
                    return LinkDecision(
                        "duplicate",
                        document.id,
                        held.key,
                        whole / 100,
                        evidence=(f"{whole:.1f}% identical to the held text",),
                    )
                excerpt_possible = len(new.text) < len(held.text)
                share = found_share(mine, theirs)
                if share < 1.0 and share * factor <= best.score:
                    continue  # cannot beat the best (a share of 1.0 may be an excerpt)
                if share == 1.0 and excerpt_possible and _verbatim_excerpt(new, held):
                    return LinkDecision(
                        "duplicate",
                        document.id,
                        held.key,
                        1.0,
                        evidence=("every sentence stands verbatim in the held text: an excerpt",),
                    )
                score = share
                evidence: tuple[str, ...] = (
                    f"{share:.0%} of its sentences found in {document.id}/{held.key}",
                )
                strong, weak = CONTAINMENT_STRONG, CONTAINMENT_WEAK
            else:
                score, cross_evidence = cross_language_score(new, held)
                evidence = tuple(cross_evidence)
                strong, weak = CROSS_STRONG, CROSS_WEAK
            if factor != 1.0:
                assert given is not None
                evidence += (f"but its date {given.shown} differs from {document.shown_date}",)
                score *= factor
            if score <= best.score:
                continue
            complete = len(new.text) >= 0.6 * comparable_length(held, new.lang)
            outcome = "version" if score >= strong else "ambiguous" if score >= weak else "new"
            best = LinkDecision(outcome, document.id, held.key, round(score, 3), complete, evidence)
    if best.outcome == "new":
        return LinkDecision("new", evidence=best.evidence, score=best.score)
    return best


def _verbatim_excerpt(new: Version, held: Version) -> bool:
    held_text = profile(held.text, held.lang).normalised
    return all(normalise(s) in held_text for s in profile(new.text, new.lang).sentences)


def comparable_length(held: Version, lang: str) -> float:
    """The held text's length in the new text's script (a Chinese character ~ 3 English letters)."""
    if held.lang == lang:
        return len(held.text)
    return len(held.text) * (3.0 if held.lang == "zh" else 1 / 3.0)


class HeldIndex:
    """Which held versions a new text is worth comparing with (see "Scale" above).

    Built from the held documents and kept up to date with :meth:`add` as files are
    ingested, so each new file costs about the same however many are held.
    """

    def __init__(self, documents: Iterable[Document] = ()) -> None:
        self._documents: dict[str, Document] = {}
        self._versions: list[tuple[str, Version]] = []  # number -> (document id, version)
        self._numbers: dict[tuple[str, str], int] = {}  # (document id, key) -> number
        self._postings: dict[str, dict[int, list[int]]] = {}  # lang -> 5-gram -> numbers
        self._dated: dict[int, list[int]] = {}  # year of the issue date -> numbers
        self._estimated: list[int] = []  # numbers of versions whose date is an estimate
        self._timeline: list[tuple[dt.date, str, int]] = []  # number -> date, id, position
        for document in documents:
            self.add(document)

    def add(self, document: Document) -> None:
        """Index ``document`` (new, or held with versions added since)."""
        self._documents[document.id] = document
        for version in document.versions:
            if (document.id, version.key) in self._numbers:
                continue
            number = len(self._versions)
            self._versions.append((document.id, version))
            self._numbers[document.id, version.key] = number
            # Versions are only ever appended, so this position in the timeline holds.
            self._timeline.append((document.date, document.id, document.versions.index(version)))
            issued = document.issue_date
            if issued.estimated:
                self._estimated.append(number)
            else:
                for year in range(issued.earliest.year, issued.latest.year + 1):
                    self._dated.setdefault(year, []).append(number)
            postings = self._postings.setdefault(version.lang, {})
            for crc in sampled_shingles(version.text, version.lang):
                postings.setdefault(crc, []).append(number)

    def candidates(
        self, new: Version, new_date: dt.date | IssueDate | None = None
    ) -> tuple[Document, ...]:
        """The held documents, cut to the versions :func:`decide` should compare ``new`` with."""
        postings = self._postings.get(new.lang, {})
        shared: Counter[int] = Counter()
        mine = sampled_shingles(new.text, new.lang)
        shared.update(chain.from_iterable(postings.get(crc, ()) for crc in mine))
        if mine:
            chosen = set(
                heapq.nsmallest(
                    SAME_LANGUAGE_CANDIDATES, shared, key=lambda n: (-shared[n], self._timeline[n])
                )
            )
        else:
            chosen = {n for n, (_, v) in enumerate(self._versions) if v.lang == new.lang}
        chosen |= {n for n in self._dated_as(new_date) if self._versions[n][1].lang != new.lang}
        by_document: dict[str, set[str]] = {}
        for number in chosen:
            document_id, version = self._versions[number]
            by_document.setdefault(document_id, set()).add(version.key)
        documents = sorted(
            (self._documents[document_id] for document_id in by_document),
            key=lambda d: (d.date, d.id),
        )
        return tuple(
            replace(d, versions=tuple(v for v in d.versions if v.key in by_document[d.id]))
            for d in documents
        )

    def _dated_as(self, new_date: dt.date | IssueDate | None) -> Iterable[int]:
        """The versions whose document's issue date may be ``new_date`` (all without one)."""
        given = _issue_date(new_date)
        if given is None or given.estimated:
            return range(len(self._versions))
        years = range(given.earliest.year, given.latest.year + 1)
        dated = {n for year in years for n in self._dated.get(year, ())}
        return [
            n
            for n in sorted(dated)
            if given.may_be(self._documents[self._versions[n][0]].issue_date)
        ] + self._estimated
