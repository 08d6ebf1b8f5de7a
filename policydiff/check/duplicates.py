"""Documents held twice: same-language texts of two documents that are (nearly) one."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from policydiff.analysis.digests import sha256
from policydiff.cache import KeyValueStore
from policydiff.check.fingerprints import NAMESPACE, Fingerprints
from policydiff.check.result import Finding
from policydiff.models import Document, Version
from policydiff.textsim.near import CONTAINMENT_STRONG, DUPLICATE_RATIO
from policydiff.textsim.pairwise import Text, notable_pairs

_STATE_KEY = "duplicates-state-2"
# Seconds between saves of the comparison state while a long first run goes on.
SAVE_EVERY = 5.0


def _load_state(store: KeyValueStore | None) -> dict[str, Any]:
    data = store.get_json(NAMESPACE, _STATE_KEY) if store is not None else None
    return data if isinstance(data, dict) else {}


def duplicate_findings(
    corpus_path: Path,
    documents: list[Document],
    store: KeyValueStore | None = None,
    fingerprints: Fingerprints | None = None,
) -> list[Finding]:
    """Same-language texts of two documents that are (nearly) one text: a whole-text
    ratio of DUPLICATE_RATIO (an error), or CONTAINMENT_STRONG of one's sentences
    standing in the other (a warning). :mod:`policydiff.textsim.pairwise` compares them;
    its state is kept in ``store`` so that a warm run compares new texts only."""
    fingerprints = fingerprints or Fingerprints(store)
    state = _load_state(store)
    new_state: dict[str, Any] = {}
    saved = [time.monotonic()]

    def save(snapshot: Callable[[], dict[str, Any]]) -> None:
        if store is not None and time.monotonic() - saved[0] >= SAVE_EVERY:
            saved[0] = time.monotonic()
            store.put_json(NAMESPACE, _STATE_KEY, {**state, **new_state, lang: snapshot()})
            store.commit()

    keyed: list[tuple[tuple[int, int, int, int], Finding]] = []
    for lang in sorted({v.lang for d in documents for v in d.versions}):
        nodes: list[Text] = []
        occurrences: list[list[tuple[int, int, Document, Version]]] = []
        by_key: dict[str, int] = {}
        sentences: list[str] = []
        sentence_index: dict[str, int] = {}
        for i, document in enumerate(documents):
            for k, version in enumerate(document.versions):
                if version.lang != lang:
                    continue
                digest = sha256(version.text)
                node = by_key.get(digest)
                if node is None:
                    fp = fingerprints.version(document.id, version)
                    if not fp.sentences:
                        continue  # no sentence to stand anywhere: never a finding
                    ids = []
                    for text in fp.sentences:
                        sid = sentence_index.get(text)
                        if sid is None:
                            sid = sentence_index[text] = len(sentences)
                            sentences.append(text)
                        ids.append(sid)
                    node = by_key[digest] = len(nodes)
                    nodes.append(Text(digest, version.text, ids, fp.length, fp.histogram))
                    occurrences.append([])
                occurrences[node].append((i, k, document, version))
        held = state.get(lang)
        notable, new_state[lang] = notable_pairs(
            nodes, sentences, held if isinstance(held, dict) else {}, save
        )
        totals = [len(n.sentence_ids) for n in nodes]
        pairs: list[tuple[int, int, int, int, float]] = [
            (p, q, pq, qp, whole) for (p, q), (pq, qp, whole) in notable.items()
        ]
        pairs += [(p, p, totals[p], totals[p], 100.0) for p, n in enumerate(nodes)]
        for p, q, pq, qp, whole in pairs:
            for i, k, doc_p, ver_p in occurrences[p]:
                for j, m, doc_q, ver_q in occurrences[q]:
                    if i == j or (p == q and i > j):
                        continue
                    if i < j:
                        order = (i, j, k, m)
                        first, second = (doc_p, ver_p, pq, p), (doc_q, ver_q, qp, q)
                    else:
                        order = (j, i, m, k)
                        first, second = (doc_q, ver_q, qp, q), (doc_p, ver_p, pq, p)
                    x, y = sorted((first, second), key=lambda pair: len(pair[1].text))
                    doc_x, ver_x, found_x, node_x = x
                    doc_y, ver_y, _, _ = y
                    share = found_x / totals[node_x]
                    finding = _duplicate_finding(
                        corpus_path, doc_x, ver_x, doc_y, ver_y, share, whole
                    )
                    if finding is not None:
                        keyed.append((order, finding))
    if store is not None:
        store.put_json(NAMESPACE, _STATE_KEY, new_state)
        store.commit()
    keyed.sort(key=lambda item: item[0])
    return [f for _, f in keyed]


@functools.lru_cache(maxsize=8192)
def _file_path(corpus_path: Path, document_id: str, filename: str) -> str:
    return str(corpus_path / document_id / filename)


def _duplicate_finding(
    corpus_path: Path,
    doc_x: Document,
    x: Version,
    doc_y: Document,
    y: Version,
    share: float,
    whole: float,
) -> Finding | None:
    if whole >= DUPLICATE_RATIO:
        return Finding(
            _file_path(corpus_path, doc_y.id, y.filename),
            f"duplicate of {doc_x.id}/{x.key} ({whole:.1f}% identical): one document "
            "held twice; delete one or make it a version of the other",
            "duplicate",
        )
    if share >= CONTAINMENT_STRONG:
        return Finding(
            _file_path(corpus_path, doc_x.id, x.filename),
            f"{share:.0%} of its sentences stand in {doc_y.id}/{y.key}: "
            "a near-duplicate, or a revision that keeps most of it",
            "duplicate",
            "warning",
        )
    return None
