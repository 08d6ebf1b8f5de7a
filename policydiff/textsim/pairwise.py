"""Near-duplicates across a whole corpus: :mod:`.near`'s answers for every pair at once.

For every pair of same-language texts this finds exactly what :func:`.near.found_share`
and :func:`.near.whole_ratio` give, without comparing every pair:

* sentence matches (``fuzz.ratio`` >= SENTENCE_MATCH) are found once per distinct
  sentence of the corpus (:func:`.near.matching_sentences`), and kept (as a graph of
  sentence hashes) so that a later run compares new sentences only;
* a text's share of sentences standing in another is then a count over that graph
  (sparse matrix products);
* the whole-text ratio is computed only when the character histograms allow it (an
  insertion or deletion changes one count by one, so the histograms' L1 distance bounds
  the indel distance from below), and then the q-gram bound too (:mod:`.qgrams`);
* the texts already compared and the pairs that reached a threshold are kept too, so a
  warm run compares only new or changed texts with the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from rapidfuzz import fuzz

from policydiff.textsim.near import (
    CONTAINMENT_STRONG,
    DUPLICATE_RATIO,
    matching_sentences,
)
from policydiff.textsim.normalise import normalise
from policydiff.textsim.qgrams import QgramHistogram, qgram_histogram, ratio_bound


@dataclass
class Text:
    """One distinct text of one language, wherever it occurs."""

    key: str  # a digest of the text
    text: str
    sentence_ids: list[int]  # its comparable sentences, as indices into the corpus's list
    length: int  # of the normalised text
    histogram: dict[str, int]  # of the normalised text's characters


def _short_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


def _sentence_edges(sentences: list[str], new_ids: list[int]) -> list[tuple[int, int]]:
    """Pairs (new id, any other id) of distinct sentences that match."""
    found = matching_sentences([sentences[i] for i in new_ids], sentences)
    return [(new_ids[q], c) for q, c in found if c != new_ids[q]]


def _rows_matrix(rows: Sequence[np.ndarray], width: int) -> sp.csr_matrix:
    """A sparse matrix with one row per entry of ``rows``, counting the column indices
    listed in it (an index listed twice counts 2)."""
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    columns = np.concatenate(rows) if len(rows) else np.zeros(0, dtype=np.int64)
    matrix = sp.csr_matrix(
        (
            np.ones(len(columns), dtype=np.int32),
            (np.repeat(np.arange(len(rows)), lengths), columns),
        ),
        shape=(len(rows), width),
    )
    matrix.sum_duplicates()
    return matrix


def notable_pairs(
    nodes: list[Text],
    sentences: list[str],
    state: dict[str, Any],
    save: Callable[[Callable[[], dict[str, Any]]], None],
) -> tuple[dict[tuple[int, int], tuple[int, int, float]], dict[str, Any]]:
    """(text p, text q) with p < q -> (p's sentences standing in q, q's standing in p,
    whole ratio or 0) for every pair that reaches a threshold of :mod:`.near`; and the
    state to keep for the next run (``state`` is the last run's: sentences and texts it
    compared are not compared again). ``save`` is called with a function that returns
    the state so far, after each text, to keep work done across an interruption."""
    hashes = [_short_hash(t) for t in sentences]
    index = {h: i for i, h in enumerate(hashes)}
    neighbours: list[set[int]] = [{i} for i in range(len(sentences))]
    known: set[str] = set()
    try:
        known = {str(h) for h in state.get("sentences", [])} & set(index)
        old = state.get("sentences", [])
        for a, b in state.get("edges", []):
            ia, ib = index.get(old[a]), index.get(old[b])
            if ia is not None and ib is not None:
                neighbours[ia].add(ib)
                neighbours[ib].add(ia)
    except (TypeError, ValueError, IndexError, AttributeError):
        known = set()
        neighbours = [{i} for i in range(len(sentences))]
    new_ids = [i for i, h in enumerate(hashes) if h not in known]
    for a, b in _sentence_edges(sentences, new_ids):
        neighbours[a].add(b)
        neighbours[b].add(a)
    neighbour_lists = [np.fromiter(sorted(n), dtype=np.int64) for n in neighbours]
    near = _rows_matrix(neighbour_lists, len(sentences))  # sentence -> sentences it matches
    count = _rows_matrix(  # node -> how often it holds each sentence
        [np.array(n.sentence_ids, dtype=np.int64) for n in nodes], len(sentences)
    )
    held_by = (count > 0).astype(np.int32).T.tocsr()  # sentence -> nodes holding it
    count_by_sentence = count.tocsc()
    totals = np.array([len(n.sentence_ids) for n in nodes], dtype=np.int64)
    chars = sorted({c for n in nodes for c in n.histogram})
    column = {c: i for i, c in enumerate(chars)}
    histograms = np.zeros((len(nodes), len(chars)), dtype=np.int64)
    for row, node in enumerate(nodes):
        for c, n in node.histogram.items():
            histograms[row, column[c]] = n
    lengths = np.array([n.length for n in nodes], dtype=np.int64)
    normal: dict[int, str] = {}

    def normalised(row: int) -> str:
        if row not in normal:
            normal[row] = normalise(nodes[row].text)
        return normal[row]

    qgram_counts: dict[int, QgramHistogram] = {}

    def qgrams(row: int) -> QgramHistogram:
        if row not in qgram_counts:
            qgram_counts[row] = qgram_histogram(normalised(row))
        return qgram_counts[row]

    position = {n.key: i for i, n in enumerate(nodes)}
    notable: dict[tuple[int, int], tuple[int, int, float]] = {}
    done = np.zeros(len(nodes), dtype=bool)
    try:
        for key in state.get("nodes", []):
            if key in position:
                done[position[key]] = True
        for p_key, q_key, pq, qp, whole in state.get("pairs", []):
            p, q = position.get(p_key), position.get(q_key)
            if p is not None and q is not None and done[p] and done[q]:
                a, b = (p, q) if p < q else (q, p)
                found = (int(pq), int(qp)) if p < q else (int(qp), int(pq))
                notable[(a, b)] = (*found, float(whole))
    except (TypeError, ValueError, AttributeError):
        done[:] = False
        notable.clear()

    def snapshot() -> dict[str, Any]:
        kept = sorted({i for i in range(len(sentences))})
        return {
            "sentences": [hashes[i] for i in kept],
            "edges": [[a, b] for a in kept for b in neighbour_lists[a].tolist() if a < b],
            "nodes": [nodes[i].key for i in np.flatnonzero(done).tolist()],
            "pairs": [
                [nodes[p].key, nodes[q].key, pq, qp, whole]
                for (p, q), (pq, qp, whole) in sorted(notable.items())
            ],
        }

    for v in range(len(nodes)):
        if done[v]:
            continue
        others = done.copy()
        if others.any():
            # v's distinct sentences and how often it holds each: its row of ``count``
            ids = count.indices[count.indptr[v] : count.indptr[v + 1]]
            mult = count.data[count.indptr[v] : count.indptr[v + 1]]
            # found_v[y]: v's sentences (with repeats) that match one of y's;
            # found_in_v[y]: y's sentences (with repeats) that match one of v's
            near_v = near[ids]
            reaches = near_v @ held_by  # (v's sentence, node y) -> matches of it in y
            reaches.data[:] = 1
            found_v = np.asarray(reaches.T @ mult).ravel()
            matched = np.unique(near_v.indices)
            found_in_v = np.asarray(count_by_sentence[:, matched].sum(axis=1)).ravel()
            share_v = found_v / totals[v]
            share_in_v = found_in_v / totals
            l1 = np.abs(histograms - histograms[v]).sum(axis=1)
            bound = 100 * (1 - l1 / np.maximum(lengths + lengths[v], 1))
            maybe_whole = others & (bound >= DUPLICATE_RATIO - 0.01)
            shared = others & (
                (share_v >= CONTAINMENT_STRONG - 1e-9) | (share_in_v >= CONTAINMENT_STRONG - 1e-9)
            )
            for y in np.flatnonzero(maybe_whole | shared).tolist():
                whole = 0.0
                if (
                    maybe_whole[y]
                    and ratio_bound(qgrams(v), qgrams(y), int(lengths[v] + lengths[y]))
                    >= DUPLICATE_RATIO - 0.01
                ):
                    whole = float(
                        fuzz.ratio(normalised(v), normalised(y), score_cutoff=DUPLICATE_RATIO)
                    )
                pv, py = int(found_v[y]), int(found_in_v[y])
                strong = (
                    pv / totals[v] >= CONTAINMENT_STRONG or py / totals[y] >= CONTAINMENT_STRONG
                )
                if whole >= DUPLICATE_RATIO or strong:
                    a, b = (v, y) if v < y else (y, v)
                    notable[(a, b)] = (pv, py, whole) if v < y else (py, pv, whole)
        done[v] = True
        save(snapshot)
    return notable, snapshot()
