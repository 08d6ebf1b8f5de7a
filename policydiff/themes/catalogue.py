"""The theme catalogue: YAML data in, validated :class:`Catalogue` records out.

The bundled catalogue is ``policydiff/data/themes.yaml``; extra files (a corpus-level
``corpus/themes.yaml``, a user's ``--themes FILE``) are applied in order and override or
extend the bundled entries by ``id``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from policydiff.errors import InputError, UsageError
from policydiff.runtime.files import yaml_problem
from policydiff.runtime.safe_regex import UnsafePattern, compile_pattern
from policydiff.runtime.untrusted import Refused, SafeLoader, load_yaml, read_regular

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
# A catalogue of a few hundred themes is tens of kilobytes.
CATALOGUE_LIMIT = 5_000_000
_KEYS = {
    "id", "label", "label_zh", "en", "zh", "exclude", "require", "patterns", "keywords",
    "other_indicators", "polarity", "note",
}  # fmt: skip
POLARITIES = ("promote", "control")
_LANG_KEYS = {"en", "zh"}


@dataclass(frozen=True)
class Theme:
    """One theme: labels and the surface variants that mention it, per language."""

    id: str
    label: str
    label_zh: str
    en: tuple[str, ...]
    zh: tuple[str, ...]
    exclude_en: tuple[str, ...] = ()
    exclude_zh: tuple[str, ...] = ()
    require_en: tuple[str, ...] = ()
    require_zh: tuple[str, ...] = ()
    patterns_en: tuple[str, ...] = ()
    patterns_zh: tuple[str, ...] = ()
    # words that carry the theme on within a sentence that names it: a clause holding
    # one speaks of the theme, and a target of an indicator holding one measures it
    keywords_en: tuple[str, ...] = ()
    keywords_zh: tuple[str, ...] = ()
    # words that make a target another indicator than the theme's, even in a clause that
    # names the theme (建筑垃圾*排放量*不高于300吨/万平方米 does not measure recycling)
    other_indicators_en: tuple[str, ...] = ()
    other_indicators_zh: tuple[str, ...] = ()
    # "control": the theme is itself a limit (demolition, coal use), so restricting what
    # it names commits to it; "promote": restricting it works against it
    polarity: str = "promote"
    note: str = ""
    # From the bundled catalogue (compiled with ``re``) or from a file others may write
    # (compiled with RE2, see :mod:`policydiff.runtime.safe_regex`). Not in the repr:
    # the engine changes how long a match takes, not what it finds.
    trusted: bool = field(default=True, repr=False)

    def variants(self, lang: str) -> tuple[str, ...]:
        return self.zh if lang == "zh" else self.en

    def excludes(self, lang: str) -> tuple[str, ...]:
        return self.exclude_zh if lang == "zh" else self.exclude_en

    def requires(self, lang: str) -> tuple[str, ...]:
        return self.require_zh if lang == "zh" else self.require_en

    def patterns(self, lang: str) -> tuple[str, ...]:
        return self.patterns_zh if lang == "zh" else self.patterns_en

    def keywords(self, lang: str) -> tuple[str, ...]:
        return self.keywords_zh if lang == "zh" else self.keywords_en

    def other_indicators(self, lang: str) -> tuple[str, ...]:
        return self.other_indicators_zh if lang == "zh" else self.other_indicators_en


@dataclass(frozen=True)
class Catalogue:
    """An ordered, id-unique set of themes."""

    themes: tuple[Theme, ...]

    def get(self, theme_id: str) -> Theme | None:
        return self._by_id.get(theme_id)

    @cached_property
    def _by_id(self) -> dict[str, Theme]:
        """The first theme of each id (the analysis looks a theme up for every mention)."""
        by_id: dict[str, Theme] = {}
        for theme in self.themes:
            by_id.setdefault(theme.id, theme)
        return by_id

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)

    def __len__(self) -> int:
        return len(self.themes)

    def glossary(self) -> tuple[tuple[Theme, tuple[str, ...], tuple[str, ...]], ...]:
        """(theme, en variants, zh terms) for every theme with both: bilingual anchors."""
        return tuple((t, t.en, t.zh) for t in self.themes if t.en and t.zh)


def _str_list(path: object, where: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(path, f"{where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _per_lang(path: object, where: str, value: Any) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InputError(path, f"{where} must be a mapping with keys 'en' and/or 'zh'")
    unknown = set(value) - _LANG_KEYS
    if unknown:
        raise InputError(path, f"{where} has unknown language key(s): {sorted(unknown)}")
    return {lang: _str_list(path, f"{where}.{lang}", v) for lang, v in value.items()}


def _check_regexes(path: object, where: str, items: tuple[str, ...], trusted: bool) -> None:
    for item in items:
        try:
            compile_pattern(item, trusted=trusted)
        except UnsafePattern as exc:
            raise InputError(path, f"{where}: invalid regular expression {item!r}: {exc}") from exc


def theme_from_mapping(path: object, entry: Any, index: int, trusted: bool = True) -> Theme:
    """Validate one catalogue entry; ``InputError(path, ...)`` names the problem."""
    if not isinstance(entry, Mapping):
        raise InputError(path, f"theme #{index + 1} must be a mapping")
    theme_id = entry.get("id")
    if theme_id is None:
        raise InputError(path, f"theme #{index + 1} has no 'id' (a lower-case slug)")
    if not isinstance(theme_id, str) or not _ID.fullmatch(theme_id):
        raise InputError(
            path, f"theme #{index + 1}: 'id' must be a lower-case slug, got {theme_id!r}"
        )
    where = f"theme {theme_id!r}"
    unknown = set(entry) - _KEYS
    if unknown:
        raise InputError(path, f"{where}: unknown key(s) {sorted(unknown)}")
    for key in ("label", "label_zh"):
        if key not in entry:
            raise InputError(path, f"{where}: missing required key {key!r}")
        if not isinstance(entry[key], str):
            raise InputError(path, f"{where}: {key!r} must be a string")
    en = _str_list(path, f"{where}.en", entry.get("en"))
    zh = _str_list(path, f"{where}.zh", entry.get("zh"))
    if not en and not zh:
        raise InputError(path, f"{where}: needs at least one 'en' or 'zh' variant")
    exclude = _per_lang(path, f"{where}.exclude", entry.get("exclude"))
    require = _per_lang(path, f"{where}.require", entry.get("require"))
    patterns = _per_lang(path, f"{where}.patterns", entry.get("patterns"))
    for name, group in (("exclude", exclude), ("require", require), ("patterns", patterns)):
        for lang, items in group.items():
            _check_regexes(path, f"{where}.{name}.{lang}", items, trusted)
    keywords = _per_lang(path, f"{where}.keywords", entry.get("keywords"))
    others = _per_lang(path, f"{where}.other_indicators", entry.get("other_indicators"))
    polarity = entry.get("polarity", "promote")
    if polarity not in POLARITIES:
        raise InputError(path, f"{where}: 'polarity' must be one of {', '.join(POLARITIES)}")
    note = entry.get("note", "")
    if not isinstance(note, str):
        raise InputError(path, f"{where}: 'note' must be a string")
    return Theme(
        id=theme_id,
        label=entry["label"],
        label_zh=entry["label_zh"],
        en=en,
        zh=zh,
        exclude_en=exclude.get("en", ()),
        exclude_zh=exclude.get("zh", ()),
        require_en=require.get("en", ()),
        require_zh=require.get("zh", ()),
        patterns_en=patterns.get("en", ()),
        patterns_zh=patterns.get("zh", ()),
        keywords_en=keywords.get("en", ()),
        keywords_zh=keywords.get("zh", ()),
        other_indicators_en=others.get("en", ()),
        other_indicators_zh=others.get("zh", ()),
        polarity=polarity,
        note=note,
        trusted=trusted,
    )


def parse_catalogue(
    text: str, path: object = "<themes>", *, trusted: bool = True
) -> tuple[Theme, ...]:
    """Parse and validate one catalogue file's text (ids must be unique within it).

    An untrusted catalogue (``trusted=False``) is read like corpus metadata (no
    aliases, no duplicate keys) and its patterns are compiled with RE2."""
    try:
        data = load_yaml(text, SafeLoader)
    except Refused as exc:
        raise InputError(path, str(exc)) from exc
    except yaml.YAMLError as exc:
        raise InputError(path, yaml_problem(exc)) from exc
    if isinstance(data, Mapping):
        if "themes" not in data:
            raise InputError(path, "missing top-level key 'themes'")
        data = data["themes"]
    if data is None:
        return ()
    if not isinstance(data, list):
        raise InputError(path, "'themes' must be a list of theme entries")
    themes = tuple(theme_from_mapping(path, entry, i, trusted) for i, entry in enumerate(data))
    seen: set[str] = set()
    for theme in themes:
        if theme.id in seen:
            raise InputError(path, f"duplicate theme id {theme.id!r}")
        seen.add(theme.id)
    return themes


def merge_themes(base: Sequence[Theme], extra: Sequence[Theme]) -> tuple[Theme, ...]:
    """``base`` with ``extra`` applied: same id replaces in place, new ids are appended."""
    merged = {t.id: t for t in base}
    order = [t.id for t in base]
    for theme in extra:
        if theme.id not in merged:
            order.append(theme.id)
        merged[theme.id] = theme
    return tuple(merged[i] for i in order)


def bundled_catalogue_text() -> str:
    return resources.files("policydiff").joinpath("data/themes.yaml").read_text(encoding="utf-8")


def load_catalogue(extra: Sequence[Path] = (), may_be_empty: Sequence[Path] = ()) -> Catalogue:
    """The bundled catalogue, then each file of ``extra`` in order (later files win by id);
    a file that adds no theme is refused unless it is one of ``may_be_empty``.

    Extra files are untrusted: regular files only, size-limited, patterns under RE2."""
    themes = parse_catalogue(bundled_catalogue_text(), "policydiff/data/themes.yaml")
    for path in extra:
        path = Path(path)
        try:
            text = read_regular(path, CATALOGUE_LIMIT).decode("utf-8")
        except FileNotFoundError as exc:
            raise InputError(path, "theme catalogue file not found") from exc
        except Refused as exc:
            raise InputError(path, str(exc)) from exc
        except UnicodeDecodeError as exc:
            raise InputError(path, f"theme catalogue is not UTF-8 ({exc.reason})") from exc
        except OSError as exc:
            raise InputError(path, f"cannot read theme catalogue: {exc.strerror}") from exc
        added = parse_catalogue(text, path, trusted=False)
        if not added and path not in may_be_empty:
            # a file given that adds nothing is a mistake (the wrong file, or a blank one)
            raise InputError(path, "holds no theme (a 'themes:' list of entries)")
        themes = merge_themes(themes, added)
    return Catalogue(themes)


CORPUS_CATALOGUE = "themes.yaml"


def corpus_catalogue(corpus_path: Path, files: Sequence[Path] = ()) -> Catalogue:
    """The bundled catalogue, then ``corpus/themes.yaml`` if it exists, then ``files``."""
    corpus_file = Path(corpus_path) / CORPUS_CATALOGUE
    extra = [corpus_file] if os.path.lexists(corpus_file) else []
    # the corpus's own file may stand empty, a place for themes to come
    return load_catalogue([*extra, *(Path(f) for f in files)], may_be_empty=extra)


def closest_ids(query: str, ids: Sequence[str], limit: int = 3) -> tuple[str, ...]:
    """The ``limit`` ids nearest to ``query`` (rapidfuzz WRatio), best first."""
    found = process.extract(query, list(ids), scorer=fuzz.WRatio, limit=limit)
    return tuple(str(choice) for choice, _score, _index in found)


def resolve_theme(catalogue: Catalogue, query: str) -> Theme:
    """The theme a user means by ``query``: its id, its English or Chinese label
    (海绵城市), or a term or variant that names one theme only; else a
    :class:`UsageError` naming the closest ids."""
    theme = catalogue.get(query)
    if theme is not None:
        return theme
    wanted = query.strip().casefold()
    for matches in (
        [t for t in catalogue.themes if wanted in (t.label.casefold(), t.label_zh.casefold())],
        [t for t in catalogue.themes if wanted in {v.casefold() for v in (*t.en, *t.zh)}],
    ):
        if len(matches) == 1:
            return matches[0]
    labels = {t.label: t.id for t in catalogue.themes} | {
        t.label_zh: t.id for t in catalogue.themes
    }
    near = closest_ids(query, [*catalogue.ids, *labels])
    ids = tuple(dict.fromkeys(labels.get(n, n) for n in near))
    hint = f"; did you mean {', '.join(ids)}?" if ids else ""
    raise UsageError(f"unknown theme {query!r}{hint}")
