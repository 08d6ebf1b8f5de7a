"""Themes: the catalogue (data), mention finding (rapidfuzz) and discovery (clustering)."""

from __future__ import annotations

from policydiff.themes.catalogue import Catalogue, Theme, load_catalogue, parse_catalogue
from policydiff.themes.match import (
    Mention,
    ThemeMatrix,
    find_mentions,
    match_sentence,
    theme_matrix,
)
from policydiff.themes.normalize import Normalized, normalize

_DISCOVERY = (
    "Candidate",
    "Member",
    "discover_across_languages",
    "discover_candidates",
    "write_candidates_yaml",
)


def __getattr__(name: str) -> object:
    """Discovery needs scikit-learn, which takes seconds to import: load it on first use."""
    if name in _DISCOVERY:
        from policydiff.themes import discover

        return getattr(discover, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Candidate",
    "Catalogue",
    "Member",
    "Mention",
    "Normalized",
    "Theme",
    "ThemeMatrix",
    "discover_across_languages",
    "discover_candidates",
    "find_mentions",
    "load_catalogue",
    "match_sentence",
    "normalize",
    "parse_catalogue",
    "theme_matrix",
    "write_candidates_yaml",
]
