"""``data/restatement.yaml`` as read: the words and patterns the restatement rules use
(docs/lineage.md explains each)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from policydiff.runtime.untrusted import safe_load


@dataclass(frozen=True)
class Grade:
    """A grade of performance (``performance_grades``): its name, and a pattern of it that
    skips the name where it follows one of the characters that make it another word."""

    name: str
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, entry: dict[str, str]) -> Grade:
        name, not_after = entry["name"], entry.get("not_after", "")
        before = f"(?<![{re.escape(not_after)}])" if not_after else ""
        return cls(name, re.compile(before + re.escape(name)))


@dataclass(frozen=True)
class Rules:
    """``data/restatement.yaml`` as read."""

    openers: tuple[str, ...]
    opens_en: re.Pattern[str]  # an English clause opening on a verb: Reform, and use
    modal_en: re.Pattern[str]  # an English modal verb: will, should
    year_only: re.Pattern[str]
    limited: tuple[str, ...]
    threshold: re.Pattern[str] | None  # a class picked by a threshold: 20万以下的县城
    general: tuple[str, ...]
    place_limits: tuple[str, ...]  # the limited scopes that are a class of places
    # what a scope is read past: a pilot's experience spread, a national programme joined
    experience: re.Pattern[str]
    ceilings: tuple[str, ...]
    floors: tuple[str, ...]  # negated ceilings: 不低于
    softeners: tuple[str, ...]  # a value made rough or usual: 65%左右, 一般不超过18层
    measures: tuple[str, ...]  # words of how a target measures, not what: 利用率, 达到
    modal: re.Pattern[str]
    goal: re.Pattern[str]
    synonyms: dict[str, str]  # each term of a line to the first of its line, itself included
    manner: tuple[str, ...]  # adverbs of manner, left out of a clause's object wherever they stand
    manner_phrases: tuple[str, ...]  # phrases of manner, left out where they open it
    places: dict[str, int]  # a name of a kind of place to its kind (-1: every kind)
    wastes: dict[str, int]  # a name of a kind of waste to its kind: 污水 0, 垃圾 1
    waste_sources: dict[str, int]  # a source of waste to its kind: 生活垃圾 0, 建筑垃圾 1
    # kinds of instrument a parent clause may make (a standard, a law): the patterns its
    # object ends on, and the words that name one
    instruments: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    instrument_after: tuple[str, ...]  # what may follow the instrument: 体系, 制度
    applying: tuple[str, ...]  # cues of a clause that applies an instrument: 执行
    applied: tuple[str, ...]  # words of a clause's text that apply one: 按照
    according: tuple[str, ...]  # openers that refer to a rule and direct nothing: 按照
    reference: re.Pattern[str]  # an according clause that only names its authority
    encouraging: tuple[str, ...]  # openers whose object is what others are brought to do: 倡导
    relied_on: tuple[str, ...]  # openers that use a thing without acting on it: 依托
    replacing: tuple[str, ...]  # words of substitution: 替代燃气产品 replaces 燃气
    grades: dict[str, tuple[int, int]]  # a grade to its scale and rank: 二星级 (0, 1)
    performance_grades: tuple[tuple[Grade, ...], ...]  # lowest first: 低碳, 近零碳, 零碳
    kind_modifiers: dict[str, tuple[str, ...]]  # 零碳 → the words that keep it: 低碳 …
    qualified_heads: tuple[str, ...]  # heads a qualifier says which of: 专项规划, 政策
    empty_qualifiers: tuple[str, ...]  # qualifiers that say nothing of which: 绿色, 相关
    jurisdictions: frozenset[str]  # names of a level of government: 国家, 省级
    kinds_of: dict[str, tuple[str, ...]]  # a general name to the kinds it covers: 燃料 → 煤炭
    framing: tuple[str, ...]  # headings of sections of guiding ideas and principles: 指导思想
    labels: frozenset[str]  # headings that only name their kind of section: 工作原则, 保障措施
    situation: frozenset[str]  # headings of sections on where things stand: 面临形势
    continuations: tuple[str, ...]  # openings that go on with the list before: 以及
    total_units: frozenset[str]  # units of a count or amount a parent's total shares out: 个
    count_units: frozenset[str]  # classifiers of one count of things: 个, 家, 座
    per_unit: tuple[str, ...]  # words of a measure per person, area or unit: 人均, /
    head_nouns: tuple[str, ...]  # general nouns a clause's object may end on after its head: 产品
    general_nouns: frozenset[str]  # nouns that name no kind of thing: 系统, 体系, 方式
    qualified_objects: tuple[str, ...]  # verbs of a noun a 的-phrase qualifies: 形成…的格局
    title_words: tuple[str, ...]  # words of a title around its topic: 关于, 实施方案, 体制机制
    qualities: tuple[str, ...]  # qualities of the things of a whole plan: 绿色低碳, 智能
    policy_heads: tuple[str, ...]  # heads of a heading that makes a policy: 政策, 机制
    funding_ends: tuple[str, ...]  # what a clause that funds things ends on: 支持力度, 基金
    funding_words: tuple[str, ...]  # words of an object about funding: 金融, 补贴
    english_action_nouns: frozenset[str]  # nouns of a directed action: implementation


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    text = resources.files("policydiff").joinpath("data/restatement.yaml").read_text("utf-8")
    data = safe_load(text)
    instruments = data.get("instruments") or {}
    return Rules(
        openers=tuple(sorted(data["openers"], key=len, reverse=True)),
        opens_en=re.compile(
            r"^(?:and\s+)?(?:also,?\s+)?"
            rf"(?:{'|'.join(map(re.escape, data['openers_en']))})(?![A-Za-z-])(?!\s+of\b)",
            re.IGNORECASE,
        ),
        modal_en=re.compile(data["modal_en"], re.IGNORECASE),
        year_only=re.compile(data["year_only"]),
        limited=(*data["scope"]["programmes"], *data["scope"]["places"]),
        threshold=re.compile(data["scope"]["threshold"])
        if data["scope"].get("threshold")
        else None,
        general=tuple(data["scope"]["general"]),
        place_limits=tuple(data["scope"]["places"]),
        experience=re.compile(data["scope"]["experience"]),
        ceilings=tuple(data["ceilings"]),
        floors=tuple(data.get("floors") or ()),
        softeners=tuple(data.get("softeners") or ()),
        measures=tuple(data.get("measures") or ()),
        modal=re.compile(data["modal"]),
        goal=re.compile(data["goal"]),
        synonyms={term: line[0] for line in data.get("synonyms") or () for term in line},
        manner=tuple(data.get("manner") or ()),
        manner_phrases=tuple(data.get("manner_phrases") or ()),
        according=tuple(data.get("according") or ()),
        reference=re.compile(data["reference"]),
        encouraging=tuple(data.get("encouraging") or ()),
        relied_on=tuple(data.get("relied_on") or ()),
        replacing=tuple(data.get("replacing") or ()),
        grades={
            term: (k, rank)
            for k, line in enumerate(data.get("grades") or ())
            for rank, term in enumerate(line)
        },
        performance_grades=tuple(
            tuple(Grade.of(entry) for entry in line)
            for line in data.get("performance_grades") or ()
        ),
        kind_modifiers={
            mark: tuple(words) for mark, words in (data.get("kind_modifiers") or {}).items()
        },
        qualified_heads=tuple(data.get("qualified_heads") or ()),
        empty_qualifiers=tuple(data.get("empty_qualifiers") or ()),
        places={
            **{term: k for k, line in enumerate(data.get("places") or ()) for term in line},
            **{term: -1 for term in data.get("every_place") or ()},
        },
        wastes={term: k for k, line in enumerate(data.get("wastes") or ()) for term in line},
        waste_sources={
            term: k for k, line in enumerate(data.get("waste_sources") or ()) for term in line
        },
        instruments=tuple(
            (tuple(kind["made"]), tuple(kind["named"])) for kind in instruments.get("kinds") or ()
        ),
        instrument_after=tuple(instruments.get("after") or ()),
        applying=tuple(instruments.get("applying") or ()),
        applied=tuple(instruments.get("applied") or ()),
        jurisdictions=frozenset(data.get("jurisdictions") or ()),
        framing=tuple(data.get("framing") or ()),
        labels=frozenset((*(data.get("labels") or ()), *(data.get("framing") or ()))),
        continuations=tuple(data.get("continuations") or ()),
        situation=frozenset(data.get("situation") or ()),
        total_units=frozenset(data["totals"]["units"]),
        count_units=frozenset(data["totals"].get("counts") or ()),
        per_unit=tuple(data["totals"]["per"]),
        head_nouns=tuple(data.get("head_nouns") or ()),
        general_nouns=frozenset(data.get("general_nouns") or ()),
        qualified_objects=tuple(data.get("qualified_objects") or ()),
        title_words=tuple(data.get("title_words") or ()),
        qualities=tuple(data.get("qualities") or ()),
        policy_heads=tuple(data.get("policy_heads") or ()),
        funding_ends=tuple((data.get("funding") or {}).get("ends") or ()),
        funding_words=tuple((data.get("funding") or {}).get("words") or ()),
        kinds_of={general: tuple(kinds) for general, kinds in (data.get("kinds_of") or {}).items()},
        english_action_nouns=frozenset(data.get("english_action_nouns") or ()),
    )
