"""Tracking rules for the appendix tasks: overdue, counts of results, status tallies, time windows.

Plain Python; the task table, the reminder and the report all ask these functions, so a rule
("is this task late?") has one answer everywhere. The clock is always passed in.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from cchc_desktop.core.clock import local_text
from cchc_desktop.core.model import STATUS_LABELS, ResultCount, Task, TaskStatus
from cchc_desktop.core.period import Period, month_end
from cchc_desktop.core.text import nfc
from cchc_desktop.core.timewords import format_date_vn

# The units results are counted in, as the officers write them (đơn vị tính).
RESULT_UNITS = ("tin", "bài", "cuộc", "lượt người", "buổi phát thanh")

OVERDUE_LABEL = "Quá hạn"
FINISHED = (TaskStatus.DONE, TaskStatus.DROPPED)


@dataclass(frozen=True, slots=True)
class TrackedTask:
    """A task with the dates stored beside it (derived from its time words when saved)."""

    task: Task
    start: date | None
    due: date | None
    position: int = 0

    @property
    def id(self) -> int:
        assert self.task.id is not None
        return self.task.id


def is_overdue(status: TaskStatus, due: date | None, today: date) -> bool:
    """Past its due date and neither done nor dropped ("quá hạn" is never typed)."""
    return status not in FINISHED and due is not None and due < today


def status_text(status: TaskStatus, overdue: bool) -> str:
    """ "Đang thực hiện", or "Đang thực hiện (quá hạn)": words, never colour alone."""
    label = STATUS_LABELS[status]
    return f"{label} ({OVERDUE_LABEL.lower()})" if overdue else label


# --- results ---------------------------------------------------------------------------

_RESULT = re.compile(r"^\s*(\d[\d.\s]*)\s+(.+?)\s*$")


def normal_unit(unit: str) -> str:
    """One spelling per unit, so counts add up: "Tin " and "tin" are the same unit."""
    return " ".join(nfc(unit).split()).lower()


def results_text(results: Sequence[ResultCount]) -> str:
    """ "18 tin; 6 bài" """
    return "; ".join(f"{r.count} {r.unit}" for r in results if r.count or r.unit)


def parse_results(text: str) -> list[ResultCount]:
    """ "18 tin; 6 bài, 2 cuộc" back to counts; raises ValueError naming what is not a count."""
    results = []
    for part in re.split(r"[;,\n]", text):
        if not part.strip():
            continue
        match = _RESULT.match(part)
        if match is None:
            raise ValueError(f"«{part.strip()}» không phải dạng «số lượng đơn vị», ví dụ «12 tin»")
        count = int(re.sub(r"[.\s]", "", match[1]))
        results.append(ResultCount(count, normal_unit(match[2])))
    return merge_results(results)


def merge_results(results: Iterable[ResultCount]) -> list[ResultCount]:
    """Counts of the same unit added together, in the order units first appear."""
    totals: dict[str, int] = {}
    for r in results:
        unit = normal_unit(r.unit)
        if unit:
            totals[unit] = totals.get(unit, 0) + r.count
    return [ResultCount(count, unit) for unit, count in totals.items()]


def total_results(tasks: Iterable[Task]) -> list[ResultCount]:
    """Every task's counts added up by unit: the usual units first, in their usual order."""
    merged = merge_results(r for t in tasks for r in t.results)
    order = {unit: i for i, unit in enumerate(RESULT_UNITS)}
    return sorted(merged, key=lambda r: (order.get(r.unit, len(order)), r.unit))


def unit_counts(results: Iterable[ResultCount]) -> dict[str, int]:
    """Counts added up by unit, each unit spelt as ``normal_unit`` spells it."""
    counts: dict[str, int] = {}
    for r in results:
        unit = normal_unit(r.unit)
        counts[unit] = counts.get(unit, 0) + r.count
    return counts


def result_count(results: Sequence[ResultCount], unit: str) -> int:
    return unit_counts(results).get(normal_unit(unit), 0)


# --- tallies ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusCounts:
    """How many tasks are in each recorded status; ``overdue`` is a subset of the unfinished."""

    total: int = 0
    not_started: int = 0
    in_progress: int = 0
    done: int = 0
    dropped: int = 0
    overdue: int = 0

    @property
    def unfinished(self) -> int:
        return self.not_started + self.in_progress


def count_statuses(tracked: Iterable[TrackedTask], today: date) -> StatusCounts:
    counts = dict.fromkeys(TaskStatus, 0)
    overdue = total = 0
    for t in tracked:
        total += 1
        counts[t.task.status] += 1
        overdue += is_overdue(t.task.status, t.due, today)
    return StatusCounts(
        total=total,
        not_started=counts[TaskStatus.NOT_STARTED],
        in_progress=counts[TaskStatus.IN_PROGRESS],
        done=counts[TaskStatus.DONE],
        dropped=counts[TaskStatus.DROPPED],
        overdue=overdue,
    )


# --- time windows ----------------------------------------------------------------------

_ROMAN = ("I", "II", "III", "IV")


def quarter_roman(quarter: int) -> str:
    return _ROMAN[quarter - 1]


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """A month or a quarter of the plan's period, to filter the tasks it concerns."""

    label: str  # "Quý III/2025", "Tháng 8/2025"
    first: date
    last: date


def time_windows(period: Period) -> list[TimeWindow]:
    """Each quarter of the period followed by its months."""
    windows = []
    for quarter in period.quarters:
        first_month = 3 * quarter - 2
        windows.append(
            TimeWindow(
                f"Quý {quarter_roman(quarter)}/{period.year}",
                date(period.year, first_month, 1),
                month_end(period.year, first_month + 2),
            )
        )
        for month in range(first_month, first_month + 3):
            windows.append(
                TimeWindow(
                    f"Tháng {month}/{period.year}",
                    date(period.year, month, 1),
                    month_end(period.year, month),
                )
            )
    return windows


def concerns(start: date | None, due: date | None, first: date, last: date) -> bool:
    """Whether a task's span meets the window. A task whose time words could not be read
    has no dates: it is shown in every window rather than hidden."""
    if start is None and due is None:
        return True
    begin = start or due
    end = due or start
    assert begin is not None and end is not None
    return begin <= last and end >= first


def due_text(due: date | None) -> str:
    return format_date_vn(due) if due else ""


# --- history ---------------------------------------------------------------------------

FIELD_LABELS = {
    "title": "Tên nhiệm vụ",
    "details": "Nội dung chi tiết",
    "output": "Sản phẩm",
    "start_text": "Thời gian triển khai",
    "finish_text": "Thời gian hoàn thành",
    "lead_unit": "Cơ quan chủ trì",
    "supporting_units": "Cơ quan phối hợp",
    "status": "Trạng thái",
    "reason": "Lý do",
    "results": "Kết quả",
    "evidence": "Minh chứng",
    "notes": "Ghi chú",
    "remarks": "Ghi chú in trong phụ lục",
    "chosen": "Đưa vào phụ lục",
}
CREATED = "created"  # the history line of a task added while tracking
RESTORED = "restored"


def field_text(task: Task, name: str) -> str:
    """A tracked field as a person reads it, for the history of changes."""
    if name == "status":
        return STATUS_LABELS[task.status]
    if name == "results":
        return results_text(task.results)
    if name == "details":
        return "\n".join(task.details)
    if name == "chosen":
        return "có" if task.chosen else "không"
    value = getattr(task, name)
    assert isinstance(value, str)
    return value


def changes(before: Task, after: Task) -> list[tuple[str, str, str]]:
    """(field, old, new) for every field that differs, in the order of FIELD_LABELS."""
    found = []
    for name in FIELD_LABELS:
        old, new = field_text(before, name), field_text(after, name)
        if nfc(old) != nfc(new):
            found.append((name, old, new))
    return found


def merge_edit(base: Task, edited: Task, current: Task) -> tuple[Task, list[str]]:
    """An edit made on ``base`` (the task as it was read) applied to the task as it is now,
    ``current``: the fields the edit changed take its values, the others keep the stored
    ones. Also the labels of the fields the edit changed that were changed elsewhere too,
    differently (then nothing may be saved)."""
    merged = copy.deepcopy(current)
    clashes = []
    for name in FIELD_LABELS:
        mine, theirs = getattr(edited, name), getattr(current, name)
        if mine == getattr(base, name):
            continue
        if theirs != getattr(base, name) and theirs != mine:
            clashes.append(FIELD_LABELS[name])
        setattr(merged, name, copy.deepcopy(mine))
    return merged, clashes


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One dated line of a task's history."""

    changed_at: str  # UTC, ISO: "2025-09-05T01:30:00+00:00"
    field: str
    old: str
    new: str

    @property
    def when(self) -> str:
        """ "05/9/2025 08:30", in the PC's local time."""
        return local_text(self.changed_at)

    @property
    def text(self) -> str:
        if self.field == CREATED:
            return f"Thêm nhiệm vụ «{self.new}»"
        if self.field == RESTORED:
            return "Khôi phục nhiệm vụ đã xóa"
        label = FIELD_LABELS.get(self.field, self.field)
        old = _short(self.old) or "(trống)"
        new = _short(self.new) or "(trống)"
        return f"{label}: {old} → {new}"


def _short(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
