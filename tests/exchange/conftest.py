"""Offices and their tracked plans, as several PCs would hold them: the sample commune, a ward
and a department made here, each with a dated history of edits; and packages written from
them, whole (the app's export) or minimal (the JSON alone, as the benchmark makes them)."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cchc_desktop.core import interchange
from cchc_desktop.core.adapt import adapt, default_units
from cchc_desktop.core.clock import Clock
from cchc_desktop.core.interchange import PlanData
from cchc_desktop.core.model import (
    Office,
    OfficeKind,
    Plan,
    ResultCount,
    Signer,
    Task,
    TaskStatus,
)
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.template import bundled_template
from cchc_desktop.documents.plan_package import DATA_MEMBER
from cchc_desktop.store.database import open_database
from cchc_desktop.store.exchange import plan_history
from cchc_desktop.store.repository import Repository
from cchc_desktop.store.tracking import TaskStore

H2_2025 = Period(PeriodKind.SECOND_HALF, 2025)
AS_OF = date(2025, 10, 15)  # quarter III is over: unfinished tasks due in it are late


def ward(name: str = "Thạch Khôi") -> Office:
    template = bundled_template()
    return Office(
        kind=OfficeKind.PHUONG,
        name=name,
        province="thành phố Hải Phòng",
        units=default_units(template, OfficeKind.PHUONG),
        signers=[Signer("Phạm Ngọc Sơn", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])],
    )


def department() -> Office:
    template = bundled_template()
    return Office(
        kind=OfficeKind.SO,
        name="Khoa học và Công nghệ",
        province="thành phố Hải Phòng",
        governing_body="Ủy ban nhân dân thành phố Hải Phòng",
        units=default_units(template, OfficeKind.SO),
        signers=[Signer("Nguyễn Văn An", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])],
    )


def plan_for(office: Office, period: Period = H2_2025) -> Plan:
    """The city template adapted for ``office``: tasks chosen, none started."""
    return adapt(
        bundled_template(), office, period, drafted_on=date(period.year, period.first_month, 1)
    )


def sample() -> tuple[Plan, Office]:
    template = bundled_template()
    office = sample_office(template)
    return sample_plan(template, office), office


def at(day: int, month: int = 9, hour: int = 8) -> Clock:
    return Clock.fixed(datetime(2025, month, day, hour, 30, tzinfo=UTC))


def tracked_database(path: Path, plan: Plan, office: Office) -> tuple[Repository, int]:
    """The plan saved in a database of its own, then worked on over September: a task
    started, counted and finished, another added, each edit on its own day."""
    repo = Repository(open_database(path), at(1, 8))
    repo.save_office(office)
    plan.office_id = office.id
    plan_id = repo.save_plan(plan)
    store = TaskStore(repo, at(5))
    first = store.tracked_tasks(plan_id)[0].task
    first.status = TaskStatus.IN_PROGRESS
    first.results = [ResultCount(3, "tin")]
    store.update_task(plan_id, first)
    store.clock.set(datetime(2025, 9, 20, 2, 0, tzinfo=UTC))
    first.status = TaskStatus.DONE
    first.results = [ResultCount(5, "tin"), ResultCount(2, "bài")]
    first.evidence = "Công văn số 45/UBND-VHXH ngày 12/8/2025"
    store.update_task(plan_id, first)
    added = store.add_task(plan_id, Task("Tọa đàm về dịch vụ công trực tuyến"))
    added.task.finish_text = "Tháng 11/2025"
    added.task.lead_unit = "Phòng Văn hóa - Xã hội"
    store.update_task(plan_id, added.task)
    return repo, plan_id


def minimal_package(
    folder: Path,
    plan: Plan,
    office: Office,
    *,
    exported_at: str = "2025-10-01T02:00:00+00:00",
    name: str | None = None,
) -> Path:
    """A .zip holding the plan's JSON alone, as the benchmark writes thousands of them."""
    data = PlanData(plan, office, {}, exported_at, "test")
    target = folder / (name or f"{office.kind.value}-{office.name}.zip".replace(" ", "-"))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_MEMBER, interchange.dumps(data))
    return target


@pytest.fixture
def first_pc(tmp_path):
    """The sample commune's database on its first PC, tracked with a history."""
    plan, office = sample()
    repo, plan_id = tracked_database(tmp_path / "may-1.sqlite", plan, office)
    yield repo, plan_id
    repo.close()


def history_of(repo: Repository, plan_id: int) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each task's history by task uid, as comparable tuples."""
    return {
        uid: [(e.changed_at, e.field, e.old, e.new) for e in entries]
        for uid, entries in plan_history(repo, plan_id).items()
    }
