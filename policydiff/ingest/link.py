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
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from policydiff.ingest.metadata import glossary
from policydiff.models import Document, Version
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


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _sentences(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, lang) if e - s >= 20]


def skeleton(text: str, lang: str) -> tuple[int, ...]:
    """Items per part, in order: the shape of the numbering, the same in any language."""
    counts: Counter[str] = Counter()
    parts: list[str] = []
    for provision in parse_provisions(text, lang):
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


def _counter_overlap(a: Counter[str], b: Counter[str]) -> float:
    total = sum((a | b).values())
    return sum((a & b).values()) / total if total else 0.0


def cross_language_score(new: Version, held: Version) -> tuple[float, list[str]]:
    zh, en = (new, held) if new.lang == "zh" else (held, new)
    evidence: list[str] = []
    shape_new, shape_held = skeleton(new.text, new.lang), skeleton(held.text, held.lang)
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
    figures = _counter_overlap(numbers(zh.text), numbers(en.text))
    evidence.append(f"{figures:.0%} of years and percentages shared")
    anchors, shared = anchor_share(zh.text, en.text)
    evidence.append(f"{anchors:.0%} of glossary terms shared ({', '.join(shared[:6])})")
    score = 0.45 * shape_score + 0.25 * figures + 0.30 * anchors
    return round(score, 3), evidence


def containment(new: Version, held: Version) -> tuple[float, float]:
    """(share of the new text's sentences found in the held version, whole-text ratio)."""
    new_sentences = _sentences(new.text, new.lang)
    held_sentences = _sentences(held.text, held.lang)
    if not new_sentences or not held_sentences:
        return 0.0, 0.0
    found = 0
    for sentence in new_sentences:
        best = process.extractOne(
            sentence, held_sentences, scorer=fuzz.ratio, score_cutoff=SENTENCE_MATCH
        )
        found += best is not None
    whole = fuzz.ratio(_normalise(new.text), _normalise(held.text))
    return found / len(new_sentences), whole


def decide(new: Version, documents: tuple[Document, ...], new_date: object = None) -> LinkDecision:
    """Compare a prospective version with every held version and decide how it relates."""
    best = LinkDecision("new")
    for document in documents:
        for held in document.versions:
            if held.lang == new.lang:
                if _normalise(held.text) == _normalise(new.text):
                    return LinkDecision(
                        "duplicate", document.id, held.key, 1.0, evidence=("identical text",)
                    )
                share, whole = containment(new, held)
                if whole >= DUPLICATE_RATIO:
                    return LinkDecision(
                        "duplicate",
                        document.id,
                        held.key,
                        whole / 100,
                        evidence=(f"{whole:.1f}% identical to the held text",),
                    )
                if share == 1.0 and len(new.text) < len(held.text) and _verbatim_excerpt(new, held):
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
            if new_date is not None and new_date != document.date:
                # Two issue dates that differ are strong evidence of two documents.
                evidence += (f"but its date {new_date} differs from {document.date}",)
                score *= 0.3
            if score <= best.score:
                continue
            complete = len(new.text) >= 0.6 * comparable_length(held, new.lang)
            outcome = "version" if score >= strong else "ambiguous" if score >= weak else "new"
            best = LinkDecision(outcome, document.id, held.key, round(score, 3), complete, evidence)
    if best.outcome == "new":
        return LinkDecision("new", evidence=best.evidence, score=best.score)
    return best


def _verbatim_excerpt(new: Version, held: Version) -> bool:
    held_text = _normalise(held.text)
    return all(_normalise(s) in held_text for s in _sentences(new.text, new.lang))


def comparable_length(held: Version, lang: str) -> float:
    """The held text's length in the new text's script (a Chinese character ~ 3 English letters)."""
    if held.lang == lang:
        return len(held.text)
    return len(held.text) * (3.0 if held.lang == "zh" else 1 / 3.0)
