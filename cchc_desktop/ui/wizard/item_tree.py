"""ItemTree: a checklist of plan items edited in place, numbered live as it will print."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QDropEvent, QFontMetrics, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from cchc_desktop.core.model import ItemKind, PlanItem
from cchc_desktop.core.numbering import default_kind, number_items, strip_own_label
from cchc_desktop.core.text import nfc

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL, TEXT = 0, 1


class WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's current width."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != TEXT:
            return hint
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.tree.columnWidth(TEXT) - 8 - (self.tree.indentation() if depth == 0 else 0)
        text = str(index.data() or "")
        box = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, max(width, 80), 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(hint.width(), max(hint.height(), box.height() + 6))


class ItemTree(QTreeWidget):
    """Shows ``items`` (a list of PlanItem, edited in place). Ticking, editing, adding,
    removing and moving — by buttons, Ctrl+Up/Down or drag and drop — change the list and
    call ``on_change``; labels (a), b), …) are recomputed after every change."""

    def __init__(self, parent: QTreeWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[PlanItem] = []
        self.on_change: Callable[[], None] = lambda: None
        self._loading = False

    def setup(self) -> None:
        """Called once the Designer form has created the widget."""
        self.setColumnCount(2)
        self.setHeaderLabels(["Số", "Nội dung (bấm đúp để sửa)"])
        header = self.header()
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.setItemDelegateForColumn(TEXT, WrapDelegate(self))
        header.sectionResized.connect(lambda *_: self.doItemsLayout())
        self.setWordWrap(True)  # long Vietnamese sentences wrap instead of being cut
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.itemChanged.connect(self._item_changed)

    # model -> widget ---------------------------------------------------------------------

    def load(self, items: list[PlanItem]) -> None:
        self.items = items
        self._loading = True
        self.clear()
        for item in items:
            self.addTopLevelItem(self._make(item))
        self.expandAll()
        self._loading = False
        self.relabel()

    def _make(self, item: PlanItem) -> QTreeWidgetItem:
        node = QTreeWidgetItem()
        node.setData(0, ITEM_ROLE, item)
        node.setText(TEXT, item.text)
        node.setCheckState(LABEL, Qt.CheckState.Checked if item.chosen else Qt.CheckState.Unchecked)
        node.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if item.kind in (ItemKind.SECTION, ItemKind.SUBSECTION):
            font = node.font(TEXT)
            font.setBold(True)
            node.setFont(TEXT, font)
        node.setToolTip(TEXT, item.text)
        for child in item.children:
            node.addChild(self._make(child))
        return node

    def relabel(self) -> None:
        """The labels exactly as the document will print them; unticked items show none."""
        labels = {id(n.item): n.label for n in number_items(self.items)}
        self._loading = True
        dim = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        normal = QBrush(self.palette().color(QPalette.ColorRole.Text))
        for node in self._all_nodes():
            item = node.data(0, ITEM_ROLE)
            label = labels.get(id(item), "")
            node.setText(LABEL, label)
            node.setForeground(TEXT, normal if id(item) in labels else dim)
        self._loading = False

    def _all_nodes(self) -> list[QTreeWidgetItem]:
        nodes: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            node = stack.pop(0)
            nodes.append(node)
            stack[0:0] = [node.child(i) for i in range(node.childCount())]
        return nodes

    # widget -> model ---------------------------------------------------------------------

    def _item_changed(self, node: QTreeWidgetItem, column: int) -> None:
        if self._loading:
            return
        item: PlanItem = node.data(0, ITEM_ROLE)
        if column == TEXT:
            text = strip_own_label(nfc(node.text(TEXT)).strip())
            item.text = text
            if text != node.text(TEXT):
                self._loading = True
                node.setText(TEXT, text)
                self._loading = False
        item.chosen = node.checkState(LABEL) == Qt.CheckState.Checked
        self.relabel()
        self.on_change()

    def _rebuild_model(self) -> None:
        """After a drop, the model follows the order the widget now shows."""

        def children(node: QTreeWidgetItem) -> list[PlanItem]:
            result = []
            for i in range(node.childCount()):
                child = node.child(i)
                item: PlanItem = child.data(0, ITEM_ROLE)
                item.children = children(child)
                result.append(item)
            return result

        top = []
        for i in range(self.topLevelItemCount()):
            node = self.topLevelItem(i)
            item: PlanItem = node.data(0, ITEM_ROLE)
            item.children = children(node)
            top.append(item)
        self.items[:] = top

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
        self._rebuild_model()
        self.relabel()
        self.on_change()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.key() == Qt.Key.Key_Up:
                self.move_current(-1)
                return
            if event.key() == Qt.Key.Key_Down:
                self.move_current(1)
                return
        super().keyPressEvent(event)

    # actions -----------------------------------------------------------------------------

    def _siblings(self, node: QTreeWidgetItem) -> list[PlanItem]:
        parent = node.parent()
        return self.items if parent is None else parent.data(0, ITEM_ROLE).children

    def add_item(self, *, as_child: bool = False) -> PlanItem:
        """A new ticked item after the current one (or as its first child), ready to type."""
        current = self.currentItem()
        if current is None:
            siblings, index = self.items, len(self.items)
            kind = self.items[-1].kind if self.items else ItemKind.POINT
        elif as_child:
            parent_item: PlanItem = current.data(0, ITEM_ROLE)
            siblings, index = parent_item.children, len(parent_item.children)
            kind = siblings[-1].kind if siblings else default_kind(_depth(current) + 1)
        else:
            current_item: PlanItem = current.data(0, ITEM_ROLE)
            siblings = self._siblings(current)
            index = siblings.index(current_item) + 1
            kind = current_item.kind
        new = PlanItem(kind, "")
        siblings.insert(index, new)
        self.load(self.items)
        node = self._node_of(new)
        if node is not None:
            self.setCurrentItem(node, TEXT)
            self.editItem(node, TEXT)
        self.on_change()
        return new

    def remove_current(self) -> None:
        """Removes an item the officer added; a template item is unticked instead, so it can
        come back."""
        node = self.currentItem()
        if node is None:
            return
        item: PlanItem = node.data(0, ITEM_ROLE)
        if item.key:
            item.chosen = False
        else:
            self._siblings(node).remove(item)
        self.load(self.items)
        self.on_change()

    def move_current(self, step: int) -> None:
        node = self.currentItem()
        if node is None:
            return
        item: PlanItem = node.data(0, ITEM_ROLE)
        siblings = self._siblings(node)
        index = siblings.index(item)
        target = index + step
        if not 0 <= target < len(siblings):
            return
        siblings[index], siblings[target] = siblings[target], siblings[index]
        self.load(self.items)
        moved = self._node_of(item)
        if moved is not None:
            self.setCurrentItem(moved, TEXT)
        self.on_change()

    def _node_of(self, item: PlanItem) -> QTreeWidgetItem | None:
        return next((n for n in self._all_nodes() if n.data(0, ITEM_ROLE) is item), None)


def _depth(node: QTreeWidgetItem) -> int:
    depth, parent = 0, node.parent()
    while parent is not None:
        depth, parent = depth + 1, parent.parent()
    return depth
