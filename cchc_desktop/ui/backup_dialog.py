"""Tệp → Khôi phục từ bản sao lưu…: the automatic daily copies (and any file the officer
picks), each with its date and how many plans it holds; the data it replaces is kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QMessageBox, QWidget

from cchc_desktop.errors import CchcError
from cchc_desktop.store.backups import Backup, backup_folder, backups
from cchc_desktop.ui.export_flow import busy
from cchc_desktop.ui.forms.ui_plan_list_dialog import Ui_PlanListDialog
from cchc_desktop.ui.guide import set_topic
from cchc_desktop.ui.messages import show_error

PATH_ROLE = Qt.ItemDataRole.UserRole + 1

# Puts the chosen copy in place; returns what became of the data it replaced, in words.
Restorer = Callable[[Path], str]


class RestoreDialog(QDialog):
    """Choose a backup and put it in place of the data (after a question)."""

    def __init__(
        self,
        db_path: Path,
        restore: Restorer,
        parent: QWidget | None = None,
        intro: str = "",
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PlanListDialog()
        self.ui.setupUi(self)
        self.db_path, self.restore = db_path, restore
        self.restored: Path | None = None
        self.setWindowTitle("Khôi phục từ bản sao lưu")
        set_topic(self, "khoi-phuc")
        folder = backup_folder(db_path)
        self.ui.intro.setText(
            (intro + "\n\n" if intro else "")
            + f"Chương trình tự sao lưu dữ liệu mỗi ngày vào thư mục «{folder}» và giữ 10 bản "
            "gần nhất. Chọn một bản để đưa dữ liệu về như lúc đó; dữ liệu hiện tại được giữ "
            "lại thành một bản sao trong cùng thư mục."
        )
        self.ui.primaryButton.setText("&Khôi phục bản này…")
        self.ui.secondaryButton.setText("Chọn &tệp khác…")
        self.ui.primaryButton.clicked.connect(lambda: self._restore(self._selected()))
        self.ui.secondaryButton.clicked.connect(self._choose_file)
        self.ui.closeButton.clicked.connect(self.reject)
        self.ui.list.currentRowChanged.connect(
            lambda _row: self.ui.primaryButton.setEnabled(self._selected() is not None)
        )
        self.ui.list.itemDoubleClicked.connect(lambda _item: self._restore(self._selected()))
        self.fill()

    def fill(self) -> None:
        self.ui.list.clear()
        for backup in backups(self.db_path):
            item = QListWidgetItem(_describe(backup))
            item.setData(PATH_ROLE, str(backup.path))
            if backup.plans is None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, not chosen: it cannot be read
            self.ui.list.addItem(item)
        if self.ui.list.count() == 0:
            self.ui.list.addItem("Chưa có bản sao lưu tự động nào.")
            self.ui.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.ui.list.setCurrentRow(0)
        self.ui.primaryButton.setEnabled(self._selected() is not None)

    def _selected(self) -> Path | None:
        item = self.ui.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        value = item.data(PATH_ROLE)
        return Path(value) if value else None

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Chọn tệp sao lưu", str(backup_folder(self.db_path)), "Tệp dữ liệu (*.sqlite)"
        )
        if chosen:
            self._restore(Path(chosen))

    def _restore(self, source: Path | None) -> None:
        if source is None:
            return
        answer = QMessageBox.question(
            self,
            "Khôi phục dữ liệu?",
            f"Dữ liệu sẽ được đưa về như trong bản sao lưu «{source.name}». Những gì đã nhập "
            "sau thời điểm đó không còn hiện trong chương trình, nhưng dữ liệu hiện tại được "
            "giữ lại thành một bản sao để lấy lại khi cần.\n\nKhôi phục?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with busy():
                kept = self.restore(source)
        except CchcError as error:
            show_error(self, error)
            return
        self.restored = source
        QMessageBox.information(self, "Đã khôi phục", f"Đã khôi phục từ «{source.name}». {kept}")
        self.accept()


def _describe(backup: Backup) -> str:
    when = backup.saved_at.strftime("%d/%m/%Y %H:%M")
    kind = f"bản tự động ngày {backup.day:%d/%m/%Y}" if backup.day else "tệp sao lưu"
    size = f"{backup.size / 1024 / 1024:.1f} MB" if backup.size >= 1024 * 1024 else "< 1 MB"
    held = (
        "không đọc được (hỏng hoặc không phải dữ liệu của chương trình)"
        if backup.plans is None
        else f"{backup.plans} kế hoạch"
    )
    return f"{backup.path.name}\nLưu lúc {when} · {kind} · {size} · {held}"
