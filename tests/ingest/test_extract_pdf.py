"""PDFs laid out like printed policy documents ingest to what the same text typed plainly does.

The PDFs are built with reportlab (tests/ingest/make_pdf.py); each test first checks
that the layout case it is about really occurs in the PDF it built.
"""

from __future__ import annotations

import html
import io
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from policydiff.ingest.decode import RawText, decode_bytes
from tests.ingest.make_pdf import (
    A4,
    CHINESE_OFFICIAL,
    ENGLISH_REPORT,
    SONG,
    Layout,
    numbered_pages,
    print_pdf,
)
from tests.ingest.policy_samples import EN, ZH, Para, Sample, plan, provisions

CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.parametrize(
    ("sample", "layout", "furniture"),
    [
        (ZH, CHINESE_OFFICIAL, ["page 1: — 1 —", "page 2: — 2 —", "page 3: — 3 —"]),
        (EN, ENGLISH_REPORT, [
            f"page {n}: {line}"
            for n in (1, 2, 3)
            for line in ("State Council Gazette · Urban and Rural Construction", f"Page {n} of 3")
        ]),
    ],
    ids=["zh", "en"],
)  # fmt: skip
def test_a_printed_pdf_ingests_to_the_sentences_and_provisions_of_the_plain_text(
    tmp_path: Path, sample: Sample, layout: Layout, furniture: list[str]
) -> None:
    printed = print_pdf(sample, layout)
    lines = printed.lines()
    assert len(printed.pages) == 3 and printed.page_breaks_inside_paragraphs() == 2
    assert len(lines) > 2 * len(sample.paragraphs)  # most paragraphs wrap
    if sample.lang == "en":
        assert sum(text.endswith("-") for _, text in lines) >= 3  # words hyphenated
        assert sum(text[0].islower() for _, text in lines) >= 10  # lines broken mid-sentence

    from_pdf = plan(tmp_path, "printed.pdf", printed.pdf)
    typed = plan(tmp_path, "typed.txt", sample.plain().encode("utf-8"))

    assert len(provisions(typed)) == len(sample.paragraphs)  # the preamble and each numbered one
    assert provisions(from_pdf) == provisions(typed)
    assert from_pdf.version.text == typed.version.text
    assert list(from_pdf.raw.furniture) == furniture


def test_a_directive_cue_stays_with_its_object_across_a_line_break(tmp_path: Path) -> None:
    printed = print_pdf(ZH, CHINESE_OFFICIAL)
    lines = [text for _, text in printed.lines()]
    assert "以让人民群众住上更" in lines[5] and lines[6].startswith("好的房子为目标，积极推广")
    assert lines[6].endswith("推动城乡建") and lines[7].startswith("设全面绿色转型")
    sentences = [s for *_, texts in provisions(plan(tmp_path, "p.pdf", printed.pdf)) for s in texts]
    assert (
        "以习近平新时代中国特色社会主义思想为指导，完整、准确、全面贯彻新发展理念，"
        "以让人民群众住上更好的房子为目标，"
        "积极推广绿色建材和装配式建筑，推动城乡建设全面绿色转型。"
    ) in sentences


def test_a_title_wrapped_over_two_lines_is_read_as_one_line() -> None:
    title = "Notice on Strengthening the Management of Ultra-Low Energy Buildings in Urban and Rural Areas"
    sample = Sample("en", title, EN.paragraphs[:3])
    printed = print_pdf(sample, replace(ENGLISH_REPORT, header="", lines_per_page=60))
    assert [text for n, text in printed.lines() if n == -1] == [
        "Notice on Strengthening the Management of Ultra-",  # broken at its hyphen
        "Low Energy Buildings in Urban and Rural Areas",
    ]
    text = decode_bytes(printed.pdf, "notice.pdf").text
    assert text.splitlines()[:2] == [title, EN.line(EN.paragraphs[0])]


def test_a_real_hyphen_at_a_line_end_is_kept_and_a_typesetters_is_not() -> None:
    para = Para(
        3,
        "(1)",
        "We will vigorously promote ultra-low energy and near-zero energy buildings, "
        "strengthening the construction of high-quality green buildings, and develop "
        "zero-carbon buildings in cities and towns, comprehensively advancing the "
        "transformation of construction methods.",
    )
    sample = Sample("en", "Opinions", (para,))
    printed = print_pdf(sample, replace(ENGLISH_REPORT, margin=198.0, header=""))
    ends = [text.rsplit(" ", 1)[-1] for _, text in printed.lines()]
    assert [end for end in ends if end.endswith("-")] == ["ultra-", "con-", "com-", "transfor-"]
    text = decode_bytes(printed.pdf, "hyphens.pdf").text
    assert text.splitlines() == ["Opinions", sample.line(para)]


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("— {n} —", "— {n} —"),
        ("- {n} -", "- {n} -"),
        ("{n}", "{n}"),
        ("第{n}页", "第{n}页"),
        ("第{n}页 共{of}页", "第{n}页共{of}页"),  # no space between Chinese characters
        ("Page {n} of {of}", "Page {n} of {of}"),
        ("{n}/{of}", "{n}/{of}"),
    ],
)
def test_page_numbers_are_reported_not_kept(printed: str, read: str) -> None:
    pages = [["一、总体要求", "（一）指导思想。"], ["（二）工作原则。"], ["二、保障措施"]]
    data = numbered_pages(pages, lambda n, of: printed.format(n=n, of=of))
    raw = decode_bytes(data, "numbered.pdf")
    assert raw.text == "一、总体要求\n（一）指导思想。\n（二）工作原则。\n二、保障措施"
    assert raw.furniture == tuple(f"page {n}: {read.format(n=n, of=3)}" for n in (1, 2, 3))


def test_a_two_page_documents_running_header_is_reported_and_its_title_kept() -> None:
    # a running header needed three pages: on two it was kept, glued into the title
    header, title = "河南省住房和城乡建设厅", "河南省城乡建设领域碳达峰行动方案"
    pages = [[header, title, "一、总体要求", "（一）指导思想。"], [header, "（二）工作原则。"]]
    raw = decode_bytes(numbered_pages(pages, lambda n, of: f"— {n} —"), "short.pdf")
    assert raw.text == f"{title}\n一、总体要求\n（一）指导思想。\n（二）工作原则。"
    assert [line for line in raw.furniture if header in line] == [
        f"page 1: {header}",
        f"page 2: {header}",
    ]
    # the title printed larger on the first page, where the second's header repeats it
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for size, lines in ((22, [title, "一、总体要求"]), (10, [title, "（二）工作原则。"])):
        pdf.setFont(SONG, size)
        pdf.drawString(72, A4[1] - 72, lines[0])
        pdf.setFont(SONG, 12)
        pdf.drawString(72, A4[1] - 120, lines[1])
        pdf.showPage()
    pdf.save()
    raw = decode_bytes(buffer.getvalue(), "titled.pdf")
    assert raw.text.startswith(f"{title}\n一、总体要求\n")


@pytest.mark.parametrize(
    "pages",
    [
        [
            ["附件1", "城市更新重点任务清单", "（一）推进老旧小区改造。"],
            ["附件2", "城市更新保障措施"],
        ],
        [
            ["（一）加强组织领导，压实各方责任。", "（二）强化资金保障。"],
            ["（一）加强组织领导，压实各方责任。", "（二）完善考核机制。"],
        ],
        [
            ["第1条本办法适用于本市行政区域", "其他内容。"],
            ["第9条本办法适用于本市行政区域", "其他内容二。"],
        ],
    ],
    ids=["attachments", "one-provision-twice", "numbered"],
)
def test_lines_heading_both_pages_of_a_short_document_that_are_text_are_kept(
    pages: list[list[str]],
) -> None:
    # alike at the head of each of two pages, they read as a running header and went
    raw = decode_bytes(numbered_pages(pages, lambda n, of: f"— {n} —"), "two.pdf")
    assert raw.text.splitlines() == [line for page in pages for line in page]


def _ruled(pages: list[list[str | list[tuple[str, ...]]]]) -> bytes:
    """Pages of paragraphs (a string) and ruled tables (a list of rows), drawn in order."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for items in pages:
        pdf.setFont(SONG, 12)
        top = 72.0
        for item in items:
            if isinstance(item, str):
                pdf.drawString(72, A4[1] - top - 14, item)
                top += 26
                continue
            for r, cells in enumerate(item):
                x, y = 72.0, A4[1] - top - 24 * (r + 1)
                for width, cell in zip((60, 200, 150), cells, strict=True):
                    pdf.rect(x, y, width, 24)
                    pdf.drawString(x + 3, y + 7, cell)
                    x += width
            top += 24 * len(item) + 10
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_second_table_opening_alike_keeps_its_first_row() -> None:
    # a table's first row at the head of a later page was taken for its repeated header,
    # though the page before ended on another table's title, not on its rows
    head = ("序号", "重点任务", "责任单位")
    first = [head, ("1", "老旧小区改造", "市住房城乡建设委"), ("2", "管网更新", "市水务局")]
    second = [head, ("1", "加装电梯", "市住房城乡建设委"), ("2", "停车设施", "市交通委")]
    pages = [
        ["附件1 2024年重点任务", first, "附件2 2025年重点任务"],
        [second, "各单位要按时报送进展。"],
    ]
    raw = decode_bytes(_ruled(pages), "tables.pdf")
    assert raw.text.splitlines().count("序号 重点任务 责任单位") == 2
    assert not raw.furniture
    # a table running to the page's foot and on at the head of the next repeats its header
    longer = [
        head,
        *[(str(n), f"第{n}项老旧小区和管网改造任务", "市住房城乡建设委") for n in range(1, 26)],
    ]
    pages = [
        ["附件 重点任务", longer],
        [[head, ("26", "第26项老旧小区和管网改造任务", "市交通委")], "各单位要按时报送进展。"],
    ]
    raw = decode_bytes(_ruled(pages), "long.pdf")
    assert raw.text.splitlines().count("序号 重点任务 责任单位") == 1
    assert raw.furniture == ("page 2: 序号 重点任务 责任单位",)


def test_a_signatures_date_at_a_page_foot_is_no_part_of_the_attachment_after_it() -> None:
    # the date, set flush right, reaches the text's right edge: read as a wrapped line, it
    # was glued to 附件 at the head of the next page
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont(SONG, 16)
    for k, line in enumerate(
        ("（一）推进城市绿色低碳建设，全面提高绿色低碳", "建筑水平，推广建筑节能。")
    ):
        pdf.drawString(72, 700 - 24 * k, line)
    right = 72 + pdfmetrics.stringWidth("（一）推进城市绿色低碳建设，全面提高绿色低碳", SONG, 16)
    pdf.drawRightString(right, 640, "云南省住房和城乡建设厅")
    pdf.drawRightString(right, 616, "2023年6月5日")
    pdf.showPage()
    pdf.setFont(SONG, 16)
    pdf.drawString(72, 760, "附件")
    pdf.drawString(72, 736, "云南省城乡建设领域碳达峰重点任务清单")
    pdf.save()
    raw = decode_bytes(buffer.getvalue(), "attached.pdf")
    assert raw.text.splitlines()[-3:] == [
        "2023年6月5日",
        "附件",
        "云南省城乡建设领域碳达峰重点任务清单",
    ]


def test_letter_spaced_chinese_is_read_without_spaces() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    # a joint document's issuers side by side keep the space between them
    pdf.setFont(SONG, 16)
    pdf.drawString(72, 750, "河南省住房和城乡建设厅　河南省发展和改革委员会")
    pdf.drawString(72, 790, "由市住房和城乡建设委员会　会同市发展改革委负责。")  # no issuers
    text = pdf.beginText(150, 700)
    text.setFont(SONG, 22)
    text.setCharSpace(11)  # half a character between characters, as titles are set
    text.textLine("国务院关于加强城市建设的通知")
    pdf.drawText(text)
    pdf.setFont(SONG, 16)
    pdf.drawString(72, 650, "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")
    pdf.save()
    raw = decode_bytes(buffer.getvalue(), "spaced.pdf")
    assert raw.text.splitlines() == [
        "由市住房和城乡建设委员会会同市发展改革委负责。",
        "河南省住房和城乡建设厅 河南省发展和改革委员会",
        "国务院关于加强城市建设的通知",
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    ]


def test_radicals_in_the_text_layer_are_read_as_the_ideographs_they_stand_for() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont(SONG, 16)
    # what a font sharing one glyph between a radical and an ideograph leaves behind
    pdf.drawString(72, 700, "关于推动城乡建设绿色发展的意\u2ec5，以人\u2ea0为中心。")
    # and ／ drawn with the glyph of the division slash, between Chinese characters only
    pdf.drawString(72, 650, "人口密度不超过1万人\u2215平方公里，车速60 km\u2215h。")
    pdf.save()
    raw = decode_bytes(buffer.getvalue(), "radicals.pdf")
    assert raw.text.splitlines() == [
        "关于推动城乡建设绿色发展的意见，以人民为中心。",
        "人口密度不超过1万人／平方公里，车速60 km\u2215h。",
    ]


def print_page(page: Path, pdf: Path) -> None:
    """``page`` printed to ``pdf`` by headless Chromium, with a profile of its own."""
    flags = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run")
    subprocess.run(
        [str(CHROMIUM), *flags, f"--user-data-dir={pdf.parent / 'profile'}",
         f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip


def browser_page(sample: Sample) -> str:
    """``sample`` as a web page: justified, Chinese paragraphs indented by two characters."""
    indent = "text-indent: 2em;" if sample.lang == "zh" else "margin-bottom: 6pt; hyphens: auto;"
    css = (
        "@page { size: A5; margin: 20mm 18mm; } h1 { text-align: center; font-size: 16pt; }"
        "body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 12pt;"
        f" line-height: 1.6; }} p {{ margin: 0; text-align: justify; {indent} }}"
    )
    paragraphs = "".join(f"<p>{html.escape(sample.line(p))}</p>" for p in sample.paragraphs)
    return (
        f'<!doctype html><html lang="{sample.lang}"><head><meta charset="utf-8">'
        f"<style>{css}</style></head><body><h1>{html.escape(sample.title)}</h1>"
        f"{paragraphs}</body></html>"
    )


@pytest.mark.slow
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"
)
@pytest.mark.parametrize("sample", [ZH, EN], ids=["zh", "en"])
def test_a_web_page_printed_by_a_browser_reads_as_the_plain_text(
    tmp_path: Path, sample: Sample
) -> None:
    """Another typesetter: justified lines, a real CJK font, and the date, address and
    page count a browser prints in the margins."""
    page = tmp_path / "policy.html"
    page.write_text(browser_page(sample), encoding="utf-8")
    pdf = tmp_path / "policy.pdf"
    print_page(page, pdf)
    raw = decode_bytes(pdf.read_bytes(), "policy.pdf")
    assert raw.text + "\n" == sample.plain()
    # only what the browser printed around the page is dropped: its address and the date
    assert all(page.as_uri() in line or re.search(r"\d:\d\d", line) for line in raw.furniture)


def test_a_radical_decomposing_to_a_traditional_variant_reads_as_the_simplified_ideograph() -> None:
    # Chromium's PDFs of simplified text (Noto CJK SC) put ⼾ (KANGXI RADICAL DOOR) in the
    # text layer for 户: NFKC gives 戶, which no search for 用户 finds
    from policydiff.ingest.extract_pdf import _RADICALS

    assert "与同一配电网区域的电力用\u2f3e就近交易".translate(_RADICALS).endswith("用户就近交易")
    assert "\u2fc8河流域\u2fad年\u2f8a".translate(_RADICALS) == "黄河流域青年色"


@pytest.mark.slow
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"
)
def test_a_pdf_in_two_columns_is_refused_rather_than_read_across_them(tmp_path: Path) -> None:
    # pdfplumber reads a row of a two-column page as one line: a sentence of the left column
    # glued to one of the right. Refused, naming the pages, rather than stored as evidence
    from policydiff.errors import InputError

    page = tmp_path / "columns.html"
    long = replace(ZH, paragraphs=ZH.paragraphs * 3)
    page.write_text(
        browser_page(long).replace(
            "</style>", "body { column-count: 2; column-gap: 2em; }</style>"
        ),
        encoding="utf-8",
    )
    pdf = tmp_path / "columns.pdf"
    print_page(page, pdf)
    with pytest.raises(InputError, match=r"PDF laid out in two columns \(pages \d"):
        decode_bytes(pdf.read_bytes(), "columns.pdf")


def _printed_with_table(tmp_path: Path, sample: Sample, table: str, css: str) -> RawText:
    """``sample`` as a browser prints it with ``table`` (ruled by ``css``) after it, read."""
    page = tmp_path / "annex.html"
    page.write_text(
        browser_page(sample)
        .replace("</body>", f"{table}</body>")
        .replace("</style>", f"{css}</style>"),
        encoding="utf-8",
    )
    pdf = tmp_path / "annex.pdf"
    print_page(page, pdf)
    return decode_bytes(pdf.read_bytes(), "annex.pdf")


@pytest.mark.slow
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"
)
def test_a_ruled_table_of_two_columns_is_no_two_column_layout(tmp_path: Path) -> None:
    # an annex: 重点任务 | 责任单位, a ruled table whose page reads row by row
    rows = "".join(
        f"<tr><td>推进第{n}项节能改造任务</td><td>市住房城乡建设委</td></tr>" for n in range(1, 41)
    )
    table = f'<table style="width:100%;border-collapse:collapse;break-before:page">{rows}</table>'
    text = _printed_with_table(
        tmp_path, ZH, table, "td { border: 1px solid #000; width: 50%; }"
    ).text  # read, not refused
    assert "推进第40项节能改造任务" in text and text.count("市住房城乡建设委") == 40


@pytest.mark.slow
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"
)
# the table opens below the whole sample (on its third page) or a few lines into the
# first page, where its header is no running line: its repeat on the next page was kept;
# a table of two pages repeats its header once, too few pages for a running line
@pytest.mark.parametrize(
    ("before", "tasks"),
    [(ZH, 60), (replace(ZH, paragraphs=ZH.paragraphs[:1]), 60), (ZH, 8)],
    ids=["after", "mid-page", "two-pages"],
)
def test_a_ruled_tables_wrapped_cells_are_read_cell_by_cell_not_across_the_page(
    tmp_path: Path, before: Sample, tasks: int
) -> None:
    # read line by line, a task's second printed line was spliced with the unit beside it
    # (…到2030年完成既有居住建省住房城乡建设厅、筑节能改造…), and a header repeated at the top
    # of each page was glued to the row after it
    task = "推进第{n}项既有居住建筑节能改造，到2030年完成改造面积不少于{n}0万平方米，改造后实现整体能效提升30%以上"
    units = "省住房城乡建设厅、省发展改革委、省财政厅"
    rows = "".join(
        f"<tr><td>{n}</td><td>{task.format(n=n)}</td><td>{units}</td></tr>"
        for n in range(1, tasks + 1)
    )
    table = (
        '<table style="width:100%;border-collapse:collapse"><thead><tr><th>序号</th>'
        f"<th>重点任务</th><th>责任单位</th></tr></thead><tbody>{rows}</tbody></table>"
        "<p>各地要建立工作台账，定期报送进展情况。</p>"
    )
    raw = _printed_with_table(
        tmp_path, before, table, "td, th { border: 1px solid #000; padding: 4px; }"
    )
    lines = raw.text.split("\n")
    for n in range(1, tasks + 1):
        assert f"{n} {task.format(n=n)} {units}" in lines
    # the header is kept where the table opens; its repeats at the head of later pages
    # are reported as running headers, never glued to a row
    assert lines.count("序号 重点任务 责任单位") == 1
    assert sum("序号 重点任务 责任单位" in line for line in raw.furniture) >= (tasks // 30 or 1)
    assert lines[-1] == "各地要建立工作台账，定期报送进展情况。"
    assert raw.text.startswith(before.plain())  # the text before the table as it was
