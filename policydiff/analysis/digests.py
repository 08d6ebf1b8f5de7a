"""Digests of what an analysis reads: how a report, a cache entry or ``check`` knows that
nothing it depends on has changed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from policydiff import __version__
from policydiff.analysis.model import DocumentRef, Inputs
from policydiff.lineage.series import series_of
from policydiff.models import Document


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(obj: object) -> str:
    """sha256 of a frozen record's repr: deterministic for the catalogue and lexicon, whose
    records hold only strings, numbers, tuples and insertion-ordered dicts."""
    return sha256(repr(obj))


@cache
def code_digest() -> str:
    """sha256 of policydiff's own source files: a cache entry computed by other code
    (an edited checkout, a development install between releases) is never used."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def analysis_inputs(catalogue: object, lexicon: object) -> Inputs:
    return Inputs(__version__, fingerprint(catalogue), fingerprint(lexicon))


def document_digest(document: Document) -> str:
    """sha256 of what the evolution reads of a document: id, title, date and each
    version's key, language, kind, completeness and text."""
    parts = [document.id, document.title, document.date_text]
    for v in document.versions:
        parts += [v.key, v.lang, v.kind, str(v.complete), sha256(v.text)]
    return sha256("\0".join(parts))


def metadata_digest(documents: Iterable[Document]) -> str:
    """sha256 of what a report shows of its documents besides what the evolution reads
    (:func:`document_digest`): issuers, Chinese title, number, level, jurisdiction, series,
    declared parents, publication date and sources. The report's manifest records it, so
    that ``check`` finds an index listing issuers the corpus no longer names."""
    parts: list[str] = []
    for d in sorted(documents, key=lambda d: d.id):  # whatever order they were read in
        parents = "\x1f".join(d.parents) if d.parents is not None else "\x1e"
        parts += [
            d.id, "\x1f".join(d.issuers), d.title_zh, d.doc_number, d.level, d.jurisdiction,
            d.series, parents, d.published.isoformat() if d.published else "", d.source,
        ]  # fmt: skip
        for v in d.versions:
            parts += [v.key, v.source, v.note]
    return sha256("\0".join(parts))


def document_refs(documents: Sequence[Document]) -> tuple[DocumentRef, ...]:
    return tuple(
        DocumentRef(d.id, d.title, d.date_text, d.languages, document_digest(d), series_of(d))
        for d in documents
    )
