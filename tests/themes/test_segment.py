"""Words for discovery: jieba with the catalogue's terms, cues and function words marked."""

from __future__ import annotations

import pytest

from policydiff.themes.catalogue import Catalogue, load_catalogue, merge_themes, parse_catalogue
from policydiff.themes.concepts import glossary_terms
from policydiff.themes.segment import ChineseSegmenter, chinese_segmenter, english_words
from tests.conftest import REPO

RAW = REPO / "examples" / "lineage" / "raw"
CONTRACTING = """\
themes:
  - id: energy-performance-contracting
    label: Energy performance contracting
    label_zh: 合同能源管理
    en: [energy performance contracting]
    zh: [合同能源管理]
"""


def _catalogue() -> Catalogue:
    extra = parse_catalogue(CONTRACTING, "test")
    return Catalogue(merge_themes(load_catalogue().themes, extra))


def _lines_with(term: str) -> list[str]:
    lines = [
        line
        for path in sorted(RAW.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if term in line
    ]
    assert lines, term
    return lines


@pytest.fixture(scope="module")
def segmenter() -> ChineseSegmenter:
    return chinese_segmenter(glossary_terms(_catalogue()))


@pytest.fixture(scope="module")
def bare() -> ChineseSegmenter:
    """jieba, the glossary anchors and the lexicon: no catalogue (whose terms change)."""
    return chinese_segmenter(glossary_terms(Catalogue(())))


@pytest.mark.parametrize("term", ["超低能耗建筑", "合同能源管理", "既有建筑节能改造"])
def test_catalogue_terms_stay_whole_in_real_sentences(
    segmenter: ChineseSegmenter, term: str
) -> None:
    import jieba

    for line in _lines_with(term):
        assert term in segmenter.cut(line), line
    # jieba alone splits them: the catalogue is what keeps them whole
    assert term not in jieba.lcut(_lines_with(term)[0])


def test_jiebas_global_tokenizer_is_left_alone(segmenter: ChineseSegmenter) -> None:
    import jieba

    assert "合同能源管理" in segmenter.cut("推广合同能源管理")
    assert jieba.lcut("推广合同能源管理") == ["推广", "合同", "能源管理"]


def test_the_order_of_the_terms_does_not_change_the_words() -> None:
    terms = glossary_terms(_catalogue())
    text = "\n".join(_lines_with("建筑"))
    assert ChineseSegmenter(terms).cut(text) == ChineseSegmenter(reversed(terms)).cut(text)


@pytest.mark.parametrize(
    ("sentence", "content", "not_content"),
    [
        ("严格控制新建超高层建筑", {"超高层", "建筑"}, {"严格控制"}),
        ("五、加强组织实施", set(), {"五", "、", "加强", "实施"}),
        ("推动开展新建公共建筑全面电气化", {"公共建筑", "电气化"}, {"推动", "开展", "全面"}),
        ("大力发展节能服务产业，推广合同能源管理", {"能源管理"}, {"大力发展", "推广", "，"}),
        ("积极开展示范区建设", {"示范区"}, {"积极开展"}),
        ("到2030年建筑用电占建筑能耗比例超过65%", {"建筑", "用电"}, {"2030", "年", "65%"}),
        ("在实施城市更新行动中防止大拆大建", {"城市更新", "大拆大建"}, {"在", "实施", "防止"}),
    ],
)
def test_cues_function_words_and_numbers_are_not_content(
    bare: ChineseSegmenter, sentence: str, content: set[str], not_content: set[str]
) -> None:
    words = {w.text: w for w in bare.words(sentence)}
    assert content <= {t for t, w in words.items() if w.content}
    assert not_content <= {t for t, w in words.items() if not w.content}


@pytest.mark.parametrize(
    ("word", "cue"),
    [("推广", True), ("大力发展", True), ("积极开展", True), ("推广应用", True),
     ("示范区", False), ("电气化", False), ("海绵城市", False)],
)  # fmt: skip
def test_a_cue_word_is_a_cue_alone_or_with_cues_or_before_a_verb(
    bare: ChineseSegmenter, word: str, cue: bool
) -> None:
    assert bare.is_cue(word) is cue


def test_a_catalogue_term_that_opens_with_a_cue_is_cut_after_the_cue(
    segmenter: ChineseSegmenter,
) -> None:
    catalogue = parse_catalogue(
        "themes:\n  - {id: e, label: E, label_zh: 全面电气化, zh: [全面电气化, 电气化]}\n", "t"
    )
    own = ChineseSegmenter(glossary_terms(Catalogue(catalogue)))
    assert "全面电气化" not in own.terms and "电气化" in own.terms
    assert own.cut("推动新建公共建筑全面电气化")[-2:] == ("全面", "电气化")


def test_english_words_fold_plurals_and_drop_cues_and_stop_words() -> None:
    words = english_words("(1) We will vigorously promote sponge cities; ensure 65% by 2030.")
    content = [w.text for w in words if w.content]
    assert content == ["sponge", "city"]
    assert {"promote", "vigorously", "ensure", "65%", "2030"} <= {w.text for w in words}
