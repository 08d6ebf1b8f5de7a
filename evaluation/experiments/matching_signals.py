"""Signals tried to restate more paraphrases, measured on the development lineages only.

For every (parent clause, child) pair of the development gold that ``compare`` leaves
omitted, a signal proposes the child clause it finds most alike; it *gains* where the gold
restates the commitment in that clause's sentence and *loses* where the gold finds it
omitted (other proposals change one disagreement into another). For pairs ``compare``
matches, the classifier may also unmatch: a gain where the gold finds it omitted, a loss
where the gold restates it there. docs/lineage.md (the eleventh and fifteenth sessions)
quotes the results.

    python evaluation/experiments/matching_signals.py            # the first development set
    python evaluation/experiments/matching_signals.py --tuned    # every set rules were set on

Signals: a classifier over twenty features of a pair (scikit-learn, trained leaving one
lineage's gold out at a time), matching below ``MATCH`` inside the child provision whose
heading mirrors the parent's, refusing a match whose child clause lacks the parent's
institutional head noun, matching by the parent's words rare on both sides, matching by
one item of the parent's list, matching the clause an omission's echo names, and
matching the child clause most like another child's restatement of the parent clause, and
matching by latent semantic similarity (TF-IDF of character n-grams reduced by truncated
SVD, fitted on every clause of the development and test corpora's documents). The
untuned provinces are never compared here and their gold is never read (:mod:`lineages`;
their documents share the test corpus's folder, so they are loaded with it).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from lineages import DEVELOPMENT, TUNED, UNTUNED
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from policydiff.corpus.store import load_corpus
from policydiff.diff.tfidf import cosine_similarity
from policydiff.evaluate.restatement import read_gold, standing_for
from policydiff.lineage import build_lineage
from policydiff.restatement.align import copies, similarity_matrix
from policydiff.restatement.clauses import Clause
from policydiff.restatement.compare import compare_clauses, document_clauses
from policydiff.restatement.confidence import ChildWords, echo
from policydiff.restatement.confidence import _object_words as object_words
from policydiff.restatement.objects import canonical, content, object_bigrams
from policydiff.restatement.thresholds import MATCH
from policydiff.themes import load_catalogue

REPO = Path(__file__).resolve().parents[2]
HEADS = ("标准", "制度", "机制", "办法", "政策", "规划", "体系", "平台", "目录", "清单", "证书")


@dataclass
class Cell:
    gold_file: str
    corpus: str
    parent_id: str
    child_id: str
    parents: Sequence[Clause]
    children: Sequence[Clause]
    matrix: np.ndarray  # parent x child similarity, as compare aligns
    row: int  # the parent clause
    gold: str  # the gold's verdict
    gold_clauses: set[int]  # child clauses in the gold's sentence
    tool: int | None  # the child clause compare restates it with
    restating: dict[int, int]  # every restated parent clause: its child clause


def _heading(clause: Clause) -> str:
    return clause.location.split(" > ")[-1].split(" ", 1)[-1]


def cells(lineages: Sequence[tuple[str, str]] = DEVELOPMENT) -> list[Cell]:
    catalogue = load_catalogue()
    out = []
    for corpus_path, gold_path in lineages:
        corpus = load_corpus(REPO / corpus_path)
        gold = read_gold(REPO / gold_path)
        parent_doc = corpus.get(gold.parent)
        assert parent_doc is not None
        parent = document_clauses(parent_doc, catalogue)
        for child_id in gold.children:
            child_doc = corpus.get(child_id)
            assert child_doc is not None
            child = document_clauses(child_doc, catalogue)
            matrix = copies(similarity_matrix(parent.clauses, child.clauses))
            found = {id(r.parent): r for r in compare_clauses(parent, child).commitments}
            restating = {
                parent.clauses.index(r.parent): child.clauses.index(r.child)
                for r in found.values()
                if r.child is not None
            }
            for commitment in gold.commitments:
                cell = next((c for c in commitment.cells if c.child == child_id), None)
                clause = standing_for(commitment.parent, parent.clauses)
                if cell is None or clause is None:
                    continue
                restated = found[id(clause)]
                sentence = cell.sentence or ""
                out.append(
                    Cell(
                        gold_file=gold_path,
                        corpus=corpus_path,
                        parent_id=gold.parent,
                        child_id=child_id,
                        parents=parent.clauses,
                        children=child.clauses,
                        matrix=matrix,
                        row=parent.clauses.index(clause),
                        gold=cell.verdict,
                        gold_clauses={
                            j
                            for j, c in enumerate(child.clauses)
                            if sentence and (c.sentence in sentence or sentence in c.sentence)
                        },
                        tool=child.clauses.index(restated.child) if restated.child else None,
                        restating=restating,
                    )
                )
    return out


def _score(proposals: Sequence[tuple[Cell, int]]) -> tuple[int, int]:
    """(gained, lost) by matching each cell to its proposed child clause."""
    gained = sum(c.gold != "omitted" and j in c.gold_clauses for c, j in proposals)
    lost = sum(c.gold == "omitted" for c, _ in proposals)
    return gained, lost


def mirrored_headings(data: Sequence[Cell], heading_min: float = 0.4) -> tuple[int, int]:
    proposals = []
    mirrors: dict[int, dict[str, str]] = {}
    for c in data:
        if c.tool is not None:
            continue
        key = id(c.children)
        if key not in mirrors:
            ph = sorted({p.location for p in c.parents})
            ch = sorted({k.location for k in c.children})
            alike = cosine_similarity(
                [p.split(" > ")[-1].split(" ", 1)[-1] for p in ph],
                [k.split(" > ")[-1].split(" ", 1)[-1] for k in ch],
                "char",
                2,
                2,
            )
            mirrors[key] = {
                ph[a]: ch[int(alike[a].argmax())]
                for a in range(len(ph))
                if alike[a].max() >= heading_min
            }
        where = mirrors[key].get(c.parents[c.row].location)
        grams = object_bigrams(content(c.parents[c.row]))
        taken = set(c.restating.values())
        held = [
            j
            for j, k in enumerate(c.children)
            if k.location == where
            and j not in taken
            and not k.heading
            and c.matrix[c.row, j] >= 0.15
            and len(grams & object_bigrams(content(k))) >= 0.25 * len(grams)
        ]
        if held:
            proposals.append((c, max(held, key=lambda j: float(c.matrix[c.row, j]))))
    return _score(proposals)


def head_nouns(data: Sequence[Cell]) -> tuple[int, int]:
    """Unmatching a matched pair whose child clause lacks the parent object's head noun:
    (gained, lost)."""
    gained = lost = 0
    for c in data:
        if c.tool is None or c.matrix[c.row, c.tool] >= 0.8:
            continue
        words = content(c.parents[c.row]).split()
        head = next((h for h in HEADS if words and words[-1].endswith(h)), None)
        if head is None or head in c.children[c.tool].text:
            continue
        gained += c.gold == "omitted"
        lost += c.gold != "omitted" and c.tool in c.gold_clauses
    return gained, lost


def _words(clause: Clause) -> frozenset[str]:
    return frozenset(object_words(content(clause), "zh"))


def rare_words(
    data: Sequence[Cell], child_df: int = 1, parent_df: int = 2, share: float = 0.2
) -> tuple[int, int]:
    """Matching an omitted cell to the child clause that holds most of the parent object's
    words rare on both sides (in at most ``child_df`` child clauses and ``parent_df``
    parent clauses), where they make ``share`` of its words' characters at least."""
    proposals = []
    frequencies: dict[int, tuple[Counter[str], Counter[str], list[frozenset[str]]]] = {}
    for c in data:
        if c.tool is not None:
            continue
        key = id(c.children)
        if key not in frequencies:
            held_c = [_words(k) for k in c.children]
            frequencies[key] = (
                Counter(w for ws in held_c for w in ws),
                Counter(w for p in c.parents for w in _words(p)),
                held_c,
            )
        in_child, in_parent, held_c = frequencies[key]
        own = _words(c.parents[c.row])
        rare = {w for w in own if 0 < in_child[w] <= child_df and in_parent[w] <= parent_df}
        if not rare:
            continue
        weight = sum(len(w) for w in own)
        j = max(range(len(held_c)), key=lambda k: sum(len(w) for w in rare & held_c[k]))
        if sum(len(w) for w in rare & held_c[j]) >= share * weight:
            proposals.append((c, j))
    return _score(proposals)


def list_items(data: Sequence[Cell], share: float = 0.6) -> tuple[int, int]:
    """Matching an omitted cell to the child clause most alike among those holding
    ``share`` of the bigrams of one item of the parent's list (split at 、 和 及 与)."""
    proposals = []
    for c in data:
        if c.tool is not None:
            continue
        items = [i for i in re.split(r"[、和及与]", content(c.parents[c.row])) if len(i) >= 2]
        if len(items) < 2:
            continue
        grams = [object_bigrams(i) for i in items]
        held = [
            j
            for j, k in enumerate(c.children)
            if any(g and len(g & object_bigrams(content(k))) >= share * len(g) for g in grams)
        ]
        if held:
            proposals.append((c, max(held, key=lambda j: float(c.matrix[c.row, j]))))
    return _score(proposals)


def echoed_clause(data: Sequence[Cell]) -> tuple[int, int]:
    """Matching an omitted cell to the child clause its echo names (the clause holding
    most of the object's words the child uses apart, where they reach ``ECHO_SHARE``):
    the doubt of an omission to check, taken for a match."""
    proposals = []
    read: dict[int, ChildWords] = {}
    for c in data:
        if c.tool is not None:
            continue
        child_words = read.setdefault(id(c.children), ChildWords.of(c.children, "zh"))
        where = echo(content(c.parents[c.row]), child_words).where
        j = next((j for j, k in enumerate(c.children) if canonical(k.text) == where), None)
        if where and j is not None:
            proposals.append((c, j))
    return _score(proposals)


def _features(c: Cell, j: int) -> list[float]:
    row, column = c.matrix[c.row], c.matrix[:, j]
    parent, child = c.parents[c.row], c.children[j]
    a, b = object_bigrams(content(parent)), object_bigrams(content(child))
    second = float(np.sort(row)[-2]) if len(row) > 1 else 0.0
    heading = cosine_similarity([_heading(parent)], [_heading(child)], "char", 2, 2)[0, 0]
    # where compare restates the other clauses of the parent's provision and sentence
    others = [
        c.children[k]
        for i, k in c.restating.items()
        if i != c.row and c.parents[i].provision_id == parent.provision_id
    ]
    siblings_at = {k.provision_id for k in others}
    siblings_in = {
        (c.children[k].provision_id, c.children[k].sentence_index)
        for i, k in c.restating.items()
        if i != c.row and c.parents[i].sentence_id == parent.sentence_id
    }
    taken = sum(k == j for i, k in c.restating.items() if i != c.row) > 0
    return [
        float(row[j]),
        float(row[j]) - second,
        float(row[j]) / (float(column.max()) + 1e-9),
        float(column.max() <= row[j] + 1e-9),
        len(a & b) / max(1, len(a)),
        len(a & b) / max(1, len(b)),
        len(a),
        len(b),
        float(bool(set(parent.themes) & set(child.themes))),
        float(heading),
        parent.level,
        child.level,
        float(parent.restriction == child.restriction),
        float(child.heading),
        float(bool(parent.targets)),
        float(bool(child.targets)),
        float(c.tool is not None),
        float(child.provision_id in siblings_at),
        float((child.provision_id, child.sentence_index) in siblings_in),
        float(taken),
    ]


def classifier(data: Sequence[Cell], threshold: float = 0.5) -> tuple[int, int]:
    """Leave one gold file out: match an omitted cell's best candidate from ``threshold``,
    unmatch a matched cell below ``1 - threshold``."""
    tops = [int(np.argmax(c.matrix[c.row])) for c in data]
    x = np.array([_features(c, j) for c, j in zip(data, tops, strict=True)])
    y = np.array(
        [int(c.gold != "omitted" and j in c.gold_clauses) for c, j in zip(data, tops, strict=True)]
    )
    files = np.array([c.gold_file for c in data])
    probability = np.zeros(len(data))
    for name in sorted(set(files)):
        held_out = files == name
        model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
        model.fit(x[~held_out], y[~held_out])
        probability[held_out] = model.predict_proba(x[held_out])[:, 1]
    gained = lost = 0
    for c, j, p in zip(data, tops, probability, strict=True):
        if c.tool is None and p >= threshold:
            gained += c.gold != "omitted" and j in c.gold_clauses
            lost += c.gold == "omitted"
        elif c.tool is not None and p < 1 - threshold:
            gained += c.gold == "omitted"
            lost += c.gold != "omitted" and c.tool in c.gold_clauses
    return gained, lost


def sibling_restatements(
    data: Sequence[Cell], sibling_match: float = 0.5, floor: float = 0.4
) -> tuple[int, int]:
    """Match an omitted cell's child clause most like a sibling's restatement of the parent
    clause: where another child of the same parent in the corpus (the untuned industrial
    provinces never among them) restates it from ``sibling_match``, the child clause most
    like that sibling's clause, from ``floor``."""
    catalogue = load_catalogue()
    restating: dict[tuple[str, str], dict[str, dict[int, Clause]]] = {}
    for corpus_path, parent_id in sorted({(c.corpus, c.parent_id) for c in data}):
        corpus = load_corpus(REPO / corpus_path)
        parent_doc = corpus.get(parent_id)
        assert parent_doc is not None
        parent = document_clauses(parent_doc, catalogue)
        by_child: dict[str, dict[int, Clause]] = {}
        for child_id in build_lineage(corpus.documents).children(parent_id):
            child_doc = corpus.get(child_id)
            if child_doc is None or child_id in UNTUNED:
                continue
            child = document_clauses(child_doc, catalogue)
            if child.version.lang != parent.version.lang:
                continue
            by_child[child_id] = {
                i: r.child
                for i, r in enumerate(compare_clauses(parent, child).commitments)
                if r.child is not None and r.similarity >= sibling_match
            }
        restating[corpus_path, parent_id] = by_child
    proposals = []
    for c in data:
        if c.tool is not None:
            continue
        theirs = [
            held[c.row]
            for child_id, held in restating[c.corpus, c.parent_id].items()
            if child_id != c.child_id and c.row in held
        ]
        if not theirs:
            continue
        best = copies(similarity_matrix(theirs, list(c.children))).max(axis=0)
        j = int(best.argmax())
        if best[j] >= floor:
            proposals.append((c, j))
    return _score(proposals)


def latent_similarity(
    data: Sequence[Cell], dimensions: int = 200, threshold: float = 0.7, floor: float = 0.15
) -> tuple[int, int]:
    """Match an omitted cell to the child clause nearest in a latent space (character
    unigrams and bigrams of each clause's content, TF-IDF, truncated SVD to ``dimensions``)
    from ``threshold``, where the tool's own similarity reaches ``floor``: paraphrases that
    share few characters but co-occur with the same ones across the corpora."""
    catalogue = load_catalogue()
    background = [
        content(clause)
        for corpus_path in sorted({c.corpus for c in data})
        for document in load_corpus(REPO / corpus_path).documents
        if document.id not in UNTUNED and "zh" in document.languages
        for clause in document_clauses(document, catalogue, lang="zh").clauses
    ]
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True)
    svd = TruncatedSVD(n_components=dimensions, random_state=0)
    svd.fit(vectorizer.fit_transform(background))
    placed: dict[int, np.ndarray] = {}

    def latent(clauses: Sequence[Clause]) -> np.ndarray:
        if id(clauses) not in placed:
            z = svd.transform(vectorizer.transform([content(c) for c in clauses]))
            placed[id(clauses)] = z / (np.linalg.norm(z, axis=1, keepdims=True) + 1e-9)
        return placed[id(clauses)]

    proposals = []
    for c in data:
        if c.tool is not None:
            continue
        near = latent(c.children) @ latent(c.parents)[c.row]
        j = int(near.argmax())
        if near[j] >= threshold and c.matrix[c.row, j] >= floor:
            proposals.append((c, j))
    return _score(proposals)


def main() -> None:
    every = "--tuned" in sys.argv[1:]
    data = cells(TUNED if every else DEVELOPMENT)
    verdicts = Counter(c.gold for c in data)
    name = "tuned (development, selection, energy, pollution, green consumption)"
    print(
        f"{len(data)} {name if every else 'development'} pairs "
        f"({dict(sorted(verdicts.items()))}); MATCH {MATCH}"
    )
    for name, (gained, lost) in (
        ("classifier, leave one gold file out, at 0.5", classifier(data)),
        ("below MATCH in the mirrored provision", mirrored_headings(data)),
        ("no match without the parent's head noun", head_nouns(data)),
        ("rare words (child df 1, parent df 2, share 0.2)", rare_words(data)),
        ("one item of the parent's list (share 0.6)", list_items(data)),
        ("the clause an omission's echo names", echoed_clause(data)),
        ("a sibling's restatement (from 0.5), from 0.4", sibling_restatements(data)),
        (
            "latent similarity (200 dimensions) from 0.7, similarity from 0.15",
            latent_similarity(data),
        ),
    ):
        print(f"{name}: gained {gained}, lost {lost}")


if __name__ == "__main__":
    main()
