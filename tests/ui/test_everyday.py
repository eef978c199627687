"""Small things an officer meets every day in the main window: Esc in the search box, a long
title edited in a box that shows all of it, the wheel scrolling the panel past its numbers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cchc_desktop.ui import wheel_guard
from cchc_desktop.ui.cell_editor import CellTextEdit
from cchc_desktop.ui.task_panel import SPIN_COMMIT_MS
from cchc_desktop.ui.task_table.columns import Col

LONG_TITLE = (
    "Tổ chức tuyên truyền sâu rộng về cải cách hành chính, chuyển đổi số và Đề án 06 trên "
    "Cổng thông tin điện tử, trang mạng xã hội của xã, hệ thống truyền thanh cơ sở, các buổi "
    "sinh hoạt của thôn, tổ dân phố và các hội nghị của xã trong năm"
)


@pytest.fixture
def window(make_window):
    return make_window()


def test_escape_clears_the_search_then_returns_to_the_table(window, qtbot):
    tracker = window.tracker
    search = tracker.ui.searchEdit
    window.find_task()
    search.setText("bang ron")
    assert tracker.proxy.rowCount() < tracker.model.rowCount()
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert tracker.proxy.rowCount() == tracker.model.rowCount()
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert tracker.ui.table.hasFocus()


def test_f2_on_a_long_title_opens_a_box_showing_all_of_it(window, qtbot):
    tracker = window.tracker
    table = tracker.ui.table
    table.selectRow(0)
    table.setCurrentIndex(tracker.proxy.index(0, Col.TITLE))
    assert tracker.model.setData(tracker.model.index(0, Col.TITLE), LONG_TITLE)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.viewport().findChild(CellTextEdit)
    assert editor is not None and editor.isVisible()
    assert editor.toPlainText() == LONG_TITLE
    cell = table.visualRect(tracker.proxy.index(0, Col.TITLE))
    assert editor.height() > cell.height()  # several lines, not one scrolled to its end
    assert editor.width() >= cell.width()
    assert table.viewport().rect().contains(editor.geometry())
    assert editor.verticalScrollBar().maximum() == 0  # every word on screen
    editor.setPlainText(LONG_TITLE + " 2025")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not editor.isVisible() or editor.parent() is None
    assert tracker.model.tracked(tracker.selected_task_id()).task.title == LONG_TITLE + " 2025"


def wheel_over(widget, steps: int) -> None:
    """The wheel turned over ``widget`` as a mouse does, through the window system (down:
    negative steps); Qt passes on to the parents only such events."""
    window = widget.window()
    at = QPointF(widget.mapTo(window, widget.rect().center()))
    QTest.wheelEvent(window.windowHandle(), at, QPoint(0, 120 * steps))
    QApplication.processEvents()


def test_the_wheel_over_a_result_count_scrolls_the_panel_and_saves_nothing(
    qapp, make_window, qtbot
):
    wheel_guard.install(qapp)
    window = make_window()
    window.resize(1366, 600)  # the panel needs scrolling
    qtbot.waitExposed(window)
    panel = window.tracker.ui.panel
    window.tracker.ui.table.selectRow(0)
    task_id = window.tracker.selected_task_id()
    history = len(window.store.history(task_id))
    spin = panel.spins["tin"]
    bar = panel.ui.scrollArea.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(0)
    before = spin.value()
    wheel_over(spin.lineEdit(), -3)
    qtbot.wait(SPIN_COMMIT_MS + 100)  # what a changed count would wait to be saved
    assert spin.value() == before
    assert bar.value() > 0
    assert len(window.store.history(task_id)) == history
    assert window.undo_stack.count() == 0


def test_a_count_the_officer_clicked_into_follows_the_wheel(qapp, make_window, qtbot):
    wheel_guard.install(qapp)
    window = make_window()
    qtbot.waitExposed(window)
    window.tracker.ui.table.selectRow(0)
    spin = window.tracker.ui.panel.spins["tin"]
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    spin.setFocus()
    before = spin.value()
    wheel_over(spin.lineEdit(), 2)
    assert spin.value() == before + 2
