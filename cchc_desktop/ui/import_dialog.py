"""Tệp → Nhập kế hoạch từ Word…: a Word file read in the background (with progress: a .doc goes through
LibreOffice), what was found shown, then saved as a plan to track, or reviewed as a template —
its detected outline beside the source text, levels and roles fixed — and kept.

The main window calls ``import_from_word(parent, repo)``; it returns the new plan's id, or None
(cancelled, refused, or kept as a template).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, QSize, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.core import office as office_words
from cchc_desktop.core.clock import Clock
from cchc_desktop.core.model import ItemKind, ItemRole, PlanItem, find_uid, walk
from cchc_desktop.core.numbering import number_items
from cchc_desktop.core.plan_parser import ParsedPlan
from cchc_desktop.errors import CchcError
from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.guide import set_topic
from cchc_desktop.ui.messages import show_error
from cchc_desktop.ui.screen_fit import fit

FOLDER_KEY = "import/folder"
FILTER = "Tệp Word (*.docx *.doc *.rtf);;Mọi tệp (*)"
ROLE_NAMES = {
    ItemRole.NONE: "—",
    ItemRole.PURPOSES: "Mục đích, yêu cầu",
    ItemRole.CONTENT: "Nội dung tuyên truyền",
    ItemRole.FORMS: "Hình thức tuyên truyền",
    ItemRole.TASKS: "Nhiệm vụ cụ thể",
    ItemRole.BUDGET: "Kinh phí",
    ItemRole.ORGANISATION: "Tổ chức thực hiện",
    ItemRole.UNIT: "Khối của một đơn vị",
}


# --- reading in the background -------------------------------------------------------------


class ReadWorker(QThread):
    """Reads and parses one file off the window's thread."""

    done = Signal(object)  # ParsedPlan
    failed = Signal(object)  # an exception

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path

    def run(self) -> None:
        from cchc_desktop.documents.word_import import read_plan

        try:
            self.done.emit(read_plan(self.path))
        except Exception as error:
            self.failed.emit(error)


def read_with_progress(parent: QWidget | None, path: Path) -> ParsedPlan | None:
    """The plan in ``path``, read while a progress dialog turns (shown when reading lasts
    more than a moment: a .doc through LibreOffice takes seconds); None after an error shown."""
    progress = QProgressDialog(f"Đang đọc «{path.name}»…", "", 0, 0, parent)
    progress.setWindowTitle("Nhập từ Word")
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    if path.suffix.lower() in (".doc", ".rtf"):
        progress.setLabelText(f"Đang chuyển «{path.name}» sang .docx bằng LibreOffice…")
    worker = ReadWorker(path, parent)
    result: dict[str, Any] = {}
    worker.done.connect(lambda parsed: result.__setitem__("parsed", parsed))
    worker.failed.connect(lambda error: result.__setitem__("error", error))
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    later = QTimer(progress)  # shown only when reading lasts more than a moment
    later.setSingleShot(True)
    later.timeout.connect(progress.show)
    later.start(300)
    worker.start()
    loop.exec()
    worker.wait()
    later.stop()
    progress.close()
    progress.deleteLater()
    worker.deleteLater()
    if "error" in result:
        show_error(parent, result["error"])
        return None
    parsed = result.get("parsed")
    return parsed if isinstance(parsed, ParsedPlan) else None


# --- what was found, and what to make of it ------------------------------------------------


def summary_text(parsed: ParsedPlan) -> str:
    plan = parsed.plan
    items = list(number_items(plan.sections))
    sections = sum(1 for n in items if n.depth == 0)
    issuer = parsed.issuer_name or office_words.formal_name(parsed.office)
    lines = [
        f"Cơ quan ban hành: {issuer}",
        f"Kế hoạch: {plan.title}"
        + ("" if plan.period.label in plan.title else f" ({plan.period.label})"),
        f"{sections} phần, {len(items)} mục; {len(plan.tasks)} nhiệm vụ trong phụ lục.",
    ]
    if plan.signer is not None and plan.signer.name:
        lines.append(f"Người ký: {plan.signer.name}")
    return "\n".join(lines)


class ImportDialog(QDialog):
    """What the file holds, and the choice: a plan to track or a template to adapt."""

    def __init__(self, parsed: ParsedPlan, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parsed = parsed
        self.setWindowTitle(f"Nhập từ Word — {path.name}")
        set_topic(self, "nhap-tu-word")
        layout = QVBoxLayout(self)
        found = QLabel(summary_text(parsed))
        found.setObjectName("found")
        found.setWordWrap(True)
        layout.addWidget(found)
        if parsed.warnings:
            notes = QPlainTextEdit("\n".join(f"• {w}" for w in parsed.warnings))
            notes.setObjectName("warnings")
            notes.setReadOnly(True)
            notes.setMaximumHeight(110)
            layout.addWidget(QLabel("Lưu ý:"))
            layout.addWidget(notes)
        self.as_plan = QRadioButton(
            "Kế hoạch để theo &dõi (lưu như văn bản gốc, theo dõi các nhiệm vụ)"
        )
        self.as_template = QRadioButton(
            "&Mẫu kế hoạch để điều chỉnh cho xã, phường (xem lại đề mục trước khi lưu)"
        )
        self.as_plan.setObjectName("asPlan")
        self.as_template.setObjectName("asTemplate")
        group = QButtonGroup(self)
        group.addButton(self.as_plan)
        group.addButton(self.as_template)
        layout.addWidget(self.as_plan)
        layout.addWidget(self.as_template)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("templateName")
        form.addRow("&Tên mẫu:", self.name)
        layout.addLayout(form)
        superior = parsed.level == "superior"
        self.as_plan.setEnabled(not superior)
        if superior:
            self.as_plan.setToolTip("Văn bản của cấp trên: chỉ nhập được làm mẫu.")
        (self.as_template if superior else self.as_plan).setChecked(True)
        self.name.setText(_default_name(parsed))
        self.name.setEnabled(self.as_template.isChecked())
        self.as_template.toggled.connect(self.name.setEnabled)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Tiếp tục")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        fit(self, QSize(620, 380))

    def choice(self) -> str:
        return "template" if self.as_template.isChecked() else "plan"


def _default_name(parsed: ParsedPlan) -> str:
    who = parsed.locality or parsed.issuer_name or office_words.full_name(parsed.office)
    return f"{who[:1].upper()}{who[1:]} {parsed.plan.period.label}".strip()


# --- the template's review ----------------------------------------------------------------


class TemplateReviewDialog(QDialog):
    """The detected outline beside the source text; the officer fixes levels (Lên cấp /
    Xuống cấp) and roles before the template is kept."""

    def __init__(self, parsed: ParsedPlan, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parsed = parsed
        self.data: dict[str, Any] | None = None
        self.setWindowTitle("Xem lại đề mục của mẫu kế hoạch")
        set_topic(self, "xem-lai-mau")
        layout = QVBoxLayout(self)
        hint = QLabel(
            "Bên trái: đề mục chương trình nhận ra; bên phải: văn bản gốc. Chọn một mục để xem "
            "đoạn gốc của nó; sửa cấp và vai trò nếu cần rồi bấm «Lưu mẫu»."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget()
        self.tree.setObjectName("outline")
        self.tree.setHeaderLabels(["Đề mục", "Vai trò"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()  # the role in full, the heading in the room left
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        column.addWidget(self.tree)
        tools = QHBoxLayout()
        self.outdent = QPushButton("← &Lên một cấp")
        self.outdent.setObjectName("outdent")
        self.indent = QPushButton("&Xuống một cấp →")
        self.indent.setObjectName("indent")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role, label in ROLE_NAMES.items():
            self.role.addItem(label, role.value)
        tools.addWidget(self.outdent)
        tools.addWidget(self.indent)
        role_label = QLabel("&Vai trò:")
        role_label.setBuddy(self.role)
        tools.addWidget(role_label)
        tools.addWidget(self.role, 1)
        column.addLayout(tools)
        split.addWidget(left)
        self.source = QPlainTextEdit("\n".join(parsed.source))
        self.source.setObjectName("source")
        self.source.setReadOnly(True)
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        split.addWidget(self.source)
        split.setSizes([560, 440])
        layout.addWidget(split, 1)
        form = QFormLayout()
        self.name = QLineEdit(name)
        self.name.setObjectName("templateName")
        form.addRow("&Tên mẫu:", self.name)
        layout.addLayout(form)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #a40000")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Lưu &mẫu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.outdent.clicked.connect(self.move_out)
        self.indent.clicked.connect(self.move_in)
        self.role.activated.connect(self._role_chosen)
        self.tree.currentItemChanged.connect(self._selected)
        fit(self, QSize(1100, 700))
        self.fill()

    # the tree ---------------------------------------------------------------------

    @property
    def sections(self) -> list[PlanItem]:
        return self.parsed.plan.sections

    def fill(self, select: str = "") -> None:
        self.tree.clear()
        labels = {n.item.uid: n.label for n in number_items(self.sections)}

        def add(parent: QTreeWidget | QTreeWidgetItem, items: list[PlanItem]) -> None:
            for item in items:
                words = " ".join(item.text.split())
                text = f"{labels.get(item.uid, '')} {words[:110]}".strip()
                node = QTreeWidgetItem([text, ROLE_NAMES.get(item.role, "")])
                node.setData(0, Qt.ItemDataRole.UserRole, item.uid)
                if item.kind.is_heading:
                    font = node.font(0)
                    font.setBold(True)
                    node.setFont(0, font)
                if isinstance(parent, QTreeWidget):
                    parent.addTopLevelItem(node)
                else:
                    parent.addChild(node)
                add(node, item.children)

        add(self.tree, self.sections)
        self.tree.expandAll()
        if select:
            for node in self._nodes():
                if node.data(0, Qt.ItemDataRole.UserRole) == select:
                    self.tree.setCurrentItem(node)
                    break
        self._update_buttons()

    def _nodes(self) -> list[QTreeWidgetItem]:
        """Every item of the tree, in reading order."""
        found: list[QTreeWidgetItem] = []

        def visit(node: QTreeWidgetItem) -> None:
            for i in range(node.childCount()):
                child = node.child(i)
                if child is not None:
                    found.append(child)
                    visit(child)

        visit(self.tree.invisibleRootItem())
        return found

    def current(self) -> PlanItem | None:
        node = self.tree.currentItem()
        if node is None:
            return None
        return find_uid(self.sections, node.data(0, Qt.ItemDataRole.UserRole))

    def select(self, uid: str) -> None:
        self.fill(select=uid)

    def _selected(self, *_args: object) -> None:
        item = self.current()
        self._update_buttons()
        if item is None:
            return
        self.role.setCurrentIndex(max(self.role.findData(item.role.value), 0))
        at = self.parsed.origins.get(item.uid, -1)
        if at >= 0:
            block = self.source.document().findBlockByNumber(at)
            cursor = QTextCursor(block)
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            self.source.setTextCursor(cursor)
            self.source.centerCursor()

    def _update_buttons(self) -> None:
        item = self.current()
        self.outdent.setEnabled(item is not None and self._parent(item) is not None)
        siblings = self._siblings(item) if item is not None else []
        self.indent.setEnabled(item is not None and siblings.index(item) > 0)
        self.role.setEnabled(item is not None)

    def _parent(self, item: PlanItem) -> PlanItem | None:
        return next((p for p in walk(self.sections) if any(c is item for c in p.children)), None)

    def _siblings(self, item: PlanItem) -> list[PlanItem]:
        parent = self._parent(item)
        return parent.children if parent is not None else self.sections

    # the officer's fixes ------------------------------------------------------------

    def move_out(self) -> None:
        """The item one level up: right after the item it was under."""
        item = self.current()
        parent = self._parent(item) if item is not None else None
        if item is None or parent is None:
            return
        parent.children.remove(item)
        holder = self._siblings(parent)
        holder.insert(holder.index(parent) + 1, item)
        self._rekind()
        self.select(item.uid)

    def move_in(self) -> None:
        """The item one level down: the last one under the item before it."""
        item = self.current()
        if item is None:
            return
        siblings = self._siblings(item)
        at = siblings.index(item)
        if at == 0:
            return
        siblings.remove(item)
        siblings[at - 1].children.append(item)
        self._rekind()
        self.select(item.uid)

    def _role_chosen(self, _index: int) -> None:
        item = self.current()
        value = self.role.currentData()
        if item is None or not isinstance(value, str):
            return
        role = ItemRole(value)
        if role not in (ItemRole.NONE, ItemRole.UNIT):
            for other in walk(self.sections):
                if other.role is role:
                    other.role = ItemRole.NONE  # a part of the plan has one place
        item.role = role
        if role is ItemRole.ORGANISATION:
            for block in item.children:
                block.role = ItemRole.UNIT
        self.select(item.uid)

    def _rekind(self) -> None:
        """Kinds follow the levels: a first-level item with items under it is a section,
        a deeper one a subsection (a point with items under it stays a point); an item with
        nothing under it is a point."""
        _rekind(self.sections, 0)

    def accept(self) -> None:
        from cchc_desktop.documents.word_import import template_data

        name = " ".join(self.name.text().split())
        if not name:
            self.problem.setText("Hãy đặt tên cho mẫu.")
            return
        try:
            self.data = template_data(self.parsed, name=name)
        except CchcError as error:
            self.problem.setText(error.message)
            return
        super().accept()


def _rekind(items: list[PlanItem], depth: int) -> None:
    for item in items:
        if not item.children:
            item.kind = ItemKind.POINT
        elif depth == 0:
            item.kind = ItemKind.SECTION
        elif item.kind is ItemKind.SECTION or depth == 1:
            item.kind = ItemKind.SUBSECTION
        _rekind(item.children, depth + 1)


# --- the whole flow ---------------------------------------------------------------------------


def choose_file(parent: QWidget | None) -> Path | None:
    settings = QSettings()
    start = str(settings.value(FOLDER_KEY, str(Path.home())))
    name, _ = QFileDialog.getOpenFileName(parent, "Nhập kế hoạch từ Word", start, FILTER)
    if not name:
        return None
    settings.setValue(FOLDER_KEY, str(Path(name).parent))
    return Path(name)


def import_from_word(
    parent: QWidget | None, repo: Repository, clock: Clock | None = None, path: Path | None = None
) -> int | None:
    """The whole of Tệp → Nhập kế hoạch từ Word…: choose the file, read it, choose plan or template,
    save. Returns the new plan's id (None when cancelled, refused or kept as a template)."""
    if clock is not None:
        repo.clock = clock
    path = path or choose_file(parent)
    if path is None:
        return None
    parsed = read_with_progress(parent, path)
    if parsed is None:
        return None
    dialog = ImportDialog(parsed, path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if dialog.choice() == "template":
        save_as_template(parent, repo, parsed, dialog.name.text(), path)
        return None
    return save_as_plan(parent, repo, parsed)


def save_as_plan(parent: QWidget | None, repo: Repository, parsed: ParsedPlan) -> int | None:
    from cchc_desktop.documents.word_import import save_plan

    try:
        imported = save_plan(parsed, repo)
    except CchcError as error:
        show_error(parent, error)
        return None
    who = office_words.formal_name(imported.office)
    note = "đã tạo hồ sơ cơ quan mới" if imported.office_created else "thuộc hồ sơ cơ quan có sẵn"
    text = f"Đã nhập kế hoạch «{imported.plan.title}» của {who} ({note})."
    if imported.warnings:
        text += "\n\nLưu ý:\n" + "\n".join(f"• {w}" for w in imported.warnings)
    QMessageBox.information(parent, "Đã nhập kế hoạch", text)
    return imported.plan_id


def save_as_template(
    parent: QWidget | None, repo: Repository, parsed: ParsedPlan, name: str, path: Path
) -> int | None:
    from cchc_desktop.store.templates import save_template

    review = TemplateReviewDialog(parsed, name, parent)
    if review.exec() != QDialog.DialogCode.Accepted or review.data is None:
        return None
    try:
        stored = save_template(repo, review.data, f"Word: {path.name}")
    except CchcError as error:
        show_error(parent, error)
        return None
    QMessageBox.information(
        parent, "Đã lưu mẫu", f"Đã lưu mẫu kế hoạch «{stored.name}». Mẫu có trong danh sách mẫu."
    )
    return stored.id
