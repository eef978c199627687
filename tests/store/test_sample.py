"""The sample saved as a new user gets it: its tasks tracked step by step on the days the
sample says, through the tracker, so that its history is dated and its reports have figures
"trong kỳ"."""

from __future__ import annotations

from datetime import datetime

from cchc_desktop.core.clock import Clock
from cchc_desktop.core.model import TaskStatus
from cchc_desktop.core.sample import SAMPLE_STEPS, sample_office, sample_plan
from cchc_desktop.store.sample import save_sample
from cchc_desktop.store.tracking import TaskStore
from tests.store.saved_sample import saved_sample


def test_the_saved_sample_ends_as_the_sample_plan_with_a_history_dated_by_its_steps(repo, template):
    sample = saved_sample(template, repo)
    expected = {t.key: t for t in sample_plan(template, sample_office(template)).chosen_tasks}
    stored = {t.task.key: t.task for t in sample.tracked}
    assert stored.keys() == expected.keys()
    for key, task in stored.items():
        wanted = expected[key]
        assert (task.status, task.results) == (wanted.status, wanted.results), key
        assert (task.evidence, task.reason, task.notes) == (
            wanted.evidence, wanted.reason, wanted.notes,
        )  # fmt: skip
    website = next(t for t in sample.tracked if t.task.key == "xa-nv-tin-bai-trang-thong-tin")
    history = sample.store.history(website.id)
    assert [(h.when, h.text) for h in history if h.field == "results"] == [
        ("04/11/2025 08:30", "Kết quả: 14 tin; 5 bài → 18 tin; 6 bài"),
        ("02/10/2025 09:00", "Kết quả: 10 tin; 3 bài → 14 tin; 5 bài"),
        ("29/8/2025 16:00", "Kết quả: 4 tin; 1 bài → 10 tin; 3 bài"),
        ("05/8/2025 08:30", "Kết quả: (trống) → 4 tin; 1 bài"),
    ]
    assert sum(len(h) for h in sample.histories.values()) == sum(
        (s.status is not None) + (s.results is not None) + (s.evidence is not None)
        + (s.reason is not None) + (s.notes is not None)
        for s in SAMPLE_STEPS
    )  # fmt: skip


def test_saving_the_sample_leaves_the_callers_clock_and_dates_the_plan_now(repo, template):
    clock = Clock.fixed(datetime(2026, 3, 2, 10, 0))
    repo.clock = clock
    office = sample_office(template)
    plan = save_sample(repo, office, sample_plan(template, office))
    assert repo.clock is clock
    assert plan.office_id == office.id
    assert repo.plans()[0].updated_at == clock.stamp()


def test_histories_are_the_plans_own_oldest_first(repo, template):
    sample = saved_sample(template, repo)
    other = saved_sample(template, repo)
    mine, theirs = sample.histories, other.histories
    assert mine and theirs and not mine.keys() & theirs.keys()
    assert mine.keys() <= {t.id for t in sample.tracked}
    for entries in mine.values():
        assert [e.changed_at for e in entries] == sorted(e.changed_at for e in entries)
    contest = next(t for t in sample.tracked if t.task.key == "xa-nv-tham-gia-cuoc-thi")
    assert [(e.field, e.new) for e in mine[contest.id]] == [
        ("notes", "Thành phố chưa phát động cuộc thi")
    ]
    untouched = next(t for t in sample.tracked if t.task.key == "xa-nv-bao-cao")
    assert untouched.task.status is TaskStatus.NOT_STARTED and untouched.id not in mine
    assert TaskStore(repo).histories(999) == {}
