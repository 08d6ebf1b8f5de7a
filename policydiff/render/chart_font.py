"""The font the charts draw Chinese with: bundled, so the charts are the same bytes on
every machine (``scripts/make-cjk-font.py`` builds it; ``data/fonts/OFL.txt`` is its
licence). It covers GB 2312 — ordinary Simplified Chinese — and ASCII; a label with a
character beyond it is drawn in English instead, and :func:`undrawable` says which."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

FAMILY = "Policydiff Sans SC"
FILE = "PolicydiffSansSC-Regular.otf"


def font_path() -> Path:
    return Path(str(resources.files("policydiff").joinpath(f"data/fonts/{FILE}")))


@lru_cache(maxsize=1)
def _characters() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # matplotlib's own dependency: no new one

    with TTFont(str(font_path()), lazy=True) as font:
        return frozenset(font.getBestCmap())


def is_cjk(ch: str) -> bool:
    return (
        "\u2e80" <= ch <= "\u9fff"
        or "\uf900" <= ch <= "\ufaff"
        or "\uff00" <= ch <= "\uffef"
        or "\U00020000" <= ch <= "\U0003ffff"
    )


def drawable(text: str) -> bool:
    """Whether every CJK character of ``text`` is in the bundled font (the rest is drawn
    by the Latin face)."""
    have = _characters()
    return all(ord(ch) in have for ch in text if is_cjk(ch))


def undrawable(texts: Iterable[str]) -> set[str]:
    """The CJK characters of ``texts`` the bundled font lacks."""
    have = _characters()
    return {ch for text in texts for ch in text if is_cjk(ch) and ord(ch) not in have}
