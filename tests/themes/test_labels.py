"""Terms of a sentence and the label of a cluster: words, never fragments."""

from __future__ import annotations

from collections import Counter

import pytest

from policydiff.themes.catalogue import Catalogue
from policydiff.themes.concepts import glossary_terms
from policydiff.themes.labels import Terms, label_terms, sentence_terms
from policydiff.themes.segment import ChineseSegmenter, chinese_segmenter, english_words


@pytest.fixture(scope="module")
def segmenter() -> ChineseSegmenter:
    """jieba, the glossary anchors and the lexicon: no catalogue (whose terms change)."""
    return chinese_segmenter(glossary_terms(Catalogue(())))


def _zh(segmenter: ChineseSegmenter, text: str) -> Terms:
    return sentence_terms(segmenter.words(text), "zh")


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        (
            "严格控制新建超高层建筑，一般不得新建超高层住宅",
            {"超高层建筑", "新建超高层建筑", "高层住宅"},
            {"严格控制新建", "控制", "建筑一般", "一般"},
        ),
        (
            "推进建筑电气化，到2030年建筑用电占建筑能耗比例超过65%",
            {"电气化", "建筑电气化", "建筑能耗比例"},
            {"占建筑", "用电占建筑", "能耗比例超过", "2030年", "65%"},
        ),
        (
            "有序开展城市更新，严格控制拆建规模，防止大拆大建",
            {"城市更新", "大拆大建", "规模"},
            {"有序开展城市更新", "防止大拆大建", "拆建规模"},
        ),
        (
            "2030年前，城乡建设领域碳排放达到峰值",
            {"城乡建设领域", "峰值"},
            {"城乡建设领域碳", "排放达到峰值", "前"},
        ),
    ],
)
def test_chinese_terms_are_names_made_of_whole_words(
    segmenter: ChineseSegmenter, sentence: str, present: set[str], absent: set[str]
) -> None:
    terms = _zh(segmenter, sentence).all
    assert present <= terms
    assert not absent & terms


def test_every_term_is_a_run_of_whole_content_words(segmenter: ChineseSegmenter) -> None:
    sentence = "大力发展节能服务产业，推广合同能源管理，探索节能咨询、诊断、设计、融资、改造、托管等一站式综合服务模式"
    words = segmenter.words(sentence)
    runs = {
        "".join(w.text for w in words[i:j])
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
        if all(w.content for w in words[i:j])
    }
    terms = _zh(segmenter, sentence).all
    assert terms and terms <= runs
    assert not any(fragment in terms for fragment in ("托管等", "、改", "、融", "合同"))


def test_a_cue_governs_the_term_right_after_or_before_it(segmenter: ChineseSegmenter) -> None:
    terms = _zh(segmenter, "推广合同能源管理，引导建筑供暖向电气化发展")
    assert {"合同能源管理", "建筑", "电气化"} <= terms.governed
    assert "能源管理" in terms.all and "能源管理" not in terms.governed


def test_english_terms_skip_cues_stop_words_and_numbers() -> None:
    terms = sentence_terms(
        english_words("We will vigorously promote the construction of sponge cities by 2030."),
        "en",
    )
    assert terms.all == {"sponge", "city", "sponge city"}
    assert terms.governed == set()  # "the construction of" stands between cue and term


def test_a_label_prefers_terms_shared_across_documents_and_governed() -> None:
    terms = [
        Terms(frozenset({"合同能源管理", "融资", "咨询"}), frozenset({"合同能源管理"})),
        Terms(frozenset({"合同能源管理", "融资", "托管模式"}), frozenset({"合同能源管理"})),
        Terms(frozenset({"海绵城市"}), frozenset()),
        Terms(frozenset({"融资"}), frozenset()),
    ]
    frequency = Counter(t for ts in terms for t in ts.all)
    label = label_terms([0, 1], terms, ["a", "b", "c", "d"], frequency, "zh", 6)
    assert label == ("合同能源管理", "融资")  # 咨询 and 托管模式: one document each
    # in one document a term of one sentence is eligible
    assert "咨询" in label_terms([0, 1], terms, ["a", "a", "c", "d"], frequency, "zh", 6)


def test_a_label_skips_a_term_inside_one_chosen() -> None:
    terms = [
        Terms(frozenset({"超高层建筑", "超高层", "建筑"}), frozenset({"超高层建筑"})),
        Terms(frozenset({"超高层建筑", "超高层", "建筑"}), frozenset({"超高层建筑"})),
        Terms(frozenset({"建筑"}), frozenset()),
    ]
    frequency = Counter(t for ts in terms for t in ts.all)
    assert label_terms([0, 1], terms, ["a", "b", "c"], frequency, "zh", 6) == ("超高层建筑",)


def test_a_tie_goes_to_the_longer_term_then_to_a_single_word() -> None:
    terms = [
        Terms(frozenset({"城市排水", "海绵城市"}), frozenset(), frozenset({"海绵城市"})),
        Terms(frozenset({"城市排水", "海绵城市"}), frozenset(), frozenset({"海绵城市"})),
    ]
    frequency = Counter(t for ts in terms for t in ts.all)
    assert label_terms([0, 1], terms, ["a", "b"], frequency, "zh", 6) == ("海绵城市", "城市排水")
