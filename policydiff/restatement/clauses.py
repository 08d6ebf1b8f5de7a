"""A document's commitments at clause level: one directive governing one object.

A sentence is cut into clauses (:mod:`.cuts`) at ，；： (never at 、, which joins the items of one
object list), as docs/strength.md cuts them. A clause is a commitment when it carries
a directive cue of the strength lexicon, a quantified target, or opens with a verb
(jieba's part of speech, or an opener of ``data/restatement.yaml``); a clause that only
dates what follows (到2025年) is joined to the clause after it.

Each clause is scored with :func:`policydiff.strength.score_commitment` on its object
(the words after its first cue, so that a postposed complement such as 规模化发展 lifts
推动 as it does for a theme), carries the targets that stand in it, and the themes of
the theme mentions (:func:`policydiff.analysis.find_commitments`) that fall inside it.
Like the rules of ``data/restatement.yaml`` this reads Chinese; an English version gives
one clause per sentence part that carries a cue, a modal verb or opens on a verb of
``openers_en``, scored the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from policydiff.analysis.commitments import Commitment
from policydiff.models import Provision, StructuredVersion
from policydiff.restatement.cuts import joined, pieces, spanned_cue
from policydiff.restatement.frames import (
    after_frame,
    after_long_frame,
    after_means,
    after_place,
    frame_whole,
)
from policydiff.restatement.homes import target_homes
from policydiff.restatement.rules import Rules, load_rules
from policydiff.restatement.words import tagged, words
from policydiff.strength import (
    Lexicon,
    StrengthScore,
    Target,
    find_cues,
    load_lexicon,
    score_commitment,
)
from policydiff.strength.cues import BY_A_STANDARD, clause_cues
from policydiff.strength.targets import (
    context_years,
    find_target_spans,
    measures_its_own_clause,
    sets_a_limit,
)

_SEMICOLON = re.compile(r"[；;]")
# a clause whose only directive is a modal verb (应, 要, 须) commits at promotion level
MODAL_LEVEL = 2


@dataclass(frozen=True)
class Clause:
    """One commitment of a version: a clause of a sentence, with its reading."""

    index: int  # place among the version's clauses
    provision_id: str
    location: str
    sentence_index: int
    sentence: str
    start: int  # within the sentence
    end: int
    cue: str
    level: int
    strength: float  # as score_commitment reads the clause
    restriction: bool
    negated: bool
    targets: tuple[Target, ...]  # those that stand in the clause
    themes: tuple[str, ...]
    heading: bool  # the clause is a provision's heading
    # the targets that measure the commitment, each with the clause it stands in: its
    # own, or for the first commitment of a sentence every target of the sentence
    # (推进绿色社区创建行动，…，60%的城市社区先行达到创建要求)
    measured: tuple[tuple[Target, str], ...] = ()
    # every target of the sentence, each with its context (its clause and the one before:
    # 2030年控制在8%以内 needs 漏损率 from before it): what a child may restate them with
    offered: tuple[tuple[Target, str], ...] = ()
    # a part of a sentence that directs nothing, read only for what it restates
    # (:mod:`policydiff.restatement.statements`), not a commitment
    statement: bool = False
    lang: str = "zh"  # of the version read: an English object is compared word by word

    @property
    def text(self) -> str:
        return self.sentence[self.start : self.end]

    @property
    def sentence_id(self) -> str:
        return f"{self.provision_id}#{self.sentence_index}"


@lru_cache(maxsize=65536)
def _opens_with_verb(clause: str, nouns: bool = True) -> bool:
    """Whether jieba reads the clause's first word as a verb; a verbal noun (vn: 建设,
    生活 of 生活垃圾) counts only with ``nouns``."""
    for _, _, word, flag in tagged(clause[:8]):
        if word.strip():
            return flag.startswith("v") and (nouns or flag != "vn")
    return False


def _commits_in_words(clause: str, has_cue: bool, lang: str, rules: Rules, dated: bool) -> bool:
    """Whether a clause commits in words (a clause with a target of its own commits by
    it): a cue, a modal verb, a verb opening it, or, ``dated`` by a deadline, an outcome
    to reach (rules.goal). An English clause commits by a cue, a modal verb (We will
    attach…) or a verb of ``openers_en`` opening it (Reform the construction labor
    employment system), which has no jieba to tell its verbs."""
    if has_cue:
        return True
    if lang != "zh":
        return bool(rules.opens_en.match(clause) or rules.modal_en.search(clause))
    if len(clause) < 4:
        return False
    if rules.modal.search(clause):
        return True
    if dated and rules.goal.search(clause):
        return True
    return _verb_led(clause, rules)


def _verb_led(clause: str, rules: Rules) -> bool:
    """Whether a clause opens on 并 ("and", joining it to the directive before it: 并以适当
    方式与…共享) or on a verb: one of ``openers`` or, by jieba, any verb; or does so after
    the place it is about (:func:`after_place`: 组团之间建设连续贯通的生态廊道,
    县城新建住宅以6层为主) or a frame it opens on (:func:`after_frame`: 在油气田区域内建设
    多能融合的区域供能系统)."""
    return bool(_leading_verb(clause, rules))


def _leading_verb(clause: str, rules: Rules) -> str:
    """The word :func:`_verb_led` reads a clause as led by (并 where it opens on 并), or ""."""
    if clause.startswith("并"):
        return "并"
    after = [(rest, False) for rest in (after_place(clause), *after_frame(clause)) if rest]
    for rest, nouns in ((clause, True), *after):
        opener = next((o for o in rules.openers if rest.startswith(o)), "")
        if opener:  # with the verb an adverb opening it leads to (合理确定, not 拓宽融资)
            following = tagged(rest[len(opener) : len(opener) + 4])
            leads = following and following[0][3].startswith("v") and following[0][3] != "vn"
            return opener + (following[0][2] if leads else "")
        if _opens_with_verb(rest, nouns):
            return next(word for _, _, word, _ in tagged(rest[:8]) if word.strip())
    return ""


# a deadline opening a clause (到2030年, 2025年前，), before the verb it dates
_OPENING_DEADLINE = re.compile(r"^(?:到|至)?\d{4}年(?:前|底|末)?[，,]?")


def committing_words(clause: str, lang: str, rules: Rules) -> str:
    """The words a clause without a cue commits by, as :func:`_commits_in_words` reads it:
    a modal verb (应, 要; We will), the verb leading it (拓宽, 充分发挥; Reform), after any
    deadline opening it (到2030年推动…), or "" where it commits by an outcome to reach."""
    if lang != "zh":
        led = rules.opens_en.match(clause) or rules.modal_en.search(clause)
        return led.group(0).strip() if led else ""
    modal = rules.modal.search(clause)
    undated = _OPENING_DEADLINE.sub("", clause)
    return modal.group(0) if modal else _leading_verb(undated, rules)


def _cue_in_modifier(
    clause: str, score: StrengthScore, rules: Rules, lexicon: Lexicon | None
) -> bool:
    """Whether the cue ``score`` reads stands inside the 的-phrase that qualifies the object
    of a verb of ``qualified_objects`` opening the clause, perhaps after an adverb of effort
    or degree (形成比较完善的…体系, 发挥…促进电力供需平衡…的作用, 努力形成政府大力促进…的共治格局):
    it says which thing, and the opening verb commits. The object's head, after the last
    的, names a thing and holds no cue."""
    chosen = next((c for c in score.cues if c.text == score.cue), None)
    last = clause.rfind("的")
    verb = next((clause[len(a) :] for a in _EFFORT_ADVERBS if clause.startswith(a)), clause)
    return (
        chosen is not None
        and 0 < chosen.start < last
        and verb.startswith(rules.qualified_objects)
        and not find_cues(clause[last + 1 :], "zh", lexicon)
    )


def _hedges_a_verb(
    clause: str, cue: str, before: str, lexicon: Lexicon | None, rules: Rules
) -> bool:
    """Whether the cue is hedges only (逐步, 因地制宜) on a verb the lexicon lacks (逐步实现,
    因地制宜开发): the clause commits to that verb, at a pace, as a verb-led clause does;
    not where the clause before it in its piece brings others to act (引导消费者…，合理、适度
    采购: the encouraging word governs it)."""
    found = find_cues(cue, "zh", lexicon) if cue else ()
    at = clause.find(cue)
    return (
        bool(found)
        and all(c.category == "hedge" for c in found)
        and at >= 0
        and _verb_led(clause[at + len(cue) :], rules)
        and not before.startswith(rules.encouraging)
    )


# openings that put the place or the object before the verb (在…方面加强引导, 对…予以支持)
_PUT_FIRST = ("在", "对")
# words that make the verb after them the act done (…输配电价机制等予以支持): never an outcome
_GIVEN = ("予以", "给予", "加以")
# adverbs of effort or degree a verb of ``qualified_objects`` may open on (努力形成, 更好发挥)
_EFFORT_ADVERBS = ("努力", "初步", "基本", "逐步", "更好地", "更好", "充分")
# a prohibition after a noun that a 的-phrase qualifies is the clause's predicate; a cue
# inside the 的-phrase says which things (承担支持…保供任务的煤电机组未经许可不得退出运行)
_BAN_AFTER_QUALIFIED = re.compile(r"的[^，,；;、]*?(?=(?:不得|严禁|禁止|不准|杜绝)[^的]*$)")


def _predicate_ban(clause: str, lang: str) -> int:
    """Where a prohibition after a noun that a 的-phrase qualifies starts (0 where none
    does): it is the clause's predicate, and a cue inside the phrase only says which
    things it binds (承担支持…保供任务的煤电机组未经许可不得退出运行: 不得, not 支持)."""
    found = _BAN_AFTER_QUALIFIED.search(clause) if lang == "zh" else None
    return found.end() if found else 0


def _score_span(clause: str, lang: str, lexicon: Lexicon | None) -> tuple[int, int]:
    """Where the clause's object starts: right after its first cue (the whole clause
    when it has none), so that the cue before it governs and a postposed complement
    can lift it. A hedge is passed over for a directive after it (因地制宜灵活施策推进…:
    推进), since a hedge qualifies a directive and commits to nothing of its own."""
    cues = find_cues(clause, lang, lexicon)
    if not cues:
        return (0, len(clause))
    first = next((c for c in cues if c.category != "hedge"), cues[0])
    return (first.end, min(len(clause), first.end + 1)) if first.end < len(clause) else (0, 1)


def _enclosing_cue(clause: str, lang: str, lexicon: Lexicon | None) -> tuple[int, str] | None:
    """The level and the opening word of a cue that encloses the whole clause, its object
    inside it (加大城市老旧供水管网更新改造力度: 加大…力度), which leaves no object outside
    the cue for :func:`score_commitment` to read it by; None for any other clause. Unlike
    :func:`~policydiff.restatement.cuts.spanned_cue`'s closing outcome (规模化发展), the
    closing noun (力度) stays in the object: it is what two 加大…力度 clauses share, and
    without it their restatements go unmatched."""
    cues = find_cues(clause, lang, lexicon)
    if lang != "zh" or not cues or cues[0].start != 0 or cues[0].end < len(clause):
        return None
    return cues[0].level, words(cues[0].text, lang)[0]


def _closing_cue(clause: str, lang: str, lexicon: Lexicon | None) -> tuple[int, str] | None:
    """The level and text of a cue that closes the clause, its object before it (在规划引领、
    政策扶持、市场监管等方面加强引导, 对交通供能场站布局和建设…予以支持), which
    :func:`_score_span` leaves no object after; None for any other clause. Read only after a
    frame 在… or an object put first by 对 (:data:`_PUT_FIRST`), after 予以, 给予 or 加以
    (:data:`_GIVEN`: …等予以支持), not negated (不予以支持 grants nothing), or after the
    standard the verb keeps to (按照二星级及以上标准建设: ``BY_A_STANDARD``): elsewhere a clause
    that closes on its verb states an outcome (政策体系基本建立, 水平大幅提高), a commitment
    only where dated."""
    if lang != "zh":
        return None
    cues = find_cues(clause, lang, lexicon)
    if not cues or cues[-1].end < len(clause) or cues[-1].category == "hedge":
        return None
    before = clause[: cues[-1].start]
    given = before.endswith(_GIVEN) and not before.endswith(tuple(f"不{g}" for g in _GIVEN))
    if not (clause.startswith(_PUT_FIRST) or given or BY_A_STANDARD.search(before)):
        return None
    return cues[-1].level, cues[-1].text


def _on_the_situation(provision: Provision, rules: Rules) -> bool:
    """Whether the provision is in a section on where things stand (面临形势): it describes,
    and commits to nothing."""
    return any(part.split(" ", 1)[-1] in rules.situation for part in provision.path)


def _dated(targets: Sequence[Target]) -> bool:
    return any(t.value is not None and t.year is not None for t in targets)


def _limits_by_anchor(
    spans: Sequence[tuple[int, int]],
    placed: Sequence[tuple[int, Target, str]],
    piece_starts: Sequence[int],
    in_words: Sequence[bool],
) -> dict[int, tuple[tuple[Target, str], ...]]:
    """The design limits (:func:`sets_a_limit`) of the clauses that are commitments by
    their targets alone, keyed by the clause before them in the same ；-piece that
    commits in words (``in_words``: a cue, a modal verb, a verb opening it): the
    commitment they spell out."""
    out: dict[int, list[tuple[Target, str]]] = {}
    anchor: int | None = None
    for k, (s, e) in enumerate(spans):
        if k and bisect_right(piece_starts, s) != bisect_right(piece_starts, spans[k - 1][0]):
            anchor = None
        if in_words[k]:
            anchor = k
        elif anchor is not None:
            out.setdefault(anchor, []).extend(
                (t, context) for ts, t, context in placed if s <= ts < e and sets_a_limit(t)
            )
    return {k: tuple(pairs) for k, pairs in out.items()}


def version_clauses(
    structured: StructuredVersion,
    commitments: Sequence[Commitment] = (),
    lexicon: Lexicon | None = None,
) -> tuple[Clause, ...]:
    """Every commitment clause of a version, in text order; ``commitments`` (the
    version's theme commitments) give each clause its themes."""
    return version_parts(structured, commitments, lexicon)[0]


def _themes(mentions: Sequence[Commitment], start: int, end: int) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(m.mention.theme_id for m in mentions if start <= m.mention.start < end)
    )


def version_parts(
    structured: StructuredVersion,
    commitments: Sequence[Commitment] = (),
    lexicon: Lexicon | None = None,
) -> tuple[tuple[Clause, ...], tuple[Clause, ...]]:
    """A version's commitment clauses (:func:`version_clauses`) and, in Chinese, its
    statements: the other parts of its sentences, neither a heading nor a premise, which
    direct nothing (:mod:`policydiff.restatement.statements`)."""
    statements: list[Clause] = []
    lang = structured.version.lang
    rules = load_rules()
    bonus = (lexicon or load_lexicon()).target_bonus
    themes_at: dict[tuple[str, int], list[Commitment]] = {}
    for c in commitments:
        themes_at.setdefault((c.mention.provision_id, c.mention.sentence_index), []).append(c)
    out: list[Clause] = []
    # the preamble says why and on what authority, not what is to be done: left out
    # where the text has numbered provisions to hold its commitments
    numbered = any(p.level > 0 for p in structured.provisions)
    for provision in structured.provisions:
        if (numbered and provision.level == 0) or _on_the_situation(provision, rules):
            continue
        texts = [sentence.text for sentence in provision.sentences]
        dated = context_years(texts, lang, provision.path)
        for sentence, year in zip(provision.sentences, dated, strict=True):
            text = sentence.text
            placed_in = partial(
                Clause,
                provision_id=provision.id,
                location=provision.location,
                sentence_index=sentence.index,
                sentence=text,
                lang=lang,
            )
            spans = joined(
                text,
                pieces(text, lang, lexicon),
                rules.year_only,
                rules.continuations,
                lang,
                lexicon,
            )
            targets = find_target_spans(text, lang, year)
            mentions = themes_at.get((provision.id, sentence.index), [])
            heading = (
                bool(provision.heading) and text.strip().rstrip("。.") == provision.heading.strip()
            )
            # a target's context is its clause and the one before, within its ；-piece
            # (…示范项目面积不低于30万平方米；2030年前城镇新建居住建筑本体达到75%节能要求: the
            # demonstration is not what the 75% is for)
            froms = [
                spans[k - 1][0] if k and not _SEMICOLON.search(text[spans[k - 1][1] : s]) else s
                for k, (s, _) in enumerate(spans)
            ]
            contexts = [text[a:e] for a, (_, e) in zip(froms, spans, strict=True)]
            placed = [
                (ts, t, contexts[k])
                for ts, _, t in targets
                for k, (s, e) in enumerate(spans)
                if s <= ts < e
            ]
            measured = tuple((t, context) for _, t, context in placed)
            # a ；cuts a sentence into tasks of their own (…管控，…；推行窄马路…，…不超过2公顷):
            # each piece's first commitment is measured by that piece's targets only
            piece_starts = [0, *(m.end() for m in _SEMICOLON.finditer(text))]
            deadline = year is not None
            # which clauses commit in words; the others commit only by a target of theirs
            cued = [bool(find_cues(text[s:e], lang, lexicon)) for s, e in spans]
            # a heading that only names its kind of section (工作原则) commits to nothing
            in_words = [
                _commits_in_words(text[s:e], has_cue, lang, rules, deadline)
                and not (heading and text[s:e] in rules.labels)
                and not (lang == "zh" and frame_whole(text[s:e]))
                for (s, e), has_cue in zip(spans, cued, strict=True)
            ]
            limits = _limits_by_anchor(spans, placed, piece_starts, in_words)
            homes = target_homes(text, spans, placed, piece_starts, in_words, cued, lang)
            # an undated target in a clause bound by a modal verb (拆除建筑面积原则上不应
            # 大于现状总建筑面积的20%) is a rule of that clause, not a level of the first
            bound = [(a, b) for a, b in spans if rules.modal.search(text[a:b])]
            piece = -1
            for k, (s, e) in enumerate(spans):
                clause = text[s:e]
                at = bisect_right(piece_starts, s) - 1
                lead = at != piece
                mine = tuple(t for ts, _, t in targets if s <= ts < e)
                if not (in_words[k] or mine):
                    if lang == "zh" and not heading and not frame_whole(clause):
                        statements.append(
                            placed_in(
                                index=len(statements),
                                start=s,
                                end=e,
                                cue="",
                                level=0,
                                strength=0.0,
                                restriction=False,
                                negated=False,
                                targets=(),
                                themes=_themes(mentions, s, e),
                                heading=False,
                                statement=True,
                            )
                        )
                    continue
                # a frame the clause opens on is where, not what: its cue is after it
                scored = clause[
                    max(
                        after_long_frame(clause, lang, lexicon),
                        after_means(clause, lang, lexicon),
                        _predicate_ban(clause, lang),
                    ) :
                ]
                span = _score_span(scored, lang, lexicon)
                score = score_commitment(scored, lang, span, lexicon)
                level, cue_text = score.level, score.cue
                if level == 0 and (whole := _enclosing_cue(clause, lang, lexicon)):
                    level, cue_text = whole
                if level == 0 and (closing := _closing_cue(clause, lang, lexicon)):
                    level, cue_text = closing
                if level == 0 and lang == "zh" and 0 < span[0] < len(scored):
                    # the object is all that follows the cue, a head noun included
                    # (完善节能降碳标准计量体系: 完善 acts on the 标准…体系, and that is the
                    # clause's commitment), not a theme that the head's cue passes over
                    score = score_commitment(scored, lang, (span[0], len(scored)), lexicon)
                    level, cue_text = score.level, score.cue
                if lang == "zh" and level and _cue_in_modifier(scored, score, rules, lexicon):
                    # the opening verb commits, a verb the lexicon lacks, at promotion level
                    level, cue_text = MODAL_LEVEL, ""
                    score = replace(score, restriction=False, negated=False)
                if level == 0 and lang == "zh" and (modal := rules.modal.search(clause)):
                    level, cue_text = MODAL_LEVEL, modal.group(0)
                if level == 0 and lang != "zh" and not mine:
                    if modal := rules.modal_en.search(clause):
                        level, cue_text = MODAL_LEVEL, modal.group(0)
                    elif rules.opens_en.match(clause):
                        level = MODAL_LEVEL
                if level == 1 and lang == "zh" and not mine:
                    same_piece = k and bisect_right(piece_starts, spans[k - 1][0]) - 1 == at
                    before = text[spans[k - 1][0] : s] if same_piece else ""
                    if _hedges_a_verb(scored, cue_text, before, lexicon, rules):
                        level = MODAL_LEVEL
                cue_text = spanned_cue(cue_text, lang, lexicon)
                # a clause that commits by the verb that opens it, a verb the lexicon lacks
                # (结合资源禀赋和用能需求发展…应用, 合理确定城市规模), or by an outcome a
                # deadline dates (到2030年，…，绿色消费方式成为公众自觉选择), commits at
                # promotion level, as a modal verb does, not as a mention in passing; its object
                # keeps the verb, the lexicon naming no cue to leave out
                if (
                    level == 0
                    and lang == "zh"
                    and not mine
                    and not clause.startswith(rules.according)
                    and (_verb_led(clause, rules) or (deadline and rules.goal.search(clause)))
                ):
                    level = MODAL_LEVEL
                # a clause with targets of its own is measured by them; the first
                # commitment of a sentence (of a ；-piece) by every level or share the
                # piece sets, but those target_homes gives a later commitment whose words
                # their clause shares; the others by none. A number of things counts the
                # object of its own clause (推广智能建造，到2030年培育100个智能建造产业基地),
                # a design limit that of its own clause and of the commitment that sets
                # it out (推行窄马路、密路网、小街区，县城内部道路红线宽度不超过40米; not
                # 加强生态廊道…统筹布局 for 组团间的生态廊道应贯通连续，净宽度不少于100米),
                # and a density or a ratio what its own clause names (…人口密度控制在0.6—1万人/
                # 平方公里 does not measure 强化县城建设密度与强度管控)
                if mine:
                    own = tuple(pair for pair in measured if pair[0] in mine)
                elif lead or k in homes.values():
                    own = tuple(
                        (t, context)
                        for ts, t, context in placed
                        if bisect_right(piece_starts, ts) - 1 == at
                        and homes.get(ts, k if lead else -1) == k
                        and not measures_its_own_clause(t)
                        and not sets_a_limit(t)
                        and not (t.year is None and any(a <= ts < b for a, b in bound))
                    )
                else:
                    own = ()
                own += tuple(pair for pair in limits.get(k, ()) if pair not in own)
                piece = at
                # score_commitment's own level keeps its manner discount (大力推广, 3.5); a
                # level found past its reading is taken as it stands. The targets of the
                # clause, their year read in the whole sentence (到2025年，…，…达到30%), give
                # the target bonus; score_commitment saw the clause alone
                strength = score.strength - (bonus if _dated(score.targets) else 0.0)
                strength = strength if level == score.level else float(level)
                strength += bonus if _dated([t for t, _ in own]) else 0.0
                themes = _themes(mentions, s, e)
                out.append(
                    placed_in(
                        index=len(out),
                        start=s,
                        end=e,
                        cue=cue_text,
                        level=level,
                        strength=round(strength, 2),
                        restriction=score.restriction,
                        negated=score.negated,
                        targets=mine,
                        themes=themes,
                        heading=heading,
                        measured=own,
                        offered=measured,
                    )
                )
    reached = _reach_of_the_clause_before(out, lang, lexicon, bonus) if lang == "zh" else out
    return _framed(reached, rules), tuple(statements)


def _hedged(text: str, lexicon: Lexicon | None) -> bool:
    """Whether the lexicon reads a hedge in ``text``, merged into a cue or not (力争规模化发展
    is read as one cue of scale)."""
    lex = lexicon or load_lexicon()
    kept, _ = clause_cues(text, "zh", lex)
    return any(entry.category == "hedge" for match in kept for entry in match.parts)


REACH_OBJECT = 2  # characters a clause of reach may hold beside its cues (推动…发展)
_BROAD = ("大力", "全面", "全力", "全方位")  # adverbs of effort, not of how far a result reaches


def _reach_of_the_clause_before(
    clauses: Sequence[Clause], lang: str, lexicon: Lexicon | None, bonus: float
) -> list[Clause]:
    """A clause that says only how far the clause before it in its ；-piece reaches (鼓励建设
    低碳建筑、近零能耗建筑，推动规模化发展; 接入电网，做到应并尽并), with no object of its own and
    no hedge, lifts that clause to its level: the reach is that clause's."""
    out = list(clauses)
    for k in range(1, len(out)):
        clause, before = out[k], out[k - 1]
        if before.sentence_id != clause.sentence_id or clause.level <= before.level:
            continue
        if any(mark in clause.sentence[before.end : clause.start] for mark in "；;"):
            continue
        cues = find_cues(clause.text, lang, lexicon)
        if _hedged(clause.text, lexicon) or not any(
            c.category == "scale" and not c.text.startswith(_BROAD) for c in cues
        ):
            continue
        rest = clause.text
        for cue in sorted(cues, key=lambda c: -c.start):
            rest = rest[: cue.start] + rest[cue.end :]
        if len(rest) > REACH_OBJECT:
            continue
        own = clause.strength - (bonus if _dated([t for t, _ in clause.measured]) else 0.0)
        dated = bonus if _dated([t for t, _ in before.measured]) else 0.0
        out[k - 1] = replace(
            before,
            level=clause.level,
            strength=round(own + dated, 2),
            cue=f"{before.cue}…{clause.cue}" if before.cue else clause.cue,
        )
    return out


def _framed(clauses: Sequence[Clause], rules: Rules) -> tuple[Clause, ...]:
    """A clause that opens by referring to a rule or plan (``according``: 按照大分散与小区域集中
    相结合原则) and directs nothing of its own frames the clause after it in its sentence
    (建设绿色节约型基础设施): it commits at that clause's level, by that clause's cue, not as a
    mention in passing. One that names only its authority (``reference``: 按照党中央、国务院
    决策部署) says nothing the next clause does not, and is left out."""
    out: list[Clause | None] = list(clauses)
    for k, clause in enumerate(out):
        if (
            clause is None
            or clause.level
            or clause.targets
            or not clause.text.startswith(rules.according)
        ):
            continue
        after = next((c for c in out[k + 1 :] if c and c.sentence_id == clause.sentence_id), None)
        if after is not None and after.level and rules.reference.match(clause.text):
            out[k] = None
        elif after is not None and after.level:
            out[k] = replace(clause, cue=after.cue, level=after.level, strength=after.strength)
    return tuple(c for c in out if c is not None)
