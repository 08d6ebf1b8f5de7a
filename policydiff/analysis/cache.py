"""What the analysis keeps between runs, in a :class:`~policydiff.cache.KeyValueStore`.

Scoring every theme mention of every version is most of the cost of an evolution; a
version whose text, catalogue and lexicon have not changed scores the same, so it is
looked up instead. Three facts are kept, each under a key that digests everything it
was computed from:

* ``commitments``: a version's commitments (:mod:`.codec`), keyed by the version's
  text, key and language, the document id, the catalogue and lexicon as loaded, the
  codec's format and policydiff's code (:func:`~.digests.code_digest`);
* ``pairs``: the provision pairing of a document's Chinese original and English
  translation (a function of both texts), so that a warm run need not structure any
  text whose commitments are held;
* ``counts``: each version's numbers of provisions and sentences, for the corpus
  overview, for the same reason.

A row that does not decode is recomputed and overwritten. Every key holds
:func:`~.digests.code_digest`, so rows put by other code are never asked for again; each
namespace is named after that digest too, and the namespaces of other code are deleted
when the cache is opened for a corpus (:meth:`KeyValueStore.prune`). In memory (no cache folder,
or one that cannot be written) commitments are held as they are: encoding them for a
store that goes away with the process would only cost time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from policydiff.analysis.codec import FORMAT, commitments_from_json, commitments_to_json
from policydiff.analysis.commitments import Commitment
from policydiff.analysis.digests import code_digest, fingerprint, sha256
from policydiff.cache import KeyValueStore
from policydiff.models import Version

# Each fact's namespace is named after the code that computes it (commitments@<digest>):
# what other code put is dropped when the cache is opened (:meth:`AnalysisCache.for_corpus`),
# but for the one other generation written last (a second install sharing the corpus).
FAMILIES = ("commitments", "pairs", "counts")
COMMITMENTS, PAIRS, COUNTS = (f"{name}@{code_digest()[:16]}" for name in FAMILIES)


class AnalysisCache:
    """The analysis's view of a store. Without ``keep_commitments`` (``--no-cache``: one
    evolution per run, so nothing would ask for them again) commitments are neither
    looked up nor kept, and the processes that compute them need not send them back."""

    def __init__(self, store: KeyValueStore | None = None, *, keep_commitments: bool = True):
        self.store = store if store is not None else KeyValueStore(None)
        self.keeps_commitments = keep_commitments
        self._held: dict[str, tuple[Commitment, ...] | str] | None = (
            None if self.store.persistent else {}
        )
        self._fingerprints: dict[int, tuple[object, str]] = {}

    @classmethod
    def for_corpus(cls, corpus_path: Path) -> AnalysisCache:
        """The cache beside the corpus, without the rows of other code but the latest."""
        cache = cls(KeyValueStore.for_corpus(corpus_path))
        cache.store.prune(FAMILIES, (COMMITMENTS, PAIRS, COUNTS), spare=1)
        return cache

    @property
    def path(self) -> Path | None:
        return self.store.path

    @property
    def rebuilt(self) -> bool:
        return self.store.rebuilt

    @property
    def problem(self) -> str:
        return self.store.problem

    @property
    def location(self) -> Path | None:
        return self.store.location

    def commit(self) -> None:
        self.store.commit()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> AnalysisCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _fingerprint(self, obj: object) -> str:
        """:func:`~policydiff.analysis.digests.fingerprint`, computed once per object."""
        held = self._fingerprints.get(id(obj))
        if held is None or held[0] is not obj:
            held = (obj, fingerprint(obj))
            self._fingerprints[id(obj)] = held
        return held[1]

    # -- commitments ---------------------------------------------------------------------

    def commitments_key(
        self, document_id: str, version: Version, catalogue: object, lexicon: object
    ) -> str:
        parts = (
            FORMAT,
            sha256(version.text),
            self._fingerprint(catalogue),
            self._fingerprint(lexicon),
            code_digest(),
            document_id,
            version.key,
            version.lang,
        )
        return sha256("\0".join(parts))

    def get_commitments(self, key: str) -> tuple[Commitment, ...] | None:
        return decoded(self.get_commitments_undecoded(key))

    def get_commitments_undecoded(self, key: str) -> tuple[Commitment, ...] | str | None:
        """:meth:`get_commitments`, but the JSON text the store holds is returned as it is,
        for whoever analyses the version to decode (:func:`decode_commitments`): decoding
        is most of a warm run's work, and worker processes share it."""
        if not self.keeps_commitments:
            return None
        if self._held is not None:
            return self._held.get(key)
        return self.store.get(COMMITMENTS, key)

    def put_commitments(self, key: str, commitments: Sequence[Commitment] | str) -> None:
        """Keep a version's commitments, or their row as :func:`encode_commitments` made it
        (in a worker process, so that this one only stores it)."""
        if not self.keeps_commitments:
            return
        if self._held is not None:
            self._held[key] = commitments if isinstance(commitments, str) else tuple(commitments)
            return
        text = commitments if isinstance(commitments, str) else encode_commitments(commitments)
        self.store.put(COMMITMENTS, key, text)

    # -- provision pairs -----------------------------------------------------------------

    def pairs_key(self, document_id: str, original: Version, translation: Version) -> str:
        parts = ["pairs", code_digest(), document_id]
        for version in (original, translation):
            parts += [
                sha256(version.text),
                version.key,
                version.lang,
                str(version.kind),
                str(version.complete),
            ]
        return sha256("\0".join(parts))

    def get_pairs(self, key: str) -> dict[str, str] | None:
        data = self.store.get_json(PAIRS, key)
        if not isinstance(data, list):
            return None
        try:
            return {str(a): str(b) for a, b in data}
        except (TypeError, ValueError):
            return None

    def put_pairs(self, key: str, pairs: dict[str, str]) -> None:
        self.store.put_json(PAIRS, key, [[a, b] for a, b in pairs.items()])

    # -- provision and sentence counts ---------------------------------------------------

    def counts_key(self, version: Version) -> str:
        """A function of the text and its language (and of what structures them)."""
        return sha256("\0".join(("counts", code_digest(), version.lang, sha256(version.text))))

    def get_counts(self, key: str) -> tuple[int, int] | None:
        """(provisions, sentences), or None when not held or not two counts."""
        data = self.store.get_json(COUNTS, key)
        if (
            isinstance(data, list)
            and len(data) == 2
            and all(type(n) is int and n >= 0 for n in data)
        ):
            return data[0], data[1]
        return None

    def put_counts(self, key: str, counts: tuple[int, int]) -> None:
        self.store.put_json(COUNTS, key, list(counts))


def encode_commitments(commitments: Sequence[Commitment]) -> str:
    """A version's commitments as the cache's row holds them (what
    :meth:`AnalysisCache.put_commitments` stores, and :func:`decode_commitments` reads)."""
    return json.dumps(commitments_to_json(commitments), ensure_ascii=False, separators=(",", ":"))


def decode_commitments(text: str) -> tuple[Commitment, ...] | None:
    """The commitments a cache row holds, or None when the row does not decode (it is
    then recomputed and overwritten)."""
    try:
        return commitments_from_json(json.loads(text))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def decoded(held: tuple[Commitment, ...] | str | None) -> tuple[Commitment, ...] | None:
    """What :meth:`AnalysisCache.get_commitments_undecoded` gave, decoded."""
    return decode_commitments(held) if isinstance(held, str) else held
