"""Digests of what an analysis reads: how a report, a cache entry or ``check`` knows that
nothing it depends on has changed."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

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


def analysis_inputs(catalogue: object, lexicon: object) -> Inputs:
    return Inputs(__version__, fingerprint(catalogue), fingerprint(lexicon))


def document_digest(document: Document) -> str:
    """sha256 of what the evolution reads of a document: id, title, date and each
    version's key, language, kind, completeness and text."""
    parts = [document.id, document.title, document.date.isoformat()]
    for v in document.versions:
        parts += [v.key, v.lang, v.kind, str(v.complete), sha256(v.text)]
    return sha256("\0".join(parts))


def document_refs(documents: Sequence[Document]) -> tuple[DocumentRef, ...]:
    return tuple(
        DocumentRef(
            d.id, d.title, d.date.isoformat(), d.languages, document_digest(d), series_of(d)
        )
        for d in documents
    )
