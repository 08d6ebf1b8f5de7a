"""Word-level ops between two texts or two provisions (the token half of :mod:`.documents`).

English tokens are words (with inner hyphens and apostrophes), punctuation marks and
whitespace runs, and the words and marks alone are matched (each span keeping the spaces
after it). Chinese is matched by single characters, with Latin/digit runs kept whole, which
gives the similarity, and its changes are shown by words (jieba's, :func:`chinese_words`):
推广 → 推动 reads as one replaced word, not as 推 kept before two changed characters.
Joining the tokens gives the text back exactly, and joining the old (new) side of the ops
gives the old (new) text back exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# difflib's own algorithm compiled (same opcodes, several times faster): sentence diffs
# are a large part of a report's and of `policydiff diff`'s work.
from cydifflib import SequenceMatcher

from policydiff.models import Provision
from policydiff.runtime.jieba_dictionary import ready_jieba

OPS = ("equal", "delete", "insert", "replace")
SENTENCE_MIN = 0.4  # two changed sentences are compared when this similar (word ratio)
_EN_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]|\s+")
_ZH_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.\-'][A-Za-z0-9]+)*|\s+|.", re.DOTALL)


@dataclass(frozen=True)
class TokenOp:
    op: str  # one of OPS
    old: str  # the old text of the span ("" for insert)
    new: str  # the new text of the span ("" for delete)


# ---------------------------------------------------------------------------
# tokens and ops


def tokenize(text: str, lang: str) -> list[str]:
    """Tokens whose concatenation is ``text`` exactly."""
    return (_ZH_TOKEN if lang == "zh" else _EN_TOKEN).findall(text)


@lru_cache(maxsize=65536)
def chinese_words(text: str) -> tuple[str, ...]:
    """jieba's words of Chinese ``text`` (its dictionary only, no guessed words), which
    join back into ``text`` exactly."""
    return tuple(ready_jieba().cut(text, HMM=False))


def token_ops(old: str, new: str, lang: str) -> tuple[tuple[TokenOp, ...], float]:
    """The ops turning ``old`` into ``new`` and difflib's similarity ratio."""
    ops, same, total = _ops_and_same(old, new, lang)
    if not total:
        return ops, 1.0 if old == new else 0.0
    return ops, round(2 * same / total, 4)


def _ops_and_same(old: str, new: str, lang: str) -> tuple[tuple[TokenOp, ...], int, int]:
    """The ops turning ``old`` into ``new``, the words (Chinese: characters) the match
    leaves equal and the words of both: what :func:`word_ratio` reads."""
    a, b = tokenize(old, lang), tokenize(new, lang)
    total = count_words(a) + count_words(b)
    if a == b:  # what difflib answers, without its quadratic search for the match
        return (TokenOp("equal", old, new),) if a else (), count_words(a), total
    if lang != "zh":
        opcodes = _word_opcodes(a, b)
        return _merge_ops(_spaced(opcodes, a, b)), _same(opcodes, a), total
    same = _same(SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), a)
    wa, wb = chinese_words(old), chinese_words(new)
    ops: list[TokenOp] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag == "replace":
            ops += _kept_words(wa[i1:i2], wb[j1:j2])
        else:
            ops.append(TokenOp(tag, "".join(wa[i1:i2]), "".join(wb[j1:j2])))
    return _merge_ops(ops), same, total


def char_ops(old: str, new: str, lang: str) -> tuple[TokenOp, ...]:
    """The ops of the match itself: Chinese by characters (what :func:`token_ops` shows
    by words), for telling which characters a change touches."""
    if lang != "zh":
        return token_ops(old, new, lang)[0]
    a, b = tokenize(old, lang), tokenize(new, lang)
    return tuple(
        TokenOp(tag, "".join(a[i1:i2]), "".join(b[j1:j2]))
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    )


def _kept_words(old: Sequence[str], new: Sequence[str]) -> list[TokenOp]:
    """Replaced words, less a whole word one side keeps at either end inside a longer word
    of the other: 规划 → 全面规划 is 全面 inserted before 规划 kept, not 规划 replaced; 推广 →
    推动 stays replaced (推 is no word of either)."""
    a, b = list(old), list(new)
    head: list[TokenOp] = []
    tail: list[TokenOp] = []
    if a and b and a[0] != b[0]:
        if b[0].startswith(a[0]):
            head, b[0] = [TokenOp("equal", a[0], a[0])], b[0][len(a[0]) :]
            a.pop(0)
        elif a[0].startswith(b[0]):
            head, a[0] = [TokenOp("equal", b[0], b[0])], a[0][len(b[0]) :]
            b.pop(0)
    if a and b and a[-1] != b[-1]:
        if b[-1].endswith(a[-1]):
            tail, b[-1] = [TokenOp("equal", a[-1], a[-1])], b[-1][: -len(a[-1])]
            a.pop()
        elif a[-1].endswith(b[-1]):
            tail, a[-1] = [TokenOp("equal", b[-1], b[-1])], a[-1][: -len(b[-1])]
            b.pop()
    gone, came = "".join(a), "".join(b)
    if gone and came:
        middle = [TokenOp("replace", gone, came)]
    elif gone or came:
        middle = [TokenOp("delete" if gone else "insert", gone, came)]
    else:
        middle = []
    return head + middle + tail


def _spaced(
    opcodes: Sequence[tuple[str, int, int, int, int]], a: Sequence[str], b: Sequence[str]
) -> list[TokenOp]:
    """The ops of word-matched opcodes (:func:`_word_opcodes`), the spaces told apart: an
    equal span whose spaces differ keeps its words equal and changes only its spaces, and
    the spaces two replaced spans end on stay apart ([-old-]{+new+} w0, not
    [-old -]{+new +}w0)."""
    ops: list[TokenOp] = []
    for tag, i1, i2, j1, j2 in opcodes:
        old, new = a[i1:i2], b[j1:j2]
        spaced_ends = len(old) > 1 and len(new) > 1 and old[-1].isspace() and new[-1].isspace()
        if tag == "replace" and spaced_ends:
            ops.append(TokenOp("replace", "".join(old[:-1]), "".join(new[:-1])))
            ops += _respaced(old[-1:], new[-1:])
        elif tag == "equal":
            ops += _respaced(old, new)
        else:
            ops.append(TokenOp(tag, "".join(old), "".join(new)))
    return ops


def _respaced(old: Sequence[str], new: Sequence[str]) -> list[TokenOp]:
    """Two runs of the same words, each word equal and each space between them equal or
    changed."""
    ops: list[TokenOp] = []
    i = j = 0
    while i < len(old) or j < len(new):
        space_a = space_b = ""
        while i < len(old) and old[i].isspace():
            space_a, i = space_a + old[i], i + 1
        while j < len(new) and new[j].isspace():
            space_b, j = space_b + new[j], j + 1
        if space_a == space_b:
            ops.append(TokenOp("equal", space_a, space_b))
        elif space_a and space_b:
            ops.append(TokenOp("replace", space_a, space_b))
        else:
            ops.append(TokenOp("delete" if space_a else "insert", space_a, space_b))
        if i < len(old) and j < len(new):
            ops.append(TokenOp("equal", old[i], new[j]))
            i, j = i + 1, j + 1
        else:  # words on one side only, which a word match never leaves: kept all the same
            ops.append(TokenOp("replace", "".join(old[i:]), "".join(new[j:])))
            break
    return ops


def _word_opcodes(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes of two English token lists, matched on their words and punctuation
    alone, each span taking the spaces after it: a space matched as a token of its own
    would anchor the words around it ([-vigorously-]{+promote+} [-promote-]…, where the
    reader sees [-vigorously -]promote {+the large-scale development of +}…)."""
    at_a = [k for k, token in enumerate(a) if not token.isspace()]
    at_b = [k for k, token in enumerate(b) if not token.isspace()]
    if not at_a or not at_b:  # spaces alone on a side: nothing to anchor them to
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()

    def bound(at: list[int], count: int, word: int) -> int:
        # where the span from ``word`` on starts among the tokens: the text's leading
        # spaces go with its first span, and each span keeps the spaces after it
        return 0 if word == 0 else at[word] if word < len(at) else count

    matcher = SequenceMatcher(None, [a[k] for k in at_a], [b[k] for k in at_b], autojunk=False)
    return [
        (
            tag,
            bound(at_a, len(a), i1),
            bound(at_a, len(a), i2),
            bound(at_b, len(b), j1),
            bound(at_b, len(b), j2),
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def count_words(tokens: Sequence[str]) -> int:
    return sum(1 for t in tokens if not t.isspace())


def word_ratio(
    opcodes: Sequence[tuple[str, int, int, int, int]], a: Sequence[str], b: Sequence[str]
) -> float:
    """difflib's ratio counted over words and punctuation only (whitespace would inflate it)."""
    total = count_words(a) + count_words(b)
    if total == 0:
        return 1.0 if list(a) == list(b) else 0.0
    return round(2 * _same(opcodes, a) / total, 4)


def _same(opcodes: Sequence[tuple[str, int, int, int, int]], a: Sequence[str]) -> int:
    """The words of ``a`` that ``opcodes`` leave equal."""
    return sum(count_words(a[i1:i2]) for tag, i1, i2, _, _ in opcodes if tag == "equal")


def word_counts(tokens: Sequence[str]) -> Counter[str]:
    """The non-whitespace tokens of ``tokens`` as a multiset."""
    return Counter(t for t in tokens if not t.isspace())


def may_reach(ca: Counter[str], cb: Counter[str], minimum: float) -> bool:
    """False only when :func:`word_ratio` of the two token lists cannot reach ``minimum``.

    Equal opcodes pair identical tokens, so the words they keep are at most the multiset
    intersection of the two sides' words: an upper bound of the ratio, rounded alike.
    """
    total = ca.total() + cb.total()
    if total == 0:
        return True
    return round(2 * (ca & cb).total() / total, 4) >= minimum


def provision_units(p: Provision, lang: str) -> list[str]:
    """The provision's text as units: its heading (unless the first sentence repeats it),
    its sentences and the separators between them; they join into :func:`provision_body`."""
    sep = "" if lang == "zh" else " "
    texts = [s.text.strip() for s in p.sentences if s.text.strip()]
    if p.heading and not (texts and texts[0].startswith(p.heading)):
        texts.insert(0, p.heading)
    units: list[str] = []
    for text in texts:
        if units and sep:
            units.append(sep)
        units.append(text)
    return units


def provision_body(p: Provision, lang: str) -> str:
    return "".join(provision_units(p, lang))


def _merge_ops(ops: Sequence[TokenOp]) -> tuple[TokenOp, ...]:
    """Adjacent ops of one kind joined; a change of whitespace only between equal text
    kept as it is (a delete+insert pair of the same text becomes equal)."""
    out: list[TokenOp] = []
    for op in ops:
        if not op.old and not op.new:
            continue
        if op.op != "equal" and op.old == op.new:
            op = TokenOp("equal", op.old, op.new)
        if out and out[-1].op == op.op:
            prev = out.pop()
            op = TokenOp(op.op, prev.old + op.old, prev.new + op.new)
        out.append(op)
    return tuple(out)


def _gap(old: Sequence[str], new: Sequence[str]) -> list[TokenOp]:
    """Units not paired: deleted, inserted or replaced whole, except for separators both
    sides have at either end, which stay equal."""
    head = tail = 0
    while head < min(len(old), len(new)) and old[head].isspace() and old[head] == new[head]:
        head += 1
    while (
        tail < min(len(old), len(new)) - head
        and old[-1 - tail].isspace()
        and old[-1 - tail] == new[-1 - tail]
    ):
        tail += 1
    a, b = "".join(old[head : len(old) - tail]), "".join(new[head : len(new) - tail])
    ops = [TokenOp("equal", sep, sep) for sep in old[:head]]
    if a == b:
        ops.append(TokenOp("equal", a, b))
    elif a and b:
        ops.append(TokenOp("replace", a, b))
    else:
        ops.append(TokenOp("delete", a, "") if a else TokenOp("insert", "", b))
    return ops + [TokenOp("equal", sep, sep) for sep in old[len(old) - tail :]]


def _replace_block(old: Sequence[str], new: Sequence[str], lang: str) -> tuple[list[TokenOp], int]:
    """Sentences of a changed stretch paired in order when similar (word-diffed), the
    rest deleted or inserted whole; with the words the pairs leave equal."""
    scored = []
    toks_new = [None if b.isspace() else tokenize(b, lang) for b in new]
    counts_new = [None if tb is None else word_counts(tb) for tb in toks_new]
    for i, a in enumerate(old):
        if a.isspace():
            continue
        ta = tokenize(a, lang)
        ca = word_counts(ta)
        for j, tb in enumerate(toks_new):
            if tb is None or not may_reach(ca, counts_new[j], SENTENCE_MIN):  # type: ignore[arg-type]
                continue
            ratio = word_ratio(SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes(), ta, tb)
            if ratio >= SENTENCE_MIN:
                scored.append((-ratio, i, j))
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(scored):  # best first, keeping document order on both sides
        if all((i - pi) * (j - pj) > 0 for pi, pj in pairs):
            pairs.append((i, j))
    ops: list[TokenOp] = []
    same = 0
    pi, pj = 0, 0
    for i, j in sorted(pairs):
        gap = _gap(old[pi:i], new[pj:j])
        pair_ops, pair_same, _ = _ops_and_same(old[i], new[j], lang)
        ops += gap + list(pair_ops)
        same += _equal_words(gap, lang) + pair_same
        pi, pj = i + 1, j + 1
    gap = _gap(old[pi:], new[pj:])
    return ops + gap, same + _equal_words(gap, lang)


def _equal_words(ops: Sequence[TokenOp], lang: str) -> int:
    return sum(count_words(tokenize(op.old, lang)) for op in ops if op.op == "equal")


def provision_ops(old: Provision, new: Provision, lang: str) -> tuple[tuple[TokenOp, ...], float]:
    """Sentence-level diff of two provisions, word-level within similar sentences, and the
    share of words left equal (difflib's ratio over words and punctuation)."""
    a, b = provision_units(old, lang), provision_units(new, lang)
    ops: list[TokenOp] = []
    # the words left equal, counted as the match counts them (Chinese: by characters,
    # though the ops show words)
    same = 0
    # The spaces between sentences are junk: matched, they would cut a run of rewritten
    # sentences into one-to-one replacements of unrelated sentences.
    matcher = SequenceMatcher(str.isspace, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            block, block_same = _replace_block(a[i1:i2], b[j1:j2], lang)
            ops += block
            same += block_same
        else:
            gap = _gap(a[i1:i2], b[j1:j2])
            ops += gap
            same += _equal_words(gap, lang)
    merged = _merge_ops(ops)
    total = count_words(tokenize("".join(a), lang)) + count_words(tokenize("".join(b), lang))
    ratio = round(2 * same / total, 4) if total else 1.0
    return merged, ratio


def elide(ops: Sequence[TokenOp], context: int, lang: str) -> tuple[TokenOp, ...]:
    """Shorten equal runs to ``context`` words either side of a change, joined by "…".

    The elided stretches become ``TokenOp("elided", "…", "…")``; a provision with no
    change is returned whole.
    """
    if all(op.op == "equal" for op in ops):
        return tuple(ops)
    out: list[TokenOp] = []
    last = len(ops) - 1
    for k, op in enumerate(ops):
        if op.op != "equal":
            out.append(op)
            continue
        tokens = tokenize(op.old, lang)
        words = [i for i, t in enumerate(tokens) if not t.isspace()]
        keep_head = context if k > 0 else 0
        keep_tail = context if k < last else 0
        if len(words) <= keep_head + keep_tail:
            out.append(op)
            continue
        head_end = words[keep_head - 1] + 1 if keep_head else 0
        tail_start = words[len(words) - keep_tail] if keep_tail else len(tokens)
        head, tail = "".join(tokens[:head_end]), "".join(tokens[tail_start:])
        if head:
            out.append(TokenOp("equal", head, head))
        out.append(TokenOp("elided", "…", "…"))
        if tail:
            out.append(TokenOp("equal", tail, tail))
    return tuple(out)
