"""TextCellDelegate: a table cell's text edited in a box that fits it — the cell's width (more
for a narrow column), as tall as the wrapped words, kept inside the table's visible part — not
a one-line box scrolled to its end over the next columns. Enter saves, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
MIN_WIDTH = 320  # a narrow column (units, times) still gets room for a long name


class CellTextEdit(QTextEdit):
    """The editor: plain text, wrapped, growing with what is typed."""

    entered = Signal()  # Enter or Return: save and close

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("cellEditor")
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cell = QRect()
        self.document().contentsChanged.connect(self.fit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            return
        super().keyPressEvent(event)

    def place(self, cell: QRect) -> None:
        self.cell = QRect(cell)
        self.fit()

    def fit(self) -> None:
        """Over the cell, as wide and tall as the words need, inside the visible table."""
        parent = self.parentWidget()
        if parent is None or not self.cell.isValid():
            return
        bounds = parent.rect()
        width = min(max(self.cell.width(), MIN_WIDTH), bounds.width())
        # Measured with the font rather than read from the document, whose layout lags behind.
        frame = 2 * (self.frameWidth() + round(self.document().documentMargin()))
        words = self.fontMetrics().boundingRect(
            QRect(0, 0, max(width - frame, 1), 100_000),
            Qt.TextFlag.TextWordWrap,
            self.toPlainText() or " ",
        )
        needed = words.height() + frame
        height = min(max(needed, self.cell.height()), bounds.height())
        left = max(min(self.cell.left(), bounds.right() + 1 - width), 0)
        top = max(min(self.cell.top(), bounds.bottom() + 1 - height), 0)
        self.setGeometry(left, top, width, height)


class TextCellDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = CellTextEdit(parent)
        editor.entered.connect(lambda: self._finish(editor))
        return editor

    def _finish(self, editor: CellTextEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, CellTextEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setPlainText("" if value is None else str(value))
        editor.moveCursor(QTextCursor.MoveOperation.End)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, CellTextEdit)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        assert isinstance(editor, CellTextEdit)
        editor.place(option.rect)
