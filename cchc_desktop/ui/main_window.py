"""The main window: the office's plans and the selected plan's text; wires actions, no rules."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QSettings, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QFont
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMainWindow, QMessageBox, QWidget

from cchc_desktop import APP_DISPLAY_NAME, __version__
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.template import bundled_template
from cchc_desktop.errors import CchcError
from cchc_desktop.render.plan_html import preview_html
from cchc_desktop.store.database import backup_to
from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.forms.ui_main_window import Ui_MainWindow
from cchc_desktop.ui.messages import show_error
from cchc_desktop.ui.plan_list import PlanListModel

EMPTY_PAGE, PLANS_PAGE = 0, 1


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
        self.statusBar().showMessage(f"Dữ liệu: {db_path}")

        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        """Reload the plans list, keeping (or moving to) a selected plan."""
        summaries = self.repo.plans()
        self.plans.set_plans(summaries)
        self.ui.stack.setCurrentIndex(PLANS_PAGE if summaries else EMPTY_PAGE)
        if summaries:
            row = self.plans.row_of(select) if select is not None else 0
            self.ui.plansView.selectRow(row or 0)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            self.ui.preview.clear()
            return
        self.show_plan(self.plans.plan_id(indexes[0].row()))

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


__all__ = ["MainWindow", "Qt"]
