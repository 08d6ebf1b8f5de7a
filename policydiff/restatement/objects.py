"""What a clause is about: its *object*, the text two clauses are compared on.

A clause's object is its text without its directive cue, the adverbs and phrases of manner,
numbers and years (what a restatement may change), with punctuation read as a word break and
synonyms written one way (``synonyms`` of ``data/restatement.yaml``)."""

from __future__ import annotations

import re
from functools import lru_cache

from policydiff.restatement.clauses import Clause
from policydiff.restatement.cuts import CUE_GAP
from policydiff.restatement.kinds import any_of
from policydiff.restatement.rules import load_rules

_PUNCT = re.compile(r"[^\w]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# a space between two Chinese characters is debris of the source's layout (互联网＋回收 模式)
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
_NUMBERS = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|个百分点)?|(?:19|20)\d\d年")
# a list whose items between the first and the last are single characters (渗、滞、蓄、净、
# 用、排) is one compound, which a child may write without its marks (渗滞蓄净用排)
_LIST = re.compile(r"[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+){2,}")
AND = re.compile(r"和(?!谐|睦|平|美)")  # 和谐, 和睦, 和平, 和美 are words, not a list's "and"


@lru_cache(maxsize=1)
def _synonyms() -> re.Pattern[str] | None:
    return any_of(load_rules().synonyms)


@lru_cache(maxsize=1)
def _manner() -> re.Pattern[str] | None:
    return any_of(load_rules().manner)


def canonical(text: str) -> str:
    """``text`` with each term of ``synonyms`` in ``data/restatement.yaml`` written as the
    first name of its line (一刻钟便民生活圈 as 十五分钟便民生活圈)."""
    pattern, names = _synonyms(), load_rules().synonyms
    return pattern.sub(lambda m: names[m.group()], text) if pattern else text


def _one_compound(found: re.Match[str]) -> str:
    items = found.group().split("、")
    return "".join(items) if all(len(item) == 1 for item in items[1:-1]) else found.group()


def content(clause: Clause) -> str:
    """What a clause is about: its text without its cue, the adverbs and phrases of manner
    that open it (合理确定排放标准 is about 确定排放标准; 因地制宜灵活施策推进农村生活垃圾源头分类
    about 农村生活垃圾源头分类) and the adverbs wherever they stand (推动乡村进一步提高电气化水平
    is about 农村 提高电气化水平), a verb of a qualified noun opening a clause with no cue
    (发挥源头对雨水的吸纳和缓释作用 is about 源头对雨水的吸纳和缓释作用), numbers and years,
    punctuation read as a word break (a stray 大力发展.全装修住宅, 、 between the items of a
    list, but not between items of one character: 渗、滞、蓄 is 渗滞蓄), synonyms written one
    way (:func:`canonical`); a space between two Chinese characters, debris of a source's
    layout, is no break. An English clause's object is :func:`english_object`."""
    text = _CJK_SPACE.sub("", clause.text)
    cue_words = clause.cue.split(CUE_GAP) if clause.cue else []
    if clause.lang != "zh":
        # a cue is a whole English word: "develop" is no part of "redevelop"
        for word in cue_words:
            text = re.sub(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", " ", text, count=1)
        return english_object(text)
    for word in cue_words:
        text = text.replace(word, " ", 1)
    adverbs = _manner()
    if adverbs is not None:
        text = adverbs.sub(" ", text)
    stripped = text.lstrip()
    while phrase := next((p for p in load_rules().manner_phrases if stripped.startswith(p)), None):
        stripped = stripped[len(phrase) :].lstrip()
        text = " " + stripped
    # a clause with no cue that opens on a verb of a qualified noun (发挥…作用, 形成…格局)
    # is about that noun and what qualifies it: the verb names nothing
    if not clause.cue and not clause.statement:
        verb = next((v for v in load_rules().qualified_objects if stripped.startswith(v)), "")
        if verb:
            text = " " + stripped[len(verb) :]
    text = _LIST.sub(_one_compound, text)
    return _PUNCT.sub(" ", _NUMBERS.sub(" ", canonical(text)))


# words between the items of a list, read as breaks as 、 is: 和, 等 (and the like), 各类, 各种
_LIST_BREAKS = re.compile(rf"{AND.pattern}|等(?![级同])|各类|各种")


def solid(clause: Clause) -> str:
    """A clause's object without its word breaks (推广 装配化装修 → 装配化装修): what it ends
    on and what it holds, read across the breaks."""
    return solid_text(content(clause))


def solid_text(object_text: str) -> str:
    """An object's text (:func:`content`) without its word breaks."""
    return "".join(object_text.split())


def english_object(text: str) -> str:
    """An English clause's object (its cue already taken out) as its content words, lower
    case and singular, no stop word or noun of an action (``english_action_nouns`` in
    ``data/restatement.yaml``: the implementation of a plan is about the plan), joined by
    spaces: a word is a unit of meaning, as a Chinese bigram mostly is and a bigram of
    English letters is not. A word the lexicon reads as a cue elsewhere is a word of the
    object here (building, in green building). A hyphenated compound stays one word
    (ultra-low-energy), whose parts :func:`english_parts` gives. An object of stop words
    only (work mechanisms) is those words, so that it is still something."""
    from policydiff.themes.segment import english_words

    actions = load_rules().english_action_nouns
    words = [w for w in english_words(text, cues_named=True) if w.text[:1].isalpha()]
    named = [w.text for w in words if w.content and w.text not in actions]
    return " ".join(named or [w.text for w in words if w.text not in actions])


def english_parts(text: str) -> list[str]:
    """The words of an English object with each compound in its parts (ultra-low-energy:
    ultra, low, energy), as another writer spells it open (ultra-low energy)."""
    return [part for word in text.split() for part in word.split("-") if part]


def object_bigrams(text: str) -> set[str]:
    """The character bigrams of a clause's object, none across a word break or a word
    between the items of a list (推广空气源等各类电动热泵技术: 空气源, 电动热泵技术); of an
    English object (:func:`english_object`: no Chinese character), its words."""
    if not _HAN.search(text):
        return set(text.split())
    text = _LIST_BREAKS.sub(" ", text)
    return {word[k : k + 2] for word in text.split() for k in range(len(word) - 1)}


def lists(clause: Clause) -> bool:
    """Whether a clause names several things in a row (、 or 和 between them: 太阳能光热、
    浅层地热能、生物质能; 装配式钢结构和绿色建材), each of which may be a parent clause's."""
    return "、" in clause.text or AND.search(clause.text) is not None


FRAME_HEAD = 4  # characters of a parent object's head a child object ends on ...
FRAME_MIN = 6  # ... for a parent object of this many characters or more
_WORD_START = "的、"  # what may stand before the first word of a frame inside an object


def keeps_frame(parent: str, child: str) -> bool:
    """Whether a child object (its characters, no spaces) keeps the frame of a parent
    object: its first word (two characters) and its head (its last :data:`FRAME_HEAD`),
    saying the middle in its own words (秸秆肥料化、能源化…原料化利用水平 for
    秸秆综合利用水平). The first word opens the object or follows 的 or 、, not the inside of
    a compound (清洁能源开发规模动态预警机制 keeps no frame of 能源预测预警机制); and the frame
    is of one thing: not the first word of one item of a list and the head of another
    (电力监控系统安全防控体系和数据安全保障体系 keeps no frame of 电力应急保障体系)."""
    if len(parent) < FRAME_MIN or not child.endswith(parent[-FRAME_HEAD:]):
        return False
    head_at = len(child) - FRAME_HEAD
    start = child.find(parent[:2], 0, head_at)
    while start >= 0:
        opens = start == 0 or child[start - 1] in _WORD_START
        if opens and AND.search(child, start) is None:
            return True
        start = child.find(parent[:2], start + 1, head_at)
    return False


def holds_loosely(text: str, part: str, slack: int = 2) -> bool:
    """Whether ``text`` holds ``part``'s characters in order with at most ``slack`` others
    among them (完善技术供给体系 holds 技术体系: one thing, a word more precise)."""
    for start in (k for k, char in enumerate(text) if char == part[:1]):
        at = start
        for char in part[1:]:
            at = text.find(char, at + 1, start + len(part) + slack)
            if at < 0:
                break
        else:
            return True
    return False
