"""Clean texts built from the raw seeds in tests/data/seeds (web debris removed by hand)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import SEEDS

# seed number -> (first official line starts with, last official line starts with)
_BOUNDS = {
    "000": ("Urban and rural development is an important", "(4) Strengthening training"),
    "001": ("城乡建设是推动绿色发展", "（四）加强培训宣传"),
    "002": ("The CPC Central Committee and the State Council on", "Uphold and strengthen the CPC"),
    "003": ("(2) Establish a city physical", "1. Strengthen overall Party"),
    "004": ("(December 27, 2023)", "(33) Conduct performance"),
}


def clean_text(seed: str) -> str:
    """The official body of seed ``seed``: one paragraph a line, whitespace collapsed."""
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    lines = [
        " ".join(line.replace("[bookmark: _GoBack]", "").split())
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    lines = [line for line in lines if line]
    first, last = _BOUNDS[seed]
    i = next(k for k, line in enumerate(lines) if line.startswith(first))
    j = next(k for k, line in enumerate(lines) if line.startswith(last))
    return "\n".join(lines[i : j + 1]) + "\n"


@pytest.fixture(scope="session")
def seed_text() -> Callable[[str], str]:
    """``seed_text("000")`` -> the clean text of seed 000."""
    return clean_text
