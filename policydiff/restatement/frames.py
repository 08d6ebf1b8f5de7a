"""Frames a clause opens on: the place, occasion, premise or means before its directive.

A clause may open on where (在油气田区域内建设…), on what it rests on (在…的基础上), on the
place it is about (县城新建住宅…) or on its means (通过完善相关标准等加强…): what follows the
frame is what directs, and a clause that is a premise whole directs nothing."""

from __future__ import annotations

import re
from functools import lru_cache

from policydiff.restatement.rules import load_rules
from policydiff.restatement.words import tagged
from policydiff.strength import Lexicon, find_cues

# Words of location that close a frame 在… (在油气田区域内建设…, 在国土空间规划中统筹考虑…), words
# of time that do, and nouns that make a verbal noun before them the name of a field
# (城市建设领域, 建设过程): a clause that ends on any of them is a frame whole, directing
# nothing (在项目准入和建设用地审批中, 在风险可控和商业自主原则下, 在…等领域).
_LOCATION_WORDS = ("之间", "方面", "领域", "期间", "内", "中", "上", "下", "里")
_TIME_WORDS = ("时", "前", "后")
_FIELD_NOUNS = frozenset({"方面", "领域", "过程", "工作", "期间", "阶段", "环节", "进程", "中"})
# 在, up to a dozen characters, a word of location (group 1). Not 以…方式: a clause 以…方式
# opens on 以X为Y as often (以城乡建设方式全面绿色低碳转型为引领, 以小型化、分散化、生态化方式为主),
# and the one that directs by it opens on 并 (并以适当方式与…共享).
_FRAME = re.compile(r"(?<=^在)[^，,；;]{1,12}?(" + "|".join(_LOCATION_WORDS) + ")")
# jieba's kinds of word that may name a place in a frame 在…: nouns, places, names,
# pronouns of quantity (各级), abbreviations
_PLACE_WORDS = frozenset({"n", "ns", "nr", "nt", "nz", "s", "r", "j"})
# a word of location at any distance from 在: where a long frame 在… may close
_FRAME_CLOSE = re.compile("|".join(_LOCATION_WORDS))
# what a frame 基于… rests on: 基于…目标要求
_BASIS_NOUNS = ("要求", "需要")
# how a frame 在… that states a premise closes: 在…的基础上, 在…前提下, 在…的同时
_PREMISES = ("基础上", "前提下", "同时")


@lru_cache(maxsize=65536)
def after_frame(clause: str) -> tuple[str, ...]:
    """What may follow a frame the clause opens on, nearest first: after a word of
    location (:func:`_after_location`), or after a place named by nouns alone
    (:func:`_after_nouns`)."""
    if not clause.startswith("在"):
        return ()
    words = tagged(clause[:32])
    after_nouns = _after_nouns(clause, words)
    return _after_location(clause, words) + ((after_nouns,) if after_nouns else ())


def frame_whole(clause: str) -> bool:
    """Whether the clause is a premise and nothing else, what the clause after it rests on
    (在加快形成清洁低碳能源可靠供应能力基础上, 在保障生态安全和可持续发展前提下, 基于深入打好污染
    防治攻坚战和碳达峰目标要求): a cue inside it describes the premise and directs nothing. A
    frame of occasion or means (在…建设过程中, 通过…等方式) is kept: what it names is what a
    province may restate the parent's commitment in. The lexicon's ``premise`` context does
    the same for a premise inside a clause (在确保能源安全…的基础上), where a cue follows it."""
    if clause.startswith("基于"):
        return clause.endswith(_BASIS_NOUNS)
    return clause.startswith("在") and clause.endswith(_PREMISES)


def _after_location(clause: str, words: tuple[tuple[int, int, str, str], ...]) -> tuple[str, ...]:
    """What follows a frame 在… closed by a word of location (:data:`_FRAME`), at each one
    in reach that closes it (:func:`_closes_frame`: 在集中供暖未覆盖的农村地区 is no frame 在集中
    before 供暖); a noun may hold such a character (中心城区)."""
    out = []
    for end in range(2, min(len(clause), 16)):
        found = _FRAME.fullmatch(clause, 1, end)
        if found and _closes_frame(words, found.start(1), end):
            out.append(clause[end:])
    return tuple(out)


def _closes_frame(words: tuple[tuple[int, int, str, str], ...], start: int, end: int) -> bool:
    """Whether the word of location at ``[start, end)`` of a clause closes a frame: it ends a
    word of jieba's (``words``) and is a word of its own or ends a word of place (区内 of
    在城市中心区内), not a verb's last character (中 of 集中)."""
    flag = next((f for _, e, _, f in words if e == end), None)
    return flag is not None and (any(s == start for s, _, _, _ in words) or flag in ("s", "f"))


def _after_nouns(clause: str, words: tuple[tuple[int, int, str, str], ...]) -> str:
    """What follows a place named by nouns alone after 在, where a verb follows them
    (在上海化工区建设…, 在西宁等人口集中区延伸…, 在公共建筑屋顶加装…); a verbal noun only where an
    object follows it, not a word of location or of a field (在城市建设领域 and 在城市公园建设方面
    name fields); "" in a clause that is a frame whole, or that opens otherwise."""
    if clause.endswith((*_LOCATION_WORDS, *_TIME_WORDS, *_FIELD_NOUNS)):
        return ""
    k = 1
    while k < len(words) and (words[k][3] in _PLACE_WORDS or words[k][2] in "、（）等"):
        k += 1
    if k == 1 or k == len(words) or not words[k][3].startswith("v"):
        return ""
    after = words[k + 1] if k + 1 < len(words) else None
    if words[k][3] == "vn" and (after is None or after[3] == "f" or after[2] in _FIELD_NOUNS):
        return ""
    return clause[words[k][0] :]


@lru_cache(maxsize=65536)
def after_place(clause: str) -> str:
    """What follows the place a clause opens on: a name of a kind of place (``places``,
    ``every_place`` and their synonyms in ``data/restatement.yaml``: 县城新建住宅…), or a noun
    and a word of location after it (组团间, 组团之间, jieba's f); "" where it opens otherwise."""
    rules = load_rules()
    first = [(word, flag) for _, _, word, flag in tagged(clause[:10]) if word.strip()][:2]
    if not first:
        return ""
    head = first[0][0]
    if head in rules.places or rules.synonyms.get(head, "") in rules.places:
        return clause[len(head) :]
    if len(first) == 2 and first[0][1].startswith("n") and first[1][1] == "f":
        return clause[len(head) + len(first[1][0]) :]
    return ""


_WAYS = "方式|方法|手段|途径|渠道"
# what closes the means a clause opens on: after 通过, a way or 等 (通过完善相关标准等); after
# 以, which also opens 以X为Y (以…转型为引领), only 等 and a way (以投资补助…等方式)
_MEANS_CLOSE = {
    "通过": re.compile(rf"等?(?:{_WAYS})|等(?![级同])"),
    "以": re.compile(rf"等(?:{_WAYS})"),
}


def after_means(clause: str, lang: str, lexicon: Lexicon | None) -> int:
    """Where the directive of a clause that opens on its means starts: after what closes the
    means, where a cue follows directly or a frame 在… whose directive does
    (通过完善相关标准等加强…技术指导: 加强, not 完善; 以投资补助…等方式在…研发…等领域加强财税扶持
    补贴力度: 加强); 0 where neither does."""
    opening = next((w for w in _MEANS_CLOSE if clause.startswith(w)), None)
    if lang != "zh" or opening is None or clause.startswith(("以及", "以上", "以下")):
        return 0
    for found in _MEANS_CLOSE[opening].finditer(clause, len(opening) + 1):
        end = found.end()
        cues = find_cues(clause[end:], lang, lexicon)
        if cues and cues[0].start == 0:
            return end
        inner = after_long_frame(clause[end:], lang, lexicon)
        if inner:
            return end + inner
    return 0


def after_long_frame(clause: str, lang: str, lexicon: Lexicon | None) -> int:
    """Where the directive of a clause that opens on a frame 在… of any length starts: after
    the word of location that closes it, where a cue follows that word directly (在规划编制及
    实施中加强…协同互济: 加强, not the 编制 inside the frame; 在电网架构、…运行控制等方面提升技术:
    提升, not 控制); 0 where no cue does."""
    if lang != "zh" or not clause.startswith("在"):
        return 0
    words = tagged(clause)
    # from the third character: one right after 在 begins the place (在中心城区, 在上海)
    for found in _FRAME_CLOSE.finditer(clause, 2):
        end = found.end()
        if not _closes_frame(words, found.start(), end):
            continue  # 中 of 在园区大力推进集中建设…
        cues = find_cues(clause[end:], lang, lexicon)
        if cues and cues[0].start == 0:
            return end
    return 0
