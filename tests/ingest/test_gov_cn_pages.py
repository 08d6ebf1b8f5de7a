"""Two of gov.cn's own policy pages, as crawled (tests/data/pages/): the metadata table with
its labels spaced out (索 引 号, 标　　题) and two cells to a row, the title wrapped over
lines of its own, the signature's date above a note on publication, and, on the 2004 letter
(函), a date in Chinese numerals. Every paragraph of the official text is kept or read into
the metadata; none is lost."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from policydiff.corpus import Corpus
from policydiff.ingest.pipeline import IngestOptions, plan_ingest
from policydiff.structure.parse import structure_version

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


class _Paragraphs(HTMLParser):
    """The text of each <p> inside the element holding a page's official text: gov.cn's
    td#UCAP-CONTENT, a provincial portal's div#zoomcon."""

    def __init__(self, tag: str, ident: str) -> None:
        super().__init__()
        self.tag, self.ident = tag, ident
        self.depth = 0  # nesting of ``tag`` inside the official text; 0 outside it
        self.current: list[str] | None = None
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.tag and (self.depth or ("id", self.ident) in attrs):
            self.depth += 1
        elif tag == "p" and self.depth:
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == self.tag and self.depth:
            self.depth -= 1
        elif tag == "p" and self.current is not None:
            self.paragraphs.append(re.sub(r"\s+", "", "".join(self.current)))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def official_paragraphs(path: Path, tag: str = "td", ident: str = "UCAP-CONTENT") -> list[str]:
    parser = _Paragraphs(tag, ident)
    parser.feed(path.read_text(encoding="utf-8"))
    return [p for p in parser.paragraphs if p]


@pytest.mark.parametrize(
    ("page", "title", "number", "date", "sections"),
    [
        (
            "guobanfa-2018-123.html",
            "关于推进政务新媒体健康有序发展的意见",
            "国办发〔2018〕123号",
            dt.date(2018, 12, 7),
            ["一", "二", "三", "四", "五"],
        ),
        (
            "guobanhan-2004-57.html",
            "关于辽宁省在曾培炎副总理考察工作时所提问题和建议办理情况的函",
            "国办函〔2004〕57号",
            dt.date(2004, 8, 12),
            ["一", "二", "三", "四", "五", "六", "七"],
        ),
    ],
)
def test_a_gov_cn_page_is_read_whole_with_its_metadata(
    tmp_path: Path, page: str, title: str, number: str, date: dt.date, sections: list[str]
) -> None:
    path = PAGES / page
    plan = plan_ingest(path, Corpus(tmp_path / "corpus", ()), IngestOptions())
    assert not plan.problems
    meta = plan.metadata
    assert (meta.title_zh, meta.doc_number, meta.date) == (title, number, date)
    assert meta.issuers == ("General Office of the State Council",)
    assert (meta.level, meta.lang) == ("central", "zh")
    # nothing lost: each paragraph of the official text is kept, or is the title, number or
    # signature date read into the metadata
    kept = re.sub(r"\s+", "", plan.version.text)
    moved = re.sub(r"\s+", "", "".join(r.text for r in plan.removed if r.kind != "navigation"))
    lost = [p for p in official_paragraphs(path) if p not in kept and p not in moved]
    assert lost == []
    assert {r.kind for r in plan.removed} == {
        "metadata table",
        "title",
        "document number",
        "date line",
        "navigation",
    }
    assert [r.text for r in plan.removed if r.kind == "navigation"] == ["扫一扫在手机打开当前页"]
    structured = structure_version("page", plan.version)
    heads = [p.label for p in structured.provisions if p.level == 1]
    assert heads == [f"{number}、" for number in sections]


def test_a_municipal_portals_page_gives_its_table_and_keeps_every_paragraph(
    tmp_path: Path,
) -> None:
    # a 信息公开 page of 宜春市人民政府's portal: the site's name and a link to its accessible
    # version above the table, each label alone with its value on the next line (发文日期：,
    # then 2023-04-18, which is no page timestamp), page counters below it
    path = PAGES / "yichun-2022-tongji-gongbao.html"
    plan = plan_ingest(path, Corpus(tmp_path / "corpus", ()), IngestOptions())
    meta = plan.metadata
    assert meta.date == dt.date(2023, 4, 18)  # 发文日期
    assert meta.issuers == ("宜春市统计局",)  # 发布机构, where the text names no issuer
    assert (meta.level, meta.jurisdiction) == ("municipal", "宜春市")
    # the title (a 公报, a bulletin) read from the page, not the table's 分类 value below
    # its label, 统计公报, which reads like one
    title = "宜春市2022年国民经济和社会发展统计公报"
    assert meta.title_zh == title
    removed = [(r.kind, r.text) for r in plan.removed]
    assert ("metadata table", "统计公报") in removed
    assert removed[:2] == [
        ("navigation", "网站无障碍关怀版"),
        (
            "navigation",
            "您当前所在位置： 首页>政务公开>信息公开>法定主动公开内容>结果公开>统计数据>统计公报",
        ),
    ]
    assert ("metadata table", "2023-04-18") in removed
    assert ("navigation", "访问量：4859") in removed
    assert ("navigation", "【返回顶部】【关闭本页】") in removed
    assert "page timestamp" not in {kind for kind, _ in removed}
    kept = re.sub(r"\s+", "", plan.version.text)
    paragraphs = official_paragraphs(path, "div", "zoomcon")
    assert len(paragraphs) > 60
    # every paragraph kept but the title, which moves into the metadata
    assert [p for p in paragraphs if p not in kept] == [title]
    assert ("title", title) in removed
    # the portal's name above the table is kept: nothing says it is not the document's
    assert kept.startswith("宜春市人民政府宜春市统计局国家统计局宜春调查队")


def test_a_page_titled_only_in_its_title_element_takes_that_title(tmp_path: Path) -> None:
    # gov.cn's article page as saved: the title in <title> with the site's names after it,
    # the byline (time posted, 来源) above the text, which has no title line of its own
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>住房城乡建设部关于扎实有序推进城市更新工作的通知_国务院部门文件_中国政府网"
        "</title></head><body><div>2023-07-10 16:00 来源：住房城乡建设部网站</div>"
        "<p>各省、自治区住房和城乡建设厅：</p>"
        "<p>一、坚持城市体检先行。建立城市体检机制，将城市体检作为城市更新的前提。</p>"
        "<p>二、发挥城市更新规划统筹作用。依据城市体检结果，编制城市更新专项规划。</p>"
        "<p>三、强化精细化城市设计引导。将城市设计作为城市更新的重要手段。</p>"
        "<p>住房城乡建设部</p><p>2023年7月5日</p></body></html>",
        encoding="utf-8",
    )
    plan = plan_ingest(path, Corpus(tmp_path / "corpus", ()), IngestOptions())
    assert not plan.problems
    meta = plan.metadata
    assert (meta.title_zh, meta.date, meta.level) == (
        "关于扎实有序推进城市更新工作的通知",
        dt.date(2023, 7, 5),
        "ministry",
    )
    assert "title read from the page's <title>" in plan.version.note
    assert plan.version.source == "住房城乡建设部网站"
    assert not plan.version.text.startswith("2023-07-10")
    # a <title> that is only the site's name titles nothing
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "住房城乡建设部关于扎实有序推进城市更新工作的通知_国务院部门文件_中国政府网",
            "中国政府网",
        ),
        encoding="utf-8",
    )
    plan = plan_ingest(path, Corpus(tmp_path / "corpus", ()), IngestOptions())
    assert any("no title found" in problem for problem in plan.problems)
