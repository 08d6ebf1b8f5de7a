"""What the reports say in words, beside the data: how to read them, what each level
means, and what a report of a large corpus leaves to ``evolution.json``."""

from __future__ import annotations

from policydiff.analysis.model import Evolution
from policydiff.analysis.periods import MAX_COLUMNS, is_large
from policydiff.analysis.verdicts import STEP as VERDICT_STEP

LEVEL_MEANINGS = (
    "the theme is mentioned without commitment language",
    "exploratory: the state signals interest (explore, pilot, encourage; 探索 试点 鼓励)",
    "promotion: a task is taken on, pace and scale unspecified (promote, implement; 推动 推进 实施)",
    "intensification: an existing task done faster or harder (accelerate, strengthen; 加快 加强)",
    "scale: the task is to reach everywhere / at scale (vigorously, large-scale; 大力 规模化发展 全覆盖)",
    "binding: an obligation or prohibition without discretion (ensure, must, prohibit; 确保 必须 严禁)",
)
HOW_TO_READ = (
    "Each theme (a policy object such as ultra-low energy buildings / 超低能耗建筑) is followed "
    "through the documents in date order. In each document the theme is present or absent; "
    "when present, the report shows its strongest commitment: the directive wording (the cue) "
    "in the clause that names the theme, read on a six-level ordinal scale.",
    "Strength is approximate. The scale is ordinal: it ranks how much a directive binds and how "
    "far it reaches, not by how much; level differences are not distances.",
    "Manner versus reach: 'vigorously promote' (大力推广) says how hard a task is pursued and "
    "scores 3.5; 'large-scale development' (规模化发展) or 'full coverage' (全覆盖) says how far "
    "its result reaches and scores 4. A dated quantified target adds 0.5 and is listed "
    "separately (★).",
    f"A verdict compares two documents: strengthened / weakened when strength moves by at least "
    f"{VERDICT_STEP:g}, unchanged otherwise, added / dropped when the theme appears or vanishes. "
    "'Since last mention' compares each mention with the theme's previous mention, across "
    "documents that skip it.",
    "Where the corpus holds the Chinese original, strength is scored on it and the English "
    "translation is shown beside it; the agreement section says how often both get one level.",
    "What the scale cannot see: translation flattening (English 'promote' renders 推动, 推进, "
    "促进 and 推广 alike), modal shades (要/应/须), cues far from their object, context beyond "
    "the clause, and amounts of money or area (targets carry those). Caveats under each theme "
    "say where these apply. Read the evidence, not only the number.",
)
STRENGTH_DOC = "docs/strength.md"


def large_corpus_note(ev: Evolution) -> str | None:
    """What a report of many documents leaves to evolution.json (None for a small corpus)."""
    if not is_large(ev):
        return None
    return (
        f"This corpus holds {len(ev.documents)} documents, more than {MAX_COLUMNS}, so this "
        "report is a summary. At a glance shows one column per year (the strongest commitment "
        "of each year). Each theme lists only the documents that mention it, with the sentence "
        "of its strongest commitment; its verdicts from each document to the next are counted, "
        "not listed; its other mentions are counted under each document; and the wording of "
        "the strongest commitment is compared only where its strength moved. Every point, "
        "verdict and mention, each with its sentence and location, is in evolution.json."
    )
