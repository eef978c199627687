"""TaskFilterProxyModel: status (with the computed "quá hạn"), unit, month or quarter, and a
search that ignores diacritics and case, read from each row's precomputed folded text."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from cchc_desktop.core.model import TaskStatus
from cchc_desktop.core.text import fold
from cchc_desktop.core.tracking import FINISHED, concerns
from cchc_desktop.ui.task_table.columns import Col
from cchc_desktop.ui.task_table.model import TaskTableModel
from cchc_desktop.ui.task_table.rows import TaskRow

Index = QModelIndex | QPersistentModelIndex


class StatusFilter(StrEnum):
    ALL = "all"
    UNFINISHED = "unfinished"  # not started or in progress, late or not
    OVERDUE = "overdue"
    NOT_STARTED = TaskStatus.NOT_STARTED.value
    IN_PROGRESS = TaskStatus.IN_PROGRESS.value
    DONE = TaskStatus.DONE.value
    DROPPED = TaskStatus.DROPPED.value


STATUS_FILTER_LABELS = {
    StatusFilter.ALL: "Tất cả trạng thái",
    StatusFilter.UNFINISHED: "Chưa hoàn thành",
    StatusFilter.OVERDUE: "Quá hạn",
    StatusFilter.NOT_STARTED: "Chưa thực hiện",
    StatusFilter.IN_PROGRESS: "Đang thực hiện",
    StatusFilter.DONE: "Hoàn thành",
    StatusFilter.DROPPED: "Không thực hiện",
}


@dataclass(frozen=True, slots=True)
class Filters:
    """What the officer asked to see. Empty values mean "everything"."""

    text: str = ""  # already folded
    status: StatusFilter = StatusFilter.ALL
    unit: str = ""  # folded unit name, matched in the lead or the supporting units
    window: tuple[date, date] | None = None  # a month or a quarter

    @property
    def active(self) -> bool:
        return self != Filters()


def accepts(row: TaskRow, filters: Filters) -> bool:
    """The rule itself, plain Python: the proxy asks it for each row."""
    if filters.text and filters.text not in row.folded:
        return False
    status = filters.status
    if status is not StatusFilter.ALL:
        if status is StatusFilter.OVERDUE:
            if not row.overdue:
                return False
        elif status is StatusFilter.UNFINISHED:
            if row.status in FINISHED:
                return False
        elif row.status.value != status.value:
            return False
    if filters.unit and not (
        filters.unit in row.folded_field(Col.LEAD) or filters.unit in row.folded_field(Col.SUPPORT)
    ):
        return False
    if filters.window is not None:
        first, last = filters.window
        if not concerns(row.tracked.start, row.tracked.due, first, last):
            return False
    return True


class TaskFilterProxyModel(QSortFilterProxyModel):
    """Filters the task model's rows; sorting is passed to the model, which sorts on
    precomputed keys (see TaskTableModel)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.filters = Filters()
        self.pinned: set[int] = set()  # tasks just added stay visible whatever the filters
        self._model: TaskTableModel | None = None
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: Any) -> None:
        assert isinstance(model, TaskTableModel)
        self._model = model
        super().setSourceModel(model)

    def set_filters(self, filters: Filters) -> None:
        if filters == self.filters:
            return
        self.beginFilterChange()
        self.filters = filters
        self.pinned.clear()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.set_filters(replace(self.filters, text=fold(" ".join(text.split()))))

    def pin(self, task_id: int) -> None:
        self.pinned.add(task_id)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self._model
        if model is None:
            return True
        row = model.row_data(source_row)
        if row is None:
            return True  # a row that failed to load is shown (disabled), never hidden
        return row.id in self.pinned or accepts(row, self.filters)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._model is not None:
            self._model.sort(column, order)

    def task_id(self, proxy_row: int) -> int | None:
        if self._model is None:
            return None
        source = self.mapToSource(self.index(proxy_row, 0))
        return self._model.task_id(source.row()) if source.isValid() else None

    def proxy_row_of(self, task_id: int) -> int | None:
        if self._model is None:
            return None
        row = self._model.row_of(task_id)
        if row is None:
            return None
        mapped = self.mapFromSource(self._model.index(row, 0))
        return mapped.row() if mapped.isValid() else None
