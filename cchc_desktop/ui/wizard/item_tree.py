"""ItemTree: the items of the body as a tree — a box to tick, the label as it will print, the
words wrapped — rearranged by drag and drop. It only shows and reports; OutlineEditor edits."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QDropEvent, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from cchc_desktop.core.edit import Shape
from cchc_desktop.core.model import PlanItem

UID_ROLE = Qt.ItemDataRole.UserRole + 1
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
    """Shows a list of items; says when one is ticked or unticked (``ticked``) and when a drag
    and drop gave the tree a new shape (``reshaped``)."""

    ticked = Signal(str, bool)  # uid, chosen
    reshaped = Signal(object)  # the new Shape of the shown items

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.locked: set[str] = set()  # items that cannot be dragged (a page's own part)
        self.setColumnCount(2)
        self.setHeaderLabels(["Số", "Nội dung"])
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
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.itemChanged.connect(self._item_changed)

    def show_items(
        self,
        items: list[PlanItem],
        labels: dict[str, str],
        *,
        top_drops: bool = True,
        locked: frozenset[str] = frozenset(),
        expand_depth: int | None = None,
        expanded: set[str] | None = None,
    ) -> None:
        """Show ``items``: each item's label from ``labels`` (by uid); those without one do
        not print and are shown dimmed. ``top_drops`` says whether items may be dropped
        beside the top ones; ``expanded`` the rows left open, else ``expand_depth`` how deep
        the tree opens (all of it: None)."""
        self._loading = True
        self.locked = set(locked)
        self.clear()
        for item in items:
            self.addTopLevelItem(self._make(item, labels))
        root = self.invisibleRootItem()
        flags = root.flags()
        root.setFlags(
            flags | Qt.ItemFlag.ItemIsDropEnabled
            if top_drops
            else flags & ~Qt.ItemFlag.ItemIsDropEnabled
        )
        if expanded is not None:  # as the officer left it
            for node in self.nodes():
                node.setExpanded(str(node.data(0, UID_ROLE)) in expanded)
        elif expand_depth is None:
            self.expandAll()
        else:
            self.expandToDepth(expand_depth)
        self._loading = False

    def _make(self, item: PlanItem, labels: dict[str, str]) -> QTreeWidgetItem:
        node = QTreeWidgetItem()
        node.setData(0, UID_ROLE, item.uid)
        node.setText(LABEL, labels.get(item.uid, ""))
        node.setText(TEXT, " ".join(item.text.split()) or "(chưa có nội dung)")
        node.setCheckState(LABEL, Qt.CheckState.Checked if item.chosen else Qt.CheckState.Unchecked)
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if item.uid not in self.locked:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        node.setFlags(flags)
        if item.kind.is_heading:
            font = node.font(TEXT)
            font.setBold(True)
            node.setFont(TEXT, font)
        printed = item.uid in labels
        color = QPalette.ColorGroup.Active if printed else QPalette.ColorGroup.Disabled
        node.setForeground(TEXT, QBrush(self.palette().color(color, QPalette.ColorRole.Text)))
        node.setToolTip(TEXT, item.text if printed else f"(không in) {item.text}")
        for child in item.children:
            node.addChild(self._make(child, labels))
        return node

    def tops(self) -> list[QTreeWidgetItem]:
        found = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        return [node for node in found if node is not None]

    def nodes(self) -> list[QTreeWidgetItem]:
        """Every row, parents before their children."""
        found: list[QTreeWidgetItem] = []
        stack = self.tops()[::-1]
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(
                child
                for i in reversed(range(node.childCount()))
                if (child := node.child(i)) is not None
            )
        return found

    def node(self, uid: str) -> QTreeWidgetItem | None:
        return next((n for n in self.nodes() if n.data(0, UID_ROLE) == uid), None)

    def current_uid(self) -> str | None:
        node = self.currentItem()
        return str(node.data(0, UID_ROLE)) if node is not None else None

    def expanded_uids(self) -> set[str]:
        return {str(n.data(0, UID_ROLE)) for n in self.nodes() if n.isExpanded()}

    def select(self, uid: str | None) -> None:
        node = self.node(uid) if uid else None
        if node is not None:
            parent = node.parent()
            while parent is not None:
                parent.setExpanded(True)
                parent = parent.parent()
            self.setCurrentItem(node, TEXT)
            self.scrollToItem(node)

    def set_labels(self, labels: dict[str, str]) -> None:
        """Numbers again, after a change of words made a heading print or not."""
        self._loading = True
        for node in self.nodes():
            node.setText(LABEL, labels.get(str(node.data(0, UID_ROLE)), ""))
        self._loading = False

    def set_row_text(self, uid: str, text: str) -> None:
        node = self.node(uid)
        if node is not None:
            self._loading = True
            node.setText(TEXT, " ".join(text.split()) or "(chưa có nội dung)")
            self._loading = False

    def _item_changed(self, node: QTreeWidgetItem, column: int) -> None:
        if not self._loading and column == LABEL:
            self.ticked.emit(
                str(node.data(0, UID_ROLE)), node.checkState(LABEL) == Qt.CheckState.Checked
            )

    def shape(self) -> Shape:
        """The rows as nested uids (after a drop: the new shape)."""

        def of(node: QTreeWidgetItem) -> tuple[str, Shape]:
            children = [node.child(i) for i in range(node.childCount())]
            return (str(node.data(0, UID_ROLE)), [of(c) for c in children if c is not None])

        return [of(node) for node in self.tops()]

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
        self.reshaped.emit(self.shape())
