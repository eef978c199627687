"""What a task's dated history says of a period: its value at a moment, the results recorded
within the period, completion within it, and figures that carry no date."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest

from cchc_desktop.core.clock import stamp
from cchc_desktop.core.model import ResultCount, Task, TaskStatus
from cchc_desktop.core.progress import progress, span
from cchc_desktop.core.tracking import HistoryEntry

Q3 = span(date(2025, 7, 1), date(2025, 9, 30))
Q4 = span(date(2025, 10, 1), date(2025, 12, 31))


def at(day: str, old: str, new: str, field: str = "results", hour: int = 9) -> HistoryEntry:
    """A history line saved at ``hour`` o'clock local time on ``day``."""
    moment = datetime.combine(date.fromisoformat(day), datetime.min.time()).replace(hour=hour)
    return HistoryEntry(stamp(moment), field, old, new)


def news(*counts: tuple[int, str], status: TaskStatus = TaskStatus.IN_PROGRESS) -> Task:
    return Task("Đưa tin", status=status, results=[ResultCount(c, u) for c, u in counts])


WEBSITE = [
    at("2025-08-05", "", "4 tin; 1 bài"),
    at("2025-10-02", "4 tin; 1 bài", "14 tin; 5 bài"),
    at("2025-11-04", "14 tin; 5 bài", "18 tin; 6 bài"),
]


def test_a_quarter_counts_what_grew_in_it_and_everything_recorded_by_its_end():
    task = news((18, "tin"), (6, "bài"))
    q3, q4 = progress(task, WEBSITE, *Q3), progress(task, WEBSITE, *Q4)
    assert q3.in_period == q3.results == (ResultCount(4, "tin"), ResultCount(1, "bài"))
    assert q4.in_period == (ResultCount(14, "tin"), ResultCount(5, "bài"))
    assert q4.results == (ResultCount(18, "tin"), ResultCount(6, "bài"))
    assert not q3.undated and not q4.undated


def test_before_its_first_change_a_field_had_that_changes_old_value():
    """A count typed before the history began is the first change's old value: it is neither
    done in the period nor lost from the cumulative figure."""
    task = news((25, "tin"))
    history = [at("2025-10-20", "10 tin", "25 tin")]
    q3, q4 = progress(task, history, *Q3), progress(task, history, *Q4)
    assert (q3.results, q3.in_period) == ((ResultCount(10, "tin"),), ())
    assert (q4.results, q4.in_period) == ((ResultCount(25, "tin"),), (ResultCount(15, "tin"),))


def test_results_with_no_history_count_in_the_cumulative_figure_only_and_say_so():
    task = news((18, "tin"))
    found = progress(task, [at("2025-08-05", "", "Cần đăng thêm", field="notes")], *Q3)
    assert found.results == (ResultCount(18, "tin"),) and found.in_period == ()
    assert found.undated
    assert not progress(news(), [], *Q3).undated  # nothing recorded: nothing undated


def test_a_count_lowered_in_the_period_is_a_correction_not_work():
    task = news((18, "tin"), (3, "bài"))
    history = [at("2025-08-05", "20 tin; 1 bài", "18 tin; 3 bài")]
    assert progress(task, history, *Q3).in_period == (ResultCount(2, "bài"),)


def test_a_task_is_completed_in_the_period_its_status_became_done():
    task = news(status=TaskStatus.DONE)
    history = [
        at("2025-08-12", "Chưa thực hiện", "Đang thực hiện", field="status"),
        at("2025-11-20", "Đang thực hiện", "Hoàn thành", field="status"),
    ]
    q3, q4 = progress(task, history, *Q3), progress(task, history, *Q4)
    assert (q3.status, q3.completed) == (TaskStatus.IN_PROGRESS, False)
    assert (q4.status, q4.completed) == (TaskStatus.DONE, True)
    after = span(date(2026, 1, 1), date(2026, 3, 31))
    assert not progress(task, history, *after).completed  # done before that quarter
    undated = progress(task, [], *Q4)
    assert (undated.status, undated.completed, undated.undated) == (TaskStatus.DONE, False, True)


def test_a_history_line_that_cannot_be_read_is_not_taken_for_a_date_or_a_count():
    task = news((18, "tin"), status=TaskStatus.DONE)
    history = [
        HistoryEntry("hôm qua", "results", "", "5 tin"),
        at("2025-08-05", "", "nhiều bài"),
        at("2025-08-06", "Chưa thực hiện", "Xong rồi", field="status"),
    ]
    found = progress(task, history, *Q3)
    assert found.results == (ResultCount(18, "tin"),) and found.in_period == ()
    assert found.status is TaskStatus.DONE and not found.completed
    assert found.undated


@pytest.fixture
def hanoi_time(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def test_a_change_belongs_to_the_local_day_it_was_made_whatever_its_utc_date(hanoi_time):
    """1:30 on 1 October in Hải Phòng is still 30 September in UTC: it is quarter IV's."""
    task = news((6, "tin"))
    early = datetime(2025, 9, 30, 18, 30, tzinfo=UTC)
    history = [HistoryEntry(early.isoformat(), "results", "4 tin", "6 tin")]
    q3 = progress(task, history, *span(date(2025, 7, 1), date(2025, 9, 30)))
    q4 = progress(task, history, *span(date(2025, 10, 1), date(2025, 12, 31)))
    assert (q3.results, q4.in_period) == ((ResultCount(4, "tin"),), (ResultCount(2, "tin"),))
