"""Whether the committed reports are current, read from the top of ``evolution.json``.

The report records the policydiff version, the catalogue and lexicon digests and, for
every document, the digest of what the analysis reads (text, date, title, versions); any
difference from the corpus now is "reports are out of date", naming what changed. This
costs the same at 3 documents as at 1,000: only the top of the file is read. With
``check --full`` the evolution is also recomputed and compared byte for byte, which
catches a hand-edited report too.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from policydiff.analysis.evolution_json import MANIFEST, REPORT_FILE, documents_list, inputs_dict
from policydiff.analysis.model import DocumentRef, Inputs
from policydiff.check.result import Finding
from policydiff.corpus import Corpus
from policydiff.lineage.series import series_of
from policydiff.runtime.untrusted import Refused, read_regular

MANIFEST_LIMIT = 1024 * 1024


@dataclass(frozen=True)
class CommittedReport:
    """The committed ``evolution.json``: where it is, whether it could be read, and the
    ``documents`` and ``inputs`` it records (None when they cannot be read). Reading those
    reads the top of the file only; :meth:`read_bytes` reads it whole (``check --full``)."""

    path: Path
    readable: bool
    documents: list[Any] | None
    inputs: dict[str, Any] | None

    def read_bytes(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except OSError:
            return None


# policydiff writes ``inputs`` and ``documents`` as top-level keys near the top of the
# file; a raw newline only ever appears between JSON tokens, so a key at two-space
# indent after one cannot match inside a string or a nested object.
_HEADER_WITHIN = 1 << 16


def read_report(path: Path) -> CommittedReport:
    try:
        with path.open("rb") as file:
            documents, inputs = _read_header(file)
    except OSError:
        return CommittedReport(path, False, None, None)
    return CommittedReport(
        path,
        True,
        documents if isinstance(documents, list) else None,
        inputs if isinstance(inputs, dict) else None,
    )


def listed_documents(raw: bytes) -> list[Any] | None:
    """The ``documents`` a report's bytes list (as the base commit holds it), read as far
    as they reach; None where it lists none."""
    documents, _ = _read_header(io.BytesIO(raw))
    return documents if isinstance(documents, list) else None


def _read_header(file: BinaryIO) -> tuple[Any, Any]:
    head = file.read(_HEADER_WITHIN)
    if all(_marker(key) in head for key in _HEADER_KEYS):
        return _header_values(file, head)
    # not policydiff's layout (or an older report): parse it whole, once
    data = _parse(head + file.read())
    data = data if isinstance(data, dict) else {}
    return data.get("documents"), data.get("inputs")


_HEADER_KEYS = ("documents", "inputs")


def _marker(key: str) -> bytes:
    return f'\n  "{key}": '.encode()


def _header_values(file: BinaryIO, head: bytes) -> tuple[Any, Any]:
    """The top-level ``documents`` and ``inputs`` of a report in policydiff's layout, the
    file read only as far as they reach: in CI the corpus and the report may have to come
    from disk, and a large corpus's report is mostly its themes, after the header."""
    prefix = head
    values = dict.fromkeys(_HEADER_KEYS, _CUT)
    while True:
        for key, value in values.items():
            if value is _CUT:  # a value decoded already is not decoded again
                values[key] = _header_value(prefix, key)
        documents, inputs = (values[key] for key in _HEADER_KEYS)
        if documents is not _CUT and inputs is not _CUT:
            return documents, inputs
        more = file.read(len(prefix) * 3)
        if not more:  # the file ends inside a value: read_report keeps only lists and dicts
            return documents, inputs
        prefix += more


_CUT = object()  # a value that runs past the bytes read so far


def _header_value(prefix: bytes, key: str) -> Any:
    start = prefix.index(_marker(key)) + len(_marker(key))
    # a cut through a multi-byte character only loses that character at the very end
    chunk = prefix[start:].decode("utf-8", errors="ignore")
    try:
        return json.JSONDecoder().raw_decode(chunk)[0]
    except ValueError:
        return _CUT


def _parse(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def report_findings(
    reports: Path,
    committed: CommittedReport,
    documents: tuple[DocumentRef, ...],
    inputs: Inputs,
    expected: bytes | None = None,
    metadata: str | None = None,
) -> list[Finding]:
    """Whether the committed report is current: it records the corpus's ``documents``
    (with their digests) and the ``inputs`` of an analysis now, and its manifest the
    ``metadata`` digest of the documents now (when given). With ``expected`` (the
    evolution JSON recomputed now, ``check --full``) it must also be those bytes."""
    path = reports / REPORT_FILE
    if not reports.is_dir():
        return [
            Finding(str(reports), "reports folder is missing: run `policydiff report`", "reports")
        ]
    if not committed.readable:
        return [Finding(str(path), "missing: run `policydiff report`", "reports")]
    want_documents, want_inputs = documents_list(documents), inputs_dict(inputs)
    if committed.documents == want_documents and committed.inputs == want_inputs:
        unlike = manifest_problem(reports, metadata)
        if unlike:
            return [
                Finding(
                    str(reports / MANIFEST),
                    f"reports are out of date: run `policydiff report` ({unlike})",
                    "reports",
                )
            ]
        if expected is None or committed.read_bytes() == expected:
            return []
        detail = " (it records this corpus, but its contents differ from a fresh run)"
    else:
        detail = _stale_detail(committed, want_documents, want_inputs or {})
    return [
        Finding(str(path), f"reports are out of date: run `policydiff report`{detail}", "reports")
    ]


def manifest_problem(reports: Path, metadata: str | None = None) -> str | None:
    """Why the report files are not the set their manifest records, or None: a run
    killed half-way, charts redrawn alone, a file edited by hand; or, given the documents'
    ``metadata`` digest now, pages that show metadata the corpus has since changed."""
    path = reports / MANIFEST
    try:
        data = json.loads(read_regular(path, MANIFEST_LIMIT))
        listed = data["files"]
        assert isinstance(listed, dict)
    except FileNotFoundError:
        return f"no {MANIFEST}: written by an older policydiff, or not by policydiff"
    except (OSError, Refused, ValueError, KeyError, TypeError, AssertionError):
        return f"{MANIFEST} cannot be read"
    if metadata is not None and "metadata" not in data:
        return f"{MANIFEST} records no digest of the documents' metadata: written by an older policydiff"
    if metadata is not None and data.get("metadata") != metadata:
        return (
            "a document's metadata (issuers, Chinese title, number, level, series, parents "
            "or sources) changed since the report was written"
        )
    for name, digest in sorted(listed.items()):
        if not isinstance(name, str) or not _plain_path(name):
            return f"{MANIFEST} lists {name!r}"
        if "/" in name and (reports / name.split("/")[0]).is_symlink():
            return f"{name} cannot be read"  # a folder of the report is never a link
        try:
            found = _file_digest(reports / name)
        except FileNotFoundError:
            return f"{name} is missing"
        except (OSError, Refused):
            return f"{name} cannot be read"
        if found != digest:
            return f"{name} is not the file the report wrote"
    # a folder the report writes is replaced whole on each run: a file in it that the
    # manifest does not list was put there by hand or left by a run of an older policydiff
    for folder in sorted({name.split("/")[0] for name in listed if "/" in name}):
        for entry in sorted((reports / folder).iterdir()):
            name = f"{folder}/{entry.name}"
            if name not in listed and not entry.name.startswith("."):
                return f"{name} is not a file the report wrote"
    return None


def _plain_path(name: str) -> bool:
    """A file inside the reports folder (``index.html``, ``themes/a.html``): relative,
    each part a plain name, none hidden, none ``..``."""
    parts = name.split("/")
    return len(parts) <= 2 and all(p and not p.startswith(".") and "\\" not in p for p in parts)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode):
        raise Refused("is not a regular file")
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _differing(recorded: dict[str, Any], held: dict[str, Any]) -> str:
    """The fields of a document's entry in the report that differ from the corpus's."""
    fields = sorted({*recorded, *held} - {"id"})
    return ", ".join(f for f in fields if recorded.get(f) != held.get(f))


def _stale_detail(
    committed: CommittedReport, documents: list[dict[str, Any]], inputs: dict[str, Any]
) -> str:
    if committed.documents is None or committed.inputs is None:
        return " (it records no inputs: written by an older policydiff, or not by policydiff)"
    old = {d.get("id"): d for d in committed.documents if isinstance(d, dict)}
    new = {d["id"]: d for d in documents}
    if list(old) != list(new):
        listed = f"{len(old)} document{'' if len(old) == 1 else 's'}"
        return f" (it lists {listed}, the corpus holds {len(new)})"
    changed = [i for i, d in new.items() if old.get(i) != d]
    if changed:
        some = "document" if len(changed) == 1 else "documents"
        named = ", ".join(f"{i} ({_differing(old[i], new[i])})" for i in changed[:5])
        return f" (what it records of {len(changed)} {some} is not what the corpus holds: {named})"
    differ = [
        k for k in ("catalogue", "lexicon", "policydiff") if committed.inputs.get(k) != inputs[k]
    ]
    if differ == ["policydiff"]:
        return f" (written by policydiff {committed.inputs.get('policydiff')}, this is {inputs['policydiff']})"
    return f" (written with another {' and '.join(d for d in differ if d != 'policydiff')})"


def changed_since_report(
    documents: Sequence[DocumentRef], listed: list[Any] | None
) -> dict[str, str]:
    """Without a git ref: documents the committed report does not list (``listed``: its
    ``documents``) are new; those it lists with another digest have changed."""
    known = {d.get("id"): d.get("digest") for d in listed or [] if isinstance(d, dict)}
    status: dict[str, str] = {}
    for d in documents:
        if d.id not in known:
            status[d.id] = "new"
        elif known[d.id] != d.digest:
            status[d.id] = "changed"
    held = {d.id for d in documents}
    status.update({i: "removed" for i in known.keys() - held if isinstance(i, str)})
    return dict(sorted(status.items()))


# How far back in a series check looks for a theme's last mention: a theme absent from
# more documents of the series than this before a new one reads as added, not as resumed.
GAP_WINDOW = 8


def neighbourhood(corpus: Corpus, ids: tuple[str, ...]) -> Corpus:
    """The documents ``ids`` and, in each one's series, the :data:`GAP_WINDOW` documents
    before it and after the one after it: all that :func:`theme_changes` into ``ids`` and
    into the document after each (now compared with it) reads (it compares each with its
    predecessor in its series, with its last mention across a gap, and tells a gap from a
    drop by whether a later document of the series mentions the theme again)."""
    wanted = set(ids)
    documents = corpus.documents
    series = [series_of(d) for d in documents]
    members: dict[str, list[int]] = {}
    for i, name in enumerate(series):
        members.setdefault(name, []).append(i)
    keep: set[int] = set()
    for i, d in enumerate(documents):
        if d.id not in wanted:
            continue
        mine = members[series[i]]
        at = mine.index(i)
        keep.update(mine[max(0, at - GAP_WINDOW) : at + GAP_WINDOW + 2])
    return Corpus(corpus.path, tuple(documents[j] for j in sorted(keep)))
