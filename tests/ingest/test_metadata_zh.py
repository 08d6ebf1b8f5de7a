"""Chinese metadata, read from real-looking texts: titles of every form, the document
number (发文字号), issuers from a title, a signature or a publisher's table, dates,
the level of government and the jurisdiction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from policydiff.corpus import Corpus
from policydiff.ingest.metadata import parse_date_text
from policydiff.ingest.pipeline import IngestOptions, plan_ingest

BODY = (
    "一、总体要求\n"
    "坚持稳中求进工作总基调，推动城市结构优化、功能完善和品质提升。\n"
    "二、主要任务\n"
    "（一）加强既有建筑改造利用。稳妥推进危险住房改造，到2030年基本完成城镇老旧小区改造任务。\n"
    "（二）推进城镇老旧小区整治改造。扎实有序推进城镇老旧小区改造，严格控制大规模拆除。\n"
    "（三）推进完整社区建设。因地制宜推动完整社区建设。\n"
)


def _plan(tmp_path: Path, text: str, **options: object):  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return plan_ingest(path, Corpus(tmp_path / "corpus", ()), IngestOptions(**options))  # type: ignore[arg-type]


GOV_CN = (
    "索引号：\t000014349/2024-00129\t主题分类：\t城乡建设、环境保护\\城乡建设（含住房）\n"
    "发文机关：\t国务院办公厅\t成文日期：\t2024年11月08日\n"
    "标题：\t国务院办公厅关于推动城市更新工作的指导意见\n"
    "发文字号：\t国办发〔2024〕52号\t发布日期：\t2024年11月12日\n"
    "国务院办公厅关于推动城市更新工作的指导意见\n"
    "国办发〔2024〕52号\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    f"{BODY}"
    "国务院办公厅\n"
    "2024年11月8日\n"
    "（此件公开发布）\n"
)


def test_a_gov_cn_page_gives_title_number_issuer_date_and_level(tmp_path: Path) -> None:
    plan = _plan(tmp_path, GOV_CN)
    meta = plan.metadata
    assert meta.title_zh == "关于推动城市更新工作的指导意见"
    assert meta.doc_number == "国办发〔2024〕52号"
    assert meta.issuers == ("General Office of the State Council",)
    assert meta.date == dt.date(2024, 11, 8)  # 成文日期, not the 发布日期
    assert (meta.level, meta.jurisdiction) == ("central", "")
    assert plan.document is not None
    assert plan.document.title == "关于推动城市更新工作的指导意见"  # no English prefix
    assert plan.document.id == "2024-chengshigengxin"
    kept = plan.version.text
    assert kept.startswith("各省、自治区、直辖市人民政府")
    # the signature's date is read into the metadata; the note on publication stays
    assert kept.endswith("国务院办公厅\n（此件公开发布）\n")
    kinds = [r.kind for r in plan.removed]
    assert kinds == ["metadata table"] * 4 + ["title", "document number", "date line"]


# gov.cn's policy pages of 2018 (www.gov.cn/zhengce/content/…), as the cleaner reads them:
# labels spaced out to four characters' width, two cells to a row, the title wrapped over
# lines of its own
SPACED_TABLE = (
    "索 引 号： 000014349/2004-00209 主题分类： 其他\n"
    "发文机关： 国务院办公厅 成文日期： 2004年08月12日\n"
    "标 题： 国务院办公厅关于辽宁省在曾培炎副总理考察工作时所提问题和建议办理情况的函\n"
    "发文字号： 国办函〔2004〕57号 发布日期： 2018年12月24日\n"
    "主 题 词： 经济管理 考察 措施 函\n"
    "国务院办公厅\n"
    "关于辽宁省在曾培炎副总理考察\n"
    "工作时所提问题和建议办理情况的函\n"
    "国办函〔2004〕57号\n"
    "辽宁省人民政府：\n"
    f"{BODY}"
    "国务院办公厅\n"
    "二〇〇四年八月十二日\n"
    "（本文有删减）\n"
)


def test_a_table_with_spaced_labels_and_two_cells_a_row_is_read(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SPACED_TABLE)
    meta = plan.metadata
    assert meta.title_zh == "关于辽宁省在曾培炎副总理考察工作时所提问题和建议办理情况的函"
    assert meta.doc_number == "国办函〔2004〕57号"
    assert meta.issuers == ("General Office of the State Council",)
    assert meta.date == dt.date(2004, 8, 12)
    kinds = [r.kind for r in plan.removed]
    assert kinds == ["metadata table"] * 5 + ["title"] * 3 + ["document number", "date line"]
    assert plan.version.text.startswith("辽宁省人民政府：\n一、总体要求")
    assert plan.version.text.endswith("国务院办公厅\n（本文有删减）\n")


def test_a_forwarding_notice_is_titled_by_what_it_forwards(tmp_path: Path) -> None:
    text = (
        "国务院办公厅转发国家地震局\n关于我国地震重点监视防御区的确定和\n"
        "加强防震减灾工作意见报告的通知\n国办发〔1996〕2号\n"
        f"各省、自治区、直辖市人民政府：\n{BODY}国家地震局\n一九九六年一月二十五日\n"
    )
    meta = _plan(tmp_path, text).metadata
    assert meta.title_zh == (
        "转发国家地震局关于我国地震重点监视防御区的确定和加强防震减灾工作意见报告的通知"
    )
    assert meta.doc_number == "国办发〔1996〕2号"
    assert meta.date == dt.date(1996, 1, 25)


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("二〇二二年六月三十日", dt.date(2022, 6, 30)),
        ("二○一○年十二月十日", dt.date(2010, 12, 10)),
        ("一九九六年十一月二十一日", dt.date(1996, 11, 21)),
        ("二〇二二年二月三十日", None),  # no such day
    ],
)
def test_a_date_in_chinese_numerals_is_read(written: str, date: dt.date | None) -> None:
    assert parse_date_text(written) == date


@pytest.mark.parametrize(
    "kind", ["指导意见", "实施意见", "实施方案", "行动方案", "工作方案", "若干措施", "具体措施"]
)
def test_every_kind_of_title_is_read(tmp_path: Path, kind: str) -> None:
    title = f"关于加快推进城乡建设绿色低碳发展的{kind}"
    plan = _plan(tmp_path, f"{title}\n（2023年5月9日）\n{BODY}")
    assert plan.metadata.title_zh == title
    assert plan.metadata.date == dt.date(2023, 5, 9)


def test_a_title_wrapped_over_two_lines_is_one_title(tmp_path: Path) -> None:
    plan = _plan(
        tmp_path, f"云南省人民政府办公厅关于\n印发云南省城镇老旧小区改造实施方案的通知\n{BODY}"
    )
    assert plan.metadata.title_zh == "关于印发云南省城镇老旧小区改造实施方案的通知"
    assert plan.metadata.issuers == ("云南省人民政府办公厅",)
    assert (plan.metadata.level, plan.metadata.jurisdiction) == ("provincial", "云南省")
    assert [r.kind for r in plan.removed] == ["title", "title"]


def test_a_signature_names_the_issuers_and_the_date(tmp_path: Path) -> None:
    text = f"城乡建设领域碳达峰实施方案\n{BODY}住房和城乡建设部 国家发展改革委\n2022年6月30日\n"
    plan = _plan(tmp_path, text)
    meta = plan.metadata
    assert meta.issuers == (
        "Ministry of Housing and Urban-Rural Development",
        "National Development and Reform Commission",
    )
    assert meta.date == dt.date(2022, 6, 30)
    assert (meta.level, meta.jurisdiction) == ("ministry", "")
    assert plan.version.text.rstrip().endswith("住房和城乡建设部 国家发展改革委")  # kept
    assert plan.removed[-1].kind == "date line"


def test_a_signature_above_the_attachments_names_the_issuer_and_the_date(
    tmp_path: Path,
) -> None:
    # a provincial plan and its task list (附件): the date was looked for at the very end;
    # the task list may be longer than the plan
    signature = "云南省住房和城乡建设厅\n2023年6月5日\n"
    tasks = "".join(f"{n}.推进第{n}项任务：省住房城乡建设厅牵头负责。\n" for n in range(1, 12))
    attachment = f"附件\n云南省城乡建设领域碳达峰重点任务清单\n{tasks}"
    plan = _plan(tmp_path, f"城乡建设领域碳达峰实施方案\n{BODY}{signature}{attachment}")
    meta = plan.metadata
    assert (meta.issuers, meta.date) == (("云南省住房和城乡建设厅",), dt.date(2023, 6, 5))
    assert plan.version.text.endswith(f"{signature}{attachment}")  # nothing taken out
    # a notice forwarding a document: its own date, under its signature, is the issue
    # date, not the forwarded document's above the attachments
    (tmp_path / "forwarded").mkdir()
    notice = (
        "各市人民政府：\n现将有关意见转发给你们，请认真贯彻执行。\n云南省人民政府\n2024年6月20日\n"
    )
    forwarded = f"{notice}{BODY}云南省住房和城乡建设厅\n2024年3月5日\n{attachment}"
    plan = _plan(
        tmp_path / "forwarded",
        f"云南省人民政府转发省住房城乡建设厅关于城乡建设的意见的通知\n{forwarded}",
    )
    assert plan.metadata.date == dt.date(2024, 6, 20)
    # a date above the attachments with no signer above it is no signature
    (tmp_path / "unsigned").mkdir()
    unsigned = f"城乡建设领域碳达峰实施方案\n{BODY}2023年6月5日\n{attachment}"
    assert _plan(tmp_path / "unsigned", unsigned).metadata.date is None


def test_a_signature_one_body_to_a_line_names_every_issuer_in_order(tmp_path: Path) -> None:
    # only the line above the date was read: the plan fell in the NDRC's series
    text = f"城乡建设领域碳达峰实施方案\n{BODY}住房和城乡建设部\n国家发展改革委\n2022年6月30日\n"
    meta = _plan(tmp_path, text).metadata
    assert meta.issuers == (
        "Ministry of Housing and Urban-Rural Development",
        "National Development and Reform Commission",
    )
    # five signers and a note below the date: the lead, above the last lines, is kept
    signers = "住房和城乡建设部\n国家发展改革委\n财政部\n自然资源部\n生态环境部\n"
    text = f"城乡建设领域碳达峰实施方案\n{BODY}{signers}2022年6月30日\n（此件公开发布）\n"
    (tmp_path / "five").mkdir()
    meta = _plan(tmp_path / "five", text).metadata
    assert meta.issuers[0] == "Ministry of Housing and Urban-Rural Development"
    assert meta.issuers[2:4] == ("财政部", "自然资源部") and len(meta.issuers) == 5


def test_a_provincial_party_committee_is_of_its_provinces_level(tmp_path: Path) -> None:
    # 中共河北省委 opens on 中共, not on the province: it was read as a ministry
    text = (
        f"关于推动城乡建设绿色发展的实施意见\n{BODY}中共河北省委办公厅 河北省人民政府办公厅\n"
        "2022年3月1日\n"
    )
    meta = _plan(tmp_path, text).metadata
    assert meta.issuers == ("中共河北省委办公厅", "河北省人民政府办公厅")
    assert (meta.level, meta.jurisdiction) == ("provincial", "河北省")


def test_a_covering_notice_names_the_plan_and_its_issuers(tmp_path: Path) -> None:
    text = (
        "杭州市人民政府关于印发《杭州市城市更新实施方案》的通知\n"
        "杭政〔2023〕18号\n"
        f"{BODY}"
        "杭州市人民政府\n"
        "2023年4月3日\n"
    )
    meta = _plan(tmp_path, text).metadata
    assert meta.title_zh == "杭州市城市更新实施方案"
    assert meta.doc_number == "杭政〔2023〕18号"
    assert meta.issuers == ("杭州市人民政府",)
    assert (meta.level, meta.jurisdiction) == ("municipal", "杭州市")


def test_a_provincial_title_says_its_level_when_no_issuer_is_named(tmp_path: Path) -> None:
    plan = _plan(tmp_path, f"上海市城乡建设领域碳达峰实施方案\n{BODY}", date="2022-09-01")
    assert plan.metadata.issuers == ()
    assert (plan.metadata.level, plan.metadata.jurisdiction) == ("provincial", "上海市")
    assert plan.document is not None and plan.document.issuers == ()  # unknown, not refused
    assert plan.document.id == "2022-shanghai-chengxiangjianshe-tandafeng"


def test_every_missing_field_is_named_at_once(tmp_path: Path) -> None:
    plan = _plan(tmp_path, BODY)
    assert plan.document is None
    assert plan.problems == (
        "no issue date found in the text; pass --date YYYY-MM-DD (or YYYY-MM, YYYY)",
        "no title found in the text; pass --title",
    )
    assert plan.version.text == BODY  # what it has is still shown


def test_a_short_document_with_numbered_provisions_is_accepted(tmp_path: Path) -> None:
    text = "I. General requirements\n(1) Promote green buildings.\n(2) Build sponge cities.\n"
    plan = _plan(tmp_path, text, date="2024-01-01", title="Notice on Green Buildings")
    assert plan.document is not None and plan.version.text == text


def test_a_covering_notice_on_three_lines_with_its_signature_above_the_plan(
    tmp_path: Path,
) -> None:
    # the shape of 重庆's 2025 notice: issuer, title over two lines, the notice's own
    # signature and date, then the plan it issues
    text = (
        "重庆市发展和改革委员会\n"
        "关于印发《推动经济社会发展全面绿色转型\n"
        "行动计划（2025—2027年）》的通知\n"
        "各区县（自治县）人民政府，市级有关部门和单位：\n"
        "现印发给你们，请按照执行。\n"
        "重庆市发展和改革委员会\n"
        "2025年5月21日\n"
        f"推动经济社会发展全面绿色转型行动计划（2025—2027年）\n{BODY}"
    )
    plan = _plan(tmp_path, text)
    meta = plan.metadata
    assert meta.title_zh == "推动经济社会发展全面绿色转型行动计划（2025—2027年）"
    assert meta.issuers == ("重庆市发展和改革委员会",)
    assert meta.date == dt.date(2025, 5, 21)
    assert (meta.level, meta.jurisdiction) == ("provincial", "重庆市")
    assert [r.kind for r in plan.removed] == ["title", "title", "title"]
    assert plan.version.text.startswith("各区县（自治县）人民政府")
    assert plan.document is not None and plan.document.id == "2025-jingjishehui-fazhan-lvse"


def test_a_state_council_notice_issuing_a_plan_with_years_in_its_title(tmp_path: Path) -> None:
    text = (
        "国务院关于印发《2024—2025年节能降碳行动方案》的通知\n"
        "国发〔2024〕12号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "现将《2024—2025年节能降碳行动方案》印发给你们，请认真贯彻执行。\n"
        "国务院\n"
        "2024年5月23日\n"
        f"2024—2025年节能降碳行动方案\n{BODY}"
    )
    plan = _plan(tmp_path, text)
    meta = plan.metadata
    assert (meta.title_zh, meta.doc_number) == ("2024—2025年节能降碳行动方案", "国发〔2024〕12号")
    assert (meta.issuers, meta.date, meta.level) == (
        ("State Council",),
        dt.date(2024, 5, 23),
        "central",
    )
    assert plan.document is not None and plan.document.id == "2024-jieneng-jiangtan"


def test_a_title_given_names_the_province_a_text_headed_without_one_does_not(
    tmp_path: Path,
) -> None:
    # Shanxi's energy opinions head their title 关于完善…的实施意见: only the title the
    # user gives (the source's file name) says whose they are
    headed = "关于完善能源绿色低碳转型体制机制和政策措施的实施意见"
    text = f"{headed}\n（2022年9月30日）\n{BODY}"
    plain = _plan(tmp_path, text).document
    assert plain is not None and (plain.level, plain.jurisdiction) == ("", "")
    named = _plan(tmp_path, text, title=f"山西省{headed}").document
    assert named is not None
    assert (named.level, named.jurisdiction, named.title) == (
        "provincial",
        "山西省",
        f"山西省{headed}",
    )


@pytest.mark.parametrize("title", ["关于推进城市更新的指导意见", "推动城市绿色发展行动方案"])
def test_a_title_opening_on_a_verb_names_no_city(tmp_path: Path, title: str) -> None:
    meta = _plan(tmp_path, f"{title}\n（2023年5月9日）\n{BODY}").metadata
    assert (meta.level, meta.jurisdiction) == ("", "")


def test_a_title_given_with_unknown_issuers_still_names_the_province(tmp_path: Path) -> None:
    headed = "关于完善能源绿色低碳转型体制机制和政策措施的实施意见"
    plan = _plan(
        tmp_path,
        f"{headed}\n（2022年9月30日）\n{BODY}",
        title=f"山西省{headed}",
        issuers=("某某工作专班",),
    )
    assert plan.document is not None
    assert (plan.document.level, plan.document.jurisdiction) == ("provincial", "山西省")


@pytest.mark.parametrize(
    "line",
    [
        "（联系人：张三，电话：010-58934567）",  # a contact line: debris, but no date
        "（本办法自2021年6月1日起施行，有效期至2026年）",  # a provision
    ],
)
def test_only_a_plain_date_above_the_note_on_publication_is_the_signatures(
    tmp_path: Path, line: str
) -> None:
    plan = _plan(tmp_path, f"关于推动城市更新工作的指导意见\n{BODY}{line}\n（此件公开发布）\n")
    assert plan.version.text.endswith(f"{line}\n（此件公开发布）\n")
    assert "date line" not in [r.kind for r in plan.removed]
    assert plan.metadata.date is None


def test_a_heading_or_formula_ending_on_a_kind_of_letter_is_no_title(tmp_path: Path) -> None:
    # 通报, 函 and 批复 make a title only with 关于: a first heading 一、总体情况通报 stays
    plan = _plan(tmp_path, f"关于加强管理的通知\n一、总体情况通报\n{BODY}")
    assert plan.version.text.startswith("一、总体情况通报\n一、总体要求")
    assert [r.kind for r in plan.removed] == ["title"]


def test_a_table_of_labels_on_lines_of_their_own_is_read(tmp_path: Path) -> None:
    text = (
        "索引号：\n000014349/2024-00129\n发文机关：\n国务院办公厅\n成文日期：\n2024年11月08日\n"
        "标题：\n国务院办公厅关于推动城市更新工作的指导意见\n发文字号：\n国办发〔2024〕52号\n"
        "主题词：\n国务院办公厅关于推动\n城市更新工作的指导意见\n"
        f"各省、自治区、直辖市人民政府：\n{BODY}"
    )
    plan = _plan(tmp_path, text)
    meta = plan.metadata
    assert (meta.title_zh, meta.doc_number, meta.date) == (
        "关于推动城市更新工作的指导意见",
        "国办发〔2024〕52号",
        dt.date(2024, 11, 8),
    )
    assert plan.version.text.startswith("各省、自治区、直辖市人民政府：\n一、总体要求")


def test_a_forwarding_notice_is_the_forwarders(tmp_path: Path) -> None:
    text = f"国务院办公厅转发住房城乡建设部等部门关于加强城市管理工作的通知\n{BODY}"
    meta = _plan(tmp_path, text).metadata
    assert meta.title_zh == "转发住房城乡建设部等部门关于加强城市管理工作的通知"
    assert meta.issuers == ("General Office of the State Council",)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("二OO四年八月十二日", dt.date(2004, 8, 12)),  # zeros typed as the letter O
        ("二００四年八月十二日", dt.date(2004, 8, 12)),  # ... or full-width
        ("二〇〇四年八月十二日至2005年1月1日", dt.date(2004, 8, 12)),  # the first
    ],
)
def test_numerals_typed_otherwise_and_the_first_date(text: str, date: dt.date) -> None:
    assert parse_date_text(text) == date


@pytest.mark.parametrize(
    "first",
    ["为保障城市轨道交通安全运行，经国务院同意，现提出以下意见：", "一、总体要求"],
)
def test_an_empty_label_takes_no_line_of_the_body_as_its_value(tmp_path: Path, first: str) -> None:
    body = BODY if first.startswith("一") else f"{first}\n{BODY}"
    plan = _plan(tmp_path, f"标题：国务院办公厅关于推动城市更新工作的指导意见\n主题词：\n{body}")
    assert plan.version.text.startswith(f"{first}\n")
    assert [r.kind for r in plan.removed] == ["metadata table"] * 2


def test_a_title_below_its_label_or_an_empty_label_is_read_whole(tmp_path: Path) -> None:
    wrapped = "重庆市发展和改革委员会\n关于印发《推动城乡建设全面绿色转型\n行动计划（2025—2027年）》的通知\n"
    plan = _plan(tmp_path, f"主题词：\n{wrapped}{BODY}")
    assert plan.metadata.title_zh == "推动城乡建设全面绿色转型行动计划（2025—2027年）"
    assert [r.kind for r in plan.removed] == ["metadata table"] + ["title"] * 3
    plan = _plan(tmp_path, f"标题：\n国务院办公厅关于推动城市\n更新工作的指导意见\n{BODY}")
    assert plan.metadata.title_zh == "关于推动城市更新工作的指导意见"


@pytest.mark.parametrize("label", ["分类：", "体裁分类：", "组配分类："])
def test_a_kind_of_document_below_a_classifying_label_is_no_title(
    tmp_path: Path, label: str
) -> None:
    # a portal's 分类 names a kind of document (通知公告, 统计公报), which reads like a title
    plan = _plan(tmp_path, f"{label}\n通知公告\n关于推动城市更新工作的指导意见\n{BODY}")
    assert plan.metadata.title_zh == "关于推动城市更新工作的指导意见"
    assert [(r.kind, r.text) for r in plan.removed][:2] == [
        ("metadata table", label),
        ("metadata table", "通知公告"),
    ]


def test_a_portals_menu_above_its_table_does_not_hide_the_table(tmp_path: Path) -> None:
    # six menu items above a provincial portal's 信息公开 table: kept, and the head is read
    # from the table on (文号, 发文日期, the title below it)
    menu = "首页\n机构概况\n政务公开\n政务服务\n互动交流\n专题专栏\n"
    table = (
        "索引号： 11410000005184987K/2023-00123 主题分类： 城乡建设\n"
        "发布机构： 河南省住房和城乡建设厅 发文日期： 2023年03月10日\n"
        "文号： 豫建科〔2023〕73号 有效性： 有效\n"
    )
    plan = _plan(tmp_path, f"{menu}{table}关于推动城市更新工作的指导意见\n{BODY}")
    meta = plan.metadata
    assert (meta.title_zh, meta.doc_number) == (
        "关于推动城市更新工作的指导意见",
        "豫建科〔2023〕73号",
    )
    assert meta.date == dt.date(2023, 3, 10)
    assert plan.version.text.startswith(menu.removeprefix("首页\n"))  # 首页: navigation


def test_a_covering_notices_signed_date_comes_before_a_portals_posting_date(
    tmp_path: Path,
) -> None:
    # the portal's 发文日期 (20 May) is the day it posted the page; the notice issuing the
    # plan dates itself under its signature (18 May)
    table = "索引号： 002482070/2024-00112 发文日期： 2024-05-20\n"
    notice = (
        "浙江省人民政府办公厅关于印发浙江省城镇燃气管道更新改造实施方案的通知\n"
        "各市、县（市、区）人民政府，省政府直属各单位：\n"
        "《浙江省城镇燃气管道更新改造实施方案》已经省政府同意，现印发给你们，请结合实际认真贯彻执行。\n"
        "浙江省人民政府办公厅\n"
        "2024年5月18日\n"
    )
    plan = _plan(tmp_path, f"{table}{notice}浙江省城镇燃气管道更新改造实施方案\n{BODY}")
    assert plan.metadata.date == dt.date(2024, 5, 18)


def test_a_company_that_co_signs_is_an_issuer_and_its_signature_line_stays(
    tmp_path: Path,
) -> None:
    title = "国家发展改革委 国家能源局 国家电网有限公司关于推进交通与能源融合发展的通知"
    signed = "国家发展改革委\n国家能源局\n国家电网有限公司\n"
    plan = _plan(tmp_path, f"{title}\n{BODY}{signed}2024年3月15日\n")
    assert plan.metadata.issuers == (
        "National Development and Reform Commission",
        "国家能源局",
        "国家电网有限公司",
    )
    assert plan.metadata.title_zh == "关于推进交通与能源融合发展的通知"
    assert plan.version.text.endswith(signed)  # no line taken for a site's name


def test_a_red_header_names_the_issuer_and_is_no_part_of_the_title(tmp_path: Path) -> None:
    # a title page: 上海市人民政府文件, the number, then the notice's title; once glued into
    # one "title" of three lines, which left the issuer unknown
    head = (
        "上海市人民政府文件\n沪府发〔2024〕8号\n"
        "上海市人民政府关于印发《上海市加快推进绿色低碳转型行动方案（2024—2027年）》的通知\n"
    )
    plan = _plan(tmp_path, f"{head}{BODY}", date="2024-08-22")
    meta = plan.metadata
    assert meta.issuers == ("上海市人民政府",)
    assert (meta.doc_number, meta.title_zh) == (
        "沪府发〔2024〕8号",
        "上海市加快推进绿色低碳转型行动方案（2024—2027年）",
    )
    assert [r.kind for r in plan.removed][:3] == ["masthead", "document number", "title"]
    # with no title to name them, the red header does
    plan = _plan(tmp_path, f"上海市人民政府文件\n沪府发〔2024〕8号\n{BODY}", date="2024-08-22")
    assert plan.metadata.issuers == ("上海市人民政府",)
    # a title wrapped after 文件 is no red header: none has the number below it
    wrapped = (
        "北京市人民政府关于贯彻落实国务院文件\n精神推进城市更新工作的通知\n京政发〔2024〕3号\n"
    )
    plan = _plan(tmp_path, f"{wrapped}{BODY}", date="2024-01-01")
    assert plan.metadata.title_zh == "关于贯彻落实国务院文件精神推进城市更新工作的通知"
    assert plan.metadata.issuers == ("北京市人民政府",)


@pytest.mark.parametrize(
    "header",
    [
        "上海市住房和城乡建设管理委员会\n上海市发展和改革委员会\n文件\n",
        "上海市住房和城乡建设管理委员会\n上海市发展和改革委员会文件\n",
    ],
)
def test_a_red_header_stacking_its_issuers_names_them_all(tmp_path: Path, header: str) -> None:
    # a joint document's red header, one issuer a line: once read as three lines of text,
    # which hid the number and the title below it
    title = (
        "上海市住房和城乡建设管理委员会 上海市发展和改革委员会关于印发"
        "《上海市城乡建设领域碳达峰实施方案》的通知\n"
    )
    plan = _plan(tmp_path, f"{header}沪建建材联〔2022〕545号\n{title}{BODY}", date="2022-11-01")
    meta = plan.metadata
    assert meta.issuers == ("上海市住房和城乡建设管理委员会", "上海市发展和改革委员会")
    assert (meta.doc_number, meta.title_zh) == (
        "沪建建材联〔2022〕545号",
        "上海市城乡建设领域碳达峰实施方案",
    )
    assert plan.version.text.startswith("一、总体要求\n")
    assert [r.kind for r in plan.removed][:2] == ["masthead", "masthead"]


@pytest.mark.parametrize("marks", ["特急\n", "公开\n", "机密★1年\n特急\n"])
def test_how_a_document_is_handled_above_its_red_header_hides_nothing(
    tmp_path: Path, marks: str
) -> None:
    # 特急 above 上海市人民政府文件 stopped the head there: no issuer, no number
    plan = _plan(
        tmp_path, f"{marks}上海市人民政府文件\n沪府发〔2024〕5号\n{BODY}", date="2024-03-01"
    )
    assert (plan.metadata.issuers, plan.metadata.doc_number) == (
        ("上海市人民政府",),
        "沪府发〔2024〕5号",
    )
    assert plan.version.text.startswith("一、总体要求\n")
    # above no red header, the line is not taken for one
    (tmp_path / "text").mkdir()
    plan = _plan(tmp_path / "text", f"{marks}关于推动城市更新的指导意见\n{BODY}", date="2024-03-01")
    assert "masthead" not in [r.kind for r in plan.removed]


def test_every_body_a_joint_title_names_is_an_issuer(tmp_path: Path) -> None:
    # the glossary knows the NDRC, not 国家能源局: both issue the notice
    plan = _plan(tmp_path, f"国家发展改革委 国家能源局关于加快推进新型储能发展的通知\n{BODY}")
    assert plan.metadata.issuers == ("National Development and Reform Commission", "国家能源局")


def test_a_numbered_heading_is_no_title(tmp_path: Path) -> None:
    plan = _plan(tmp_path, f"关于开展城市更新试点工作的通知\n一、关于试点城市名单的通报\n{BODY}")
    assert plan.version.text.startswith("一、关于试点城市名单的通报\n")


@pytest.mark.parametrize("last", ["（联系电话：010-58934567）", "（有效期至2027年12月）"])
def test_a_closing_line_in_brackets_without_a_day_is_no_date(tmp_path: Path, last: str) -> None:
    plan = _plan(tmp_path, f"关于推动城市更新工作的指导意见\n{BODY}{last}\n")
    assert plan.version.text.endswith(f"{last}\n")
    assert "date line" not in [r.kind for r in plan.removed]


def test_a_long_forwarding_title_is_the_forwarders_and_names_its_subject(tmp_path: Path) -> None:
    title = (
        "国务院办公厅转发国家发展改革委、财政部、自然资源部、住房城乡建设部、交通运输部、水利部、"
        "农业农村部、国家能源局关于推进城市更新意见的通知"
    )
    plan = _plan(tmp_path, f"{title}\n{BODY}", date="2024-01-01")
    assert plan.metadata.title_zh == title.removeprefix("国务院办公厅")
    assert plan.metadata.issuers == ("General Office of the State Council",)
    assert plan.document is not None
    assert plan.document.id == "2024-chengshigengxin"  # the subject, not the ministries


def test_a_portals_label_value_is_not_read_as_part_of_the_title(tmp_path: Path) -> None:
    # each label alone with its value below it: the value (无, a date) is no start of the
    # title that follows the table, and a 文号 of 无 is no number
    table = (
        "索 引 号：\n014717475N/2023-0040295\n文号：\n无\n发文日期：\n2023-04-18\n分类：\n通知\n"
    )
    title = "宜春市人民政府办公室关于印发宜春市节能降碳工作方案的通知\n"
    plan = _plan(tmp_path, table + title + BODY)
    meta = plan.metadata
    assert meta.title_zh == "关于印发宜春市节能降碳工作方案的通知"
    assert meta.issuers == ("宜春市人民政府办公室",)
    assert (meta.doc_number, meta.date) == ("", dt.date(2023, 4, 18))


def test_an_english_byline_gives_the_issuers_and_the_date(tmp_path: Path) -> None:
    text = (
        "Opinions on Promoting the Renewal of Old Urban Residential Communities\n"
        "Issued by the General Office of the State Council, July 10, 2020\n"
        "I. General Requirements\n"
        "(1) Guiding ideology. We should adhere to the people-centered development philosophy.\n"
        "(2) Main objectives. By 2025, strive to complete the renovation of old communities.\n"
        "(3) Define the scope of renovation. Old communities are those built before 2000.\n"
    )
    plan = _plan(tmp_path, text)
    meta = plan.metadata
    assert (meta.date, meta.issuers, meta.level) == (
        dt.date(2020, 7, 10),
        ("General Office of the State Council",),
        "central",
    )
    assert [r.kind for r in plan.removed] == ["title", "date line"]
    assert plan.version.text.startswith("I. General Requirements")
