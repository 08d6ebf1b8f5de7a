"""The report: what every renderer shows, and writing all outputs at once.

Renderers read the :class:`~policydiff.evolution.Evolution`; they never score. This
module holds what the Markdown and HTML renderers share (the representative sentence
of a point and its English beside it, the word diffs between consecutive present
points, the "how to read this" text, what a report of a large corpus leaves to
evolution.json: :func:`large_corpus_note`) and :func:`render_report` /
:func:`write_outputs`, which build every file in memory first and then replace each
one atomically, so a failed run leaves the previous reports intact.

Output files: ``index.md``, ``index.html``, ``evolution.json`` and the charts of
:mod:`policydiff.render.charts` (PNG and SVG). No timestamps: same input, same bytes.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path

from policydiff.diff_ops import TokenOp, token_ops
from policydiff.evolution import (
    STRENGTH_MOVES,
    VERDICT_STEP,
    VERDICTS,
    Change,
    Evidence,
    Evolution,
    Point,
    ThemeEvolution,
)
from policydiff.render.periods import MAX_COLUMNS, as_shown, is_large
from policydiff.strength import LEVEL_NAMES
from policydiff.summary import DocumentSummary

REPORT_FILES = ("index.md", "index.html", "evolution.json")
ARROWS = {
    "strengthened": "▲",
    "weakened": "▼",
    "added": "+",
    "dropped": "−",
    "unchanged": "=",
    "absent": "·",
}
LEVEL_MEANINGS = (
    "the theme is mentioned without commitment language",
    "exploratory: the state signals interest (explore, pilot, encourage; 探索 试点 鼓励)",
    "promotion: a task is taken on, pace and scale unspecified (promote, implement; 推动 推进 实施)",
    "intensification: an existing task done faster or harder (accelerate, strengthen; 加快 加强)",
    "scale: the task is to reach everywhere / at scale (vigorously, large-scale; 大力 规模化发展 全覆盖)",
    "binding: an obligation or prohibition without discretion (ensure, must, prohibit; 确保 必须 严禁)",
)
HOW_TO_READ = (
    "Each theme (a policy object such as ultra-low energy buildings / 超低能耗建筑) is followed "
    "through the documents in date order. In each document the theme is present or absent; "
    "when present, the report shows its strongest commitment: the directive wording (the cue) "
    "in the clause that names the theme, read on a six-level ordinal scale.",
    "Strength is approximate. The scale is ordinal: it ranks how much a directive binds and how "
    "far it reaches, not by how much; level differences are not distances.",
    "Manner versus reach: 'vigorously promote' (大力推广) says how hard a task is pursued and "
    "scores 3.5; 'large-scale development' (规模化发展) or 'full coverage' (全覆盖) says how far "
    "its result reaches and scores 4. A dated quantified target adds 0.5 and is listed "
    "separately (★).",
    f"A verdict compares two documents: strengthened / weakened when strength moves by at least "
    f"{VERDICT_STEP:g}, unchanged otherwise, added / dropped when the theme appears or vanishes. "
    "'Since last mention' compares each mention with the theme's previous mention, across "
    "documents that skip it.",
    "Where the corpus holds the Chinese original, strength is scored on it and the English "
    "translation is shown beside it; the agreement section says how often both get one level.",
    "What the scale cannot see: translation flattening (English 'promote' renders 推动, 推进, "
    "促进 and 推广 alike), modal shades (要/应/须), cues far from their object, context beyond "
    "the clause, and amounts of money or area (targets carry those). Caveats under each theme "
    "say where these apply. Read the evidence, not only the number.",
)
STRENGTH_DOC = "docs/strength.md"


def large_corpus_note(ev: Evolution) -> str | None:
    """What a report of many documents leaves to evolution.json (None for a small corpus)."""
    if not is_large(ev):
        return None
    return (
        f"This corpus holds {len(ev.documents)} documents, more than {MAX_COLUMNS}, so this "
        "report is a summary. At a glance shows one column per year (the strongest commitment "
        "of each year). Each theme lists only the documents that mention it, with the sentence "
        "of its strongest commitment; its verdicts from each document to the next are counted, "
        "not listed; its other mentions are counted under each document; and the wording of "
        "the strongest commitment is compared only where its strength moved. Every point, "
        "verdict and mention, each with its sentence and location, is in evolution.json."
    )


@dataclass(frozen=True)
class Glance:
    """The "At a glance" table: one column per document, or per year for a large corpus."""

    shown: Evolution
    by_year: bool

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(d.id if self.by_year else d.date for d in self.shown.documents)

    @property
    def caption(self) -> str:
        if self.by_year:
            return (
                "Strength and level of the strongest commitment in each year, or period of "
                "several years (– absent); changes from each year to the next."
            )
        return "Strength and level per document (– absent); changes from each document to the next."


def glance(ev: Evolution) -> Glance:
    return Glance(*as_shown(ev))


def wording_heading(ev: Evolution) -> str:
    if is_large(ev):
        return "Wording of the strongest commitment, where its strength moved"
    return "Wording of the strongest commitment"


def shown_points(ev: Evolution, theme: ThemeEvolution) -> tuple[Point, ...]:
    """The points a theme's section lists: all of them, or for a large corpus (see
    :func:`large_corpus_note`) those that mention the theme."""
    if not is_large(ev):
        return theme.points
    return tuple(p for p in theme.points if p.present)


def verdict_counts(changes: Sequence[Change]) -> tuple[tuple[str, int], ...]:
    """How many changes have each verdict, in the order of
    :data:`~policydiff.evolution.VERDICTS`, zeros left out."""
    counts = {verdict: 0 for verdict in VERDICTS}
    for change in changes:
        counts[change.verdict] = counts.get(change.verdict, 0) + 1
    return tuple((verdict, n) for verdict, n in counts.items() if n)


@dataclass(frozen=True)
class Quote:
    """One sentence as shown: the theme span marked, and where it stands."""

    document: str
    evidence: Evidence

    @property
    def where(self) -> str:
        return f"{self.document} · {self.evidence.version} · {self.evidence.location}"

    def parts(self) -> tuple[str, str, str]:
        """The sentence cut around the theme span: before, span, after."""
        text = self.evidence.sentence
        start, end = self.evidence.span
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        return text[:start], text[start:end], text[end:]


@dataclass(frozen=True)
class SentenceDiff:
    """The word diff of the representative sentences of two consecutive present points."""

    change: Change
    lang: str
    ops: tuple[TokenOp, ...]
    old_original: str | None  # the Chinese original beside an English diff, when held
    new_original: str | None


def coalesce(ops: Sequence[TokenOp]) -> tuple[TokenOp, ...]:
    """Ops easier to read: changes separated only by whitespace or one short word become
    one replace (all deleted words, then all inserted words)."""
    ops = list(ops)

    def glue(i: int) -> bool:
        op = ops[i]
        return (
            op.op == "equal"
            and 0 < i < len(ops) - 1
            and ops[i - 1].op != "equal"
            and ops[i + 1].op != "equal"
            and len(op.old.split()) <= 1
            and len(op.old.strip()) <= 3
        )

    out: list[TokenOp] = []
    run: list[TokenOp] = []
    for i, op in enumerate(ops):
        if op.op != "equal" or glue(i):
            run.append(op)
            continue
        if run:
            out.append(_joined(run))
            run = []
        out.append(op)
    if run:
        out.append(_joined(run))
    return tuple(out)


def _joined(run: Sequence[TokenOp]) -> TokenOp:
    if len(run) == 1:
        return run[0]
    old = "".join(op.old for op in run)
    new = "".join(op.new for op in run)
    return TokenOp("replace" if old and new else ("delete" if old else "insert"), old, new)


# The charts both reports show, by file stem, with their captions.
CHARTS = (
    ("strength-heatmap", "Strength by theme and document"),
    ("strength-timeline", "Strength over time"),
    ("mentions", "Mentions per theme and document"),
)


def theme_anchor(theme_id: str) -> str:
    return f"theme-{theme_id}"


def number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def delta_text(delta: float | None) -> str:
    if delta is None:
        return ""
    if delta == 0:
        return "±0"
    return f"+{delta:g}" if delta > 0 else f"−{abs(delta):g}"


def target_text(text: str, value: float | None, unit: str, year: int | None) -> str:
    bits = []
    if value is not None:
        bits.append(f"{value:g} {unit}".strip())
    if year is not None:
        bits.append(f"by {year}")
    return f"{text} ({', '.join(bits)})" if bits else text


def representative(point: Point) -> Evidence | None:
    """The evidence the point's strength was read from (its strongest commitment)."""
    if not point.present or not point.evidence:
        return None
    for e in point.evidence:
        if e.lang == point.lang and e.cue == (point.cue or "") and e.strength == point.strength:
            return e
    return point.evidence[0]


def english_beside(point: Point, original: Evidence | None) -> Evidence | None:
    """The English evidence shown beside a Chinese representative sentence."""
    if original is None or original.lang == "en":
        return None
    english = [e for e in point.evidence if e.lang == "en"]
    if point.cue_en is None:  # no counterpart was found: only a sentence of the same provision
        english = [e for e in english if e.provision == original.provision]
    if not english:
        return None

    def rank(e: Evidence) -> tuple[bool, bool]:
        return (e.cue != (point.cue_en or ""), e.provision != original.provision)

    return min(english, key=rank)


def other_evidence(point: Point) -> tuple[Evidence, ...]:
    shown = {id(representative(point)), id(english_beside(point, representative(point)))}
    return tuple(e for e in point.evidence if id(e) not in shown)


def _english_sentence(point: Point) -> tuple[str | None, str | None]:
    """(English sentence, Chinese original) of a present point's representative."""
    rep = representative(point)
    if rep is None:
        return None, None
    if rep.lang == "en":
        return rep.sentence, None
    beside = english_beside(point, rep)
    return (beside.sentence if beside else None), rep.sentence


# The Markdown and HTML renderers both diff every theme's sentences; the same pair of
# sentences also recurs across themes (a sentence names several) and, in a large corpus,
# across documents that repeat each other: each pair is diffed once per process.
_sentence_ops = functools.lru_cache(maxsize=16384)(token_ops)


def sentence_diffs(theme: ThemeEvolution, *, moves_only: bool = False) -> tuple[SentenceDiff, ...]:
    """Diffs between each present point and the theme's previous present point (with
    ``moves_only``, only where the strength moved: strengthened or weakened).

    Both sentences are compared in English when both have it (the Chinese original is
    kept beside); else in Chinese when both are Chinese; else not at all.
    """
    points = {p.document: p for p in theme.points}
    out = []
    for change in theme.since_last:
        if moves_only and change.verdict not in STRENGTH_MOVES:
            continue
        old, new = points[change.from_document], points[change.to_document]
        old_en, old_zh = _english_sentence(old)
        new_en, new_zh = _english_sentence(new)
        if old_en is not None and new_en is not None:
            ops, _ = _sentence_ops(old_en, new_en, "en")
            out.append(SentenceDiff(change, "en", ops, old_zh, new_zh))
        elif old_zh is not None and new_zh is not None:
            ops, _ = _sentence_ops(old_zh, new_zh, "zh")
            out.append(SentenceDiff(change, "zh", ops, None, None))
    return tuple(out)


def level_names() -> tuple[str, ...]:
    return LEVEL_NAMES


# ---------------------------------------------------------------------------
# rendering and writing every output


Step = Callable[[str], None]


def _no_step(_: str) -> None:
    return None


def render_report(
    ev: Evolution,
    summaries: Sequence[DocumentSummary],
    *,
    cjk: bool | None = None,
    step: Step = _no_step,
    jobs: int = 1,
    chart_workers: Executor | None = None,
) -> dict[str, bytes]:
    """Every output file of the report, by file name, in memory.

    With ``jobs`` > 1 (or ``chart_workers``, see
    :func:`~policydiff.render.chart_jobs.chart_workers`) the charts are drawn in other
    processes while the Markdown, the JSON and the HTML are written here (the HTML waits
    for the charts it embeds last).
    """
    from policydiff.render.chart_jobs import chart_files, charts_drawn
    from policydiff.render.evolution_json import evolution_json_bytes
    from policydiff.render.html import report_html
    from policydiff.render.markdown import report_markdown

    step("drawing charts")
    with charts_drawn(ev, cjk=cjk, jobs=jobs, workers=chart_workers) as charts_ready:
        step("writing Markdown")
        markdown = report_markdown(ev, tuple(summaries), charts=chart_files())
        step("writing JSON")
        evolution_json = evolution_json_bytes(ev)
        step("writing HTML")
        html = report_html(ev, tuple(summaries), charts_ready)
        charts = charts_ready()
    files = {
        "index.md": markdown.encode("utf-8"),
        "index.html": html.encode("utf-8"),
        "evolution.json": evolution_json,
    }
    files.update(charts)
    return files


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; reports are for reading
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_outputs(
    files: dict[str, bytes], out_dir: Path, *, wrote: Callable[[Path], None] | None = None
) -> list[Path]:
    """Write every file atomically (all are rendered before the first is written)."""
    written = []
    for name, data in files.items():
        path = out_dir / name
        write_bytes_atomic(path, data)
        written.append(path)
        if wrote is not None:
            wrote(path)
    return written
