"""The theme catalogue: bundled data, validation, extra files overriding by id."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff.errors import InputError
from policydiff.themes import Catalogue, Theme, load_catalogue, parse_catalogue
from policydiff.themes.catalogue import corpus_catalogue

REQUIRED = [
    "green-buildings",
    "ultra-low-energy-buildings",
    "prefabricated-buildings",
    "waste-free-cities",
    "sponge-cities",
    "garbage-classification",
    "existing-building-retrofit",
    "urban-renewal",
    "urban-health-check",
    "old-community-renovation",
    "carbon-peaking",
    "city-information-model",
    "renewable-energy-in-buildings",
    "historical-cultural-protection",
    "smart-cities",
    "urban-villages",
    "complete-communities",
    "good-housing",
]


def test_bundled_catalogue_has_required_themes() -> None:
    cat = load_catalogue()
    assert isinstance(cat, Catalogue)
    for theme_id in REQUIRED:
        theme = cat.get(theme_id)
        assert isinstance(theme, Theme), theme_id
        assert theme.label and theme.label_zh and theme.en and theme.zh
    assert len(set(cat.ids)) == len(cat.ids) >= 40
    assert cat.get("no-such-theme") is None


def test_bundled_terms_and_excludes() -> None:
    cat = load_catalogue()
    assert "无废城市" in cat.get("waste-free-cities").zh  # type: ignore[union-attr]
    assert "城市体检" in cat.get("urban-health-check").zh  # type: ignore[union-attr]
    assert cat.get("ultra-low-energy-buildings").exclude_en  # type: ignore[union-attr]
    assert cat.get("prefabricated-buildings").exclude_en  # type: ignore[union-attr]


def _write(tmp_path: Path, text: str, name: str = "themes.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extra_files_override_and_extend(tmp_path: Path) -> None:
    first = _write(
        tmp_path,
        "themes:\n"
        "  - {id: sponge-cities, label: Sponge, label_zh: 海绵, en: [spongy town], zh: [海]}\n"
        "  - {id: tree-planting, label: Trees, label_zh: 植树, en: [tree planting], zh: [植树]}\n",
        "a.yaml",
    )
    second = _write(
        tmp_path,
        "themes:\n  - {id: tree-planting, label: Trees 2, label_zh: 植树, en: [afforestation]}\n",
        "b.yaml",
    )
    base = load_catalogue()
    cat = load_catalogue([first, second])
    assert cat.get("sponge-cities").en == ("spongy town",)  # type: ignore[union-attr]
    assert cat.ids.index("sponge-cities") == base.ids.index("sponge-cities")
    assert cat.get("tree-planting").label == "Trees 2"  # type: ignore[union-attr]
    assert cat.ids[-1] == "tree-planting"
    assert len(cat) == len(base) + 1


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("themes: [", "not valid YAML"),
        ("other: []", "missing top-level key 'themes'"),
        ("themes: {a: 1}", "must be a list"),
        ("themes: [{label: x, label_zh: y, en: [a]}]", "theme #1 has no 'id' (a lower-case slug)"),
        ("", "holds no theme"),
        ("themes: []", "holds no theme"),
        ("themes: [{id: Bad Id, label: x, label_zh: y, en: [a]}]", "slug"),
        ("themes: [{id: a, label_zh: y, en: [a]}]", "missing required key 'label'"),
        ("themes: [{id: a, label: x, label_zh: y}]", "at least one"),
        ("themes: [{id: a, label: x, label_zh: y, en: 3}]", "list of non-empty strings"),
        ("themes: [{id: a, label: x, label_zh: y, en: [a], colour: red}]", "unknown key"),
        ("themes: [{id: a, label: x, label_zh: y, en: [a], exclude: [b]}]", "mapping"),
        ("themes: [{id: a, label: x, label_zh: y, en: [a], exclude: {fr: [b]}}]", "language"),
        ("themes: [{id: a, label: x, label_zh: y, en: [a], other_indicators: [b]}]", "mapping"),
        ("themes: [{id: a, label: x, label_zh: y, en: [a], patterns: {en: ['(']}}]", "regular"),
        (
            "themes:\n  - {id: a, label: x, label_zh: y, en: [a]}\n"
            "  - {id: a, label: x, label_zh: y, en: [b]}\n",
            "duplicate theme id 'a'",
        ),
    ],
)
def test_invalid_catalogue_names_the_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as info:
        load_catalogue([path])
    assert info.value.path == str(path)
    assert problem in info.value.problem


def test_the_corpus_file_may_stand_empty(tmp_path: Path) -> None:
    (tmp_path / "themes.yaml").write_text("", encoding="utf-8")
    assert corpus_catalogue(tmp_path).themes == load_catalogue().themes


def test_missing_extra_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_catalogue([tmp_path / "nope.yaml"])


def test_other_indicators_are_read_per_language() -> None:
    [theme] = parse_catalogue(
        "- {id: x, label: X, label_zh: 叉, zh: [叉叉], other_indicators: {zh: [排放量], en: [discharge]}}\n"
    )
    assert theme.other_indicators("zh") == ("排放量",)
    assert theme.other_indicators("en") == ("discharge",)


def test_parse_catalogue_accepts_bare_list() -> None:
    themes = parse_catalogue("- {id: x, label: X, label_zh: 叉, zh: [叉叉]}\n")
    assert themes[0].zh == ("叉叉",) and themes[0].en == ()
