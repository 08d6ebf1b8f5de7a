"""The only reader and writer of the corpus folder (validation rules: :mod:`.rules`).

Layout, one folder per document, all of it plain text meant to be read,
diffed and edited by hand::

    corpus/
      2021-10-21-green-development-urban-rural/
        document.yaml     id, title, issuers, date, source, versions
        en.txt            clean text of a version: one paragraph per line
        zh.txt
        en-2.txt

Writes go through :mod:`.transaction`: all of a change or none of it, even when a
writer is killed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import process

from policydiff.corpus.rules import METADATA_FILE, METADATA_LIMIT, validate_document
from policydiff.errors import CorpusError, UsageError
from policydiff.models import Document, Version
from policydiff.runtime.files import yaml_problem
from policydiff.runtime.untrusted import (
    Refused,
    SafeLoader,
    is_link_or_special,
    load_yaml,
    read_regular,
)


class _Loader(SafeLoader):  # type: ignore[valid-type,misc]
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
    """Read every document folder under ``path``; a missing folder is an empty corpus.
    The first broken document raises its CorpusError."""
    corpus, broken = load_readable(path)
    if broken:
        raise broken[0]
    return corpus


def load_readable(path: Path) -> tuple[Corpus, list[CorpusError]]:
    """The documents that can be read, and a CorpusError for each that cannot: for the
    commands that only show what is held, which can go on without a broken document."""
    path = Path(path)
    documents: list[Document] = []
    broken: list[CorpusError] = []
    for _folder, read in _read_documents(path):
        if isinstance(read, CorpusError):
            broken.append(read)
        else:
            documents.append(read)
    _refuse_duplicates(path, [d.id for d in documents])
    documents.sort(key=lambda d: (d.date, d.id))
    return Corpus(path=path, documents=tuple(documents)), broken


def timeline_folders(path: Path) -> list[Path]:
    """The folders of a corpus's documents in timeline order (date, then id), every
    document read and validated as :func:`load_corpus` does, none kept: for analysing a
    corpus too large to hold, a few documents at a time (:func:`load_document`)."""
    path = Path(path)
    keys: list[tuple[Any, str, Path]] = []
    for folder, read in _read_documents(path):
        if isinstance(read, CorpusError):
            raise read
        keys.append((read.date, read.id, folder))
    _refuse_duplicates(path, [key[1] for key in keys])
    return [folder for _date, _id, folder in sorted(keys)]


def _read_documents(path: Path) -> Iterator[tuple[Path, Document | CorpusError]]:
    """Every document folder under ``path`` with its document, or the error reading it."""
    if path.exists() and not path.is_dir():
        raise CorpusError(path, "corpus path is not a folder")
    if not path.is_dir():
        return
    for folder in sorted(path.iterdir()):
        if folder.name.startswith("."):
            continue
        odd = is_link_or_special(folder)
        if odd and (folder / METADATA_FILE).exists():
            yield folder, CorpusError(folder, f"document folder {odd}")
            continue
        if folder.is_dir() and (folder / METADATA_FILE).exists():
            try:
                yield folder, load_document(folder)
            except CorpusError as exc:
                yield folder, exc
        elif folder.is_dir() and not odd:
            # a document whose metadata was lost, most likely: read without it, the corpus
            # would lose the document from every output with nothing said
            yield (
                folder,
                CorpusError(
                    folder,
                    f"folder without {METADATA_FILE}: not a document (restore it, or move "
                    "the folder out of the corpus)",
                ),
            )


def _refuse_duplicates(path: Path, ids: list[str]) -> None:
    duplicated = sorted(i for i, n in Counter(ids).items() if n > 1)
    if duplicated:
        raise CorpusError(path, f"document id {duplicated[0]!r} is used by more than one folder")


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
        text = read_regular(path, METADATA_LIMIT).decode("utf-8")
        data = load_yaml(text, _Loader)
    except FileNotFoundError:
        raise CorpusError(path, "metadata file is missing") from None
    except Refused as exc:
        raise CorpusError(path, f"metadata file {exc}") from None
    except yaml.YAMLError as exc:
        raise CorpusError(path, f"malformed metadata, {yaml_problem(exc)}") from None
    except UnicodeDecodeError:
        raise CorpusError(path, "metadata file is not UTF-8") from None
    except OSError as exc:
        raise CorpusError(path, f"cannot read: {(exc.strerror or str(exc)).lower()}") from None
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
    if document.doc_number:
        data["doc_number"] = document.doc_number
    data["issuers"] = list(document.issuers)
    if document.level:
        data["level"] = document.level
    if document.jurisdiction:
        data["jurisdiction"] = document.jurisdiction
    if document.series:
        data["series"] = document.series
    if document.parents is not None:
        data["parents"] = list(document.parents)
    data["date"] = document.date_text
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


def next_version_key(document: Document, lang: str) -> str:
    taken = {v.key for v in document.versions}
    if lang not in taken:
        return lang
    n = 2
    while f"{lang}-{n}" in taken:
        n += 1
    return f"{lang}-{n}"
