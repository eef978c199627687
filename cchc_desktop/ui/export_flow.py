"""Exporting a plan's package from the UI: choose the folder (remembered), confirm before
replacing files (read-only ones asked about by name), show the progress file by file (Hủy
stops before the next one), report what was written and offer to open the folder."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from cchc_desktop.core.model import Office, Plan
from cchc_desktop.errors import CchcError, ReadOnlyTargetError
from cchc_desktop.ui.messages import show_error
from cchc_desktop.ui.settings import EXPORT_FOLDER

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from cchc_desktop.core.interchange import PlanHistory

PROGRESS_AFTER_MS = 500  # work done sooner than this shows no progress window


@contextmanager
def busy() -> Iterator[None]:
    """An hourglass while a document is written."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class Stopped(Exception):
    """Hủy was pressed between two files: nothing was moved into place."""


@dataclass(frozen=True, slots=True)
class Exported:
    """What an export did, for the status bar."""

    folder: Path
    files: list[Path]  # empty: stopped by the officer, the folder left as it was

    @property
    def note(self) -> str:
        if not self.files:
            return f"Đã dừng xuất văn bản: thư mục {self.folder} giữ nguyên như trước."
        return f"Đã xuất {len(self.files)} tệp vào {self.folder}"


class FileProgress:
    """A progress window while files are written one after another: ``step`` before each,
    ``waiting`` now and then while one is written by another process."""

    def __init__(self, dialog: QProgressDialog, targets: Sequence[Path]) -> None:
        self.dialog = dialog
        self.targets = targets
        self.written = 0

    def step(self, target: Path) -> None:
        if self.dialog.wasCanceled():
            raise Stopped
        self.dialog.setLabelText(
            f"Đang ghi «{target.name}» ({self.written + 1}/{len(self.targets)})…\n"
            "Hủy: dừng trước tệp sau, thư mục giữ nguyên như trước."
        )
        self.dialog.setValue(self.written)  # a modal dialog lets a click on Hủy through here
        self.written += 1

    def waiting(self) -> None:
        """The window repaints and hears Hủy, which stops the file being written elsewhere."""
        QCoreApplication.processEvents()
        if self.dialog.wasCanceled():
            raise Stopped


@contextmanager
def file_progress(parent: QWidget, title: str, targets: Sequence[Path]) -> Iterator[FileProgress]:
    """A progress window while ``targets`` are written one after another, shown when the
    writing lasts more than half a second. The writing happens here, between the window's
    repaints, so Hủy cannot cut a file short: it stops before the next file (or stops the
    PDF a second process paints), and the export then leaves the folder as it was (every
    file is first written aside)."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setRange(0, len(targets))
    dialog.setMinimumDuration(PROGRESS_AFTER_MS)
    dialog.setAutoReset(False)
    try:
        with busy():
            yield FileProgress(dialog, targets)
    finally:
        dialog.close()
        dialog.deleteLater()


def export_plan_documents(
    parent: QWidget,
    plan: Plan,
    office: Office,
    *,
    make_zip: bool = False,
    title: str = "Đã xuất văn bản",
    lead: str = "",
    offer_print: bool = False,
    today: date | None = None,
    history: PlanHistory | None = None,
) -> Exported | None:
    """The .docx, .xlsx and .pdf of the plan into a folder the officer picks; None when
    nothing was tried (no folder chosen, files not to be replaced, or an error already shown)."""
    chosen = QFileDialog.getExistingDirectory(
        parent, "Chọn thư mục lưu văn bản", EXPORT_FOLDER.get()
    )
    if not chosen:
        return None
    folder = Path(chosen)
    from cchc_desktop.documents.package import TargetsExistError, export_package, package_paths
    from cchc_desktop.render.pdf_process import start_plan_pdf

    targets = package_paths(plan, office, folder, make_zip=make_zip).files

    def write(overwrite: bool, replace_read_only: bool = False) -> tuple[list[Path], list[str]]:
        with file_progress(parent, "Đang xuất văn bản", targets) as progress:
            result = export_package(
                plan, office, folder, pdf_writer=start_plan_pdf, make_zip=make_zip,
                overwrite=overwrite, replace_read_only=replace_read_only, today=today,
                history=history, step=progress.step, waiting=progress.waiting,
            )  # fmt: skip
        return result.files, result.warnings

    try:
        try:
            files, warnings = write(overwrite=False)
        except ReadOnlyTargetError as locked:
            names = ", ".join(f"«{p.name}»" for p in locked.files)
            if not _confirm(parent, f"Tệp {names} đang ở chế độ chỉ đọc. Vẫn ghi đè?"):
                return None
            files, warnings = write(overwrite=True, replace_read_only=True)
        except TargetsExistError as exists:
            if not _confirm(parent, f"{exists.message}\n\nGhi đè các tệp này bằng bản mới?"):
                return None
            files, warnings = write(overwrite=True)
    except Stopped:
        return Exported(folder, [])
    except CchcError as error:
        show_error(parent, error)
        return None
    EXPORT_FOLDER.set(str(folder))
    names = "\n".join(f"• {p.name}" for p in files)
    notes = ("\n\nLưu ý:\n" + "\n".join(warnings)) if warnings else ""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        title,
        f"{lead}Đã ghi vào {folder}:\n{names}{notes}",
        parent=parent,
    )
    open_button = box.addButton("Mở thư mục", QMessageBox.ButtonRole.AcceptRole)
    print_button = (
        box.addButton("In kế hoạch…", QMessageBox.ButtonRole.ActionRole) if offer_print else None
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    elif print_button is not None and box.clickedButton() is print_button:
        print_plan(parent, plan, office)
    return Exported(folder, files)


def _confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Ghi đè tệp?",
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def new_printer(doc_name: str) -> QPrinter:
    """A printer laid out at screen resolution, so rules print 0.75 pt wide."""
    from PySide6.QtPrintSupport import QPrinter  # loaded on first print, not at start

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setDocName(doc_name)
    return printer


def print_plan(parent: QWidget, plan: Plan, office: Office) -> None:
    """The print dialog, then the plan through Qt (no office suite needed)."""
    from PySide6.QtPrintSupport import QPrintDialog

    from cchc_desktop.render.paged import paint_parts, plan_parts

    printer = new_printer(plan.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("In kế hoạch")
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        with busy():
            paint_parts(printer, plan_parts(plan, office))
