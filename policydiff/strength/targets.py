"""Quantified targets: "到2027年…达到60%", "by 2035 … full coverage"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from policydiff.models import pickled_by_fields


@pickled_by_fields
@dataclass(frozen=True)
class Target:
    """One quantified target. Full coverage (全覆盖, "all cities") is value 100.0, unit "%"."""

    text: str  # the matched snippet, e.g. "reach 60%", "达到60%", "full coverage"
    value: float | None
    unit: str
    year: int | None
    hedged: bool = False  # 力争, "strive to", "is expected to": aimed at, not promised
    # the start of a range (2~3个, 0.6-1万人/平方公里, 30%—40%), whose end is ``value``
    low: float | None = None


def figure_text(value: float) -> str:
    """A target's figure in digits as a reader writes it, however large or small: 3150000,
    1000000000000, 0.0025, never 3.15e+06."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


_ZH_MULT = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}
_EN_MULT = {"thousand": 1e3, "million": 1e6, "billion": 1e9}

_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUM = rf"(?P<num>{_DIGITS})"
# the dash of a range (2~3个, 0.6至1万人); not 到, since 由…到… says where a level starts
_ZH_DASH = r"(?:~|～|-|－|—|–|至)"
# the start of a range (2~3个, 0.6至1万人, 0.6万至1万人, 30%—40%): its unit is the end's, and
# so is its multiplier where it has none of its own
_ZH_LOW = (
    rf"(?:(?<![\d,.])(?P<low>{_DIGITS})(?P<low_mult>[万亿千百])?\s*(?:%|％)?\s*{_ZH_DASH}\s*)?"
)
_EN_LOW = rf"(?:(?<![\d,.])(?P<low>{_DIGITS})\s*(?:%|percent\b|per cent\b)?\s*(?:-|–|—)\s*)?"
_ZH_UNITS = (
    "个百分点|百分点|平方公里|平方千米|平方米/人|平方米|立方米|公里/万人|公里|千米|千瓦|亩|"
    "(?:千克|克|吨)标准煤(?:/(?:千瓦时|万元|平方米))?|吨|个城市|个|座|"
    "辆|户|人|家|处|城市|公顷|层|米"
)
# Units of a design limit (道路红线宽度不超过40米, 广场集中硬地面积不超过2公顷, 最高不超过18层): a
# target only with a comparator; bare, they name a class (6层及以下住宅, 250米以上建筑) or a
# distance (300米见绿)
_ZH_LIMIT_UNITS = ("公顷", "层", "米")
# a value is its number and what follows it (the tail), after words that say how it is
# reached (the lead); the tail alone is what :func:`_finditer` looks for first
_ZH_VALUE_TAIL = (
    _ZH_LOW + _NUM + r"\s*(?:(?P<pct>%|％)|(?P<mult>[万亿千百])?"
    rf"(?P<unit>{_ZH_UNITS})(?P<per>[/／∕](?:平方公里|平方千米))?)(?P<bound>以上|左右|以下|以内)?"
)
# the words that say how a level is to be reached or kept
_ZH_BOUNDS = (
    "达到|达|不低于|不少于|不小于|不超过|不应超过|不得超过|不宜超过|不高于|超过|提高到|提升至|提高至|"
    "增加到|增至|降至|降到|下降到|降低到|下降|降低|提高|提升|增长|减少|低于|控制在|保持在"
)
_PER_AREA_WORDS = "每(?:平方公里|平方千米)"
_ZH_VALUE = re.compile(
    rf"(?P<cmp>{_ZH_BOUNDS}|占比|比例|比重|率)?\s*(?P<area>{_PER_AREA_WORDS})?\s*(?:约|近)?"
    + _ZH_VALUE_TAIL
)
# Full coverage, and "every one of them" stated as an outcome: 全面执行 a standard, 全部完成.
# Of the lexicon's 应X尽X cues only 应保尽保 and 应改尽改 set a 100% target: 应用尽用 (use what
# can be used) states how far to go, and its dropping weakens nothing the readers see.
_ZH_FULL = re.compile(
    r"全覆盖|全面覆盖|全部(?:地级及以上)?城市|应保尽保|应改尽改|全面执行|全面建成|全部执行|全面采用|全部采用|"
    r"全部(?:达到|完成|纳入|实现|具备)|基本完成"
)
_ZH_YEAR = re.compile(
    r"(?:(?P<base>比|较|相比|与)\s*)?(?:到|至|在)?\s*(?P<year>20\d\d)\s*年(?:底|前|末)?"
    r"(?P<built>(?:以前|前)?建成)?"
    r"|(?:到|至)\s*(?P<bare>20\d\d)(?![\d年])"
    r"|(?P<plan>“?十[四五]五”?)(?:期间|末|时期)?"
)
_ZH_HEDGE = re.compile(r"力争|争取|预计|努力")
_EN_HEDGE = re.compile(
    r"\b(?:strive|striving|expected to|aim(?:s|ing)? to|efforts? (?:will be made )?to)\b",
    re.IGNORECASE,
)
# the last year of a five-year plan period
_PLAN_YEARS = {"十四五": 2025, "十五五": 2030}

_EN_UNITS = (
    r"square (?:meters|metres|kilometers|kilometres)|sq\.? ?(?:m|km)|cubic meters|"
    r"kilometers|kilometres|km|mu|tons|tonnes|cities|counties|towns|villages|units|"
    r"households|vehicles|projects|parks|people|percentage points?"
)
_EN_VALUE_TAIL = (
    _EN_LOW + _NUM + r"\s*"
    r"(?:(?P<pct>%|percent\b|per cent\b)|(?P<mult>thousand|million|billion)?\s*(?P<unit>"
    + _EN_UNITS
    + r")\b)(?P<bound>\s+or (?:more|above|less))?"
)
_EN_VALUE = re.compile(
    r"(?P<cmp>(?:reach|exceed|increase to|decrease to|drop to|rise to|fall to|at least|"
    r"no less than|not be less than|not less than|more than|over|above|below|under|"
    r"about|around|approximately|"
    r"nearly|up to)\s+)?(?:about\s+|around\s+)?" + _EN_VALUE_TAIL,
    re.IGNORECASE,
)
_EN_FULL = re.compile(
    r"(?:achieve |achieving |reach |realize )?full coverage|fully covered|"
    r"all (?:prefecture-level )?cities(?: at (?:or above )?the prefecture level)?",
    re.IGNORECASE,
)
_EN_YEAR_TAIL = r"(?P<year>20\d\d)\b"
_EN_YEAR = re.compile(
    r"\b(?:(?P<base>than|compared (?:with|to)|over|from|relative to)\s+(?:the\s+)?"
    r"(?:level of\s+)?(?:the end of\s+)?)?"
    r"(?:by|before|in|until|through|to)?\s*(?:the end of\s+)?" + _EN_YEAR_TAIL,
    re.IGNORECASE,
)
# A sentence that opens on a deadline (到2025年，…; 2030年前，…; "By 2027, …") dates what
# follows it: its own later parts, and, in a section of goals (主要目标, "Main goals"), the
# sentences after it, up to the next that opens on one (到2025年，…。…完成既有建筑节能改造
# 3000万平方米。到2030年，…). Elsewhere a sentence is a task of its own, which a deadline
# before it does not date (在新建建筑全部执行绿色建筑标准的基础上… states what is assumed).
# A year inside a sentence dates only its own part.
_ZH_OPENING_YEAR = re.compile(
    r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?"
    r"(?:(?:到|至)\s*(?P<by>20\d\d)\s*年(?:底|前|末)?|(?P<before>20\d\d)\s*年(?:底|前|末))"
    r"|\s*“?(?P<plan>十[四五]五)”?(?:期间|末)"
)
_EN_OPENING_YEAR = re.compile(
    r"\s*(?:\(?\d{1,3}[).]\s*)?(?:by|before|until)\s+(?:the end of\s+)?(?P<by>20\d\d)\b",
    re.IGNORECASE,
)


# Looking for a value or an English year, the regular expression engine tries every
# character of a segment as a match's start (the optional words before a number give it no
# first character to skip to), which made these searches most of a target's cost. Each
# such match is a lead of letters and white space only, then a tail that opens on a digit.
# So its tail is looked for first, by an expression that can skip to the digits; no match
# can start before the run of letters and white space just before the first tail, and the
# whole expression is tried from there: the same matches, in the same order.
_CORES = {
    _ZH_VALUE: re.compile(_ZH_VALUE_TAIL),
    _EN_VALUE: re.compile(_EN_VALUE_TAIL, re.IGNORECASE),
    _EN_YEAR: re.compile(_EN_YEAR_TAIL, re.IGNORECASE),
}
# what a lead cannot hold: anything but a letter or white space
_NOT_LEAD = re.compile(r"[^\w\s]|[\d_]")


def _finditer(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``, for an expression of :data:`_CORES`."""
    core = _CORES[rx]
    pos = 0
    while True:
        tail = core.search(text, pos)
        if tail is None:
            return
        start = tail.start()
        # back over the letters and white space before the tail, not before ``pos``
        stop = _NOT_LEAD.search(text[pos:start][::-1])
        m = rx.search(text, start - stop.start() if stop else pos)
        if m is None:
            return
        yield m
        pos = m.end()  # never empty: a tail holds a digit


def opening_year(sentence: str, lang: str) -> int | None:
    """The deadline a sentence opens on (到2025年，…), or None."""
    m = (_ZH_OPENING_YEAR if lang == "zh" else _EN_OPENING_YEAR).match(sentence)
    if m is None:
        return None
    found = m.groupdict()
    plan = found.get("plan")
    if plan:
        return _PLAN_YEARS[plan]
    return int(found.get("by") or found.get("before") or 0) or None


_GOALS = re.compile(r"目标|\b(?:goals?|targets?|objectives?)\b", re.IGNORECASE)


def context_years(sentences: Sequence[str], lang: str, path: Sequence[str]) -> list[int | None]:
    """For each sentence of a provision (at ``path``), in order, the deadline that dates its
    targets that name no year of their own: in a section of goals, that of the last
    sentence up to it that opens on one; elsewhere, only its own."""
    goals = any(_GOALS.search(heading) for heading in path)
    out: list[int | None] = []
    current: int | None = None
    for sentence in sentences:
        opening = opening_year(sentence, lang)
        current = (opening or current) if goals else opening
        out.append(current)
    return out


# what may stand beside a target in a clause whose indicator is that of the target before
# it: the part of the whole it is set for, named without an indicator of its own
# (其中滇中城市群达到35%, not 其中星级绿色建筑占比达到30%), a year, and an adverb of degree
# (2030年进一步提升到15%)
_ALONE_ZH = re.compile(
    r"(?:其中(?:(?!占比|比例|比重|率|面积|量)[^，,；;。\d%％]){1,16}?)?"
    r"(?:到|至)?\s*(?:20\d\d\s*年(?:底|前|末)?)?\s*(?:进一步|再|力争|争取)?\s*"
)


def _clause_at(seg: str, at: int) -> str:
    """The clause of ``seg`` (between ，；。 breaks) that holds position ``at``."""
    start = max((m.end() for m in _ZH_BREAK.finditer(seg, 0, at)), default=0)
    end = _ZH_BREAK.search(seg, at)
    return seg[start : end.start() if end else len(seg)]


def target_alone(clause: str, snippet: str, lang: str) -> bool:
    """Whether ``clause`` is the target ``snippet`` alone, its indicator left unsaid
    (…漏损率控制在9%以内，2030年控制在8%以内): it measures what the target before it does."""
    if lang != "zh":
        return False
    rest = clause.replace(snippet, "", 1).strip(" ，,；;。")
    return _ALONE_ZH.fullmatch(rest) is not None


def own_clause(target: Target, context: str) -> str:
    """The clause of ``context`` (a target's clause and the one before it) that ``target``
    stands in: the words that name its indicator, not the lead before it."""
    at = context.find(target.text)
    return _clause_at(context, at if at >= 0 else len(context))


# a count of the task the clause before sets (…老化更新改造，到2024年底全省完成1900公里改造任务)
_TASK_ZH = re.compile(
    r"(?:到|至)?\s*(?:20\d\d\s*年(?:底|前|末)?)?\s*(?:全省|全市|全区|全县|全国|累计)?\s*"
    r"(?:完成|实施)(?:更新改造|改造|建设|新建|更新|治理|整治|修复|提升)?(?:工作)?任务"
)


def task_of_clause_before(clause: str, snippet: str, lang: str) -> bool:
    """Whether ``clause`` is only the size of a task, its work left unsaid (到2024年底全省完成
    1900公里改造任务): it measures the work the clause before it commits to."""
    if lang != "zh":
        return False
    rest = clause.replace(snippet, "", 1).strip(" ，,；;。")
    return _TASK_ZH.fullmatch(rest) is not None


# a target's year is looked up within its "segment": a sentence, or a part between semicolons
# (English: one alternative per character, so that the engine can skip to them in C)
_SEGMENT = {"zh": re.compile(r"[。；！？\n]"), "en": re.compile(r";|!|\?|\n|\.(?=\s|$)")}
_SENTENCE_END = {"zh": re.compile(r"[。！？\n]"), "en": re.compile(r"!|\?|\n|\.(?=\s|$)")}


def _segments(text: str, lang: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SEGMENT[lang].finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


_ZH_BREAK = re.compile(r"[，,；;。]")
# Units that count things (cities, projects): a bare count is named, not aimed at.
_COUNTS = frozenset(
    [
        "个",
        "座",
        "辆",
        "户",
        "人",
        "家",
        "处",
        "城市",
        "个城市",
        "cities",
        "counties",
        "towns",
        "villages",
        "units",
        "households",
        "vehicles",
        "projects",
        "parks",
        "people",
    ]
)


def _is_count(unit: str) -> bool:
    return unit.lower() in _COUNTS


def measures_its_own_clause(target: Target) -> bool:
    """Whether ``target`` measures only what its own clause names, not the commitment its
    sentence opens on: a number of things (100个基地, 10 cities), a density per area
    (人口密度控制在0.6-1万人/平方公里) or a ratio (建筑总面积与建设用地比值控制在0.6—0.8)."""
    return _is_count(target.unit) or target.unit == "ratio" or target.unit.endswith(_PER_AREA_UNITS)


def sets_a_limit(target: Target) -> bool:
    """Whether ``target`` is a design limit (不超过40米, 不少于100米, 最高不超过18层): it
    measures the object of its own clause, which the commitment before it sets out."""
    return target.unit in _ZH_LIMIT_UNITS


def _dated_count(seg: str, m: re.Match[str], years: Years, undated: int | None) -> bool:
    """A count to reach by a date said before it (到2030年培育100个智能建造产业基地), not one
    that names what an enumeration lists (郑州、洛阳等15个缺水省辖市)."""
    if seg[: m.start()].rstrip().endswith("等"):
        return False
    return undated is not None or any(end <= m.start() for _, end, _ in years)


Years = list[tuple[int, int, int]]  # (start, end, year) in a segment


def _years(seg: str, year_re: re.Pattern[str]) -> tuple[Years, Years]:
    """The target years of a segment, and the baseline years ("比2020年", "than in 2020")
    that a change is measured from, which are never a target's year."""
    years: Years = []
    baselines: Years = []
    for m in _finditer(year_re, seg) if year_re in _CORES else year_re.finditer(seg):
        found = m.groupdict()
        plan, digits = found.get("plan"), found.get("year") or found.get("bare")
        year = _PLAN_YEARS[plan.strip("“”")] if plan else int(digits or 0)
        baseline = found.get("base") or found.get("built")  # 比2020年…, 2000年前建成的…
        (baselines if baseline else years).append((m.start(), m.end(), year))
    return years, baselines


# a prohibition before a threshold in its clause makes it a limit
_PROHIBITED = re.compile(r"不得|禁止|严禁|不应|不宜")


# what follows a bounded quantity that picks a class: 的, a kind of place or body, or the
# close of a bracket that defines a term (大型商场（建筑面积10万平方米及以上）)
_QUALIFIED = ("的", "地区", "城市", "县城", "城镇", "企业", "）", ")")


def _is_threshold(seg: str, m: re.Match[str]) -> bool:
    """A quantity with a bound that qualifies a noun (2000人以上的建制镇, 5000平方米以上的公共
    建筑, 超过2万平方米的公共建筑, 日清运量超过300吨地区, 100万人以上城市) or defines a term in
    brackets (大型商场（建筑面积10万平方米及以上）): it says which ones, not how many. A share (60%的城市社区)
    is still a target, and so is a threshold a prohibition governs (不得新建红线宽度超过40米的
    道路: a cap on the width)."""
    end = m.end()
    bound = m.group("bound")
    if not bound and seg.startswith(("及以上", "及以下"), end):  # 10万平方米及以上
        bound, end = seg[end + 1 : end + 3], end + 3
    bounded = not m.group("cmp") and bound in ("以上", "以下")
    clause_start = max(seg.rfind(c, 0, m.start()) for c in "，,") + 1
    if m.group("cmp") == "超过" and _PROHIBITED.search(seg, clause_start, m.start()):
        return False
    return (
        not m.group("pct")
        and (bounded or m.group("cmp") == "超过")  # 单体建筑面积超过2万平方米的公共建筑
        and seg.startswith(_QUALIFIED, end)
    )


# per head of population, said before the number: 人均公园绿地面积达到14平方米 is 14 平方米/人
_PER_HEAD = {"人均": "/人", "万人拥有": "/万人", "每万人": "/万人"}


def _per_head(seg: str, start: int, unit: str) -> str:
    if "/" in unit or unit not in ("平方米", "平方公里", "平方千米", "公里", "千米", "亩"):
        return unit
    clause = seg[max((seg.rfind(c, 0, start) for c in "，,；;"), default=-1) + 1 : start]
    return next((unit + per for said, per in _PER_HEAD.items() if said in clause), unit)


# per area, said before the number in its clause (人口密度控制在每平方公里0.6至1万人,
# 每平方公里不超过1万人) or after its unit (0.6-1万人/平方公里, 路网密度达到8公里/平方公里): a
# density, not a count or a length
_PER_AREA = re.compile(_PER_AREA_WORDS)
_PER_AREA_UNITS = ("/平方公里", "/平方千米")


def _per_area(seg: str, m: re.Match[str], unit: str) -> str:
    if "/" in unit:
        return unit
    if m.group("per"):
        return unit + "/" + m.group("per")[1:]
    clause_start = max(seg.rfind(c, 0, m.start()) for c in "，,；;") + 1
    before = _PER_AREA.search(seg, clause_start, m.start("num"))
    return unit + "/" + before.group(0)[1:] if before else unit


# a ratio of two quantities, which has no unit (建筑总面积与建设用地比值控制在0.6—0.8, 容积率不得超过
# 2.5); a ratio that picks a class (容积率不高于2的学校) is no target
_ZH_RATIO = re.compile(
    r"(?:比值|面积比|容积率)(?:原则上|应|宜|一般)*"
    rf"(?P<cmp>{_ZH_BOUNDS}|不大于|小于|大于)\s*"
    rf"(?:(?P<low>{_DIGITS})\s*{_ZH_DASH}\s*)?{_NUM}(?:以下|以内|左右)?"
    r"(?![\d.%％万亿千百的\w])"
)


def _number(raw: str) -> float | None:
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def _may_say_full(seg: str) -> bool:
    """Whether an English segment may hold a match of :data:`_EN_FULL`: each holds "full"
    or "all", and no character but these letters' own two cases matches them (checked
    over every code point). The expression opens on optional words, so the regex engine
    tries every character as a start: most segments hold neither word."""
    low = seg.lower()
    return "full" in low or "all" in low


def find_target_spans(
    text: str, lang: str, dated: int | None = None
) -> list[tuple[int, int, Target]]:
    """Targets with their character spans in ``text`` (sorted by position). A target
    whose part of the sentence names no year takes the year the sentence opens on, else
    ``dated`` (the sentence's :func:`context_years`)."""
    if lang not in _SEGMENT:
        raise ValueError(f"unsupported language {lang!r}; expected 'en' or 'zh'")
    return list(_target_spans(text, lang, dated))


@lru_cache(maxsize=4096)
def _target_spans(
    text: str, lang: str, dated: int | None = None
) -> tuple[tuple[int, int, Target], ...]:
    """:func:`find_target_spans`, cached: a sentence is looked at once per mention."""
    opening = opening_year(text, lang)
    # the deadline a sentence opens on dates its own parts only, not a sentence after it
    ends = _SENTENCE_END[lang].search(text)
    first_end = ends.start() if ends else len(text)
    value_re, full_re, year_re = (
        (_ZH_VALUE, _ZH_FULL, _ZH_YEAR) if lang == "zh" else (_EN_VALUE, _EN_FULL, _EN_YEAR)
    )
    mults = _ZH_MULT if lang == "zh" else _EN_MULT
    found: list[tuple[int, int, Target]] = []
    for seg_start, seg_end in _segments(text, lang):
        seg = text[seg_start:seg_end]
        years, baselines = _years(seg, year_re)
        undated = (opening if opening and seg_start <= first_end else None) or dated
        hits: list[tuple[int, int, float | None, str, float | None]] = []
        for m in _finditer(value_re, seg):
            if any(ys <= m.start("num") < ye for ys, ye, _ in (*years, *baselines)):
                continue  # the number is itself a year
            value = _number(m.group("num"))
            if value is None:
                continue
            low = _number(m.group("low")) if m.group("low") else None
            start = m.start()
            if m.group("pct"):
                unit = "%"
            else:
                unit = m.group("unit").lower() if lang == "en" else m.group("unit")
                mult = m.group("mult")
                if mult:
                    value *= mults[mult.lower() if lang == "en" else mult]
                own = m.groupdict().get("low_mult") or mult
                if low is not None and own:
                    low *= mults[own.lower() if lang == "en" else own]
                if lang == "zh":
                    unit = _per_area(seg, m, _per_head(seg, m.start(), unit))
            if low is not None and (low >= value or seg[: m.start("low")].endswith(("由", "从"))):
                # 由10%至15%: where a level starts and where it is to go, no range
                low = None
                start = start if m.group("cmp") else m.start("num")
            if (
                not (m.group("cmp") or m.group("pct") or m.group("bound"))
                and _is_count(unit)
                and not _dated_count(seg, m, years, undated)
            ):
                continue  # "推动16个区县…": a count named, not a level to reach by a date
            if lang == "zh" and _is_threshold(seg, m):
                continue  # 镇区常住人口2000人以上的建制镇: a class named, not a level to reach
            if lang == "zh" and m.group("unit") in _ZH_LIMIT_UNITS and not m.group("cmp"):
                continue  # 6层及以下住宅, 300米见绿: no limit set
            hits.append((start, m.end(), value, unit, low))
        for m in (
            _ZH_RATIO.finditer(seg) if lang == "zh" and ("比" in seg or "容积率" in seg) else ()
        ):
            low = _number(m.group("low")) if m.group("low") else None
            hits.append((m.start("cmp"), m.end(), _number(m.group("num")), "ratio", low))
        for m in full_re.finditer(seg) if lang == "zh" or _may_say_full(seg) else ():
            if not any(s < m.end() and m.start() < e for s, e, _, _, _ in hits):
                hits.append((m.start(), m.end(), 100.0, "%", None))
        hedges = [m.start() for m in (_ZH_HEDGE if lang == "zh" else _EN_HEDGE).finditer(seg)]
        was_hedged = False
        for start, end, value, unit, low in sorted(hits, key=lambda hit: hit[:2]):
            before = [y for ys, ye, y in years if ye <= start]
            after = [y for ys, ye, y in years if ys >= end]
            year = before[-1] if before else (after[0] if after else undated)
            snippet = seg[start:end].strip()
            # a hedge governs the targets after it up to the next clause break, and a target
            # alone that goes on from a hedged one (力争到2025年…控制在9%以内，2030年控制在8%以内)
            hedged = any(h < start and not _ZH_BREAK.search(seg, h, start) for h in hedges) or (
                was_hedged and target_alone(_clause_at(seg, start), snippet, lang)
            )
            was_hedged = hedged
            lead = len(seg[start:end]) - len(seg[start:end].lstrip())
            found.append(
                (
                    seg_start + start + lead,
                    seg_start + start + lead + len(snippet),
                    Target(text=snippet, value=value, unit=unit, year=year, hedged=hedged, low=low),
                )
            )
    found.sort(key=lambda t: (t[0], t[1]))
    return tuple(_respectively(text, found) if lang == "zh" else found)


# years listed together (2025年和2030年, 2025年、2030年和2035年) whose targets follow 分别
_LISTED_YEARS = re.compile(
    r"20\d\d\s*年(?:底|末)?(?:\s*(?:和|、|与|及)\s*(?:到\s*)?20\d\d\s*年(?:底|末)?)+"
)


def _respectively(text: str, found: list[tuple[int, int, Target]]) -> list[tuple[int, int, Target]]:
    """Targets listed after 分别 ("respectively") each take the year of its rank in the years
    listed nearest before (2025年和2030年，…占比分别提升至15%、20%以上: 15% by 2025, 20% by 2030),
    where no other year stands between the list and 分别, the list is no baseline (与2015年和
    2020年相比) and the clause after 分别 holds as many targets as years are listed."""
    out = list(found)
    lists = list(_LISTED_YEARS.finditer(text))
    for at in (m.start() for m in re.finditer("分别", text)):
        listed = next((m for m in reversed(lists) if m.end() <= at), None)
        if (
            listed is None
            or re.search(r"20\d\d", text[listed.end() : at])
            or text[max(0, listed.start() - 1) : listed.start()] in ("比", "较", "与")
            or text[listed.end() : listed.end() + 2] == "相比"
        ):
            continue
        years = [int(y) for y in re.findall(r"20\d\d", listed.group(0))]
        end = next((k for k in range(at, len(text)) if text[k] in "，,；;。"), len(text))
        ranked = [k for k, (start, _, _) in enumerate(out) if at < start < end]
        if len(ranked) != len(years):
            continue
        for k, year in zip(ranked, years, strict=True):
            start, stop, target = out[k]
            out[k] = (start, stop, replace(target, year=year))
    return out


def find_targets(text: str, lang: str) -> tuple[Target, ...]:
    """All quantified targets in ``text``; the year is the nearest one in the same sentence part."""
    return tuple(t for _, _, t in find_target_spans(text, lang))
