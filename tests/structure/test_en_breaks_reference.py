"""The English sentence-end test against its first, slicing implementation (the reference).

The shipped one looks only at the characters next to each candidate end; this one cut
the line before and after every full stop, which is easy to read and quadratic.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policydiff.structure.sentences import (
    _CLOSERS,
    _EN_END_RE,
    _LABEL_BEFORE_RE,
    _OPENERS,
    ABBREVIATIONS,
    _en_breaks,
    _is_cjk,
)
from tests.conftest import BUNDLED


def reference_en_breaks(line: str) -> list[int]:
    breaks: list[int] = []
    for m in _EN_END_RE.finditer(line):
        end = m.end()
        after = line[end:]
        if after.strip():
            if not after[0].isspace():
                continue
            nxt = after.lstrip()[0]
            if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or _is_cjk(nxt)):
                continue
        if line[m.start()] == "." and m.group().rstrip(_CLOSERS) == ".":
            before = line[: m.start()]
            if _LABEL_BEFORE_RE.match(before):
                continue
            w = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
            if w is not None:
                word = w.group(1).lower()
                if word in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                    continue
        breaks.append(end)
    return breaks


PIECES = [
    *("e.g.", "U.S.", "No.", "Ltd.", "etc.", "Mr.", "St.", "a.b.c", "x.y", ".a", "b."),
    *("3.5", "1.", "IV.", "(2)", "...", ".", "!", "?", "“", "”", "(", ")", "'"),
    *(" ", "  ", "\t", "\u3000", "\xa0", "A", "a", "Z", "9", "word", "中", "。"),
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_breaks_equal_the_reference_on_tricky_lines(line: str) -> None:
    assert _en_breaks(line) == reference_en_breaks(line)


def test_breaks_equal_the_reference_on_every_bundled_line() -> None:
    lines = [
        line
        for path in sorted(BUNDLED.rglob("en*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) > 100
    assert [_en_breaks(line) for line in lines] == [reference_en_breaks(line) for line in lines]
