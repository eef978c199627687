"""Nothing lost, in the window: a read-only file shown read-only, one running copy per file, an
edit made meanwhile elsewhere never saved over, a damaged or empty file met with a question,
backups taken each day and restored from the menu."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from cchc_desktop.core.clock import Clock
from cchc_desktop.core.model import TaskStatus
from cchc_desktop.store.backups import backup_folder, daily_backup
from cchc_desktop.store.database import connect
from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.app import set_names, start
from cchc_desktop.ui.backup_dialog import RestoreDialog
from cchc_desktop.ui.main_window import MainWindow
from cchc_desktop.ui.task_table.columns import Col
from tests.ui.test_tracker import proxy_row, select

TODAY = date(2025, 10, 15)


@pytest.fixture
def told(monkeypatch):
    """What the officer is shown in message boxes; questions are answered ``answer``."""
    seen: list[str] = []

    def note(_parent, _title, text, *args, **kwargs):
        seen.append(text)
        return QMessageBox.StandardButton.Yes

    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, note)
    return seen


def sample_file(private_data_dir) -> tuple:
    set_names()
    path = private_data_dir / "cchc.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    window = MainWindow(Repository(connect(path)), path, clock=Clock.fixed(TODAY))
    window.create_sample()
    window.close()
    window.repo.close()
    return path


def open_window(qtbot, path) -> MainWindow:
    window = MainWindow(Repository(connect(path)), path, clock=Clock.fixed(TODAY))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


# read-only --------------------------------------------------------------------------------


def test_a_read_only_file_is_shown_read_only_with_every_edit_off(qtbot, private_data_dir):
    path = sample_file(private_data_dir)
    path.chmod(0o444)
    window = open_window(qtbot, path)
    assert window.windowTitle().endswith("— chỉ đọc")
    badge = window.statusBar().findChild(QLabel, "readOnlyBadge")
    assert badge is not None and badge.text().strip() == "Chỉ đọc"
    assert "thuộc tính chỉ đọc" in badge.toolTip()
    for action in window.write_actions:
        assert not action.isEnabled(), action.text()
    assert not window.ui.newPlanButton.isEnabled()
    # Reading, printing and exporting stay on.
    for action in (window.ui.actionExportPackage, window.ui.actionPrintPreview,
                   window.ui.actionReport):  # fmt: skip
        assert action.isEnabled()
    # The tasks are shown but cannot be edited, in the table or the side panel.
    task_id = select(window, "Tham gia các cuộc thi")
    proxy = window.tracker.proxy
    index = proxy.index(proxy_row(window, "Tham gia các cuộc thi"), Col.STATUS)
    assert not proxy.flags(index) & Qt.ItemFlag.ItemIsEditable
    panel = window.tracker.ui.panel
    assert not panel.ui.statusCombo.isEnabled()
    assert panel.ui.notesEdit.isReadOnly()
    window.tracker.ui.table.selectRow(proxy_row(window, "Cử cán bộ"))  # leaving commits nothing
    assert window.store.tracked_task(task_id).task.status is TaskStatus.NOT_STARTED
    window.close()  # closing saves no settings into the file, and says nothing
    window.repo.close()


# one running copy per file -----------------------------------------------------------------


def test_a_second_start_on_the_same_file_calls_the_first_window_instead(
    qtbot, private_data_dir, told
):
    first = start(["cchc-desktop"])
    assert first is not None
    qtbot.addWidget(first)
    first.show()
    second = start(["cchc-desktop"])
    assert second is None
    assert "đang mở tệp dữ liệu này trong một cửa sổ khác" in told[-1]
    signal = private_data_dir / "cchc.sqlite.mo"
    qtbot.waitUntil(lambda: signal.read_text(encoding="utf-8") != "", timeout=2000)
    first.close()
    first.repo.close()
    assert not signal.exists()  # closing frees the file for the next start
    third = start(["cchc-desktop"])
    assert third is not None
    qtbot.addWidget(third)
    third.close()
    third.repo.close()


def test_the_first_window_comes_forward_when_asked(qtbot, private_data_dir, told):
    first = start(["cchc-desktop"])
    assert first is not None
    qtbot.addWidget(first)
    first.show()
    first.showMinimized()
    assert start(["cchc-desktop"]) is None
    qtbot.waitUntil(lambda: not first.isMinimized(), timeout=3000)
    first.close()
    first.repo.close()


# two windows on one file (a shared folder, or a copy started before the lock existed) ----------


def test_an_edit_made_meanwhile_in_another_window_is_not_saved_over(qtbot, private_data_dir, told):
    path = sample_file(private_data_dir)
    here, there = open_window(qtbot, path), open_window(qtbot, path)
    task_id = select(here, "Tham gia các cuộc thi")
    select(there, "Tham gia các cuộc thi")
    there.tracker.ui.panel.ui.notesEdit.setPlainText("Ghi chú ở máy kia")
    there.tracker.ui.panel.commit()
    assert there.store.tracked_task(task_id).task.notes == "Ghi chú ở máy kia"

    panel = here.tracker.ui.panel
    panel.ui.notesEdit.setPlainText("Ghi chú cũ ở máy này")
    panel.commit()

    assert here.store.tracked_task(task_id).task.notes == "Ghi chú ở máy kia"
    assert "vừa được sửa ở nơi khác" in told[-1]
    assert panel.ui.notesEdit.toPlainText() == "Ghi chú ở máy kia"  # shown again as stored
    assert not here.undo_stack.canUndo()  # nothing refused goes on the stack
    # Another field is free to change: that edit merges with the other window's.
    panel.ui.evidenceEdit.setPlainText("Công văn 45")
    panel.commit()
    stored = here.store.tracked_task(task_id).task
    assert (stored.notes, stored.evidence) == ("Ghi chú ở máy kia", "Công văn 45")
    for window in (here, there):
        window.close()
        window.repo.close()


# files that cannot be opened as they are -----------------------------------------------------


def test_an_empty_data_file_is_started_afresh_only_when_the_officer_agrees(
    qtbot, private_data_dir, monkeypatch
):
    private_data_dir.mkdir(parents=True)
    path = private_data_dir / "cchc.sqlite"
    path.write_bytes(b"")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question",
        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.No,
    )  # fmt: skip
    assert start(["cchc-desktop"]) is None
    assert "trống (0 byte)" in asked[-1]
    assert path.stat().st_size == 0
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = start(["cchc-desktop"])
    assert window is not None
    qtbot.addWidget(window)
    assert window.ui.stack.currentWidget() is window.ui.emptyPage
    window.close()
    window.repo.close()


def test_a_damaged_data_file_can_be_replaced_by_a_backup_and_is_kept_aside(
    qtbot, private_data_dir, monkeypatch, told
):
    path = sample_file(private_data_dir)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        daily_backup(conn, path, date(2025, 10, 14))
        conn.execute("DROP TABLE task_history")
        conn.commit()

    def choose_restore(box):
        assert "thiếu bảng «task_history»" in box.text()
        box.buttons()[0].click()  # "Khôi phục từ bản sao lưu…"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_restore)

    def restore_first(dialog):
        assert dialog.ui.list.count() == 1
        dialog.ui.primaryButton.click()
        return dialog.result()

    monkeypatch.setattr(RestoreDialog, "exec", restore_first)
    window = start(["cchc-desktop"])
    assert window is not None
    qtbot.addWidget(window)
    assert window.ui.plansView.model().rowCount() == 1
    assert "đã được chuyển sang" in told[-1]
    aside = list(private_data_dir.glob("cchc-hong-*.sqlite"))
    assert len(aside) == 1
    window.close()
    window.repo.close()


# backups ---------------------------------------------------------------------------------


def test_the_days_backup_is_taken_once_and_restored_from_the_menu(
    qtbot, private_data_dir, told, monkeypatch
):
    path = sample_file(private_data_dir)
    window = open_window(qtbot, path)
    window.take_daily_backup()
    window.take_daily_backup()
    assert [p.name for p in backup_folder(path).iterdir()] == ["cchc-2025-10-15.sqlite"]
    # The officer deletes the plan by mistake, then restores the morning's copy.
    window.repo.purge_plan(window.repo.plans()[0].id)
    window.refresh()
    assert window.ui.stack.currentWidget() is window.ui.emptyPage

    def restore_first(dialog):
        assert "cchc-2025-10-15.sqlite" in dialog.ui.list.item(0).text()
        assert "bản tự động ngày 15/10/2025" in dialog.ui.list.item(0).text()
        assert "1 kế hoạch" in dialog.ui.list.item(0).text()
        dialog.ui.primaryButton.click()
        return dialog.result()

    monkeypatch.setattr(RestoreDialog, "exec", restore_first)
    window.ui.actionRestoreBackup.trigger()
    assert window.ui.plansView.model().rowCount() == 1
    assert "trước khi khôi phục được giữ" in told[-1]
    kept = list(backup_folder(path).glob("cchc-truoc-khoi-phuc-*.sqlite"))
    assert len(kept) == 1 and Repository(connect(kept[0], create=False)).plans() == []
    window.close()
    window.repo.close()


def test_a_read_only_file_takes_no_backup(qtbot, private_data_dir):
    path = sample_file(private_data_dir)
    path.chmod(0o444)
    window = open_window(qtbot, path)
    window.take_daily_backup()
    assert not backup_folder(path).exists()
    window.close()
    window.repo.close()


def test_the_restore_list_says_when_there_is_no_backup(qtbot, private_data_dir):
    path = sample_file(private_data_dir)
    dialog = RestoreDialog(path, lambda _source: "")
    qtbot.addWidget(dialog)
    assert dialog.ui.list.item(0).text() == "Chưa có bản sao lưu tự động nào."
    assert not dialog.ui.primaryButton.isEnabled()
    assert dialog.result() != QDialog.DialogCode.Accepted
