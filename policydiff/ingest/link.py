"""Same-document detection: is a new text another version of a document already held?

Three answers, each with the evidence that led to it:

* ``duplicate``: the text is (nearly) identical to a held version; refused.
* ``version``: the text is another version of a held document (the Chinese
  original of an English translation, a second translation, a fragment).
* ``new``: nothing held resembles it; it is a new point on the timeline.

And one refusal to guess: when the evidence is neither weak nor strong the
caller must say ``--version-of ID`` (or ``--new-document``).

Same language: sentence-level fuzzy containment (rapidfuzz). Across languages:
the numbering skeleton (items per part), the numbers and years both texts
carry, and anchor terms from the bilingual glossary (``data/glossary.yaml``).

Cost. Everything :func:`decide` needs from a text (its sentences, normalised
text, numbering skeleton, figures, glossary anchors, shingles) is a
:class:`Profile`, computed once per distinct text and language and kept in a
bounded cache (:func:`profile`), so the versions already held are not re-split
for every new file. Two shortcuts keep the same-language comparison cheap:

* Prefilter. Each sentence carries the hashes of its word 5-grams (character
  5-grams in Chinese). A new sentence is fuzzily compared only with the held
  sentences that share at least one 5-gram with it; a held version sharing none
  with any new sentence costs nothing. Sentences too short to have a 5-gram
  (under five words or characters once punctuation is dropped) are compared with
  every held sentence, as before. What it can miss: a pair of sentences that
  scores >= ``SENTENCE_MATCH`` although an edit falls in every 5-word window
  (e.g. a 12-word sentence changed at its 4th and 9th words). Such a sentence
  counts as not found, so a link's score can come out lower than an exhaustive
  comparison would give, never higher.
* Bounds. The whole-text ratio is only needed at or above ``DUPLICATE_RATIO``,
  so it is computed with that cut-off (rapidfuzz rejects texts whose lengths
  alone rule it out); and the sentence count for a held version stops as soon
  as it can no longer beat the best candidate so far (exact: it only skips
  versions whose score would have been discarded).

Scale. Comparing with every held version makes adding N files cost N^2. A
:class:`HeldIndex` keeps, for every held version, a sample of its word 5-grams
(character 5-grams in Chinese): those whose CRC-32 is divisible by
``SAMPLE_EVERY``, a deterministic choice that depends on the 5-gram alone. A new
text is then compared (by :func:`decide`, unchanged) only with

* the ``SAME_LANGUAGE_CANDIDATES`` held versions in its language that share the
  most sampled 5-grams with it (ties in timeline order); every held version when
  the new text has no sampled 5-gram at all (a very short text);
* the held versions in the other language whose document has the new text's
  issue date (every one when the date is unknown): a cross-language score is
  multiplied by 0.3 when the dates differ, which keeps it below ``CROSS_WEAK``,
  so those could never be linked.

What it can change: the evidence of a "new" answer names the closest candidate,
not the closest of all held versions; a link or duplicate outside the candidates
would need a held text sharing fewer sampled 5-grams with the new one than 16
others do, although its sentences match better. The test suite checks the
prefiltered answers equal the exhaustive ones on the seeds and a synthetic corpus.

:func:`containment` itself stays exhaustive (``policydiff check`` uses it).
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from itertools import chain
from typing import Any

from rapidfuzz import fuzz, process

from policydiff.ingest.metadata import glossary
from policydiff.models import Document, Provision, Version
from policydiff.structure import parse_provisions, split_sentences

# Whole-text similarity (0-100) at or above which a same-language text is a duplicate.
DUPLICATE_RATIO = 97.0
# Share of a new text's sentences found (fuzzy score >= SENTENCE_MATCH) in a held version
# that makes it a version of that document; between WEAK and STRONG we ask the user.
SENTENCE_MATCH = 90.0
CONTAINMENT_STRONG = 0.6
CONTAINMENT_WEAK = 0.2
# Cross-language evidence score in [0, 1]: at or above STRONG link, below WEAK it's new.
CROSS_STRONG = 0.7
CROSS_WEAK = 0.35


@dataclass(frozen=True)
class LinkDecision:
    outcome: str  # "new", "version", "duplicate", "ambiguous"
    document_id: str = ""
    version_key: str = ""
    score: float = 0.0
    complete: bool = True
    evidence: tuple[str, ...] = ()


# How many distinct (text, language) profiles are kept between calls: a corpus's worth.
PROFILE_CACHE_SIZE = 4096
# Tokens per shingle for the containment prefilter (words in English, characters in Chinese).
SHINGLE = 5
# The held-version index keeps one 5-gram in this many (by CRC-32) ...
SAMPLE_EVERY = 8
# ... and a new text is compared with this many same-language versions sharing the most.
SAME_LANGUAGE_CANDIDATES = 16


def normalise(text: str) -> str:
    """Whitespace folded and lowercased: the form texts are compared in."""
    return re.sub(r"\s+", " ", text).strip().lower()


def comparable_sentences(text: str, lang: str) -> list[str]:
    """Sentences long enough (20+ characters) to count as evidence of shared text."""
    return [text[s:e] for s, e in split_sentences(text, lang) if e - s >= 20]


def _tokens(sentence: str, lang: str) -> list[str]:
    if lang == "zh":
        return re.findall(r"\w", sentence.lower())
    return re.findall(r"\w+", sentence.lower())


def _shingles(sentence: str, lang: str) -> frozenset[int]:
    """Hashes of the sentence's 5-token windows (empty when it has fewer tokens)."""
    tokens = _tokens(sentence, lang)
    return frozenset(
        hash("\x1f".join(tokens[i : i + SHINGLE])) for i in range(len(tokens) - SHINGLE + 1)
    )


@lru_cache(maxsize=1)
def _anchors() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The glossary anchors as (zh, lower-cased English forms), read once."""
    anchors: list[dict[str, Any]] = glossary()["anchors"]
    return tuple((a["zh"], tuple(form.lower() for form in a["en"])) for a in anchors)


class Profile:
    """What :func:`decide` compares, computed once per text (use :func:`profile`)."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang

    @cached_property
    def normalised(self) -> str:
        return normalise(self.text)

    @cached_property
    def sentences(self) -> tuple[str, ...]:
        return tuple(comparable_sentences(self.text, self.lang))

    @cached_property
    def sentence_shingles(self) -> tuple[frozenset[int], ...]:
        return tuple(_shingles(s, self.lang) for s in self.sentences)

    @cached_property
    def shingle_index(self) -> dict[int, tuple[int, ...]]:
        """Shingle hash -> indices of the sentences that have it."""
        index: dict[int, list[int]] = {}
        for i, shingles in enumerate(self.sentence_shingles):
            for h in shingles:
                index.setdefault(h, []).append(i)
        return {h: tuple(ids) for h, ids in index.items()}

    @cached_property
    def skeleton(self) -> tuple[int, ...]:
        return skeleton(self.text, self.lang)

    @cached_property
    def figures(self) -> Counter[str]:
        return numbers(self.text)

    @cached_property
    def anchors_zh(self) -> tuple[int, ...]:
        """Indices of the glossary anchors whose Chinese term the text contains."""
        return tuple(i for i, (zh, _) in enumerate(_anchors()) if zh in self.text)

    @cached_property
    def anchors_en(self) -> frozenset[int]:
        """Indices of the glossary anchors one of whose English forms the text contains."""
        lower = self.text.lower()
        return frozenset(
            i for i, (_, forms) in enumerate(_anchors()) if any(f in lower for f in forms)
        )


@lru_cache(maxsize=PROFILE_CACHE_SIZE)
def profile(text: str, lang: str) -> Profile:
    """The (cached) comparison profile of a text: keyed by the text itself, never stale."""
    return Profile(text, lang)


def skeleton(text: str, lang: str) -> tuple[int, ...]:
    """Items per part, in order: the shape of the numbering, the same in any language."""
    return skeleton_of(parse_provisions(text, lang))


def skeleton_of(provisions: Sequence[Provision]) -> tuple[int, ...]:
    """:func:`skeleton` of a text already parsed into ``provisions``."""
    counts: Counter[str] = Counter()
    parts: list[str] = []
    for provision in provisions:
        if provision.level == 1:
            parts.append(provision.id)
        elif provision.level == 2 and provision.parent:
            counts[provision.parent] += 1
    return tuple(counts[p] for p in parts)


def numbers(text: str) -> Counter[str]:
    """Years and percentages: they survive translation unchanged."""
    found = re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)|\d+(?:\.\d+)?\s*(?:%|％|percent)", text)
    return Counter(re.sub(r"\s*(?:%|％|percent)", "%", f) for f in found)


def anchor_share(zh_text: str, en_text: str) -> tuple[float, list[str]]:
    """Share of glossary anchors present in the Chinese text that the English text also has."""
    en_lower = en_text.lower()
    present = [a for a in glossary()["anchors"] if a["zh"] in zh_text]
    if not present:
        return 0.0, []
    shared = [a["zh"] for a in present if any(form.lower() in en_lower for form in a["en"])]
    return len(shared) / len(present), shared


def _anchor_share(zh: Profile, en: Profile) -> tuple[float, list[str]]:
    """:func:`anchor_share` from the two profiles' precomputed anchor sets."""
    present = zh.anchors_zh
    if not present:
        return 0.0, []
    shared = [_anchors()[i][0] for i in present if i in en.anchors_en]
    return len(shared) / len(present), shared


def _counter_overlap(a: Counter[str], b: Counter[str]) -> float:
    total = sum((a | b).values())
    return sum((a & b).values()) / total if total else 0.0


def cross_language_score(new: Version, held: Version) -> tuple[float, list[str]]:
    return _cross_language_score(profile(new.text, new.lang), profile(held.text, held.lang))


def _cross_language_score(new: Profile, held: Profile) -> tuple[float, list[str]]:
    zh, en = (new, held) if new.lang == "zh" else (held, new)
    evidence: list[str] = []
    shape_new, shape_held = new.skeleton, held.skeleton
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
    anchors, shared = _anchor_share(zh, en)
    evidence.append(f"{anchors:.0%} of glossary terms shared ({', '.join(shared[:6])})")
    score = 0.45 * shape_score + 0.25 * figures + 0.30 * anchors
    return round(score, 3), evidence


def containment(new: Version, held: Version) -> tuple[float, float]:
    """(share of the new text's sentences found in the held version, whole-text ratio)."""
    new_profile, held_profile = profile(new.text, new.lang), profile(held.text, held.lang)
    new_sentences, held_sentences = new_profile.sentences, held_profile.sentences
    if not new_sentences or not held_sentences:
        return 0.0, 0.0
    found = 0
    for sentence in new_sentences:
        best = process.extractOne(
            sentence, held_sentences, scorer=fuzz.ratio, score_cutoff=SENTENCE_MATCH
        )
        found += best is not None
    whole = fuzz.ratio(new_profile.normalised, held_profile.normalised)
    return found / len(new_sentences), whole


def _found_share(new: Profile, held: Profile, factor: float, beat: float) -> float | None:
    """Share of ``new``'s sentences found in ``held`` (prefiltered; see the module notes).

    ``None`` once the share, times ``factor``, can no longer exceed ``beat``: the caller
    would discard it anyway. Only checked after a miss, so a share of 1.0 (which the
    excerpt test needs) is always returned.
    """
    total = len(new.sentences)
    found = missed = 0
    held_sentences, index = held.sentences, held.shingle_index
    for sentence, shingles in zip(new.sentences, new.sentence_shingles, strict=True):
        choices: Iterable[str]
        if not shingles:
            choices = held_sentences
        else:
            ids = sorted({i for h in shingles for i in index.get(h, ())})
            choices = [held_sentences[i] for i in ids]
        best = (
            process.extractOne(sentence, choices, scorer=fuzz.ratio, score_cutoff=SENTENCE_MATCH)
            if choices
            else None
        )
        if best is not None:
            found += 1
        else:
            missed += 1
            if (total - missed) / total * factor <= beat:
                return None
    return found / total


def decide(new: Version, documents: tuple[Document, ...], new_date: object = None) -> LinkDecision:
    """Compare a prospective version with every held version and decide how it relates."""
    best = LinkDecision("new")
    mine = profile(new.text, new.lang)
    for document in documents:
        # Two issue dates that differ are strong evidence of two documents.
        factor = 0.3 if new_date is not None and new_date != document.date else 1.0
        for held in document.versions:
            theirs = profile(held.text, held.lang)
            if held.lang == new.lang:
                if theirs.normalised == mine.normalised:
                    return LinkDecision(
                        "duplicate", document.id, held.key, 1.0, evidence=("identical text",)
                    )
                if not mine.sentences or not theirs.sentences:
                    continue  # containment (0, 0): never beats the best
                whole = fuzz.ratio(mine.normalised, theirs.normalised, score_cutoff=DUPLICATE_RATIO)
                if whole >= DUPLICATE_RATIO:
                    return LinkDecision(
                        "duplicate",
                        document.id,
                        held.key,
                        whole / 100,
                        evidence=(f"{whole:.1f}% identical to the held text",),
                    )
                excerpt_possible = len(new.text) < len(held.text)
                share = _found_share(mine, theirs, factor, best.score)
                if share is None:
                    continue
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
                score, cross_evidence = _cross_language_score(mine, theirs)
                evidence = tuple(cross_evidence)
                strong, weak = CROSS_STRONG, CROSS_WEAK
            if factor != 1.0:
                evidence += (f"but its date {new_date} differs from {document.date}",)
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


def sampled_shingles(text: str, lang: str) -> frozenset[int]:
    """CRC-32s of the text's 5-token windows, keeping those divisible by ``SAMPLE_EVERY``.

    CRC-32 rather than ``hash()``: the sample must be the same in every process, or
    which versions are compared would depend on the run.
    """
    tokens = _tokens(text, lang)
    windows = ("\x1f".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))
    crcs = (zlib.crc32(w.encode("utf-8")) for w in windows)
    return frozenset(c for c in crcs if c % SAMPLE_EVERY == 0)


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
        self._dated: dict[dt.date, list[int]] = {}  # issue date -> numbers
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
            self._dated.setdefault(document.date, []).append(number)
            postings = self._postings.setdefault(version.lang, {})
            for crc in sampled_shingles(version.text, version.lang):
                postings.setdefault(crc, []).append(number)

    def candidates(self, new: Version, new_date: dt.date | None = None) -> tuple[Document, ...]:
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
        dated = range(len(self._versions)) if new_date is None else self._dated.get(new_date, ())
        chosen |= {n for n in dated if self._versions[n][1].lang != new.lang}
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
