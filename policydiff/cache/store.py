"""A key -> value store in one SQLite file, or in memory: no knowledge of what it keeps.

Each stage that keeps derived facts between runs (the analysis, ``policydiff check``)
names its own namespace and encodes its own records (:mod:`policydiff.analysis.cache`,
:mod:`policydiff.check.fingerprints`); keys are digests of everything the value was
computed from, so an entry is never stale, only unused. Values are text (plain JSON in
practice): no pickle, nothing executable.

The store is never trusted to be intact: a file that is not a database is deleted and
rebuilt (:attr:`KeyValueStore.rebuilt` says so), a database that goes bad under a run
starts again empty, and a folder that cannot be written falls back to memory. Deleting
the store's folder is always safe.
"""

from __future__ import annotations

import json
import sqlite3
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


def cache_path_for(corpus_path: Path) -> Path:
    """``<corpus>/../.policydiff/cache.sqlite``: next to the corpus folder, git-ignored."""
    return Path(corpus_path).resolve().parent / CACHE_DIR / CACHE_FILE


class KeyValueStore:
    """Text values by (namespace, key), in one SQLite file (in memory when ``path`` is None)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.rebuilt = False
        self._db = self._open()
        self._committed = time.monotonic()

    @classmethod
    def for_corpus(cls, corpus_path: Path) -> KeyValueStore:
        return cls(cache_path_for(corpus_path))

    @property
    def persistent(self) -> bool:
        """Whether what is put outlives this process (False in memory)."""
        return self.path is not None

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._connect(":memory:")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = self._connect(str(self.path))
        except sqlite3.DatabaseError:
            self.rebuilt = True
            self.path.unlink(missing_ok=True)
            try:
                db = self._connect(str(self.path))
            except (sqlite3.Error, OSError):
                return self._memory()
        except (sqlite3.Error, OSError):
            return self._memory()
        return db

    def _memory(self) -> sqlite3.Connection:
        self.path = None
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

    def _reset(self) -> None:
        """The file went bad under us: start again from an empty database."""
        self._db.close()
        self.rebuilt = True
        if self.path is not None:
            self.path.unlink(missing_ok=True)
        self._db = self._open()

    def get(self, namespace: str, key: str) -> str | None:
        try:
            row = self._db.execute(
                "SELECT value FROM store WHERE namespace = ? AND key = ?", (namespace, key)
            ).fetchone()
        except sqlite3.DatabaseError:
            self._reset()
            return None
        return row[0] if row else None

    def put(self, namespace: str, key: str, value: str) -> None:
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO store VALUES (?, ?, ?)", (namespace, key, value)
            )
        except sqlite3.DatabaseError:
            self._reset()
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
        except sqlite3.DatabaseError:
            self._reset()

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
