"""Saving the sample commune and its plan (core/sample.py) as a new user meets them: the
tasks' progress recorded through the tracker step by step, on the days the sample says, so
that their history is dated as an officer's would be and the reports have "trong kỳ" figures."""

from __future__ import annotations

from cchc_desktop.core.clock import Clock
from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.sample import SAMPLE_STEPS, untracked
from cchc_desktop.store.repository import Repository
from cchc_desktop.store.tracking import TaskStore


def save_sample(repo: Repository, office: Office, plan: Plan) -> Plan:
    """Save the sample ``office`` and its ``plan`` in one transaction: the plan with nothing
    tracked yet, then each step of ``SAMPLE_STEPS`` as one tracker edit dated on its day.
    Returns the plan as stored: its tasks end as ``plan``'s."""
    clock = Clock.fixed(SAMPLE_STEPS[0].when)
    # The tracker's own repository over the same file, so that the caller's clock is kept.
    store = TaskStore(Repository(repo.db, clock))
    with repo.transaction():
        repo.save_office(office)
        plan.office_id = office.id
        start = untracked(plan)
        plan_id = repo.save_plan(start)
        ids = {task.key: task.id for task in start.tasks if task.chosen}
        for step in SAMPLE_STEPS:
            clock.set(step.when)
            task_id = ids[step.key]
            assert task_id is not None
            task = store.tracked_task(task_id).task
            step.apply(task)
            store.update_task(plan_id, task)
        repo.touch(plan_id)  # created now, whatever the dates of its history
    return repo.plan(plan_id)
