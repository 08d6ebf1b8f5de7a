"""Golden files: exact expected outputs kept under tests/golden/.

A golden test fails on any byte of difference. Regenerating takes a deliberate flag::

    POLICYDIFF_REGENERATE_GOLDEN=1 python -m pytest tests/...

after which ``git diff tests/golden`` shows what changed, to be read before keeping it.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("POLICYDIFF_REGENERATE_GOLDEN") == "1"


def assert_golden(path: Path, text: str) -> None:
    """``text`` equals the golden file at ``path`` (written instead under the flag)."""
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.is_file(), f"no golden file {path}; run with POLICYDIFF_REGENERATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, (
        f"{path.name} differs from its golden file; if the change is intended, regenerate "
        "with POLICYDIFF_REGENERATE_GOLDEN=1 and review git diff tests/golden"
    )
