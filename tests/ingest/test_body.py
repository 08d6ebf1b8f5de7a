"""Commentary splitting, head and tail trimming, and metadata read from the real seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from policydiff.ingest.body import find_body, rejoined_note, rejoined_titles
from policydiff.ingest.clean import Line, Removal, remove_debris
from policydiff.ingest.metadata import detect_language, parse_date_text, read_metadata
from tests.conftest import REPO, SEED_2021_EN, SEED_2021_ZH, SEED_2023_EN, SEED_2025_EN


def _body(seed):
    lines, _ = remove_debris(seed.read_text(encoding="utf-8"))
    return find_body(lines)


def test_2025_commentary_is_cut_and_text_starts_at_its_preamble() -> None:
    body = _body(SEED_2025_EN)
    assert body.lines[0].text.startswith("Cities are vital platforms")
    assert body.commentary[-1].text == "The original document reads as follows:"
    assert any("Key Policy Points and Interpretation" in line.text for line in body.commentary)
    kept = "\n".join(line.text for line in body.lines)
    assert "Good house Series Interpretation Column" not in kept
    assert "The Impact on the Real Estate Industry" not in kept
    assert body.lines[-1].text.startswith("Uphold and strengthen the CPC Central Committee")


def test_news_lead_of_2021_is_cut_in_both_languages() -> None:
    en, zh = _body(SEED_2021_EN), _body(SEED_2021_ZH)
    assert en.lines[0].text.startswith("Urban and rural development is an important vehicle")
    assert zh.lines[0].text.startswith("城乡建设是推动绿色发展")
    assert zh.commentary[-1].text.endswith("主要内容如下。")
    assert en.lines[-1].text.startswith("(4) Strengthening training and publicity.")
    assert zh.lines[-1].text.startswith("（四）加强培训宣传。")


def test_2023_site_header_is_trimmed_and_title_lines_go_to_the_head() -> None:
    body = _body(SEED_2023_EN)
    assert body.lines[0].text.startswith("Building a beautiful China is an important goal")
    assert "(December 27, 2023)" in [line.text for line in body.head]
    assert body.lines[-1].text.startswith("(33) Conduct performance evaluation.")


@pytest.mark.parametrize(
    ("seed", "title", "date", "issuers", "lang"),
    [
        (
            SEED_2021_EN,
            "Opinions on Promoting the Green Development of Urban and Rural Construction",
            None,
            ("General Office of the CPC Central Committee", "General Office of the State Council"),
            "en",
        ),
        (
            SEED_2023_EN,
            "Opinions on Comprehensively Promoting the Construction of a Beautiful China",
            dt.date(2023, 12, 27),
            ("CPC Central Committee", "State Council"),
            "en",
        ),
        (
            SEED_2025_EN,
            "Opinions on Promoting High-Quality Development of Cities",
            dt.date(2025, 8, 15),
            ("CPC Central Committee", "State Council"),
            "en",
        ),
    ],
)
def test_metadata_read_from_the_text(seed, title, date, issuers, lang) -> None:
    body = _body(seed)
    meta = read_metadata(
        [line.text for line in body.head],
        [line.text for line in body.commentary],
        "\n".join(line.text for line in body.lines),
    )
    assert (meta.title, meta.date, meta.issuers, meta.lang) == (title, date, issuers, lang)


def test_chinese_title_and_issuers() -> None:
    body = _body(SEED_2021_ZH)
    meta = read_metadata(
        [line.text for line in body.head],
        [line.text for line in body.commentary],
        "\n".join(line.text for line in body.lines),
    )
    assert meta.title_zh == "关于推动城乡建设绿色发展的意见"
    assert meta.issuers == (
        "General Office of the CPC Central Committee",
        "General Office of the State Council",
    )
    assert meta.lang == "zh"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(December 27, 2023)", dt.date(2023, 12, 27)),
        ("（2021年9月22日）", dt.date(2021, 9, 22)),
        ("(August 15, 2025)", dt.date(2025, 8, 15)),
        ("issued on 22 September 2021", dt.date(2021, 9, 22)),
        ("(February 30, 2023)", None),
        ("2023年13月1日", None),
        ("no date here", None),
    ],
)
def test_dates_in_both_languages(text: str, expected: dt.date | None) -> None:
    assert parse_date_text(text) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [("城乡建设是推动绿色发展的重要载体。", "zh"), ("Green buildings (绿色建筑) matter.", "en")],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detect_language(text) == lang


XINJIANG_RAW = REPO / "evaluation" / "dev" / "raw" / "xinjiang-chengxiang-tandafeng.txt"


def test_a_line_broken_inside_a_cited_title_is_joined_to_the_next() -> None:
    # Xinjiang's preamble, as its source splits it inside 《住房城乡建设部 国家发展改革委…》
    lines, _ = remove_debris(XINJIANG_RAW.read_text(encoding="utf-8"))
    body = find_body(lines)
    kept, joined = rejoined_titles(body.lines)
    assert joined == [3]
    assert len(kept) == len(body.lines) - 1
    preamble = kept[0].text
    assert (
        "《住房城乡建设部国家发展改革委关于印发〈城乡建设领域碳达峰实施方案〉的通知》" in preamble
    )
    assert preamble.endswith("制定以下实施方案") and kept[0].number == 2
    # nothing lost: every character of the two lines is kept, in order
    assert preamble == body.lines[0].text + body.lines[1].text


@pytest.mark.parametrize(
    "texts",
    [
        ["按照《某某实施方案》要求", "一、总体要求"],  # the title closes on its line
        ["依据《某某实施方案", "一、总体》要求"],  # the next line is a numbered heading
        ["《" + "长" * 100, "方案》"],  # too long an open part to be a title's
        ["按照《某某", "再《另一份》的通知"],  # the next line opens a title before it closes one
    ],
)
def test_lines_that_do_not_break_a_title_stay_apart(texts: list[str]) -> None:
    lines = [Line(k + 1, text) for k, text in enumerate(texts)]
    assert rejoined_titles(lines) == (lines, [])


def test_a_joined_title_keeps_every_character() -> None:
    # no space is made up between a dash and a digit, or two Chinese characters; English
    # words broken apart keep their space
    dated = [Line(1, "按照《碳达峰行动方案（2021-"), Line(2, "2025年）》要求")]
    assert rejoined_titles(dated)[0][0].text == "按照《碳达峰行动方案（2021-2025年）》要求"
    english = [Line(1, "under the 《Opinions on"), Line(2, "Green Development》 we")]
    assert rejoined_titles(english)[0][0].text == "under the 《Opinions on Green Development》 we"


def test_the_note_says_which_lines_were_joined() -> None:
    assert rejoined_note([3]) == (
        "a line break inside a cited title joined (line 3 of the text read continued the "
        "line before)"
    )
    assert "lines 3, 7 and 9 of the text read" in rejoined_note([3, 7, 9])


def test_a_portals_label_is_a_table_row_only_with_its_colon() -> None:
    # 分类 and 文号 open sentences too: without the colon the line is the body's
    lines = [Line(1, "分类：统计公报"), Line(2, "分类推进城市更新行动，强化规划引领。")]
    found = find_body(lines)
    assert [line.text for line in found.head] == ["分类：统计公报"]
    assert [line.text for line in found.lines] == ["分类推进城市更新行动，强化规划引领。"]


def test_short_lines_above_the_table_stay_and_the_table_is_read_below_them() -> None:
    # the portal's name, or a title or an addressee the head does not read: nothing says
    # they are not the document's, so they stay; the table below them is still read
    table = [Line(3, "发布机构："), Line(4, "宜春市统计局"), Line(5, "一、综合")]
    found = find_body([Line(1, "宜春市人民政府"), Line(2, "各县（市、区）人民政府"), *table])
    assert [line.text for line in found.head] == ["发布机构：", "宜春市统计局"]
    assert [line.text for line in found.lines] == [
        "宜春市人民政府",
        "各县（市、区）人民政府",
        "一、综合",
    ]
    assert found.removed == [
        Removal("metadata table", "发布机构：", 3),
        Removal("metadata table", "宜春市统计局", 4),
    ]
