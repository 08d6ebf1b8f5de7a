"""Parse a version's clean text into provisions (preamble, parts, items) and sentences.

Numbering is interpreted by sequence: an arabic "3." is an item when item 3 is the next
item expected and a part when part 3 is the next part expected (see :func:`_classify`),
unless sub-items are numbered in its style and parts and items in others: then it is a
sub-item numbered on across items (1., 2. under （一）, 3. under （二）), ``"II.2.3"``.
Ids are language-neutral and derived from numbers only: part 3 is ``"III"``, its item 1
``"III.1"``, items numbered continuously keep their own number (``"IV.8"``), a sub-item is
``"III.1.2"``, the text before the first provision is ``"preamble"``, unnumbered headings
(only looked for when the text has no numbered parts at all) are ``"H1"``, ``"H2"``.
Items found before any part (a fragment) have no prefix: ``"2"``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from policydiff.models import Provision, Sentence, StructuredVersion, Version
from policydiff.structure.numbering import Label, match_label, to_roman
from policydiff.structure.sentences import split_sentences

__all__ = ["parse_provisions", "structure_version"]

_FINAL_PUNCT = ".。!！?？;；:：,，、…"
_SENTENCE_END = ".。!！?？\"'”’」』)）"
_RUN_ON_STARTERS = frozenset(
    (
        "We",
        "It",
        "This",
        "These",
        "Establish",
        "Implement",
        "Promote",
        "Improve",
        "Strengthen",
        "Build",
        "Accelerate",
        "Adhere",
        "Encourage",
        "Support",
        "Carry",
        "Deepen",
        "Develop",
        "Enhance",
        "Focus",
        "Ensure",
        "Optimize",
        "Explore",
        "Guide",
        "Advance",
        "Uphold",
        "Make",
        "Increase",
        "Give",
        "Persist",
        "Regulate",
        "Formulate",
        "Coordinate",
        "Fully",
        "Vigorously",
        "Actively",
        "Comprehensively",
        "Steadily",
        "Continue",
        "Insist",
    )
)
_TITLE_LIMIT = {"en": 150, "zh": 60}
_UNNUMBERED_HEADING_LIMIT = {"en": 80, "zh": 30}


@dataclass
class _Line:
    start: int  # absolute offset of the first non-space character
    end: int  # absolute offset after the last non-space character
    text: str
    label: Label | None = None


@dataclass
class _Block:
    """A provision under construction."""

    id: str
    label: str
    level: int
    parent: str | None
    number: int
    lines: list[_Line] = field(default_factory=list)
    heading: str = ""


def _lang(lang: str) -> str:
    return "zh" if lang.lower().startswith("zh") else "en"


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            line = text[start:end]
            out.append(_Line(start, end, line, match_label(line)))
    return out


def _rest(line: _Line) -> str:
    return line.text[line.label.end :] if line.label else line.text


def _title_like(rest: str, lang: str) -> bool:
    """A line (after its label) that is just a title: short, at most one sentence."""
    rest = rest.strip()
    if len(rest) > _TITLE_LIMIT[lang]:
        return False
    return len(split_sentences(rest, lang)) <= 1


class _Numberer:
    """Decides, line by line, what each numbered line is, by sequence."""

    def __init__(self) -> None:
        self.part_n = 0
        self.parts_seen = 0
        self.part_styles: set[str] = set()
        self.item_last: int | None = None  # last item number in the current part
        self.item_style: str | None = None
        self.item_styles: set[str] = set()  # item styles used in the current part
        self.items_overall = 0
        self.has_item = False
        self.sub_last: int | None = None
        self.sub_style: str | None = None

    def classify(self, label: Label, rest: str, lang: str) -> str | None:
        """ "part", "item", "sub" or ``None`` (not a label after all: body text)."""
        n, style, family = label.number, label.style, label.family
        title = _title_like(rest, lang)
        exp_part = self.part_n + 1
        if self.item_last is not None:
            exp_items = {self.item_last + 1}
        else:
            exp_items = {1, self.items_overall + 1}
        if family == "part":
            if style == "ordinal" and not title:
                return None  # "First, we will ..." inside a body
            in_range = n == exp_part or (
                n > self.part_n and (n <= self.part_n + 3 or (self.parts_seen == 0 and n <= 20))
            )
            if in_range or (title and n <= 50):
                return self._part(n, style)
            return None
        if (
            self.sub_last is not None
            and style == self.sub_style
            and n == self.sub_last + 1
            and not (n in exp_items and style in self.item_styles)
        ):
            return self._sub(n, style)
        if (
            family == "any"
            and self.has_item
            and style == self.sub_style
            and self.part_styles
            and style not in self.part_styles | self.item_styles
        ):
            # sub-items numbered on from the item before's (1., 2. under （四）, then 3. under
            # （五）): neither a part nor an item, where those are numbered in other styles
            return self._sub(n, style)
        if family == "any" and n == exp_part and n in exp_items:
            in_parts, in_items = style in self.part_styles, style in self.item_styles
            if in_parts != in_items:
                return self._part(n, style) if in_parts else self._item(n, style)
            return self._part(n, style) if title else self._item(n, style)
        if n in exp_items:
            return self._item(n, style)
        if family == "any" and n == exp_part:
            return self._part(n, style)
        if self.has_item and n == 1 and style != self.item_style:
            return self._sub(n, style)
        if family == "any" and title and n > self.part_n and style not in self.item_styles:
            return self._part(n, style)
        return self._item(n, style)

    def _part(self, n: int, style: str) -> str:
        self.part_n = n
        self.parts_seen += 1
        self.part_styles.add(style)
        self.item_last = None
        self.item_style = None
        self.item_styles = set()
        self.has_item = False
        self.sub_last = None
        return "part"

    def _item(self, n: int, style: str) -> str:
        self.item_last = n
        self.item_style = style
        self.item_styles.add(style)
        self.items_overall = n
        self.has_item = True
        self.sub_last = None
        return "item"

    def _sub(self, n: int, style: str) -> str:
        self.sub_last = n
        self.sub_style = style
        return "sub"

    def heading(self) -> None:
        """An unnumbered heading acts as a part boundary for item sequencing."""
        self.item_last = None
        self.item_styles = set()
        self.has_item = False
        self.sub_last = None


# 附件, 附件：, 附件1, 附件2：, 附件：1.…清单 (a line of its own, not a sentence about one)
ATTACHMENT = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*(?:[:：]|$)")


def _is_unnumbered_heading(lines: list[_Line], i: int, lang: str) -> bool:
    line = lines[i]
    if line.label is not None or i == 0 or i + 1 >= len(lines):
        return False
    text = line.text
    if len(text) > _UNNUMBERED_HEADING_LIMIT[lang] or len(text) < 2:
        return False
    if text[-1] in _FINAL_PUNCT or text[-1] in _SENTENCE_END:
        return False
    if not (text[0].isalpha() and not text[0].islower()):
        return False
    if lines[i - 1].text[-1] not in _SENTENCE_END:
        return False  # right after a title or another heading: not where a part starts
    nxt = lines[i + 1]
    return nxt.label is not None or (nxt.text[-1] in _SENTENCE_END and len(nxt.text) > len(text))


def _assign(lines: list[_Line], lang: str, unnumbered: bool) -> list[tuple[str, _Line]]:
    """Each line with its role: "body", "part", "item", "sub" or "heading"."""
    numberer = _Numberer()
    roles: list[tuple[str, _Line]] = []
    for i, line in enumerate(lines):
        role: str | None = None
        if line.label is not None:
            role = numberer.classify(line.label, _rest(line), lang)
        elif i and ATTACHMENT.match(line.text):
            # the attachments after the text (附件：1.…任务清单 / 2.…责任分工, then 附件1 and
            # its table) are no items of its last part: each opens a heading of its own
            numberer.heading()
            role = "heading"
        elif unnumbered and _is_unnumbered_heading(lines, i, lang):
            numberer.heading()
            role = "heading"
        roles.append((role or "body", line))
    return roles


class _Ids:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        candidate, k = wanted, 1
        while candidate in self.used:
            k += 1
            candidate = f"{wanted}-{k}"
        self.used.add(candidate)
        return candidate


def _blocks(roles: list[tuple[str, _Line]]) -> list[_Block]:
    ids = _Ids()
    blocks: list[_Block] = []
    part: _Block | None = None
    item: _Block | None = None
    headings = 0
    for role, line in roles:
        if role == "body":
            if not blocks:
                blocks.append(_Block(ids.take("preamble"), "", 0, None, 0))
            blocks[-1].lines.append(line)
            continue
        label = line.label
        text = label.text if label and role != "heading" else ""
        n = label.number if label else 0
        if role == "heading":
            headings += 1
            part = _Block(ids.take(f"H{headings}"), "", 1, None, headings)
            item = None
            block = part
        elif role == "part":
            part = _Block(ids.take(to_roman(n)), text, 1, None, n)
            item = None
            block = part
        elif role == "item" or item is None:
            parent = part.id if part else None
            wanted = f"{parent}.{n}" if parent else str(n)
            item = _Block(ids.take(wanted), text, 2, parent, n)
            block = item
        else:
            block = _Block(ids.take(f"{item.id}.{n}"), text, 3, item.id, n)
        block.lines.append(line)
        blocks.append(block)
    return blocks


_WORD_RE = re.compile(r"\S+")


def _run_on_split(rest: str, lang: str) -> int | None:
    """Where a title without final period runs into the body ("... clusters We will ...")."""
    if lang != "en":
        return None
    # the first 25 words are all that is looked at (and whether there are more than 20)
    words = list(itertools.islice(_WORD_RE.finditer(rest), 25))
    if len(words) <= 20:
        return None
    for prev, word in itertools.pairwise(words):
        if (
            word.group() in _RUN_ON_STARTERS
            and prev.group()[0].islower()
            and prev.group()[-1].isalpha()
            and prev.start() > 0
        ):
            return word.start()
    return None


def _sentences_of(text: str, block: _Block, lang: str) -> tuple[tuple[Sentence, ...], str]:
    """The block's sentences (labels excluded) and its heading."""
    spans: list[tuple[int, int]] = []
    heading = ""
    for k, line in enumerate(block.lines):
        offset = line.start
        body = line.text
        if k == 0 and line.label is not None and block.label:
            offset += line.label.end
            body = line.text[line.label.end :]
        line_spans = split_sentences(body, lang, offset)
        if k == 0 and block.level > 0 and line_spans:
            first_start, first_end = line_spans[0]
            if block.level == 1:
                # a part's heading line is its title, unless it goes on past a sentence
                # (一、坚持城市体检先行。建立城市体检机制…): then its first sentence is. Not cut
                # where a title seems to run into the text, as an item's is: part titles
                # are in title case (…Embark on a New Chapter of Comprehensively Promoting…)
                heading = (
                    text[offset : line.end].strip()
                    if len(line_spans) == 1
                    else text[first_start:first_end]
                )
            else:
                cut = _run_on_split(text[first_start:first_end], lang)
                if cut is not None:
                    mid = first_start + cut
                    title_end = mid
                    while text[title_end - 1].isspace():
                        title_end -= 1
                    line_spans[0:1] = [(first_start, title_end), (mid, first_end)]
                    first_end = title_end
                heading = text[first_start:first_end]
            heading = heading.rstrip(".。:：;；").strip()
        spans.extend(line_spans)
    sentences = tuple(
        Sentence(block.id, i, s, e, text[s:e]) for i, (s, e) in enumerate(spans, start=1)
    )
    return sentences, heading


def parse_provisions(text: str, lang: str) -> tuple[Provision, ...]:
    """Provisions of a clean text, in text order (a part comes before its items)."""
    lang = _lang(lang)
    lines = _lines(text)
    roles = _assign(lines, lang, unnumbered=False)
    if not any(role == "part" for role, _ in roles):
        roles = _assign(lines, lang, unnumbered=True)
    blocks = _blocks(roles)
    provisions: list[Provision] = []
    paths: dict[str, tuple[str, ...]] = {}
    for block in blocks:
        sentences, heading = _sentences_of(text, block, lang)
        own = f"{block.id} {heading}".strip() if block.level else "Preamble"
        path = (*paths.get(block.parent, ()), own) if block.parent else (own,)
        paths[block.id] = path
        provisions.append(
            Provision(
                id=block.id,
                label=block.label,
                heading=heading,
                level=block.level,
                parent=block.parent,
                start=block.lines[0].start,
                end=block.lines[-1].end,
                sentences=sentences,
                path=path,
            )
        )
    return tuple(provisions)


def structure_version(document_id: str, version: Version) -> StructuredVersion:
    """``version`` parsed into provisions and sentences."""
    return StructuredVersion(
        document_id=document_id,
        version=version,
        provisions=parse_provisions(version.text, version.lang),
    )
