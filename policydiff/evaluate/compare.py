"""policydiff's reading of a corpus against a careful human one, per class of claim.

* **presence**: the theme is mentioned, or not, as the annotator judged;
* **strength**: the strength of the strongest commitment lies in the annotator's range
  (a theme the annotator found and policydiff did not counts as a miss here too);
* **verdicts**: between the pairs the annotator named, per theme, against the verdict
  the annotator wrote;
* **verdicts in range**: the same verdicts, counted as agreeing when policydiff's verdict
  is one that some pair of readings inside the annotator's ranges for the two documents
  gives (both documents annotated): a reading the annotator accepts on both sides cannot
  make a verdict wrong;
* **targets**: the dated quantified targets the annotator found that policydiff found
  (recall), and those policydiff found for the annotated themes that the annotator
  found (precision).

Every disagreement is kept with both readings and the sentences behind them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from policydiff.analysis.model import Evolution, Point
from policydiff.analysis.points import compare, representative
from policydiff.analysis.verdicts import Verdict, verdict
from policydiff.errors import InputError
from policydiff.evaluate.gold import Gold, GoldTarget, GoldTheme
from policydiff.strength import Target, figure_text

CLASSES = (
    "presence",
    "strength",
    "verdicts",
    "verdicts in range",
    "target recall",
    "target precision",
)


@dataclass(frozen=True)
class Score:
    name: str
    agreed: int
    total: int

    @property
    def rate(self) -> float | None:
        return round(self.agreed / self.total, 3) if self.total else None


@dataclass(frozen=True)
class Disagreement:
    kind: str  # one of CLASSES
    document: str  # "A -> B" for a verdict
    theme: str
    expected: str  # the annotator's reading
    found: str  # policydiff's
    gold_sentence: str = ""
    sentence: str = ""  # policydiff's evidence
    location: str = ""
    notes: str = ""


@dataclass(frozen=True)
class GoldConflict:
    """A gold verdict that the annotated levels of its two documents do not give (under
    the verdict rule of docs/annotation.md): no reading can agree with both."""

    gold: str  # the file holding the verdict
    document: str  # "A -> B"
    theme: str
    expected: str  # the verdict written
    levels: str  # the annotated levels, "4 -> 5"
    implied: str  # the verdict they give


@dataclass(frozen=True)
class Evaluation:
    gold: tuple[str, ...]  # the gold files
    scores: tuple[Score, ...]
    disagreements: tuple[Disagreement, ...]
    agreement: float | None  # English vs Chinese level agreement over the corpus
    # annotated themes the catalogue does not hold: policydiff cannot find them, so
    # they are read as absent (a miss wherever the annotator found them)
    unknown_themes: tuple[str, ...] = ()
    # gold verdicts their own annotated levels contradict: the ceiling of "verdicts"
    gold_conflicts: tuple[GoldConflict, ...] = ()
    # the counts ``agreement`` is the share of: levels the same, and levels compared
    agreement_counts: tuple[int, int] | None = None

    def score(self, name: str) -> Score:
        return next(s for s in self.scores if s.name == name)


class _Tally:
    def __init__(self) -> None:
        self.agreed = dict.fromkeys(CLASSES, 0)
        self.total = dict.fromkeys(CLASSES, 0)
        self.disagreements: list[Disagreement] = []

    def count(self, name: str, ok: bool, disagreement: Disagreement | None = None) -> None:
        self.total[name] += 1
        if ok:
            self.agreed[name] += 1
        elif disagreement is not None:
            self.disagreements.append(disagreement)


def _points(evolution: Evolution) -> dict[tuple[str, str], Point]:
    return {(p.document, t.id): p for t in evolution.themes for p in t.points}


def evidence_of(point: Point) -> tuple[str, str]:
    """(sentence, location) of the commitment a point's strength was read from."""
    best = representative(point)
    return (best.mention.sentence, best.mention.location) if best else ("", "")


def _reading(point: Point | None) -> str:
    if point is None or not point.present:
        return "absent"
    return f"{point.strength:g} ({point.cue or 'no cue'})"


def _unit(unit: str) -> str:
    """A unit as compared: 5个百分点 and 5百分点 are both percentage points (个 is only the
    measure word), whichever the annotator wrote."""
    return unit.strip().replace("个百分点", "百分点")


def _same_target(gold: GoldTarget, found: Target) -> bool:
    if found.value is None or gold.year != found.year:
        return False
    same_unit = _unit(gold.unit) == _unit(found.unit) or not gold.unit or not found.unit
    return same_unit and math.isclose(gold.value, found.value, rel_tol=1e-6, abs_tol=1e-9)


def _check_theme(tally: _Tally, document: str, gold: GoldTheme, point: Point | None) -> None:
    present = point is not None and point.present
    sentence, location = evidence_of(point) if point is not None else ("", "")
    tally.count(
        "presence",
        present == gold.present,
        Disagreement(
            "presence", document, gold.theme,
            "present" if gold.present else "absent", _reading(point),
            gold.sentence, sentence, location, gold.notes,
        ),
    )  # fmt: skip
    if gold.present and gold.low is not None and gold.high is not None:
        strength = point.strength if point is not None and point.present else None
        ok = strength is not None and gold.low - 1e-9 <= strength <= gold.high + 1e-9
        expected = f"{gold.low:g}" if gold.low == gold.high else f"{gold.low:g}–{gold.high:g}"
        tally.count(
            "strength",
            ok,
            Disagreement(
                "strength", document, gold.theme, f"{expected} ({gold.cue or 'no cue'})",
                _reading(point), gold.sentence, sentence, location, gold.notes,
            ),
        )  # fmt: skip
    found = [t for t in (point.targets if point is not None and point.present else ()) if t.year]
    for target in (t for t in gold.targets if t.year):
        hit = any(_same_target(target, t) for t in found)
        tally.count(
            "target recall",
            hit,
            Disagreement(
                "target recall", document, gold.theme,
                f"{figure_text(target.value)} {target.unit} by {target.year}",
                "; ".join(t.text for t in found) or "none", gold.sentence, sentence, location,
            ),
        )  # fmt: skip
    if gold.present:
        for t in found:
            hit = any(_same_target(g, t) for g in gold.targets)
            tally.count(
                "target precision",
                hit,
                Disagreement(
                    "target precision", document, gold.theme,
                    "; ".join(f"{figure_text(g.value)} {g.unit} by {g.year}" for g in gold.targets) or "none",
                    f"{t.text} ({figure_text(t.value or 0)} {t.unit} by {t.year})", gold.sentence, sentence,
                    location,
                ),
            )  # fmt: skip


def evaluate(golds: Sequence[tuple[Gold, Evolution]]) -> Evaluation:
    """Each gold file against the evolution of the corpus it annotates."""
    tally = _Tally()
    rates: dict[Path, tuple[int, int]] = {}  # one count per corpus, however many files
    unknown: set[str] = set()
    _refuse_repeats([gold for gold, _ in golds])
    for gold, evolution in golds:
        points = _points(evolution)
        readings = {(d.id, t.theme): t for d in gold.documents for t in d.themes}
        held = {d.id for d in evolution.documents}
        known = {t.id for t in evolution.themes}
        for document in gold.documents:
            if document.id not in held:
                raise InputError(gold.path, f"document {document.id!r} is not in {gold.corpus}")
            for theme in document.themes:
                if theme.theme not in known and not theme.present:
                    raise _absent_unknown(gold, document.id, theme.theme)
                if theme.theme not in known:
                    unknown.add(theme.theme)
                _check_theme(tally, document.id, theme, points.get((document.id, theme.theme)))
        for pair in gold.verdicts:
            for name in (pair.before, pair.after):
                if name not in held:
                    raise InputError(gold.path, f"document {name!r} is not in {gold.corpus}")
            for theme_id, expected in pair.themes.items():
                before = points.get((pair.before, theme_id)) or _absent(pair.before, theme_id)
                after = points.get((pair.after, theme_id)) or _absent(pair.after, theme_id)
                if theme_id not in known and expected == Verdict.ABSENT:
                    raise _absent_unknown(gold, f"{pair.before} -> {pair.after}", theme_id)
                if theme_id not in known:
                    unknown.add(theme_id)
                found = compare(before, after)
                allowed = _allowed_verdicts(readings, pair.before, pair.after, theme_id)
                if allowed:
                    tally.count(
                        "verdicts in range",
                        found.verdict in allowed,
                        Disagreement(
                            "verdicts in range", f"{pair.before} -> {pair.after}", theme_id,
                            " or ".join(sorted(v.value for v in allowed)),
                            f"{found.verdict} ({_reading(before)} -> {_reading(after)})",
                        ),
                    )  # fmt: skip
                tally.count(
                    "verdicts",
                    found.verdict == expected,
                    Disagreement(
                        "verdicts", f"{pair.before} -> {pair.after}", theme_id,
                        str(expected),
                        f"{found.verdict} ({_reading(before)} -> {_reading(after)})",
                    ),
                )  # fmt: skip
        agreement = evolution.agreement
        rates[gold.corpus.resolve()] = (agreement.same_level, agreement.compared)
    same, compared = sum(a for a, _ in rates.values()), sum(b for _, b in rates.values())
    return Evaluation(
        tuple(str(gold.path) for gold, _ in golds),
        tuple(Score(name, tally.agreed[name], tally.total[name]) for name in CLASSES),
        tuple(tally.disagreements),
        round(same / compared, 3) if compared else None,
        tuple(sorted(unknown)),
        gold_conflicts([gold for gold, _ in golds]),
        (same, compared) if compared else None,
    )


def _absent_unknown(gold: Gold, where: str, theme_id: str) -> InputError:
    """An absence annotated of a theme the catalogue does not hold: it would agree with
    the tool, which cannot find the theme, by default."""
    return InputError(
        gold.path,
        f"{where}: {theme_id} is no theme of the catalogue, so its absence says nothing "
        "(a misspelt id?)",
    )


def _refuse_repeats(golds: Sequence[Gold]) -> None:
    """One reading of a theme in a document, and one verdict of a theme between two, per
    corpus: given twice (a file named twice, or copied), each would be counted twice."""
    where: dict[tuple[str, ...], Path] = {}
    for gold in golds:
        corpus = str(gold.corpus.resolve())
        # by document, whatever version the reading names: it is scored on the document
        keys = [
            (("reading", corpus, d.id, t.theme), f"{d.id}: {t.theme}")
            for d in gold.documents
            for t in d.themes
        ] + [
            (("verdict", corpus, v.before, v.after, theme), f"{v.before} -> {v.after}: {theme}")
            for v in gold.verdicts
            for theme in v.themes
        ]
        for key, name in keys:
            if key in where:
                earlier = where[key]
                again = (
                    "twice: is the file named twice?"
                    if earlier == gold.path
                    else (f"in {earlier} already")
                )
                raise InputError(gold.path, f"{name} is annotated {again}")
            where[key] = gold.path


def gold_conflicts(golds: Sequence[Gold]) -> tuple[GoldConflict, ...]:
    """The gold verdicts that the annotated levels of their two documents do not give.

    A document's reading may be annotated in another of ``golds`` than its verdicts are
    (the provinces' files take the ministry plan's reading from one file); the first
    annotation of a (document, theme) stands for it."""
    readings: dict[tuple[str, str], GoldTheme] = {}
    for gold in golds:
        for document in gold.documents:
            for theme in document.themes:
                readings.setdefault((document.id, theme.theme), theme)
    out: list[GoldConflict] = []
    for gold in golds:
        for pair in gold.verdicts:
            for theme_id, expected in pair.themes.items():
                a = readings.get((pair.before, theme_id))
                b = readings.get((pair.after, theme_id))
                levels = [_point_level(r) for r in (a, b)]
                if a is None or b is None or any(v is not None and math.isnan(v) for v in levels):
                    continue
                implied = verdict(levels[0], levels[1])[0]
                if implied != expected:
                    out.append(
                        GoldConflict(
                            gold=str(gold.path),
                            document=f"{pair.before} -> {pair.after}",
                            theme=theme_id,
                            expected=str(expected),
                            levels=" -> ".join(_level_text(v) for v in levels),
                            implied=str(implied),
                        )
                    )
    return tuple(out)


def _point_level(reading: GoldTheme | None) -> float | None:
    """The annotated level (None: absent; NaN: present with no level written)."""
    if reading is None or not reading.present:
        return None
    return reading.level if reading.level is not None else math.nan


def _level_text(level: float | None) -> str:
    return "absent" if level is None else f"{level:g}"


def _allowed_verdicts(
    readings: dict[tuple[str, str], GoldTheme], before: str, after: str, theme_id: str
) -> frozenset[Verdict]:
    """The verdicts some pair of acceptable readings of the two documents gives (empty
    when either document's reading of the theme is not annotated)."""
    a, b = readings.get((before, theme_id)), readings.get((after, theme_id))
    if a is None or b is None:
        return frozenset()
    return frozenset(verdict(x, y)[0] for x in _acceptable(a) for y in _acceptable(b))


def _acceptable(reading: GoldTheme) -> list[float | None]:
    """The strengths an annotator accepts, in steps of 0.5 (None: absent)."""
    if not reading.present:
        return [None]
    low = reading.low if reading.low is not None else reading.level
    high = reading.high if reading.high is not None else reading.level
    if low is None or high is None:
        return []
    steps = round((high - low) / 0.5)
    return [low + 0.5 * i for i in range(steps + 1)]


def _absent(document: str, theme_id: str) -> Point:
    """How a theme the catalogue does not hold reads: not mentioned."""
    return Point(document, "", False, None, None, None, None, None, 0, (), (), ())
