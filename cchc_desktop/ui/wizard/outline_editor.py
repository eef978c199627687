"""OutlineEditor: a part of the plan's body (or all of it) as the officer shapes it — the tree
with its printed numbers, a multi-line box for the selected item's words, its kind and its
list's marker, buttons and keys to add, delete, move, indent and outdent, drag and drop, and
undo. The rules of each change are core/edit.py; this widget only shows and asks."""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from cchc_desktop.core import edit
from cchc_desktop.core.adapt import unit_heading
from cchc_desktop.core.edit import Shape
from cchc_desktop.core.model import ItemKind, ItemRole, Marker, PlanItem, Unit, find_uid
from cchc_desktop.core.numbering import labels, own_label, printed, strip_own_label
from cchc_desktop.core.text import nfc
from cchc_desktop.ui.forms.ui_outline_editor import Ui_OutlineEditorForm

KINDS = (
    (ItemKind.SECTION, "Đề mục lớn (in hoa, đậm)"),
    (ItemKind.SUBSECTION, "Đề mục nhỏ (đậm)"),
    (ItemKind.POINT, "Nội dung (ý, đoạn văn)"),
)
MARKERS = (
    (Marker.LETTER, "a)  b)  c)  (chữ cái tiếng Việt)"),
    (Marker.LETTER_DOT, "a.  b.  c."),
    (Marker.DASH, "-  gạch đầu dòng"),
    (Marker.PLUS, "+  dấu cộng"),
    (Marker.BULLET, "•  chấm tròn"),
    (Marker.STAR, "*  dấu sao"),
    (Marker.DECIMAL, "1.  2.  3."),
    (Marker.DECIMAL_PAREN, "1)  2)  3)"),
    (Marker.NESTED, "1.1.  1.2.  (số của mục cha)"),
    (Marker.ROMAN, "I.  II.  III."),
    (Marker.NONE, "(không đánh dấu)"),
)


class Snapshot(QUndoCommand):
    """One change of the body's shape: the whole body before and after it."""

    def __init__(
        self,
        editor: OutlineEditor,
        before: list[PlanItem],
        after: list[PlanItem],
        text: str,
        selection: tuple[str | None, str | None],
    ) -> None:
        super().__init__(text)
        self.editor = editor
        self.before, self.after = before, after
        self.selection = selection
        self._first = True

    def redo(self) -> None:
        if self._first:  # pushed after the change was made
            self._first = False
            return
        self.editor.restore(self.after, self.selection[1])

    def undo(self) -> None:
        self.editor.restore(self.before, self.selection[0])


class OutlineEditor(QWidget):
    """Edits ``whole`` (the plan's sections, in place), showing all of it or one part of it
    (``root_uid``: the page's own part, which stays where it is)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_OutlineEditorForm()
        self.ui.setupUi(self)
        self.whole: list[PlanItem] = []
        self.root_uid: str | None = None
        self.units: list[Unit] = []
        self.undo_stack = QUndoStack(self)
        self._loading = False
        ui = self.ui
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.textEdit.setMinimumHeight(120)
        for kind, text in KINDS:
            ui.kindCombo.addItem(text, kind.value)
        for marker, text in MARKERS:
            ui.markerCombo.addItem(text, marker.value)
        ui.tree.currentItemChanged.connect(lambda *_: self._show_selected())
        ui.tree.itemDoubleClicked.connect(lambda *_: self.focus_text())
        # Queued: the tree is rebuilt after a tick or a drop, never while the row that sent the
        # signal is still handling it.
        queued = Qt.ConnectionType.QueuedConnection
        ui.tree.ticked.connect(self._ticked, queued)
        ui.tree.reshaped.connect(self._reshaped, queued)
        ui.textEdit.textChanged.connect(self._text_changed)
        ui.kindCombo.activated.connect(self._kind_chosen)
        ui.markerCombo.activated.connect(self._marker_chosen)
        ui.unitCombo.activated.connect(self._unit_chosen)
        ui.addButton.clicked.connect(self.add_item)
        ui.addChildButton.clicked.connect(self.add_child)
        ui.removeButton.clicked.connect(self.remove_item)
        ui.upButton.clicked.connect(lambda: self.move_item(-1))
        ui.downButton.clicked.connect(lambda: self.move_item(1))
        ui.indentButton.clicked.connect(self.indent_item)
        ui.outdentButton.clicked.connect(self.outdent_item)
        ui.renumberButton.clicked.connect(self.renumber)
        ui.undoButton.clicked.connect(self.undo_stack.undo)
        ui.redoButton.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(ui.undoButton.setEnabled)
        self.undo_stack.canRedoChanged.connect(ui.redoButton.setEnabled)
        ui.undoButton.setEnabled(False)
        ui.redoButton.setEnabled(False)
        keys: list[tuple[str, Callable[[], object]]] = [
            ("Ctrl+Up", lambda: self.move_item(-1)),
            ("Ctrl+Down", lambda: self.move_item(1)),
            ("Ctrl+Right", self.indent_item),
            ("Ctrl+Left", self.outdent_item),
            ("Ctrl+Z", self.undo_stack.undo),
            ("Ctrl+Y", self.undo_stack.redo),
            ("Ctrl+Shift+Z", self.undo_stack.redo),
        ]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), ui.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        for key, slot in (
            ("Insert", self.add_item),
            ("Delete", self.remove_item),
            ("F2", self.focus_text),
        ):
            shortcut = QShortcut(QKeySequence(key), ui.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # what is shown ---------------------------------------------------------------------

    def load(
        self, whole: list[PlanItem], root_uid: str | None = None, units: list[Unit] | None = None
    ) -> None:
        """Edit ``whole`` (a plan's sections), all of it or the part ``root_uid``."""
        self.whole, self.root_uid = whole, root_uid
        self.units = list(units or [])
        self.undo_stack.clear()
        self.ui.unitCombo.clear()
        self.ui.unitCombo.addItem("(không gắn với đơn vị nào)", "")
        for unit in self.units:
            self.ui.unitCombo.addItem(unit.name, unit.key or unit.name)
        scope = self.scope()
        first = None
        if scope:  # the first item under the page's own part, else the first item
            first = (
                scope[0].children[0].uid if self.root_uid and scope[0].children else scope[0].uid
            )
        self.refresh(first)

    def scope(self) -> list[PlanItem]:
        """The items shown: the page's own part, or the whole body."""
        if self.root_uid is None:
            return self.whole
        root = find_uid(self.whole, self.root_uid)
        return [root] if root is not None else []

    def base(self) -> int:
        """The depth of the shown items in the whole body."""
        if self.root_uid is None:
            return 0
        place = edit.locate(self.whole, self.root_uid)
        return place.depth if place is not None else 0

    def refresh(self, select: str | None = None, *, fresh: bool = False) -> None:
        """Show the items again; the rows left open stay open (all anew when ``fresh``)."""
        select = select or self.ui.tree.current_uid()
        kept = (
            None if fresh or not self.ui.tree.topLevelItemCount() else self.ui.tree.expanded_uids()
        )
        self.ui.tree.show_items(
            self.scope(),
            labels(self.whole),
            top_drops=self.root_uid is None,
            locked=frozenset({self.root_uid} if self.root_uid else set()),
            expand_depth=None if self.root_uid else 0,  # the whole body: its headings first
            expanded=kept,
        )
        self.ui.tree.select(select if select and find_uid(self.whole, select) else None)
        tops = self.ui.tree.tops()
        if self.ui.tree.currentItem() is None and tops:
            self.ui.tree.setCurrentItem(tops[0])
        self._show_selected()

    def current(self) -> PlanItem | None:
        uid = self.ui.tree.current_uid()
        return find_uid(self.whole, uid) if uid else None

    def _show_selected(self) -> None:
        item = self.current()
        ui = self.ui
        self._loading = True
        try:
            locked = item is None or item.uid == self.root_uid
            place = edit.locate(self.whole, item.uid) if item is not None else None
            for widget in (ui.textEdit, ui.kindCombo, ui.markerCombo):
                widget.setEnabled(item is not None)
            first = place is None or place.index == 0
            last = place is None or place.index == len(place.siblings) - 1
            top = place is None or place.parent is None or place.parent.uid == self.root_uid
            ui.removeButton.setEnabled(not locked)
            ui.upButton.setEnabled(not locked and not first)
            ui.downButton.setEnabled(not locked and not last)
            ui.indentButton.setEnabled(not locked and not first)
            ui.outdentButton.setEnabled(not locked and not top)
            ui.addButton.setEnabled((item is not None and not locked) or self.root_uid is None)
            ui.addChildButton.setEnabled(item is not None)
            if item is None:
                ui.textEdit.clear()
                ui.hint.clear()
                return
            ui.textEdit.setPlainText(item.text)
            ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(item.kind.value))
            ui.kindCombo.setEnabled(item.role in (ItemRole.NONE, ItemRole.UNIT))
            ui.markerCombo.setCurrentIndex(ui.markerCombo.findData(item.numbering.value))
            is_unit = item.role is ItemRole.UNIT
            ui.unitLabel.setVisible(is_unit)
            ui.unitCombo.setVisible(is_unit)
            if is_unit:
                ui.unitCombo.setCurrentIndex(max(ui.unitCombo.findData(item.unit_key), 0))
            place = edit.locate(self.whole, item.uid)
            typed = place is not None and any(s.label for s in place.siblings)
            ui.renumberButton.setVisible(typed)
            ui.hint.setText(self._hint(item, typed))
        finally:
            self._loading = False

    def _hint(self, item: PlanItem, typed: bool) -> str:
        if not item.chosen:
            return "Mục này không được đưa vào văn bản (ô đầu dòng không đánh dấu)."
        if item.kind.is_heading and not printed(item):
            return "Mục này chưa có nội dung nào được chọn nên sẽ không được in; số các mục sau tự lùi lên."
        if typed:
            return "Danh sách này giữ số thứ tự như văn bản gốc; bấm «Đánh số lại» để chương trình tự đánh."
        return ""

    def focus_text(self) -> None:
        self.ui.textEdit.setFocus()
        self.ui.textEdit.selectAll()

    # changes ---------------------------------------------------------------------------

    def _change(
        self,
        description: str,
        change: Callable[[], object],
        select: Callable[[], str | None] | None = None,
    ) -> None:
        """Run one change of the body as one undoable step."""
        before = copy.deepcopy(self.whole)
        selected = self.ui.tree.current_uid()
        result = change()
        if result is False:
            return
        after_select = select() if select else selected
        self.undo_stack.push(
            Snapshot(self, before, copy.deepcopy(self.whole), description, (selected, after_select))
        )
        self.refresh(after_select)
        self.changed.emit()

    def restore(self, state: list[PlanItem], select: str | None) -> None:
        """Put the body back as it was (undo, redo); the page's part is found again by uid."""
        self.whole[:] = copy.deepcopy(state)
        self.refresh(select)
        self.changed.emit()

    def add_item(self) -> None:
        current = self.ui.tree.current_uid()
        if self.root_uid is not None and current in (None, self.root_uid):
            self.add_child()
            return
        added: list[PlanItem] = []
        self._change(
            "Thêm mục",
            lambda: added.append(edit.add_after(self.whole, current)),
            lambda: added[0].uid if added else None,
        )
        self.focus_text()

    def add_child(self) -> None:
        current = self.ui.tree.current_uid()
        if current is None:
            return
        added: list[PlanItem] = []
        self._change(
            "Thêm ý con",
            lambda: added.append(edit.add_child(self.whole, current)),
            lambda: added[0].uid if added else None,
        )
        self.focus_text()

    def remove_item(self) -> None:
        item = self.current()
        if item is None or item.uid == self.root_uid:
            return
        place = edit.locate(self.whole, item.uid)
        neighbours = place.siblings if place else []
        index = place.index if place else 0
        after = (
            neighbours[index + 1].uid if index + 1 < len(neighbours)
            else neighbours[index - 1].uid if index > 0
            else (place.parent.uid if place and place.parent else None)
        )  # fmt: skip
        self._change(
            f"Xóa «{_short(item.text)}»", lambda: edit.remove(self.whole, item.uid), lambda: after
        )

    def move_item(self, step: int) -> None:
        uid = self.ui.tree.current_uid()
        if uid and uid != self.root_uid:
            self._change("Chuyển mục", lambda: edit.move(self.whole, uid, step))

    def indent_item(self) -> None:
        uid = self.ui.tree.current_uid()
        if uid and uid != self.root_uid:
            self._change("Thụt vào", lambda: edit.indent(self.whole, uid))

    def outdent_item(self) -> None:
        uid = self.ui.tree.current_uid()
        if not uid or uid == self.root_uid:
            return
        place = edit.locate(self.whole, uid)
        parent = place.parent if place is not None else None
        if self.root_uid is not None and parent is not None and parent.uid == self.root_uid:
            return  # the page's part keeps what is in it
        self._change("Lùi ra", lambda: edit.outdent(self.whole, uid))

    def renumber(self) -> None:
        uid = self.ui.tree.current_uid()
        if uid:
            self._change("Đánh số lại", lambda: edit.renumber(self.whole, uid))

    def _ticked(self, uid: str, chosen: bool) -> None:
        item = find_uid(self.whole, uid)
        if item is None or item.chosen == chosen:
            return

        def tick() -> None:
            found = find_uid(self.whole, uid)
            if found is not None:
                found.chosen = chosen

        self._change("Chọn mục" if chosen else "Bỏ chọn mục", tick, lambda: uid)

    def _reshaped(self, shape: Shape) -> None:
        if self.root_uid is not None and (len(shape) != 1 or shape[0][0] != self.root_uid):
            self.refresh()  # nothing goes beside the page's own part
            return
        scope = self.scope()
        self._change("Kéo thả mục", lambda: edit.reshape(scope, shape, self.base()))

    def _kind_chosen(self, _index: int) -> None:
        item = self.current()
        if item is None or self._loading:
            return
        kind = ItemKind(self.ui.kindCombo.currentData())
        if kind is not item.kind:
            self._change("Đổi kiểu mục", lambda: edit.set_kind(self.whole, item.uid, kind))

    def _marker_chosen(self, _index: int) -> None:
        item = self.current()
        if item is None or self._loading:
            return
        marker = Marker(self.ui.markerCombo.currentData())
        if marker is not item.numbering:
            self._change(
                "Đổi cách đánh dấu", lambda: edit.set_list_marker(self.whole, item.uid, marker)
            )

    def _unit_chosen(self, _index: int) -> None:
        item = self.current()
        if item is None or self._loading:
            return
        key = str(self.ui.unitCombo.currentData() or "")
        unit = next((u for u in self.units if (u.key or u.name) == key), None)

        def link() -> None:
            found = find_uid(self.whole, item.uid)
            if found is not None:
                found.unit_key = unit.key if unit else ""
                if unit is not None:
                    found.text = unit_heading(unit)

        self._change("Gắn đơn vị", link)

    def _text_changed(self) -> None:
        """Typing edits the item's words at once (the box keeps its own undo, Ctrl+Z)."""
        if self._loading:
            return
        item = self.current()
        if item is None:
            return
        text = nfc(self.ui.textEdit.toPlainText())
        if item.numbering is not Marker.NONE and own_label(text):
            text = strip_own_label(text)  # a pasted "b) …": the label is computed
        item.text = text.strip()
        self.ui.tree.set_row_text(item.uid, item.text)
        self.ui.tree.set_labels(labels(self.whole))
        self.changed.emit()


def _short(text: str, limit: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
