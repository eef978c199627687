"""`cchc-desktop --smoke` and what the first window imports: a broken or slow start fails CI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_desktop.core import template
from cchc_desktop.errors import CchcError
from cchc_desktop.ui import main_window, smoke

ROOT = Path(__file__).resolve().parents[2]

# Loaded on first use (an export, the wizard), never for the first window.
NOT_AT_START = ("docx", "openpyxl", "lxml", "cchc_desktop.ui.wizard")
# The on-screen preview shares the page numbers of the national format with the exporters;
# these modules are plain constants and arithmetic, without python-docx or openpyxl.
DOCUMENTS_FOR_PREVIEW = {
    "cchc_desktop.documents",
    "cchc_desktop.documents.layout",
    "cchc_desktop.documents.metrics",
}
QT_AT_START = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"}
# A returning start only reads: sqlite-utils waits for the first write, the plan's text for its
# tab, the template and the sample for their button.
NOT_AT_RETURNING_START = (
    *NOT_AT_START,
    "sqlite_utils",
    "cchc_desktop.render",
    "cchc_desktop.core.template",
    "cchc_desktop.core.sample",
)


def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter on this checkout, offscreen, with its own data and settings."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        CCHC_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_smoke_run_shows_the_sample_plan_and_succeeds(qapp, capsys, private_data_dir):
    assert smoke.run(["cchc-desktop", "--smoke"]) == 0
    assert "ok" in capsys.readouterr().out
    assert not private_data_dir.exists(), "the smoke run must not touch the user's data folder"


def test_a_dialog_during_the_smoke_run_fails_it_instead_of_waiting_for_a_click(
    qapp, capsys, monkeypatch
):
    def broken_template():
        raise CchcError("Mẫu kế hoạch bị hỏng.")

    monkeypatch.setattr(template, "bundled_template", broken_template)
    assert smoke.run(["cchc-desktop", "--smoke"]) == 1
    assert "Mẫu kế hoạch bị hỏng." in capsys.readouterr().err


def test_an_exception_inside_a_slot_fails_the_smoke_run(qapp, capsys, monkeypatch):
    def broken_preview(*_args):
        raise ValueError("preview exploded")

    monkeypatch.setattr(main_window.MainWindow, "show_plan", broken_preview)
    assert smoke.run(["cchc-desktop", "--smoke"]) == 1
    assert "preview exploded" in capsys.readouterr().err


def test_without_a_console_the_failure_goes_to_a_log_file(qapp, monkeypatch, tmp_path):
    """A windowed Windows build has sys.stderr = None; the build script reads this file."""
    log = tmp_path / "cchc-desktop-smoke.log"
    monkeypatch.setattr(smoke, "LOG_WHEN_NO_CONSOLE", log)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(main_window.MainWindow, "show_plan", lambda *_: 1 / 0)
    assert smoke.run(["cchc-desktop", "--smoke"]) == 1
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")


def test_python_m_cchc_desktop_smoke_exits_0_in_a_fresh_process(tmp_path):
    result = run_python(
        "import runpy, sys; sys.argv = ['cchc-desktop', '--smoke']; "
        "runpy.run_module('cchc_desktop', run_name='__main__')",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "cchc-desktop --smoke: ok" in result.stdout
    assert not (tmp_path / "data").exists()


def test_a_broken_start_makes_the_smoke_process_exit_non_zero_with_the_error(tmp_path):
    result = run_python(
        "import sys; import cchc_desktop.core.sample as m; m.sample_plan = None; "
        "from cchc_desktop.ui.app import main; sys.exit(main(['cchc-desktop', '--smoke']))",
        tmp_path,
    )
    assert result.returncode == 1
    assert "TypeError" in result.stderr


def sample_database(path: Path) -> Path:
    from cchc_desktop.core.sample import sample_office, sample_plan
    from cchc_desktop.core.template import bundled_template
    from cchc_desktop.store.database import open_database
    from cchc_desktop.store.repository import Repository

    repo = Repository(open_database(path))
    office = sample_office(bundled_template())
    repo.save_office(office)
    repo.save_plan(sample_plan(bundled_template(), office))
    repo.close()
    return path


def modules_after_smoke(tmp_path: Path, *args: str) -> list[str]:
    """sys.modules once the main window has shown its plan and been painted."""
    result = run_python(
        "import json, sys; from cchc_desktop.ui import smoke; "
        f"code = smoke.run(['cchc-desktop', '--smoke', *{list(args)!r}]); "
        "print('MODULES=' + json.dumps(sorted(sys.modules))); sys.exit(code)",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("MODULES="))
    return list(json.loads(line.removeprefix("MODULES=")))


@pytest.fixture(scope="module")
def modules_after_first_window(tmp_path_factory) -> list[str]:
    return modules_after_smoke(tmp_path_factory.mktemp("modules"))


@pytest.fixture(scope="module")
def modules_after_returning_start(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("returning")
    return modules_after_smoke(folder, "--db", str(sample_database(folder / "kept.sqlite")))


def test_the_smoke_run_on_a_copy_of_a_database_shows_its_plan_and_leaves_it_untouched(
    qapp, capsys, tmp_path
):
    path = sample_database(tmp_path / "cua-xa.sqlite")
    before = path.read_bytes()
    assert smoke.run(["cchc-desktop", "--smoke", "--db", str(path)]) == 0
    assert "ok" in capsys.readouterr().out
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cua-xa.sqlite"]


def test_the_smoke_run_on_a_missing_or_empty_database_fails_with_a_reason(qapp, capsys, tmp_path):
    assert smoke.run(["cchc-desktop", "--smoke", "--db", str(tmp_path / "khong-co.sqlite")]) == 1
    assert "khong-co.sqlite" in capsys.readouterr().err
    from cchc_desktop.store.database import connect

    connect(tmp_path / "trong.sqlite").close()
    assert smoke.run(["cchc-desktop", "--smoke", "--db", str(tmp_path / "trong.sqlite")]) == 1
    assert "chưa có kế hoạch nào" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "trống (0 byte)"),
        (b"PK\x03\x04 a renamed Word file" * 40, "không phải tệp dữ liệu"),
    ],
)
def test_the_smoke_run_names_the_officers_file_in_one_line_without_a_traceback(
    qapp, capsys, tmp_path, content, words
):
    path = tmp_path / "cua-xa.sqlite"
    path.write_bytes(content)
    assert smoke.run(["cchc-desktop", "--smoke", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert words in err and f"«{path}»" in err
    assert "Traceback" not in err and "cchc-smoke-" not in err
    assert err.count("\n") == 1
    assert path.read_bytes() == content


def test_the_smoke_run_on_a_damaged_database_says_so(qapp, capsys, tmp_path):
    import sqlite3

    path = sample_database(tmp_path / "cua-xa.sqlite")
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE task_history")
    conn.close()
    assert smoke.run(["cchc-desktop", "--smoke", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "thiếu bảng «task_history»" in err and str(path) in err
    assert "Traceback" not in err


@pytest.mark.parametrize("package", NOT_AT_RETURNING_START)
def test_a_returning_start_does_not_import(modules_after_returning_start, package):
    loaded = [
        m for m in modules_after_returning_start if m == package or m.startswith(package + ".")
    ]
    assert not loaded, f"{package} is imported at a returning start: {loaded[:5]}"


@pytest.mark.parametrize("package", NOT_AT_START)
def test_the_first_window_does_not_import(modules_after_first_window, package):
    loaded = [m for m in modules_after_first_window if m == package or m.startswith(package + ".")]
    assert not loaded, f"{package} is imported at start: {loaded[:5]}"


def test_the_first_window_loads_no_exporter(modules_after_first_window):
    documents = {m for m in modules_after_first_window if m.startswith("cchc_desktop.documents")}
    assert documents <= DOCUMENTS_FOR_PREVIEW


def test_the_first_window_uses_only_qtcore_qtgui_and_qtwidgets(modules_after_first_window):
    qt = {m for m in modules_after_first_window if m.startswith("PySide6.Qt")}
    assert qt == QT_AT_START
