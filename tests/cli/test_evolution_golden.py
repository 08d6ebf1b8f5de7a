"""Golden files for ``policydiff evolution``: terminal (no colour, 80 columns) and JSON.

English and Chinese evidence side by side; regenerate deliberately with
POLICYDIFF_REGENERATE_GOLDEN=1 (see tests/golden_files.py).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from policydiff.cli import main
from tests.conftest import BUNDLED
from tests.golden_files import GOLDEN, assert_golden

CASES = {
    "overview.txt": ["--no-color"],
    "ultra-low-energy-buildings.txt": ["ultra-low-energy-buildings", "--no-color"],
    "waste-free-cities.txt": ["waste-free-cities", "--no-color"],
    "waste-free-cities.json": ["waste-free-cities", "--format", "json"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_evolution_output_matches_golden_file(name: str) -> None:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(
        main, ["evolution", "--corpus", str(BUNDLED), *CASES[name]]
    )
    assert result.exit_code == 0, result.output
    assert_golden(GOLDEN / "evolution" / name, result.output)
