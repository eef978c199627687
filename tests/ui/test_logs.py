"""The log an officer sends to support: in the data folder, each line timed, never growing
past a few megabytes, and one menu click away."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from cchc_desktop.ui import logs
from cchc_desktop.ui.app import start


@pytest.fixture
def window(qtbot, private_data_dir):
    window = start(["cchc-desktop"])
    assert window is not None
    qtbot.addWidget(window)
    yield window
    window.repo.db.close()
    for handler in [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_each_line_of_the_log_says_when_it_was_written(window, private_data_dir):
    logging.getLogger("cchc_desktop").warning("Không ghi được tệp")
    line = (private_data_dir / "cchc.log").read_text(encoding="utf-8").splitlines()[-1]
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} WARNING cchc_desktop: ", line)
    assert line.endswith("Không ghi được tệp")


def test_the_log_rotates_at_one_megabyte_keeping_three_older_files(window, private_data_dir):
    log = logging.getLogger("cchc_desktop")
    for _ in range(5 * 1100):
        log.info("x" * 1000)
    files = sorted(p.name for p in private_data_dir.glob("cchc.log*"))
    assert files == ["cchc.log", "cchc.log.1", "cchc.log.2", "cchc.log.3"]
    assert all(p.stat().st_size <= logs.MAX_BYTES for p in private_data_dir.glob("cchc.log*"))


def test_starting_again_on_another_folder_logs_there_only(window, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    assert logs.install(other) == other / "cchc.log"
    assert logs.install(other) == other / "cchc.log"
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert [h.baseFilename for h in handlers] == [str(other / "cchc.log")]


def test_help_opens_the_folder_of_the_log(window, private_data_dir, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.ui.actionOpenLogFolder.trigger()
    assert opened == [QUrl.fromLocalFile(str(private_data_dir))]
    assert window.ui.actionOpenLogFolder in window.ui.menuHelp.actions()
