"""The verdict on one parent commitment in one child: the rules of docs/lineage.md.

==============  ==============================================================
omitted         no child clause restates it (similarity below ``thresholds.MATCH``)
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
from enum import StrEnum
from functools import lru_cache

from policydiff.analysis.verdicts import STEP
from policydiff.restatement.clauses import Clause, committing_words
from policydiff.restatement.objects import solid
from policydiff.restatement.rules import Grade, Rules, load_rules
from policydiff.restatement.targets import (
    SHARE,
    YEAR,
    TargetChange,
    full_in_words,
    is_softened,
    offered_targets,
    restates_another,
    target_changes,
)
from policydiff.restatement.words import tagged
from policydiff.strength import Target
from policydiff.strength.cues import find_cues
from policydiff.strength.lexicon import load_lexicon
from policydiff.strength.targets import sets_a_limit

# The openings of the reasons of a verdict the cues alone decide (no target, scope or
# wording rule did): :func:`decided_by_cues` reads them.
STRONGER_CUE = "stronger cue"
WEAKER_CUE = "weaker cue"
NO_DIRECTIVE = "mentioned without a directive"


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


# a city's name (two to four Chinese characters ending on 市, not a class: 城市, 县级市, 设区市,
# 地市, 设区的市) joined to another by 、, 和 or 及, no 等 right after the list
_CITY = r"[\u4e00-\u9fff]{1,3}(?![城级区县省地的])[\u4e00-\u9fff]市"
NAMED_CITIES = re.compile(rf"{_CITY}(?:、|和|及){_CITY}(?![\u4e00-\u9fff]{{0,2}}等)")


def _scope_limit(clause: Clause, rules: Rules) -> str:
    """The words by which a clause limits its commitment (:func:`_limit`), or the cities it
    names one by one, no 等 after them (到2030年西宁市和海东市生活垃圾资源化利用率达到65%: for
    those cities only); "" where it sets no limit. A target so limited elsewhere in the
    sentence leaves a clause of its own as wide as it was."""
    text = rules.experience.sub("", clause.text)
    cities = NAMED_CITIES.search(text)
    return _limit(text, rules) or (cities.group(0) if cities else "")


def _scope(clause: Clause, rules: Rules) -> str:
    if _scope_limit(clause, rules):
        return "limited"
    if any(word in rules.experience.sub("", clause.text) for word in rules.general):
        return "general"
    return ""


QUOTE_AROUND = 6  # characters of the child's object quoted before a word that limits it


def _limit_quoted(clause: Clause, limit: str, rules: Rules) -> str:
    """The words that limit a clause (:func:`_scope_limit`) as a reason quotes them: the
    cities it names (支持西宁市和海东市: 西宁市和海东市), or a word with the stretch of the
    object around it, which says whether the clause keeps or excludes what it names
    (敏感区: 非生态环境敏感区农村生⋯)."""
    if not _limit(limit, rules):
        # the cities from the first place name jieba reads (支持西宁市…: 西宁市…)
        named = tagged(limit)
        first = next((start for start, _, _, tag in named if tag == "ns"), 0)
        return limit[first:]
    text = solid(clause)
    at = text.find(limit)
    if at < 0:
        return limit
    start, end = max(0, at - QUOTE_AROUND), min(len(text), at + len(limit) + QUOTE_AROUND // 2)
    return f"{limit} ({'⋯' if start else ''}{text[start:end]}{'⋯' if end < len(text) else ''})"


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
            # named, not negated (非化石能源 names no fossil fuel)
            named = re.search("(?<!非)" + re.escape(thing), child.text)
            if named and not any(
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
) -> str:
    """The words that limit it where every target the child keeps unchanged stands in a
    clause of limited scope and the parent's did not (列入整县…屋顶分布式光伏开发试点的县…
    新建厂房屋顶光伏覆盖率力争达到50%: 试点): the commitment is kept for some places only;
    else ""."""
    kept = [c.child for c in changes if c.change == "same" and c.child is not None]
    where = [ctx for t, ctx in offered_targets(child, support) if any(t is k for k in kept)]
    limits = [_limit(ctx, rules) for ctx in where]
    mine = " ".join(ctx for _, ctx in parent.measured)
    return limits[0] if limits and all(limits) and not _limit(mine, rules) else ""


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


def _limit(text: str, rules: Rules) -> str:
    """The words by which ``text`` limits a commitment to some places: a word of limited
    scope, or a class picked by a threshold (规划人口规模20万以下的县城: 20万以下的); ""
    where it sets no limit."""
    word = next((word for word in rules.limited if word in text), "")
    if word or rules.threshold is None:
        return word
    picked = rules.threshold.search(text)
    return picked.group(0) if picked else ""


def _encouraged_alike(parent: Clause, child: Clause, rules: Rules) -> bool:
    """Whether the parent's cue opens on an ``encouraging`` word and goes on with the child's
    cue, the clause just before the child's in its sentence opening on such a word
    (倡导合理控制室内温度… for 倡导绿色低碳家居生活方式，合理控制室内温度…): what the child's
    clause directs is what is encouraged, as in the parent's."""
    opening = _encouraging_opening(parent.cue, rules)
    # the child's cue anywhere after the parent's encouraging word: the cue of a clause that
    # encourages an outcome is that word alone (引导…不再采用市政集中供暖: 引导, then 采用)
    at = parent.text.find(opening) if opening else -1
    if at < 0 or not child.cue or child.cue not in parent.text[at + len(opening) :]:
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


def _cue_named(clause: Clause) -> str:
    """How a reason names a clause's cue: a clause that commits by a verb the lexicon lacks
    (拓宽…渠道, 充分发挥…作用) or a modal verb is named by it, one that commits by an
    outcome to reach (…成为公众自觉选择) says so; a clause that commits by none has no cue."""
    if clause.cue or not clause.level:
        return clause.cue or "no cue"
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", clause.text) else "en"
    return committing_words(clause.text, lang, load_rules()) or "its outcome"


def _cue_strength(clause: Clause) -> float:
    dated = any(t.value is not None and t.year is not None for t, _ in clause.measured)
    return clause.strength - (0.5 if dated else 0.0)


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
    context; ``restating``: the child clauses that restate parent clauses (``child`` itself
    among them or not: it is never taken for another's);
    ``shared``: whether the parent's totals are shared out (:func:`target_changes`)."""
    if child is None:
        return Restatement.OMITTED, ("no clause of the child restates it",)
    if child.statement and parent.level > 0:
        # stated, not directed: whatever its scope or numbers, no stronger than a directive
        return Restatement.WEAKENED, (NO_DIRECTIVE,)
    rules = load_rules()
    changes = target_changes(parent, child, support, rules, child_targets, shared)
    verdict, reasons = _weigh(parent, child, support, changes, parent_targets, restating, rules)
    # a total the child takes its share of is named, whatever decided: 100 bases against
    # 5 would otherwise read as a figure the verdict overlooked
    shares = [c.said for c in changes if c.how.startswith(SHARE) and c.said not in reasons]
    return verdict, (*reasons, *shares)


def _supporting_targets(child: Clause, support: Sequence[Clause]) -> list[tuple[Target, str, str]]:
    """The targets the child's supporting clauses of other sentences set of their own, each
    with its context and the clause it stands in: a target set in another sentence (a split)
    dates the commitment as much as one in its own, and the reason names where it stands.
    Those of the child's own sentence are its ``measured`` targets already, or measure
    another commitment."""
    return [
        (t, c, clause.text)
        for clause in support
        if clause.sentence_id != child.sentence_id
        for t, c in clause.measured
        if t in clause.targets
    ]


def _weigh(
    parent: Clause,
    child: Clause,
    support: Sequence[Clause],
    changes: Sequence[TargetChange],
    parent_targets: Sequence[tuple[Target, str]],
    restating: Sequence[Clause],
    rules: Rules,
) -> tuple[Restatement, tuple[str, ...]]:
    """The verdict on a matched pair, its targets already measured (``changes``): targets,
    then substitution, scope and wording, then the cues, in the order of docs/lineage.md."""
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
        return Restatement.WEAKENED, (laxer[0].said,)
    if stricter:
        return Restatement.STRENGTHENED, (stricter[0].said,)
    # a target that stands in another clause of the child's sentence and restates a
    # target the parent sets for another commitment is no target "where the parent has
    # none" (滚动实施老旧供水管网更新改造，…，漏损率控制在7.8%以内: the leak-rate commitment)
    candidates = [(t, c, "") for t, c in child.measured] + _supporting_targets(child, support)
    added = [
        (t, where)
        for t, c, where in candidates
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
        target, where = added[0]
        found = f" (in {where})" if where else ""
        return Restatement.STRENGTHENED, (
            f"a dated target where the parent has none: {target.text}{found}",
        )
    diluted = _replaced_kept(parent, child, rules)
    if diluted:
        return Restatement.WEAKENED, (f"lists {diluted}, which the parent's object replaces",)
    relied = _relied_on(child, rules)
    scope_p, scope_c = _scope(parent, rules), _scope(child, rules)
    # what limits the child's scope where only its kept targets' clauses do (else quoted
    # from the child's clause when the verdict needs it)
    kept_for = ""
    if scope_c != "limited" and (
        kept_for := _kept_for_limited_scope(parent, child, support, changes, rules)
    ):
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
        not YEAR.search(parent.text)
        and not any(t.value is not None for t, _ in parent.offered)
        and any(t.value is not None and t.year for t, _ in child.offered)
    )
    if scope_p != "limited" and scope_c == "limited" and programme:
        return Restatement.STRENGTHENED, ("pilots of a programme with a dated target",)
    if scope_p != "limited" and scope_c == "limited":
        narrowed = kept_for or _limit_quoted(child, _scope_limit(child, rules), rules)
        return Restatement.WEAKENED, (f"narrower scope: limited by {narrowed}",)
    # a parent limited only by a programme word (支持开展…示范基地建设), restated for a class
    # of places only (支持有条件的地区开展…示范基地建设): the same programme, fewer places
    if scope_p == "limited" and not limit and not relied and (fewer := _place_limit(child, rules)):
        return Restatement.WEAKENED, (f"narrower scope: limited to places ({fewer})",)
    # a bare target of the parent (the number is the commitment) kept value for value but
    # softened where the parent's was not (到2030年…达到65%左右, 一般不超过18层): weakened
    # ... a number the parent binds by a modal alone (应大于8公里/平方公里) being as bare
    bare = parent.level == 0 or bool(parent.cue and rules.modal.fullmatch(parent.cue))
    if bare and changes and all(c.change == "same" for c in changes):
        offered = dict(offered_targets(child, support))
        softened = [
            rough
            for c in changes
            if (rough := c.child) is not None
            and is_softened(rough, offered.get(rough, rough.text), rules)
            and not any(
                is_softened(c.parent, ctx, rules) for t, ctx in parent.measured if t is c.parent
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
        return Restatement.WEAKENED, (NO_DIRECTIVE,)
    if relied and not _relied_on(parent, rules) and parent.level > 0:
        return Restatement.WEAKENED, (f"relied on ({relied}), not acted on",)
    cues = f"{_cue_named(parent)} → {_cue_named(child)}"
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
        if c.change == "same"
        and full_in_words(c.parent)
        and parent.cue
        and c.parent.text in parent.cue
    ]
    if delta <= -STEP and worded:
        kept = worded[0]
        assert kept.child is not None
        return Restatement.RESTATED, (
            f"full coverage kept in other words ({kept.parent.text} → {kept.child.text})",
        )
    if delta <= -STEP:
        return Restatement.WEAKENED, (f"{WEAKER_CUE} ({cues}, {delta:+})",)
    # at the same cue, the same kind of thing named at another grade of a scale of
    # performance (探索零碳社区建设 → 探索低碳社区建设; 近零能耗建筑 → 零能耗建筑)
    graded = _grade_change(parent.text, child.text, rules)
    if graded:
        lower, said = graded
        verdict = Restatement.WEAKENED if lower else Restatement.STRENGTHENED
        return verdict, (said,)
    return Restatement.RESTATED, (f"same cue strength ({cues})",)


def _grade_change(parent: str, child: str, rules: Rules) -> tuple[bool, str] | None:
    """Where the parent names a thing (the two characters after the grade: 社区, 建筑) at
    grades of a scale (``performance_grades``) and the child names the same thing only at
    grades all below, or at a grade above, the parent's highest: (lower, what is said)."""
    for scale in rules.performance_grades:
        for grade in scale:
            for found in grade.pattern.finditer(parent):
                head = parent[found.end() : found.end() + 2]
                if len(head) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in head):
                    continue
                mine = _highest(scale, head, parent)
                theirs = _highest(scale, head, child)
                if theirs is None or mine is None or theirs == mine:
                    continue
                said = "a lower grade" if theirs < mine else "a higher grade"
                change = f"{scale[mine].name}{head} → {scale[theirs].name}{head}"
                return theirs < mine, f"{said} ({change})"
    return None


def _highest(scale: tuple[Grade, ...], head: str, text: str) -> int | None:
    """The rank of the highest grade of ``scale`` at which ``text`` names ``head``."""
    named = [
        k
        for k, grade in enumerate(scale)
        if any(text.startswith(head, m.end()) for m in grade.pattern.finditer(text))
    ]
    return max(named) if named else None
