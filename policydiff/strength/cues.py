"""Directive cues in a clause: the lexicon's patterns matched, suppressed where a context
says they are not commitments, and merged into cue phrases (大力+推广 = 大力推广)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from policydiff.models import pickled_by_fields
from policydiff.runtime.prefixed import finditer_at, source_prefix
from policydiff.strength.lexicon import (
    RESTRICTIVE,
    Entry,
    Lexicon,
    NegativeContext,
    load_lexicon,
)

SENTENCE_CACHE_SIZE = 4096


@pickled_by_fields
@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int
    category: str
    level: int


@dataclass(frozen=True)
class CueMatch:
    start: int
    end: int
    pieces: tuple[tuple[int, int, Entry], ...]  # the lexicon matches merged into this cue

    # cached: scoring asks a cue for its parts and level many times
    @cached_property
    def parts(self) -> tuple[Entry, ...]:
        return tuple(entry for _, _, entry in self.pieces)

    @cached_property
    def level(self) -> int:
        return max(e.level for e in self.parts)

    @property
    def category(self) -> str:
        restrictive = [e for e in self.parts if e.category in RESTRICTIVE]
        if restrictive:
            return restrictive[0].category
        return max(self.parts, key=lambda e: e.level).category

    @property
    def follows_object(self) -> bool:
        return any(e.follows_object for e in self.parts)


def check_lang(lang: str) -> str:
    if lang == "en" or lang == "zh":  # nearly every call: the code as the analysis keeps it
        return lang
    lang = lang.lower().split("-")[0]
    if lang not in ("en", "zh"):
        raise ValueError(f"unsupported language {lang!r}; expected 'en' or 'zh'")
    return lang


def clamp(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start = min(max(0, span[0]), len(text))
    end = min(max(start, span[1]), len(text))
    return start, end


# Characters that ``re.IGNORECASE`` matches to an ASCII letter although ``str.lower()``
# does not map them to it: texts holding one skip the literal-prefix prefilter.
FOLD_SPECIAL = frozenset("\u0130\u0131\u017f\u212a")
_EN_WRAP = ("(?<![A-Za-z])(?:", ")(?![A-Za-z])")


def cue_prefix(pattern: re.Pattern[str], lang: str) -> str:
    """Literal text every match of a compiled lexicon pattern starts with ("" if unknown);
    lower-case for English (whose patterns ignore case)."""
    body = pattern.pattern
    if lang == "en":
        if not (body.startswith(_EN_WRAP[0]) and body.endswith(_EN_WRAP[1])):
            return ""
        body = body[len(_EN_WRAP[0]) : -len(_EN_WRAP[1])]
    prefix = source_prefix(body, ascii_only=lang == "en")
    return prefix.lower() if lang == "en" else prefix


T = TypeVar("T")


@dataclass(frozen=True)
class Prefixed(Generic[T]):
    """Patterns, each the second of a triple whose third is the literal prefix its
    matches start with, by the first character of that prefix."""

    items: tuple[tuple[T, re.Pattern[str], str], ...]
    at_first: dict[str, tuple[int, ...]]  # first character of a prefix -> positions
    unprefixed: tuple[int, ...]

    @classmethod
    def of(cls, items: Sequence[tuple[T, re.Pattern[str], str]]) -> Prefixed[T]:
        at: dict[str, list[int]] = {}
        for i, (_, _, prefix) in enumerate(items):
            if prefix:
                at.setdefault(prefix[0], []).append(i)
        return cls(
            tuple(items),
            {char: tuple(positions) for char, positions in at.items()},
            tuple(i for i, (_, _, prefix) in enumerate(items) if not prefix),
        )

    def starting_with(self, char: str) -> Iterator[tuple[T, re.Pattern[str], str]]:
        """The items whose prefix opens on ``char``."""
        return (self.items[i] for i in self.at_first.get(char, ()))

    def without_prefix(self) -> Iterator[tuple[T, re.Pattern[str], str]]:
        return (self.items[i] for i in self.unprefixed)

    def candidates(self, hay: str | None) -> Sequence[tuple[T, re.Pattern[str], str]]:
        """The items, in order, that may match in a text whose prefilter is ``hay`` (all
        of them without one): a prefix can stand in ``hay`` only if its first character
        does."""
        if hay is None:
            return self.items
        at = set(self.unprefixed)
        for char in set(hay).intersection(self.at_first):
            at.update(self.at_first[char])
        return [self.items[i] for i in sorted(at)]


@dataclass(frozen=True)
class CueIndex:
    """A lexicon's cue patterns with the literal prefix each match must start with."""

    cues: tuple[tuple[Entry, re.Pattern[str], str], ...]
    openers: re.Pattern[str] | None
    openers_past_and: re.Pattern[str] | None
    # the negative contexts' patterns, each with its literal prefix, as ``cues``
    contexts: tuple[tuple[NegativeContext, re.Pattern[str], str], ...] = ()

    @cached_property
    def cue_candidates(self) -> Prefixed[Entry]:
        """``cues`` indexed, to try only those that may match a text."""
        return Prefixed.of(self.cues)

    @cached_property
    def context_candidates(self) -> Prefixed[NegativeContext]:
        """``contexts`` indexed, to try only those that may match a text."""
        return Prefixed.of(self.contexts)


_INDEX: dict[tuple[int, str], tuple[Lexicon, CueIndex]] = {}


def cue_index(lex: Lexicon, lang: str) -> CueIndex:
    key = (id(lex), lang)
    cached = _INDEX.get(key)
    if cached is not None and cached[0] is lex:
        return cached[1]
    index = CueIndex(
        cues=tuple((e, p, cue_prefix(p, lang)) for e, p in lex.cue_patterns(lang)),
        openers=lex.opener_pattern() if lang == "en" else None,
        openers_past_and=lex.opener_pattern(exclude=("and",)) if lang == "en" else None,
        contexts=tuple((c, p, cue_prefix(p, lang)) for c, p in lex.context_patterns(lang)),
    )
    _INDEX[key] = (lex, index)
    return index


def cue_at(sentence: str, low: str | None, pos: int, index: CueIndex) -> bool:
    """Whether an English cue pattern matches at ``pos`` (``low``: ``sentence.lower()``,
    None to try every pattern)."""
    if low is None:
        return any(p.match(sentence, pos) for _, p, _ in index.cues)
    if any(p.match(sentence, pos) for _, p, _ in index.cue_candidates.without_prefix()):
        return True
    return any(
        low.startswith(prefix, pos) and p.match(sentence, pos)
        for _, p, prefix in index.cue_candidates.starting_with(low[pos : pos + 1])
    )


# ---------------------------------------------------------------------------
# cue matching

_EN_MERGE_MOD = re.compile(r"(?:\s+|\s+and\s+|\s*,\s*|-)", re.IGNORECASE)
_EN_MERGE_VERB = re.compile(r"\s+(?:the\s+|a\s+)?", re.IGNORECASE)
# the conjunctions that join two cues into one (鼓励和推动, 加强并完善, 鼓励、支持)
ZH_CONJUNCTIONS = "、和并与"
# between a modifier and its verb: a conjunction, or an adverb of manner that is no cue
# (严格合理控制, 科学有序推进)
_ZH_MERGE = re.compile(rf"[{ZH_CONJUNCTIONS}]?(?:合理|有效|科学|依法|规范)?")


_EN_DETERMINER = re.compile(
    r"(?:\b(?:the|a|an|its|their|this|that|of)\s+)$"
    # compound adjectives: "carbon reducing renovation", "energy saving products"
    r"|\b(?:carbon|emissions?|energy|water|pollution|cost|labou?r)[- ]$",
    re.IGNORECASE,
)
_EN_OF = re.compile(r"\s+of\b", re.IGNORECASE)


def _nominal(text: str, start: int, end: int) -> bool:
    """English verb-shaped words used as nouns or adjectives: "the blind launch of",
    "the integrated development"."""
    return bool(_EN_DETERMINER.search(text, 0, start) or _EN_OF.match(text, end))


def _hay(text: str, lang: str) -> str | None:
    """What a pattern's literal prefix is looked for in (None: no prefilter): the text,
    lower-cased in English, whose patterns ignore case."""
    if lang != "en":
        return text
    return text.lower() if FOLD_SPECIAL.isdisjoint(text) else None


def _matches(
    pattern: re.Pattern[str], text: str, lang: str, prefix: str, hay: str | None
) -> Iterable[re.Match[str]]:
    """``pattern.finditer(text)``, nothing where ``hay`` lacks the prefix; an English
    pattern, which opens on a look-behind, tried only where its prefix stands."""
    if hay is None or not prefix:
        return pattern.finditer(text)
    if prefix not in hay:
        return ()
    return finditer_at(pattern, text, prefix, hay) if lang == "en" else pattern.finditer(text)


def raw_matches(text: str, lang: str, lex: Lexicon) -> list[CueMatch]:
    index = cue_index(lex, lang)
    hay = _hay(text, lang)
    found = [
        CueMatch(m.start(), m.end(), ((m.start(), m.end(), entry),))
        for entry, pattern, prefix in index.cue_candidates.candidates(hay)
        for m in _matches(pattern, text, lang, prefix, hay)
        if m.end() > m.start()
        and not (lang == "en" and entry.kind == "verb" and _nominal(text, m.start(), m.end()))
    ]
    # leftmost, then longest match wins; then the higher level
    found.sort(key=lambda m: (m.start, -(m.end - m.start), -m.level))
    kept: list[CueMatch] = []
    for m in found:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    if lang == "zh":
        nominal = lex.word_pattern("nominal_verbs", "zh")
        if nominal is not None:
            ends = {m.end for m in kept}
            kept = [m for m in kept if not _zh_nominal(text, m, nominal, ends)]
    return kept


# adverbials before a verb, which stays a verb after them (高质量建设, 率先建设) ...
_ZH_ADVERBS = ("高质量", "高质效", "高标准", "高水平", "高起点", "率先", "先行", "(?<!不)合理")
# ... and adverbials that are nouns too, and nouns after a noun (电力系统建设, 居民点集中建设)
_ZH_ALSO_NOUNS = ("协同", "系统", "统一", "集中", "整体")
_ZH_ADVERBIAL = re.compile(f"(?:{'|'.join((*_ZH_ADVERBS, *_ZH_ALSO_NOUNS))})$")
# modal verbs: what follows one is a verb (应集中建设), whatever it could be after a noun
ZH_MODAL = re.compile(r"[要应须将需]")

# the standard or requirement a verb after it keeps to (按照二星级及以上标准建设, 应当按照…要求
# 建设): that verb is the act done, not a noun
BY_A_STANDARD = re.compile(
    r"按照?[^，,；;。、（）()：:\s]{0,40}?(?:标准|要求|规范|规划|水平)(?:进行)?$"
)


def _zh_nominal(text: str, m: CueMatch, nominal: re.Pattern[str], ends: set[int]) -> bool:
    """建设 in 城乡建设, 发展 in 绿色发展: a verb right after a noun, not after a cue, a
    break or the standard it keeps to, heads a noun phrase."""
    if not nominal.fullmatch(text, m.start, m.end) or m.start == 0 or m.start in ends:
        return False
    if BY_A_STANDARD.search(text, 0, m.start):
        return False
    adverbial = _ZH_ADVERBIAL.search(text, max(0, m.start - 4), m.start)
    if adverbial and not (
        adverbial.group() in _ZH_ALSO_NOUNS and _noun_after_noun(text, adverbial.start(), ends)
    ):
        return False  # 高质量建设, 高标准建设: an adverbial before a verb
    return _after_noun(text, m.start, ends)


def _after_noun(text: str, start: int, ends: set[int]) -> bool:
    """Whether the word at ``start`` follows a noun: a Chinese character that ends no cue."""
    return start > 0 and start not in ends and "\u4e00" <= text[start - 1] <= "\u9fff"


def _noun_after_noun(text: str, start: int, ends: set[int]) -> bool:
    """Whether an adverbial that is a noun too (系统, 集中 …) at ``start`` is a noun: after a
    noun (电力系统建设: the power system, not "systematically"), not after a modal verb or
    并, after which an adverb goes with the verb (应集中建设, 并整体利用)."""
    if start > 0 and (text[start - 1] == "并" or ZH_MODAL.fullmatch(text, start - 1, start)):
        return False
    return _after_noun(text, start, ends)


Dropped = tuple[CueMatch, str]  # a cue suppressed, with the context that suppressed it

_CLAUSE_CUES: dict[tuple[str, str], tuple[Lexicon, tuple[CueMatch, ...], tuple[Dropped, ...]]] = {}


def clause_cues(clause: str, lang: str, lex: Lexicon) -> tuple[list[CueMatch], list[Dropped]]:
    """``suppress(raw_matches(...))`` of a clause, cached per clause text: the same
    clause is read for its cues at several stages (its strength, whether it commits, its
    object), and matching every pattern is the costly part."""
    cached = _CLAUSE_CUES.get((clause, lang))
    if cached is None or cached[0] is not lex:
        kept, dropped = suppress(clause, lang, lex, raw_matches(clause, lang, lex))
        if len(_CLAUSE_CUES) >= SENTENCE_CACHE_SIZE:
            _CLAUSE_CUES.clear()
        cached = (lex, tuple(kept), tuple(dropped))
        _CLAUSE_CUES[(clause, lang)] = cached
    return list(cached[1]), list(cached[2])


def suppress(
    text: str, lang: str, lex: Lexicon, matches: list[CueMatch]
) -> tuple[list[CueMatch], list[Dropped]]:
    dropped: list[Dropped] = []
    hay = _hay(text, lang)
    contexts = [
        (c, m)
        for c, p, prefix in cue_index(lex, lang).context_candidates.candidates(hay)
        for m in _matches(p, text, lang, prefix, hay)
    ]
    kept = []
    for match in matches:
        hit = next(
            (
                cm
                for ctx, cm in contexts
                if match.category in ctx.suppresses
                and cm.start() < match.end
                and match.start < cm.end()
            ),
            None,
        )
        if hit is None:
            kept.append(match)
        else:
            dropped.append((match, hit.group(0)))
    return kept, dropped


def merge_cues(text: str, lang: str, matches: list[CueMatch]) -> list[CueMatch]:
    """Join modifier+verb ("vigorously promote", 大力推广) and verb+scale phrase
    ("promote the large-scale development") into one cue; its level is the max."""
    out: list[CueMatch] = []
    for m in matches:
        if out:
            prev = out[-1]
            gap = text[prev.end : m.start]
            last = prev.parts[-1]
            if lang == "zh":
                join = _ZH_MERGE.fullmatch(gap) is not None
            else:
                head = m.parts[0]
                join = (last.kind == "modifier" and _EN_MERGE_MOD.fullmatch(gap) is not None) or (
                    last.kind == "verb"
                    and (
                        head.kind == "phrase" or (head.category == "scale" and head.kind != "verb")
                    )
                    and _EN_MERGE_VERB.fullmatch(gap) is not None
                )
            if join:
                out[-1] = CueMatch(prev.start, m.end, prev.pieces + m.pieces)
                continue
        out.append(m)
    return out


def find_cues(text: str, lang: str, lexicon: Lexicon | None = None) -> tuple[Cue, ...]:
    """All (merged, unsuppressed) cues in ``text``."""
    lang = check_lang(lang)
    lex = lexicon or load_lexicon()
    kept, _ = clause_cues(text, lang, lex)
    return tuple(
        Cue(text[m.start : m.end], m.start, m.end, m.category, m.level)
        for m in merge_cues(text, lang, kept)
    )
