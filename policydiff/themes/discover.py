"""Discovering candidate themes the catalogue does not cover yet.

Sentences (or whole provisions) of the whole corpus, one language at a time, are embedded
with TF-IDF over character n-grams (``analyzer="char_wb"``, ``ngram_range=(2, 4)``) and
clustered with agglomerative clustering on cosine distance (average linkage, cut at
``distance_threshold``).  A cluster becomes a candidate when its members come from at least
``min_documents`` documents and no catalogue theme already covers it (no theme is mentioned
in at least ``covered_share`` of its members).  Everything is deterministic: no random
state is involved, and ties are broken by document order, provision order and text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import yaml
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from policydiff.models import StructuredVersion
from policydiff.themes.catalogue import Catalogue
from policydiff.themes.match import match_sentence

DISTANCE_THRESHOLD = 0.62
_WORD = re.compile(r"[a-z][a-z-]{2,}")
_POLICY_STOP = frozenset(
    {
        "promote",
        "strengthen",
        "improve",
        "establish",
        "construction",
        "development",
        "accelerate",
        "implement",
        "enhance",
        "build",
        "carry",
        "sound",
        "system",
        "continue",
        "continuously",
        "deepen",
        "vigorously",
        "comprehensively",
        "comprehensive",
        "efforts",
        "level",
        "key",
        "advance",
        "national",
        "relevant",
        "various",
        "areas",
        "support",
        "management",
        "mechanism",
        "mechanisms",
        "china",
    }
)


@dataclass(frozen=True)
class Member:
    """One clustered unit: a sentence (or provision) of one document version."""

    document_id: str
    version_key: str
    provision_id: str
    location: str
    sentence_index: int  # 0 when the unit is a whole provision
    text: str


@dataclass(frozen=True)
class Candidate:
    """A suggested theme: id, top terms from the cluster centroid, and its evidence."""

    id: str
    lang: str
    terms: tuple[str, ...]
    documents: tuple[str, ...]
    members: tuple[Member, ...]
    cohesion: float  # mean cosine similarity of members to the centroid, in [0, 1]


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
                if len(text) >= min_chars:
                    out.append(
                        Member(sv.document_id, sv.version.key, prov.id, prov.location, 0, text)
                    )
                continue
            for sent in prov.sentences:
                if len(sent.text.strip()) >= min_chars:
                    out.append(
                        Member(
                            sv.document_id,
                            sv.version.key,
                            prov.id,
                            prov.location,
                            sent.index,
                            sent.text.strip(),
                        )
                    )
    return out


def _slug(terms: Sequence[str]) -> str:
    words: list[str] = []
    for term in terms:
        for w in re.split(r"[^a-z0-9\u3400-\u9fff]+", term.lower()):
            if w and w not in words:
                words.append(w)
        if len(words) >= 3:
            break
    return "-".join(words[:3]) or "candidate"


def _term_vectorizer(lang: str) -> TfidfVectorizer:
    if lang == "zh":
        return TfidfVectorizer(analyzer="char", ngram_range=(2, 4), sublinear_tf=True)
    stop = sorted(ENGLISH_STOP_WORDS | _POLICY_STOP)
    return TfidfVectorizer(
        analyzer="word",
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z-]{2,}\b",
        ngram_range=(1, 3),
        stop_words=stop,
        sublinear_tf=True,
    )


def discover_candidates(
    versions: Sequence[StructuredVersion],
    catalogue: Catalogue,
    *,
    lang: str = "en",
    unit: str = "sentence",
    distance_threshold: float = DISTANCE_THRESHOLD,
    min_documents: int = 2,
    min_members: int = 2,
    covered_share: float = 0.5,
    top_terms: int = 6,
    min_chars: int = 25,
) -> tuple[Candidate, ...]:
    """Candidate themes from clusters of similar sentences across documents.

    ``versions`` are structured versions of several documents; only those in ``lang``
    are used.  Returns candidates ordered by number of documents, then members (desc),
    then id.
    """
    if unit not in ("sentence", "provision"):
        raise ValueError("unit must be 'sentence' or 'provision'")
    members = _units(versions, lang, unit, min_chars)
    if len(members) < 2:
        return ()
    texts = [m.text for m in members]
    analyzer = "char_wb" if lang == "en" else "char"
    vec = TfidfVectorizer(analyzer=analyzer, ngram_range=(2, 4), sublinear_tf=True, lowercase=True)
    x = vec.fit_transform(texts)
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="cosine",
        linkage="average",
        distance_threshold=distance_threshold,
    )
    labels = model.fit_predict(x.toarray())

    term_vec = _term_vectorizer(lang)
    try:
        tx = term_vec.fit_transform(texts)
        vocab = np.asarray(term_vec.get_feature_names_out())
    except ValueError:  # empty vocabulary
        tx, vocab = None, np.asarray([])

    theme_sets = [{t[0] for t in match_sentence(text, lang, catalogue)} for text in texts]
    doc_order = {d: i for i, d in enumerate(dict.fromkeys(m.document_id for m in members))}
    dense = x.toarray()
    out: list[Candidate] = []
    for label in sorted(set(labels.tolist())):
        idx = [i for i, lab in enumerate(labels) if lab == label]
        docs = sorted({members[i].document_id for i in idx}, key=doc_order.__getitem__)
        if len(idx) < min_members or len(docs) < min_documents:
            continue
        counts = Counter(t for i in idx for t in theme_sets[i])
        if counts and counts.most_common(1)[0][1] >= covered_share * len(idx):
            continue
        terms: tuple[str, ...] = ()
        if tx is not None and len(vocab):
            centroid = np.asarray(tx[idx].mean(axis=0)).ravel()
            order = sorted(range(len(vocab)), key=lambda j: (-centroid[j], vocab[j]))
            picked: list[str] = []
            for j in order:
                if centroid[j] <= 0 or len(picked) >= top_terms:
                    break
                term = str(vocab[j])
                if any(term in p or p in term for p in picked):
                    continue
                picked.append(term)
            terms = tuple(picked)
        center = dense[idx].mean(axis=0)
        norm = np.linalg.norm(center) or 1.0
        cohesion = float(np.mean([dense[i] @ center / norm for i in idx]))
        ordered = sorted(
            (members[i] for i in idx),
            key=lambda m: (doc_order[m.document_id], m.provision_id, m.sentence_index, m.text),
        )
        out.append(
            Candidate(
                id=_slug(terms) if terms else f"candidate-{label}",
                lang=lang,
                terms=terms,
                documents=tuple(docs),
                members=tuple(ordered),
                cohesion=round(cohesion, 4),
            )
        )
    out.sort(key=lambda c: (-len(c.documents), -len(c.members), c.id))
    # make ids unique, deterministically
    seen: Counter[str] = Counter()
    unique: list[Candidate] = []
    for cand in out:
        seen[cand.id] += 1
        if seen[cand.id] > 1:
            cand = Candidate(f"{cand.id}-{seen[cand.id]}", *_rest(cand))
        unique.append(cand)
    return tuple(unique)


def _rest(c: Candidate) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[Member, ...], float]:
    return (c.lang, c.terms, c.documents, c.members, c.cohesion)


def write_candidates_yaml(candidates: Sequence[Candidate], *, max_evidence: int = 5) -> str:
    """Candidates as catalogue entries (``themes:`` list) a user can review and paste.

    Each entry carries the suggested id, a label from the top terms, the terms as
    variants in the candidate's language, and a ``note`` citing the member sentences.
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
            "label": c.terms[0].capitalize() if c.terms and c.lang == "en" else c.id,
            "label_zh": c.terms[0] if c.terms and c.lang == "zh" else "",
            c.lang: list(c.terms),
            "note": (
                f"candidate from discovery: {len(c.members)} sentences in "
                f"{len(c.documents)} documents ({', '.join(c.documents)}); "
                f"cohesion {c.cohesion:.2f}. Evidence:\n" + "\n".join(evidence)
            ),
        }
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
