"""Themes: the catalogue (data), mention finding (rapidfuzz) and discovery (clustering)."""

from __future__ import annotations

from policydiff.themes.catalogue import Catalogue, Theme, load_catalogue, parse_catalogue
from policydiff.themes.discover import (
    Candidate,
    Member,
    discover_candidates,
    write_candidates_yaml,
)
from policydiff.themes.match import (
    Mention,
    ThemeMatrix,
    find_mentions,
    match_sentence,
    theme_matrix,
)
from policydiff.themes.normalize import Normalized, normalize

__all__ = [
    "Candidate",
    "Catalogue",
    "Member",
    "Mention",
    "Normalized",
    "Theme",
    "ThemeMatrix",
    "discover_candidates",
    "find_mentions",
    "load_catalogue",
    "match_sentence",
    "normalize",
    "parse_catalogue",
    "theme_matrix",
    "write_candidates_yaml",
]
