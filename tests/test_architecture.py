"""The shape of the package: data flows one way, UI libraries stay at the edges, start-up stays light."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import policydiff

PACKAGE = Path(policydiff.__file__).parent

# Lower ranks never import higher ones: raw file -> ingest -> corpus -> structure ->
# themes / strength / alignment -> evolution -> renderers -> CLI. structure is pure text
# analysis that ingest also uses (to find a body and link versions), so it sits below both.
RANKS: dict[str, float] = {
    "models": 0,
    "errors": 0,
    "files": 0,
    "jobs": 0,  # how many processes a --jobs value means
    "tfidf": 0,  # arithmetic on strings and arrays, nothing of ours
    "structure": 1,
    "corpus": 2,
    "ingest": 3,
    "themes": 4,
    "strength": 4,
    "align": 5,
    "commitments": 5,
    "summary": 5,
    "diff": 6,
    "diff_ops": 6,
    "diff_cues": 6,
    "evolution": 6,
    "cache": 6,
    "render": 8,
    # check compares the committed reports with freshly rendered ones, so it sits above render
    "check": 8.5,
    "cli": 9,
    "__main__": 9,
}
UI_LIBRARIES = {"click", "rich", "matplotlib"}
EDGES = {"cli", "render", "__main__"}


def modules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages([str(PACKAGE)], prefix="policydiff."))


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports_of(module: str) -> set[str]:
    relative = module.removeprefix("policydiff.").replace(".", "/")
    path = PACKAGE / f"{relative}.py"
    if not path.exists():
        path = PACKAGE / relative / "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
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


def test_only_cli_and_renderers_import_ui_libraries() -> None:
    wrong = [
        f"{module} imports {imported}"
        for module in modules()
        if stage(module) not in EDGES
        for imported in imports_of(module)
        if imported.split(".")[0] in UI_LIBRARIES
    ]
    assert wrong == []


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


def test_help_imports_neither_scikit_learn_nor_matplotlib() -> None:
    code = (
        "from policydiff.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert _heavy_modules_after(code) == ""


def test_diff_does_not_import_scikit_learn() -> None:
    # align.py computes its TF-IDF itself (policydiff/tfidf.py): scikit-learn's import
    # cost the diff command about a second. Themes discovery still uses it.
    code = "import policydiff.align, policydiff.diff, policydiff.cli.diff"
    assert _heavy_modules_after(code) == "numpy,scipy"
