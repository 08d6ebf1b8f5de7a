"""Which cue governs a theme in its clause, and what the words around it change: nominal
heads, encouraging frames, past tense, harm forbidden, parallel targets (docs/strength.md)."""

from __future__ import annotations

import re

from policydiff.strength.clauses import clause_bounds
from policydiff.strength.cues import ZH_CONJUNCTIONS, ZH_MODAL, CueMatch, clause_cues, merge_cues
from policydiff.strength.lexicon import Entry, Lexicon
from policydiff.strength.targets import find_target_spans

# the rest of a 《title》 the theme is named in, up to a verb just after it
_TITLE_CLOSED = re.compile(r"[^《》，。；]*》\s*")


def choose_cue(
    matches: list[CueMatch], s: int, e: int, lang: str, text: str | None = None
) -> tuple[CueMatch | None, bool]:
    """Nearest cue before the theme; a stronger object-after cue (规模化发展) overrides it.
    Returns (cue, cue_follows_theme)."""
    before = [m for m in matches if m.start < s]
    after = [m for m in matches if m.start >= e]
    if lang == "zh" and text is not None:
        # after its object a Chinese verb is a noun (海绵城市建设, 园区试点) unless a modal
        # makes it a predicate (传统民居等区域*要*进一步加大管控力度) or an adverb opens it
        # (绿色生活方式*普遍推广*); a verb right after the title of a standard that names the
        # theme applies it (按照《完整居住社区建设标准》*配建*公共服务设施)
        after = [
            m
            for m in after
            if m.follows_object
            or m.parts[0].kind == "modifier"
            or ZH_MODAL.search(text, max(e, m.start - 3), m.start)
            or _TITLE_CLOSED.fullmatch(text, e, m.start)
        ]
    chosen = before[-1] if before else None
    if after:
        first = after[0]
        # an after-theme cue counts if it is a postposed complement, or nothing precedes
        if (first.follows_object and (chosen is None or first.level > chosen.level)) or (
            chosen is None
        ):
            return first, True
    return chosen, False


_EN_TO = re.compile(r"\bto\s+$", re.IGNORECASE)


def governing_cue(
    clause: str, matches: list[CueMatch], chosen: CueMatch, te: int, lang: str, lex: Lexicon
) -> CueMatch:
    """ "carry out an in-depth campaign *to create* green travel": a cue in an infinitive
    completes an earlier cue's object; the stronger of the two governs the theme. So does a
    Chinese cue inside the name of a duty (坚决扛起*推进*碳达峰碳中和工作*责任*): the verb
    phrase says what the duty is, and the cue that takes the duty on governs."""
    if chosen.start >= te:
        return chosen
    if lang == "en":
        if not _EN_TO.search(clause, 0, chosen.start):
            return chosen
    elif not _names_a_duty(clause, te, lex):
        return chosen
    earlier = [m for m in matches if m.end <= chosen.start]
    if earlier and earlier[-1].level > chosen.level:
        return earlier[-1]
    return chosen


def _names_a_duty(clause: str, te: int, lex: Lexicon) -> bool:
    heads = lex.word_pattern("duty_heads", "zh")
    if heads is None:
        return False
    head = heads.search(clause, te, min(len(clause), te + 16))
    return head is not None and not re.search(r"[，；。、：“”《》]", clause[te : head.start()])


_COORDINATOR = re.compile(f"[{ZH_CONJUNCTIONS}]")


def framing_verb(
    matches: list[CueMatch],
    chosen: CueMatch | None,
    clause: str,
    lang: str,
    lex: Lexicon,
) -> tuple[int, int, Entry] | None:
    """An encouraging verb (鼓励, 支持, 引导; encourage, support, guide) at or before the
    chosen cue in its clause: 鼓励…开展零碳建筑建设 asks others to act and binds no one.
    So does a Chinese promotion verb opening the clause when only the ones it pushes
    (``pushed_agents``) stand between it and the cue: 推动乡村进一步提高电气化水平 is 推动."""
    if chosen is None:
        return None
    for m in matches:
        if m.start > chosen.start:
            break
        # a hedge of pace before the verb leaves it the verb (逐步探索建立: 探索)
        verbs = [p for p in m.pieces if p[2].category != "hedge"] or [m.pieces[0]]
        piece = verbs[0]
        # ... and a verb joined to it by a conjunction is a second directive, not what it
        # asks for (鼓励和推动: 推动, as the readers take it)
        coordinated = any(
            q[2].category != "exploratory" and _COORDINATOR.fullmatch(clause, piece[1], q[0])
            for q in verbs[1:]
        )
        if piece[2].category == "exploratory" and piece[2].kind == "verb" and not coordinated:
            return piece
    agents = lex.word_pattern("pushed_agents", lang)
    first = matches[0] if matches else None
    if (
        agents is not None
        and first is not None
        and first is not chosen
        and first.start <= 1
        and len(first.pieces) == 1
        and first.pieces[0][2].category == "promotion"
        and first.pieces[0][2].kind == "verb"
        and agents.fullmatch(clause, first.end, chosen.start)
    ):
        return first.pieces[0]
    return None


def shared_cue(
    sentence: str, c_start: int, lang: str, lex: Lexicon
) -> tuple[int, str, CueMatch] | None:
    """The cue of the previous clause when both clauses are parallel targets under it:
    确保自然保护地占比不低于13.8%，森林覆盖率不低于55% — 确保 governs both."""
    if c_start == 0:
        return None
    p_start, p_end = clause_bounds(sentence, lang, (c_start - 2, c_start - 1), lex)
    previous = sentence[p_start:p_end]
    if not any(p_start <= s < p_end for s, _, _ in find_target_spans(sentence, lang)):
        return None
    kept, _ = clause_cues(previous, lang, lex)
    merged = merge_cues(previous, lang, kept)
    if not merged or merged[0].start > 2:  # the cue opens the previous clause
        return None
    first = merged[0]
    return first.level, previous[first.start : first.end], first


# how modifier_head names a means frame (以…为抓手, "using … as a key driver")
MEANS_HEAD = "means named in"


def modifier_head(clause: str, ts: int, te: int, lang: str, lex: Lexicon) -> str:
    """The head noun the theme term modifies (普及碳中和*基础知识*, "knowledge of carbon
    neutrality"), or "" when the theme is itself the object."""
    frames = lex.word_pattern("instrument_frames", lang)
    if frames is not None:
        for m in frames.finditer(clause):
            if m.start() < ts and te <= m.end():
                return f"{MEANS_HEAD} '" + m.group(0)[:12] + "…'"
    heads = lex.word_pattern("modifier_heads", lang)
    if heads is None or te <= ts:
        return ""
    if lang == "zh":
        # the head may follow a coordinated theme term: 碳达峰|碳中和|基础知识
        for m in heads.finditer(clause, te, min(len(clause), te + 16)):
            if not re.search(r"[，；。、：“”《》]", clause[te : m.start()]):
                return m.group(0)
        return ""
    for m in heads.finditer(clause, max(0, ts - 60), ts):
        if re.fullmatch(r"\s+(?:the\s+|a\s+)?", clause[m.end() : ts]):
            return m.group(0)
    return ""


# between a theme term and the standard it names the subject of: more items of one list
# (零碳建筑|、绿色建造、装配式建筑等|地方标准) or modifiers (碳中和|工程建设|标准), no clause break
_ZH_TO_DOCUMENT = re.compile(r"[^，；。：“”《》]{0,30}")


def drafted_document(
    clause: str, ts: int, te: int, chosen: CueMatch | None, lang: str, lex: Lexicon
) -> str:
    """The standard the theme names the subject of when the chosen cue only drafts it
    (制定完善绿色建筑、零碳建筑、绿色建造等*标准*), or "". Applying a standard (执行, 实施) is
    no drafting. Chinese only: the lists of the lexicon are empty in English."""
    documents = lex.word_pattern("drafted_documents", lang)
    verbs = lex.word_pattern("drafting_verbs", lang)
    if chosen is None or documents is None or verbs is None or te <= ts:
        return ""
    if not all(verbs.fullmatch(clause, start, end) for start, end, _ in chosen.pieces):
        return ""
    for m in documents.finditer(clause, te, min(len(clause), te + 40)):
        # the head ends the list: 标准 in 技术、标准、产业支撑体系 is one more item
        if _ZH_TO_DOCUMENT.fullmatch(clause, te, m.start()) and not clause.startswith(
            "、", m.end()
        ):
            return m.group(0)
    return ""


def past_marker(clause: str, chosen: CueMatch, lang: str, lex: Lexicon) -> str:
    """The marker that puts the cue in the past ("have formulated", "has been
    established", 已建立), or ""."""
    markers = lex.word_pattern("past_markers", lang)
    if markers is None:
        return ""
    gap = r"\s+" if lang == "en" else r""
    for m in markers.finditer(clause, max(0, chosen.start - 30), chosen.start):
        if re.fullmatch(gap, clause[m.end() : chosen.start]):
            if lang == "en" and not re.search(
                r"ed\b|\b(?:built|made|set|done|undertaken)\b", clause[chosen.start : chosen.end]
            ):
                continue  # "has to promote" is not a past
            return clause[m.start() : m.end()] + (" " if lang == "en" else "")
    return ""


def forbidden_harm(clause: str, chosen: CueMatch, ts: int, te: int, lang: str, lex: Lexicon) -> str:
    """The harm a restrictive cue forbids (不*拆除*历史建筑, 严禁…*砍伐*城市树木, "avoid
    large-scale tree *removal*"), or "" when it forbids no harm, or when the harm is the
    whole theme term (严格控制大规模*拆除*): then it restricts the theme itself. (A theme
    that is itself a limit, such as demolition control, is read by its polarity before
    this is asked.)"""
    harms = lex.word_pattern("harms", lang)
    if harms is None:
        return ""
    for m in harms.finditer(clause, chosen.start):
        if not (m.start() <= ts and te <= m.end()):
            return m.group(0)
    return ""


def manner_only(m: CueMatch) -> bool:
    """The cue's level comes only from manner modifiers applied to a weaker verb, or to a
    verb the lexicon lacks (全面勘查评估: the manner alone is the cue)."""
    top = [p for p in m.parts if p.level == m.level]
    weaker_verbs = [p for p in m.parts if p.kind == "verb" and p.level < m.level]
    alone = all(p.kind == "modifier" for p in m.parts)
    return (bool(weaker_verbs) or alone) and all(p.manner for p in top)


def render_notes(clause: str, m: CueMatch) -> list[str]:
    notes = []
    for start, end, entry in m.pieces:
        if len(entry.renders) > 1:
            notes.append(
                f"English '{clause[start:end]}' renders {', '.join(entry.renders[:-1])} "
                f"and {entry.renders[-1]} alike; the original wording may differ in strength"
            )
    return notes
