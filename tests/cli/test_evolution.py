"""`policydiff evolution`: the JSON contract, the terminal views, errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from policydiff.cli import main
from tests.conftest import BUNDLED, DOC_2021, DOC_2023


def run(*args: str):
    return CliRunner(env={"COLUMNS": "80"}).invoke(
        main, ["evolution", "--corpus", str(BUNDLED), *args], catch_exceptions=False
    )


def test_json_contract_and_byte_identical_output() -> None:
    first, second = run("--format", "json"), run("--format", "json")
    assert first.exit_code == 0
    assert first.output == second.output
    data = json.loads(first.output)
    assert [d["id"] for d in data["documents"]][:2] == [DOC_2021, DOC_2023]
    assert set(data["documents"][0]) >= {"id", "title", "date", "languages"}
    theme = next(t for t in data["themes"] if t["id"] == "ultra-low-energy-buildings")
    assert set(theme) >= {"id", "label", "label_zh", "points", "changes"}
    point = theme["points"][0]
    assert set(point) >= {
        "document",
        "date",
        "present",
        "strength",
        "level",
        "cue",
        "evidence",
        "targets",
    }
    assert set(point["evidence"][0]) >= {"lang", "location", "sentence", "cue", "strength"}
    change = theme["changes"][0]
    assert set(change) >= {"from", "to", "verdict", "from_cue", "to_cue", "delta"}
    assert (change["verdict"], change["from_cue"]) == ("strengthened", "大力推广")
    absent = next(p for t in data["themes"] for p in t["points"] if not p["present"])
    assert absent["strength"] is None and absent["level"] is None and absent["cue"] is None


def test_single_theme_json_and_terminal() -> None:
    data = json.loads(run("waste-free-cities", "--format", "json").output)
    assert [t["id"] for t in data["themes"]] == ["waste-free-cities"]
    result = run("waste-free-cities", "--no-color")
    assert result.exit_code == 0
    assert "reach 60%" in result.output and "full coverage" in result.output
    assert "\x1b[" not in result.output
    assert "“无废城市”" in result.output  # the Chinese original is quoted as evidence


def test_overview_fits_80_columns_without_colour_codes() -> None:
    result = run("--no-color")
    assert result.exit_code == 0
    assert " ultra-low-energy-buildings " in result.output  # ids whole: they are typed next
    assert all(len(line) <= 80 for line in result.output.splitlines())
    assert "English/Chinese level agreement" in result.output


def test_unknown_theme_suggests_the_near_id() -> None:
    result = run("waste-free-city")
    assert result.exit_code == 2
    assert result.output.strip().startswith(
        "error: unknown theme 'waste-free-city'; did you mean waste-free-cities"
    )
    assert len(result.output.strip().splitlines()) == 1


def test_a_themes_gap_leads_with_the_comparison_since_its_last_mention() -> None:
    # green buildings are absent from the 2023 Opinions: the 2021 mention is compared with
    # the 2025 one across the gap, the drop and the re-adding of the contract dimmed below
    result = CliRunner(env={"COLUMNS": "200"}).invoke(
        main, ["evolution", "--corpus", str(BUNDLED), "green-buildings", "--no-color"]
    )
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    at = next(k for k, line in enumerate(lines) if line.startswith("→ since this mention"))
    assert lines[at] == (
        "→ since this mention, in 2025-high-quality-development-cities (not mentioned in "
        f"{DOC_2023}): ▼ weakened -0.5 规模化发展 → Vigorously advance"
    )
    assert lines[at + 1] == "document to next document: dropped"
    assert "document to next document: added" in lines[at + 2 :]
    assert not any(line.startswith("→ next") for line in lines)
