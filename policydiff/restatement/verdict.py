"""The verdict on one parent commitment in one child: the rules of docs/lineage.md.

==============  ==============================================================
omitted         no child clause restates it (similarity below ``align.MATCH``)
weakened        a target of the parent dropped, laxer (lower share, higher ceiling)
                or later; else a narrower scope (全面 -> 试点); else a cue at least
                half a level weaker, or no directive at all (mentioned in passing)
strengthened    a target stricter or earlier, or a dated target where the parent's
                sentence has none; else a wider scope (试点 -> 全面); else a cue at
                least half a level stronger
restated        the same action on the same object at about the same strength
==============  ==============================================================

Targets are read first: where cue and target point different ways, the numbers decide,
since they are what a reader checks. Strength is compared without the target bonus
(targets are compared as numbers instead), on the scale of docs/strength.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from policydiff.analysis.verdicts import STEP
from policydiff.restatement.clauses import Clause, Rules, load_rules
from policydiff.restatement.kinds import places, waste_sources, wastes
from policydiff.restatement.totals import a_share
from policydiff.strength import Target
from policydiff.strength.cues import find_cues
from policydiff.strength.lexicon import load_lexicon
from policydiff.strength.targets import sets_a_limit

# The openings of the reasons of a verdict the cues alone decide (no target, scope or
# wording rule did): :func:`decided_by_cues` reads them.
STRONGER_CUE = "stronger cue"
WEAKER_CUE = "weaker cue"


def decided_by_cues(reasons: Sequence[str]) -> bool:
    """Whether :func:`judge` gave its verdict on the cues alone: one a level or more above
    or below the other, no target, scope or wording rule deciding."""
    return bool(reasons) and reasons[0].startswith((STRONGER_CUE, WEAKER_CUE))


class Restatement(StrEnum):
    RESTATED = "restated"
    STRENGTHENED = "strengthened"
    WEAKENED = "weakened"
    OMITTED = "omitted"

    @property
    def arrow(self) -> str:
        return _ARROWS[self]


_ARROWS = {
    Restatement.RESTATED: "=",
    Restatement.STRENGTHENED: "▲",
    Restatement.WEAKENED: "▼",
    Restatement.OMITTED: "−",
}
RESTATEMENTS = tuple(Restatement)


@dataclass(frozen=True)
class TargetChange:
    """One parent target and what the child made of it."""

    parent: Target
    child: Target | None
    change: str  # same, stricter, laxer, dropped
    how: str = ""  # what makes it stricter or laxer: "a lower ceiling", "an earlier deadline" …


# How alike (Dice of character bigrams) the clauses of two targets must be for the child's
# to be read as the same indicator: "星级绿色建筑占比达到30%" and "…绿色建筑占新建建筑的比例
# 达到100%" share a unit, not an indicator.
SAME_INDICATOR = 0.3
# ... and of a target that stands nowhere near the child's restating clause, the two
# clauses alone (60%的城市社区先行达到创建要求 and 60%以上的城市社区参与创建行动并达到要求: 0.48)
SAME_INDICATOR_ELSEWHERE = 0.4
_YEAR = re.compile(r"20\d\d年")
_DIGITS = re.compile(r"[\d.,%％]+|(?:19|20)\d\d年")


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> frozenset[str]:
    text = _DIGITS.sub("", text)
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _alike(a: str, b: str) -> float:
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _own(context: str) -> str:
    """The clause a target stands in, without the clause before it."""
    return re.split(r"[，,；;]", context)[-1]


def _ceiling(target: Target, context: str, rules: Rules) -> bool:
    at = context.find(target.text)
    near = context[max(0, at - 6) : at + len(target.text) + 3] if at >= 0 else context
    text = target.text
    for floor in rules.floors:
        near, text = near.replace(floor, " "), text.replace(floor, " ")
    return any(word in text or word in near for word in rules.ceilings)


def _softened(target: Target, context: str, rules: Rules) -> bool:
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
    if child.value != parent.value:
        higher = child.value > parent.value
        stricter = higher != ceiling
        bound = "ceiling" if ceiling else "value"
        how = f"a {'higher' if higher else 'lower'} {bound}"
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
    """The child's targets of the parent target's indicator: same unit, alike clauses."""
    return [
        (t, c)
        for t, c in offered
        if t.value is not None and t.unit == parent.unit and _alike(context, c) >= SAME_INDICATOR
    ]


def _full(target: Target) -> bool:
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
        and t.unit == target.unit
        and _alike(_own(context), _own(c)) >= SAME_INDICATOR_ELSEWHERE
        and not _other_kind(context, c)
    ]


def _counterpart(
    parent: Target, same: Sequence[tuple[Target, str]], own: Sequence[Target] = ()
) -> Target | None:
    """The child's target that restates ``parent`` among those of its indicator: one
    of the same kind (full coverage in words, 全面执行 → 全部执行, or a number), of the
    same year, standing in the matched clause (``own``), nearest in value or year."""
    kind = [t for t, _ in same if _full(t) == _full(parent)] or [t for t, _ in same]
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
    if not _full(target):
        return None
    mine = _grade(_own(context), rules)
    if mine is None:
        return None
    clauses = [child.text, *re.split(r"[，,；;]", child.sentence)]
    grades = [
        g
        for k, clause in enumerate(clauses)
        if (g := _grade(clause, rules)) is not None
        and g[0] == mine[0]
        and (k == 0 or _alike(_own(context), clause) >= SAME_INDICATOR)
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
        found = _counterpart(target, same, child.targets)
        if found is None:
            # a grade of a scale where the child has no target of the kind
            out.append(
                _graded(target, context, child, rules) or TargetChange(target, None, "dropped")
            )
            continue
        where = next(c for t, c in same if t is found)
        share = shared and a_share(target, context, found, where, rules)
        measured = replace(found, value=target.value) if share else found
        change, how = _compare_target(target, context, measured, rules)
        how = how or ("a share of the parent's total" if share else "")
        out.append(TargetChange(target, found, change, how))
        # a grade raised for the class the parent clause itself sets it for (not for the
        # lead of its sentence, which the sentence's targets measure as a whole)
        graded = _graded(target, context, child, rules) if target in parent.targets else None
        if change == "same" and graded is not None and graded.change == "stricter":
            out.append(graded)
        milestones = [
            t
            for t, _ in same
            if t is not found
            and t.year is not None
            and target.year is not None
            and t.year < target.year
        ]
        if change == "same" and milestones:
            earlier = milestones[0]
            out.append(
                TargetChange(target, earlier, "stricter", f"an earlier milestone ({earlier.year})")
            )
    return tuple(out)


def _scope(clause: Clause, rules: Rules) -> str:
    text = rules.experience.sub("", clause.text)
    if _limited(text, rules):
        return "limited"
    if any(word in text for word in rules.general):
        return "general"
    return ""


def _replaced_kept(parent: Clause, child: Clause, rules: Rules) -> str:
    """What the parent's clause replaces (替代燃气产品: 燃气) when the child's clause names it
    without replacing it (推广热泵热水器、高效电炉灶、燃气热水器等清洁能源产品): the substitution
    the parent commits to is diluted; else "". A directive after the word is no thing
    replaced (电能替代推广机制: 替代 names the substitution, 推广 is what is done with it)."""
    for word in rules.replacing:
        for found in re.finditer(re.escape(word) + r"([\u4e00-\u9fff]{2})", parent.text):
            thing = found.group(1)
            if any(cue.start == 0 for cue in find_cues(thing, "zh")):
                continue
            if thing in child.text and not any(
                w + thing in child.text or thing + w in child.text for w in rules.replacing
            ):
                return thing
    return ""


def _kept_for_limited_scope(
    parent: Clause,
    child: Clause,
    support: Sequence[Clause],
    changes: Sequence[TargetChange],
    rules: Rules,
) -> bool:
    """Whether every target the child keeps unchanged stands in a clause of limited scope
    where the parent's did not (列入整县…屋顶分布式光伏开发试点的县…新建厂房屋顶光伏覆盖率力争
    达到50%): the commitment is kept for some places only."""
    kept = [c.child for c in changes if c.change == "same" and c.child is not None]
    where = [ctx for t, ctx in offered_targets(child, support) if any(t is k for k in kept)]
    limited = [_limited(ctx, rules) for ctx in where]
    mine = " ".join(ctx for _, ctx in parent.measured)
    return bool(limited) and all(limited) and not _limited(mine, rules)


def _relied_on(clause: Clause, rules: Rules) -> str:
    """The word (``relied_on``: 依托, 对照 …) a clause opens on when it only relies on or refers
    to its object, with no directive of its own after the word (no cue, no modal verb:
    依托…平台应整合… acts); else ""."""
    word = next((w for w in rules.relied_on if clause.text.startswith(w)), "")
    rest = clause.text[len(word) :]
    if word and not find_cues(rest, "zh") and not rules.modal.search(rest):
        return word
    return ""


def _place_limit(clause: Clause, rules: Rules) -> str:
    """The word by which the clause limits its commitment to a class of places or of those
    that meet a condition (``scope.places`` in data/restatement.yaml: 重点区域, 有条件 …);
    "" where it sets no such limit."""
    text = rules.experience.sub("", clause.text)
    return next((word for word in rules.place_limits if word in text), "")


def _limited(text: str, rules: Rules) -> bool:
    """Whether ``text`` limits a commitment to some places: a word of limited scope, or a
    class picked by a threshold (规划人口规模20万以下的县城)."""
    if any(word in text for word in rules.limited):
        return True
    return rules.threshold is not None and rules.threshold.search(text) is not None


def _encouraged_alike(parent: Clause, child: Clause, rules: Rules) -> bool:
    """Whether the parent's cue opens on an ``encouraging`` word and goes on with the child's
    cue, the clause just before the child's in its sentence opening on such a word
    (倡导合理控制室内温度… for 倡导绿色低碳家居生活方式，合理控制室内温度…): what the child's
    clause directs is what is encouraged, as in the parent's."""
    opening = _encouraging_opening(parent.cue, rules)
    if not opening or not child.cue or child.cue not in parent.cue[len(opening) :]:
        return False
    # a ； opens a task of its own, which the clause before does not encourage
    before = child.sentence[: child.start].rstrip("， ,")
    if not before or before.endswith(("；", ";")):
        return False
    return bool(_encouraging_opening(re.split(r"[，；,;]", before)[-1], rules))


@lru_cache(maxsize=1)
def _adverbs() -> tuple[str, ...]:
    """The lexicon's Chinese adverbs of intensity and reach that are plain words (大力,
    积极), not its modal or obligation words (必须, 确保)."""
    return tuple(
        word
        for entry in load_lexicon().entries
        if entry.kind == "modifier" and entry.category in ("intensification", "scale")
        for word in entry.zh
        if word.isalpha()
    )


def _encouraging_opening(text: str, rules: Rules) -> str:
    """The opening of ``text`` up to and with its ``encouraging`` word, adverbs before it
    included (大力倡导, 积极引导), or "" when it opens on no such word."""
    rest = text
    while adverb := next((a for a in _adverbs() if rest.startswith(a)), ""):
        rest = rest[len(adverb) :]
    word = next((w for w in rules.encouraging if rest.startswith(w)), "")
    return text[: len(text) - len(rest) + len(word)] if word else ""


def _cue_strength(clause: Clause) -> float:
    dated = any(t.value is not None and t.year is not None for t, _ in clause.measured)
    return clause.strength - (0.5 if dated else 0.0)


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


def judge(
    parent: Clause,
    child: Clause | None,
    support: Sequence[Clause] = (),
    parent_targets: Sequence[tuple[Target, str]] = (),
    child_targets: Sequence[tuple[Target, str]] = (),
    restating: Sequence[Clause] = (),
    shared: bool = False,
) -> tuple[Restatement, tuple[str, ...]]:
    """The verdict on ``parent`` restated as ``child`` (None: not restated), and why.
    ``parent_targets``, ``child_targets``: every target of either document, with its
    context; ``restating``: the child clauses that restate other parent clauses;
    ``shared``: whether the parent's totals are shared out (:func:`target_changes`)."""
    if child is None:
        return Restatement.OMITTED, ("no clause of the child restates it",)
    rules = load_rules()
    changes = target_changes(parent, child, support, rules, child_targets, shared)
    laxer = [c for c in changes if c.change in ("laxer", "dropped")]
    stricter = [c for c in changes if c.change == "stricter"]
    # a lead clause the child copies word for word, measured by a target its sentence sets
    # in a clause of its own, which the child sets lower or higher only far from the copy
    # (in another sentence): that target is judged with its own commitment, where it
    # stands (Liaoning's 持续开展绿色建筑创建行动 copied, its one-star rule brought forward
    # to 2023 in a sentence of its own); a target dropped still weakens the copy
    if parent.text in child.text:
        near = {id(t) for t, _ in child.offered}

        def here(c: TargetChange) -> bool:
            return c.parent in parent.targets or (c.child is not None and id(c.child) in near)

        laxer = [
            c for c in laxer if (c.change == "dropped" and not sets_a_limit(c.parent)) or here(c)
        ]
        stricter = [c for c in stricter if here(c)]
    if laxer:
        first = laxer[0]
        said = (
            f"target {first.parent.text} dropped"
            if first.child is None
            else f"target {first.parent.text} → {first.child.text}: {first.how}"
        )
        return Restatement.WEAKENED, (said,)
    if stricter:
        first = stricter[0]
        assert first.child is not None
        return Restatement.STRENGTHENED, (
            f"target {first.parent.text} → {first.child.text}: {first.how}",
        )
    # a target that stands in another clause of the child's sentence and restates a
    # target the parent sets for another commitment is no target "where the parent has
    # none" (滚动实施老旧供水管网更新改造，…，漏损率控制在7.8%以内: the leak-rate commitment)
    added = [
        t
        for t, c in child.measured
        if t.value is not None
        and t.year
        and (
            t in child.targets
            or not (
                restates_another(t, c, parent_targets)
                or any(
                    any(t is theirs for theirs in other.targets)
                    for other in restating
                    if other is not child
                )
            )
        )
    ]
    # nor is one where the parent's sentence sets targets: they measure its lead clause,
    # and the child's beside a restated clause after the lead measure that lead's
    # restatement (推进城市绿色照明，加强城市照明…全过程管理，…，到2030年LED…占比超过80%: Henan's
    # 2025 milestone beside 加强城市照明…全过程管理 is the lighting commitment's)
    if not any(t.value is not None for t, _ in parent.offered) and added:
        return Restatement.STRENGTHENED, (
            f"a dated target where the parent has none: {added[0].text}",
        )
    diluted = _replaced_kept(parent, child, rules)
    if diluted:
        return Restatement.WEAKENED, (f"lists {diluted}, which the parent's object replaces",)
    relied = _relied_on(child, rules)
    scope_p, scope_c = _scope(parent, rules), _scope(child, rules)
    if scope_c != "limited" and _kept_for_limited_scope(parent, child, support, changes, rules):
        scope_c = "limited"
    if scope_p == "limited" and scope_c == "general":
        return Restatement.STRENGTHENED, ("wider scope",)
    # a limit to some places dropped widens too, though the child keeps a programme word
    # (鼓励具备条件的重点地区…先行先试 → 鼓励重点地区…先行先试), but not in a clause that
    # only relies on the thing, which acts nowhere
    limit = _place_limit(parent, rules)
    if scope_p == "limited" and limit and not _place_limit(child, rules) and not relied:
        return Restatement.STRENGTHENED, (f"wider scope: the parent's limit ({limit}) dropped",)
    # pilots or demonstrations of an undated parent commitment, in a sentence that sets a
    # dated number where the parent's sets none (支持省辖市开展近零能耗建筑、零碳建筑试点示范，…，
    # 2030年前…实施面积超过200万平方米): a step of a programme with a target, which the
    # parent does not set, not a narrower commitment
    programme = (
        not _YEAR.search(parent.text)
        and not any(t.value is not None for t, _ in parent.offered)
        and any(t.value is not None and t.year for t, _ in child.offered)
    )
    if scope_p != "limited" and scope_c == "limited" and programme:
        return Restatement.STRENGTHENED, ("pilots of a programme with a dated target",)
    if scope_p != "limited" and scope_c == "limited":
        return Restatement.WEAKENED, ("narrower scope",)
    # a bare target of the parent (the number is the commitment) kept value for value but
    # softened where the parent's was not (到2030年…达到65%左右, 一般不超过18层): weakened
    if parent.level == 0 and changes and all(c.change == "same" for c in changes):
        offered = dict(offered_targets(child, support))
        softened = [
            rough
            for c in changes
            if (rough := c.child) is not None
            and _softened(rough, offered.get(rough, rough.text), rules)
            and not any(
                _softened(c.parent, ctx, rules) for t, ctx in parent.measured if t is c.parent
            )
        ]
        if softened:
            return Restatement.WEAKENED, (f"target kept but softened: {softened[0].text}",)
    # a clause without a directive of its own (按照《…标准》, its sentence going on to
    # 建设…; or a target stated bare, 6层及以下住宅建筑面积占比不低于70% for the parent's
    # 应不低于70%) whose restatement keeps the parent's target unchanged, wherever the
    # target comparison found it: the target is the commitment, and it is kept
    if child.level == 0 and any(c.change == "same" for c in changes):
        return Restatement.RESTATED, ("target kept, no directive of the clause's own",)
    # a bare target of the parent (到2025年城镇建筑可再生能源替代率达到8%) kept value for
    # value under a hedge only (力争到2025年…达到8%): 力争 qualifies the pace of the same
    # target and commits to nothing more
    if (
        parent.level == 0
        and child.cue
        and changes
        and all(c.change == "same" for c in changes)
        and all(c.category == "hedge" for c in find_cues(child.cue, "zh"))
    ):
        return Restatement.RESTATED, ("target kept under a hedge only",)
    if child.level == 0 and not child.targets and parent.level > 0:
        return Restatement.WEAKENED, ("mentioned without a directive",)
    if relied and not _relied_on(parent, rules) and parent.level > 0:
        return Restatement.WEAKENED, (f"relied on ({relied}), not acted on",)
    cues = f"{parent.cue or 'no cue'} → {child.cue or 'no cue'}"
    if _encouraged_alike(parent, child, rules):
        return Restatement.RESTATED, (f"encouraged as the parent's ({cues})",)
    delta = round(_cue_strength(child) - _cue_strength(parent), 2)
    if delta >= STEP:
        return Restatement.STRENGTHENED, (f"{STRONGER_CUE} ({cues}, {delta:+})",)
    # a parent whose cue is the wording of its own full coverage (全面执行, 全部达到), which
    # the child keeps in its words (全面建成 …): the cue was the target, and it is kept
    worded = [
        c
        for c in changes
        if c.change == "same" and _full(c.parent) and parent.cue and c.parent.text in parent.cue
    ]
    if delta <= -STEP and worded:
        kept = worded[0]
        assert kept.child is not None
        return Restatement.RESTATED, (
            f"full coverage kept in other words ({kept.parent.text} → {kept.child.text})",
        )
    if delta <= -STEP:
        return Restatement.WEAKENED, (f"{WEAKER_CUE} ({cues}, {delta:+})",)
    return Restatement.RESTATED, (f"same strength ({cues})",)
