"""Two clauses that name different kinds of one thing: a minimal pair of their objects.

老旧供热管网更新改造 and 老旧供水管网更新改造 share all but one character, yet the one
names what the network carries: heating and water supply are different commitments.
Two clauses *contrast* where the character alignment of their objects replaces one or
two characters inside a noun of the parent (供热, 光热) by a noun of the child's (供水,
光伏) that it names nowhere else, and the two go on with the same head of at least two
characters (管网, 建筑), entered alike (a shared character before, or both at a word's
start). A changed verb (提升行动 → 美化行动), a synonym that spans other words
(供气管道和设施 → 燃气管网设施) or a changed modifier of degree (零碳 → 低碳) is no contrast;
nor, in alignment, is a clause copied word for word but the noun (``thresholds.VERBATIM``:
合理确定建筑朝向、窗墙比和体形系数 for 合理确定住宅朝向、窗墙比和体形系数).
"""

from __future__ import annotations

import re
from functools import lru_cache

from cydifflib import SequenceMatcher

from policydiff.restatement.rules import load_rules
from policydiff.restatement.words import tagged

_HAN = re.compile(r"[\u4e00-\u9fff]+")
# jieba's parts of speech that name a thing: nouns, nominal verbs (供热), abbreviations
# (光伏), distinguishing words (超高层)
_NOMINAL = frozenset({"n", "ng", "nr", "nz", "vn", "j", "b"})
_MAX_SWAP = 2  # characters replaced on either side
_HEAD = 2  # characters of the shared head that follows


def _words(text: str) -> tuple[tuple[int, int, str], ...]:
    """jieba's words of ``text`` (in its dictionary only) as (start, end, part of speech)."""
    return tuple((start, end, flag) for start, end, _, flag in tagged(text, hmm=False))


def _word_at(text: str, index: int) -> tuple[int, int, str]:
    return next((w for w in _words(text) if w[0] <= index < w[1]), (index, index + 1, "x"))


def _han(text: str) -> bool:
    return bool(text) and _HAN.fullmatch(text) is not None


@lru_cache(maxsize=65536)
def contrast(parent: str, child: str) -> tuple[str, str] | None:
    """The parent's word and the child's that name different kinds of one thing, as
    jieba cuts them (供热, 供水管), when the two objects are such a minimal pair (None
    otherwise)."""
    ops = SequenceMatcher(None, parent, child, autojunk=False).get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or k + 1 >= len(ops):
            continue
        mine, theirs = parent[i1:i2], child[j1:j2]
        if not (len(mine) <= _MAX_SWAP and len(theirs) <= _MAX_SWAP):
            continue
        if not (_han(mine) and _han(theirs)) or mine in child or theirs in parent:
            continue
        word_p, word_c = _word_at(parent, i1), _word_at(child, j1)
        if word_p[2] not in _NOMINAL or word_c[2] not in _NOMINAL or i2 > word_p[1]:
            continue
        after = ops[k + 1]
        if after[0] != "equal" or not _han(parent[after[1] : after[1] + _HEAD]):
            continue
        if after[2] - after[1] < _HEAD:
            continue
        before = ops[k - 1] if k else None
        shared_before = before is not None and before[0] == "equal" and _han(parent[i1 - 1])
        at_start = word_p[0] == i1 and word_c[0] == j1
        pair = parent[word_p[0] : word_p[1]], child[word_c[0] : word_c[1]]
        if (shared_before or at_start) and not _narrows(*pair):
            # the child's kind without a modifier jieba joins to it but not to the parent's
            # word (绿色食品 against 绿色 用品): the parent may name 食品 without it
            own = child[j1 : word_c[1]]
            joined = word_p[0] == i1 and word_c[0] < j1 and len(own) >= _HEAD
            return (pair[0], own) if joined else pair
    return None


def _narrows(parent_word: str, child_word: str) -> bool:
    """Whether the child's word restates the parent's for fewer rather than naming another
    kind: both words name a level of government (省级 for 国家), or the child's is one kind of
    the general name the parent's word opens on (煤炭 for 燃料, 电 of 电煤 for 能源 of 能源供应,
    not for 非化石能源; ``jurisdictions`` and ``kinds_of`` in ``data/restatement.yaml``)."""
    rules = load_rules()
    if parent_word in rules.jurisdictions and child_word in rules.jurisdictions:
        return True
    return any(
        parent_word.startswith(general) and child_word in kinds
        for general, kinds in rules.kinds_of.items()
    )
