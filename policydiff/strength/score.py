"""Score the commitment strength of one theme mention (see docs/strength.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from policydiff.strength.lexicon import (
    LEVEL_NAMES,
    NEGATING,
    RESTRICTIVE,
    Entry,
    Lexicon,
    load_lexicon,
)
from policydiff.strength.targets import Target, find_target_spans

FAR_CHARS = {"en": 40, "zh": 15}  # a cue further than this from the theme gets a caveat
NEAR_CHARS = {"en": 4, "zh": 1}  # a negator this close before a cue negates it
# A manner modifier (大力 "vigorously") on a weaker verb asserts effort, not reach: the cue
# keeps the modifier's level but counts this much below the same level stated as an
# outcome (规模化发展 "large-scale development", 全覆盖 "full coverage").
MANNER_DISCOUNT = 0.5


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int
    category: str
    level: int


@dataclass(frozen=True)
class StrengthScore:
    level: int
    level_name: str
    strength: float
    cue: str
    cues: tuple[Cue, ...]
    targets: tuple[Target, ...]
    restriction: bool
    negated: bool
    caveats: tuple[str, ...]


@dataclass(frozen=True)
class _Match:
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


def _check_lang(lang: str) -> str:
    lang = lang.lower().split("-")[0]
    if lang not in ("en", "zh"):
        raise ValueError(f"unsupported language {lang!r}; expected 'en' or 'zh'")
    return lang


def _clamp(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start = min(max(0, span[0]), len(text))
    end = min(max(start, span[1]), len(text))
    return start, end


# ---------------------------------------------------------------------------
# clauses

_ZH_HARD = re.compile(r"[，,；;。？！?!：:\n]")
_EN_HARD = re.compile(r";\s|;$|[!?:\n]|\.(?=\s|$)|,\s+(?:but|while|thereby)\s")
_EN_COMMA = re.compile(r",\s+")
# ", and X" closes a list ("green cities, forest cities, and waste-free cities") unless X
# opens a new verb phrase ("…, and carry out in-depth actions"): look past the conjunction.
_EN_CONJUNCTION = re.compile(r"(?:and|as well as)\s+", re.IGNORECASE)
# ", and the goal … will be achieved": a subject with its own finite verb is a new clause.
_EN_FINITE = re.compile(r"\b(?:will|shall|should|must|is|are|was|were|has|have)\b", re.IGNORECASE)


# Characters that ``re.IGNORECASE`` matches to an ASCII letter although ``str.lower()``
# does not map them to it: texts holding one skip the literal-prefix prefilter.
_FOLD_SPECIAL = frozenset("\u0130\u0131\u017f\u212a")
_META = frozenset(".^$*+?{}[]\\|()")
_EN_WRAP = ("(?<![A-Za-z])(?:", ")(?![A-Za-z])")


def _top_level_bar(body: str) -> bool:
    """Whether a regex has an alternation outside any group."""
    depth, i, in_class = 0, 0, False
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if body[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


def literal_prefix(pattern: re.Pattern[str], lang: str) -> str:
    """Literal text every match of a compiled lexicon pattern starts with ("" if unknown);
    lower-case for English (whose patterns ignore case)."""
    body = pattern.pattern
    if lang == "en":
        if not (body.startswith(_EN_WRAP[0]) and body.endswith(_EN_WRAP[1])):
            return ""
        body = body[len(_EN_WRAP[0]) : -len(_EN_WRAP[1])]
    if _top_level_bar(body):
        return ""
    out: list[str] = []
    for ch in body:
        if ch in _META:
            if ch in "*?{" and out:
                out.pop()  # the character before is optional
            break
        if lang == "en" and not ch.isascii():
            break
        out.append(ch)
    prefix = "".join(out)
    return prefix.lower() if lang == "en" else prefix


@dataclass(frozen=True)
class _CueIndex:
    """A lexicon's cue patterns with the literal prefix each match must start with."""

    cues: tuple[tuple[Entry, re.Pattern[str], str], ...]
    by_first: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]  # en: first letter -> cues
    always: tuple[re.Pattern[str], ...]  # en cues without a prefix
    openers: re.Pattern[str] | None
    openers_past_and: re.Pattern[str] | None


_INDEX: dict[tuple[int, str], tuple[Lexicon, _CueIndex]] = {}


def _cue_index(lex: Lexicon, lang: str) -> _CueIndex:
    key = (id(lex), lang)
    cached = _INDEX.get(key)
    if cached is not None and cached[0] is lex:
        return cached[1]
    cues = tuple((e, p, literal_prefix(p, lang)) for e, p in lex.cue_patterns(lang))
    by_first: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for _, p, prefix in cues:
        if prefix:
            by_first.setdefault(prefix[0], []).append((prefix, p))
    index = _CueIndex(
        cues=cues,
        by_first={k: tuple(v) for k, v in by_first.items()},
        always=tuple(p for _, p, prefix in cues if not prefix),
        openers=lex.opener_pattern() if lang == "en" else None,
        openers_past_and=lex.opener_pattern(exclude=("and",)) if lang == "en" else None,
    )
    _INDEX[key] = (lex, index)
    return index


def _cue_at(sentence: str, low: str | None, pos: int, index: _CueIndex) -> bool:
    """Whether an English cue pattern matches at ``pos`` (``low``: ``sentence.lower()``,
    None to try every pattern)."""
    if low is None:
        return any(p.match(sentence, pos) for _, p, _ in index.cues)
    if any(p.match(sentence, pos) for p in index.always):
        return True
    return any(
        low.startswith(prefix, pos) and p.match(sentence, pos)
        for prefix, p in index.by_first.get(low[pos : pos + 1], ())
    )


_SENTENCE_CACHE_SIZE = 4096
_BOUNDARIES: dict[tuple[str, str], tuple[Lexicon, tuple[tuple[int, int], ...]]] = {}


def _boundaries(sentence: str, lang: str, lex: Lexicon) -> tuple[tuple[int, int], ...]:
    """Cut points as (end of previous clause, start of next clause); cached per sentence."""
    cached = _BOUNDARIES.get((sentence, lang))
    if cached is not None and cached[0] is lex:
        return cached[1]
    cuts = _find_boundaries(sentence, lang, lex)
    if len(_BOUNDARIES) >= _SENTENCE_CACHE_SIZE:
        _BOUNDARIES.clear()
    _BOUNDARIES[(sentence, lang)] = (lex, cuts)
    return cuts


def _find_boundaries(sentence: str, lang: str, lex: Lexicon) -> tuple[tuple[int, int], ...]:
    if lang == "zh":
        return tuple((m.start(), m.end()) for m in _ZH_HARD.finditer(sentence))
    cuts = [(m.start(), m.end()) for m in _EN_HARD.finditer(sentence)]
    index = _cue_index(lex, "en")
    assert index.openers is not None and index.openers_past_and is not None
    low = sentence.lower() if _FOLD_SPECIAL.isdisjoint(sentence) else None
    for m in _EN_COMMA.finditer(sentence):
        conjunction = _EN_CONJUNCTION.match(sentence, m.end())
        if conjunction:
            at = conjunction.end()
            rest = sentence[at : at + 200].split(",")[0]
            if (
                _cue_at(sentence, low, at, index)
                or index.openers_past_and.match(sentence, at)
                or _EN_FINITE.search(rest)
            ):
                cuts.append((m.start(), conjunction.end()))
            continue
        if _cue_at(sentence, low, m.end(), index) or index.openers.match(sentence, m.end()):
            cuts.append((m.start(), m.end()))
    return tuple(sorted(cuts))


def clause_bounds(
    sentence: str, lang: str, span: tuple[int, int], lexicon: Lexicon | None = None
) -> tuple[int, int]:
    """The [start, end) of the clause of ``sentence`` that carries ``span``.

    zh splits at ，；。？！： but never at 、 (which joins list items of one clause).
    en splits at "; ", sentence ends, ", and …" and at ", " when the next word opens a
    new verb phrase (a lexicon cue or one of ``clause_openers_en``).
    """
    lang = _check_lang(lang)
    lex = lexicon or load_lexicon()
    s, e = _clamp(sentence, span)
    start, end = 0, len(sentence)
    for cut_end, cut_next in _boundaries(sentence, lang, lex):
        if cut_next <= s:
            start = max(start, cut_next)
        elif cut_end >= e and cut_end >= s:
            end = min(end, cut_end)
            break
    return start, max(start, end)


# ---------------------------------------------------------------------------
# cue matching

_EN_MERGE_MOD = re.compile(r"(?:\s+|\s+and\s+|\s*,\s*|-)", re.IGNORECASE)
_EN_MERGE_VERB = re.compile(r"\s+(?:the\s+|a\s+)?", re.IGNORECASE)
_ZH_MERGE = re.compile(r"[、和并与]?")


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


def _raw_matches(text: str, lang: str, lex: Lexicon) -> list[_Match]:
    index = _cue_index(lex, lang)
    # what a literal prefix is looked for in (None: no prefilter)
    hay: str | None = text
    if lang == "en":
        hay = text.lower() if _FOLD_SPECIAL.isdisjoint(text) else None
    found = [
        _Match(m.start(), m.end(), ((m.start(), m.end(), entry),))
        for entry, pattern, prefix in index.cues
        if hay is None or prefix in hay
        for m in pattern.finditer(text)
        if m.end() > m.start()
        and not (lang == "en" and entry.kind == "verb" and _nominal(text, m.start(), m.end()))
    ]
    # leftmost, then longest match wins; then the higher level
    found.sort(key=lambda m: (m.start, -(m.end - m.start), -m.level))
    kept: list[_Match] = []
    for m in found:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


_CLAUSE_CUES: dict[tuple[str, str], tuple[Lexicon, tuple[_Match, ...], tuple]] = {}


def _clause_cues(clause: str, lang: str, lex: Lexicon) -> tuple[list[_Match], list]:
    """``_suppress(_raw_matches(...))`` of a clause, cached per clause text."""
    cached = _CLAUSE_CUES.get((clause, lang))
    if cached is None or cached[0] is not lex:
        kept, dropped = _suppress(clause, lang, lex, _raw_matches(clause, lang, lex))
        if len(_CLAUSE_CUES) >= _SENTENCE_CACHE_SIZE:
            _CLAUSE_CUES.clear()
        cached = (lex, tuple(kept), tuple(dropped))
        _CLAUSE_CUES[(clause, lang)] = cached
    return list(cached[1]), list(cached[2])


def _suppress(text: str, lang: str, lex: Lexicon, matches: list[_Match]) -> tuple[list, list]:
    dropped: list[tuple[_Match, str]] = []
    contexts = [(c, m) for c, p in lex.context_patterns(lang) for m in p.finditer(text)]
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


def _merge(text: str, lang: str, matches: list[_Match]) -> list[_Match]:
    """Join modifier+verb ("vigorously promote", 大力推广) and verb+scale phrase
    ("promote the large-scale development") into one cue; its level is the max."""
    out: list[_Match] = []
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
                out[-1] = _Match(prev.start, m.end, prev.pieces + m.pieces)
                continue
        out.append(m)
    return out


def find_cues(text: str, lang: str, lexicon: Lexicon | None = None) -> tuple[Cue, ...]:
    """All (merged, unsuppressed) cues in ``text``."""
    lang = _check_lang(lang)
    lex = lexicon or load_lexicon()
    kept, _ = _suppress(text, lang, lex, _raw_matches(text, lang, lex))
    return tuple(
        Cue(text[m.start : m.end], m.start, m.end, m.category, m.level)
        for m in _merge(text, lang, kept)
    )


# ---------------------------------------------------------------------------
# scoring


def _choose(matches: list[_Match], s: int, e: int) -> tuple[_Match | None, bool]:
    """Nearest cue before the theme; a stronger object-after cue (规模化发展) overrides it.
    Returns (cue, cue_follows_theme)."""
    before = [m for m in matches if m.start < s]
    after = [m for m in matches if m.start >= e]
    chosen = before[-1] if before else None
    if after:
        first = after[0]
        # an after-theme cue counts if it is a postposed complement, or nothing precedes
        if (first.follows_object and (chosen is None or first.level > chosen.level)) or (
            chosen is None
        ):
            return first, True
    return chosen, False


def _manner_only(m: _Match) -> bool:
    """The cue's level comes only from manner modifiers applied to a weaker verb."""
    top = [p for p in m.parts if p.level == m.level]
    weaker_verbs = [p for p in m.parts if p.kind == "verb" and p.level < m.level]
    return bool(weaker_verbs) and all(p.manner for p in top)


def _renders(clause: str, m: _Match) -> list[str]:
    notes = []
    for start, end, entry in m.pieces:
        if len(entry.renders) > 1:
            notes.append(
                f"English '{clause[start:end]}' renders {', '.join(entry.renders[:-1])} "
                f"and {entry.renders[-1]} alike; the original wording may differ in strength"
            )
    return notes


def score_commitment(
    sentence: str, lang: str, span: tuple[int, int], lexicon: Lexicon | None = None
) -> StrengthScore:
    """Strength of the commitment that the clause carrying ``span`` makes about the theme."""
    lang = _check_lang(lang)
    lex = lexicon or load_lexicon()
    s, e = _clamp(sentence, span)
    c_start, c_end = clause_bounds(sentence, lang, (s, e), lex)
    clause = sentence[c_start:c_end]
    ts, te = s - c_start, e - c_start
    caveats: list[str] = []

    kept, dropped = _clause_cues(clause, lang, lex)
    # cues inside the theme term itself ("green development") are part of the name
    inside = [m for m in kept if m.start < te and ts < m.end and te > ts]
    kept = [m for m in kept if m not in inside]
    for m, ctx in dropped:
        caveats.append(f"'{clause[m.start : m.end]}' in '{ctx}' is not counted as a cue")
    matches = _merge(clause, lang, kept)
    cues = tuple(
        Cue(clause[m.start : m.end], c_start + m.start, c_start + m.end, m.category, m.level)
        for m in matches
    )
    chosen, follows = _choose(matches, ts, te)

    targets = tuple(
        t for ts_, te_, t in find_target_spans(sentence, lang) if c_start <= ts_ < c_end
    )
    dated = any(t.value is not None and t.year is not None for t in targets)

    negated = restriction = False
    level, cue_text = 0, ""
    if chosen is not None:
        level, cue_text = chosen.level, clause[chosen.start : chosen.end]
        restriction = any(p.category in RESTRICTIVE for p in chosen.parts)
        negated = any(p.category in NEGATING for p in chosen.parts)
        if follows:
            caveats.append(f"cue '{cue_text}' follows the theme term (object-before-verb order)")
        distance = chosen.start - te if follows else ts - chosen.end
        if distance > FAR_CHARS[lang]:
            caveats.append(f"cue is {distance} characters from the theme term")
        hedges = (
            [clause[chosen.start : chosen.end]]
            if any(p.category == "hedge" for p in chosen.parts)
            else []
        )
        if hedges and level > 1:
            caveats.append(f"cue '{cue_text}' is hedged (pace or condition qualifier)")
        if lang == "en":
            caveats.extend(_renders(clause, chosen))
        if restriction:
            caveats.append(f"'{cue_text}' restricts the theme rather than promoting it")
    neg_re = lex.negator_pattern(lang)
    if neg_re is not None:
        for m in neg_re.finditer(clause):
            in_cue = chosen is not None and chosen.start <= m.start() < chosen.end
            before_cue = chosen is not None and 0 <= chosen.start - m.end() <= NEAR_CHARS[lang]
            if in_cue or (m.start() >= ts and not before_cue):
                continue
            negated = True
            caveats.append(f"negator '{m.group(0)}' governs the commitment")
            break
    if not cues and not targets:
        caveats.append("no commitment language in the theme's clause (mention only)")
    strength = float(level)
    if chosen is not None and _manner_only(chosen):
        strength -= MANNER_DISCOUNT
        caveats.append(
            f"'{cue_text}' raises a level-{min(p.level for p in chosen.parts)} verb by manner, "
            f"not by reach: counted {MANNER_DISCOUNT} below an outcome of level {level}"
        )
    if dated:
        strength += lex.target_bonus
        if level == 0:
            caveats.append("quantified target without a directive cue; compare targets directly")
    return StrengthScore(
        level=level,
        level_name=LEVEL_NAMES[level],
        strength=round(strength, 2),
        cue=cue_text,
        cues=cues,
        targets=targets,
        restriction=restriction,
        negated=negated,
        caveats=tuple(dict.fromkeys(caveats)),
    )
