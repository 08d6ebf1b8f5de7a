"""Files users edit or read: YAML problems in one line, text written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml


def yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's several-line message as one line: 'not valid YAML: … (line 3, column 7)'."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        mark = exc.problem_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        return f"not valid YAML: {exc.problem}{where}"
    return "not valid YAML: " + " ".join(str(exc).split())


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to a temporary file beside ``path`` and rename it into place, so a
    failed write leaves the old file (or none) rather than half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
