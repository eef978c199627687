"""The main window: the office's plans and the selected plan's text; wires actions, no rules."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QSettings, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from cchc_desktop import APP_DISPLAY_NAME, __version__
from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.template import bundled_template
from cchc_desktop.errors import CchcError
from cchc_desktop.render.plan_html import preview_html
from cchc_desktop.store.database import backup_to
from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.forms.ui_main_window import Ui_MainWindow
from cchc_desktop.ui.issue_dialog import IssueDialog
from cchc_desktop.ui.messages import show_error
from cchc_desktop.ui.plan_list import PlanListModel

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

EMPTY_PAGE, PLANS_PAGE = 0, 1


@contextmanager
def busy() -> Iterator[None]:
    """An hourglass while a document is written."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class MainWindow(QMainWindow):
    def __init__(self, repo: Repository, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.db_path = db_path
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(APP_DISPLAY_NAME)

        title_font = QFont(self.ui.emptyTitle.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.ui.emptyTitle.setFont(title_font)
        # A wrapped label centred by its layout needs a width and the height that width takes.
        self.ui.emptyText.setFixedWidth(640)
        self.ui.emptyText.setMinimumHeight(self.ui.emptyText.heightForWidth(640))
        paper = QFont(["Times New Roman", "Liberation Serif"])
        paper.setPointSize(13)
        self.ui.preview.document().setDefaultFont(paper)

        self.plans = PlanListModel(self)
        view = self.ui.plansView
        view.setModel(self.plans)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        view.selectionModel().selectionChanged.connect(self._on_selection)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.splitter.setSizes([520, 780])

        self.ui.sampleButton.clicked.connect(self.create_sample)
        self.ui.actionSample.triggered.connect(self.create_sample)
        self.ui.actionBackup.triggered.connect(self.backup)
        self.ui.actionOpenDataFolder.triggered.connect(self.open_data_folder)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self.about)
        self.ui.actionExportPackage.triggered.connect(self.export_package)
        self.ui.actionExportPdf.triggered.connect(self.export_pdf)
        self.ui.actionOpenDocx.triggered.connect(self.open_docx)
        self.ui.actionPrintPreview.triggered.connect(self.print_preview)
        self.ui.actionPrint.triggered.connect(self.print_plan)
        self.ui.actionRecordIssue.triggered.connect(self.record_issue)
        self.ui.actionZip.setChecked(QSettings().value("export/zip", False, type=bool))
        self.ui.actionZip.toggled.connect(lambda on: QSettings().setValue("export/zip", on))
        self.plan_actions = (
            self.ui.actionExportPackage, self.ui.actionExportPdf, self.ui.actionOpenDocx,
            self.ui.actionPrintPreview, self.ui.actionPrint, self.ui.actionRecordIssue,
        )  # fmt: skip
        self.statusBar().showMessage(f"Dữ liệu: {db_path}")

        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.current_plan_id: int | None = None
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        """Reload the plans list, keeping (or moving to) a selected plan."""
        self.current_plan_id: int | None = None
        for action in self.plan_actions:
            action.setEnabled(False)
        summaries = self.repo.plans()
        self.plans.set_plans(summaries)
        self.ui.stack.setCurrentIndex(PLANS_PAGE if summaries else EMPTY_PAGE)
        if summaries:
            row = self.plans.row_of(select) if select is not None else 0
            self.ui.plansView.selectRow(row or 0)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self.current_plan_id = self.plans.plan_id(indexes[0].row()) if indexes else None
        for action in self.plan_actions:
            action.setEnabled(self.current_plan_id is not None)
        if self.current_plan_id is None:
            self.ui.preview.clear()
            return
        self.show_plan(self.current_plan_id)

    def show_plan(self, plan_id: int) -> None:
        try:
            plan = self.repo.plan(plan_id)
            if plan.office_id is None:
                self.ui.preview.setPlainText(plan.title)
                return
            self.ui.preview.setHtml(preview_html(plan, self.repo.office(plan.office_id)))
        except CchcError as error:
            show_error(self, error)

    def create_sample(self) -> None:
        """A sample commune and its plan, adapted from the bundled template."""
        try:
            template = bundled_template()
            office = sample_office(template)
            self.repo.save_office(office)
            plan_id = self.repo.save_plan(sample_plan(template, office))
        except CchcError as error:
            show_error(self, error)
            return
        self.refresh(select=plan_id)
        self.statusBar().showMessage("Đã tạo kế hoạch mẫu của xã Quyết Thắng.", 5000)

    # documents -----------------------------------------------------------------------

    def _current(self) -> tuple[Plan, Office] | None:
        if self.current_plan_id is None:
            return None
        try:
            plan = self.repo.plan(self.current_plan_id)
            if plan.office_id is None:
                raise CchcError("Kế hoạch chưa gắn với cơ quan nào.")
            return plan, self.repo.office(plan.office_id)
        except CchcError as error:
            show_error(self, error)
            return None

    def export_package(self) -> None:
        """The .docx, .xlsx and .pdf into a folder the officer picks (remembered)."""
        current = self._current()
        if current is None:
            return
        plan, office = current
        settings = QSettings()
        start = str(settings.value("export/folder", str(Path.home())))
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục lưu văn bản", start)
        if not folder:
            return
        from cchc_desktop.documents.package import TargetsExistError, export_package
        from cchc_desktop.render.paged import write_plan_pdf

        def write(overwrite: bool) -> list[Path] | None:
            with busy():
                result = export_package(
                    plan,
                    office,
                    Path(folder),
                    pdf_writer=write_plan_pdf,
                    make_zip=self.ui.actionZip.isChecked(),
                    overwrite=overwrite,
                )
            self._report_warnings(result.warnings)
            return result.files

        try:
            try:
                files = write(overwrite=False)
            except TargetsExistError as exists:
                answer = QMessageBox.question(
                    self,
                    "Ghi đè tệp?",
                    f"{exists.message}\n\nGhi đè các tệp này bằng bản mới?",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                files = write(overwrite=True)
        except CchcError as error:
            show_error(self, error)
            return
        settings.setValue("export/folder", folder)
        names = "\n".join(f"• {p.name}" for p in files or [])
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Đã xuất văn bản",
            f"Đã ghi vào {folder}:\n{names}",
            parent=self,
        )
        open_button = box.addButton("Mở thư mục", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    def export_pdf(self) -> None:
        current = self._current()
        if current is None:
            return
        plan, office = current
        from cchc_desktop.documents.package import document_stem
        from cchc_desktop.render.paged import write_plan_pdf

        settings = QSettings()
        start = Path(str(settings.value("export/folder", str(Path.home()))))
        target, _ = QFileDialog.getSaveFileName(
            self, "Xuất PDF", str(start / f"{document_stem('KH', plan, office)}.pdf"), "PDF (*.pdf)"
        )
        if not target:
            return
        try:
            with busy():
                pages = write_plan_pdf(plan, office, Path(target))
        except CchcError as error:
            show_error(self, error)
            return
        settings.setValue("export/folder", str(Path(target).parent))
        self.statusBar().showMessage(f"Đã xuất PDF ({pages} trang): {target}", 8000)

    def open_docx(self) -> None:
        """A working copy of the .docx in the data folder, opened with the default program."""
        current = self._current()
        if current is None:
            return
        plan, office = current
        from cchc_desktop.documents.package import document_stem
        from cchc_desktop.documents.plan_docx import write_plan_docx

        target = self.db_path.parent / "van-ban" / f"{document_stem('KH', plan, office)}.docx"
        try:
            with busy():
                self._report_warnings(write_plan_docx(plan, office, target))
        except CchcError as error:
            show_error(self, error)
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            show_error(
                self,
                CchcError(f"Máy chưa có chương trình mở tệp .docx. Tệp đã được ghi tại:\n{target}"),
            )

    def _printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter  # loaded on first print, not at start

        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # rules print 0.75 pt wide
        printer.setDocName(self.windowTitle())
        return printer

    def print_preview(self) -> None:
        current = self._current()
        if current is None:
            return
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from cchc_desktop.render.paged import paint_parts, plan_parts

        parts = plan_parts(*current)
        dialog = QPrintPreviewDialog(self._printer(), self)
        dialog.setWindowTitle("Xem trước khi in")
        dialog.paintRequested.connect(lambda printer: paint_parts(printer, parts))
        dialog.resize(1100, 760)
        dialog.exec()

    def print_plan(self) -> None:
        current = self._current()
        if current is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog

        from cchc_desktop.render.paged import paint_parts, plan_parts

        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("In kế hoạch")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            with busy():
                paint_parts(printer, plan_parts(*current))

    def record_issue(self) -> None:
        current = self._current()
        if current is None:
            return
        plan, _office = current
        dialog = IssueDialog(plan, date.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.repo.save_plan(dialog.apply())
        except CchcError as error:
            show_error(self, error)
            return
        self.refresh(select=plan.id)

    def _report_warnings(self, warnings: list[str]) -> None:
        if warnings:
            QMessageBox.information(self, "Lưu ý khi xuất văn bản", "\n".join(warnings))

    def backup(self) -> None:
        settings = QSettings()
        folder = str(settings.value("backup/folder", str(Path.home())))
        suggested = str(Path(folder) / f"cchc-saoluu-{self.db_path.stem}.sqlite")
        target, _ = QFileDialog.getSaveFileName(
            self, "Sao lưu dữ liệu", suggested, "Tệp dữ liệu (*.sqlite)"
        )
        if not target:
            return
        try:
            backup_to(self.repo.db, Path(target))
        except CchcError as error:
            show_error(self, error)
            return
        settings.setValue("backup/folder", str(Path(target).parent))
        self.statusBar().showMessage(f"Đã sao lưu vào {target}", 5000)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db_path.parent)))

    def about(self) -> None:
        QMessageBox.about(
            self,
            "Giới thiệu",
            f"<b>{APP_DISPLAY_NAME}</b> — phiên bản {__version__}<br><br>"
            "Lập kế hoạch tuyên truyền cải cách hành chính của xã, phường, đặc khu từ kế hoạch "
            "của thành phố; theo dõi nhiệm vụ; xuất văn bản theo Nghị định 30/2020/NĐ-CP.<br>"
            "Chương trình chạy hoàn toàn trên máy, không cần mạng.<br><br>"
            f"Tệp dữ liệu: {self.db_path}",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
