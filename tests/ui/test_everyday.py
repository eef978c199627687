"""Small things an officer meets every day in the main window: Esc in the search box, a long
title edited in a box that shows all of it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cchc_desktop.ui.cell_editor import CellTextEdit
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
