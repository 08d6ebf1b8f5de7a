"""Reading the YAML data files users edit (metadata, theme catalogue, lexicon)."""

from __future__ import annotations

import yaml


def yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's several-line message as one line: 'not valid YAML: … (line 3, column 7)'."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        mark = exc.problem_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        return f"not valid YAML: {exc.problem}{where}"
    return "not valid YAML: " + " ".join(str(exc).split())
