"""What ``check`` reads of each text, computed once and kept in the store.

Everything the check reads from one version's text is a pure function of the text, its
language and the policydiff version: the debris lines, whether it parses into
provisions with sentences, its numbering skeleton, its comparable sentences and the
character histogram of its normalised text. Each is memoised in memory and kept in the
analysis cache's store under a digest of those inputs, so that a check after adding one
document reads only that document's texts. A parsed ``document.yaml`` is kept the same
way, under the digest of the file's text, when it survives a JSON round trip unchanged.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policydiff import __version__
from policydiff.analysis.digests import sha256
from policydiff.cache import KeyValueStore
from policydiff.check.debris import debris_lines
from policydiff.corpus import read_metadata_file
from policydiff.corpus.rules import METADATA_LIMIT
from policydiff.ingest.metadata import detect_language
from policydiff.models import Version
from policydiff.runtime.untrusted import Refused, read_regular
from policydiff.structure import structure_version
from policydiff.structure.skeleton import skeleton_of
from policydiff.textsim.normalise import comparable_sentences, normalise

NAMESPACE = "check"
RESTARTED = re.compile(r"-\d+$")  # the id structure gives a number met twice at one level
_FORMAT = "check-4"


@dataclass(frozen=True)
class Fingerprint:
    parses: bool
    skeleton: tuple[int, ...]
    sentences: tuple[str, ...]
    length: int  # of the normalised text
    histogram: dict[str, int]
    lang: str  # the language the text reads as
    # provisions numbered again under one heading ((一) after (四)), given ids like I.2-2:
    # a heading line the text lacks, most often
    restarted: tuple[str, ...] = ()


def _same_types(a: Any, b: Any) -> bool:
    """Whether two equal values also have the same types throughout (1 is not True)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same_types(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return all(_same_types(x, y) for x, y in zip(a, b, strict=True))
    return True


def _key(*parts: str) -> str:
    return sha256("\0".join((_FORMAT, __version__, *parts)))


class Fingerprints:
    """Per-text facts, memoised in memory and in ``store`` (when given)."""

    def __init__(self, store: KeyValueStore | None) -> None:
        self.store = store
        self._debris: dict[str, list[tuple[int, str]]] = {}
        self._versions: dict[tuple[str, str], Fingerprint] = {}

    def metadata(self, path: Path) -> dict[str, Any]:
        """``read_metadata_file(path)``; errors are never kept."""
        if self.store is None:
            return read_metadata_file(path)
        try:
            text = read_regular(path, METADATA_LIMIT).decode("utf-8")
        except (OSError, UnicodeDecodeError, Refused):
            return read_metadata_file(path)  # which names the problem
        key = _key("metadata", sha256(text))
        data = self.store.get_json(NAMESPACE, key)
        if isinstance(data, dict):
            return data
        data = read_metadata_file(path)
        try:
            kept = json.loads(json.dumps(data, ensure_ascii=False))
        except (TypeError, ValueError):
            return data
        if kept == data and _same_types(kept, data):
            self.store.put_json(NAMESPACE, key, data)
        return data

    def debris(self, text: str) -> list[tuple[int, str]]:
        digest = sha256(text)
        held = self._debris.get(digest)
        if held is not None:
            return held
        key = _key("debris", digest)
        data = self.store.get_json(NAMESPACE, key) if self.store is not None else None
        found: list[tuple[int, str]] | None = None
        if isinstance(data, list):
            try:
                found = [(int(n), str(m)) for n, m in data]
            except (TypeError, ValueError):
                found = None
        if found is None:
            found = debris_lines(text)
            if self.store is not None:
                self.store.put_json(NAMESPACE, key, found)
        self._debris[digest] = found
        return found

    def version(self, document_id: str, version: Version) -> Fingerprint:
        digest = sha256(version.text)
        held = self._versions.get((digest, version.lang))
        if held is not None:
            return held
        key = _key("version", digest, version.lang)
        data = self.store.get_json(NAMESPACE, key) if self.store is not None else None
        found: Fingerprint | None = None
        if isinstance(data, dict):
            try:
                found = Fingerprint(
                    bool(data["parses"]),
                    tuple(int(n) for n in data["skeleton"]),
                    tuple(str(t) for t in data["sentences"]),
                    int(data["length"]),
                    {str(c): int(n) for c, n in data["histogram"].items()},
                    str(data["lang"]),
                    tuple(str(i) for i in data["restarted"]),
                )
            except (KeyError, TypeError, ValueError, AttributeError):
                found = None
        if found is None:
            structured = structure_version(document_id, version)
            normal = normalise(version.text)
            found = Fingerprint(
                parses=any(p.sentences for p in structured.provisions),
                skeleton=skeleton_of(structured.provisions),
                sentences=tuple(comparable_sentences(version.text, version.lang)),
                length=len(normal),
                histogram=dict(Counter(normal)),
                lang=detect_language(version.text),
                restarted=tuple(
                    f"{p.id} ({p.label})" for p in structured.provisions if RESTARTED.search(p.id)
                ),
            )
            if self.store is not None:
                self.store.put_json(
                    NAMESPACE,
                    key,
                    {
                        "parses": found.parses,
                        "skeleton": list(found.skeleton),
                        "sentences": list(found.sentences),
                        "length": found.length,
                        "histogram": found.histogram,
                        "lang": found.lang,
                        "restarted": list(found.restarted),
                    },
                )
        self._versions[(digest, version.lang)] = found
        return found
