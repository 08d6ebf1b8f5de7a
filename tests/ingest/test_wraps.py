"""Lines a source broke inside a sentence, joined again; paragraphs and provisions not."""

from __future__ import annotations

from policydiff.ingest.clean import Line
from policydiff.ingest.wraps import rewrapped, rewrapped_note, wrap_width


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def _texts(*texts: str) -> list[str]:
    lines = _lines(*texts)
    return [line.text for line in rewrapped(lines, wrap_width([x.text for x in lines])).lines]


WRAPPED = (
    "为贯彻落实国家关于实施城市更新行动的决策部署，推动全省城市更新高质量发展，现提出",
    "如下意见。",
    "一、总体要求",
    "（一）指导思想。坚持以人民为中心，坚持稳中求进工作总基调，完整、准确、全面贯彻新发",
    "展理念，推动城市结构优化、功能完善和品质提升。",
    "（二）主要目标。到2025年，城市更新体制机制基本健全，城镇老旧小区改造任务基本完成，",
    "到2030年，城市更新取得显著成效。",
)


def test_a_text_hard_wrapped_at_a_width_has_its_sentences_and_words_whole_again() -> None:
    assert wrap_width(list(WRAPPED)) == 82
    assert _texts(*WRAPPED) == [
        "为贯彻落实国家关于实施城市更新行动的决策部署，推动全省城市更新高质量发展，现提出如下意见。",
        "一、总体要求",
        "（一）指导思想。坚持以人民为中心，坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，"
        "推动城市结构优化、功能完善和品质提升。",
        "（二）主要目标。到2025年，城市更新体制机制基本健全，城镇老旧小区改造任务基本完成，"
        "到2030年，城市更新取得显著成效。",
    ]
    assert rewrapped(_lines(*WRAPPED), 82).joined == [2, 5, 7]


def test_a_line_ending_on_a_comma_goes_on_unless_a_provision_starts_below_it() -> None:
    assert _texts("重点改造老旧小区，", "加装电梯10000部以上。") == [
        "重点改造老旧小区，加装电梯10000部以上。"
    ]
    assert _texts("主要任务包括：重点改造老旧小区，", "（二）加装电梯。") == [
        "主要任务包括：重点改造老旧小区，",
        "（二）加装电梯。",
    ]


def test_an_english_line_going_on_in_lower_case_is_one_sentence() -> None:
    assert _texts(
        "(1) Guiding ideology. We should adhere to the people-centered development",
        "philosophy and focus on old urban communities.",
        "(2) Main objectives.",
    ) == [
        "(1) Guiding ideology. We should adhere to the people-centered development "
        "philosophy and focus on old urban communities.",
        "(2) Main objectives.",
    ]


def test_paragraphs_or_sentences_a_line_each_stay_apart() -> None:
    # one sentence a line without its 。, as some sources give it: lines of every length,
    # none read as wrapped
    sentences = (
        "推动城乡建设绿色发展",
        "到2025年城镇新建建筑全面执行绿色建筑标准",
        "大力推广超低能耗建筑",
        "推进既有建筑节能改造和绿色化改造，提升建筑能效水平",
        "建设海绵城市",
        "完善城市生态系统",
    )
    assert wrap_width(list(sentences)) is None
    assert _texts(*sentences) == list(sentences)
    assert _texts("各省、自治区、直辖市人民政府：", "现将有关事项通知如下。") == [
        "各省、自治区、直辖市人民政府：",
        "现将有关事项通知如下。",
    ]


def test_the_note_names_the_lines_joined() -> None:
    assert rewrapped_note([5]) == "a line break inside a sentence joined (line 5 of the text read)"
    assert rewrapped_note(list(range(1, 11))) == (
        "10 line breaks inside sentences joined (lines 1, 2, 3, 4, 5, 6, 7, 8, … of the text read)"
    )


def test_a_figure_or_a_name_broken_by_a_wrap_is_joined_without_a_space() -> None:
    wrapped = (
        "到2025年，城市细颗粒物（PM2.5）平均浓度下降1",
        "0%以上，加快推进城市数字化转型和城市信息模型（C",
        "IM）平台建设，推动建筑信息模型技术应用。",
    )
    # (a text wrapped at 46 columns, the width of its first two lines)
    joined = rewrapped(_lines(*wrapped), 46).lines
    assert [line.text for line in joined] == [
        "到2025年，城市细颗粒物（PM2.5）平均浓度下降10%以上，加快推进城市数字化转型和城市信息模型（CIM）"
        "平台建设，推动建筑信息模型技术应用。"
    ]


def test_a_joined_line_does_not_draw_the_next_paragraph_after_it() -> None:
    # the heading wrapped at the width is one line again; the paragraph below it stays
    lines = (
        "以习近平新时代中国特色社会主义思想为指导，全面",
        "贯彻党的十九大精神，坚持生态优先、节约优先。",
        "（二）推进城市基础设施生命线安全工程建设和城市地",
        "下管网改造",
        "城市形态、密度、功能布局对碳减排具有重要影响。",
        "社区是形成简约适度、绿色低碳生活方式的重要场所",
        "。推广功能复合的混合街区。",
    )
    assert _texts(*lines) == [
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神，坚持生态优先、节约优先。",
        "（二）推进城市基础设施生命线安全工程建设和城市地下管网改造",
        "城市形态、密度、功能布局对碳减排具有重要影响。",
        "社区是形成简约适度、绿色低碳生活方式的重要场所。推广功能复合的混合街区。",
    ]


def test_list_items_that_are_no_provisions_still_start_a_line() -> None:
    assert _texts(
        "The following buildings shall meet the standard:",
        "(a) new civil buildings in cities and towns,",
        "(b) public buildings invested by the government, and",
        "(c) large public buildings.",
    )[1:] == [
        "(a) new civil buildings in cities and towns,",
        "(b) public buildings invested by the government, and",
        "(c) large public buildings.",
    ]
    assert _texts(
        "下列建筑应当执行绿色建筑标准，", "①城镇新建民用建筑，", "②政府投资的公益性建筑。"
    ) == [
        "下列建筑应当执行绿色建筑标准，",
        "①城镇新建民用建筑，",
        "②政府投资的公益性建筑。",
    ]
    assert _texts("一是推进老旧小区改造，", "二是完善基础设施。")[1] == "二是完善基础设施。"


def test_an_english_line_citing_a_chinese_title_keeps_its_spaces() -> None:
    # the words either side of the break say its language, not a title earlier in the line
    assert _texts(
        "Under the Opinions (关于推动城乡建设绿色发展的意见), all cities will develop green",
        "buildings and expand green spaces.",
    ) == [
        "Under the Opinions (关于推动城乡建设绿色发展的意见), all cities will develop green "
        "buildings and expand green spaces."
    ]
