"""Word's automatic list numbering: number formats, level text, counters and styles.

The .docx files are zipped by hand from the XML each test writes, so that every
numbering feature is exercised exactly as word/numbering.xml and word/styles.xml spell it.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from policydiff.errors import InputError
from policydiff.ingest import extract_docx
from policydiff.ingest.decode import decode_bytes
from policydiff.ingest.docx_numbering import format_number
from policydiff.ingest.extract_docx import docx_to_text

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(
    body: str,
    numbering: str = "",
    styles: str = "",
    *,
    doctype_in: str = "",
    notes: dict[str, str] | None = None,
) -> bytes:
    """A .docx of ``body``'s paragraphs, with numbering and styles parts when given;
    ``doctype_in`` names a part ("numbering") to give a DTD declaring an entity; ``notes``
    gives parts of notes by name ("footnotes": its w:footnote elements)."""
    parts = {"document": f"<w:document {W}><w:body>{body}</w:body></w:document>"}
    for name, inner in (notes or {}).items():
        parts[name] = f"<w:{name} {W}>{inner}</w:{name}>"
    if numbering:
        parts["numbering"] = f"<w:numbering {W}>{numbering}</w:numbering>"
    if styles:
        parts["styles"] = f"<w:styles {W}>{styles}</w:styles>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, xml in parts.items():
            dtd = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' if name == doctype_in else ""
            archive.writestr(
                f"word/{name}.xml", f'<?xml version="1.0" encoding="UTF-8"?>{dtd}{xml}'
            )
    return buffer.getvalue()


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(abstract_id: int, *levels: str, extra: str = "") -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(levels)}</w:abstractNum>'
    )


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def p(text: str, num_id: int | None = None, ilvl: int | None = None, style: str = "") -> str:
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None or ilvl is not None:
        properties += "<w:numPr>"
        properties += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        properties += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        properties += "</w:numPr>"
    run = f"<w:r><w:t>{text}</w:t></w:r>" if text else ""
    return f"<w:p><w:pPr>{properties}</w:pPr>{run}</w:p>"


CHINESE = abstract(
    1,
    lvl(0, "chineseCounting", "%1、"),
    lvl(1, "chineseCounting", "（%2）"),
    lvl(2, "decimal", "%3."),
) + num(1, 1)


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("fmt", "n", "expected"),
    [
        ("chineseCounting", 1, "一"), ("chineseCounting", 9, "九"), ("chineseCounting", 10, "十"),
        ("chineseCounting", 11, "十一"), ("chineseCounting", 19, "十九"),
        ("chineseCounting", 20, "二十"), ("chineseCounting", 21, "二十一"),
        ("chineseCounting", 99, "九十九"), ("chineseCounting", 100, "一百"),
        ("chineseCounting", 101, "一百零一"), ("chineseCounting", 110, "一百一十"),
        ("chineseCounting", 1001, "一千零一"), ("chineseCounting", 10010, "一万零一十"),
        ("chineseCounting", 100000, "十万"),
        ("chineseCountingThousand", 12, "十二"), ("taiwaneseCounting", 30, "三十"),
        ("chineseLegalSimplified", 1, "壹"), ("chineseLegalSimplified", 10, "壹拾"),
        ("chineseLegalSimplified", 11, "壹拾壹"), ("chineseLegalSimplified", 20, "贰拾"),
        ("chineseLegalSimplified", 105, "壹佰零伍"), ("ideographLegalTraditional", 12, "壹拾貳"),
        ("japaneseCounting", 10, "十"), ("japaneseCounting", 21, "二十一"),
        ("japaneseCounting", 101, "百一"), ("japaneseCounting", 1000, "千"),
        ("ideographTraditional", 1, "甲"), ("ideographTraditional", 10, "癸"),
        ("ideographTraditional", 11, "甲"), ("ideographZodiac", 1, "子"),
        ("ideographDigital", 10, "一〇"), ("ideographDigital", 2025, "二〇二五"),
        ("ideographEnclosedCircle", 3, "㊂"),
        ("decimal", 7, "7"), ("decimalZero", 7, "07"), ("decimalZero", 12, "12"),
        ("decimalFullWidth", 12, "１２"), ("decimalHalfWidth", 12, "12"),
        ("decimalEnclosedCircle", 1, "①"), ("decimalEnclosedCircle", 20, "⑳"),
        ("decimalEnclosedCircle", 21, "㉑"), ("decimalEnclosedCircle", 50, "㊿"),
        ("decimalEnclosedCircle", 51, "51"), ("decimalEnclosedParen", 3, "⑶"),
        ("decimalEnclosedFullstop", 3, "⒊"),
        ("upperRoman", 4, "IV"), ("upperRoman", 1999, "MCMXCIX"), ("lowerRoman", 9, "ix"),
        ("upperLetter", 1, "A"), ("upperLetter", 26, "Z"), ("upperLetter", 27, "AA"),
        ("upperLetter", 28, "BB"), ("lowerLetter", 53, "aaa"),
        ("ordinal", 1, "1st"), ("ordinal", 2, "2nd"), ("ordinal", 3, "3rd"),
        ("ordinal", 11, "11th"), ("ordinal", 13, "13th"), ("ordinal", 21, "21st"),
        ("ordinal", 112, "112th"),
        ("cardinalText", 21, "Twenty-one"), ("ordinalText", 2, "Second"),
        ("ordinalText", 12, "Twelfth"), ("ordinalText", 20, "Twentieth"),
        ("ordinalText", 23, "Twenty-third"),
        ("none", 3, ""), ("bullet", 3, ""), ("hebrew1", 3, "3"),  # unknown: decimal
    ],
)  # fmt: skip
def test_format_number(fmt: str, n: int, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_chinese_counting_runs_on_without_yi_shi() -> None:
    assert " ".join(format_number(n, "chineseCounting") for n in range(8, 24)) == (
        "八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 二十一 二十二 二十三"
    )


# --------------------------------------------------------------------------- counters


def test_five_numbered_tasks_keep_their_numbers() -> None:
    numbering = abstract(3, lvl(0, "decimal", "%1.")) + num(3, 3)
    tasks = ["Cut energy use.", "Build green.", "Renovate.", "Recycle water.", "Plant trees."]
    text = docx_to_text(docx("".join(p(t, 3, 0) for t in tasks), numbering), "t.docx")
    assert text.splitlines() == [f"{i}. {t}" for i, t in enumerate(tasks, start=1)]


def test_levels_restart_below_a_level_that_advances() -> None:
    body = "".join(
        [
            p("总体要求", 1, 0), p("指导思想。", 1, 1), p("工作原则。", 1, 1),
            p("推广超低能耗建筑。", 1, 2), p("发展零碳建筑。", 1, 2), p("总体目标。", 1, 1),
            p("保障措施", 1, 0), p("加强党的领导。", 1, 1), p("落实责任。", 1, 2),
        ]
    )  # fmt: skip
    assert docx_to_text(docx(body, CHINESE), "zh.docx").splitlines() == [
        "一、总体要求", "（一）指导思想。", "（二）工作原则。", "1.推广超低能耗建筑。",
        "2.发展零碳建筑。", "（三）总体目标。", "二、保障措施", "（一）加强党的领导。",
        "1.落实责任。",
    ]  # fmt: skip


def test_twelve_articles_are_counted_in_chinese() -> None:
    numbering = abstract(4, lvl(0, "chineseCounting", "第%1条")) + num(4, 4)
    body = "".join(p("内容。", 4, 0) for _ in range(21))
    lines = docx_to_text(docx(body, numbering), "t.docx").splitlines()
    assert [lines[i] for i in (0, 9, 10, 19, 20)] == [
        "第一条内容。", "第十条内容。", "第十一条内容。", "第二十条内容。", "第二十一条内容。",
    ]  # fmt: skip


def test_multi_level_text_and_legal_numbering() -> None:
    numbering = (
        abstract(5, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>"))
        + abstract(6, lvl(0, "upperRoman", "%1."), lvl(1, "lowerLetter", "%1.%2"))
        + num(5, 5)
        + num(6, 6)
    )
    body = "".join([p("Part", 5, 0), p("a", 5, 1), p("b", 5, 1), p("Part", 5, 0), p("c", 5, 1)])
    body += "".join([p("Part", 6, 0), p("d", 6, 1)])
    assert docx_to_text(docx(body, numbering), "t.docx").splitlines() == [
        "I. Part",
        "1.1 a",
        "1.2 b",
        "II. Part",
        "2.1 c",
        "I. Part",
        "I.a d",
    ]


def test_start_values_and_overrides_follow_the_shared_list() -> None:
    numbering = (
        abstract(7, lvl(0, "decimal", "%1.", start=5))
        + num(7, 7)
        + num(8, 7, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
        + num(9, 7)  # the same list again, without an override: it carries on
    )
    body = "".join([p("a", 7, 0), p("b", 7, 0), p("c", 8, 0), p("d", 8, 0), p("e", 9, 0)])
    text = docx_to_text(docx(body, numbering), "t.docx")
    assert text.splitlines() == ["5. a", "6. b", "1. c", "2. d", "3. e"]


def test_level_restart_zero_never_restarts() -> None:
    numbering = abstract(
        10,
        lvl(0, "chineseCounting", "%1、"),
        lvl(1, "decimal", "（%2）", extra='<w:lvlRestart w:val="0"/>'),
    ) + num(10, 10)
    body = "".join([p("甲", 10, 0), p("a", 10, 1), p("b", 10, 1), p("乙", 10, 0), p("c", 10, 1)])
    assert docx_to_text(docx(body, numbering), "t.docx").splitlines() == [
        "一、甲", "（1）a", "（2）b", "二、乙", "（3）c",
    ]  # fmt: skip


def test_a_level_override_replaces_the_format() -> None:
    override = '<w:lvlOverride w:ilvl="0">' + lvl(0, "lowerLetter", "%1)") + "</w:lvlOverride>"
    numbering = abstract(11, lvl(0, "decimal", "%1.")) + num(11, 11, override)
    assert docx_to_text(docx(p("one", 11, 0) + p("two", 11, 0), numbering), "t") == "a) one\nb) two"


def test_bullets_stay_unnumbered_and_do_not_disturb_the_count() -> None:
    numbering = (
        abstract(12, lvl(0, "decimal", "%1."), lvl(1, "bullet", "\uf0b7"))
        + abstract(13, lvl(0, "bullet", "•"))
        + num(12, 12)
        + num(13, 13)
    )
    body = "".join([p("one", 12, 0), p("point", 12, 1), p("other", 13, 0), p("two", 12, 0)])
    assert docx_to_text(docx(body, numbering), "t").splitlines() == [
        "1. one", "point", "other", "2. two",
    ]  # fmt: skip


def test_an_empty_numbered_paragraph_takes_its_number() -> None:
    numbering = abstract(14, lvl(0, "decimal", "%1.")) + num(14, 14)
    body = p("one", 14, 0) + p("", 14, 0) + p("three", 14, 0)
    assert docx_to_text(docx(body, numbering), "t") == "1. one\n\n3. three"


@pytest.mark.parametrize(
    ("suffix", "expected"), [("", "1. Text"), ("space", "1. Text"), ("nothing", "1.Text")]
)
def test_the_suffix_after_a_label(suffix: str, expected: str) -> None:
    extra = f'<w:suff w:val="{suffix}"/>' if suffix else ""
    numbering = abstract(15, lvl(0, "decimal", "%1.", extra=extra)) + num(15, 15)
    assert docx_to_text(docx(p("Text", 15, 0), numbering), "t") == expected


def test_a_numbered_paragraph_in_a_table_cell() -> None:
    numbering = abstract(16, lvl(0, "decimalEnclosedCircle", "%1")) + num(16, 16)
    cell = f"<w:tbl><w:tr><w:tc>{p('指标', 16, 0)}</w:tc><w:tc>{p('目标', 16, 0)}</w:tc></w:tr></w:tbl>"
    # numbered in its cells, and the row of data one line
    assert docx_to_text(docx(cell, numbering), "t") == "①指标 ②目标"


def test_a_row_whose_task_ends_a_sentence_keeps_its_figures_beside_it() -> None:
    # read cell by cell, 500 stood alone on a line and was removed as a page number
    cells = "".join(
        f"<w:tc>{p(text)}</w:tc>" for text in ("1", "完成老旧小区改造。", "万平方米", "500")
    )
    table = f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>"
    assert docx_to_text(docx(table), "t") == "1 完成老旧小区改造。 万平方米 500"
    # a cell of two provisions beside another cell stays as it is: a page laid out in a table
    layout = f"<w:tbl><w:tr><w:tc>{p('一、总体要求')}{p('推动绿色发展。')}</w:tc><w:tc>{p('附注。')}</w:tc></w:tr></w:tbl>"
    assert docx_to_text(docx(layout), "t") == "一、总体要求\n推动绿色发展。\n附注。"


# --------------------------------------------------------------------------- styles

STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="PartHeading"><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="RedPart"><w:basedOn w:val="PartHeading"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="ItemHeading">'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
)


def test_numbering_inherited_from_a_paragraph_style() -> None:
    numbering = abstract(
        1,
        lvl(0, "chineseCounting", "%1、"),
        lvl(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="ItemHeading"/>'),
    ) + num(1, 1)
    body = "".join(
        [
            p("总体要求", style="PartHeading"),  # numbered by its style
            p("指导思想。", style="ItemHeading"),  # its level found by w:lvl/w:pStyle
            p("工作原则。", ilvl=1, style="PartHeading"),  # the style's list, its own level
            p("重点任务", style="RedPart"),  # numbered through w:basedOn
            p("不编号的段落。", num_id=0, style="PartHeading"),  # numId 0 switches it off
            p("正文。"),
        ]
    )
    assert docx_to_text(docx(body, numbering, STYLES), "t").splitlines() == [
        "一、总体要求", "（一）指导思想。", "（二）工作原则。", "二、重点任务", "不编号的段落。",
        "正文。",
    ]  # fmt: skip


def test_a_list_defined_by_a_numbering_style() -> None:
    numbering = (
        abstract(20, extra='<w:numStyleLink w:val="PolicyList"/>')
        + abstract(21, lvl(0, "chineseCounting", "%1、"), extra='<w:styleLink w:val="PolicyList"/>')
        + num(20, 20)
        + num(21, 21)
    )
    styles = (
        '<w:style w:type="numbering" w:styleId="PolicyList">'
        '<w:pPr><w:numPr><w:numId w:val="21"/></w:numPr></w:pPr></w:style>'
    )
    body = p("总体要求", 20, 0) + p("重点任务", 20, 0)
    assert docx_to_text(docx(body, numbering, styles), "t") == "一、总体要求\n二、重点任务"


def test_a_style_chain_that_loops_ends() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>'
    )
    assert docx_to_text(docx(p("text", style="A"), CHINESE, styles), "t") == "text"


# --------------------------------------------------------------------------- safety


@pytest.mark.parametrize("part", ["document", "numbering", "styles"])
def test_a_part_declaring_a_dtd_is_refused(part: str) -> None:
    data = docx(p("text"), "<w:x/>", "<w:x/>", doctype_in=part)
    with pytest.raises(
        InputError, match=rf"^d\.docx: corrupt \.docx: word/{part}\.xml declares a DTD$"
    ):
        decode_bytes(data, "d.docx")


def test_a_dtd_after_a_long_prolog_is_still_found() -> None:
    padding = "<!--" + " " * 8000 + "-->"
    document = f'<?xml version="1.0"?>{padding}<!DOCTYPE x><w:document {W}><w:body/></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
    with pytest.raises(InputError, match=r"word/document\.xml declares a DTD"):
        decode_bytes(buffer.getvalue(), "d.docx")


def test_a_dtd_in_a_utf16_part_is_found() -> None:
    document = f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><w:document {W}/>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document.encode("utf-16"))
    with pytest.raises(InputError, match=r"word/document\.xml declares a DTD"):
        decode_bytes(buffer.getvalue(), "d.docx")


def test_bad_xml_in_the_styles_part_is_refused() -> None:
    with pytest.raises(InputError, match=r"^d\.docx: corrupt \.docx: bad XML in word/styles\.xml"):
        decode_bytes(docx(p("text"), styles="<w:style>"), "d.docx")


def test_an_implausibly_large_numbering_part_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    many_lists = "".join(abstract(i, lvl(0, "decimal", "%1.")) for i in range(100, 200))
    data = docx(p("text", 1, 0), CHINESE + many_lists)
    monkeypatch.setattr(extract_docx, "MAX_XML_BYTES", 4000)  # document.xml is smaller
    with pytest.raises(InputError, match=r"word/numbering\.xml is implausibly large"):
        decode_bytes(data, "d.docx")


# --------------------------------------------------------------------------- notes, boxes, moves


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_a_footnote_or_endnote_is_read_after_the_paragraph_that_refers_to_it() -> None:
    body = (
        f"<w:p>{_run('推广绿色建材应用')}"
        '<w:r><w:footnoteReference w:id="1"/></w:r>'
        f"{_run('，新建建筑全面执行绿色建筑标准。')}</w:p>"
        f'<w:p>{_run("加强资金保障。")}<w:r><w:endnoteReference w:id="2"/></w:r></w:p>'
    )
    notes = {
        "footnotes": '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        '</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        f"{_run(' 绿色建材是指减少资源消耗的建材产品，政府投资项目应优先采购。')}</w:p></w:footnote>",
        "endnotes": f'<w:endnote w:id="2"><w:p>{_run("资金由市财政安排。")}</w:p></w:endnote>',
    }
    assert docx_to_text(docx(body, notes=notes), "t") == (
        "推广绿色建材应用，新建建筑全面执行绿色建筑标准。\n"
        "绿色建材是指减少资源消耗的建材产品，政府投资项目应优先采购。\n"
        "加强资金保障。\n资金由市财政安排。"
    )


def test_a_text_box_is_read_after_its_paragraph_and_a_moved_text_where_it_went() -> None:
    box = (
        '<w:r><w:drawing><wps:txbx xmlns:wps="urn:wps"><w:txbxContent>'
        f"<w:p>{_run('各级财政要加大资金支持力度。')}</w:p></w:txbxContent></wps:txbx>"
        "</w:drawing></w:r>"
    )
    moved = '<w:moveFrom w:id="3">' + _run("严格控制大规模拆除。") + "</w:moveFrom>"
    moved_to = '<w:moveTo w:id="4">' + _run("严格控制大规模拆除。") + "</w:moveTo>"
    body = (
        f"<w:p>{_run('（二）强化资金保障。')}{box}{_run('鼓励社会资本参与。')}</w:p>"
        f"<w:p>{moved}{_run('推进城市生命线安全工程建设。')}</w:p>"
        f"<w:p>{_run('加强历史文化保护传承。')}{moved_to}</w:p>"
    )
    assert docx_to_text(docx(body), "t") == (
        "（二）强化资金保障。鼓励社会资本参与。\n各级财政要加大资金支持力度。\n"
        "推进城市生命线安全工程建设。\n加强历史文化保护传承。严格控制大规模拆除。"
    )


def test_a_note_waits_for_a_sentence_is_read_once_and_not_when_its_reference_is_deleted() -> None:
    note = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    deleted = f'<w:del w:id="9">{note.replace("1", "2")}</w:del>'
    body = (
        f"<w:p>{_run('关于推进城市更新行动的指导意见')}{note}</w:p>"
        f"<w:p>{_run('建科〔2023〕30号')}</w:p>"
        f"<w:p>{_run('到2025年，老旧小区改造基本完成。')}{note}</w:p>"
        f"<w:p>{_run('严格控制大规模拆除。')}{deleted}</w:p>"
    )
    notes = {
        "footnotes": f'<w:footnote w:id="1"><w:p>{_run("本文件自印发之日起施行。")}</w:p></w:footnote>'
        f'<w:footnote w:id="2"><w:p>{_run("已删去的注释。")}</w:p></w:footnote>'
    }
    # the note on the title waits for the first sentence, keeping the number under the
    # title; referred to twice, it is read once; a deleted reference reads nothing
    assert docx_to_text(docx(body, notes=notes), "t") == (
        "关于推进城市更新行动的指导意见\n建科〔2023〕30号\n到2025年，老旧小区改造基本完成。\n"
        "本文件自印发之日起施行。\n严格控制大规模拆除。"
    )


def test_a_note_in_a_table_or_on_its_caption_is_read_below_the_table() -> None:
    note = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    cells = "".join(f"<w:tc>{p(text)}</w:tc>" for text in ("城市绿地率", "40%"))
    cited = f"<w:tc><w:p>{_run('达到45%以上。')}{note}</w:p></w:tc>"
    body = (
        f"<w:p>{_run('表1 主要指标')}{note}</w:p>"
        f"<w:tbl><w:tr>{cells}{cited}</w:tr></w:tbl>"
        f"<w:p>{_run('二、重点任务')}</w:p><w:p>{_run('推进老旧小区改造。')}</w:p>"
    )
    notes = {"footnotes": f'<w:footnote w:id="1"><w:p>{_run("按建成区统计。")}</w:p></w:footnote>'}
    # not inside the row of data, nor under the next part's first sentence
    assert docx_to_text(docx(body, notes=notes), "t") == (
        "表1 主要指标\n城市绿地率 40% 达到45%以上。\n按建成区统计。\n二、重点任务\n推进老旧小区改造。"
    )
