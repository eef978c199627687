"""Plain row data of the task table: what each cell shows, how it sorts, and the folded text
the search reads — computed once per task when it is loaded or edited, never per paint (a text
column's Vietnamese sort key when the table is first sorted on it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cchc_desktop.core.model import TaskStatus
from cchc_desktop.core.text import fold
from cchc_desktop.core.tracking import (
    TrackedTask,
    due_text,
    is_overdue,
    results_text,
    status_text,
)
from cchc_desktop.ui.collation import sort_key as collation_key
from cchc_desktop.ui.task_table.columns import Col

_STATUS_ORDER = {
    TaskStatus.NOT_STARTED: 1,
    TaskStatus.IN_PROGRESS: 2,
    TaskStatus.DONE: 3,
    TaskStatus.DROPPED: 4,
}
_LAST = date.max


@dataclass(slots=True)
class TaskRow:
    """One task as the table shows it."""

    tracked: TrackedTask
    texts: tuple[str, ...]  # per column; the TT column is filled by the model
    overdue: bool
    folded: str  # everything searchable, lower case, without diacritics, fields apart
    keys: dict[Col, Any] = field(default_factory=dict)  # text columns' sort keys, once made

    @property
    def id(self) -> int:
        return self.tracked.id

    @property
    def status(self) -> TaskStatus:
        return self.tracked.task.status

    def folded_field(self, column: Col) -> str:
        """The folded text of one text column (title, units, …)."""
        return self.folded.split(SEPARATOR, int(column))[int(column) - 1]


SEPARATOR = "\x1f"  # between fields in the folded text: a search never spans two fields


def build_row(tracked: TrackedTask, today: date) -> TaskRow:
    task = tracked.task
    overdue = is_overdue(task.status, tracked.due, today)
    texts = (
        "",
        task.title,
        task.output,
        task.start_text,
        task.finish_text,
        task.lead_unit,
        task.supporting_units,
        status_text(task.status, overdue),
        results_text(task.results),
        due_text(tracked.due),
    )
    # One fold per task (the slow part of opening a big plan).
    folded = fold(
        SEPARATOR.join((*texts[1:], *task.details, task.evidence, task.notes, task.reason))
    )
    return TaskRow(tracked, texts, overdue, folded)


def sort_key(row: TaskRow, column: Col) -> Any:
    """What a column sorts by: dates as dates, counts as numbers, text in Vietnamese order."""
    tracked = row.tracked
    if column is Col.NUMBER:
        return tracked.position
    if column in (Col.START,):
        return tracked.start or _LAST
    if column in (Col.FINISH, Col.DUE):
        return tracked.due or _LAST
    if column is Col.STATUS:
        return (not row.overdue, _STATUS_ORDER[row.status])
    if column is Col.RESULTS:
        return sum(r.count for r in tracked.task.results)
    key = row.keys.get(column)
    if key is None:
        key = row.keys[column] = collation_key(row.texts[column])
    return key
