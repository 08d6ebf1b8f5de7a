"""The only reader and writer of the corpus folder (validation rules: :mod:`.rules`).

Layout, one folder per document, all of it plain text meant to be read,
diffed and edited by hand::

    corpus/
      2021-10-21-green-development-urban-rural/
        document.yaml     id, title, issuers, date, source, versions
        en.txt            clean text of a version: one paragraph per line
        zh.txt
        en-2.txt

Writes are atomic: a new document is built in a temporary folder and renamed
into place; a changed ``document.yaml`` is written to a temporary file and
renamed over the old one. A failed write leaves the corpus as it was.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import process

from policydiff.corpus.rules import METADATA_FILE, validate_document
from policydiff.errors import CorpusError, UsageError
from policydiff.models import Document, Version
from policydiff.runtime.files import staging_folder, write_atomic, yaml_problem

# libyaml's parser where PyYAML was built with it: much faster on large corpora.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    """Keeps dates as strings so that an impossible date is our error, not PyYAML's."""


class _Dumper(yaml.SafeDumper):
    """Writes date strings unquoted, since the loader reads them back as strings."""


for _cls in (_Loader, _Dumper):
    _cls.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


@dataclass(frozen=True)
class Corpus:
    """The documents of a corpus folder, in timeline order (date, then id)."""

    path: Path
    documents: tuple[Document, ...]

    @cached_property
    def _by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    def get(self, document_id: str) -> Document | None:
        return self._by_id.get(document_id)

    def with_document(self, document: Document) -> Corpus:
        """This corpus with ``document`` added, or put in place of the one with its id."""
        others = [d for d in self.documents if d.id != document.id]
        timeline = sorted([*others, document], key=lambda d: (d.date, d.id))
        return Corpus(path=self.path, documents=tuple(timeline))

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def resolve(self, ref: str, lang: str | None = None) -> tuple[Document, Version]:
        """``DOC`` or ``DOC:KEY`` (a version key such as ``zh`` or ``en-2``).

        Without a key, ``lang`` picks the version (default: English, else the original);
        an explicit key wins over ``lang``.
        """
        doc_id, _, key = ref.partition(":")
        document = self.get(doc_id)
        if document is None:
            near = process.extract(doc_id, [d.id for d in self.documents], limit=3)
            hint = f"; did you mean {', '.join(str(n[0]) for n in near)}?" if near else ""
            raise UsageError(f"no document {doc_id!r} in {self.path}{hint}")
        if key:
            version = next((v for v in document.versions if v.key == key), None)
        else:
            version = (
                document.version(lang) if lang else (document.version("en") or document.version())
            )
        if version is None:
            held = ", ".join(v.key for v in document.versions)
            raise UsageError(f"{doc_id} has no version {key or lang!r} (held: {held})")
        return document, version


def load_corpus(path: Path) -> Corpus:
    """Read every document folder under ``path``; a missing folder is an empty corpus."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise CorpusError(path, "corpus path is not a folder")
    documents: list[Document] = []
    if path.is_dir():
        for folder in sorted(p for p in path.iterdir() if p.is_dir()):
            if folder.name.startswith("."):
                continue
            if (folder / METADATA_FILE).exists():
                documents.append(load_document(folder))
    ids = [d.id for d in documents]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise CorpusError(path, f"document id {duplicated[0]!r} is used by more than one folder")
    documents.sort(key=lambda d: (d.date, d.id))
    return Corpus(path=path, documents=tuple(documents))


def load_document(folder: Path) -> Document:
    """The document in ``folder``, or a CorpusError naming the first problem
    (:func:`policydiff.corpus.rules.validate_document` lists them all)."""
    validated = validate_document(folder, read_metadata_file(folder / METADATA_FILE))
    if validated.metadata_problems:
        first = validated.metadata_problems[0]
        raise CorpusError(first.path, first.message)
    assert validated.document is not None
    return validated.document


def read_metadata_file(path: Path) -> dict[str, Any]:
    """A document.yaml as a mapping, or a CorpusError naming the file and the problem."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except FileNotFoundError:
        raise CorpusError(path, "metadata file is missing") from None
    except yaml.YAMLError as exc:
        raise CorpusError(path, f"malformed metadata, {yaml_problem(exc)}") from None
    except UnicodeDecodeError:
        raise CorpusError(path, "metadata file is not UTF-8") from None
    if not isinstance(data, dict):
        raise CorpusError(path, "metadata must be a mapping of fields")
    return data


def metadata_yaml(document: Document) -> str:
    """The ``document.yaml`` text for a document, fields in a fixed, readable order."""
    data: dict[str, Any] = {
        "id": document.id,
        "title": document.title,
    }
    if document.title_zh:
        data["title_zh"] = document.title_zh
    data["issuers"] = list(document.issuers)
    data["date"] = document.date.isoformat()
    if document.published:
        data["published"] = document.published.isoformat()
    if document.source:
        data["source"] = document.source
    data["versions"] = [
        {
            "key": v.key,
            "lang": v.lang,
            "kind": v.kind,
            "complete": v.complete,
            "source": v.source,
            **({"note": v.note} if v.note else {}),
        }
        for v in document.versions
    ]
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def write_document(corpus_path: Path, document: Document) -> Path:
    """Write a new document folder atomically; refuses to overwrite an existing one."""
    corpus_path.mkdir(parents=True, exist_ok=True)
    final = corpus_path / document.id
    if final.exists():
        raise CorpusError(final, "a document folder with this id already exists")
    staging = staging_folder(final)
    try:
        for version in document.versions:
            write_atomic(staging / version.filename, version.text)
        write_atomic(staging / METADATA_FILE, metadata_yaml(document))
        os.replace(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def add_version(corpus_path: Path, document: Document, version: Version) -> Document:
    """Add ``version`` to a held document: its text file first, then the metadata.

    ``document`` may already list ``version`` (as an ingest plan's does).
    """
    folder = corpus_path / document.id
    updated = (
        document
        if version in document.versions
        else replace(document, versions=(*document.versions, version))
    )
    text_path = folder / version.filename
    if text_path.exists():
        raise CorpusError(text_path, "a version file with this key already exists")
    write_atomic(text_path, version.text)
    try:
        write_atomic(folder / METADATA_FILE, metadata_yaml(updated))
    except BaseException:
        text_path.unlink(missing_ok=True)
        raise
    return updated


def next_version_key(document: Document, lang: str) -> str:
    taken = {v.key for v in document.versions}
    if lang not in taken:
        return lang
    n = 2
    while f"{lang}-{n}" in taken:
        n += 1
    return f"{lang}-{n}"
