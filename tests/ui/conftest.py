"""UI tests never block on a modal message box: an unexpected one fails the test. The main
window on a file in the private data folder, on a fixed clock."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from cchc_desktop.core.clock import Clock
from cchc_desktop.store.database import connect
from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.app import set_names
from cchc_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    def fail(*args, **kwargs):
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"unexpected dialog: {texts}")

    for name in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, fail)


@pytest.fixture(autouse=True)
def private_settings(tmp_path):
    """Window sizes and folders remembered by one test are not met by the next (Qt reads
    XDG_CONFIG_HOME once per process)."""
    for kind in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def clock():
    return Clock.fixed(date(2025, 10, 15))  # quarter III is over: the banners task is late


@pytest.fixture
def make_window(qtbot, private_data_dir, clock):
    windows = []

    def make(sample: bool = True, size: tuple[int, int] | None = (1366, 768)) -> MainWindow:
        set_names()
        db_path = private_data_dir / "cchc.sqlite"
        window = MainWindow(Repository(connect(db_path)), db_path, clock=clock)
        qtbot.addWidget(window)
        if sample:
            window.create_sample()
        if size is not None:  # as a test wants it, not as the app opens on the test's screen
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.resize(*size)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.repo.db.close()
