"""Finding theme mentions in sentences.

English: every catalogue variant is normalised (see :mod:`policydiff.themes.normalize`)
and compared with token windows of the normalised sentence using ``rapidfuzz.fuzz.ratio``;
a window counts when it scores at least :data:`EN_THRESHOLD` (90 of 100).  Variants
shorter than :data:`EN_EXACT_BELOW` characters must match exactly.  A window must begin
and end with the variant's first and last token (by 4-character prefix) and, for variants
of three tokens or more, may be one token shorter or longer than the variant; an index of
(first prefix, length, last prefix) finds such windows, so rapidfuzz scores no others.

Chinese: exact substring after normalisation; terms of at least :data:`ZH_FUZZY_MIN_LEN`
characters may also match with ``fuzz.partial_ratio`` >= :data:`ZH_THRESHOLD` (one edit
in seven characters or more), after a character-bigram prefilter; and terms of at least
:data:`ZH_HOMOPHONE_MIN_LEN` characters written with one character swapped for another of
the same sound, half its character pairs intact (数字挛生城市 for 数字孪生城市): the typo a
pinyin input method makes, which no edit distance tells from a change of word.

Then, in order: ``exclude`` rules veto a mention when they match in the same clause within
:data:`EXCLUDE_WINDOW` characters; ``require`` rules must match somewhere in the sentence;
a mention lying strictly inside another theme's mention is dropped (the more specific
theme wins, e.g. "green building materials" over "green buildings"); and the best
mention (score, then length, then position) is kept per theme per sentence.
Scores are in the interval [0.0, 100.0].
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, compress, count, repeat
from typing import cast

from rapidfuzz import fuzz

from policydiff.models import StructuredVersion, pickled_by_fields
from policydiff.runtime.prefixed import finditer_at, literal_prefix
from policydiff.runtime.safe_regex import PatternLike, compile_pattern
from policydiff.themes.catalogue import Catalogue
from policydiff.themes.normalize import Normalized, normalize, normalize_term

EN_THRESHOLD = 90.0
EN_EXACT_BELOW = 8
ZH_THRESHOLD = 85.0
ZH_FUZZY_MIN_LEN = 5
ZH_HOMOPHONE_MIN_LEN = 4
EXCLUDE_WINDOW = 30
PATTERN_SCORE = 99.0  # a catalogue regex hit; a variant hit scoring 100 wins over it

_TOKEN = re.compile(r"[a-z0-9]+")
_TOKEN_KEY = re.compile(r"([a-z0-9]{1,4})[a-z0-9]*")  # each token's key: its first 4 characters
_CLAUSE_BREAK = re.compile(r"[,;:.!?，；：。！？]")
_REGEX_META = re.compile(r"[\\\[\](){}|^$*+?]")


@pickled_by_fields
@dataclass(frozen=True)
class Mention:
    """One theme mentioned in one sentence; ``[start, end)`` is the span within ``sentence``."""

    theme_id: str
    document_id: str
    version_key: str
    lang: str
    provision_id: str
    location: str
    sentence_index: int
    sentence: str
    start: int
    end: int
    matched: str
    score: float

    @property
    def sentence_id(self) -> str:
        return f"{self.provision_id}#{self.sentence_index}"


# A candidate in normalised coordinates: (theme_id, start, end, score)
_Cand = tuple[str, int, int, float]
# A mention as match_sentence gives it: (theme_id, start, end, matched, score)
_Found = tuple[str, int, int, str, float]
# matched sentences held per catalogue before the memo is emptied (a bound on memory)
_MATCHED_LIMIT = 50_000


@dataclass(frozen=True)
class _Variant:
    theme_id: str
    text: str
    tokens: tuple[str, ...]
    exact: bool


@dataclass(frozen=True)
class _Compiled:
    en_variants: tuple[_Variant, ...]
    zh_terms: tuple[tuple[str, str, bool], ...]  # (theme_id, term, ascii)
    patterns: dict[str, tuple[tuple[str, PatternLike], ...]]
    excludes: dict[tuple[str, str], tuple[PatternLike, ...]]
    requires: dict[tuple[str, str], tuple[PatternLike, ...]]
    order: dict[str, int]
    # 4-character key of a variant's first token -> the window lengths its variants allow,
    # ascending; (first key, window length, key of the last token) -> (variant, rank of
    # that length in the variant's order)
    en_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    en_windows: dict[tuple[str, int, str], tuple[tuple[int, int], ...]] = field(
        default_factory=dict
    )
    # zh/ascii term patterns, compiled once; the character bigrams of each zh term
    zh_ascii: dict[str, re.Pattern[str]] = field(default_factory=dict)
    zh_grams: dict[str, frozenset[str]] = field(default_factory=dict)
    # character bigram -> the zh terms (indices into zh_terms) holding it; the terms no
    # bigram stands for (ascii ones, single characters) are tried in every sentence
    zh_by_gram: dict[str, tuple[int, ...]] = field(default_factory=dict)
    zh_unindexed: tuple[int, ...] = ()
    # per zh term: how many of the sentence's bigrams it must share to be looked for, at
    # least half of its own (0 for ascii terms, looked for in every sentence)
    zh_need: tuple[int, ...] = ()
    # the last two or more characters of a zh term (its head, 社区) -> (what comes before
    # them in the term, its theme) for every term ending so: 社区 -> (低碳, green-communities)
    zh_by_head: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # (sentence, lang) -> its mentions (:func:`match_sentence`): a sentence said again, in
    # another version or document, is matched once per catalogue
    matched: dict[tuple[str, str], tuple[_Found, ...]] = field(default_factory=dict, compare=False)
    # per language, beside ``patterns``: the literal text every match of each starts with
    # ("" when unknown; see :func:`~policydiff.runtime.prefixed.literal_prefix`)
    pattern_prefixes: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _key(token: str) -> str:
    return token[:4]


def _rule(text: str, lang: str, trusted: bool) -> PatternLike:
    """A catalogue rule: a regex if it looks like one, else a normalised literal phrase."""
    if _REGEX_META.search(text):
        return compile_pattern(text, trusted=trusted)
    norm = normalize_term(text)
    if lang == "en":
        return compile_pattern(r"\b" + re.escape(norm), trusted=trusted)
    return compile_pattern(re.escape(norm), trusted=trusted)


_LAST: list[tuple[Catalogue, _Compiled]] = []


def _compile(catalogue: Catalogue) -> _Compiled:
    """The compiled catalogue; the last one is found by identity (hashing a catalogue is
    costly), others through an LRU cache keyed by value."""
    if _LAST and _LAST[0][0] is catalogue:
        return _LAST[0][1]
    comp = _compile_cached(catalogue)
    _LAST[:] = [(catalogue, comp)]
    return comp


@lru_cache(maxsize=16)
def _compile_cached(catalogue: Catalogue) -> _Compiled:
    variants: list[_Variant] = []
    zh_terms: list[tuple[str, str, bool]] = []
    patterns: dict[str, list[tuple[str, PatternLike]]] = {"en": [], "zh": []}
    excludes: dict[tuple[str, str], tuple[PatternLike, ...]] = {}
    requires: dict[tuple[str, str], tuple[PatternLike, ...]] = {}
    for theme in catalogue.themes:
        seen: set[str] = set()
        for raw in theme.en:
            text = normalize_term(raw)
            tokens = tuple(_TOKEN.findall(text))
            if not tokens or text in seen:
                continue
            seen.add(text)
            text = " ".join(tokens)
            variants.append(_Variant(theme.id, text, tokens, len(text) < EN_EXACT_BELOW))
        for raw in theme.zh:
            term = normalize_term(raw)
            if term:
                zh_terms.append((theme.id, term, term.isascii()))
        for lang in ("en", "zh"):
            trusted = theme.trusted
            patterns[lang].extend(
                (theme.id, compile_pattern(p, trusted=trusted)) for p in theme.patterns(lang)
            )
            excludes[(theme.id, lang)] = tuple(
                _rule(x, lang, trusted) for x in theme.excludes(lang)
            )
            requires[(theme.id, lang)] = tuple(
                _rule(x, lang, trusted) for x in theme.requires(lang)
            )
    lengths: dict[str, set[int]] = defaultdict(set)
    windows: dict[tuple[str, int, str], list[tuple[int, int]]] = defaultdict(list)
    for vi, var in enumerate(variants):
        first_key, last_key = _key(var.tokens[0]), _key(var.tokens[-1])
        for rank, length in enumerate(_window_lengths(len(var.tokens))):
            lengths[first_key].add(length)
            windows[(first_key, length, last_key)].append((vi, rank))
    by_gram: dict[str, list[int]] = defaultdict(list)
    for ti, (_, term, ascii_term) in enumerate(zh_terms):
        if not ascii_term:
            for gram in sorted(_bigrams(term)):
                by_gram[gram].append(ti)
    by_head: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for theme_id, term, ascii_term in zh_terms:
        if not ascii_term:
            for cut in range(1, len(term) - 1):
                by_head[term[cut:]].append((term[:cut], theme_id))
    return _Compiled(
        en_lengths={k: tuple(sorted(v)) for k, v in lengths.items()},
        en_windows={k: tuple(v) for k, v in windows.items()},
        zh_by_gram={k: tuple(v) for k, v in by_gram.items()},
        zh_unindexed=tuple(
            ti for ti, (_, term, ascii_term) in enumerate(zh_terms) if ascii_term or len(term) < 2
        ),
        zh_ascii={
            term: re.compile(r"(?<![a-z0-9])" + re.escape(term) + r"(?![a-z0-9])")
            for _, term, ascii_term in zh_terms
            if ascii_term
        },
        zh_grams={term: frozenset(_bigrams(term)) for _, term, _ in zh_terms},
        zh_need=tuple(0 if a else len(_bigrams(term)) for _, term, a in zh_terms),
        zh_by_head={k: tuple(dict.fromkeys(v)) for k, v in by_head.items()},
        en_variants=tuple(variants),
        zh_terms=tuple(zh_terms),
        patterns={k: tuple(v) for k, v in patterns.items()},
        pattern_prefixes={k: tuple(literal_prefix(rx) for _, rx in v) for k, v in patterns.items()},
        excludes=excludes,
        requires=requires,
        order={t.id: i for i, t in enumerate(catalogue.themes)},
    )


def _window_lengths(n: int) -> tuple[int, ...]:
    """Token counts of the windows compared with a variant of ``n`` tokens, in the order
    that breaks ties (the variant's own length first)."""
    return tuple(length for length in ((n, n - 1, n + 1) if n >= 3 else (n,)) if length >= 1)


def _en_candidates(norm: str, comp: _Compiled) -> list[_Cand]:
    """Windows that begin with a variant's first token and end with its last (by key).

    Windows are found through the ``en_windows`` index (first key, length, last key) and
    scored per (variant, start), in that order; of one start's windows, the best score
    wins, ties going to the variant's own length, then one token shorter, then longer.
    """
    keys = _TOKEN_KEY.findall(norm)
    en_lengths, en_windows = comp.en_lengths, comp.en_windows
    opening = en_lengths.keys() & keys
    if not opening:
        return []
    ntoks = len(keys)
    # (variant, start) -> [(rank, length)] of its windows whose last key fits
    fitting: dict[tuple[int, int], list[tuple[int, int]]] = {}
    # the tokens that open a window, picked out without a Python step per token
    for s in compress(count(), map(opening.__contains__, keys)):
        k = keys[s]
        for length in en_lengths[k]:
            e = s + length
            if e > ntoks:
                break
            for vi, rank in en_windows.get((k, length, keys[e - 1]), ()):
                fitting.setdefault((vi, s), []).append((rank, length))
    if not fitting:
        return []
    spans = list(map(re.Match.span, _TOKEN.finditer(norm)))
    variants = comp.en_variants
    found: list[_Cand] = []
    for vi, s in sorted(fitting):
        var = variants[vi]
        best: _Cand | None = None
        for _rank, length in sorted(fitting[(vi, s)]):
            a, b = spans[s][0], spans[s + length - 1][1]
            window = norm[a:b]
            if var.exact:
                score = 100.0 if window == var.text else 0.0
            else:
                score = fuzz.ratio(window, var.text, score_cutoff=EN_THRESHOLD)
            if score >= EN_THRESHOLD and (best is None or score > best[3]):
                best = (var.theme_id, a, b, float(score))
        if best is not None:
            found.append(best)
    return found


def _bigrams(text: str) -> set[str]:
    return set(map(str.__add__, text, text[1:]))


def _zh_candidates(norm: str, comp: _Compiled) -> list[_Cand]:
    """Exact occurrences of every zh term, and fuzzy ones of long terms not found exactly.

    A term is only looked for when the sentence holds its character bigrams: all of them
    for an exact occurrence, at least half for a fuzzy one (:data:`ZH_THRESHOLD` allows
    about one edit). Counting them through the ``zh_by_gram`` index visits only the
    terms that share a bigram with the sentence.
    """
    # term index -> bigrams of the term found in the sentence, counted in C
    shared = Counter(dict.fromkeys(comp.zh_unindexed, 0))
    shared.update(chain.from_iterable(map(comp.zh_by_gram.get, _bigrams(norm), repeat(()))))
    found: list[_Cand] = []
    # a non-ascii term holding fewer than half its bigrams is neither here nor near
    need = comp.zh_need
    for ti in sorted(ti for ti, n in shared.items() if n * 2 >= need[ti]):
        theme_id, term, ascii_term = comp.zh_terms[ti]
        if ascii_term:
            for m in comp.zh_ascii[term].finditer(norm):
                found.append((theme_id, m.start(), m.end(), 100.0))
            continue
        if shared[ti] == need[ti]:  # every bigram is there: look for the term itself
            pos = norm.find(term)
            if pos >= 0:
                while pos >= 0:
                    found.append((theme_id, pos, pos + len(term), 100.0))
                    found.extend(_conjuncts(norm, pos, term, comp))
                    pos = norm.find(term, pos + 1)
                continue
        if len(term) >= ZH_FUZZY_MIN_LEN:
            al = fuzz.partial_ratio_alignment(term, norm, score_cutoff=ZH_THRESHOLD)
            if al is not None and al.score >= ZH_THRESHOLD:
                found.append((theme_id, al.dest_start, al.dest_end, float(al.score)))
                continue
        # one character swapped breaks at most the two bigrams that hold it
        if len(term) >= ZH_HOMOPHONE_MIN_LEN and shared[ti] >= need[ti] - 2:
            found.extend((theme_id, *span) for span in _homophone_typos(term, norm))
    return found


def _homophone_typos(term: str, norm: str) -> list[tuple[int, int, float]]:
    """Where ``norm`` writes ``term`` with one character swapped for another that sounds
    the same (any reading, tones aside), with the score one substitution gives."""
    score = 100.0 * (len(term) - 1) / len(term)
    if fuzz.partial_ratio(term, norm, score_cutoff=score - 0.01) == 0:
        return []
    found = []
    for m in _one_swapped(term).finditer(norm):
        at = m.lastindex
        assert at is not None
        written, meant = m.group(at), term[at - 1]
        if written != meant and _sounds(written) & _sounds(meant):
            found.append((m.start(), m.end(), score))
    return found


@lru_cache(maxsize=4096)
def _one_swapped(term: str) -> re.Pattern[str]:
    """``term`` with any one character in place of one of its own: group k is the
    character standing for ``term[k - 1]``."""
    return re.compile(
        "|".join(
            "(?:" + "".join("(.)" if i == k else re.escape(c) for i, c in enumerate(term)) + ")"
            for k in range(len(term))
        )
    )


@lru_cache(maxsize=65536)
def _sounds(char: str) -> frozenset[str]:
    """The readings of a Chinese character, without tones (none for any other)."""
    if not "\u4e00" <= char <= "\u9fff":
        return frozenset()
    from pypinyin import Style, pinyin

    return frozenset(pinyin(char, style=Style.NORMAL, heteronym=True)[0])


def _conjuncts(norm: str, pos: int, term: str, comp: _Compiled) -> list[_Cand]:
    """Terms whose head the term at ``pos`` says once for them too: in 区域低碳、零碳社区
    (low-carbon and zero-carbon communities) 低碳 before 、 is 低碳社区, a term of its own.
    Each such conjunct is a mention spanning its own words, back along a chain of 、."""
    found: list[_Cand] = []
    heads = [term[cut:] for cut in range(1, len(term) - 1)]
    end = pos
    while end > 0 and norm[end - 1] == "、":
        end -= 1
        here = [
            (theme_id, end - len(modifier), end, 100.0)
            for head in heads
            for modifier, theme_id in comp.zh_by_head.get(head, ())
            if norm.endswith(modifier, 0, end)
        ]
        if not here:
            break
        found.extend(here)
        end = min(c[1] for c in here)
    return found


def _clause(norm: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(norm, 0, start)), default=0)
    m = _CLAUSE_BREAK.search(norm, end)
    return left, (m.start() if m else len(norm))


# 《…》 naming another document (根据《2030年前碳达峰行动方案》): its words are a title, not
# this document speaking of the theme. A standard or regulation named as what is to be
# applied (严格执行《完整居住社区建设标准》) is kept.
_CITED_TITLE = re.compile(
    r"《[^《》]{0,120}?(?:意见|方案|通知|规划|决定|纲要|办法|计划|讲话|报告)》"
)


def _cited_titles(original: str) -> list[tuple[int, int]]:
    """Spans of the original text that cite another document by its title."""
    if "《" not in original:
        return []
    return [(m.start(), m.end()) for m in _CITED_TITLE.finditer(original)]


def _vetoed(cand: _Cand, norm: str, lang: str, comp: _Compiled) -> bool:
    theme_id, start, end, _ = cand
    rules = comp.excludes.get((theme_id, lang), ())
    if rules:
        c0, c1 = _clause(norm, start, end)
        for rule in rules:
            for m in rule.finditer(norm, c0, c1):
                if m.start() <= end + EXCLUDE_WINDOW and m.end() >= start - EXCLUDE_WINDOW:
                    return True
    required = comp.requires.get((theme_id, lang), ())
    return bool(required) and not any(r.search(norm) for r in required)


def _match_normalized(n: Normalized, lang: str, catalogue: Catalogue) -> list[_Cand]:
    comp = _compile(catalogue)
    norm = n.text
    cands = _zh_candidates(norm, comp) if lang == "zh" else _en_candidates(norm, comp)
    prefixes = comp.pattern_prefixes.get(lang, ())
    for (theme_id, rx), prefix in zip(comp.patterns.get(lang, ()), prefixes, strict=True):
        # (a prefix is found for an ``re`` pattern only, see literal_prefix)
        found = (
            finditer_at(cast(re.Pattern[str], rx), norm, prefix) if prefix else rx.finditer(norm)
        )
        for m in found:
            cands.append((theme_id, m.start(), m.end(), PATTERN_SCORE))
    if not cands:  # most sentences
        return cands
    cited = _cited_titles(n.original)
    cands = [
        c
        for c in cands
        if c[2] > c[1]
        and not (cited and any(a <= n.span(c[1], c[2])[0] < b for a, b in cited))
        and not _vetoed(c, norm, lang, comp)
    ]
    if len(cands) <= 1:
        return cands
    # drop mentions strictly inside another theme's mention: the more specific theme wins
    kept = [
        c
        for c in cands
        if not any(
            o[0] != c[0] and o[1] <= c[1] and c[2] <= o[2] and (o[2] - o[1]) > (c[2] - c[1])
            for o in cands
        )
    ]
    # every occurrence of a theme counts (each is scored in its own clause); where two of
    # one theme overlap, the better match stands for both
    chosen: list[_Cand] = []
    for c in sorted(kept, key=lambda c: (-c[3], -(c[2] - c[1]), c[1])):
        if not any(o[0] == c[0] and o[1] < c[2] and c[1] < o[2] for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: (c[1], comp.order.get(c[0], 0)))


def match_sentence(text: str, lang: str, catalogue: Catalogue) -> list[_Found]:
    """Theme mentions of one sentence: ``(theme_id, start, end, matched, score)``.

    ``[start, end)`` is a span of ``text`` itself (original offsets), ``matched`` is
    ``text[start:end]``; every non-overlapping occurrence of a theme, ordered by position.
    """
    return list(_matched(text, lang, catalogue, _compile(catalogue).matched))


def _matched(
    text: str, lang: str, catalogue: Catalogue, memo: dict[tuple[str, str], tuple[_Found, ...]]
) -> tuple[_Found, ...]:
    """:func:`match_sentence`, as the catalogue's ``memo`` holds it."""
    found = memo.get((text, lang))
    if found is None:
        if len(memo) >= _MATCHED_LIMIT:
            memo.clear()
        found = memo[(text, lang)] = _match_sentence(text, lang, catalogue)
    return found


def _match_sentence(text: str, lang: str, catalogue: Catalogue) -> tuple[_Found, ...]:
    n = normalize(text, fold_plurals=(lang != "zh"))
    out: list[_Found] = []
    for theme_id, a, b, score in _match_normalized(n, lang, catalogue):
        s, e = n.span(a, b)
        out.append((theme_id, s, e, text[s:e], round(score, 2)))
    return tuple(out)


def find_mentions(structured: StructuredVersion, catalogue: Catalogue) -> tuple[Mention, ...]:
    """Every theme mention of a structured version, in text order (provision, sentence, span)."""
    lang = structured.version.lang
    document_id, version_key = structured.document_id, structured.version.key
    memo = _compile(catalogue).matched
    out: list[Mention] = []
    for prov in structured.provisions:
        location = None  # worked out for a provision that mentions a theme only
        for sent in prov.sentences:
            text = sent.text
            for theme_id, s, e, matched, score in _matched(text, lang, catalogue, memo):
                if location is None:
                    location = prov.location
                mention = Mention(
                    theme_id, document_id, version_key, lang, prov.id, location,
                    sent.index, text, s, e, matched, score,
                )  # fmt: skip
                out.append(mention)
    return tuple(out)


@dataclass(frozen=True)
class ThemeMatrix:
    """Theme x document counts: ``counts[i][j]`` sentences of ``documents[j]`` mentioning
    ``themes[i]``; ``provisions[i][j]`` the number of distinct provisions."""

    themes: tuple[str, ...]
    documents: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    provisions: tuple[tuple[int, ...], ...]

    def count(self, theme_id: str, document_id: str) -> int:
        return self.counts[self.themes.index(theme_id)][self.documents.index(document_id)]

    def present(self, theme_id: str, document_id: str) -> bool:
        return self.count(theme_id, document_id) > 0

    def row(self, theme_id: str) -> dict[str, int]:
        return dict(zip(self.documents, self.counts[self.themes.index(theme_id)], strict=False))


def counted_mentions(per_version: Mapping[str, int], keys: Sequence[str]) -> int:
    """A document's mentions of a theme, given per version: in the first of ``keys`` (the
    version its strength is scored on) where it has any, else in the one of ``keys`` that
    has most; versions are never added up."""
    if not keys:
        return 0
    return per_version.get(keys[0], 0) or max(per_version.get(k, 0) for k in keys)


def theme_matrix(
    mentions: Iterable[Mention],
    documents: Sequence[str] | None = None,
    catalogue: Catalogue | None = None,
    *,
    include_absent: bool = False,
    counted_in: Mapping[str, Sequence[str]] | None = None,
) -> ThemeMatrix:
    """Count mentions per theme and document.

    ``documents`` fixes the column order (default: first appearance); with a
    ``catalogue``, rows follow catalogue order and ``include_absent`` keeps themes that
    are never mentioned. Versions of one document are not added up: with ``counted_in``
    (document id -> the keys of its analysed versions, the one its strength is scored on
    first: :meth:`~policydiff.models.Document.scored_version`) a document's count is that
    of its scored version where that mentions the theme, else the most any other analysed
    version holds; without, the most any version holds.
    """
    mentions = list(mentions)
    docs = list(documents) if documents is not None else []
    for m in mentions:
        if m.document_id not in docs and documents is None:
            docs.append(m.document_id)
    sentences: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    provs: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for m in mentions:
        sentences[(m.theme_id, m.document_id)].add((m.version_key, m.sentence_id))
        provs[(m.theme_id, m.document_id)].add((m.version_key, m.provision_id))
    mentioned = {m.theme_id for m in mentions}
    if catalogue is not None:
        themes = [t.id for t in catalogue.themes if include_absent or t.id in mentioned]
        themes += sorted(mentioned - set(themes))
    else:
        themes = sorted(mentioned)

    def _count(held: set[tuple[str, str]], document: str) -> int:
        per_version: dict[str, int] = defaultdict(int)
        for version_key, _ in held:
            per_version[version_key] += 1
        keys = (counted_in or {}).get(document)
        if keys is None:  # no version to prefer: the most any holds
            return max(per_version.values(), default=0)
        return counted_mentions(per_version, keys)

    counts = tuple(tuple(_count(sentences.get((t, d), set()), d) for d in docs) for t in themes)
    prov_counts = tuple(tuple(_count(provs.get((t, d), set()), d) for d in docs) for t in themes)
    return ThemeMatrix(tuple(themes), tuple(docs), counts, prov_counts)
