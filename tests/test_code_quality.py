"""Checks a reviewer would make first, run with the tests so CI enforces them."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cchc_desktop"
QT_FREE = ("core", "store", "documents", "paths.py", "errors.py", "__init__.py")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def qt_free_files() -> list[Path]:
    files = []
    for name in QT_FREE:
        target = PACKAGE / name
        files += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    return [f for f in files if f.exists()]


@pytest.mark.parametrize("path", qt_free_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_core_store_and_documents_never_import_qt(path):
    bad = {
        m for m in imported_modules(path)
        if m.split(".")[0] in {"PySide6", "shiboken6"} or m.startswith("cchc_desktop.ui")
    }  # fmt: skip
    assert not bad, f"{path.name} imports {sorted(bad)}"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_import_contracts_hold():
    """import-linter: the layers of pyproject.toml (ui/cli → store → core, no Qt below ui),
    run by this Python (its lint-imports is not on PATH when the venv is not activated)."""
    found = entry_points(group="console_scripts", name="lint-imports")
    if not found:
        pytest.fail(f"import-linter missing for {sys.executable}: pip install -e '.[test]'")
    (entry,) = found
    call = f"import sys, {entry.module}; sys.exit({entry.module}.{entry.attr}())"
    result = _run(sys.executable, "-c", call)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    result = _run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_leaves_every_file_as_it_is():
    result = _run(sys.executable, "-m", "ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_whole_package():
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_qt_files_match_their_sources():
    """ui/forms/ui_*.py and the .qm translation are regenerated from forms/*.ui and the .ts."""
    result = _run(sys.executable, "tools/build_qt.py", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "path", sorted((PACKAGE / "ui" / "forms").glob("ui_*.py")), ids=lambda p: p.name
)
def test_a_generated_form_imports_only_the_qt_classes_it_uses(path):
    """uic's stock imports made PySide6 build some forty unused classes at start."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    imported = {
        alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.")
        for alias in node.names
    }
    assert imported, "a form always uses some Qt class"
    assert imported <= used, f"unused: {sorted(imported - used)}"


@pytest.mark.parametrize("path", sorted((PACKAGE / "render").glob("*.py")), ids=lambda p: p.name)
def test_rendering_uses_qtgui_never_widgets(path):
    """The PDF renderer runs in the command line too, where there is no widget."""
    bad = {
        m for m in imported_modules(path) if m.startswith(("PySide6.QtWidgets", "cchc_desktop.ui"))
    }
    assert not bad, f"{path.name} imports {sorted(bad)}"
