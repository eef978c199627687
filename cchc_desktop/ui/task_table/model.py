"""TaskTableModel: the plan's appendix tasks as table rows — task ids in display order plus a
row cache; one edited task emits ``dataChanged`` for its row alone, never a reset.

An edit made in the table goes to ``editor`` (the tracker makes it an undoable command, see
ui/undo.py); the commands then call ``save``, ``insert``, ``remove`` and ``swapped`` here to
show what the store saved. The model itself knows nothing of undo. Sorting happens here, on precomputed keys: QSortFilterProxyModel's
own sort calls ``data()`` for every comparison, seconds on a plan of 10,000 tasks.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from cchc_desktop.core.model import Task, TaskStatus
from cchc_desktop.core.period import Period
from cchc_desktop.core.tracking import (
    FIELD_LABELS,
    StatusCounts,
    TrackedTask,
    parse_results,
    results_text,
)
from cchc_desktop.errors import CchcError, ConflictError
from cchc_desktop.store.tracking import TaskStore
from cchc_desktop.ui.task_table.columns import COLUMNS, Col
from cchc_desktop.ui.task_table.rows import TaskRow, build_row, sort_key

Index = QModelIndex | QPersistentModelIndex

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3

OVERDUE_TEXT = QColor("#a4161a")
OVERDUE_BACKGROUND = QColor("#fde8e8")
DONE_TEXT = QColor("#1b6e2a")
DROPPED_TEXT = QColor("#6b6b6b")


class TaskTableModel(QAbstractTableModel):
    """Rows of one plan's appendix tasks. ``today`` is the clock (injected in tests)."""

    failed = Signal(str)  # a Vietnamese message when the store refused a change
    conflict = Signal(str)  # the task was changed elsewhere meanwhile: the edit was not saved
    changed = Signal()  # any task changed, was added, removed or moved (tallies follow)

    def __init__(self, store: TaskStore, today: Callable[[], date], parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        # Runs one edit (before, after, what): the tracker's undoable command; saved directly
        # when the model is used alone.
        self.editor: Callable[[Task, Task, str], bool] = lambda before, after, _what: self.save(
            after, before
        )
        self.read_only = False  # a file opened read-only: shown, not editable
        self.plan_id: int | None = None
        self.period: Period | None = None
        self._ids: list[int] = []  # display order
        self._rows: dict[int, TaskRow] = {}  # the row cache
        self._row_of: dict[int, int] = {}
        self._numbers: dict[int, int] = {}  # TT: the place in the appendix
        self._tally: Counter[str] = Counter()  # statuses and "overdue", kept as rows change
        self._sort: tuple[Col, Qt.SortOrder] = (Col.NUMBER, Qt.SortOrder.AscendingOrder)
        self._overdue_icon: QIcon | None = None
        self._bold: QFont | None = None

    # loading ---------------------------------------------------------------------------

    def load(self, plan_id: int | None, period: Period | None = None) -> None:
        """Show a plan's tasks (or none): one query, one row per task."""
        self.beginResetModel()
        self.plan_id, self.period = plan_id, period
        tracked = [] if plan_id is None else self.store.tracked_tasks(plan_id)
        today = self.today()
        self._rows = {t.id: build_row(t, today) for t in tracked}
        self._ids = list(self._rows)
        self._sort = (Col.NUMBER, Qt.SortOrder.AscendingOrder)
        self._numbers = {task_id: n for n, task_id in enumerate(self._ids, start=1)}
        self._reindex()
        self._retally()
        self.endResetModel()
        self.changed.emit()

    def recompute(self) -> None:
        """The date changed (the app stayed open past midnight): overdue again for every row."""
        today = self.today()
        for task_id, row in self._rows.items():
            self._rows[task_id] = build_row(row.tracked, today)
        self._retally()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(Col) - 1))
        self.changed.emit()

    def _renumber(self) -> None:
        in_plan = sorted((row.tracked.position, task_id) for task_id, row in self._rows.items())
        self._numbers = {task_id: n for n, (_, task_id) in enumerate(in_plan, start=1)}

    def _retally(self) -> None:
        self._tally = Counter()
        for row in self._rows.values():
            self._count(row, 1)

    def _count(self, row: TaskRow | None, sign: int) -> None:
        if row is not None:
            self._tally[row.status.value] += sign
            self._tally["overdue"] += sign * row.overdue

    def _reindex(self) -> None:
        self._row_of = {task_id: i for i, task_id in enumerate(self._ids)}

    # reading ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def row_data(self, row: int) -> TaskRow | None:
        """The cached row, or None for a row that failed to load (shown disabled)."""
        if not 0 <= row < len(self._ids):
            return None
        return self._rows.get(self._ids[row])

    def rows(self) -> list[TaskRow]:
        return [self._rows[i] for i in self._ids if i in self._rows]

    def task_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, task_id: int) -> int | None:
        return self._row_of.get(task_id)

    def tracked(self, task_id: int) -> TrackedTask | None:
        row = self._rows.get(task_id)
        return row.tracked if row else None

    def number(self, task_id: int) -> int:
        return self._numbers.get(task_id, 0)

    def counts(self) -> StatusCounts:
        """The tallies of the summary strip, kept up to date row by row (no pass over 10,000
        tasks after each edit); ``count_statuses`` in core gives the same numbers."""
        tally = self._tally
        return StatusCounts(
            total=len(self._rows),
            not_started=tally[TaskStatus.NOT_STARTED.value],
            in_progress=tally[TaskStatus.IN_PROGRESS.value],
            done=tally[TaskStatus.DONE.value],
            dropped=tally[TaskStatus.DROPPED.value],
            overdue=tally["overdue"],
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.row_data(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags  # a row that failed to load: shown, disabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()].field and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_data(index.row())
        column = index.column()
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and column == Col.TITLE:
                return "(không đọc được nhiệm vụ này)"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Col.NUMBER:
                return str(self._numbers.get(row.id, ""))
            return row.texts[column]
        if role == Qt.ItemDataRole.EditRole:
            task = row.tracked.task
            if column == Col.STATUS:
                return task.status.value
            if column == Col.RESULTS:
                return results_text(task.results)
            field = COLUMNS[column].field
            return getattr(task, field) if field else row.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue and column in (Col.STATUS, Col.DUE):
                return QBrush(OVERDUE_TEXT)
            if column == Col.STATUS and row.status is TaskStatus.DONE:
                return QBrush(DONE_TEXT)
            if row.status is TaskStatus.DROPPED:
                return QBrush(DROPPED_TEXT)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERDUE_BACKGROUND) if row.overdue else None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == Col.STATUS and row.overdue:
                return self._warning_icon()
            return None
        if role == Qt.ItemDataRole.FontRole:
            if row.overdue and column in (Col.STATUS, Col.DUE):
                return self._bold_font()
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if COLUMNS[column].centred:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == TASK_ID_ROLE:
            return row.id
        if role == OVERDUE_ROLE:
            return row.overdue
        if role == STATUS_ROLE:
            return row.status.value
        return None

    def _tooltip(self, row: TaskRow, column: int) -> str:
        if column == Col.TITLE:
            task = row.tracked.task
            return "\n".join([task.title, *(f"- {d}" for d in task.details)])
        if column in (Col.STATUS, Col.DUE) and row.overdue:
            return f"Quá hạn: hạn hoàn thành {row.texts[Col.DUE]} đã qua mà chưa hoàn thành."
        return row.texts[column]

    def _warning_icon(self) -> QIcon:
        if self._overdue_icon is None:
            style = QApplication.style()
            self._overdue_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._overdue_icon

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont()
            self._bold.setBold(True)
        return self._bold

    # editing in place ------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.row_data(index.row())
        field = COLUMNS[index.column()].field
        if row is None or not field:
            return False
        after = copy.deepcopy(row.tracked.task)
        try:
            if field == "status":
                after.status = TaskStatus(value)
            elif field == "results":
                after.results = parse_results(str(value))
            else:
                setattr(
                    after,
                    field,
                    " ".join(str(value).split()) if field != "title" else str(value).strip(),
                )
        except ValueError as error:
            self.failed.emit(f"Không ghi được {FIELD_LABELS[field].lower()}: {error}.")
            return False
        if field == "title" and not after.title:
            self.failed.emit("Tên nhiệm vụ không được để trống.")
            return False
        return self.edit(after, FIELD_LABELS[field])

    def edit(self, after: Task, what: str = "") -> bool:
        """Save an edited task (through ``editor``); False when nothing changed or refused."""
        assert after.id is not None
        current = self.tracked(after.id)
        if current is None or current.task == after:
            return False
        return self.editor(copy.deepcopy(current.task), copy.deepcopy(after), what)

    # what the commands call: one store call each, then the rows follow -------------------

    def save(self, task: Task, base: Task) -> bool:
        """Save ``task``, edited from ``base`` (the task as it was shown). A change made to
        the same fields elsewhere meanwhile refuses it: the row shows the stored task again."""
        assert self.plan_id is not None and task.id is not None
        try:
            tracked = self.store.update_task(
                self.plan_id, copy.deepcopy(task), base=copy.deepcopy(base)
            )
        except ConflictError as error:
            self.put(self.store.tracked_task(task.id))
            self.conflict.emit(error.message)
            return False
        except CchcError as error:
            self.failed.emit(error.message)
            return False
        self.put(tracked)
        notes = self.store.repo.take_notes()
        if notes:
            self.failed.emit("; ".join(notes))
        return True

    def put(self, tracked: TrackedTask) -> None:
        """Show the saved state of one task: ``dataChanged`` for its row alone."""
        self._count(self._rows.get(tracked.id), -1)
        self._rows[tracked.id] = build_row(tracked, self.today())
        self._count(self._rows[tracked.id], 1)
        row = self._row_of.get(tracked.id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Col) - 1))
        self.changed.emit()

    def insert(self, tracked: TrackedTask, at: int) -> None:
        """A task added (or put back) at display row ``at``."""
        at = max(0, min(at, len(self._ids)))
        self.beginInsertRows(QModelIndex(), at, at)
        self._ids.insert(at, tracked.id)
        self._rows[tracked.id] = build_row(tracked, self.today())
        self._count(self._rows[tracked.id], 1)
        self._reindex()
        self.endInsertRows()
        self._refresh_numbers()

    def remove(self, task_id: int) -> int | None:
        """A task gone; returns the display row it had."""
        row = self._row_of.get(task_id)
        if row is None:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self._count(self._rows.pop(task_id, None), -1)
        self._reindex()
        self.endRemoveRows()
        self._refresh_numbers()
        return row

    def swapped(self, first_id: int, second_id: int) -> None:
        """Two tasks exchanged places in the plan: re-read their positions."""
        for task_id in (first_id, second_id):
            self._count(self._rows.get(task_id), -1)
            self._rows[task_id] = build_row(self.store.tracked_task(task_id), self.today())
            self._count(self._rows[task_id], 1)
        if self._sort[0] == Col.NUMBER:
            a, b = sorted(r for r in (self._row_of[first_id], self._row_of[second_id]))
            # Move the lower row up to the higher one's place (and the other follows).
            self.beginMoveRows(QModelIndex(), b, b, QModelIndex(), a)
            self._ids[a], self._ids[b] = self._ids[b], self._ids[a]
            self._reindex()
            self.endMoveRows()
        self._refresh_numbers()

    def _refresh_numbers(self) -> None:
        """TT follows the appendix order: one signal for the whole TT column."""
        if self.plan_id is not None:
            for task_id, position in self.store.positions(self.plan_id).items():
                row = self._rows.get(task_id)
                if row is not None and row.tracked.position != position:
                    row.tracked = replace(row.tracked, position=position)
        self._renumber()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, Col.NUMBER), self.index(len(self._ids) - 1, Col.NUMBER)
            )
        self.changed.emit()

    # sorting ---------------------------------------------------------------------------

    @property
    def sort_order(self) -> tuple[Col, Qt.SortOrder]:
        return self._sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the ids on precomputed keys; selections follow (persistent indexes)."""
        if not 0 <= column < len(Col):
            return
        key_column = Col(column)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moving = [(p, self._ids[p.row()] if p.row() < len(self._ids) else None) for p in persistent]
        rows = self._rows
        missing = [i for i in self._ids if i not in rows]
        present = [i for i in self._ids if i in rows]
        # Equal keys keep the appendix order: a stable sort on the position first.
        present.sort(key=lambda i: rows[i].tracked.position)
        present.sort(
            key=lambda i: sort_key(rows[i], key_column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._ids = present + missing
        self._sort = (key_column, order)
        self._reindex()
        self.changePersistentIndexList(
            [p for p, _ in moving],
            [
                self.index(self._row_of[i], p.column()) if i is not None else QModelIndex()
                for p, i in moving
            ],
        )
        self.layoutChanged.emit()
