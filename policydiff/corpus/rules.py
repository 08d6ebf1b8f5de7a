"""What a valid corpus folder is: the one list of rules, for every reader.

:func:`validate_document` applies every rule to one document folder and returns
each problem with the file at fault, and the :class:`~policydiff.models.Document` when
there is none. The corpus reader (:func:`policydiff.corpus.store.load_document`)
raises the first problem; ``policydiff check`` reports them all. Ingest validates a
new id with :func:`id_problem`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policydiff.models import (
    LANGUAGES,
    LEVELS,
    VERSION_KINDS,
    Document,
    IssueDate,
    Version,
    read_issue_date,
)
from policydiff.runtime.untrusted import Refused, is_link_or_special, read_regular

METADATA_FILE = "document.yaml"
# fullmatch, never "$": "abc\n" is not an id
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
VERSION_KEY_PATTERN = re.compile(r"(en|zh)(-[0-9]+)?")
# Sizes a corpus file may have: far above any real one, far below what would hurt.
METADATA_LIMIT = 1024 * 1024
VERSION_LIMIT = 50 * 1024 * 1024
# tempfile-style names, ".<name>-" and eight random characters: left by an interrupted write
TEMP_NAME = re.compile(r"^\..+-[a-z0-9_]{8}$")


@dataclass(frozen=True)
class Problem:
    path: str  # the file (or folder) at fault
    message: str
    kind: str = "metadata"  # metadata, or stray (a file the corpus does not use)


@dataclass(frozen=True)
class Validated:
    """One document folder checked against every rule."""

    problems: tuple[Problem, ...]
    document: Document | None  # None when a metadata problem stands in the way
    texts: dict[str, tuple[Path, str]] = field(default_factory=dict)  # key -> its file, text

    @property
    def metadata_problems(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.kind == "metadata")


def id_problem(doc_id: object) -> str | None:
    """Why ``doc_id`` cannot be a document id, or None."""
    if not isinstance(doc_id, str) or not doc_id.strip():
        return "id is missing"
    if not ID_PATTERN.fullmatch(doc_id):
        return f"id {doc_id!r} must be lowercase letters, digits and hyphens"
    return None


def date_problem(value: object, field_name: str, *, reduced: bool = False) -> str | None:
    """Why ``value`` is not a real calendar date written YYYY-MM-DD (or, ``reduced``, as
    :data:`policydiff.models.DATE_FORMS` allows), or None."""
    text = str(value) if value is not None else ""
    if not reduced and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return f"{field_name} must be a date written YYYY-MM-DD, not {text!r}"
    try:
        first_day = read_issue_date(text).earliest
    except ValueError as error:
        return f"{field_name} {error}"
    if first_day > dt.date.today():
        return f"{field_name} {text} is in the future"
    return None


TextReader = Callable[[Path], bytes]


def _read_bytes(path: Path) -> bytes:
    return read_regular(path, VERSION_LIMIT)


def validate_document(
    folder: Path, meta: dict[str, Any], read: TextReader = _read_bytes
) -> Validated:
    """Every problem of the document in ``folder`` whose ``document.yaml`` holds ``meta``."""
    meta_path = folder / METADATA_FILE
    where = str(meta_path)
    found: list[Problem] = []

    def problem(message: str, at: Path | str = where, kind: str = "metadata") -> None:
        found.append(Problem(str(at), message, kind))

    doc_id = meta.get("id")
    bad_id = id_problem(doc_id)
    if bad_id:
        problem(bad_id)
    elif doc_id != folder.name:
        problem(f"id {doc_id!r} does not match its folder name {folder.name!r}")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problem("title is missing")
    issuers = meta.get("issuers", [])
    if issuers is None:
        issuers = []
    if not isinstance(issuers, list) or not all(isinstance(i, str) and i.strip() for i in issuers):
        problem("issuers must be a list of names (an empty list when unknown)")
    for name in ("doc_number", "jurisdiction", "title_zh", "source", "series"):
        if meta.get(name) is not None and not isinstance(meta.get(name), str):
            problem(f"{name} must be text")
    parents = meta.get("parents")
    if parents is not None and (
        not isinstance(parents, list) or any(id_problem(p) for p in parents)
    ):
        problem("parents must be a list of document ids (an empty list: none)")
    elif parents and doc_id in parents:
        problem("a document cannot be its own parent")
    level = meta.get("level")
    if level is not None and level not in LEVELS:
        problem(f"level {level!r} must be one of {', '.join(LEVELS)}")
    dates: dict[str, IssueDate] = {}
    for name in ("date", "published"):
        if name == "published" and not meta.get(name):
            continue
        bad_date = date_problem(meta.get(name), name, reduced=name == "date")
        if bad_date:
            problem(bad_date)
        else:
            dates[name] = read_issue_date(str(meta.get(name)))
    if "date" in dates and "published" in dates:
        issued, published = dates["date"], dates["published"]
        if issued.surely_after(published):
            problem(f"published {published.written} is before the issue date {issued.written}")
    raw_versions = meta.get("versions")
    if not isinstance(raw_versions, list) or not raw_versions:
        problem("versions must list at least one version")
        raw_versions = []
    keys: list[str] = []
    versions: list[Version] = []
    texts: dict[str, tuple[Path, str]] = {}
    for raw in raw_versions:
        if not isinstance(raw, dict):
            problem("each entry of versions must be a mapping")
            continue
        key = raw.get("key")
        if not isinstance(key, str) or not VERSION_KEY_PATTERN.fullmatch(key):
            problem(f"version key {key!r} must look like en, zh or en-2")
            continue
        keys.append(key)
        lang, kind, complete = raw.get("lang"), raw.get("kind"), raw.get("complete", True)
        entry_ok = True
        if lang not in LANGUAGES:
            problem(f"version {key}: unknown language {lang!r} (use en or zh)")
            entry_ok = False
        if kind not in VERSION_KINDS:
            problem(f"version {key}: kind must be original or translation")
            entry_ok = False
        if not isinstance(complete, bool):
            problem(f"version {key}: complete must be true or false")
            entry_ok = False
        text_path = folder / f"{key}.txt"
        try:
            text = decode_version_text(read(text_path))
        except FileNotFoundError:
            problem("version file is missing", text_path)
            continue
        except Refused as exc:
            problem(f"version file {exc}", text_path)
            continue
        except OSError as exc:
            problem(f"version file cannot be read: {(exc.strerror or str(exc)).lower()}", text_path)
            continue
        except UnicodeDecodeError as exc:
            problem(f"version file is not UTF-8 (byte {exc.start})", text_path)
            continue
        texts[key] = (text_path, text)
        if not text.strip():
            problem("version file is empty", text_path)
            continue
        if entry_ok:
            versions.append(
                Version(
                    key=key,
                    lang=str(lang),
                    kind=str(kind),
                    complete=bool(complete),
                    source=str(raw.get("source") or ""),
                    note=str(raw.get("note") or ""),
                    text=text,
                )
            )
    if len(set(keys)) != len(keys):
        problem("two versions share one key")
    found.extend(stray_problems(folder, keys))
    if any(p.kind == "metadata" for p in found):
        return Validated(tuple(found), None, texts)
    document = Document(
        id=str(doc_id),
        title=str(title),
        title_zh=str(meta.get("title_zh") or ""),
        issuers=tuple(issuers),  # type: ignore[arg-type]
        date=dates["date"].earliest,
        date_written=dates["date"].unless_exact,
        published=dates["published"].earliest if "published" in dates else None,
        source=str(meta.get("source") or ""),
        versions=tuple(versions),
        doc_number=str(meta.get("doc_number") or ""),
        level=str(meta.get("level") or ""),
        jurisdiction=str(meta.get("jurisdiction") or ""),
        series=str(meta.get("series") or "").strip(),
        parents=None if parents is None else tuple(dict.fromkeys(parents)),
    )
    return Validated(tuple(found), document, texts)


def decode_version_text(data: bytes) -> str:
    """A version file's bytes as its text: UTF-8 without the byte-order mark a Windows
    editor may put first (a mark of the encoding, not text an evidence sentence should
    start with), line ends as Python's text mode reads them (a hand-edited file may end
    lines in \\r\\n)."""
    text = data.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def stray_problems(folder: Path, keys: list[str]) -> list[Problem]:
    """Files in a document folder that the corpus does not use."""
    found = []
    for path in sorted(folder.iterdir()):
        odd = is_link_or_special(path)
        if odd and path.name != METADATA_FILE and path.stem not in keys:
            found.append(Problem(str(path), odd, "stray"))
        elif TEMP_NAME.match(path.name):
            found.append(
                Problem(str(path), "leftover from an interrupted write: delete it", "stray")
            )
        elif path.suffix == ".txt" and path.stem not in keys:
            found.append(
                Problem(
                    str(path),
                    f"stray file: {METADATA_FILE} lists no version {path.stem!r}",
                    "stray",
                )
            )
    return found
