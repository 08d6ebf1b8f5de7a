"""Changing the corpus all at once or not at all, even when killed.

:func:`commit` adds new documents and new versions of held documents as one change:

1. every file is written into a staging folder beside the corpus (in the git-ignored
   ``.policydiff/`` next to it; inside the corpus, hidden, where that cannot be
   written) — the corpus is not touched;
2. a journal listing the moves is written last, atomically: that is the commit point;
3. each staged file or folder is renamed into place (a new document folder whole; a
   new version's text before its document's ``document.yaml``, so that a reader never
   sees a version listed whose text is missing), then the staging folder is removed.

Killed before the journal exists, the corpus is as it was and the staging folder is
deleted by the next writer. Killed after, the next writer finishes the moves
(:func:`recover`). Writers hold the corpus's lock (:func:`corpus_lock`) from reading
the corpus to the end of the commit, so two ingests at once cannot both add ``en-2``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from policydiff.cache import CACHE_DIR
from policydiff.corpus.rules import METADATA_FILE
from policydiff.corpus.store import metadata_yaml
from policydiff.errors import CorpusError
from policydiff.models import Document, Version
from policydiff.runtime.files import staging_folder, write_atomic
from policydiff.runtime.lock import exclusive

JOURNAL = "journal.json"
STAGING_PREFIX = "ingest"


@dataclass(frozen=True)
class Change:
    """One document as it will stand: new (every version written) or with new versions."""

    document: Document
    new_versions: tuple[Version, ...] = ()  # empty for a new document

    @property
    def is_new(self) -> bool:
        return not self.new_versions


def _staging_root(corpus_path: Path) -> Path:
    """Where staging folders go: beside the corpus when that can be written, else inside."""
    beside = corpus_path.resolve().parent / CACHE_DIR
    try:
        beside.mkdir(parents=True, exist_ok=True)
        probe = staging_folder(beside / "probe")
        probe.rmdir()
        return beside
    except OSError:
        return corpus_path


def _prefix(corpus_path: Path) -> str:
    """Staging folders of this corpus: corpora that share a ``.policydiff`` are siblings,
    so their names tell their staging folders apart."""
    return f"{STAGING_PREFIX}-{corpus_path.resolve().name}"


@contextlib.contextmanager
def corpus_lock(corpus_path: Path) -> Iterator[None]:
    """Only one writer of this corpus at a time (others wait for it)."""
    corpus_path = Path(corpus_path)
    with exclusive(_staging_root(corpus_path) / f".lock-{_prefix(corpus_path)}"):
        yield


def commit(corpus_path: Path, changes: Sequence[Change]) -> list[Path]:
    """Apply every change or none; returns the paths written in the corpus. The caller
    holds :func:`corpus_lock`."""
    corpus_path = Path(corpus_path)
    corpus_path.mkdir(parents=True, exist_ok=True)
    moves: list[tuple[str, str]] = []
    staging = staging_folder(_staging_root(corpus_path) / _prefix(corpus_path))
    try:
        for number, change in enumerate(changes):
            document = change.document
            final = corpus_path / document.id
            if change.is_new:
                if final.exists():
                    raise CorpusError(final, "a document folder with this id already exists")
                folder = staging / f"{number}-{document.id}"
                folder.mkdir()
                for version in document.versions:
                    write_atomic(folder / version.filename, version.text)
                write_atomic(folder / METADATA_FILE, metadata_yaml(document))
                moves.append((folder.name, document.id))
                continue
            for version in change.new_versions:
                if (final / version.filename).exists():
                    raise CorpusError(
                        final / version.filename, "a version file with this key already exists"
                    )
                name = f"{number}-{version.filename}"
                write_atomic(staging / name, version.text)
                moves.append((name, f"{document.id}/{version.filename}"))
            name = f"{number}-{METADATA_FILE}"
            write_atomic(staging / name, metadata_yaml(document))
            # the metadata it replaces, so that a commit that fails can be undone
            shutil.copyfile(final / METADATA_FILE, staging / f"{name}{BEFORE}")
            moves.append((name, f"{document.id}/{METADATA_FILE}"))
        journal = {"corpus": str(corpus_path.resolve()), "moves": moves}
        write_atomic(staging / JOURNAL, json.dumps(journal, ensure_ascii=False, indent=1))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        _finish(staging, corpus_path)
    except OSError as error:
        # not a crash: the user is told the change failed, so it must not be finished
        # later behind their back; undone, or, if even that fails, said to be half done
        cause = error.strerror or str(error)
        if _undo(staging, corpus_path):
            raise CorpusError(corpus_path, f"cannot be written ({cause}): nothing added") from None
        raise CorpusError(
            corpus_path,
            f"cannot be written ({cause}) and could not be restored: the next ingest that "
            "can write it finishes the change",
        ) from None
    return [corpus_path / destination for _, destination in moves]


BEFORE = ".before"  # suffix of a replaced file's copy in the staging folder


def _undo(staging: Path, corpus_path: Path) -> bool:
    """Move back what a failed :func:`_finish` moved, restore the metadata it replaced,
    then remove the staging folder; whether the corpus is as it was."""
    journal = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))
    try:
        for source, destination in reversed(journal["moves"]):
            origin, target = staging / source, corpus_path / destination
            if origin.exists():  # never moved
                continue
            before = staging / f"{source}{BEFORE}"
            if before.exists():
                os.replace(before, target)
            else:
                os.rename(target, origin)
    except OSError:
        return False
    shutil.rmtree(staging, ignore_errors=True)
    return True


def _finish(staging: Path, corpus_path: Path) -> None:
    """Carry out a committed journal's remaining moves, then remove the staging folder."""
    journal = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))
    for source, destination in journal["moves"]:
        origin, target = staging / source, corpus_path / destination
        if not origin.exists():  # moved before an interruption
            continue
        if origin.is_dir():
            os.rename(origin, target)  # a new document folder: never over an existing one
        else:
            os.replace(origin, target)
    shutil.rmtree(staging, ignore_errors=True)


def recover(corpus_path: Path) -> list[str]:
    """Finish or undo what an interrupted writer of this corpus left; what was done, in
    words (empty when nothing was left). The caller holds :func:`corpus_lock`."""
    corpus_path = Path(corpus_path)
    done: list[str] = []
    for root in dict.fromkeys((_staging_root(corpus_path), corpus_path)):
        if not root.is_dir():
            continue
        for staging in sorted(root.glob(f".{_prefix(corpus_path)}-*")):
            if not staging.is_dir():
                continue
            if (staging / JOURNAL).is_file():
                _finish(staging, corpus_path)
                done.append(f"finished an ingest that was interrupted while writing ({staging})")
            else:
                shutil.rmtree(staging, ignore_errors=True)
                done.append(f"removed {staging}, left by an ingest interrupted before it wrote")
    return done


def write_document(corpus_path: Path, document: Document) -> Path:
    """Add a new document folder, whole or not at all; refuses to overwrite one."""
    with corpus_lock(corpus_path):
        commit(corpus_path, [Change(document)])
    return corpus_path / document.id


def add_version(corpus_path: Path, document: Document, version: Version) -> Document:
    """Add ``version`` to a held document: its text and the document's new metadata, both
    or neither. ``document`` may already list ``version`` (as an ingest plan's does)."""
    updated = (
        document
        if version in document.versions
        else replace(document, versions=(*document.versions, version))
    )
    with corpus_lock(corpus_path):
        commit(corpus_path, [Change(updated, (version,))])
    return updated
