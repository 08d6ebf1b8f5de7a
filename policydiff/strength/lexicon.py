"""Load and validate the directive-strength lexicon (``policydiff/data/lexicon.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from policydiff.errors import InputError
from policydiff.runtime.files import yaml_problem
from policydiff.runtime.untrusted import safe_load

LEVEL_NAMES: tuple[str, ...] = (
    "none",
    "exploratory",
    "promotion",
    "intensification",
    "scale",
    "binding",
)

# category -> levels it may carry
CATEGORY_LEVELS: dict[str, tuple[int, ...]] = {
    "hedge": (1,),
    "exploratory": (1,),
    "promotion": (2,),
    "intensification": (3,),
    "scale": (4,),
    "binding": (5,),
    "restriction": (3, 4, 5),
    "prohibition": (5,),
    "avoidance": (3,),
}
RESTRICTIVE = frozenset({"restriction", "prohibition", "avoidance"})
NEGATING = frozenset({"prohibition", "avoidance"})
KINDS = ("verb", "modifier", "phrase")
LANGS = ("en", "zh")

_ENTRY_KEYS = {
    "id",
    "category",
    "level",
    "kind",
    "en",
    "zh",
    "notes",
    "follows_object",
    "renders",
    "manner",
}
_CONTEXT_KEYS = {"id", "suppresses", "en", "zh", "notes"}
# Word lists the scorer reads beside the cues, each {en: [...], zh: [...]} of patterns:
# what they mean is in docs/strength.md and in the comments of lexicon.yaml.
WORD_LISTS = (
    "modifier_heads",
    "duty_heads",
    "instrument_frames",
    "harms",
    "scope_limits",
    "past_markers",
    "nominal_verbs",
    "pushed_agents",
    "drafted_documents",
    "drafting_verbs",
)
_TOP_KEYS = {
    *WORD_LISTS,
    "version",
    "target_bonus",
    "entries",
    "negative_contexts",
    "negators",
    "clause_openers_en",
}


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a family of cue patterns sharing a category and level."""

    id: str
    category: str
    level: int
    kind: str
    en: tuple[str, ...]
    zh: tuple[str, ...]
    notes: str = ""
    follows_object: bool = False
    renders: tuple[str, ...] = ()
    manner: bool = False  # says how hard, not how far: see MANNER_DISCOUNT in score.py


@dataclass(frozen=True)
class NegativeContext:
    """A context in which cues of the listed categories are not commitments."""

    id: str
    suppresses: tuple[str, ...]
    en: tuple[str, ...]
    zh: tuple[str, ...]
    notes: str = ""


@dataclass(frozen=True)
class Lexicon:
    """The validated lexicon, with its patterns compiled once."""

    entries: tuple[Entry, ...]
    negative_contexts: tuple[NegativeContext, ...]
    negators_en: tuple[str, ...]
    negators_zh: tuple[str, ...]
    clause_openers_en: tuple[str, ...]
    target_bonus: float = 0.5
    version: int = 1
    # (name, en patterns, zh patterns) for each of WORD_LISTS
    word_lists: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()

    def word_pattern(self, name: str, lang: str) -> re.Pattern[str] | None:
        """One of :data:`WORD_LISTS` as one compiled alternation (None when empty)."""
        key = (id(self), name, lang)
        cached = _WORDS.get(key)
        if cached is not None and cached[0] is self:
            return cached[1]
        found = next((lists for lists in self.word_lists if lists[0] == name), None)
        patterns = () if found is None else (found[1] if lang == "en" else found[2])
        compiled = (
            compile_pattern("|".join(f"(?:{p})" for p in patterns), lang) if patterns else None
        )
        _WORDS[key] = (self, compiled)
        return compiled

    def cue_patterns(self, lang: str) -> tuple[tuple[Entry, re.Pattern[str]], ...]:
        return _compiled(self, lang)[0]

    def context_patterns(self, lang: str) -> tuple[tuple[NegativeContext, re.Pattern[str]], ...]:
        return _compiled(self, lang)[1]

    def negator_pattern(self, lang: str) -> re.Pattern[str] | None:
        return _compiled(self, lang)[2]

    def opener_pattern(self, exclude: tuple[str, ...] = ()) -> re.Pattern[str]:
        if not exclude:
            return _compiled(self, "en")[3]
        openers = [o for o in self.clause_openers_en if o not in exclude]
        return compile_pattern("|".join(f"(?:{o})" for o in openers) or "$^", "en")


_CACHE: dict[tuple[int, str], Any] = {}
_WORDS: dict[tuple[int, str, str], tuple[Lexicon, re.Pattern[str] | None]] = {}


def _inflect(word: str) -> str:
    """Regex for the common inflections of an English verb."""
    w = word.lower()
    if w.endswith("e"):
        return f"{w[:-1]}(?:e|es|ed|ing)"
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return f"{w[:-1]}(?:y|ies|ied|ying)"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", w):  # step -> stepped, stepping
        return f"{w}(?:s|{w[-1]}ed|{w[-1]}ing)?"
    return f"{w}(?:s|es|ed|ing)?"


def compile_pattern(pattern: str, lang: str, verb: bool = False) -> re.Pattern[str]:
    """Compile one lexicon pattern the way the scorer uses it."""
    if lang == "zh":
        return re.compile(pattern)
    head = re.match(r"[A-Za-z]+(?=\s|$)", pattern)
    if verb and head:
        pattern = _inflect(head.group(0)) + pattern[head.end() :]
    return re.compile(rf"(?<![A-Za-z])(?:{pattern})(?![A-Za-z])", re.IGNORECASE)


def _compiled(lex: Lexicon, lang: str) -> Any:
    key = (id(lex), lang)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is lex:
        return cached[1]
    cues = tuple(
        (e, compile_pattern(p, lang, e.kind == "verb"))
        for e in lex.entries
        for p in (e.en if lang == "en" else e.zh)
    )
    contexts = tuple(
        (c, compile_pattern(p, lang)) for c in lex.negative_contexts for p in getattr(c, lang)
    )
    negs = lex.negators_en if lang == "en" else lex.negators_zh
    neg = compile_pattern("|".join(f"(?:{n})" for n in negs), lang) if negs else None
    openers = compile_pattern("|".join(f"(?:{o})" for o in lex.clause_openers_en) or "$^", "en")
    value = (cues, contexts, neg, openers)
    _CACHE[key] = (lex, value)
    return value


# ---------------------------------------------------------------------------
# loading and validation


def _strings(raw: object, where: str, path: object) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(s, str) and s for s in raw):
        raise InputError(path, f"{where}: expected a list of non-empty strings")
    return tuple(raw)


def _check_regexes(patterns: tuple[str, ...], lang: str, where: str, path: object) -> None:
    for p in patterns:
        try:
            compile_pattern(p, lang)
        except re.error as exc:
            raise InputError(path, f"{where}: bad pattern {p!r}: {exc}") from None


def _entry(raw: object, i: int, path: object) -> Entry:
    where = f"entries[{i}]"
    if not isinstance(raw, dict):
        raise InputError(path, f"{where}: expected a mapping")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise InputError(path, f"{where}: unknown keys {sorted(unknown)}")
    category = raw.get("category")
    if category not in CATEGORY_LEVELS:
        raise InputError(path, f"{where}: category must be one of {sorted(CATEGORY_LEVELS)}")
    level = raw.get("level")
    if not isinstance(level, int) or isinstance(level, bool) or level not in range(1, 6):
        raise InputError(path, f"{where}: level must be an integer 1..5")
    if level not in CATEGORY_LEVELS[category]:
        raise InputError(path, f"{where}: level {level} not allowed for category {category}")
    kind = raw.get("kind", "verb")
    if kind not in KINDS:
        raise InputError(path, f"{where}: kind must be one of {list(KINDS)}")
    en = _strings(raw.get("en"), f"{where}.en", path)
    zh = _strings(raw.get("zh"), f"{where}.zh", path)
    if not en and not zh:
        raise InputError(path, f"{where}: needs at least one en or zh pattern")
    _check_regexes(en, "en", where, path)
    _check_regexes(zh, "zh", where, path)
    follows = raw.get("follows_object", False)
    if not isinstance(follows, bool):
        raise InputError(path, f"{where}: follows_object must be true or false")
    manner = raw.get("manner", False)
    if not isinstance(manner, bool):
        raise InputError(path, f"{where}: manner must be true or false")
    notes = raw.get("notes", "")
    if not isinstance(notes, str):
        raise InputError(path, f"{where}: notes must be a string")
    return Entry(
        id=str(raw.get("id", f"entry-{i}")),
        category=category,
        level=level,
        kind=kind,
        en=en,
        zh=zh,
        notes=notes.strip(),
        follows_object=follows,
        renders=_strings(raw.get("renders"), f"{where}.renders", path),
        manner=manner,
    )


def _context(raw: object, i: int, path: object) -> NegativeContext:
    where = f"negative_contexts[{i}]"
    if not isinstance(raw, dict):
        raise InputError(path, f"{where}: expected a mapping")
    unknown = set(raw) - _CONTEXT_KEYS
    if unknown:
        raise InputError(path, f"{where}: unknown keys {sorted(unknown)}")
    suppresses = _strings(raw.get("suppresses", ["scale"]), f"{where}.suppresses", path)
    bad = [c for c in suppresses if c not in CATEGORY_LEVELS]
    if bad:
        raise InputError(path, f"{where}: unknown categories {bad}")
    en = _strings(raw.get("en"), f"{where}.en", path)
    zh = _strings(raw.get("zh"), f"{where}.zh", path)
    _check_regexes(en, "en", where, path)
    _check_regexes(zh, "zh", where, path)
    return NegativeContext(
        id=str(raw.get("id", f"context-{i}")),
        suppresses=suppresses,
        en=en,
        zh=zh,
        notes=str(raw.get("notes", "")).strip(),
    )


def parse_lexicon(data: object, path: object) -> Lexicon:
    """Validate a parsed YAML document and build a :class:`Lexicon`."""
    if not isinstance(data, dict):
        raise InputError(path, "lexicon must be a YAML mapping")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise InputError(path, f"unknown top-level keys {sorted(unknown)}")
    entries_raw = data.get("entries", [])
    contexts_raw = data.get("negative_contexts", [])
    if not isinstance(entries_raw, list) or not isinstance(contexts_raw, list):
        raise InputError(path, "entries and negative_contexts must be lists")
    negators = data.get("negators", {}) or {}
    if not isinstance(negators, dict) or set(negators) - set(LANGS):
        raise InputError(path, "negators must be a mapping with keys en and zh")
    neg_en = _strings(negators.get("en"), "negators.en", path)
    neg_zh = _strings(negators.get("zh"), "negators.zh", path)
    _check_regexes(neg_en, "en", "negators", path)
    _check_regexes(neg_zh, "zh", "negators", path)
    openers = _strings(data.get("clause_openers_en"), "clause_openers_en", path)
    bonus = data.get("target_bonus", 0.5)
    if not isinstance(bonus, (int, float)) or isinstance(bonus, bool) or not 0 <= bonus <= 1:
        raise InputError(path, "target_bonus must be a number between 0 and 1")
    version = data.get("version", 1)
    if not isinstance(version, int):
        raise InputError(path, "version must be an integer")
    word_lists = []
    for name in WORD_LISTS:
        raw = data.get(name) or {}
        if not isinstance(raw, dict) or set(raw) - set(LANGS):
            raise InputError(path, f"{name} must be a mapping with keys en and zh")
        en, zh = (_strings(raw.get(lang), f"{name}.{lang}", path) for lang in LANGS)
        _check_regexes(en, "en", name, path)
        _check_regexes(zh, "zh", name, path)
        word_lists.append((name, en, zh))
    return Lexicon(
        entries=tuple(_entry(e, i, path) for i, e in enumerate(entries_raw)),
        negative_contexts=tuple(_context(c, i, path) for i, c in enumerate(contexts_raw)),
        negators_en=neg_en,
        negators_zh=neg_zh,
        clause_openers_en=openers,
        target_bonus=float(bonus),
        version=version,
        word_lists=tuple(word_lists),
    )


def _read_yaml(text: str, path: object) -> object:
    try:
        return safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(path, yaml_problem(exc)) from None


def merge(base: Lexicon, extra: Lexicon) -> Lexicon:
    """Entries/contexts of ``extra`` replace same-id ones in ``base``; the rest are appended."""
    ids = {e.id for e in extra.entries}
    cids = {c.id for c in extra.negative_contexts}
    return Lexicon(
        entries=tuple(e for e in base.entries if e.id not in ids) + extra.entries,
        negative_contexts=tuple(c for c in base.negative_contexts if c.id not in cids)
        + extra.negative_contexts,
        negators_en=base.negators_en + extra.negators_en,
        negators_zh=base.negators_zh + extra.negators_zh,
        clause_openers_en=base.clause_openers_en + extra.clause_openers_en,
        target_bonus=base.target_bonus,
        version=base.version,
        word_lists=tuple(
            (name, en + extra_en, zh + extra_zh)
            for (name, en, zh), (_, extra_en, extra_zh) in zip(
                base.word_lists or _empty_lists(), extra.word_lists or _empty_lists(), strict=True
            )
        ),
    )


def _empty_lists() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    return tuple((name, (), ()) for name in WORD_LISTS)


_SHIPPED: Lexicon | None = None


def load_lexicon(extra: Path | None = None) -> Lexicon:
    """The shipped lexicon, optionally extended/overridden by a user YAML file."""
    global _SHIPPED
    if _SHIPPED is None:
        res = resources.files("policydiff").joinpath("data/lexicon.yaml")
        _SHIPPED = parse_lexicon(_read_yaml(res.read_text(encoding="utf-8"), res), res)
    if extra is None:
        return _SHIPPED
    path = Path(extra)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read lexicon: {exc}") from None
    return merge(_SHIPPED, parse_lexicon(_read_yaml(text, path), path))
