"""Word documents numbered by Word's automatic list numbering, built with python-docx.

The numbers a reader sees ("一、", "（一）", "1.") are not in the paragraphs' text: each
numbered paragraph points, by ``w:numPr``, to a list definition added to
word/numbering.xml; the parts' paragraphs inherit theirs from a paragraph style.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from tests.ingest.policy_samples import Sample

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass(frozen=True)
class ListLevel:
    fmt: str  # w:numFmt
    text: str  # w:lvlText
    start: int = 1


CHINESE_LEVELS = (
    ListLevel("chineseCounting", "%1、"),
    ListLevel("chineseCounting", "（%2）"),
    ListLevel("decimal", "%3."),
)
ENGLISH_LEVELS = (
    ListLevel("upperRoman", "%1."),
    ListLevel("decimal", "%2."),
    ListLevel("decimal", "(%3)"),
)
LIST_ID = 90  # both the abstractNum's and the num's id: clear of the template's own lists


def abstract_num(abstract_id: int, levels: tuple[ListLevel, ...]) -> str:
    return (
        f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="multilevel"/>'
        + "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{level.start}"/>'
            f'<w:numFmt w:val="{level.fmt}"/><w:lvlText w:val="{level.text}"/>'
            '<w:lvlJc w:val="left"/></w:lvl>'
            for i, level in enumerate(levels)
        )
        + "</w:abstractNum>"
    )


def add_list(document: Document, levels: tuple[ListLevel, ...], list_id: int = LIST_ID) -> None:
    """Define list ``list_id`` (a num and its abstractNum) in the numbering part."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    definition = parse_xml(abstract_num(list_id, levels))
    if first_num is None:
        numbering.append(definition)
    else:  # abstractNum elements come before num elements
        first_num.addprevious(definition)
    numbering.append(
        parse_xml(f'<w:num {W} w:numId="{list_id}"><w:abstractNumId w:val="{list_id}"/></w:num>')
    )


def number(element, list_id: int, level: int) -> None:  # type: ignore[no-untyped-def]
    """Give a paragraph's (or a style's) properties element a ``w:numPr``."""
    numbering = element.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = list_id


def write_docx(sample: Sample, levels: tuple[ListLevel, ...]) -> bytes:
    """``sample`` as Word would save it: typed labels left out, numbered automatically.

    Parts (level 1) are numbered by their paragraph style, "Policy Part"; items and
    sub-items by their own ``w:numPr``.
    """
    document = Document()
    add_list(document, levels)
    part_style = document.styles.add_style("Policy Part", WD_STYLE_TYPE.PARAGRAPH)
    part_style.base_style = document.styles["Normal"]
    number(part_style.element, LIST_ID, 0)
    document.add_paragraph(sample.title)
    for para in sample.paragraphs:
        if para.level == 1:
            document.add_paragraph(para.text, style=part_style)
        else:
            paragraph = document.add_paragraph(para.text)
            if para.level:
                number(paragraph._p, LIST_ID, para.level - 1)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
