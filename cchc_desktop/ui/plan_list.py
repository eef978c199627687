"""The table model of the office's plans, for the main window's list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from cchc_desktop.core.model import PlanState
from cchc_desktop.store.repository import PlanSummary

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Kỳ kế hoạch", "Kế hoạch", "Số", "Trạng thái", "Xong")
HEADER_TIPS = ("", "", "", "", "Nhiệm vụ đã hoàn thành / số nhiệm vụ trong phụ lục")
STATE_LABELS = {PlanState.DRAFT: "Bản nháp", PlanState.ISSUED: "Đã ban hành"}
PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PlanListModel(QAbstractTableModel):
    """Read-only rows of PlanSummary; ``PLAN_ID_ROLE`` gives a row's plan id."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanSummary] = []

    def set_plans(self, rows: list[PlanSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_plan(self, row: int, summary: PlanSummary) -> None:
        """One plan's line changed (e.g. a task was marked done): that row only."""
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def summary(self, row: int) -> PlanSummary:
        return self._rows[row]

    def plan_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, plan_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == plan_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section] or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == PLAN_ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return row.period.label[:1].upper() + row.period.label[1:]
            if column == 1:
                return row.title
            if column == 2:
                return f"{row.number}/KH-UBND" if row.number else "Chưa có số"
            if column == 3:
                return STATE_LABELS[row.state]
            if column == 4:
                return f"{row.done_count}/{row.task_count}"
        return None
