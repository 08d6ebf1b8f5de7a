"""The shipped lexicon loads, is internally consistent, and bad user files are rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff.errors import InputError
from policydiff.strength import find_cues, load_lexicon
from policydiff.strength.lexicon import CATEGORY_LEVELS, compile_pattern


def test_shipped_lexicon_loads_and_is_consistent() -> None:
    lex = load_lexicon()
    assert len(lex.entries) >= 15
    ids = [e.id for e in lex.entries]
    assert len(ids) == len(set(ids))
    for entry in lex.entries:
        assert entry.level in CATEGORY_LEVELS[entry.category]
        assert entry.en and entry.zh, entry.id
    assert {e.category for e in lex.entries} >= {
        "exploratory",
        "promotion",
        "intensification",
        "scale",
        "binding",
        "restriction",
    }
    assert 0 < lex.target_bonus <= 1


def test_load_is_cached() -> None:
    assert load_lexicon() is load_lexicon()


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("promote", ["promote", "promotes", "promoted", "promoting"]),
        ("intensify", ["intensify", "intensifies", "intensified", "intensifying"]),
        ("step up", ["step up", "stepped up", "stepping up"]),
        ("strengthen", ["strengthen", "strengthened", "strengthening"]),
    ],
)
def test_english_verbs_are_inflected(word: str, forms: list[str]) -> None:
    pattern = compile_pattern(word, "en", verb=True)
    for form in forms:
        assert pattern.fullmatch(form), form


@pytest.mark.parametrize(
    ("text", "lang", "level"),
    [
        ("探索", "zh", 1),
        ("鼓励", "zh", 1),
        ("推进", "zh", 2),
        ("加大保护力度", "zh", 3),
        ("深入开展", "zh", 3),
        ("规模化发展", "zh", 4),
        ("全覆盖", "zh", 4),
        ("严禁", "zh", 5),
        ("确保", "zh", 5),
        ("explore", "en", 1),
        ("carry out", "en", 2),
        ("step up", "en", 3),
        ("energetically", "en", 4),
        ("scaled-up", "en", 4),
        ("resolutely", "en", 5),
    ],
)
def test_scale_words_have_documented_levels(text: str, lang: str, level: int) -> None:
    cues = find_cues(text, lang)
    assert cues and max(c.level for c in cues) == level


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "extra.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_extra_file_adds_and_overrides(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "entries:\n"
        "  - id: zh-zhuahao\n    category: intensification\n    level: 3\n"
        "    en: ['get a good grip on']\n    zh: ['抓好']\n",
    )
    lex = load_lexicon(path)
    assert any(e.id == "zh-zhuahao" for e in lex.entries)
    assert len(lex.entries) == len(load_lexicon().entries) + 1
    assert find_cues("抓好落实", "zh", lex)[0].level == 3


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("entries: [oops", "not valid YAML"),
        ("- just\n- a list\n", "mapping"),
        ("entries:\n  - category: scale\n    level: 9\n    en: [x]\n", "level"),
        ("entries:\n  - category: scale\n    level: 2\n    en: [x]\n", "not allowed"),
        ("entries:\n  - category: shouting\n    level: 2\n    en: [x]\n", "category"),
        ("entries:\n  - category: scale\n    level: 4\n    en: ['(unclosed']\n", "bad pattern"),
        ("entries:\n  - category: scale\n    level: 4\n", "at least one"),
        ("entries:\n  - category: scale\n    level: 4\n    en: [x]\n    colour: red\n", "unknown"),
        ("target_bonus: lots\n", "target_bonus"),
        ("negative_contexts:\n  - suppresses: [nonsense]\n    en: [x]\n", "unknown categories"),
    ],
)
def test_malformed_user_file_is_an_input_error(tmp_path: Path, body: str, fragment: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(InputError) as info:
        load_lexicon(path)
    assert info.value.path == str(path)
    assert fragment in info.value.problem


def test_missing_user_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_lexicon(tmp_path / "absent.yaml")


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # Guangdong: 构建 read across 钢结构 and 建筑 would cut the object to 钢结 筑
        ("推广钢结构建筑", ["推广"]),
        ("大力发展钢结构建筑", ["大力发展"]),
        # the verb itself stays a cue
        ("构建城乡建设绿色低碳体系", ["构建"]),
    ],
)
def test_a_cue_read_across_two_words_is_no_cue(text: str, cues: list[str]) -> None:
    assert [c.text for c in find_cues(text, "zh")] == cues


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # 发改能源〔2022〕206号: 合理建设 is an adverb and a verb ...
        ("合理建设先进煤电机组", ["建设"]),
        # ... and 不合理建设, 不合理利用 are nouns: what is forbidden, not what is done
        ("严禁超低能耗建筑不合理建设", ["严禁"]),
        ("防止历史建筑不合理利用", ["防止"]),
    ],
)
def test_reasonably_makes_a_verb_unreasonable_does_not(text: str, cues: list[str]) -> None:
    assert [c.text for c in find_cues(text, "zh")] == cues


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # the ministry plan (建标〔2022〕53号): 不 after 原则上 forbids, as at a clause start
        ("原则上不大规模、成片集中拆除现状建筑", ["原则上不大规模"]),
        ("不大规模、成片集中拆除现状建筑", ["不大规模"]),
        ("一般不新建超高层住宅", ["不"]),
        # ... and a limit after the hedge stays a limit
        ("原则上不超过18层", ["原则上"]),
    ],
)
def test_a_hedged_no_is_still_a_prohibition(text: str, cues: list[str]) -> None:
    assert [c.text for c in find_cues(text, "zh")] == cues


def test_full_inside_a_share_is_a_noun_not_a_cue() -> None:
    # Hebei's plan: the 20% is the share of fully electrified new public buildings
    assert not find_cues("新建公共建筑全面电气化比例达到20%", "zh")
    assert "全面" in [c.text for c in find_cues("推动新建公共建筑全面电气化", "zh")]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("推广应用生物基纤维及再生纤维规模化制备等装备和技术", ["推广应用"]),
        ("提升再生资源利用规模化、规范化、清洁化水平", ["提升", "规模化"]),
        ("推动超低能耗建筑规模化发展", ["推动", "规模化发展"]),
    ],
)
def test_large_scale_names_a_process_before_another_word(text: str, cues: list[str]) -> None:
    assert [c.text for c in find_cues(text, "zh")] == cues


@pytest.mark.parametrize(
    ("text", "cues"),
    [("设置绿色低碳产品专场", ["设置"]), ("规范旧衣公益捐赠", ["规范"]), ("行业规范", [])],
)
def test_regulate_directs_only_at_the_start_of_its_clause(text: str, cues: list[str]) -> None:
    assert [c.text for c in find_cues(text, "zh")] == cues


@pytest.mark.parametrize(
    ("text", "lang", "cues"),
    [
        ("激励绿色消费", "zh", ["激励"]),
        ("完善绿色消费激励机制", "zh", ["完善"]),
        ("Incentivised green consumption", "en", ["Incentivised"]),
    ],
)
def test_incentivise_is_a_verb_not_the_incentive_it_names(
    text: str, lang: str, cues: list[str]
) -> None:
    assert [c.text for c in find_cues(text, lang)] == cues


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Green buildings as defined in the standard shall be promoted", ["shall", "promoted"]),
        ("Regulated entities report their emissions", []),
        ("Regulate the design and management of green buildings", ["Regulate"]),
        ("Define the responsibilities of each department", ["Define"]),
    ],
)
def test_a_definition_or_a_regulated_party_directs_nothing(text: str, cues: list[str]) -> None:
    assert [c.text for c in find_cues(text, "en")] == cues


def test_large_scale_closes_on_a_bracket_too() -> None:
    assert [c.text for c in find_cues("推进再生资源利用（规模化）", "zh")] == ["推进", "规模化"]
