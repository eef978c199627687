"""The tracker's writes: one transaction each, a dated history, undo-friendly delete/restore."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from cchc_desktop.core.clock import Clock
from cchc_desktop.core.model import ResultCount, Task, TaskStatus
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.errors import NotFoundError
from cchc_desktop.store.tracking import TaskStore


@pytest.fixture
def tracked_plan(repo, template):
    office = sample_office(template)
    repo.save_office(office)
    plan = sample_plan(template, office)
    plan.office_id = office.id
    plan_id = repo.save_plan(plan)
    clock = Clock.fixed(datetime(2025, 9, 5, 8, 30))  # local time
    return TaskStore(repo, clock), plan_id, clock


def test_the_tracker_reads_only_the_appendix_tasks_with_their_stored_dates(tracked_plan):
    store, plan_id, _ = tracked_plan
    tasks = store.tracked_tasks(plan_id)
    assert len(tasks) == 8 and all(t.task.chosen for t in tasks)
    banners = next(t for t in tasks if t.task.finish_text == "Quý III/2025")
    assert (banners.start, banners.due) == (date(2025, 7, 1), date(2025, 9, 30))
    assert [t.position for t in tasks] == sorted(t.position for t in tasks)
    assert len(store.tracked_tasks(plan_id, chosen_only=False)) == 15


def test_an_edit_writes_one_dated_history_line_per_changed_field(tracked_plan):
    store, plan_id, clock = tracked_plan
    task = store.tracked_tasks(plan_id)[4].task  # the contest: not started
    task.status = TaskStatus.IN_PROGRESS
    task.results = [ResultCount(2, "bài")]
    saved = store.update_task(plan_id, task)
    assert saved.task.status is TaskStatus.IN_PROGRESS
    clock.set(datetime(2025, 9, 6, 14, 0))
    task.notes = "Đã nộp bài dự thi"
    store.update_task(plan_id, task)
    history = store.history(task.id)
    assert [(h.when, h.text) for h in history] == [
        ("06/9/2025 14:00", "Ghi chú: Thành phố chưa phát động cuộc thi → Đã nộp bài dự thi"),
        ("05/9/2025 08:30", "Trạng thái: Chưa thực hiện → Đang thực hiện"),
        ("05/9/2025 08:30", "Kết quả: (trống) → 2 bài"),
    ]


def test_saving_an_unchanged_task_adds_no_history(tracked_plan):
    store, plan_id, _ = tracked_plan
    task = store.tracked_tasks(plan_id)[0].task
    store.update_task(plan_id, task)
    assert store.history(task.id) == []


def test_a_new_task_goes_right_after_the_chosen_one_and_later_tasks_move_down(tracked_plan):
    store, plan_id, _ = tracked_plan
    before = store.tracked_tasks(plan_id)
    added = store.add_task(plan_id, Task("Tọa đàm về chuyển đổi số"), after_id=before[1].id)
    after = store.tracked_tasks(plan_id)
    assert [t.id for t in after] == [before[0].id, before[1].id, added.id] + [
        t.id for t in before[2:]
    ]
    assert store.history(added.id)[0].text == "Thêm nhiệm vụ «Tọa đàm về chuyển đổi số»"
    at_end = store.add_task(plan_id, Task("Cuối danh sách"))
    assert store.tracked_tasks(plan_id)[-1].id == at_end.id


def test_a_deleted_task_comes_back_with_its_id_place_and_history(tracked_plan):
    store, plan_id, _ = tracked_plan
    tasks = store.tracked_tasks(plan_id)
    victim = tasks[2].task
    victim.evidence = "Sổ theo dõi"
    store.update_task(plan_id, victim)
    deleted = store.delete_task(victim.id)
    assert [t.id for t in store.tracked_tasks(plan_id)] == [
        t.id for t in tasks if t.id != victim.id
    ]
    with pytest.raises(NotFoundError):
        store.tracked_task(victim.id)
    restored = store.restore_task(deleted)
    assert restored.id == victim.id
    assert [t.id for t in store.tracked_tasks(plan_id)] == [t.id for t in tasks]
    assert restored.task.evidence == "Sổ theo dõi"
    assert [h.field for h in store.history(victim.id)] == ["restored", "evidence"]


def test_moving_a_task_exchanges_two_places(tracked_plan):
    store, plan_id, _ = tracked_plan
    ids = [t.id for t in store.tracked_tasks(plan_id)]
    store.swap_tasks(ids[3], ids[4])
    assert [t.id for t in store.tracked_tasks(plan_id)] == [*ids[:3], ids[4], ids[3], *ids[5:]]


def test_two_tasks_of_different_plans_are_never_swapped(tracked_plan, repo, template):
    store, plan_id, _ = tracked_plan
    other = sample_plan(template, sample_office(template))
    other.office_id = repo.plan(plan_id).office_id
    other_id = repo.save_plan(other)
    mine, theirs = store.tracked_tasks(plan_id)[0], store.tracked_tasks(other_id)[0]
    with pytest.raises(NotFoundError, match="không cùng một kế hoạch"):
        store.swap_tasks(mine.id, theirs.id)
    assert store.tracked_task(mine.id).position == mine.position
    assert store.tracked_task(theirs.id).position == theirs.position


def test_a_failed_edit_leaves_the_task_and_its_history_as_they_were(tracked_plan, monkeypatch):
    store, plan_id, _ = tracked_plan
    task = store.tracked_tasks(plan_id)[0].task
    task.notes = "sẽ không được lưu"

    def broken(*_args, **_kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(store, "_log", broken)
    with pytest.raises(RuntimeError):
        store.update_task(plan_id, task)
    assert store.tracked_task(task.id).task.notes == ""


def test_the_office_deadline_day_is_kept_in_a_day_every_month_has(tracked_plan, repo):
    store, _, _ = tracked_plan
    office_id = repo.offices()[0].id
    assert store.set_report_deadline_day(office_id, 5) == 5
    assert repo.office(office_id).report_deadline_day == 5
    assert store.set_report_deadline_day(office_id, 31) == 28


def test_the_report_wording_is_kept_per_plan_and_period(tracked_plan):
    store, plan_id, _ = tracked_plan
    assert store.report_draft(plan_id, "q3") is None
    store.save_report_draft(plan_id, "q3", {"intro": "Thực hiện…"})
    store.save_report_draft(plan_id, "q3", {"intro": "Thực hiện Kế hoạch…"})
    assert store.report_draft(plan_id, "q3") == {"intro": "Thực hiện Kế hoạch…"}
    assert store.report_draft(plan_id, "q4") is None
    store.discard_report_draft(plan_id, "q3")
    assert store.report_draft(plan_id, "q3") is None
