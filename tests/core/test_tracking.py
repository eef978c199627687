"""Tracking rules on a fixed clock: overdue, results typed as text, tallies, time windows."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.core.model import ResultCount, Task, TaskStatus
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.tracking import (
    HistoryEntry,
    TrackedTask,
    changes,
    concerns,
    count_statuses,
    is_overdue,
    parse_results,
    results_text,
    status_text,
    time_windows,
    total_results,
)

H2_2025 = Period(PeriodKind.SECOND_HALF, 2025)
DUE = date(2025, 9, 30)


@pytest.mark.parametrize(
    ("status", "today", "overdue"),
    [
        (TaskStatus.IN_PROGRESS, date(2025, 9, 30), False),  # the due day itself is still in time
        (TaskStatus.IN_PROGRESS, date(2025, 10, 1), True),
        (TaskStatus.NOT_STARTED, date(2025, 10, 1), True),
        (TaskStatus.DONE, date(2026, 1, 1), False),
        (TaskStatus.DROPPED, date(2026, 1, 1), False),
    ],
)
def test_a_task_is_overdue_the_day_after_its_due_date_until_done_or_dropped(status, today, overdue):
    assert is_overdue(status, DUE, today) is overdue


def test_a_task_without_a_due_date_is_never_overdue():
    assert not is_overdue(TaskStatus.NOT_STARTED, None, date(2030, 1, 1))


def test_a_quarter_iii_task_is_due_on_the_last_day_of_september():
    task = Task("Băng rôn", start_text="Tháng 7/2025", finish_text="Quý III/2025")
    assert task.dates(H2_2025)[1] == DUE == date(2025, 9, 30)


def test_overdue_is_said_in_words_not_only_in_colour():
    assert status_text(TaskStatus.IN_PROGRESS, True) == "Đang thực hiện (quá hạn)"
    assert status_text(TaskStatus.DONE, False) == "Hoàn thành"


def test_results_typed_as_text_become_counts_and_same_units_add_up():
    assert parse_results("18 tin; 6 bài, 2 Tin\n1.200 lượt người") == [
        ResultCount(20, "tin"),
        ResultCount(6, "bài"),
        ResultCount(1200, "lượt người"),
    ]
    assert results_text(parse_results("24 buổi phát thanh; 3 cuộc")) == "24 buổi phát thanh; 3 cuộc"
    assert parse_results("  ") == []


def test_a_result_without_a_number_is_refused_with_a_vietnamese_message():
    with pytest.raises(ValueError, match="không phải dạng «số lượng đơn vị»"):
        parse_results("mười tin")


def test_totals_put_the_usual_units_first_in_their_usual_order():
    tasks = [
        Task("a", results=[ResultCount(5, "băng rôn"), ResultCount(3, "bài")]),
        Task("b", results=[ResultCount(2, "tin"), ResultCount(1, "bài")]),
    ]
    assert total_results(tasks) == [
        ResultCount(2, "tin"),
        ResultCount(4, "bài"),
        ResultCount(5, "băng rôn"),
    ]


def tracked(status: TaskStatus, due: date | None) -> TrackedTask:
    return TrackedTask(Task("x", status=status, id=1), date(2025, 7, 1), due)


def test_the_tally_counts_recorded_statuses_and_overdue_as_a_subset():
    counts = count_statuses(
        [
            tracked(TaskStatus.DONE, DUE),
            tracked(TaskStatus.IN_PROGRESS, DUE),
            tracked(TaskStatus.IN_PROGRESS, date(2025, 12, 31)),
            tracked(TaskStatus.NOT_STARTED, DUE),
            tracked(TaskStatus.DROPPED, DUE),
        ],
        today=date(2025, 10, 15),
    )
    assert (counts.total, counts.done, counts.in_progress, counts.not_started) == (5, 1, 2, 1)
    assert (counts.dropped, counts.overdue, counts.unfinished) == (1, 2, 3)


def test_a_second_half_plan_filters_by_its_two_quarters_and_six_months():
    labels = [w.label for w in time_windows(H2_2025)]
    assert labels == [
        "Quý III/2025", "Tháng 7/2025", "Tháng 8/2025", "Tháng 9/2025",
        "Quý IV/2025", "Tháng 10/2025", "Tháng 11/2025", "Tháng 12/2025",
    ]  # fmt: skip


def test_a_task_concerns_the_windows_its_span_meets_and_unreadable_times_concern_all():
    july, october = date(2025, 7, 1), date(2025, 10, 1)
    assert concerns(july, DUE, date(2025, 9, 1), DUE)
    assert not concerns(july, DUE, october, date(2025, 10, 31))
    assert concerns(None, DUE, date(2025, 9, 1), DUE)
    assert concerns(None, None, october, date(2025, 10, 31))


def test_changes_name_each_edited_field_in_words():
    before = Task("Tin bài", status=TaskStatus.NOT_STARTED)
    after = Task("Tin bài", status=TaskStatus.IN_PROGRESS, results=[ResultCount(3, "tin")])
    found = changes(before, after)
    assert found == [
        ("status", "Chưa thực hiện", "Đang thực hiện"),
        ("results", "", "3 tin"),
    ]
    entry = HistoryEntry("2025-09-05T08:30:12", *found[0])
    assert entry.when == "05/9/2025 08:30"
    assert entry.text == "Trạng thái: Chưa thực hiện → Đang thực hiện"
    assert HistoryEntry("2025-09-05T08:31:00", *found[1]).text == "Kết quả: (trống) → 3 tin"
