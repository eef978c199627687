"""Two lists of plans kept aside: the bin (plans deleted, to restore or remove for good) and
a plan's issued versions (its text as signed, to export again)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QMessageBox, QWidget

from cchc_desktop.core.clock import local_text
from cchc_desktop.core.timewords import format_date_vn
from cchc_desktop.errors import CchcError
from cchc_desktop.store.repository import PlanVersion, Repository
from cchc_desktop.ui.forms.ui_plan_list_dialog import Ui_PlanListDialog
from cchc_desktop.ui.guide import set_topic
from cchc_desktop.ui.messages import show_error

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DeletedPlansDialog(QDialog):
    """The plans moved to the bin: restore one, or remove it for good."""

    def __init__(self, repo: Repository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanListDialog()
        self.ui.setupUi(self)
        self.repo = repo
        self.restored: int | None = None
        self.setWindowTitle("Kế hoạch đã xóa")
        set_topic(self, "ke-hoach-da-xoa")
        self.ui.intro.setText(
            "Các kế hoạch đã xóa được giữ ở đây cùng nhiệm vụ và kết quả theo dõi. Chọn một kế "
            "hoạch để khôi phục, hoặc xóa hẳn (không lấy lại được)."
        )
        self.ui.primaryButton.setText("&Khôi phục")
        self.ui.secondaryButton.setText("&Xóa hẳn…")
        self.ui.primaryButton.clicked.connect(self.restore)
        self.ui.secondaryButton.clicked.connect(self.purge)
        self.ui.closeButton.clicked.connect(self.reject)
        self.ui.list.currentRowChanged.connect(lambda _: self._update())
        self.fill()

    def fill(self) -> None:
        self.ui.list.clear()
        for summary in self.repo.plans(deleted=True):
            item = QListWidgetItem(
                f"{summary.title} — {summary.period.label}\n"
                f"Xóa lúc {local_text(summary.deleted_at or '')} · "
                f"{summary.task_count} nhiệm vụ, {summary.done_count} đã xong"
            )
            item.setData(ID_ROLE, summary.id)
            self.ui.list.addItem(item)
        if self.ui.list.count() == 0:
            self.ui.list.addItem("Không có kế hoạch nào đã xóa.")
            self.ui.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.ui.list.setCurrentRow(0)
        self._update()

    def _selected(self) -> int | None:
        item = self.ui.list.currentItem()
        value = item.data(ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def _update(self) -> None:
        chosen = self._selected() is not None
        self.ui.primaryButton.setEnabled(chosen)
        self.ui.secondaryButton.setEnabled(chosen)

    def restore(self) -> None:
        plan_id = self._selected()
        if plan_id is None:
            return
        try:
            self.repo.restore_plan(plan_id)
        except CchcError as error:
            show_error(self, error)
            return
        self.restored = plan_id
        self.accept()

    def purge(self) -> None:
        plan_id = self._selected()
        if plan_id is None:
            return
        answer = QMessageBox.question(
            self,
            "Xóa hẳn kế hoạch?",
            "Kế hoạch, các nhiệm vụ, kết quả theo dõi và các bản đã ban hành của nó sẽ bị xóa "
            "hẳn, không lấy lại được. Xóa hẳn?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.repo.purge_plan(plan_id)
        except CchcError as error:
            show_error(self, error)
            return
        self.fill()


class VersionsDialog(QDialog):
    """A plan's issued versions, newest first; the chosen one is exported as it was signed."""

    def __init__(self, repo: Repository, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanListDialog()
        self.ui.setupUi(self)
        self.repo = repo
        self.chosen: PlanVersion | None = None
        self.setWindowTitle("Các bản đã ban hành")
        set_topic(self, "ban-da-ban-hanh")
        self.ui.intro.setText(
            "Văn bản của kế hoạch đúng như khi được ghi số, ngày ban hành. Sửa kế hoạch sau đó "
            "không làm thay đổi các bản này."
        )
        self.ui.primaryButton.setText("&Xuất văn bản…")
        self.ui.secondaryButton.hide()
        self.ui.primaryButton.clicked.connect(self._export)
        self.ui.closeButton.clicked.connect(self.reject)
        self.versions = repo.versions(plan_id)
        for version in self.versions:
            when = format_date_vn(version.issued_on) if version.issued_on else "chưa rõ ngày"
            self.ui.list.addItem(
                f"Số {version.number} — ký ngày {when} (ghi lúc {local_text(version.created_at)})"
            )
        if not self.versions:
            self.ui.list.addItem("Kế hoạch này chưa có bản nào được ghi số, ngày ban hành.")
            self.ui.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
            self.ui.primaryButton.setEnabled(False)
        else:
            self.ui.list.setCurrentRow(0)

    def _export(self) -> None:
        row = self.ui.list.currentRow()
        if 0 <= row < len(self.versions):
            self.chosen = self.versions[row]
            self.accept()
