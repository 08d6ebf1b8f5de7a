"""Citations resolved against the documents held: parents, in any order, with evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from policydiff.corpus import load_document
from policydiff.lineage import UNASSIGNED, build_lineage, series_of, shared_series
from policydiff.models import Document, Version
from tests.conftest import BUNDLED, DOC_2021
from tests.lineage.test_citations import GUIZHOU_EN

BODY = "一、重点任务\n（一）推进建筑节能\n大力发展装配式建筑，推广钢结构住宅。\n"


def _doc(
    doc_id: str,
    title: str,
    date: str,
    preamble: str = "",
    **fields: object,
) -> Document:
    text = f"{preamble}\n{BODY}" if preamble else BODY
    return _held(doc_id, title, date, Version("zh", "zh", "original", True, "test", text), **fields)


def _english(doc_id: str, title: str, date: str, text: str) -> Document:
    return _held(doc_id, title, date, Version("en", "en", "translation", True, "test", text))


def _held(doc_id: str, title: str, date: str, version: Version, **fields: object) -> Document:
    return Document(
        id=doc_id,
        title=title,
        title_zh=title if version.lang == "zh" else "",
        date=dt.date.fromisoformat(date),
        versions=(version,),
        **{"issuers": (), **fields},  # type: ignore[arg-type]
    )


CENTRE = _doc("centre", "城乡建设领域碳达峰实施方案", "2022-06-30", doc_number="建标〔2022〕53号")
BY_TITLE = _doc(
    "yunnan",
    "云南省城乡建设领域碳达峰实施方案",
    "2022-12-31",
    "根据《住房和城乡建设部国家发展改革委关于印发城乡建设领域碳达峰实施方案的通知》，制定本实施方案。",
)
BY_NUMBER = _doc(
    "chongqing",
    "重庆市城乡建设领域碳达峰实施方案",
    "2023-01-04",
    "根据建标[2022]53号文件，结合重庆实际，制定本实施方案。",
)


def test_a_cited_title_or_number_makes_the_held_document_a_parent() -> None:
    lineage = build_lineage([CENTRE, BY_TITLE, BY_NUMBER])
    assert lineage.parents("yunnan") == ("centre",)
    assert lineage.parents("chongqing") == ("centre",)
    assert lineage.children("centre") == ("yunnan", "chongqing")
    title_edge = lineage.edge("yunnan", "centre")
    assert title_edge is not None and title_edge.how == "title"
    assert title_edge.sentence.startswith("根据《住房和城乡建设部")
    assert title_edge.location == "Preamble"
    number_edge = lineage.edge("chongqing", "centre")
    assert number_edge is not None and number_edge.how == "number"


def test_a_plan_cited_by_the_issuers_who_issued_it_is_a_parent() -> None:
    # Qinghai's preamble, as written: the issuers, 印发的, then the plan's title
    qinghai = _doc(
        "qinghai",
        "青海省城乡建设领域碳达峰实施方案",
        "2023-03-31",
        "根据《2030年前碳达峰行动方案》《住房和城乡建设部国家发展改革委印发的城乡建设领域碳达峰实施方案》"
        "《青海省碳达峰实施方案》，结合我省实际，制定本实施方案。",
    )
    edge = build_lineage([qinghai, CENTRE]).edge("qinghai", "centre")
    assert edge is not None and edge.how == "title"


def test_the_order_documents_come_in_does_not_matter() -> None:
    forward = build_lineage([CENTRE, BY_TITLE, BY_NUMBER])
    backward = build_lineage([BY_NUMBER, BY_TITLE, CENTRE])
    assert {(e.child, e.parent, e.how) for e in forward.edges} == {
        (e.child, e.parent, e.how) for e in backward.edges
    }


def test_a_lookalike_title_of_another_jurisdiction_is_not_a_parent() -> None:
    shanghai = _doc("shanghai", "上海市城乡建设领域碳达峰实施方案", "2022-11-01")
    citing = _doc(
        "other",
        "某市城乡建设领域碳达峰实施方案",
        "2023-02-01",
        "根据《上海市城乡建设领域碳达峰实施方案》，制定本方案。",
    )
    lookalike = _doc(
        "lookalike",
        "某县实施方案",
        "2023-02-02",
        "根据《上海市城乡建设领域碳达峰实施方案》，制定本方案。",
    )
    lineage = build_lineage([CENTRE, shanghai, citing, lookalike])
    assert lineage.parents("other") == ("shanghai",)
    assert "centre" not in lineage.parents("lookalike")


def test_a_later_document_and_the_document_itself_are_never_parents() -> None:
    early = _doc(
        "early",
        "较早的方案",
        "2021-01-01",
        "根据《城乡建设领域碳达峰实施方案》，制定本方案。本方案即《较早的方案》。",
    )
    lineage = build_lineage([early, CENTRE])
    assert lineage.parents("early") == ()
    assert [u.reason for u in lineage.unresolved if u.document == "early"] == [
        "names centre, dated after this document"
    ]


def test_a_date_known_to_the_month_or_estimated_rules_out_only_a_surely_later_parent() -> None:
    # The ministry plan of June 2022 (day unknown) and a plan citing it whose date is
    # written to the same month, or estimated: neither is surely later, so it is a parent.
    citing = "根据《城乡建设领域碳达峰实施方案》，制定本方案。"
    june = replace(CENTRE, date=dt.date(2022, 6, 1), date_written="2022-06")
    same_month = _doc("same-month", "某市方案", "2022-06-15", citing)
    estimated = _doc("estimated", "某省方案", "2022-05-01", citing, date_written="2022-05~")
    too_early = _doc("too-early", "某县方案", "2022-05-01", citing, date_written="2022-05")
    # a parent of a known day within the month the citing document is known to
    late_in_month = _doc(
        "late", "城乡建设领域碳达峰实施方案", "2022-06-20", doc_number="建标〔2022〕53号"
    )
    in_month = _doc("in-month", "某区方案", "2022-06-01", citing, date_written="2022-06")
    # an estimate is ruled out only when more than a year before the parent
    long_before = _doc("long-before", "某镇方案", "2021-04-01", citing, date_written="2021-04~")
    lineage = build_lineage([june, same_month, estimated, too_early, long_before])
    assert lineage.parents("same-month") == ("centre",)
    assert lineage.parents("estimated") == ("centre",)
    assert lineage.parents("too-early") == ()
    assert lineage.parents("long-before") == ()
    assert [u.reason for u in lineage.unresolved if u.document == "too-early"] == [
        "names centre, dated after this document"
    ]
    assert build_lineage([late_in_month, in_month]).parents("in-month") == ("late",)
    # two estimates: the year's slack counts once, not once for each
    later = replace(CENTRE, date=dt.date(2023, 12, 1), date_written="2023-12~")
    earlier = _doc("earlier", "某盟方案", "2021-12-01", citing, date_written="2021-12~")
    assert build_lineage([later, earlier]).parents("earlier") == ()


def test_declared_parents_replace_the_cited_ones() -> None:
    other = _doc("other-parent", "另一个方案", "2022-01-01")
    declared = _doc(
        "declared",
        "云南省城乡建设领域碳达峰实施方案",
        "2022-12-31",
        "根据《城乡建设领域碳达峰实施方案》，制定本实施方案。",
        parents=("other-parent", "absent-parent"),
    )
    none = _doc(
        "none",
        "云南省方案",
        "2022-12-31",
        "根据《城乡建设领域碳达峰实施方案》，制定本实施方案。",
        parents=(),
    )
    lineage = build_lineage([other, CENTRE, declared, none])
    assert lineage.parents("declared") == ("other-parent",)
    assert lineage.missing == (("declared", "absent-parent"),)
    assert lineage.parents("none") == ()


def test_series_default_to_level_and_jurisdiction() -> None:
    assert series_of(_doc("a", "t", "2022-01-01", level="central")) == "central"
    assert series_of(_doc("a", "t", "2022-01-01", level="provincial", jurisdiction="上海市")) == (
        "provincial:上海市"
    )
    ministry = Document("m", "t", ("住房和城乡建设部",), dt.date(2022, 1, 1), (), level="ministry")
    assert series_of(ministry) == "ministry:住房和城乡建设部"
    # one ministry, however its name was given or read: one series
    for name in (
        "国家发展改革委",
        "国家发展和改革委员会",
        "National Development and Reform Commission",
    ):
        ndrc = Document("n", "t", (name,), dt.date(2022, 1, 1), (), level="ministry")
        assert series_of(ndrc) == "ministry:国家发展改革委"
    assert series_of(_doc("a", "t", "2022-01-01")) == UNASSIGNED
    assert series_of(_doc("a", "t", "2022-01-01", level="central", series="opinions")) == "opinions"


def test_two_documents_share_a_series_only_when_their_metadata_says_so() -> None:
    one, two = (
        _doc("a", "t", "2022-01-01", level="central"),
        _doc("b", "t", "2023-01-01", level="central"),
    )
    assert shared_series(one, two) == "central"
    assert shared_series(one, one) == ""  # one document, not two of a series
    # without lineage metadata a corpus is one timeline, not a claimed series
    assert shared_series(_doc("a", "t", "2022-01-01"), _doc("b", "t", "2023-01-01")) == ""
    assert (
        shared_series(one, _doc("c", "t", "2023-01-01", level="provincial", jurisdiction="上海市"))
        == ""
    )


def test_an_english_translation_cites_by_quoted_title_or_by_number_in_pinyin() -> None:
    opinions = load_document(BUNDLED / DOC_2021)  # its English title is the one cited
    guizhou = _english(
        "guizhou",
        "Implementation Plan for Carbon Peak in Urban and Rural Construction in Guizhou Province",
        "2023-01-05",
        f"{GUIZHOU_EN}\n1. Key tasks\nPromote prefabricated buildings.\n",
    )
    by_number = _english(
        "province-en",
        "Provincial plan",
        "2023-02-01",
        "This plan is formulated under Jianbiao [2022] No. 53.\n1. Key tasks\nPromote it.\n",
    )
    lineage = build_lineage([opinions, CENTRE, guizhou, by_number])
    assert lineage.parents("guizhou") == (DOC_2021,)
    edge = lineage.edge("guizhou", DOC_2021)
    assert edge is not None and edge.how == "title" and edge.score == 100.0
    assert edge.sentence == GUIZHOU_EN
    # the reserved action plan is cited but not held: it stays unresolved, with its sentence
    assert [u.cited for u in lineage.unresolved if u.document == "guizhou"][1] == (
        "“Action Plan for Carbon Peak before 2030”"
    )
    number_edge = lineage.edge("province-en", "centre")
    assert number_edge is not None and number_edge.how == "number"
    assert number_edge.cited == "Jianbiao [2022] No. 53"
    # a number whose pinyin issuer is another's does not resolve
    other = _english("other", "Other", "2023-03-01", "Under Jianshe [2022] No. 53.\n")
    assert build_lineage([CENTRE, other]).parents("other") == ()


CENTRAL_OPINIONS = "《中共中央办公厅 国务院办公厅关于推动城乡建设绿色发展的意见》"


def _provincial(doc_id: str, province: str, date: str) -> Document:
    return _doc(
        doc_id,
        "关于推动城乡建设绿色发展的实施意见",
        date,
        f"为贯彻落实{CENTRAL_OPINIONS}，结合{province}实际，提出如下实施意见。",
        issuers=(f"{province}人民政府办公厅",),
        level="provincial",
        jurisdiction=province,
    )


def test_an_implementing_opinion_is_no_parent_of_a_plan_citing_the_opinions_it_implements() -> None:
    # 意见 and 实施意见 differ by two characters (ratio 92.9) and are two kinds of document:
    # Shanxi's citation of the centre's Opinions named Hebei's 实施意见, and Hebei's own,
    # matching its own title, vanished; both are the centre's, which is not held
    hebei = _provincial("hebei", "河北省", "2022-03-01")
    shanxi = _provincial("shanxi", "山西省", "2022-05-01")
    lineage = build_lineage([hebei, shanxi])
    assert lineage.edges == ()
    assert [(u.document, u.reason) for u in lineage.unresolved] == [
        ("hebei", "names no held document"),
        ("shanxi", "names no held document"),
    ]


def test_of_two_held_documents_of_one_title_the_cited_issuers_tell_the_parent() -> None:
    hebei = _provincial("hebei", "河北省", "2022-03-01")
    shanxi = _provincial("shanxi", "山西省", "2022-05-01")
    cited = "《中共山西省委办公厅 山西省人民政府办公厅关于推动城乡建设绿色发展的实施意见》"
    taiyuan = _doc(
        "taiyuan",
        "太原市推动城乡建设绿色发展工作方案",
        "2022-09-01",
        f"为贯彻落实{cited}，制定本方案。",
    )
    [edge] = build_lineage([hebei, shanxi, taiyuan]).edges
    assert (edge.child, edge.parent, edge.how) == ("taiyuan", "shanxi", "title")
    # with no issuer to tell them apart, the reader declares the parent
    bare = _doc(
        "city",
        "某市推动城乡建设绿色发展工作方案",
        "2022-09-01",
        "为贯彻落实《关于推动城乡建设绿色发展的实施意见》，制定本方案。",
    )
    lineage = build_lineage([hebei, shanxi, bare])
    assert lineage.parents("city") == ()
    [unresolved] = [u for u in lineage.unresolved if u.document == "city"]
    assert (
        unresolved.reason
        == "names 2 held documents of that title (hebei, shanxi): declare the parent"
    )


def test_a_citation_that_would_close_a_cycle_is_listed_not_dropped() -> None:
    one = _doc(
        "one",
        "甲省城乡建设领域碳达峰实施方案",
        "2022-06-01",
        "根据《乙省城乡建设领域碳达峰实施方案》，制定本方案。",
    )
    two = _doc(
        "two",
        "乙省城乡建设领域碳达峰实施方案",
        "2022-06-01",
        "根据《甲省城乡建设领域碳达峰实施方案》，制定本方案。",
    )
    lineage = build_lineage([one, two])
    assert [(e.child, e.parent) for e in lineage.edges] == [("one", "two")]
    [left] = lineage.unresolved
    assert (left.document, left.cited) == ("two", "《甲省城乡建设领域碳达峰实施方案》")
    assert left.reason == "names one, which implements this document: the edge would close a cycle"
    assert left.sentence == "根据《甲省城乡建设领域碳达峰实施方案》，制定本方案。"


def test_of_two_citations_of_one_parent_the_one_by_number_is_the_evidence() -> None:
    child = _doc(
        "city",
        "某某市城乡建设领域碳达峰实施方案",
        "2023-03-01",
        "各区要认真学习《城乡建设领域碳达峰实施方案》精神。\n"
        "根据《城乡建设领域碳达峰实施方案》（建标〔2022〕53号）要求，制定本方案。",
    )
    [edge] = build_lineage([CENTRE, child]).edges
    assert (edge.parent, edge.how) == ("centre", "number")
    assert (
        edge.sentence == "根据《城乡建设领域碳达峰实施方案》（建标〔2022〕53号）要求，制定本方案。"
    )


def test_in_a_cycle_the_declared_parent_issued_after_its_child_is_the_edge_dropped() -> None:
    # the centre's metadata declares, against the dates, the province that cites it
    centre = replace(CENTRE, parents=("chongqing",))
    lineage = build_lineage([centre, BY_NUMBER])
    assert [(e.child, e.parent) for e in lineage.edges] == [("chongqing", "centre")]
    [left] = lineage.unresolved
    assert (left.document, left.cited) == ("centre", "declared parent chongqing")
    assert left.reason.endswith("the edge would close a cycle")


def test_a_held_covering_notice_is_of_the_kind_of_the_plan_it_issues() -> None:
    # 关于印发《…实施方案》的通知 kept its 《》 in the comparable form: of no kind, it was
    # refused for the citation of the plan, which then went to a province's own title
    centre = _doc("centre", "关于印发《城乡建设领域碳达峰实施方案》的通知", "2022-06-30")
    province = _doc(
        "prov",
        "某省城乡建设领域碳达峰实施方案",
        "2022-12-01",
        "根据《城乡建设领域碳达峰实施方案》，制定本方案。",
    )
    lineage = build_lineage([centre, province])
    assert lineage.parents("prov") == ("centre",)
    # held alone, the province's own title, 93 alike, is not the document it cites
    alone = build_lineage([province])
    assert [(u.document, u.reason) for u in alone.unresolved] == [
        ("prov", "names no held document")
    ]


def test_a_plan_citing_its_own_title_with_another_dash_cites_itself() -> None:
    plan = _doc(
        "sh",
        "上海市加快推进绿色低碳转型行动方案（2024—2027年）",
        "2024-08-22",
        "现将《上海市加快推进绿色低碳转型行动方案（2024-2027年）》印发给你们。",
    )
    lineage = build_lineage([plan])
    assert lineage.edges == () and lineage.unresolved == ()
    # nor with a year written twice or half-width brackets
    for cited in ("（2024年—2027年）", "(2024-2027年)"):
        again = replace(
            plan,
            versions=(
                replace(
                    plan.versions[0],
                    text=plan.versions[0].text.replace("（2024-2027年）", cited),
                ),
            ),
        )
        assert build_lineage([again]).unresolved == (), cited


def test_a_short_title_held_as_its_covering_notice_is_found() -> None:
    # 关于印发《绿色建筑行动方案》的通知 compared as 《绿色建筑行动方案》: its marks cost it the
    # match a title so short needs
    held = _doc("centre", "关于印发《绿色建筑行动方案》的通知", "2013-01-01")
    citing = _doc(
        "prov", "某省绿色建筑行动实施方案", "2013-06-01", "根据《绿色建筑行动方案》，制定本方案。"
    )
    assert build_lineage([held, citing]).parents("prov") == ("centre",)


def test_a_plan_citing_itself_gains_no_parent_of_a_title_like_its_own() -> None:
    # with the document itself set aside, a held title 93 alike to its own took the
    # citation: 现将《…》印发给你们 of a covering notice made another province its parent
    own = "上海市城乡建设领域碳达峰实施方案"
    plan = _doc("sh", own, "2022-11-01", f"现将《{own}》印发给你们，请认真贯彻执行。")
    other = _doc("earlier", "上海市城乡建设领域碳达峰工作实施方案", "2022-10-01")  # 94 alike
    lineage = build_lineage([other, plan])
    assert lineage.parents("sh") == () and lineage.unresolved == ()


def test_a_province_citing_the_centres_title_its_own_restates_gets_the_centre() -> None:
    # 青海省关于完善…的意见 and the centre's 关于完善…的意见 compare alike, issuers aside: the
    # issuers the citation names tell the province's citation of the centre's from itself
    title = "关于完善能源绿色低碳转型体制机制和政策措施的意见"
    centre = _doc("centre", title, "2022-01-30", issuers=("国家发展改革委", "国家能源局"))
    province = _doc(
        "qinghai",
        f"青海省{title}",
        "2022-08-01",
        f"为贯彻落实《国家发展改革委 国家能源局{title}》，结合青海实际，提出如下意见。",
        level="provincial",
        jurisdiction="青海省",
    )
    assert build_lineage([centre, province]).parents("qinghai") == ("centre",)


def test_a_number_and_a_title_naming_two_held_documents_name_neither() -> None:
    # the ministry's title with the number of another held plan (a slip of the citing
    # text or of a document's metadata): following the number would show a wrong parent
    other = _doc("other", "城市更新行动实施方案", "2022-01-10", doc_number="建科〔2022〕7号")
    province = _doc(
        "prov",
        "某省城乡建设领域碳达峰实施方案",
        "2022-12-01",
        "根据《城乡建设领域碳达峰实施方案》（建科〔2022〕7号），制定本方案。",
    )
    lineage = build_lineage([CENTRE, other, province])
    assert lineage.parents("prov") == ()
    [left] = lineage.unresolved
    assert left.cited == "《城乡建设领域碳达峰实施方案》（建科〔2022〕7号）"
    assert left.reason == "its number names other and its title centre: declare the parent"
    # the number of the plan the title names, or a title only the number's plan bears
    # (a short name held by no other document), is followed as before
    right = replace(
        province,
        versions=(
            replace(
                province.versions[0],
                text="根据《城乡建设领域碳达峰实施方案》（建标〔2022〕53号），制定本方案。\n"
                + BODY,
            ),
        ),
    )
    assert build_lineage([CENTRE, other, right]).parents("prov") == ("centre",)
    short = replace(
        province,
        versions=(
            replace(
                province.versions[0],
                text="根据《碳达峰方案》（建科〔2022〕7号），制定本方案。\n" + BODY,
            ),
        ),
    )
    assert build_lineage([CENTRE, other, short]).parents("prov") == ("other",)
