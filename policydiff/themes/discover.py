"""Discovering candidate themes the catalogue does not cover yet.

Sentences (or whole provisions) of the corpus are clustered one language at a time with
agglomerative clustering on cosine distance (average linkage, cut at a distance
threshold) of TF-IDF vectors: English over character n-grams (``char_wb``, 2 to 4),
Chinese over words — jieba's, with the catalogue's and the glossary's terms kept whole
(:mod:`policydiff.themes.segment`) — and pairs of adjacent words, directive cues,
function words and numbering left out. A cluster is kept when no catalogue theme is
mentioned in at least ``covered_share`` of its sentences and some term is shared by
sentences of two of its documents; its label is made of words
(:mod:`policydiff.themes.labels`).

Across languages, an English and a Chinese cluster are one candidate when a concept of
the glossary (:mod:`policydiff.themes.concepts`: the catalogue's bilingual themes and the
anchors of ``data/glossary.yaml``) is mentioned in at least half the sentences of each
and names one of the first two label terms of each (海绵城市 / "sponge city"); each
cluster joins one other at most, the pairs sharing most such concepts first, then the
larger pairs. A candidate of one language takes the other language's name of such a
concept as a term of that language ("city cluster" → 城市群).

A candidate has sentences from at least ``min_documents`` documents and ``min_members``
sentences. Everything is deterministic: no random state is involved, and ties are broken
by document order, provision order and text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import yaml
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances

from policydiff.models import StructuredVersion
from policydiff.themes.catalogue import Catalogue
from policydiff.themes.concepts import Concept, glossary_concepts, glossary_terms, mentioned, names
from policydiff.themes.labels import features, label_terms, sentence_terms
from policydiff.themes.match import match_sentence
from policydiff.themes.normalize import normalize_term
from policydiff.themes.segment import Word, chinese_segmenter, english_words

DISTANCE_THRESHOLD = 0.62  # English, character n-grams
DISTANCE_THRESHOLD_ZH = 0.7  # Chinese, words and word pairs
MIN_CHARS = {"en": 25, "zh": 12}
CONCEPT_SHARE = 0.5
NAMING_TERMS = 2  # a concept joins two clusters when it names one of their first two terms
# A sentence that is one parenthesis is an aside (（省住房城乡建设厅、发展改革委按职责分工负责）).
_ASIDE = re.compile(r"[（(][^（）()]*[)）]")
LANGS = ("en", "zh")

__all__ = [
    "DISTANCE_THRESHOLD",
    "DISTANCE_THRESHOLD_ZH",
    "Candidate",
    "Member",
    "discover_across_languages",
    "discover_candidates",
    "write_candidates_yaml",
]


@dataclass(frozen=True)
class Member:
    """One clustered unit: a sentence (or provision) of one document version."""

    document_id: str
    version_key: str
    provision_id: str
    location: str
    sentence_index: int  # 0 when the unit is a whole provision
    text: str
    lang: str = "en"


@dataclass(frozen=True)
class Candidate:
    """A suggested theme: id, label terms, its evidence.

    ``terms`` are the words naming it, those of its main language first; ``en`` and
    ``zh`` split them by language (a term of the other language comes from its own
    sentences or from the glossary)."""

    id: str
    lang: str  # "en", "zh", or "en+zh" when its sentences are in both
    terms: tuple[str, ...]
    documents: tuple[str, ...]
    members: tuple[Member, ...]
    cohesion: float  # mean cosine similarity of members to their centroid, in [0, 1]
    en: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Cluster:
    lang: str
    members: tuple[Member, ...]
    documents: tuple[str, ...]
    terms: tuple[str, ...]
    cohesion: float
    concepts: frozenset[str]  # glossary concepts mentioned by at least CONCEPT_SHARE
    order: int


def _units(
    versions: Sequence[StructuredVersion], lang: str, unit: str, min_chars: int
) -> list[Member]:
    out: list[Member] = []
    for sv in versions:
        if sv.version.lang != lang:
            continue
        for prov in sv.provisions:
            if unit == "provision":
                text = " ".join(s.text for s in prov.sentences).strip()
                if len(text) >= min_chars and not _ASIDE.fullmatch(text):
                    out.append(
                        Member(
                            sv.document_id, sv.version.key, prov.id, prov.location, 0, text, lang
                        )
                    )
                continue
            for sent in prov.sentences:
                text = sent.text.strip()
                if len(text) >= min_chars and not _ASIDE.fullmatch(text):
                    out.append(
                        Member(
                            sv.document_id,
                            sv.version.key,
                            prov.id,
                            prov.location,
                            sent.index,
                            text,
                            lang,
                        )
                    )
    return out


def _words(texts: Sequence[str], lang: str, catalogue: Catalogue) -> list[tuple[Word, ...]]:
    if lang == "zh":
        segmenter = chinese_segmenter(glossary_terms(catalogue))
        return [segmenter.words(t) for t in texts]
    return [english_words(t) for t in texts]


def _vectors(texts: Sequence[str], words: Sequence[tuple[Word, ...]], lang: str) -> Any:
    """TF-IDF rows (a sparse matrix), or None when no sentence has a feature."""
    try:
        if lang == "zh":
            vec = TfidfVectorizer(analyzer=lambda feats: feats, sublinear_tf=True)
            return vec.fit_transform([features(w) for w in words])
        vec = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, lowercase=True
        )
        return vec.fit_transform(texts)
    except ValueError:  # empty vocabulary
        return None


def _clusters(
    versions: Sequence[StructuredVersion],
    catalogue: Catalogue,
    concepts: Sequence[Concept],
    lang: str,
    *,
    unit: str,
    distance_threshold: float | None,
    min_members: int,
    covered_share: float,
    top_terms: int,
    min_chars: int | None,
    doc_order: dict[str, int],
) -> list[_Cluster]:
    """The clusters of one language that no catalogue theme covers and some term names."""
    members = _units(versions, lang, unit, MIN_CHARS[lang] if min_chars is None else min_chars)
    if len(members) < 2:
        return []
    texts = [m.text for m in members]
    words = _words(texts, lang, catalogue)
    x = _vectors(texts, words, lang)
    if x is None:
        return []
    threshold = distance_threshold
    if threshold is None:
        threshold = DISTANCE_THRESHOLD_ZH if lang == "zh" else DISTANCE_THRESHOLD
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    ).fit_predict(cosine_distances(x))

    terms = [sentence_terms(w, lang) for w in words]
    frequency = Counter(t for ts in terms for t in ts.all)
    documents = [m.document_id for m in members]
    out: list[_Cluster] = []
    for label in sorted(set(labels.tolist())):
        idx = [i for i, lab in enumerate(labels) if lab == label]
        if len(idx) < min_members:
            continue
        themes = Counter(
            theme
            for i in idx
            for theme in {t[0] for t in match_sentence(texts[i], lang, catalogue)}
        )
        if themes and themes.most_common(1)[0][1] >= covered_share * len(idx):
            continue
        named = label_terms(idx, terms, documents, frequency, lang, top_terms)
        if not named:
            continue
        counts = Counter(
            c for i in idx for c in mentioned(concepts, texts[i], lang, _norm(texts[i], lang))
        )
        center = np.asarray(x[idx].mean(axis=0)).ravel()
        norm = float(np.linalg.norm(center)) or 1.0
        cohesion = float(np.mean(x[idx] @ center) / norm)
        ordered = sorted(
            (members[i] for i in idx),
            key=lambda m: (doc_order[m.document_id], m.provision_id, m.sentence_index, m.text),
        )
        out.append(
            _Cluster(
                lang=lang,
                members=tuple(ordered),
                documents=tuple(sorted({documents[i] for i in idx}, key=doc_order.__getitem__)),
                terms=named,
                cohesion=cohesion,
                concepts=frozenset(c for c, n in counts.items() if n >= CONCEPT_SHARE * len(idx)),
                order=len(out),
            )
        )
    return out


def _norm(text: str, lang: str) -> str | None:
    return normalize_term(text) if lang == "en" else None


def _naming(cluster: _Cluster, concepts: dict[str, Concept]) -> list[Concept]:
    """The cluster's dominant concepts that name its first term(s), in glossary order."""
    first = cluster.terms[:NAMING_TERMS]
    return [
        c
        for c in concepts.values()
        if c.id in cluster.concepts and any(names(c, t, cluster.lang) for t in first)
    ]


def _pairs(
    english: Sequence[_Cluster], chinese: Sequence[_Cluster], concepts: dict[str, Concept]
) -> list[tuple[_Cluster, _Cluster]]:
    """English and Chinese clusters that one concept names (see the module docstring)."""
    naming_en = {c.order: {k.id for k in _naming(c, concepts)} for c in english}
    naming_zh = {c.order: {k.id for k in _naming(c, concepts)} for c in chinese}
    links = [
        (-len(shared), -(len(e.members) + len(z.members)), e.order, z.order, e, z)
        for e in english
        for z in chinese
        if (shared := naming_en[e.order] & naming_zh[z.order])
    ]
    used_en: set[int] = set()
    used_zh: set[int] = set()
    out = []
    for *_key, e, z in sorted(links, key=lambda link: link[:4]):
        if e.order in used_en or z.order in used_zh:
            continue
        used_en.add(e.order)
        used_zh.add(z.order)
        out.append((e, z))
    return out


def _rendered(cluster: _Cluster, concepts: dict[str, Concept], lang: str) -> tuple[str, ...]:
    """Names in ``lang`` of the concepts that name the cluster (see :func:`_naming`)."""
    found = (c.name(lang) for c in _naming(cluster, concepts))
    return tuple(dict.fromkeys(n for n in found if n))


def _candidate(
    parts: Sequence[_Cluster],
    concepts: dict[str, Concept],
    doc_order: dict[str, int],
    cut: Callable[[str], Sequence[str]],
) -> Candidate:
    by_lang = {p.lang: p for p in parts}
    per_lang: dict[str, tuple[str, ...]] = {}
    for lang in LANGS:
        if lang in by_lang:
            per_lang[lang] = by_lang[lang].terms
        else:
            other = next(iter(by_lang.values()))
            per_lang[lang] = _rendered(other, concepts, lang)
    main = max(parts, key=lambda p: (len(p.members), p.lang == "zh")).lang
    terms = per_lang[main] + tuple(t for lang in LANGS if lang != main for t in per_lang[lang])
    members = sorted(
        (m for p in parts for m in p.members),
        key=lambda m: (doc_order[m.document_id], m.lang, m.provision_id, m.sentence_index, m.text),
    )
    weight = sum(len(p.members) for p in parts)
    cohesion = sum(p.cohesion * len(p.members) for p in parts) / weight
    return Candidate(
        id=_slug(by_lang["en"].terms if "en" in by_lang else (), per_lang["zh"], cut),
        lang="+".join(lang for lang in LANGS if lang in by_lang),
        terms=terms,
        documents=tuple(sorted({d for p in parts for d in p.documents}, key=doc_order.__getitem__)),
        members=tuple(members),
        cohesion=round(cohesion, 4),
        en=per_lang["en"],
        zh=per_lang["zh"],
    )


def _slug(en: Sequence[str], zh: Sequence[str], cut: Callable[[str], Sequence[str]]) -> str:
    """An id a catalogue accepts: English words, else the pinyin of Chinese ones."""
    words: list[str] = []
    for term in en:
        for w in re.split(r"[^a-z0-9]+", term.lower()):
            if w and w not in words:
                words.append(w)
    if not words and zh:
        from pypinyin import lazy_pinyin

        for term in zh:
            for word in cut(term):
                w = re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(word)).lower())
                if w and w not in words:
                    words.append(w)
    return "-".join(words[:3])[:60].strip("-") or "candidate"


def _finish(
    candidates: list[Candidate], min_documents: int, min_members: int
) -> tuple[Candidate, ...]:
    kept = [
        c for c in candidates if len(c.documents) >= min_documents and len(c.members) >= min_members
    ]
    kept.sort(key=lambda c: (-len(c.documents), -len(c.members), c.id, c.lang))
    seen: Counter[str] = Counter()
    unique: list[Candidate] = []
    for cand in kept:
        seen[cand.id] += 1
        if seen[cand.id] > 1:
            cand = replace(cand, id=f"{cand.id}-{seen[cand.id]}")
        unique.append(cand)
    return tuple(unique)


def _document_order(versions: Sequence[StructuredVersion]) -> dict[str, int]:
    return {d: i for i, d in enumerate(dict.fromkeys(sv.document_id for sv in versions))}


def discover_candidates(
    versions: Sequence[StructuredVersion],
    catalogue: Catalogue,
    *,
    lang: str = "en",
    unit: str = "sentence",
    distance_threshold: float | None = None,
    min_documents: int = 2,
    min_members: int = 2,
    covered_share: float = 0.5,
    top_terms: int = 6,
    min_chars: int | None = None,
) -> tuple[Candidate, ...]:
    """Candidate themes of one language from clusters of similar sentences across documents.

    ``versions`` are structured versions of several documents; only those in ``lang``
    are used. ``distance_threshold`` and ``min_chars`` default by language
    (:data:`DISTANCE_THRESHOLD`, :data:`DISTANCE_THRESHOLD_ZH`, :data:`MIN_CHARS`).
    Returns candidates ordered by number of documents, then members (desc), then id.
    """
    return _discover(
        versions,
        catalogue,
        (lang,),
        unit=unit,
        distance_threshold=distance_threshold,
        min_documents=min_documents,
        min_members=min_members,
        covered_share=covered_share,
        top_terms=top_terms,
        min_chars=min_chars,
    )


def discover_across_languages(
    versions: Sequence[StructuredVersion],
    catalogue: Catalogue,
    *,
    unit: str = "sentence",
    min_documents: int = 2,
    min_members: int = 2,
    covered_share: float = 0.5,
    top_terms: int = 6,
) -> tuple[Candidate, ...]:
    """Candidate themes of every language, an English and a Chinese cluster of one
    glossary concept made one candidate (see the module docstring)."""
    return _discover(
        versions,
        catalogue,
        LANGS,
        unit=unit,
        distance_threshold=None,
        min_documents=min_documents,
        min_members=min_members,
        covered_share=covered_share,
        top_terms=top_terms,
        min_chars=None,
    )


def _discover(
    versions: Sequence[StructuredVersion],
    catalogue: Catalogue,
    langs: Sequence[str],
    *,
    unit: str,
    distance_threshold: float | None,
    min_documents: int,
    min_members: int,
    covered_share: float,
    top_terms: int,
    min_chars: int | None,
) -> tuple[Candidate, ...]:
    if unit not in ("sentence", "provision"):
        raise ValueError("unit must be 'sentence' or 'provision'")
    doc_order = _document_order(versions)
    concept_list = glossary_concepts(catalogue)
    concepts = {c.id: c for c in concept_list}
    clusters = {
        lang: _clusters(
            versions,
            catalogue,
            concept_list,
            lang,
            unit=unit,
            distance_threshold=distance_threshold,
            min_members=min_members,
            covered_share=covered_share,
            top_terms=top_terms,
            min_chars=min_chars,
            doc_order=doc_order,
        )
        for lang in langs
    }
    pairs = _pairs(clusters.get("en", []), clusters.get("zh", []), concepts)
    paired = {(c.lang, c.order) for pair in pairs for c in pair}
    groups: list[Sequence[_Cluster]] = [list(p) for p in pairs]
    groups += [[c] for lang in langs for c in clusters[lang] if (c.lang, c.order) not in paired]
    terms = glossary_terms(catalogue)

    def cut(text: str) -> Sequence[str]:
        return chinese_segmenter(terms).cut(text)

    found = [_candidate(g, concepts, doc_order, cut) for g in groups]
    return _finish(found, min_documents, min_members)


def write_candidates_yaml(candidates: Sequence[Candidate], *, max_evidence: int = 5) -> str:
    """Candidates as catalogue entries (``themes:`` list) a user can review and paste.

    Each entry carries the suggested id, labels from the first term of each language,
    the terms as variants of their language, and a ``note`` citing the member sentences.
    """
    entries = []
    for c in candidates:
        evidence = [
            f"{m.document_id} {m.location}"
            + (f" #{m.sentence_index}" if m.sentence_index else "")
            + f": {m.text[:160]}"
            for m in c.members[:max_evidence]
        ]
        entry: dict[str, object] = {
            "id": c.id,
            "label": c.en[0].capitalize() if c.en else c.id,
            "label_zh": c.zh[0] if c.zh else "",
        }
        entry.update({lang: list(terms) for lang, terms in (("en", c.en), ("zh", c.zh)) if terms})
        entry["note"] = (
            f"candidate from discovery: {len(c.members)} sentences in "
            f"{len(c.documents)} documents ({', '.join(c.documents)}); "
            f"cohesion {c.cohesion:.2f}. Evidence:\n" + "\n".join(evidence)
        )
        entries.append(entry)
    header = (
        "# Candidate themes found by `policydiff` discovery. Review each entry: keep the\n"
        "# variants that name the theme, add the other language, then merge into a catalogue.\n"
    )
    body = yaml.safe_dump(
        {"themes": entries},
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    return header + body
