"""A key -> value store in one SQLite file, or in memory: no knowledge of what it keeps.

Each stage that keeps derived facts between runs (the analysis, ``policydiff check``)
names its own namespace and encodes its own records (:mod:`policydiff.analysis.cache`,
:mod:`policydiff.check.fingerprints`); keys are digests of everything the value was
computed from, so an entry is never stale, only unused. A stage whose entries depend on
its code names its namespaces after the code (``commitments@<digest>``), so that it can
drop what no run of the present code can ask for again (:meth:`KeyValueStore.prune`):
without that, every upgrade would leave a full copy of the analysis behind. Values are
text (plain JSON in practice): no pickle, nothing executable.

The store is never trusted to be intact: a file that is not a database is deleted and
rebuilt (:attr:`KeyValueStore.rebuilt` says so), a database that goes bad under a run
starts again empty, and a folder that cannot be written falls back to memory. Deleting
the store's folder is always safe.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

CACHE_DIR = ".policydiff"
CACHE_FILE = "cache.sqlite"
# Seconds between commits while entries are put: work done survives an interruption.
COMMIT_EVERY = 1.0
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS store "
    "(namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, "
    "PRIMARY KEY (namespace, key))"
)


# A file with more than this share of free pages after a prune is compacted.
_COMPACT_ABOVE = 0.5


def cache_path_for(corpus_path: Path) -> Path:
    """``<corpus>/../.policydiff/cache.sqlite``: next to the corpus folder, git-ignored."""
    return Path(corpus_path).resolve().parent / CACHE_DIR / CACHE_FILE


# What SQLite says of a file that is not (or no longer) a database: only then is the
# file deleted and rebuilt. Other errors (a full disk, a locked or read-only file) keep
# the file and fall back to memory for the run.
_CORRUPT = ("file is not a database", "malformed", "file is encrypted")


def _corrupt(exc: sqlite3.Error) -> bool:
    return any(words in str(exc) for words in _CORRUPT)


def tracked_by_git(path: Path) -> bool:
    """Whether git tracks ``path`` or anything in it: a cache committed to the repository
    (by a pull request, say) is input from others, not this machine's own work."""
    try:
        result = subprocess.run(
            ["git", "ls-files", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and bool(result.stdout.strip())


class KeyValueStore:
    """Text values by (namespace, key), in one SQLite file (in memory when ``path`` is None).

    ``problem`` says, in words, why a file given could not be used (the store then
    works in memory for the run); ``rebuilt`` that a corrupt file was replaced."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.location = path  # as given, for messages, even when the store fell back
        self.rebuilt = False
        self.problem = ""
        self._db = self._open()
        self._committed = time.monotonic()

    @classmethod
    def for_corpus(cls, corpus_path: Path) -> KeyValueStore:
        path = cache_path_for(corpus_path)
        if path.parent.is_dir() and tracked_by_git(path.parent):
            store = cls(None)
            store.location = path
            store.problem = (
                f"{path.parent.name}/ is tracked by git; its cache is not this machine's own "
                "work, so it is not read (git rm -r --cached it)"
            )
            return store
        return cls(path)

    @property
    def persistent(self) -> bool:
        """Whether what is put outlives this process (False in memory)."""
        return self.path is not None

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._connect(":memory:")
        if self.path.is_dir() or self.path.is_symlink():
            return self._memory("is a folder or a link, not a cache file")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = self._connect(str(self.path))
        except sqlite3.DatabaseError as exc:
            if not _corrupt(exc):
                return self._memory(f"cannot be used ({exc})")
            self.rebuilt = True
            try:
                self.path.unlink(missing_ok=True)
                db = self._connect(str(self.path))
            except (sqlite3.Error, OSError) as again:
                return self._memory(f"was corrupt and cannot be rebuilt ({again})")
        except (sqlite3.Error, OSError) as exc:
            return self._memory(f"cannot be used ({exc})")
        return db

    def _memory(self, problem: str = "") -> sqlite3.Connection:
        self.path = None
        self.problem = problem
        return self._connect(":memory:")

    @staticmethod
    def _connect(where: str) -> sqlite3.Connection:
        db = sqlite3.connect(where, timeout=10)
        try:
            db.execute("PRAGMA synchronous=OFF")
            db.execute(_SCHEMA)
            db.execute("SELECT count(*) FROM store").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def _reset(self, exc: sqlite3.Error) -> None:
        """The file went bad under us: start again from an empty database when it is
        corrupt; otherwise (a full disk) keep it, and go on in memory."""
        self._db.close()
        if self.path is not None and _corrupt(exc):
            self.rebuilt = True
            self.path.unlink(missing_ok=True)
            self._db = self._open()
        else:
            self._db = self._memory(f"cannot be written ({exc})")

    def get(self, namespace: str, key: str) -> str | None:
        try:
            row = self._db.execute(
                "SELECT value FROM store WHERE namespace = ? AND key = ?", (namespace, key)
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            self._reset(exc)
            return None
        return row[0] if row else None

    def put(self, namespace: str, key: str, value: str) -> None:
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO store VALUES (?, ?, ?)", (namespace, key, value)
            )
        except sqlite3.DatabaseError as exc:
            self._reset(exc)
            return
        if time.monotonic() - self._committed >= COMMIT_EVERY:
            self.commit()

    def get_json(self, namespace: str, key: str) -> Any:
        """The JSON value under ``key``, or None when there is none or it does not decode."""
        raw = self.get(namespace, key)
        if raw is None:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return None

    def put_json(self, namespace: str, key: str, value: Any) -> None:
        self.put(namespace, key, json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def prune(self, families: tuple[str, ...], keep: tuple[str, ...], *, spare: int = 0) -> int:
        """Delete the rows of every namespace of ``families`` (``name`` or ``name@…``)
        but those in ``keep`` and those of the ``spare`` other generations (the part after
        ``@``) written to most recently; returns how many. Sparing one lets two installs
        of different code that share a corpus take turns without each deleting the other's
        work. Nothing is written when there is nothing to delete, and a prune that cannot
        be done now (the file read-only, locked by another run) is skipped, the store
        unharmed: it is only tidying. A file left mostly empty is compacted when no other
        run holds it."""
        try:
            held = [row[0] for row in self._db.execute("SELECT DISTINCT namespace FROM store")]
            others = [
                n
                for n in held
                if n not in keep and any(n == f or n.startswith(f + "@") for f in families)
            ]
            written: dict[str, int] = {}
            for name in others if spare else ():
                # rowids grow as rows are put: a generation's highest says when it last
                # wrote (read from the key's index, not the rows)
                (last,) = self._db.execute(
                    "SELECT MAX(rowid) FROM store WHERE namespace = ?", (name,)
                ).fetchone()
                generation = name.partition("@")[2]
                written[generation] = max(written.get(generation, 0), last or 0)
        except sqlite3.DatabaseError:
            return 0
        spared = set(sorted(written, key=lambda g: (-written[g], g))[:spare])
        stale = [n for n in others if n.partition("@")[2] not in spared]
        if not stale:
            return 0
        marks = ", ".join("?" for _ in stale)
        try:
            deleted = self._db.execute(
                f"DELETE FROM store WHERE namespace IN ({marks})", stale
            ).rowcount
            self._db.commit()
        except sqlite3.DatabaseError:
            self._db.rollback()
            return 0
        if self.path is not None:
            try:
                free = self._db.execute("PRAGMA freelist_count").fetchone()[0]
                pages = self._db.execute("PRAGMA page_count").fetchone()[0]
                if pages and free / pages > _COMPACT_ABOVE:
                    self._db.execute("VACUUM")
            except sqlite3.DatabaseError:
                pass  # held by another run: compacted another time
        return int(deleted)

    def count(self, namespace: str) -> int:
        try:
            row = self._db.execute(
                "SELECT count(*) FROM store WHERE namespace = ?", (namespace,)
            ).fetchone()
        except sqlite3.DatabaseError:
            return 0
        return int(row[0])

    def commit(self) -> None:
        """Make what was put so far durable: an interrupted run keeps its finished work."""
        self._committed = time.monotonic()
        try:
            self._db.commit()
        except sqlite3.DatabaseError as exc:
            self._reset(exc)

    def close(self) -> None:
        try:
            self._db.commit()
        except sqlite3.Error:
            pass
        finally:
            self._db.close()

    def __enter__(self) -> KeyValueStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
