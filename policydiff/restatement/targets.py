"""A parent clause's quantified targets measured against the child's restatement: which
target of the child stands for each (:func:`same_indicator`, :func:`target_changes`), and
whether it is the same, stricter, laxer or dropped (docs/lineage.md, "Targets")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from policydiff.restatement.clauses import Clause
from policydiff.restatement.kinds import places, waste_sources, wastes
from policydiff.restatement.rules import Rules, load_rules
from policydiff.restatement.totals import a_share
from policydiff.strength import Target
from policydiff.strength.targets import own_clause


@dataclass(frozen=True)
class TargetChange:
    """One parent target and what the child made of it."""

    parent: Target
    child: Target | None
    change: str  # same, stricter, laxer, dropped
    how: str = ""  # what makes the change: "a lower ceiling", "a share of the parent's total" …
    # where the figures stand when outside the clauses quoted as the pair (see
    # compare.located_reasons): the parent's clause that sets its target, the child's
    # provision and clause that set its figure
    parent_clause: str = ""
    child_place: str = ""
    child_holder: Clause | None = None  # the child's clause of ``child_place``, its evidence

    @property
    def said(self) -> str:
        """The change as a verdict's reason states it."""
        target = f"target {self.parent.text}"
        if self.parent_clause:
            target += f" (of {self.parent_clause})"
        elsewhere = f", set in the child's {self.child_place}" if self.child_place else ""
        if self.child is None:
            return f"{target} dropped"
        if self.how.startswith(MILESTONE):
            # the parent's target is kept; the child's figure is another, for an earlier year
            return (
                f"{target} kept ({self.parent.year}), "
                f"with {MILESTONE}: {self.child.text} ({self.child.year}){elsewhere}"
            )
        return f"{target} → {self.child.text}: {self.how or self.change}{elsewhere}"


SHARE = "a share of the parent's total"
MILESTONE = "an earlier milestone"


# How alike (Dice of character bigrams) the clauses of two targets must be for the child's
# to be read as the same indicator: "星级绿色建筑占比达到30%" and "…绿色建筑占新建建筑的比例
# 达到100%" share a unit, not an indicator.
SAME_INDICATOR = 0.3
SAME_NAME = 0.6  # ... or the names of what two targets measure in their own clauses
# ... and of a target that stands nowhere near the child's restating clause, the two
# clauses alone (60%的城市社区先行达到创建要求 and 60%以上的城市社区参与创建行动并达到要求: 0.48)
SAME_INDICATOR_ELSEWHERE = 0.4
YEAR = re.compile(r"20\d\d年")
_DATED = re.compile(r"(?:到|至|在)?\s*(?:19|20)\d\d\s*年(?:底|前|末)?")
_DIGITS = re.compile(r"[\d.,%％]+|(?:19|20)\d\d年")
# a value with its unit and nothing else: no comparator, verb or year of its own
_BARE_VALUE = re.compile(r"[\d.]+\s*(?:%|％|[^\d\s，,；;。]{0,8})")


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> frozenset[str]:
    text = _DIGITS.sub("", text)
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _alike(a: str, b: str) -> float:
    return _dice(_bigrams(a), _bigrams(b))


@lru_cache(maxsize=1)
def _not_names() -> tuple[str, ...]:
    """Words of a target's clause that name no indicator, longest first: how it measures
    (``measures``, ``ceilings``, ``floors``, ``softeners``) and where it is set (``places``,
    ``jurisdictions``)."""
    rules = load_rules()
    found = (*rules.measures, *rules.floors, *rules.ceilings, *rules.softeners)
    return tuple(sorted({*found, *rules.places, *rules.jurisdictions}, key=len, reverse=True))


@lru_cache(maxsize=65536)
def _named(clause: str) -> frozenset[str]:
    """The bigrams of a target's own clause that name what it measures: its words but the
    numbers, years and :func:`_not_names`."""
    text = _DIGITS.sub(" ", _DATED.sub(" ", clause))
    for word in _not_names():
        text = text.replace(word, " ")
    return frozenset(text[i : i + 2] for i in range(len(text) - 1) if " " not in text[i : i + 2])


def _two_indicators(target: Target, context: str, other: Target, where: str) -> bool:
    """Whether the own clauses of two targets each name what they measure and share none of
    it: 新增大宗固废综合利用率达到60% and 农药利用率达到50%."""
    mine = _named(own_clause(target, context))
    theirs = _named(own_clause(other, where))
    return bool(mine) and bool(theirs) and not mine & theirs


def _ceiling(target: Target, context: str, rules: Rules) -> bool:
    """Whether ``target`` sets a ceiling: a word of ``ceilings`` in it or just around it, or,
    where the value stands alone, one that opens what it is compared with (原则上不应大于
    现状总建筑面积的20%: 不应大于…的)."""
    at = context.find(target.text)
    # the value with what is just around it, which holds the whole of a floor (不得低于) whose
    # target reads only its ceiling word (低于38%)
    near = context[max(0, at - 6) : at + len(target.text) + 3] if at >= 0 else context
    for floor in rules.floors:
        near = near.replace(floor, " ")
    if any(word in near for word in rules.ceilings):
        return True
    if not _BARE_VALUE.fullmatch(target.text) or at < 0:
        return False
    before = context[:at]
    for floor in rules.floors:
        before = before.replace(floor, " ")
    return _compared_below().search(before) is not None


@lru_cache(maxsize=1)
def _compared_below() -> re.Pattern[str]:
    """A ceiling opening what a value is compared with, up to the 的 before the value."""
    ceilings = "|".join(map(re.escape, load_rules().ceilings))
    return re.compile(rf"(?:{ceilings})[^，,；;。、\d]{{1,20}}的$")


def is_softened(target: Target, context: str, rules: Rules) -> bool:
    """Whether a softener (``softeners``: 左右, 一般 …) makes ``target`` rough or usual: in its
    text or just before it (一般不超过18层)."""
    at = context.find(target.text)
    near = context[max(0, at - 4) : at + len(target.text)] if at >= 0 else target.text
    return any(word in near for word in rules.softeners)


def _compare_target(parent: Target, context: str, child: Target, rules: Rules) -> tuple[str, str]:
    """``same``, ``stricter`` or ``laxer``, and what makes it so (the number decides
    where value and deadline pull apart)."""
    assert parent.value is not None and child.value is not None
    ceiling = _ceiling(parent, context, rules)
    # a range promises its start where more is better (力争再增加3~4个: three) and its
    # end under a ceiling (控制在0.6-1万人/平方公里: ten thousand)
    theirs = child.value if ceiling or child.low is None else child.low
    ours = parent.value if ceiling or parent.low is None else parent.low
    if theirs != ours:
        higher = theirs > ours
        stricter = higher != ceiling
        bound = "ceiling" if ceiling else "value"
        how = f"a {'higher' if higher else 'lower'} {bound}"
        # a laxer figure for an earlier year is a milestone on the way, and the parent's
        # year has no figure of the child's (60% by 2030 against 30% by 2025)
        if not stricter and parent.year and child.year and child.year < parent.year:
            how = f"a figure for {child.year} only, none found for {parent.year}"
        if stricter and parent.year and child.year and child.year > parent.year:
            return "laxer", f"a figure for {child.year} only, none found for {parent.year}"
        return ("stricter" if stricter else "laxer"), how
    if parent.year is None and child.year is not None:
        return "stricter", f"a deadline where the parent set none ({child.year})"
    if parent.year is not None and child.year is not None and parent.year != child.year:
        years = f"({parent.year} → {child.year})"
        if child.year < parent.year:
            return "stricter", f"an earlier deadline {years}"
        return "laxer", f"a later deadline {years}"
    return "same", ""


def _other_kind(a: str, b: str) -> bool:
    """Whether two targets' contexts name kinds of waste, sources of waste or kinds of place
    that differ, and none in common: 城市生活垃圾资源化利用率 and 建筑垃圾资源化利用率 are
    two indicators, however alike their words."""
    return any(
        (x := read(a)) and (y := read(b)) and not x & y for read in (wastes, waste_sources, places)
    )


def same_indicator(
    parent: Target, context: str, offered: Sequence[tuple[Target, str]]
) -> list[tuple[Target, str]]:
    """The child's targets of the parent target's indicator: same unit, alike clauses (or
    alike names of what the two measure in their own clauses, :data:`SAME_NAME`, where the
    clauses before them differ: 到2030年LED等高效节能灯具使用占比超过80% and …，LED等高效灯具
    普及率达到80%以上), and not naming two things (:func:`_two_indicators`)."""
    return [
        (t, c)
        for t, c in offered
        if t.value is not None
        and _same_unit(t.unit, parent.unit)
        and (_alike(context, c) >= SAME_INDICATOR or _named_alike(parent, context, t, c))
        and not _two_indicators(parent, context, t, c)
    ]


def _same_unit(a: str, b: str) -> bool:
    """Whether two units measure alike: the same, or two classifiers of a count of things
    (``totals.counts``: 培育1-3家…基地 counts what 培育100个…基地 does)."""
    counts = load_rules().count_units
    return a == b or (a in counts and b in counts)


def _named_alike(target: Target, context: str, other: Target, where: str) -> bool:
    return _dice(_named(own_clause(target, context)), _named(own_clause(other, where))) >= SAME_NAME


def full_in_words(target: Target) -> bool:
    """A target of full coverage stated in words (全面执行, 全部达到), not a number."""
    return not any(ch.isdigit() for ch in target.text)


def _same_indicator_elsewhere(
    target: Target, context: str, elsewhere: Sequence[tuple[Target, str]]
) -> list[tuple[Target, str]]:
    """The targets of ``target``'s indicator among ``elsewhere``, read more strictly than
    :func:`same_indicator`: the clauses the two targets stand in alone must reach
    :data:`SAME_INDICATOR_ELSEWHERE` (the child's anywhere in the child for a parent's
    target, a goals section or a later chapter; the parent's for a child's target that
    may restate another commitment, :func:`restates_another`)."""
    return [
        (t, c)
        for t, c in elsewhere
        if t.value is not None
        and _same_unit(t.unit, target.unit)
        and _alike(own_clause(target, context), own_clause(t, c)) >= SAME_INDICATOR_ELSEWHERE
        and not _other_kind(context, c)
        and not _two_indicators(target, context, t, c)
    ]


def _counterpart(
    parent: Target, context: str, same: Sequence[tuple[Target, str]], own: Sequence[Target] = ()
) -> Target | None:
    """The child's target that restates ``parent`` among those of its indicator: where
    one names what it measures as the parent's does (:data:`SAME_NAME`), not one whose own
    clause names another thing; then one of the same kind (full coverage in words, 全面执行
    → 全部执行, or a number), of the same year, standing in the matched clause (``own``),
    nearest in value or year. A target alike only by the sentence it stands in yields to
    one so named: 星级绿色建筑占比达到30%以上 set for 2030 in the matched clause restates the
    parent's 2025 share, not 装配式建筑占比力争达到40% set for 2025 in the goals; a clause
    that names nothing (…9%以内，2030年控制在8%以内) borrows the name before it."""
    if any(_named_alike(parent, context, t, c) for t, c in same):
        mine = _named(own_clause(parent, context))

        def names_another(target: Target, where: str) -> bool:
            theirs = _named(own_clause(target, where))
            return bool(theirs) and _dice(mine, theirs) < SAME_NAME

        same = [(t, c) for t, c in same if not names_another(t, c)]
    kind = [t for t, _ in same if full_in_words(t) == full_in_words(parent)] or [t for t, _ in same]
    if not kind:
        return None
    same_year = [t for t in kind if t.year == parent.year]
    pool = same_year or kind
    pool = [t for t in pool if t in own] or pool
    if same_year:
        return min(pool, key=lambda t: abs((t.value or 0) - (parent.value or 0)))
    return min(pool, key=lambda t: abs((t.year or 0) - (parent.year or 0)))


def _grade(text: str, rules: Rules) -> tuple[int, int, str] | None:
    """The first grade of a scale (``grades`` in ``data/restatement.yaml``) ``text`` names."""
    found = [(text.find(g), g) for g in rules.grades if g in text]
    if not found:
        return None
    _, grade = min(found)
    return (*rules.grades[grade], grade)


def _graded(target: Target, context: str, child: Clause, rules: Rules) -> TargetChange | None:
    """Where the parent requires every one of a class to reach a grade (全部达到一星级以上),
    the highest grade of that scale the child sets for the class: in its restating clause
    (新建大型公共建筑按照绿色建筑三星级标准建设) or in a clause of its sentence alike the
    parent's (:data:`SAME_INDICATOR`: 主城都市区…大型公共建筑应达到二星级及以上绿色建筑标准, not
    新建超高层建筑…应达到三星级标准)."""
    if not full_in_words(target):
        return None
    own = own_clause(target, context)
    mine = _grade(own, rules)
    if mine is None:
        return None
    clauses = [child.text, *re.split(r"[，,；;]", child.sentence)]
    grades = [
        g
        for k, clause in enumerate(clauses)
        if (g := _grade(clause, rules)) is not None
        and g[0] == mine[0]
        and (k == 0 or _alike(own, clause) >= SAME_INDICATOR)
    ]
    if not grades:
        return None
    theirs = max(grades, key=lambda g: g[1])
    grade = Target(theirs[2], target.value, target.unit, None)
    if theirs[1] == mine[1]:
        return TargetChange(target, grade, "same")
    higher = theirs[1] > mine[1]
    how = f"a {'higher' if higher else 'lower'} grade ({mine[2]} → {theirs[2]})"
    return TargetChange(target, grade, "stricter" if higher else "laxer", how)


def offered_targets(child: Clause, support: Sequence[Clause]) -> tuple[tuple[Target, str], ...]:
    """The child's targets that may restate the parent's: those of the matched clause's
    sentence, then those of its support."""
    seen: dict[tuple[Target, str], None] = {}
    for clause in (child, *support):
        for pair in clause.offered:
            seen.setdefault(pair, None)
    return tuple(seen)


def target_changes(
    parent: Clause,
    child: Clause,
    support: Sequence[Clause],
    rules: Rules | None = None,
    elsewhere: Sequence[tuple[Target, str]] = (),
    shared: bool = False,
) -> tuple[TargetChange, ...]:
    """Each quantified target measuring the parent clause against the child's; a dated
    milestone the child adds before the parent's year is a change of its own. A target
    that the matched clause's sentence and support lack is looked for ``elsewhere``
    (every target of the child) before it counts as dropped. Where the parent's totals are
    ``shared`` (:mod:`~policydiff.restatement.totals`), a smaller total is measured by its
    deadline alone."""
    rules = rules or load_rules()
    offered = offered_targets(child, support)
    out = []
    for target, context in parent.measured:
        if target.value is None:
            continue
        same = [
            (t, c)
            for t, c in same_indicator(target, context, offered)
            if not _other_kind(context, c)
        ]
        if not same:
            same = _same_indicator_elsewhere(target, context, elsewhere)
        found = _counterpart(target, context, same, child.targets)
        if found is None:
            # a grade of a scale where the child has no target of the kind
            out.append(
                _graded(target, context, child, rules) or TargetChange(target, None, "dropped")
            )
            continue
        where = next(c for t, c in same if t is found)
        # every one of a class reaching a grade (全部达到一星级以上) is restated by the child's
        # clause setting that grade for the class, not by a share of a whole below it (星级
        # 绿色建筑占比达到30%以上), which measures another thing; a share of the graded ones
        # themselves (一星级以上比例达到80%) is the coverage lowered
        if (
            full_in_words(target)
            and not full_in_words(found)
            and (found.value or 0) < (target.value or 0)
            and _grade(where, rules) is None
        ):
            graded = _graded(target, context, child, rules)
            if graded is not None and graded.change == "same":
                out.append(graded)
                continue
        share = shared and a_share(target, context, found, where, rules)
        measured = replace(found, value=target.value, low=target.low) if share else found
        change, how = _compare_target(target, context, measured, rules)
        if share:
            how = f"{SHARE}, {how}" if how else SHARE
        out.append(TargetChange(target, found, change, how))
        # a grade raised for the class the parent clause itself sets it for (not for the
        # lead of its sentence, which the sentence's targets measure as a whole)
        graded = _graded(target, context, child, rules) if target in parent.targets else None
        if change == "same" and graded is not None and graded.change == "stricter":
            out.append(graded)
        # a milestone the parent sets too (2025年和2030年…分别提升至15%、20%) is no earlier one
        milestones = [
            t
            for t, c in same
            if t is not found
            and t.year is not None
            and target.year is not None
            and t.year < target.year
            and not any(p.year == t.year for p, _ in same_indicator(t, c, parent.measured))
        ]
        if change == "same" and milestones:
            earlier = milestones[0]
            out.append(TargetChange(target, earlier, "stricter", f"{MILESTONE} ({earlier.year})"))
    return tuple(out)


def restates_another(
    target: Target, context: str, parent_targets: Sequence[tuple[Target, str]]
) -> bool:
    """Whether a child's target is of the indicator of one of the parent's targets: it
    restates that commitment of the parent, whichever clause of the child it stands by.
    Read as a target found far from its restatement is (the two clauses alone alike), since
    the clause before a target is the child's lead, not the indicator: 推动新建住宅全装修交付
    使用，到2025年城镇新建住宅全装修率达到30%以上 shares 城镇新建 with the prefabrication
    share, not its indicator."""
    return bool(_same_indicator_elsewhere(target, context, parent_targets))


def own_values(clause: Clause) -> list[tuple[Target, str]]:
    return [(t, c) for t, c in clause.measured if t in clause.targets and t.value is not None]


def anothers_value(parent: Clause, child: Clause, parents: Sequence[Clause]) -> bool:
    """Whether ``child``'s own numbers are, for the indicator of ``parent``'s own target,
    the value a sibling clause of ``parent``'s sentence sets and not ``parent``'s."""
    own = own_values(parent)
    values = {(t.unit, t.value) for t in child.targets if t.value is not None}
    if not own or not values:
        return False
    for target, context in own:
        if (target.unit, target.value) in values:
            return False
        for sibling in parents:
            if sibling is parent or sibling.sentence_id != parent.sentence_id:
                continue
            for other, where in own_values(sibling):
                if (
                    (other.unit, other.value) in values
                    and other.value != target.value
                    and same_indicator(target, context, [(other, where)])
                ):
                    return True
    return False
