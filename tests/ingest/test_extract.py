"""Text out of HTML, .docx and PDF, built by hand in the tests."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from policydiff.errors import InputError
from policydiff.ingest.decode import RawText, decode_bytes
from policydiff.ingest.extract import read_html
from policydiff.ingest.extract_docx import docx_to_text
from policydiff.ingest.extract_pdf import pdf_to_text

# --------------------------------------------------------------------------- HTML


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>A &amp; B &lt;C&gt; &quot;D&quot; &#30899;&#x8FBE;&#23792;&nbsp;!</p>",
         'A & B <C> "D" 碳达峰 !'),
        ("<div><div><p>第一条</p></div><div><p>第二条</p></div></div>", "第一条\n第二条"),
        ("<p>before</p><script>var x = '<p>no</p>';</script><p>after</p>", "before\nafter"),
        ("<style>p { color: red }</style><noscript>enable js</noscript><p>text</p>", "text"),
        ("<nav><a href='/'>首页</a> &gt; 政策</nav><p>正文</p>", "正文"),
        ("<header>中国政府网</header><p>正文</p><footer>版权所有</footer>", "正文"),
        ("<aside>相关文件</aside><article><p>正文</p></article>", "正文"),
        ("<p>一、总体要求<br>（一）指导思想<br/>坚持</p>", "一、总体要求\n（一）指导思想\n坚持"),
        ("<p>para one<br><br>para two</p>", "para one\n\npara two"),
        ("<p>source line\n   wrapped   here</p>", "source line wrapped here"),
        ("<p>　　各省、自治区、直辖市人民政府：</p>", "各省、自治区、直辖市人民政府："),
        ("<table><tr><td>指标</td><td>2025年</td></tr><tr><td>能耗</td><td>13.5%</td></tr></table>",
         "指标 2025年\n能耗 13.5%"),
        # cells holding paragraphs, as Word exports a table: one line per row of data ...
        ("<table><tr><td><p>指标</p></td><td><p>2025年</p></td></tr><tr><td><p>绿色建筑占比"
         "</p></td><td><p>100</p></td></tr></table>", "指标 2025年\n绿色建筑占比 100"),
        # ... and a row whose task ends a sentence, its figures in cells of their own: a
        # figure alone on a line was taken for a page number and dropped
        ("<table><tr><td><p>1</p></td><td><p>完成城镇老旧小区改造。</p></td><td><p>万平方米</p>"
         "</td><td><p>500</p></td></tr></table>", "1 完成城镇老旧小区改造。 万平方米 500"),
        ("<table><tr><td>2</td><td><p>加装电梯。</p><p>优先保障高龄老人。</p></td><td>120</td>"
         "</tr></table>", "2 加装电梯。 优先保障高龄老人。 120"),
        # ... but a page laid out in a table keeps its paragraphs
        ("<table><tr><td><p>一、总体要求</p><p>推动城乡建设绿色发展。</p></td></tr></table>",
         "一、总体要求\n推动城乡建设绿色发展。"),
        # ... and its numbered items, whether or not they end on a full stop
        ("<table><tr><td><p>一、总体要求</p><p>（一）加强组织领导；</p><p>（二）严格考核评估</p>"
         "</td></tr></table>", "一、总体要求\n（一）加强组织领导；\n（二）严格考核评估"),
        ("<table><tr><td><p>I. General Requirements</p><p>1. Strengthen leadership.</p></td>"
         "</tr></table>", "I. General Requirements\n1. Strengthen leadership."),
        ("<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
        ("<h1>Title</h1><p>Body <b>bold</b> and <span>span</span>.</p>",
         "Title\nBody bold and span."),
        ("<pre>line 1\nline 2</pre>", "line 1\nline 2"),
        ("<svg><text>chart</text></svg><template><p>t</p></template><p>ok</p>", "ok"),
        ("<!-- comment --><p>visible</p>", "visible"),
        # A page that never closes <head>, and one whose <header> never closes.
        ("<html><head><title>T_中国政府网</title><body><p>正文</p>", "正文"),
        ("<header><p>关于推动城乡建设绿色发展的意见</p>", "关于推动城乡建设绿色发展的意见"),
    ],
)  # fmt: skip
def test_html_to_text(html: str, expected: str) -> None:
    assert read_html(html).text == expected


PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>国务院文件</title>
<script>document.write("x")</script></head>
<body><nav>首页 | 政策</nav>
<div class="article"><h1>关于推动城乡建设绿色发展的意见</h1>
<p>　　（一）建设高品质绿色建筑。实施建筑领域碳达峰、碳中和行动。</p></div>
<footer>主办：国务院办公厅</footer></body></html>"""
PAGE_TEXT = (
    "关于推动城乡建设绿色发展的意见\n（一）建设高品质绿色建筑。实施建筑领域碳达峰、碳中和行动。"
)


@pytest.mark.parametrize(
    ("charset", "codec", "expected_encoding"),
    [("gbk", "gbk", "gb18030"), ("gb2312", "gbk", "gb18030"), ("utf-8", "utf-8", "utf-8")],
)
def test_html_bytes_with_meta_charset(charset: str, codec: str, expected_encoding: str) -> None:
    raw = decode_bytes(PAGE.format(charset=charset).encode(codec), "page.html")
    # the page's <nav> and <footer> are left out, and said to be
    assert raw == RawText(
        PAGE_TEXT,
        expected_encoding,
        "html",
        chrome=("首页 | 政策", "主办：国务院办公厅"),
        page_title="国务院文件",
    )


def test_an_articles_own_header_footer_and_aside_are_its_text() -> None:
    # a page's chrome is left out; inside <article> the same elements hold the title and
    # number, a note and the signature, which were lost with it
    page = (
        "<header>首页 政务公开</header><main><article><header><h1>关于推进绿色化改造的通知</h1>"
        "<p>京建发〔2024〕21号</p></header><p>一、推进既有建筑节能改造。</p>"
        "<aside><p>注：既有建筑不含临时建筑。</p></aside>"
        "<footer><p>北京市住房和城乡建设委员会</p><p>2024年3月1日</p></footer></article></main>"
        "<footer>版权所有</footer><aside>相关文件</aside>"
    )
    read = read_html(page)
    assert (read.text, read.chrome) == (
        "关于推进绿色化改造的通知\n京建发〔2024〕21号\n一、推进既有建筑节能改造。\n"
        "注：既有建筑不含临时建筑。\n北京市住房和城乡建设委员会\n2024年3月1日",
        ("首页 政务公开", "版权所有", "相关文件"),
    )


def test_menus_in_main_and_an_articles_side_bar_of_links_are_the_sites() -> None:
    # <main> holding the site's header, menus and footer around the article, and the
    # article's own side bar of related links: chrome; a side bar with a sentence: text
    page = (
        "<main><header>某某市人民政府门户网站</header><nav>首页 政务公开</nav><article>"
        "<header><h1>关于推进城市更新行动的指导意见</h1></header><p>一、推进老旧小区改造。</p>"
        "<aside><p>注：老旧小区指2000年底前建成的小区。</p></aside><aside><p>注：单位为万平方米</p></aside>"
        "<aside><h3>相关阅读：</h3><ul><li>某某市城市更新条例</li></ul></aside>"
        "<footer><p>某某市人民政府</p></footer></article><footer>版权所有</footer></main>"
    )
    read = read_html(page)
    assert read.text == (
        "关于推进城市更新行动的指导意见\n一、推进老旧小区改造。\n注：老旧小区指2000年底前建成的小区。\n"
        "注：单位为万平方米\n某某市人民政府"
    )
    assert read.chrome == (
        "某某市人民政府门户网站",
        "首页 政务公开",
        "相关阅读：",
        "某某市城市更新条例",
        "版权所有",
    )


def test_http_equiv_charset_is_honoured_for_big5() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">'
        "</head><body><p>推動城鄉建設綠色發展的意見。</p></body></html>"
    )
    raw = decode_bytes(page.encode("big5"), "page.htm")
    assert raw == RawText("推動城鄉建設綠色發展的意見。", "big5", "html")


def test_html_without_doctype_found_by_tags() -> None:
    raw = decode_bytes(b"<div>a</div><div>b</div><p>c</p>")
    assert (raw.text, raw.format) == ("a\nb\nc", "html")


def test_html_with_only_chrome_is_not_empty_but_refused_when_blank() -> None:
    with pytest.raises(InputError, match="no text in the html"):
        decode_bytes(b"<html><body><script>x()</script></body></html>", "blank.html")


# --------------------------------------------------------------------------- .docx

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(body: str, *, document: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        if document:
            xml = (
                '<?xml version="1.0" encoding="UTF-8"?>'
                f"<w:document {W}><w:body>{body}</w:body></w:document>"
            )
            archive.writestr("word/document.xml", xml.encode("utf-8"))
    return buffer.getvalue()


TWO_PARAGRAPHS = (
    '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>Opinions on Promoting</w:t></w:r>'
    '<w:r><w:t xml:space="preserve"> Green Development</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>'
    "<w:p><w:r><w:t>（一）建设高品质绿色建筑。</w:t></w:r></w:p>"
)


def test_docx_two_paragraphs() -> None:
    raw = decode_bytes(make_docx(TWO_PARAGRAPHS), "opinions.docx")
    assert raw == RawText(
        "Opinions on Promoting Green Development\n（一）建设高品质绿色建筑。", "docx", "docx"
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p>", "a b\nc"),
        ("<w:p><w:r><w:t>one</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>two</w:t></w:r></w:p>",
         "one\n\ntwo"),
        ("<w:p><w:del><w:r><w:delText>old</w:delText></w:r></w:del><w:ins><w:r><w:t>new</w:t>"
         "</w:r></w:ins></w:p>", "new"),
        ("<w:p><w:r><w:instrText>HYPERLINK x</w:instrText></w:r><w:hyperlink><w:r><w:t>link</w:t>"
         "</w:r></w:hyperlink></w:p>", "link"),
        ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r>"
         "<w:t>2025年</w:t></w:r></w:p></w:tc></w:tr></w:tbl>", "指标 2025年"),
        # a row of data is one line, its figure beside its indicator, not a bare "100"
        # that reads as a page number; a row of sentences (a page laid out in a table)
        # keeps its paragraphs
        ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>绿色建筑占比</w:t></w:r></w:p></w:tc><w:tc><w:p>"
         "<w:r><w:t>%</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>100</w:t></w:r></w:p></w:tc>"
         "</w:tr></w:tbl>", "绿色建筑占比 % 100"),
        ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p><w:p><w:r>"
         "<w:t>推动城乡建设绿色发展。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
         "一、总体要求\n推动城乡建设绿色发展。"),
        # a row holding a table of its own keeps its lines; the inner rows are rows of data
        ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>附表</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r>"
         "<w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2025年</w:t></w:r></w:p></w:tc>"
         "</w:tr><w:tr><w:tc><w:p><w:r><w:t>绿色建筑占比</w:t></w:r></w:p></w:tc><w:tc><w:p>"
         "<w:r><w:t>100</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
         "附表\n指标 2025年\n绿色建筑占比 100"),
        ("<w:p><w:r><w:t>　　第一条　总则</w:t></w:r></w:p>", "第一条 总则"),
    ],
)  # fmt: skip
def test_docx_runs(body: str, expected: str) -> None:
    assert docx_to_text(make_docx(body), "d.docx") == expected


def test_truncated_docx() -> None:
    data = make_docx(TWO_PARAGRAPHS)
    with pytest.raises(InputError, match=r"^cut\.docx: corrupt \.docx: "):
        decode_bytes(data[: len(data) // 2], "cut.docx")


def test_docx_without_document_xml() -> None:
    with pytest.raises(InputError, match=r"corrupt \.docx: no word/document\.xml inside"):
        decode_bytes(make_docx("", document=False), "d.docx")


def test_docx_with_bad_xml() -> None:
    with pytest.raises(InputError, match=r"d\.docx: corrupt \.docx: bad XML"):
        decode_bytes(make_docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"), "d.docx")


def test_docx_without_text() -> None:
    with pytest.raises(InputError, match="no text in the docx"):
        decode_bytes(make_docx("<w:p/>"), "d.docx")


def test_other_zip_is_not_docx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    with pytest.raises(InputError, match=r"^x\.zip: zip archive that is not a \.docx$"):
        decode_bytes(buffer.getvalue(), "x.zip")


# --------------------------------------------------------------------------- PDF


def make_pdf(content: bytes) -> bytes:
    """A one-page PDF with Helvetica as /F1, written by hand with exact xref offsets."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


TEXT_PDF = make_pdf(b"BT /F1 12 Tf 72 720 Td (Opinions on Promoting Green Development) Tj ET")
BLANK_PDF = make_pdf(b"0 0 1 rg 72 72 200 200 re f")  # a filled square, no text


def test_pdf_with_text_layer() -> None:
    assert PdfReader(io.BytesIO(TEXT_PDF), strict=True).xref  # the offsets are right
    raw = decode_bytes(TEXT_PDF, "opinions.pdf")
    assert raw == RawText("Opinions on Promoting Green Development", "pdf", "pdf")


def test_pdf_pages_joined_with_newline() -> None:
    writer = PdfWriter()
    for _ in range(2):
        writer.add_page(PdfReader(io.BytesIO(TEXT_PDF)).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    assert pdf_to_text(buffer.getvalue(), "two.pdf") == (
        "Opinions on Promoting Green Development\nOpinions on Promoting Green Development"
    )


def test_pdf_without_text_layer() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(BLANK_PDF, "scan.pdf")
    assert str(info.value) == "scan.pdf: PDF has no text layer (scanned image?)"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n",
        TEXT_PDF[:60],
        b"%PDF-1.7\n" + bytes(range(256)) * 4,
        TEXT_PDF[:300],
    ],
)
def test_corrupt_pdf(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad.pdf")
    assert info.value.path == "bad.pdf"
    assert "\n" not in info.value.problem and len(info.value.problem) < 120


def encrypted(user_password: str) -> bytes:
    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(TEXT_PDF)).pages[0])
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_encrypted_pdf_with_password() -> None:
    with pytest.raises(InputError, match=r"^locked\.pdf: encrypted PDF \(needs a password\)$"):
        decode_bytes(encrypted("secret"), "locked.pdf")


def test_encrypted_pdf_with_empty_password_opens() -> None:
    assert decode_bytes(encrypted(""), "open.pdf").text == "Opinions on Promoting Green Development"


# --------------------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", TEXT_PDF[:200]]), st.binary())
def test_damaged_containers_only_raise_input_error(prefix: bytes, rest: bytes) -> None:
    try:
        raw = decode_bytes(prefix + rest, "fuzz")
    except InputError as exc:
        assert exc.path == "fuzz"
    else:
        assert "\x00" not in raw.text


TAGS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<br>", "<nav>", "</nav>", "<script>", "</script>",
     "<pre>", "</pre>", "<![CDATA[", "<!--", "-->", "<!", "&", "&#", "&#x110000;", "<a href='"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(TAGS, st.text(max_size=8)), max_size=30))
def test_html_to_text_never_crashes(pieces: list[str]) -> None:
    text = read_html("".join(pieces)).text
    assert "\r" not in text and "\x00" not in text
