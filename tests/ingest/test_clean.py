"""Debris removal: each kind of web debris in the seeds, and policy lines that must survive."""

from __future__ import annotations

import pytest

from policydiff.ingest.clean import classify_line, remove_debris
from tests.conftest import SEED_2021_EN, SEED_2021_EN_PARTIAL, SEED_2023_EN, SEED_2025_EN


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Tel.", "phone"),
        ("400-6700-999", "phone"),
        ("电话：010-58933521", "phone"),
        ("sayyas1998@126.com", "email"),
        ("email:1583694102@qq.com", "email"),
        ("联系人：张三 联系电话：010-58933161 电子邮箱：zhangsan@mohurd.gov.cn", "email"),
        ("联系方式：住房和城乡建设部标准定额司 zhangsan@mohurd.gov.cn", "email"),
        ("Contact: Zhang San, Department of Standards, zhangsan@mohurd.gov.cn", "email"),
        ("Address of Shuangcheng factory:", "address"),
        ("No. 9, Xinnong Road, Nangang District, Harbin", "address"),
        ("Building F, Shimao 52 +, Yuhua District, Nanjing", "address"),
        ("Building 3, Xinnong Road, Harbin", "address"),
        (
            "Crossroads of Songhuajiang Road and Xing'an Road, New Industrial Park, Harbin",
            "address",
        ),
        ("地址：北京市海淀区三里河路9号", "address"),
        ("COPYRIGHT © 2023 Nanjing Green Building Optoelectronics Co., Ltd. SEO", "copyright"),
        ("Copyright(C)2024, Nantong Botao Chemical Co., Ltd. All Rights Reserved.", "copyright"),
        ("备案序号:苏ICP备17046617号", "copyright"),
        ("[ BACK ]", "navigation"),
        ("Scan it", "navigation"),
        ("Mobile version", "navigation"),
        ("JD official flagship store", "navigation"),
        ("分享到", "navigation"),
        ("扫一扫在手机打开当前页", "navigation"),
        ("【打印】", "navigation"),
        ("【返回顶部】【关闭本页】", "navigation"),
        ("您当前所在位置： 首页>政务公开>信息公开", "navigation"),
        ("网站无障碍关怀版", "navigation"),
        ("访问量：4859", "navigation"),
        ("关联稿件：", "navigation"),
        # gov.cn's byline above an article, and its correction link and editor below it
        ("2023-07-10 16:00 来源：住房城乡建设部网站", "source line"),
        ("2023-07-10 16:00", "page timestamp"),
        ("【我要纠错】 责任编辑：王某某", "navigation"),
        ("责任编辑：王某某", "navigation"),
        ("分享到：微信 微博 QQ空间", "navigation"),
        ("上一篇：关于印发某方案的通知", "navigation"),
        ("网站地图 | 联系我们 | 网站声明", "navigation"),
        (
            "发布时间：2023-03-15 10:30 来源：科技与设计处 浏览次数：1523 字号：[大 中 小]",
            "navigation",
        ),
        ("Time: 2024-03-22", "page timestamp"),
        ("2025-11-26", "page timestamp"),
        ("Source: Xinhua", "source line"),
    ],
)
def test_debris_lines_are_classified(line: str, kind: str) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "I. General requirements",
        "Second, promote the integrated development of urban and rural development",
        "(1) Guiding ideology. We should give priority to ecology, conservation and protection.",
        "一、总体要求",
        "（三）总体目标",
        "3. Overall Objectives",
        "(Fourteen) Strengthen safety management of housing and municipal infrastructure.",
        "By 2035, green development will be achieved in all areas of urban and rural development.",
        "推进城市更新行动，加快转变城乡建设方式。",
        "Promote the construction of sponge cities in the Yangtze River Economic Belt and districts.",
        # headings naming two places, with no house number
        "(5) Build road networks in the pilot zone",
        "5、 Improve street lighting in the old district",
        "Fourth, Defend the Bottom Line of Building a Beautiful China in pilot area No. 35900",
        "Building A Beautiful China in Every District",
        # a place, not a breadcrumb; a policy on accessibility, the object of a sentence
        "所在位置：宜春市袁州区，到2025年日处理能力达到5万吨。",
        "无障碍环境建设",
        "加快推进无障碍环境建设。",
        # the heading over a document's attachments: without it they read as its body
        "附件",
    ],
)
def test_policy_lines_are_kept(line: str) -> None:
    assert classify_line(line) is None


def test_a_bookmark_is_cut_from_a_kept_line_and_an_e_mail_in_a_sentence_stays() -> None:
    lines, removed = remove_debris(
        "[bookmark: _GoBack]城乡建设是推动绿色发展、建设美丽中国的重要载体。\n"
        "For details write to info@example.com and we will answer within a week, as promised.\n"
        "各地区每季度将能耗数据报送至nyjc@ndrc.gov.cn，2025年底前实现能耗监测全覆盖。\n"
    )
    assert [line.text for line in lines] == [
        "城乡建设是推动绿色发展、建设美丽中国的重要载体。",
        "For details write to info@example.com and we will answer within a week, as promised.",
        "各地区每季度将能耗数据报送至nyjc@ndrc.gov.cn，2025年底前实现能耗监测全覆盖。",
    ]
    assert {r.kind for r in removed} == {"bookmark"}


@pytest.mark.parametrize(
    "line",
    [
        "4.加强绿色低碳技术知识产权保护",
        "依法打击侵犯专利权、版权所有者合法权益的行为，到2025年底建成绿色技术知识产权快速维权中心",
        "Strengthen the protection of intellectual property rights, including patents, "
        "trademarks and copyrights.",
        "(c) 2030 targets for urban buildings",
    ],
)
def test_a_provision_that_names_copyright_is_kept(line: str) -> None:
    lines, removed = remove_debris(f"{line}\n")
    assert [x.text for x in lines] == [line] and removed == []


@pytest.mark.parametrize(
    "line",
    ["沪公网安备 31010102002345号", "政府网站标识码：3100000091", "版权所有：宜春市人民政府"],
)
def test_a_provinces_licence_line_is_debris(line: str) -> None:
    assert classify_line(line) == "copyright"


@pytest.mark.parametrize("seed", [SEED_2021_EN, SEED_2021_EN_PARTIAL, SEED_2023_EN, SEED_2025_EN])
def test_no_contact_debris_survives_in_real_seeds(seed) -> None:
    lines, removed = remove_debris(seed.read_text(encoding="utf-8"))
    text = "\n".join(line.text for line in lines)
    for needle in ("@", "400-6700-999", "Copyright", "COPYRIGHT", "ICP", "Scan it", "[ BACK ]"):
        assert needle not in text
    assert removed, "the seeds all carry debris"


def test_a_date_below_a_label_awaiting_its_value_is_the_labels_not_a_page_timestamp() -> None:
    kept, removed = remove_debris("发文日期：\n2023-04-18\n正文\n2023-04-19\n")
    assert [line.text for line in kept] == ["发文日期：", "2023-04-18", "正文"]
    assert [(r.kind, r.text) for r in removed] == [("page timestamp", "2023-04-19")]
    # below a label of no table, a date is still the page's timestamp
    kept, removed = remove_debris("更新时间：\n2023-05-16\n正文\n")
    assert [line.text for line in kept] == ["更新时间：", "正文"]
