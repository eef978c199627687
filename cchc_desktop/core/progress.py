"""What a task's dated history says of a reporting period: its status and results at the end
of the period ("lũy kế"), the results recorded within it ("trong kỳ"), whether it was
completed within it, and whether its figures carry a date at all.

History moments are UTC (store/tracking.py); a period is made of local days (core/clock.py),
each from local midnight to the next. Plain Python.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from cchc_desktop.core.clock import parse_stamp
from cchc_desktop.core.model import STATUS_LABELS, ResultCount, Task, TaskStatus
from cchc_desktop.core.tracking import HistoryEntry, merge_results, parse_results, unit_counts

T = TypeVar("T")
Histories = Mapping[int, Sequence[HistoryEntry]]  # a task's id → its history, any order

_STATUSES = {label: status for status, label in STATUS_LABELS.items()}


def day_start(day: date) -> datetime:
    """Local midnight at the start of ``day``, as an aware moment."""
    return datetime.combine(day, time()).astimezone()


def span(first: date, last: date) -> tuple[datetime, datetime]:
    """The moments a period of days covers: from the start of ``first`` to the end of
    ``last`` (the start of the next day, not included)."""
    return day_start(first), day_start(last + timedelta(days=1))


@dataclass(frozen=True, slots=True)
class Change:
    """One dated change of one field."""

    moment: datetime
    old: str
    new: str


def changes_of(entries: Sequence[HistoryEntry], field: str) -> list[Change]:
    """A field's changes, oldest first (those of one moment in the order they were saved). A
    line whose moment cannot be read says nothing of when: it is left out."""
    found = []
    for entry in entries:
        if entry.field != field:
            continue
        try:
            moment = parse_stamp(entry.changed_at)
        except ValueError:
            continue
        found.append(Change(moment, entry.old, entry.new))
    found.sort(key=lambda change: change.moment)
    return found


def value_before(
    changes: Sequence[Change], moment: datetime, current: T, read: Callable[[str], T]
) -> T:
    """A field's value just before ``moment``: the new value of its last change before it,
    else the old value of its first change from then on, else (never changed) its value now."""
    earlier = [change for change in changes if change.moment < moment]
    if earlier:
        return read(earlier[-1].new)
    if changes:
        return read(changes[0].old)
    return current


def read_status(label: str) -> TaskStatus:
    """A status as the history writes it ("Hoàn thành") back to the status."""
    try:
        return _STATUSES[label]
    except KeyError:
        raise ValueError(f"«{label}» không phải một trạng thái") from None


def read_results(text: str) -> tuple[ResultCount, ...]:
    return tuple(parse_results(text))


@dataclass(frozen=True, slots=True)
class Progress:
    """A task as the report of a period sees it."""

    status: TaskStatus  # at the end of the period
    results: tuple[ResultCount, ...]  # lũy kế: everything recorded by the end of the period
    in_period: tuple[ResultCount, ...]  # trong kỳ: what was recorded within the period
    completed: bool  # its status became "done" within the period
    undated: bool  # results or completion recorded without a date: counted in lũy kế only


def progress(
    task: Task, history: Sequence[HistoryEntry], start: datetime, end: datetime
) -> Progress:
    """What ``task`` had achieved by ``end`` and within [``start``, ``end``), from its
    history. A field without a (readable) history has had its present value all along: its
    counts are lũy kế only, and the task is ``undated`` when those counts are not nothing."""
    status_changes = changes_of(history, "status")
    try:
        status = value_before(status_changes, end, task.status, read_status)
        status_then = value_before(status_changes, start, task.status, read_status)
    except ValueError:
        status_changes, status = [], task.status
        status_then = status
    result_changes = changes_of(history, "results")
    now = tuple(merge_results(task.results))
    try:
        results = value_before(result_changes, end, now, read_results)
        results_then = value_before(result_changes, start, now, read_results)
    except ValueError:
        result_changes, results = [], now
        results_then = results
    return Progress(
        status=status,
        results=results,
        in_period=gained(results_then, results) if result_changes else (),
        completed=status is TaskStatus.DONE and status_then is not TaskStatus.DONE,
        undated=(not result_changes and any(r.count for r in results))
        or (not status_changes and status is TaskStatus.DONE),
    )


def gained(before: Sequence[ResultCount], after: Sequence[ResultCount]) -> tuple[ResultCount, ...]:
    """What each unit grew by. A count lowered (a correction) is no work done: it gains
    nothing, and takes nothing from the other units."""
    had = unit_counts(before)
    grown = ((r.unit, r.count - had.get(r.unit, 0)) for r in merge_results(after))
    return tuple(ResultCount(count, unit) for unit, count in grown if count > 0)
