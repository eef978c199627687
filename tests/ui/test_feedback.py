"""What the officer is told after a save, an edit, an undo or an export: a line in the status
bar that stays until the next thing (with a link to the folder written to), and a progress
window while an export writes its files, whose Hủy stops before the next file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from cchc_desktop.core.model import TaskStatus
from cchc_desktop.ui import export_flow
from cchc_desktop.ui.task_table.columns import Col


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def folder(monkeypatch, tmp_path):
    """The folder picked for an export; the message box that follows closes at once."""
    chosen = tmp_path / "van-ban"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(chosen))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    return chosen


@pytest.fixture
def opened(monkeypatch):
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def test_an_edit_and_its_undo_are_said_in_the_status_bar(window):
    model = window.tracker.model
    assert model.setData(model.index(1, Col.STATUS), TaskStatus.DONE.value)
    assert window.note.text().startswith("Đã lưu: Sửa trạng thái «")
    window.ui.actionUndo.trigger()
    assert window.note.text().startswith("Đã hoàn tác: Sửa trạng thái «")
    window.ui.actionRedo.trigger()
    assert window.note.text().startswith("Đã làm lại: Sửa trạng thái «")


def test_an_export_names_its_files_and_folder_with_a_link_that_opens_it(window, folder, opened):
    window.ui.actionExportPackage.trigger()
    assert len(list(folder.iterdir())) == 3
    note = window.note.text()
    assert note.startswith(f"Đã xuất 3 tệp vào {folder}")
    link = QUrl.fromLocalFile(str(folder)).toString()
    assert f'<a href="{link}">Mở thư mục</a>' in note
    window.note.linkActivated.emit(link)  # the click on "Mở thư mục"
    assert opened == [QUrl(link)]


def test_cancelling_between_files_leaves_the_folder_as_it_was(window, folder, monkeypatch, qtbot):
    from cchc_desktop.documents import nd30

    old = folder / "cu.txt"
    old.write_text("giữ nguyên", encoding="utf-8")
    monkeypatch.setattr(export_flow, "PROGRESS_AFTER_MS", 0)
    write_docx = nd30.write_docx
    seen: list[str] = []

    def docx_then_cancel(outline, target):
        progress = window.findChild(QProgressDialog)
        seen.append(progress.labelText())
        progress.cancel()  # Hủy, pressed while the first file is written
        return write_docx(outline, target)

    monkeypatch.setattr(nd30, "write_docx", docx_then_cancel)
    window.ui.actionExportPackage.trigger()
    assert seen and seen[0].startswith("Đang ghi «KH-") and "(1/3)" in seen[0]
    assert sorted(p.name for p in folder.iterdir()) == ["cu.txt"]  # nothing new, nothing left
    assert window.note.text().startswith(f"Đã dừng xuất văn bản: thư mục {folder} giữ nguyên")
    assert (
        window.findChild(QProgressDialog) is None
        or not window.findChild(QProgressDialog).isVisible()
    )


def test_a_backup_says_where_it_went(window, monkeypatch, tmp_path):
    target = tmp_path / "usb" / "cchc-saoluu.sqlite"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    window.ui.actionBackup.trigger()
    assert target.is_file()
    assert window.note.text().startswith(f"Đã sao lưu vào {target}")
    assert "Mở thư mục" in window.note.text()


@pytest.fixture
def pdf_apart(monkeypatch):
    """Every plan counts as big: its PDF is painted by a second process; the processes
    started, as started."""
    import subprocess

    from cchc_desktop.render import pdf_process

    monkeypatch.setattr(pdf_process, "APART_FROM_ROWS", 1)
    started: list[subprocess.Popen] = []
    popen = subprocess.Popen

    def recording(*args, **kwargs):
        started.append(popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", recording)
    return started


def test_a_big_plans_export_has_its_pdf_painted_beside_and_says_so(window, folder, pdf_apart):
    window.ui.actionExportPackage.trigger()
    assert [p.returncode for p in pdf_apart] == [0]
    assert sorted(p.suffix for p in folder.iterdir()) == [".docx", ".pdf", ".xlsx"]
    assert window.note.text().startswith(f"Đã xuất 3 tệp vào {folder}")


def test_hủy_stops_the_pdf_being_painted_beside(window, folder, monkeypatch, pdf_apart):
    monkeypatch.setattr(export_flow, "PROGRESS_AFTER_MS", 0)

    def cancel_at_xlsx(*_args, **_kwargs):
        window.findChild(QProgressDialog).cancel()  # Hủy, pressed while the .xlsx is written
        return []

    def kept_back(job, outline):  # the second process waits for its job all along
        job.outline = outline

    monkeypatch.setattr("cchc_desktop.documents.appendix_xlsx.write_appendix_xlsx", cancel_at_xlsx)
    monkeypatch.setattr("cchc_desktop.render.pdf_process.PdfJob.send", kept_back)
    window.ui.actionExportPackage.trigger()
    [process] = pdf_apart
    assert process.returncode is not None and process.returncode != 0  # stopped, not finished
    assert not Path(process.args[-1]).exists()  # its job folder removed
    assert list(folder.iterdir()) == []
    assert window.note.text().startswith(f"Đã dừng xuất văn bản: thư mục {folder} giữ nguyên")


def test_hủy_while_the_pdf_is_awaited_stops_it_at_once(
    window, folder, monkeypatch, pdf_apart, qtbot
):
    """The .docx and .xlsx are written; the PDF's process is still at work (here: waiting
    for its job all along). The window repaints meanwhile, and Hủy stops it."""
    import time

    from PySide6.QtCore import QTimer

    monkeypatch.setattr(export_flow, "PROGRESS_AFTER_MS", 0)

    def kept_back(job, outline):
        job.outline = outline

    def press_hủy_soon(target):
        if target.suffix == ".pdf":
            QTimer.singleShot(300, lambda: window.findChild(QProgressDialog).cancel())

    monkeypatch.setattr("cchc_desktop.render.pdf_process.PdfJob.send", kept_back)
    step = export_flow.FileProgress.step

    def step_and_watch(progress, target):
        step(progress, target)
        press_hủy_soon(target)

    monkeypatch.setattr(export_flow.FileProgress, "step", step_and_watch)
    began = time.monotonic()
    window.ui.actionExportPackage.trigger()
    assert time.monotonic() - began < 10  # not the minutes of a job that never comes
    [process] = pdf_apart
    assert process.returncode is not None and process.returncode != 0
    assert list(folder.iterdir()) == []
    assert window.note.text().startswith(f"Đã dừng xuất văn bản: thư mục {folder} giữ nguyên")
