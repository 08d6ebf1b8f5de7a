"""The bilingual glossary discovery reads: concepts with their English and Chinese names.

Two sources, both knowledge the project already keeps: every catalogue theme that has
English variants and Chinese terms (:meth:`Catalogue.glossary`), and the anchor terms of
``policydiff/data/glossary.yaml`` (a Chinese term and the English forms that render it,
some of them word beginnings such as "smart cit"). A concept is *mentioned* by a sentence
that holds one of its forms (Chinese: as written; English: after normalisation — lower
case, hyphens as spaces, singular nouns); it *names* a label term that holds one of its
forms ("sponge city" names "sponge city construction"; "urban and rural construction"
does not name "urban").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from policydiff.themes.catalogue import Catalogue
from policydiff.themes.normalize import normalize_term

# An English form that ends inside a word ("smart cit") matches text, but is no label.
_WHOLE_LAST_WORD = re.compile(r"(?:^|[\s-])[a-z]{4,}$")


@dataclass(frozen=True)
class Concept:
    """One concept of the glossary: its names and the forms that mention it."""

    id: str
    name_en: str  # "" when no English form is a whole phrase
    name_zh: str
    en: tuple[str, ...]  # normalised
    zh: tuple[str, ...]

    def forms(self, lang: str) -> tuple[str, ...]:
        return self.zh if lang == "zh" else self.en

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@lru_cache(maxsize=1)
def _anchors() -> tuple[Concept, ...]:
    from policydiff.runtime.glossary import glossary

    out: list[Concept] = []
    for anchor in glossary().get("anchors", []):
        zh = str(anchor["zh"])
        en = tuple(dict.fromkeys(normalize_term(str(f)) for f in anchor.get("en", [])))
        name = next((str(f) for f in anchor.get("en", []) if _is_phrase(str(f))), "")
        out.append(Concept(f"glossary:{zh}", name, zh, en, (zh,)))
    return tuple(out)


def _is_phrase(form: str) -> bool:
    return bool(_WHOLE_LAST_WORD.search(form.lower()))


def glossary_concepts(catalogue: Catalogue) -> tuple[Concept, ...]:
    """The catalogue's bilingual themes, in catalogue order, then the glossary anchors."""
    themes = tuple(
        Concept(
            theme.id,
            en[0],
            theme.label_zh or zh[0],
            tuple(dict.fromkeys(normalize_term(v) for v in en)),
            tuple(dict.fromkeys(zh)),
        )
        for theme, en, zh in catalogue.glossary()
    )
    return themes + _anchors()


def glossary_terms(catalogue: Catalogue) -> tuple[str, ...]:
    """Chinese words the segmenter should keep whole: every Chinese term and label of
    the catalogue and every Chinese anchor of the glossary, sorted."""
    words = {t.label_zh for t in catalogue.themes if t.label_zh}
    words.update(v for t in catalogue.themes for v in t.zh)
    words.update(c.name_zh for c in _anchors())
    return tuple(sorted(w for w in words if w))


def mentioned(
    concepts: Sequence[Concept], text: str, lang: str, normalised: str | None = None
) -> frozenset[str]:
    """Ids of the concepts ``text`` mentions (``normalised``: its normalised form, English)."""
    if lang == "zh":
        return frozenset(c.id for c in concepts if any(f in text for f in c.zh))
    norm = normalised if normalised is not None else normalize_term(text)
    padded = f" {norm}"
    return frozenset(c.id for c in concepts if any(f" {f}" in padded for f in c.en if f))


def names(concept: Concept, term: str, lang: str) -> bool:
    """Whether the label ``term`` holds one of ``concept``'s forms."""
    if lang == "zh":
        return any(f and f in term for f in concept.zh)
    padded = f" {normalize_term(term)}"
    return any(f and f" {f}" in padded for f in concept.en)
