"""Which text the charts draw: Chinese only where the bundled CJK font can draw it, and
a theme label shortened to its room with its Chinese term kept whole (:mod:`.charts`
draws them)."""

from __future__ import annotations

from dataclasses import dataclass

from policydiff.analysis.model import Point, ThemeEvolution
from policydiff.render import chart_font

CUE_CHARS = 20  # cue text in a heatmap cell is cut to this many characters
# the least of a theme's English kept beside its Chinese term, so the label still reads
MIN_ENGLISH_CHARS = 12


@dataclass(frozen=True)
class Labels:
    """Which text the charts draw: Chinese only when a CJK font can draw it."""

    cjk: bool
    by_year: bool = False  # the document axis holds years (see aggregate_by_year)

    def theme(self, theme: ThemeEvolution, limit: int | None = None) -> str:
        """The theme's label, at most ``limit`` characters: when it must be shortened, the
        English is, and the Chinese term stays whole (the term is what a reader of the
        original looks for)."""
        chinese = theme.label_zh if self.cjk and theme.label_zh else ""
        if chinese and not chart_font.drawable(chinese):
            chinese = ""
        if not chinese:
            return theme.label if limit is None else truncate(theme.label, limit)
        label = f"{theme.label} {chinese}"
        if limit is None or len(label) <= limit:
            return label
        room = max(limit - len(chinese) - 1, MIN_ENGLISH_CHARS)
        return f"{truncate(theme.label, room)} {chinese}"

    def cue(self, point: Point) -> str:
        """The cue of a present point as drawn: the original, else its English rendering."""
        original = (self.cjk and chart_font.drawable(point.cue or "")) or point.lang != "zh"
        cue = (point.cue if original else point.cue_en) or ""
        if not cue:
            return "(no cue)" if point.lang != "zh" or self.cjk else "(zh cue)"
        return truncate(cue, CUE_CHARS)


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _has_cjk(text: str) -> bool:
    return any(chart_font.is_cjk(ch) for ch in text)


def safe(text: str, labels: Labels) -> str:
    """Never hand a glyph the font cannot draw to matplotlib."""
    if not _has_cjk(text) or (labels.cjk and chart_font.drawable(text)):
        return text
    drawable = chart_font.drawable if labels.cjk else (lambda _: False)
    return "".join("?" if _has_cjk(ch) and not drawable(ch) else ch for ch in text)
