"""Exporting a plan's package from the UI: choose the folder (remembered), confirm before
replacing files (read-only ones asked about by name), report what was written and offer to
open the folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from cchc_desktop.core.model import Office, Plan
from cchc_desktop.errors import CchcError, ReadOnlyTargetError
from cchc_desktop.ui.messages import show_error
from cchc_desktop.ui.settings import EXPORT_FOLDER

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from cchc_desktop.core.interchange import PlanHistory


@contextmanager
def busy() -> Iterator[None]:
    """An hourglass while a document is written."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


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
) -> list[Path] | None:
    """The .docx, .xlsx and .pdf of the plan into a folder the officer picks; None when
    nothing was written (cancelled, refused to overwrite, or an error already shown)."""
    folder = QFileDialog.getExistingDirectory(
        parent, "Chọn thư mục lưu văn bản", EXPORT_FOLDER.get()
    )
    if not folder:
        return None
    from cchc_desktop.documents.package import TargetsExistError, export_package
    from cchc_desktop.render.paged import write_plan_pdf

    def write(overwrite: bool, replace_read_only: bool = False) -> tuple[list[Path], list[str]]:
        with busy():
            result = export_package(
                plan, office, Path(folder), pdf_writer=write_plan_pdf, make_zip=make_zip,
                overwrite=overwrite, replace_read_only=replace_read_only, today=today,
                history=history,
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
    except CchcError as error:
        show_error(parent, error)
        return None
    EXPORT_FOLDER.set(folder)
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
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))
    elif print_button is not None and box.clickedButton() is print_button:
        print_plan(parent, plan, office)
    return files


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
