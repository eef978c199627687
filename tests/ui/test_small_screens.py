"""Every window and dialog within the screen at 1366×768 with 100, 125 and 150 % scaling (a
taskbar taken off): the main window maximised, each dialog and wizard page no larger than the
free area less a title bar; a position remembered from a larger screen brought back; the task
panel folds away; the deadline banner wraps instead of widening the window."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from cchc_desktop.core.clock import Clock
from cchc_desktop.ui import settings
from cchc_desktop.ui.screen_fit import FRAME

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clock():
    return Clock.fixed(date(2025, 9, 1))  # the quarter III report is due: the banner shows


def measured(scale: float) -> list[dict]:
    """Each top-level window's frame on a 1366×768 screen at ``scale`` (a fresh process: the
    scale and the screen are fixed when Qt starts)."""
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.gallery", "--measure", "--scale", str(scale)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    return [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5])
def test_every_window_fits_a_1366x768_screen(scale):
    windows = measured(scale)
    assert len(windows) >= 20  # the main window's states, every dialog, every wizard page
    too_big = []
    for window in windows:
        x, y, width, height = window["frame"]
        left, top, room_width, room_height = window["available"]
        # One pixel for the rounding of 1366 / 1.25.
        inside = (
            x >= left and y >= top
            and x + width <= left + room_width + 1 and y + height <= top + room_height + 1
        )  # fmt: skip
        client_width, client_height = window["size"]
        with_title_bar = (
            client_width + FRAME.width() <= room_width
            and client_height + FRAME.height() <= room_height
        )
        if not inside or not (window["maximised"] or with_title_bar):
            too_big.append(f"{window['name']}: {window['size']} on {window['available']}")
    assert not too_big, f"at {scale:.0%}: " + "; ".join(too_big)
    main = next(w for w in windows if w["name"] == "cua-so-chinh-nhiem-vu")
    assert main["maximised"]  # 1366×768 is a small screen at any scale


def test_a_window_remembered_from_a_larger_screen_comes_back_onto_this_one(make_window):
    window = make_window()
    window.resize(1650, 1050)
    window.move(900, 700)
    settings.WINDOW_GEOMETRY.set(window.saveGeometry())
    window.close()
    again = make_window(sample=False, size=None)
    area = again.screen().availableGeometry()
    assert again.width() + FRAME.width() <= area.width()
    assert again.height() + FRAME.height() <= area.height()
    assert area.contains(again.frameGeometry())


def test_a_small_screen_opens_the_main_window_maximised(make_window, qtbot):
    window = make_window(sample=False, size=None)
    assert window.isMaximized()  # the test screen is 800×800
    area = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: area.contains(window.frameGeometry()))


def test_the_task_panel_folds_away_and_comes_back(make_window, qtbot):
    window = make_window()
    qtbot.waitExposed(window)
    splitter = window.tracker.ui.splitter
    action = window.ui.actionTaskPanel
    width = splitter.sizes()[1]
    assert action.isChecked() and width > 0
    window.tracker.ui.panelButton.click()  # the button beside the table
    assert not action.isChecked()
    assert splitter.sizes()[1] == 0
    action.trigger()  # Nhiệm vụ → Khung chi tiết nhiệm vụ
    assert splitter.sizes()[1] == width
    splitter.setSizes([sum(splitter.sizes()), 0])
    splitter.splitterMoved.emit(0, 1)  # dragged shut
    assert not action.isChecked()


def test_a_folded_panel_stays_folded_at_the_next_start(make_window):
    window = make_window()
    window.ui.actionTaskPanel.trigger()
    window.close()
    again = make_window(size=None)
    assert not again.ui.actionTaskPanel.isChecked()
    assert again.tracker.ui.splitter.sizes()[1] == 0


def test_a_long_banner_wraps_rather_than_widening_the_window(make_window):
    window = make_window()
    window.check_deadlines()
    assert window.ui.deadlineBanner.isVisible()
    window.ui.bannerText.setText("Còn 9 ngày đến hạn gửi báo cáo quý III năm 2025. " * 8)
    assert window.ui.deadlineBanner.minimumSizeHint().width() < 600
    assert window.minimumSizeHint().width() < 900


def test_a_remembered_geometry_that_is_not_one_is_ignored(make_window, qtbot):
    settings.WINDOW_GEOMETRY.set(QByteArray(b"not a geometry"))
    window = make_window(sample=False, size=None)
    assert window.isMaximized()  # as on a first start on this small screen
    area = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: area.contains(window.frameGeometry()))
