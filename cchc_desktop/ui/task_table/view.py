"""TaskTableView: the table's look (fixed row height, column widths, elided text), its editors
(the status from a list, text in a box that fits it), and the context menu built from the
window's actions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from cchc_desktop.core.model import STATUS_LABELS, TaskStatus
from cchc_desktop.ui.cell_editor import TextCellDelegate
from cchc_desktop.ui.task_table.columns import COLUMNS, VISUAL_ORDER, Col

Index = QModelIndex | QPersistentModelIndex
ROW_LINES = 2  # a long task title shows two lines, then "…"; the side panel shows all


class StatusDelegate(QStyledItemDelegate):
    """A drop-down of the four statuses one records; "quá hạn" is computed, not chosen."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for status in TaskStatus:
            combo.addItem(STATUS_LABELS[status], status.value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        at = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(at, 0))
        QTimer.singleShot(0, editor, editor.showPopup)  # not if the editor is gone by then

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TaskTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.menu_actions: Sequence[QAction | None] = ()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setCornerButtonEnabled(False)
        self.setSortingEnabled(True)
        self.setItemDelegate(TextCellDelegate(self))
        self.setItemDelegateForColumn(Col.STATUS, StatusDelegate(self))
        # Fixed row heights: a table of 10,000 tasks never measures every row.
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        line = self.fontMetrics().lineSpacing()
        vertical.setDefaultSectionSize(line * ROW_LINES + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSortIndicator(Col.NUMBER, Qt.SortOrder.AscendingOrder)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        scale = self.fontMetrics().averageCharWidth() / 7  # widths were chosen at 7 px/char
        for column in COLUMNS:
            header.resizeSection(column.key, round(column.width * max(scale, 1.0)))
        for visual, logical in enumerate(VISUAL_ORDER):
            header.moveSection(header.visualIndex(logical), visual)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

    def _header_menu(self, point: QPoint) -> None:
        """Right-click on the header: show or hide columns (TT and the task always show)."""
        header = self.horizontalHeader()
        menu = QMenu(self)
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if logical in (Col.NUMBER, Col.TITLE):
                continue
            action = menu.addAction(COLUMNS[logical].tooltip.split(",")[0])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(logical))
            action.toggled.connect(
                lambda on, column=logical: header.setSectionHidden(column, not on)
            )
        menu.exec(header.mapToGlobal(point))

    def _menu(self, point: QPoint) -> None:
        if not self.menu_actions:
            return
        index = self.indexAt(point)
        if index.isValid():
            self.selectRow(index.row())
        menu = QMenu(self)
        for action in self.menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.viewport().mapToGlobal(point))

    def current_proxy_row(self) -> int | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return rows[0].row() if rows else None
