"""The only reader and writer of the corpus folder.

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

import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import process

from policydiff.errors import CorpusError, UsageError
from policydiff.files import write_text_atomic, yaml_problem
from policydiff.models import LANGUAGES, VERSION_KINDS, Document, Version

METADATA_FILE = "document.yaml"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
VERSION_KEY_PATTERN = re.compile(r"^(en|zh)(-[0-9]+)?$")


# libyaml's parser where PyYAML was built with it (it is ten times faster on large corpora).
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


def parse_date(value: object, where: object, field: str) -> dt.date:
    """A real calendar date written YYYY-MM-DD, or a CorpusError naming the field."""
    text = str(value) if value is not None else ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise CorpusError(where, f"{field} must be a date written YYYY-MM-DD, not {text!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CorpusError(where, f"{field} {text} is not a real date") from None


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
    meta_path = folder / METADATA_FILE
    meta = read_metadata_file(meta_path)
    doc_id = _required_str(meta, "id", meta_path)
    if not ID_PATTERN.match(doc_id):
        raise CorpusError(meta_path, f"id {doc_id!r} must be lowercase letters, digits and hyphens")
    if doc_id != folder.name:
        raise CorpusError(
            meta_path, f"id {doc_id!r} does not match its folder name {folder.name!r}"
        )
    issuers = meta.get("issuers") or []
    if not isinstance(issuers, list) or not all(isinstance(i, str) and i for i in issuers):
        raise CorpusError(meta_path, "issuers must be a list of names")
    if not issuers:
        raise CorpusError(meta_path, "issuers is missing")
    published = meta.get("published")
    raw_versions = meta.get("versions")
    if not isinstance(raw_versions, list) or not raw_versions:
        raise CorpusError(meta_path, "versions must list at least one version")
    versions = tuple(_load_version(folder, meta_path, v) for v in raw_versions)
    keys = [v.key for v in versions]
    if len(set(keys)) != len(keys):
        raise CorpusError(meta_path, "two versions share one key")
    return Document(
        id=doc_id,
        title=_required_str(meta, "title", meta_path),
        title_zh=str(meta.get("title_zh") or ""),
        issuers=tuple(issuers),
        date=parse_date(meta.get("date"), meta_path, "date"),
        published=parse_date(published, meta_path, "published") if published else None,
        source=str(meta.get("source") or ""),
        versions=versions,
    )


def _load_version(folder: Path, meta_path: Path, raw: object) -> Version:
    if not isinstance(raw, dict):
        raise CorpusError(meta_path, "each entry of versions must be a mapping")
    key = _required_str(raw, "key", meta_path)
    if not VERSION_KEY_PATTERN.match(key):
        raise CorpusError(meta_path, f"version key {key!r} must look like en, zh or en-2")
    lang = _required_str(raw, "lang", meta_path)
    if lang not in LANGUAGES:
        raise CorpusError(meta_path, f"version {key}: unknown language {lang!r} (use en or zh)")
    kind = _required_str(raw, "kind", meta_path)
    if kind not in VERSION_KINDS:
        raise CorpusError(meta_path, f"version {key}: kind must be original or translation")
    complete = raw.get("complete", True)
    if not isinstance(complete, bool):
        raise CorpusError(meta_path, f"version {key}: complete must be true or false")
    text_path = folder / f"{key}.txt"
    try:
        text = text_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(text_path, "version file is missing") from None
    except UnicodeDecodeError:
        raise CorpusError(text_path, "version file is not UTF-8") from None
    if not text.strip():
        raise CorpusError(text_path, "version file is empty")
    return Version(
        key=key,
        lang=lang,
        kind=kind,
        complete=complete,
        source=str(raw.get("source") or ""),
        note=str(raw.get("note") or ""),
        text=text,
    )


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


def _required_str(meta: dict[str, Any], key: str, where: Path) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CorpusError(where, f"{key} is missing")
    return value


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
    staging = Path(tempfile.mkdtemp(prefix=f".{document.id}-", dir=corpus_path))
    try:
        for version in document.versions:
            (staging / version.filename).write_text(version.text, encoding="utf-8")
        (staging / METADATA_FILE).write_text(metadata_yaml(document), encoding="utf-8")
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
    write_text_atomic(text_path, version.text)
    try:
        write_text_atomic(folder / METADATA_FILE, metadata_yaml(updated))
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
