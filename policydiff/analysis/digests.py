"""Digests of what an analysis reads: how a report, a cache entry or ``check`` knows that
nothing it depends on has changed."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
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


def document_refs(documents: Sequence[Document]) -> tuple[DocumentRef, ...]:
    return tuple(
        DocumentRef(d.id, d.title, d.date_text, d.languages, document_digest(d), series_of(d))
        for d in documents
    )
