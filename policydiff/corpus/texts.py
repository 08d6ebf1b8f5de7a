"""Version texts read where a worker sees the corpus, instead of sent to it.

A worker of a cluster that sees the corpus (a shared file system, or an fsspec URL such
as ``s3://bucket/corpus`` where fsspec and its backend are installed) receives a
document without its texts and reads them itself, from ``ROOT/<document id>/<key>.txt``
as :mod:`policydiff.corpus.rules` lays them out. Each text is checked against the digest
of the copy the calling process read: a worker that sees another text never analyses
it (:func:`with_texts` raises, and the caller sends that document with its texts).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from policydiff.corpus.rules import VERSION_LIMIT, decode_version_text
from policydiff.errors import CorpusError
from policydiff.models import Document
from policydiff.runtime.untrusted import Refused, read_regular


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_url(root: str) -> bool:
    return "://" in root


def text_location(root: str, document_id: str, key: str) -> str:
    """Where a version's text is under ``root`` (a folder or a URL)."""
    if is_url(root):
        return f"{root.rstrip('/')}/{document_id}/{key}.txt"
    return str(Path(root) / document_id / f"{key}.txt")


def _read(location: str) -> bytes:
    if not is_url(location):
        return read_regular(Path(location), VERSION_LIMIT)
    import fsspec  # a dependency of Dask, the only engine that reads from URLs

    with fsspec.open(location, "rb") as handle:
        data: bytes = handle.read(VERSION_LIMIT + 1)
    if len(data) > VERSION_LIMIT:
        raise Refused(f"is larger than {VERSION_LIMIT} bytes")
    return data


@dataclass(frozen=True)
class TextsAt:
    """Where a worker reads a document's texts, and the digest of each (version order)."""

    root: str
    digests: tuple[str, ...]


def without_texts(document: Document, root: str) -> tuple[Document, TextsAt]:
    """The document as sent to a worker that reads its texts under ``root``."""
    digests = tuple(_digest(v.text) for v in document.versions)
    bare = replace(document, versions=tuple(replace(v, text="") for v in document.versions))
    return bare, TextsAt(root, digests)


def with_texts(document: Document, texts: TextsAt) -> Document:
    """The document with its texts read under ``texts.root``; a CorpusError when one
    cannot be read or is not the text the calling process read."""
    versions = []
    for version, digest in zip(document.versions, texts.digests, strict=True):
        location = text_location(texts.root, document.id, version.key)
        try:
            text = decode_version_text(_read(location))
        except (OSError, Refused, UnicodeDecodeError) as exc:
            raise CorpusError(location, f"a worker cannot read it: {exc}") from None
        if _digest(text) != digest:
            raise CorpusError(location, "a worker reads another text than this process did")
        versions.append(replace(version, text=text))
    return replace(document, versions=tuple(versions))
