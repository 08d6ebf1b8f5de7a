"""Hand annotations of a corpus (``policydiff.gold/1``, see docs/annotation.md), read and
checked: every problem is an InputError naming the file and the place in it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from policydiff.analysis.verdicts import Verdict
from policydiff.errors import InputError
from policydiff.runtime.files import yaml_problem
from policydiff.runtime.untrusted import Refused, SafeLoader, load_yaml

SCHEMA = "policydiff.gold/1"
GOLD_NODES = 2_000_000  # YAML nodes a gold file may hold: many more than a document.yaml
# the keys of each level of a gold file (docs/annotation.md): a key misspelt would drop a
# class of claims from the figures with nothing said
KEYS = {
    "the file": ("schema", "corpus", "annotator", "documents", "verdicts"),
    "document": ("id", "version", "themes", "notes"),
    "theme": ("present", "strongest", "targets", "notes"),
    "strongest": ("sentence", "cue", "level", "range", "restriction"),
    "target": ("value", "unit", "year", "hedged"),
    "verdicts": ("from", "to", "themes", "notes"),
}


@dataclass(frozen=True)
class GoldTarget:
    value: float
    unit: str
    year: int | None
    hedged: bool = False


@dataclass(frozen=True)
class GoldTheme:
    """One annotator's reading of one theme in one document."""

    theme: str
    present: bool
    sentence: str = ""
    cue: str = ""
    level: float | None = None
    low: float | None = None  # the range of strengths the annotator accepts
    high: float | None = None
    restriction: bool = False
    targets: tuple[GoldTarget, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class GoldDocument:
    id: str
    version: str
    themes: tuple[GoldTheme, ...]


@dataclass(frozen=True)
class GoldVerdicts:
    before: str
    after: str
    themes: dict[str, Verdict]


@dataclass(frozen=True)
class Gold:
    path: Path
    corpus: Path
    annotator: str
    documents: tuple[GoldDocument, ...]
    verdicts: tuple[GoldVerdicts, ...]


def unknown_key(entry: Mapping[Any, Any], kind: str, keys: Sequence[str]) -> str | None:
    """What is wrong with a gold entry of ``kind`` holding a key not among ``keys`` (a
    key misspelt would drop what it holds from the figures with nothing said)."""
    unknown = [key for key in entry if key not in keys]
    return f"unknown key {unknown[0]!r} (a {kind} takes {', '.join(keys)})" if unknown else None


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> InputError:
        return InputError(self.path, f"{where}: {problem}")

    def mapping(self, value: Any, where: str, kind: str = "") -> dict[str, Any]:
        """``value``, a mapping; of ``kind`` (:data:`KEYS`), holding none but its keys."""
        if not isinstance(value, dict):
            raise self.fail(where, "must be a mapping")
        if any(not isinstance(key, str) for key in value):
            odd = next(key for key in value if not isinstance(key, str))
            raise self.fail(where, f"key {odd!r} must be text")
        problem = unknown_key(value, kind, KEYS[kind]) if kind else None
        if problem:
            raise self.fail(where, problem)
        return value

    def text(self, value: Any, where: str, default: str | None = None) -> str:
        if value is None and default is not None:
            return default
        if not isinstance(value, str):
            raise self.fail(where, "must be text")
        return value

    def number(self, value: Any, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(where, "must be a number")
        return float(value)

    def items(self, value: Any, where: str) -> list[Any]:
        """A list (none given: an empty one)."""
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(where, "must be a list")
        return value

    def level(self, value: Any, where: str) -> float:
        """A strength on docs/strength.md's scale: 0 to 5, a dated target's bonus on top."""
        level = self.number(value, where)
        if not 0 <= level <= MAX_STRENGTH:
            raise self.fail(where, f"must be a strength from 0 to {MAX_STRENGTH:g}, not {level:g}")
        return level


MAX_STRENGTH = 5.5  # the scale's top level, 5, with a dated target's bonus (docs/strength.md)


def load_gold(path: Path, corpus: Path | None = None) -> Gold:
    """The annotations in ``path``; ``corpus`` overrides the corpus folder it names."""
    path = Path(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), SafeLoader, GOLD_NODES)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except Refused as exc:
        raise InputError(path, f"the file {exc}") from None
    except yaml.YAMLError as exc:
        raise InputError(path, yaml_problem(exc)) from None
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8") from None
    read = _Reader(path)
    top = read.mapping(data, "the file", "the file")
    if top.get("schema") != SCHEMA:
        raise read.fail("schema", f"must be {SCHEMA}, not {top.get('schema')!r}")
    folder = corpus or (path.parent / read.text(top.get("corpus"), "corpus"))
    documents = tuple(
        _document(read, raw, f"documents[{i}]")
        for i, raw in enumerate(read.items(top.get("documents"), "documents"))
    )
    seen: set[str] = set()
    for i, document in enumerate(documents):
        if document.id in seen:
            raise read.fail(f"documents[{i}].id", f"{document.id} is annotated twice")
        seen.add(document.id)
    verdicts = tuple(
        _verdicts(read, raw, f"verdicts[{i}]")
        for i, raw in enumerate(read.items(top.get("verdicts"), "verdicts"))
    )
    if not documents and not verdicts:
        raise read.fail("the file", "annotates nothing: it has no documents and no verdicts")
    pairs: set[tuple[str, str]] = set()
    for i, pair in enumerate(verdicts):
        if (pair.before, pair.after) in pairs:
            raise read.fail(f"verdicts[{i}]", f"{pair.before} -> {pair.after} is annotated twice")
        pairs.add((pair.before, pair.after))
    return Gold(path, folder, read.text(top.get("annotator"), "annotator", ""), documents, verdicts)


def _document(read: _Reader, raw: Any, where: str) -> GoldDocument:
    entry = read.mapping(raw, where, "document")
    themes = read.mapping(entry.get("themes") or {}, f"{where}.themes")
    return GoldDocument(
        read.text(entry.get("id"), f"{where}.id"),
        read.text(entry.get("version"), f"{where}.version", ""),
        tuple(
            _theme(read, theme_id, value, f"{where}.themes.{theme_id}")
            for theme_id, value in themes.items()
        ),
    )


def _theme(read: _Reader, theme_id: str, raw: Any, where: str) -> GoldTheme:
    entry = read.mapping(raw, where, "theme")
    present = entry.get("present")
    if not isinstance(present, bool):
        raise read.fail(f"{where}.present", "must be true or false")
    targets = tuple(
        _target(read, t, f"{where}.targets[{i}]")
        for i, t in enumerate(read.items(entry.get("targets"), f"{where}.targets"))
    )
    notes = read.text(entry.get("notes"), f"{where}.notes", "")
    if not present:
        return GoldTheme(theme_id, False, targets=targets, notes=notes)
    strongest = read.mapping(entry.get("strongest") or {}, f"{where}.strongest", "strongest")
    level = strongest.get("level")
    level = None if level is None else read.level(level, f"{where}.strongest.level")
    bounds = strongest.get("range")
    if level is None and bounds is None:
        # read without one, the theme would drop out of the strength figure unsaid
        raise read.fail(f"{where}.strongest", "a present theme needs its level or range")
    if bounds is None:
        low = high = level
    elif isinstance(bounds, list) and len(bounds) == 2:
        low = read.level(bounds[0], f"{where}.strongest.range")
        high = read.level(bounds[1], f"{where}.strongest.range")
        if low > high:
            raise read.fail(f"{where}.strongest.range", "runs from high to low")
        if level is not None and not low <= level <= high:
            raise read.fail(
                f"{where}.strongest.level", f"{level:g} lies outside its range [{low:g}, {high:g}]"
            )
    else:
        raise read.fail(f"{where}.strongest.range", "must be [low, high]")
    return GoldTheme(
        theme_id,
        True,
        sentence=read.text(strongest.get("sentence"), f"{where}.strongest.sentence", ""),
        cue=read.text(strongest.get("cue"), f"{where}.strongest.cue", ""),
        level=level,
        low=low,
        high=high,
        restriction=bool(strongest.get("restriction", False)),
        targets=targets,
        notes=notes,
    )


def _target(read: _Reader, raw: Any, where: str) -> GoldTarget:
    entry = read.mapping(raw, where, "target")
    year = entry.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise read.fail(f"{where}.year", "must be a year")
    return GoldTarget(
        read.number(entry.get("value"), f"{where}.value"),
        read.text(entry.get("unit"), f"{where}.unit", ""),
        year,
        bool(entry.get("hedged", False)),
    )


def _verdicts(read: _Reader, raw: Any, where: str) -> GoldVerdicts:
    entry = read.mapping(raw, where, "verdicts")
    themes = read.mapping(entry.get("themes") or {}, f"{where}.themes")
    parsed: dict[str, Verdict] = {}
    for theme_id, value in themes.items():
        try:
            parsed[theme_id] = Verdict(value)
        except ValueError:
            raise read.fail(
                f"{where}.themes.{theme_id}",
                f"unknown verdict {value!r} (use {', '.join(Verdict)})",
            ) from None
    before = read.text(entry.get("from"), f"{where}.from")
    after = read.text(entry.get("to"), f"{where}.to")
    if before == after:
        raise read.fail(where, f"from and to are the same document, {before}")
    return GoldVerdicts(before, after, parsed)
