"""The shape of the package: one room per stage, imports pointing one way, no cycles,
UI libraries at the edges, small modules, start-up kept light (docs/architecture.md)."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import policydiff

PACKAGE = Path(policydiff.__file__).parent

# Lower ranks never import higher ones: raw file -> ingest -> corpus -> structure ->
# themes / strength -> analysis -> diff -> check -> renderers -> CLI. The stages at the
# bottom know nothing of policy: records, errors, the atomic writer and process pools,
# the key-value store. structure and strength are pure text analysis that ingest also
# uses (to find a body, keep every line with a directive cue, link versions), so they sit
# below both; textsim compares texts for both.
RANKS: dict[str, float] = {
    "models": 0,
    "errors": 0,
    "runtime": 0.5,
    "cache": 0.5,
    "structure": 1,
    "strength": 1.2,
    "textsim": 1.5,
    "corpus": 2,
    "lineage": 2.5,
    "ingest": 3,
    "themes": 4,
    "analysis": 5,
    "diff": 6,
    "restatement": 6.2,
    "evaluate": 6.5,
    "check": 7,
    "render": 8,
    "cli": 9,
    "__main__": 9,
}
UI_LIBRARIES = {"click", "rich", "matplotlib"}
EDGES = {"cli", "render", "__main__"}
MAX_LINES = 600
MAX_TOP_LEVEL_MODULES = 4


def modules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages([str(PACKAGE)], prefix="policydiff."))


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def path_of(module: str) -> Path:
    relative = module.removeprefix("policydiff.").replace(".", "/")
    path = PACKAGE / f"{relative}.py"
    return path if path.exists() else PACKAGE / relative / "__init__.py"


def imports_of(module: str) -> set[str]:
    """Every policydiff module or other top-level module ``module`` imports, at module
    level or inside a function; ``from package import name`` counts ``package.name``
    when that is a module."""
    known = set(modules())
    tree = ast.parse(path_of(module).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            for alias in node.names:
                if f"{node.module}.{alias.name}" in known:
                    found.add(f"{node.module}.{alias.name}")
    return found


def test_every_module_has_a_rank() -> None:
    unranked = sorted({stage(m) for m in modules()} - set(RANKS) - {"__init__"})
    assert unranked == []


def test_stages_import_only_earlier_stages() -> None:
    wrong = []
    for module in modules():
        own = RANKS.get(stage(module), 0)
        for imported in imports_of(module):
            if imported.startswith("policydiff.") and RANKS.get(stage(imported), 0) > own:
                wrong.append(f"{module} imports {imported}")
    assert wrong == []


def test_no_import_cycle_between_modules() -> None:
    # counting imports inside functions; a package's __init__ importing its own modules
    # to re-export them is not a dependency of those modules on the package
    graph = {
        m: {
            i
            for i in imports_of(m)
            if i in set(modules())
            and i != m
            and not m.startswith(f"{i}.")
            and not (path_of(m).name == "__init__.py" and i.startswith(f"{m}."))
        }
        for m in modules()
    }
    cycles = []
    for start in graph:
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    cycles.append(" -> ".join([*path, nxt]))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    assert cycles == []


def test_only_cli_and_renderers_import_ui_libraries() -> None:
    wrong = [
        f"{module} imports {imported}"
        for module in modules()
        if stage(module) not in EDGES
        for imported in imports_of(module)
        if imported.split(".")[0] in UI_LIBRARIES
    ]
    assert wrong == []


def test_modules_stay_small() -> None:
    long = {m: n for m in modules() if (n := len(path_of(m).read_text().splitlines())) > MAX_LINES}
    assert long == {}


def test_the_top_level_holds_few_plain_modules() -> None:
    plain = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in {"__init__", "__main__"})
    assert len(plain) <= MAX_TOP_LEVEL_MODULES, plain


@pytest.mark.slow
def test_every_module_imports_on_its_own_in_a_fresh_interpreter() -> None:
    script = (
        "import importlib, sys\n"
        f"for name in {[m for m in modules() if m != 'policydiff.__main__']!r}:\n"
        "    for loaded in [m for m in sys.modules if m.startswith('policydiff')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def _heavy_modules_after(code: str) -> str:
    """Which of scikit-learn, matplotlib, SciPy and numpy a fresh interpreter running
    ``code`` has imported, comma-separated."""
    script = (
        f"import sys\n{code}\n"
        "heavy = {'sklearn', 'matplotlib', 'scipy', 'numpy'}\n"
        "print('HEAVY=' + ','.join(sorted({m.split('.')[0] for m in sys.modules} & heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    return result.stdout.strip().splitlines()[-1].removeprefix("HEAVY=")


@pytest.mark.slow
def test_help_imports_neither_scikit_learn_nor_matplotlib() -> None:
    code = (
        "from policydiff.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert _heavy_modules_after(code) == ""


@pytest.mark.slow
def test_diff_does_not_import_scikit_learn() -> None:
    # diff/tfidf.py computes its TF-IDF itself: scikit-learn's import would cost the diff
    # command more than the alignment. Themes discovery still uses it.
    code = "import policydiff.diff, policydiff.diff.align, policydiff.cli.diff"
    assert _heavy_modules_after(code) == "numpy,scipy"
