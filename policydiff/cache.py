"""The analysis cache: each version's commitments, kept in SQLite between runs.

Scoring every theme mention of every version is most of the cost of an
evolution; a version whose text, catalogue and lexicon have not changed scores
the same, so ``policydiff check`` (and anything else that passes a cache to
:func:`policydiff.evolution.build_evolution`) looks it up instead.

One table, ``entries(key, value)``, and three of derived facts in the same shape:
``pairs``, the provision pairing of a document's Chinese original and English
translation (a function of both texts, so that a warm run need not structure any
text whose commitments are cached), ``counts``, each version's numbers of
provisions and sentences (for the corpus overview, for the same reason), and
``metadata``, the parsed ``document.yaml`` files ``policydiff check`` validates. A commitments key is the sha256 of the
version's text, of the catalogue and of the lexicon as loaded (the bundled YAML
with any extra files applied, serialised deterministically), of the document id,
version key and language (they are copied into every commitment), and of the
policydiff version. The value is plain JSON: no pickle, nothing executable.

The cache is never trusted: a file that is not a database is deleted and
rebuilt, a row whose JSON does not decode into commitments is recomputed and
overwritten, and a cache folder that cannot be written falls back to memory.
Deleting ``.policydiff/`` is always safe.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from policydiff import __version__
from policydiff.commitments import Commitment
from policydiff.models import Version
from policydiff.strength import Cue, StrengthScore, Target

CACHE_DIR = ".policydiff"
CACHE_FILE = "cache.sqlite"
# Seconds between commits while entries are put: work done survives an interruption.
COMMIT_EVERY = 1.0
_SCHEMA = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
# Derived facts, kept apart from the entries: provision pairings, parsed metadata files.
_TABLES = ("entries", "pairs", "counts", "metadata")
# Part of every commitments key: rows written in an older layout are simply not found.
_COMMITMENTS_FORMAT = "commitments/2"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(obj: object) -> str:
    """sha256 of a frozen record's repr: deterministic for the catalogue and lexicon, whose
    records hold only strings, numbers, tuples and insertion-ordered dicts."""
    return sha256(repr(obj))


def cache_path_for(corpus_path: Path) -> Path:
    """``<corpus>/../.policydiff/cache.sqlite``: next to the corpus folder, git-ignored."""
    return Path(corpus_path).resolve().parent / CACHE_DIR / CACHE_FILE


class AnalysisCache:
    """A key -> JSON store in one SQLite file (or in memory when ``path`` is None)."""

    def __init__(self, path: Path | None, *, keep_commitments: bool = True) -> None:
        self.path = path
        self.hits = 0
        self.misses = 0
        self.rebuilt = False
        self._fingerprints: dict[int, tuple[object, str]] = {}
        self._db = self._open()
        self._committed = time.monotonic()
        # In memory, commitments are held as they are: encoding them for a store that
        # goes away with the process would only cost time. Without keep_commitments
        # (--no-cache: one evolution per run, so nothing would ask for them again) they
        # are not held at all, and the processes that compute them need not send them.
        self.keeps_commitments = keep_commitments
        self._held: dict[str, tuple[Commitment, ...]] | None = {} if self.path is None else None

    @classmethod
    def for_corpus(cls, corpus_path: Path) -> AnalysisCache:
        return cls(cache_path_for(corpus_path))

    # -- storage -------------------------------------------------------------------------

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
            for table in _TABLES:
                db.execute(_SCHEMA.replace("entries", table))
            db.execute("SELECT count(*) FROM entries").fetchone()
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

    def get(self, key: str, table: str = "entries") -> str | None:
        assert table in _TABLES
        try:
            row = self._db.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            self._reset()
            return None
        return row[0] if row else None

    def put(self, key: str, value: str, table: str = "entries") -> None:
        assert table in _TABLES
        try:
            self._db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", (key, value))
        except sqlite3.DatabaseError:
            self._reset()
            return
        if time.monotonic() - self._committed >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        """Make what was put so far durable: an interrupted run keeps its finished work."""
        self._committed = time.monotonic()
        try:
            self._db.commit()
        except sqlite3.DatabaseError:
            self._reset()

    def get_json(self, key: str, table: str = "entries") -> Any:
        raw = self.get(key, table)
        if raw is None:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return None

    def put_json(self, key: str, value: Any, table: str = "entries") -> None:
        self.put(key, json.dumps(value, ensure_ascii=False, separators=(",", ":")), table)

    def close(self) -> None:
        try:
            self._db.commit()
        except sqlite3.Error:
            pass
        finally:
            self._db.close()

    def __enter__(self) -> AnalysisCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        held = len(self._held) if self._held is not None else 0
        try:
            return held + int(self._db.execute("SELECT count(*) FROM entries").fetchone()[0])
        except sqlite3.DatabaseError:
            return held

    # -- commitments ---------------------------------------------------------------------

    def fingerprint(self, obj: object) -> str:
        """:func:`fingerprint`, computed once per object."""
        held = self._fingerprints.get(id(obj))
        if held is None or held[0] is not obj:
            held = (obj, fingerprint(obj))
            self._fingerprints[id(obj)] = held
        return held[1]

    def commitments_key(
        self, document_id: str, version: Version, catalogue: object, lexicon: object
    ) -> str:
        parts = (
            _COMMITMENTS_FORMAT,
            sha256(version.text),
            self.fingerprint(catalogue),
            self.fingerprint(lexicon),
            __version__,
            document_id,
            version.key,
            version.lang,
        )
        return sha256("\0".join(parts))

    def get_commitments(self, key: str) -> tuple[Commitment, ...] | None:
        if not self.keeps_commitments:
            self.misses += 1
            return None
        if self._held is not None:
            held = self._held.get(key)
            if held is None:
                self.misses += 1
            else:
                self.hits += 1
            return held
        data = self.get_json(key)
        if data is None:
            self.misses += 1
            return None
        try:
            found = commitments_from_json(data)
        except (KeyError, TypeError, ValueError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put_commitments(self, key: str, commitments: Sequence[Commitment]) -> None:
        if not self.keeps_commitments:
            return
        if self._held is not None:
            self._held[key] = tuple(commitments)
            return
        self.put_json(key, commitments_to_json(commitments))

    # -- provision pairs -----------------------------------------------------------------

    def pairs_key(self, document_id: str, original: Version, translation: Version) -> str:
        """The key of the provision pairing of two versions of one document: a pure
        function of both texts (and what structures them), cached so a warm run need not
        structure versions whose commitments are cached."""
        parts = ["pairs", __version__, document_id]
        for version in (original, translation):
            parts += [
                sha256(version.text),
                version.key,
                version.lang,
                str(version.kind),
                str(version.complete),
            ]
        return sha256("\0".join(parts))

    def get_pairs(self, key: str) -> dict[str, str] | None:
        data = self.get_json(key, "pairs")
        if not isinstance(data, list):
            return None
        try:
            pairs = {str(a): str(b) for a, b in data}
        except (TypeError, ValueError):
            return None
        return pairs

    def put_pairs(self, key: str, pairs: dict[str, str]) -> None:
        self.put_json(key, [[a, b] for a, b in pairs.items()], "pairs")

    # -- provision and sentence counts ---------------------------------------------------

    def counts_key(self, version: Version) -> str:
        """A function of the text and its language (and of what structures them)."""
        return sha256("\0".join(("counts", __version__, version.lang, sha256(version.text))))

    def get_counts(self, key: str) -> tuple[int, int] | None:
        """(provisions, sentences), or None when not held or not two counts."""
        data = self.get_json(key, "counts")
        if (
            isinstance(data, list)
            and len(data) == 2
            and all(type(n) is int and n >= 0 for n in data)
        ):
            return data[0], data[1]
        return None

    def put_counts(self, key: str, counts: tuple[int, int]) -> None:
        self.put_json(key, list(counts), "counts")


def _target_row(t: Target) -> list[Any]:
    return [t.text, t.value, t.unit, t.year]


def commitments_to_json(commitments: Sequence[Commitment]) -> dict[str, Any]:
    """One version's commitments as compact JSON: the document, version and language
    once, then one positional row per commitment (decoding is most of a warm run's cost,
    and rows decode about twice as fast as keyed objects)."""
    first = commitments[0] if commitments else None
    header = (first.document_id, first.version_key, first.lang) if first else ("", "", "")
    rows = []
    for c in commitments:
        if (c.document_id, c.version_key, c.lang) != header:
            raise ValueError("commitments of more than one version")
        s = c.score
        rows.append(
            [
                c.theme_id,
                c.provision_id,
                c.location,
                c.sentence_index,
                c.sentence,
                c.span[0],
                c.span[1],
                c.matched,
                s.level,
                s.level_name,
                s.strength,
                s.cue,
                [[q.text, q.start, q.end, q.category, q.level] for q in s.cues],
                [_target_row(t) for t in s.targets],
                s.restriction,
                s.negated,
                list(s.caveats),
                [_target_row(t) for t in c.targets],
            ]
        )
    return {"document": header[0], "version": header[1], "lang": header[2], "rows": rows}


def commitments_from_json(data: dict[str, Any]) -> tuple[Commitment, ...]:
    """The inverse of :func:`commitments_to_json`: a KeyError, TypeError or ValueError
    for anything of another shape."""
    document, version, lang = data["document"], data["version"], data["lang"]
    if not all(isinstance(x, str) for x in (document, version, lang)):
        raise TypeError("the header is not three strings")
    out = []
    for row in data["rows"]:
        (
            theme,
            provision,
            location,
            index,
            sentence,
            start,
            end,
            matched,
            level,
            level_name,
            strength,
            cue,
            cues,
            score_targets,
            restriction,
            negated,
            caveats,
            targets,
        ) = row
        score = StrengthScore(
            level,
            level_name,
            strength,
            cue,
            tuple(Cue(*q) for q in cues),
            tuple(Target(*t) for t in score_targets),
            restriction,
            negated,
            tuple(caveats),
        )
        out.append(
            Commitment(
                theme,
                document,
                version,
                lang,
                provision,
                location,
                index,
                sentence,
                (start, end),
                matched,
                score,
                tuple(Target(*t) for t in targets),
            )
        )
    return tuple(out)
