"""The sample as the app saves it, with its dated history, read back: for the report's tests."""

from __future__ import annotations

from dataclasses import dataclass

from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.progress import Histories
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.template import Template
from cchc_desktop.core.tracking import TrackedTask
from cchc_desktop.store.database import connect
from cchc_desktop.store.repository import Repository
from cchc_desktop.store.sample import save_sample
from cchc_desktop.store.tracking import TaskStore


@dataclass
class SavedSample:
    store: TaskStore
    plan: Plan
    office: Office

    @property
    def tracked(self) -> list[TrackedTask]:
        assert self.plan.id is not None
        return self.store.tracked_tasks(self.plan.id)

    @property
    def histories(self) -> Histories:
        assert self.plan.id is not None
        return self.store.histories(self.plan.id)


def saved_sample(template: Template, repo: Repository | None = None) -> SavedSample:
    repo = repo or Repository(connect(":memory:"))
    office = sample_office(template)
    plan = save_sample(repo, office, sample_plan(template, office))
    assert plan.office_id is not None
    return SavedSample(TaskStore(repo), plan, repo.office(plan.office_id))
