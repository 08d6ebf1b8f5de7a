"""Score the commitment strength of one theme mention (see docs/strength.md)."""

from __future__ import annotations

from dataclasses import dataclass

from policydiff.models import pickled_by_fields
from policydiff.strength.clauses import clause_bounds
from policydiff.strength.cues import (
    Cue,
    CueMatch,
    check_lang,
    clamp,
    clause_cues,
    find_cues,
    merge_cues,
)
from policydiff.strength.lexicon import LEVEL_NAMES, NEGATING, RESTRICTIVE, Lexicon, load_lexicon
from policydiff.strength.readings import (
    MEANS_HEAD,
    choose_cue,
    drafted_document,
    forbidden_harm,
    framing_verb,
    governing_cue,
    manner_only,
    modifier_head,
    past_marker,
    render_notes,
    shared_cue,
)
from policydiff.strength.targets import Target, find_target_spans

__all__ = ["Cue", "StrengthScore", "clause_bounds", "find_cues", "score_commitment"]

FAR_CHARS = {"en": 40, "zh": 15}  # a cue further than this from the theme gets a caveat
NEAR_CHARS = {"en": 4, "zh": 1}  # a negator this close before a cue negates it
# A manner modifier (大力 "vigorously") on a weaker verb asserts effort, not reach: the cue
# keeps the modifier's level but counts this much below the same level stated as an
# outcome (规模化发展 "large-scale development", 全覆盖 "full coverage").
MANNER_DISCOUNT = 0.5


@pickled_by_fields
@dataclass(frozen=True)
class StrengthScore:
    level: int
    level_name: str
    strength: float
    cue: str
    cues: tuple[Cue, ...]
    targets: tuple[Target, ...]
    restriction: bool
    negated: bool
    caveats: tuple[str, ...]


def score_commitment(
    sentence: str,
    lang: str,
    span: tuple[int, int],
    lexicon: Lexicon | None = None,
    *,
    polarity: str = "promote",
    targets: tuple[Target, ...] | None = None,
    bounds: tuple[int, int] | None = None,
) -> StrengthScore:
    """Strength of the commitment that the clause carrying ``span`` makes about the theme.

    ``polarity`` "control" (a theme that is itself a limit, such as demolition control)
    reads a restriction of what the theme names as a commitment to it. ``targets``: the
    targets set for the theme in this sentence (by default, those in its clause).
    ``bounds``: ``clause_bounds`` of ``span``, when the caller has them already."""
    lang = check_lang(lang)
    lex = lexicon or load_lexicon()
    s, e = clamp(sentence, span)
    c_start, c_end = bounds if bounds is not None else clause_bounds(sentence, lang, (s, e), lex)
    clause = sentence[c_start:c_end]
    ts, te = s - c_start, e - c_start
    caveats: list[str] = []

    kept, dropped = clause_cues(clause, lang, lex)

    def in_term(m: CueMatch) -> bool:
        return m.start < te and ts < m.end and te > ts

    # cues in the theme term itself ("green development") are part of the name, and so
    # are the words a negative context drops there: no caveat for what would not count
    kept = [m for m in kept if not in_term(m)]
    for m, ctx in dropped:
        if not in_term(m):
            caveats.append(_dropped_caveat(clause, m, ctx))
    matches = merge_cues(clause, lang, kept)
    cues = tuple(
        Cue(clause[m.start : m.end], c_start + m.start, c_start + m.end, m.category, m.level)
        for m in matches
    )
    chosen, follows = choose_cue(matches, ts, te, lang, clause)
    if chosen is not None and not follows:
        nearest = chosen
        chosen = governing_cue(clause, matches, chosen, te, lang, lex)
        if lang == "zh" and chosen is not nearest:
            caveats.append(
                f"'{clause[nearest.start : nearest.end]}' names the duty taken on; "
                f"'{clause[chosen.start : chosen.end]}' governs it"
            )
    framing = framing_verb(matches, chosen, clause, lang, lex)
    if framing is not None and chosen is not None and chosen.level > framing[2].level:
        caveats.append(
            f"'{clause[chosen.start : chosen.end]}' is what '{clause[framing[0] : framing[1]]}' "
            "asks others to do: counted at the level of the verb that asks"
        )
        chosen = CueMatch(framing[0], chosen.end, (framing,))
    head = modifier_head(clause, ts, te, lang, lex) or drafted_document(
        clause, ts, te, chosen, lang, lex
    )
    if head and chosen is not None:
        acting = chosen
        if head.startswith(MEANS_HEAD):
            # the means serves the verb after it ("using X as a key driver to promote …")
            acting = next((m for m in matches if m.start >= te), chosen)
        caveats.append(
            f"the theme names what '{head}' is about; '{clause[acting.start : acting.end]}' "
            f"acts on the {head}, not on the theme"
        )
        chosen = None
    past = past_marker(clause, chosen, lang, lex) if chosen is not None else ""
    if past and chosen is not None:
        done = clause[chosen.start : chosen.end]
        caveats.append(f"'{past}{done}' reports what was done, not a directive")
        chosen = None
    scope = lex.word_pattern("scope_limits", lang)
    limited = scope.search(clause) if scope is not None else None
    if limited:
        caveats.append(f"limited scope: '{limited.group(0)}'")

    if targets is None:
        targets = tuple(
            t for ts_, te_, t in find_target_spans(sentence, lang) if c_start <= ts_ < c_end
        )
    dated = any(t.value is not None and t.year is not None for t in targets)
    if any(t.hedged for t in targets):
        caveats.append("the target is hedged (力争, 'strive to', 'is expected to')")

    negated = restriction = False
    level, cue_text = 0, ""
    if chosen is not None:
        level, cue_text = chosen.level, clause[chosen.start : chosen.end]
        restriction = any(p.category in RESTRICTIVE for p in chosen.parts)
        negated = any(p.category in NEGATING for p in chosen.parts)
        harm = forbidden_harm(clause, chosen, ts, te, lang, lex) if restriction else ""
        if restriction and (polarity == "control" or harm):
            caveats.append(
                f"'{cue_text}' forbids '{harm}', which would harm the theme: it protects it"
                if harm
                else f"'{cue_text}' restricts what the theme limits: a commitment to it"
            )
            restriction = negated = False
        if follows:
            caveats.append(f"cue '{cue_text}' follows the theme term (object-before-verb order)")
        distance = chosen.start - te if follows else ts - chosen.end
        if distance > FAR_CHARS[lang]:
            caveats.append(f"cue is {distance} characters from the theme term")
        hedges = (
            [clause[chosen.start : chosen.end]]
            if any(p.category == "hedge" for p in chosen.parts)
            else []
        )
        if hedges and level > 1:
            caveats.append(f"cue '{cue_text}' is hedged (pace or condition qualifier)")
        if lang == "en":
            caveats.extend(render_notes(clause, chosen))
        if restriction:
            caveats.append(f"'{cue_text}' restricts the theme rather than promoting it")
    neg_re = lex.negator_pattern(lang)
    if neg_re is not None:
        for negator in neg_re.finditer(clause):
            start, end = negator.span()
            in_cue = chosen is not None and chosen.start <= start < chosen.end
            before_cue = chosen is not None and 0 <= chosen.start - end <= NEAR_CHARS[lang]
            if in_cue or (start >= ts and not before_cue):
                continue
            negated = True
            caveats.append(f"negator '{negator.group(0)}' governs the commitment")
            break
    if chosen is None and lang == "zh" and targets:
        shared = shared_cue(sentence, c_start, lang, lex)
        if shared is not None:
            level, cue_text, shared_match = shared
            chosen = shared_match
            caveats.append(
                f"'{cue_text}' governs this target with the one before it (确保A不低于…，B不低于…)"
            )
    if not cues and not targets:
        caveats.append("no commitment language in the theme's clause (mention only)")
    strength = float(level)
    if chosen is not None and manner_only(chosen):
        strength -= MANNER_DISCOUNT
        verbs = [p.level for p in chosen.parts if p.kind == "verb"]
        raised = f"a level-{min(verbs)} verb" if verbs else "a verb the lexicon lacks"
        caveats.append(
            f"'{cue_text}' raises {raised} by manner, "
            f"not by reach: counted {MANNER_DISCOUNT} below an outcome of level {level}"
        )
    if dated:
        strength += lex.target_bonus
        if level == 0:
            caveats.append("quantified target without a directive cue; compare targets directly")
    return StrengthScore(
        level=level,
        level_name=LEVEL_NAMES[level],
        strength=round(strength, 2),
        cue=cue_text,
        cues=cues,
        targets=targets,
        restriction=restriction,
        negated=negated,
        caveats=tuple(dict.fromkeys(caveats)),
    )


def _dropped_caveat(clause: str, m: CueMatch, context: str) -> str:
    """Why a cue the lexicon lists was not counted: the context it stands in, or, where
    that context is the cue alone (a pattern that reads what precedes it without taking
    it in: "projects focused on"), the word before it."""
    cue = clause[m.start : m.end]
    if context != cue:
        return f"'{cue}' in '{context}' is not counted as a cue"
    before = clause[: m.start].split()
    if not before:
        return f"'{cue}' is not counted as a cue"
    return f"'{cue}' after '{before[-1]}' is not counted as a cue"
