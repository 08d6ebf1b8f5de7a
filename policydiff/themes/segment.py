"""Sentences → words for theme discovery, in English and in Chinese.

Chinese is cut into words with jieba (it ships its dictionary and runs offline). Each set
of user words gets its own ``jieba.Tokenizer`` — never jieba's global one — holding the
catalogue's Chinese terms, the glossary's and the lexicon's literal cues, so that
超低能耗建筑 or 合同能源管理 stay one word when a catalogue names them and a directive cue
splits off the word it governs (全面电气化 → 全面 | 电气化). jieba's HMM finds words its
dictionary lacks (碳汇, 双控). The part of speech of a word jieba knows comes from the
tag table of ``jieba.posseg``, read, never changed.

Every word is marked ``content`` or not. Not content: punctuation and numbering, numbers
and words with digits, function words (particles, prepositions, conjunctions, pronouns,
adverbs, numerals, measure and locative words: jieba's tags), and directive cues — a word
the lexicon (``policydiff/data/lexicon.yaml``) matches, one made of cues only (大力发展),
or one that begins with a cue and is not a noun (积极开展, 推广应用). A content word is
``noun`` when it can name a concept on its own (a noun, a verbal noun, an idiom, a term of
the catalogue or glossary, or a word jieba's dictionary lacks).

English words are lower-cased and put in the singular; stop words (scikit-learn's list
and a few words every policy sentence uses) and the lexicon's one-word cues, in any
inflection, are not content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from policydiff.runtime.jieba_dictionary import fresh_tokenizer
from policydiff.strength.lexicon import compile_pattern, load_lexicon
from policydiff.themes.normalize import fold_plural

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_EN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\d+(?:[.,]\d+)*%?|\S")
_ROMAN = re.compile(r"[ivxlc]+")
# jieba's tags of words that never name a concept: non-words, numerals and measure words,
# prepositions, conjunctions, particles, pronouns, adverbs, locative and time words,
# modal particles, interjections, onomatopoeia, single rare characters, affixes.
FUNCTION_TAGS = frozenset({
    "x", "m", "mq", "mg", "q", "vq", "p", "c", "u", "uj", "ul", "uv", "ud", "ug", "uz", "r",
    "rr", "rz", "rg", "d", "dg", "df", "f", "t", "tg", "y", "e", "o", "zg", "h", "k", "g",
})  # fmt: skip
# Tags that name something even when the word begins with a cue (示范区, 发展改革委).
NOUN_TAGS = frozenset({"n", "ng", "nt", "ns", "vn", "an", "j", "b", "s", "eng"})
# Tags that can name a concept on their own (besides NOUN_TAGS): idioms, fixed phrases,
# other proper nouns.
_NAMING_TAGS = NOUN_TAGS | frozenset({"i", "l", "nz", "nr", "nrt", "nrfg"})
USER_TAG = "n"

# Words that open or pad almost every English policy sentence; they name no theme.
POLICY_STOP_EN = frozenset({
    "promote", "strengthen", "improve", "establish", "construction", "development",
    "accelerate", "implement", "enhance", "build", "carry", "sound", "system", "continue",
    "continuously", "deepen", "vigorously", "comprehensively", "comprehensive", "effort",
    "level", "key", "advance", "national", "relevant", "various", "area", "support",
    "management", "mechanism", "china", "further", "work", "new", "actively", "effectively",
})  # fmt: skip


@dataclass(frozen=True)
class Word:
    """One word of a sentence: its text (English: lower case, singular), whether it is
    part of what the sentence is about, and whether it can name a concept alone."""

    text: str
    content: bool
    noun: bool
    verb: bool = False  # a verb jieba's dictionary knows only as a verb (确定, 达到)
    cue: bool = False  # a directive cue of the lexicon (or cues only: 大力发展)


@lru_cache(maxsize=1)
def _english_stop() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | POLICY_STOP_EN


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """(English one-word cues as the scorer compiles them, Chinese cues) of the lexicon."""
    lexicon = load_lexicon()
    en = tuple(
        compile_pattern(p, "en", e.kind == "verb")
        for e in lexicon.entries
        for p in e.en
        if not re.search(r"\s|\\s| ", p)
    )
    zh = tuple(re.compile(p) for e in lexicon.entries for p in e.zh)
    return en, zh


def lexicon_words() -> tuple[str, ...]:
    """The lexicon's Chinese cues and phrases that are plain words (not patterns), so that
    jieba cuts a cue off the word after it and keeps a phrase the lexicon reads as one
    (大拆大建) whole."""
    lexicon = load_lexicon()
    patterns = [p for e in lexicon.entries for p in e.zh]
    patterns += [p for c in lexicon.negative_contexts for p in c.zh]
    return tuple(dict.fromkeys(p for p in patterns if _HAN.fullmatch(p)))


@lru_cache(maxsize=20000)
def is_english_cue(word: str) -> bool:
    return any(p.fullmatch(word) for p in _cue_patterns()[0])


def english_words(text: str, cues_named: bool = False) -> tuple[Word, ...]:
    """English ``text`` as words; marks and digits are kept as non-content words so that
    a term never spans them. With ``cues_named``, a word the lexicon reads as a cue is
    content all the same (building in "green building", once the clause's own cue is out)."""
    stop = _english_stop()
    out: list[Word] = []
    for raw in _EN_WORD.findall(text):
        low = raw.lower().replace("’", "'")
        if not low[0].isalpha():
            out.append(Word(low, False, False))
            continue
        word = fold_plural(low)
        cue = is_english_cue(low)
        content = (
            len(word) >= 3
            and "'" not in word
            and word not in stop
            and low not in stop
            and not _ROMAN.fullmatch(word)
            and (cues_named or not cue)
        )
        out.append(Word(word, content, content, cue=cue))
    return tuple(out)


class ChineseSegmenter:
    """jieba with its own dictionary: the default one plus ``terms`` (words that name a
    concept: the catalogue's and the glossary's) and the lexicon's plain words."""

    def __init__(self, terms: Iterable[str]) -> None:
        import jieba.posseg

        self._cues = _cue_patterns()[1]
        # A term that opens with a cue (全面电气化, 控制超高层建筑) is left to be cut:
        # the cue is how hard, the rest is the concept.
        self.terms = frozenset(w for w in terms if _HAN.search(w) and not self._cue_at(w, 0))
        tokenizer: Any = fresh_tokenizer()
        # Longest first, then by text: each suggested frequency depends on the words
        # already added, so the order is fixed whatever order the catalogue lists them in.
        for word in sorted(self.terms | set(lexicon_words()), key=lambda w: (-len(w), w)):
            tokenizer.add_word(word)
        self._tokenizer = tokenizer
        self._tags: dict[str, str] = jieba.posseg.dt.word_tag_tab

    def cut(self, text: str) -> tuple[str, ...]:
        """The words of ``text`` as jieba cuts them (with its HMM for unknown words)."""
        return tuple(w for w in self._tokenizer.cut(text, HMM=True) if w.strip())

    def tag(self, word: str) -> str | None:
        if word in self.terms:
            return USER_TAG
        return self._tags.get(word)

    def _cue_at(self, word: str, start: int) -> int:
        """End of the longest cue matching at ``start`` of ``word`` (``start`` if none)."""
        end = start
        for pattern in self._cues:
            m = pattern.match(word, start)
            if m and m.end() > end:
                end = m.end()
        return end

    def is_cue(self, word: str) -> bool:
        """A directive word: a cue, cues only (大力发展), or a cue and a non-noun (积极开展)."""
        if word in self.terms:
            return False
        end = self._cue_at(word, 0)
        if end == 0:
            return False
        if end == len(word):
            return True
        position = end
        while position < len(word):
            nxt = self._cue_at(word, position)
            if nxt == position:
                return self.tag(word) not in NOUN_TAGS
            position = nxt
        return True

    def words(self, text: str) -> tuple[Word, ...]:
        out: list[Word] = []
        for word in self.cut(text):
            if not _HAN.fullmatch(word):
                out.append(Word(word, False, False))
                continue
            tag = self.tag(word)
            cue = self.is_cue(word)
            content = tag not in FUNCTION_TAGS and not cue
            noun = content and (tag is None or tag in _NAMING_TAGS)
            out.append(Word(word, content, noun, content and tag == "v", cue))
        return tuple(out)


@lru_cache(maxsize=2)
def chinese_segmenter(terms: tuple[str, ...]) -> ChineseSegmenter:
    """One segmenter per set of terms; building one takes about half a second and some
    70 MB (jieba's dictionary), so only the last two are kept."""
    return ChineseSegmenter(terms)
