"""From the main window to files on disk: export, overwrite, record the number, print."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from cchc_desktop.ui.app import start
from cchc_desktop.ui.issue_dialog import IssueDialog

STEM = "KH-tuyen-truyen-CCHC-6-thang-cuoi-2025-xa-Quyet-Thang"


@pytest.fixture
def window(qtbot, private_data_dir):
    window = start(["cchc-desktop"])
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.ui.sampleButton, Qt.MouseButton.LeftButton)
    yield window
    window.repo.db.close()


@pytest.fixture
def informed(monkeypatch):
    """Message boxes the window shows on success, answered like a user closing them."""
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    return shown


def test_plan_actions_wait_for_a_selected_plan(qtbot, private_data_dir):
    empty = start(["cchc-desktop"])
    qtbot.addWidget(empty)
    assert not empty.ui.actionExportPackage.isEnabled()
    assert not empty.ui.actionPrint.isEnabled()
    empty.repo.db.close()


def test_export_writes_the_package_into_the_chosen_folder_and_remembers_it(
    window, tmp_path, monkeypatch, informed
):
    folder = tmp_path / "gui-len"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    window.ui.actionExportPackage.trigger()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{STEM}.docx", f"{STEM}-phu-luc.xlsx", f"{STEM}.pdf"]
    )
    assert "Đã ghi vào" in informed[0] and f"{STEM}.docx" in informed[0]
    assert QSettings().value("export/folder") == str(folder)


def test_exporting_again_asks_before_overwriting(window, tmp_path, monkeypatch, informed):
    folder = tmp_path / "gui-len"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    window.ui.actionExportPackage.trigger()
    docx_file = folder / f"{STEM}.docx"
    before = docx_file.stat().st_mtime_ns
    asked = []

    def answer(no_or_yes):
        def ask(*args, **kwargs):
            asked.append(args[2])
            return no_or_yes

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    window.ui.actionExportPackage.trigger()
    assert "Ghi đè" in asked[0] and docx_file.stat().st_mtime_ns == before
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.ui.actionExportPackage.trigger()
    assert docx_file.stat().st_mtime_ns != before


def test_recording_the_number_and_date_reaches_later_exports(
    window, qtbot, tmp_path, monkeypatch, informed
):
    plan = window.repo.plan(window.current_plan_id)
    dialog = IssueDialog(plan, date(2025, 8, 20), window)
    qtbot.addWidget(dialog)
    ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.ui.number.setText("5a")
    assert not ok.isEnabled() and "chữ số" in dialog.ui.problem.text()
    dialog.ui.number.setText("5")
    assert ok.isEnabled()
    qtbot.mouseClick(dialog.ui.signed, Qt.MouseButton.LeftButton)
    dialog.ui.issuedOn.setDate(QDate(2025, 8, 5))
    assert dialog.values() == ("5", date(2025, 8, 5)) and dialog.will_issue()

    def fill_and_accept():
        active = QApplication.activeModalWidget()
        active.ui.number.setText("5")
        active.ui.signed.setChecked(True)
        active.ui.issuedOn.setDate(QDate(2025, 8, 5))
        active.accept()

    QTimer.singleShot(0, fill_and_accept)
    window.ui.actionRecordIssue.trigger()
    assert window.plans.index(0, 2).data() == "05/KH-UBND"
    assert window.plans.index(0, 3).data() == "Đã ban hành"

    folder = tmp_path / "ky"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    window.ui.actionExportPackage.trigger()
    document = docx.Document(str(folder / f"{STEM}.docx"))
    number, when = document.tables[0].rows[1].cells
    assert number.text == "Số: 05/KH-UBND"
    assert when.text == "Quyết Thắng, ngày 05 tháng 8 năm 2025"


def test_print_preview_from_the_menu_shows_every_page_and_the_window_survives(window, qtbot):
    """The preview used to get a printer that Python freed while the dialog drew on it."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    seen = []

    def look_and_close():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QPrintPreviewDialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()  # paints through the dialog's printer, as on screen
        seen.append(preview.pageCount())
        dialog.reject()

    QTimer.singleShot(0, look_and_close)
    window.ui.actionPrintPreview.trigger()
    qtbot.wait(50)  # the event loop runs on after the dialog with the printer gone
    assert seen and seen[0] >= 10
    assert window.isVisible() and window.ui.actionPrintPreview.isEnabled()


def test_print_from_the_menu_sends_every_page_to_the_chosen_printer(window, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    target = tmp_path / "in.pdf"

    def choose_a_pdf_printer(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_a_pdf_printer)
    window.ui.actionPrint.trigger()
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 10


def test_the_zip_option_is_remembered_and_adds_one_archive(window, tmp_path, monkeypatch, informed):
    folder = tmp_path / "nen"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    window.ui.actionZip.trigger()
    assert QSettings().value("export/zip", type=bool)
    window.ui.actionExportPackage.trigger()
    assert (folder / f"{STEM}.zip").is_file()


def test_recording_the_number_keeps_a_tracker_edit_still_being_typed(window, qtbot):
    """The number used to be recorded by saving a plan read before the dialog opened,
    reverting a panel edit committed meanwhile (its history saying it changed)."""
    panel = window.tracker.ui.panel
    task_id = window.tracker.selected_task_id()
    panel.ui.notesEdit.setPlainText("Đã gửi bài cho Đài truyền thanh")  # typed, not yet left

    def fill_and_accept():
        dialog = QApplication.activeModalWidget()
        dialog.ui.number.setText("9")
        dialog.ui.signed.setChecked(True)
        dialog.ui.issuedOn.setDate(QDate(2025, 8, 5))
        dialog.accept()

    QTimer.singleShot(0, fill_and_accept)
    window.ui.actionRecordIssue.trigger()
    task = window.store.tracked_task(task_id).task
    assert task.notes == "Đã gửi bài cho Đài truyền thanh"
    assert window.store.history(task_id)[0].new == "Đã gửi bài cho Đài truyền thanh"
    plan = window.repo.plan(window.current_plan_id)
    assert (plan.number, plan.state.value) == ("09", "issued")


def test_a_read_only_file_is_replaced_only_when_the_officer_says_so(
    window, tmp_path, monkeypatch, informed
):
    folder = tmp_path / "gui-len"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    window.ui.actionExportPackage.trigger()
    docx_file = folder / f"{STEM}.docx"
    docx_file.chmod(0o444)
    before = docx_file.stat().st_ino  # the new file takes the old one's place: a new inode
    asked = []

    def answer(reply):
        def ask(*args, **kwargs):
            asked.append(args[2])
            return reply

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    window.ui.actionExportPackage.trigger()
    assert asked == [f"Tệp «{STEM}.docx» đang ở chế độ chỉ đọc. Vẫn ghi đè?"]
    assert docx_file.stat().st_ino == before
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.ui.actionExportPackage.trigger()
    assert len(asked) == 2  # one question, not a second one about overwriting
    assert docx_file.stat().st_ino != before


def test_the_app_start_puts_right_what_a_killed_export_left_in_the_export_folder(
    qtbot, tmp_path, monkeypatch
):
    from cchc_desktop.documents.safe_write import MARKER
    from cchc_desktop.ui import app

    folder = tmp_path / "gui-len"
    killed = folder / "~cchc-dang-ghi-0badf00d"
    killed.mkdir(parents=True)
    (killed / MARKER).write_text("x")
    (killed / f"{STEM}.docx").write_bytes(b"half")
    QSettings().setValue("export/folder", str(folder))
    windows = []

    def start_and_keep(argv):
        windows.append(start(argv))
        qtbot.addWidget(windows[-1])
        return windows[-1]

    monkeypatch.setattr(app, "start", start_and_keep)
    monkeypatch.setattr(app, "skip_dataframe_libraries", lambda: None)
    monkeypatch.setattr(QApplication, "exec", lambda: 0)  # the window is up; no event loop
    assert app.main(["cchc-desktop"]) == 0
    assert list(folder.iterdir()) == []
    windows[0].repo.db.close()
