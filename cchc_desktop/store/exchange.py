"""The database's side of moving a plan: a plan's whole dated history read in one query, and a
moved plan written in — its tasks' tracking and history, as another replaces or joins it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from cchc_desktop.core.interchange import PlanData
from cchc_desktop.core.model import Office, Plan, new_uid, walk
from cchc_desktop.core.tracking import HistoryEntry
from cchc_desktop.errors import SamePlanError
from cchc_desktop.store.repository import Repository


class SamePlan(StrEnum):
    """What to do when the plan brought in is already in the database (the same uid)."""

    REPLACE = "replace"  # the stored plan, its tracking and history give way to the file's
    KEEP_BOTH = "keep_both"  # the file's plan joins as another plan, under new uids


@dataclass(slots=True)
class MovedPlan:
    """A plan brought in from a package, and what happened on the way."""

    plan: Plan
    office: Office
    office_created: bool
    history_lines: int
    replaced: bool = False
    kept_both: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def plan_id(self) -> int:
        assert self.plan.id is not None
        return self.plan.id


def plan_history(repo: Repository, plan_id: int) -> dict[str, tuple[HistoryEntry, ...]]:
    """Every task's history lines, oldest first, by task uid (one query for the whole plan)."""
    history: dict[str, list[HistoryEntry]] = {}
    for uid, *line in repo.conn.execute(
        "SELECT t.uid, h.changed_at, h.field, h.old, h.new FROM task_history h "
        "JOIN tasks t ON t.id = h.task_id WHERE t.plan_id = ? ORDER BY h.changed_at, h.id",
        [plan_id],
    ):
        history.setdefault(uid, []).append(HistoryEntry(*line))
    return {uid: tuple(lines) for uid, lines in history.items()}


def stored_plan(repo: Repository, uid: str) -> tuple[int, str] | None:
    """The id and title of the plan stored under ``uid`` (in the bin too), if any."""
    row = repo.conn.execute("SELECT id, summary FROM plans WHERE uid = ?", [uid]).fetchone()
    return None if row is None else (int(row[0]), " ".join(str(row[1]).split()))


def save_moved_plan(
    repo: Repository, data: PlanData, office: Office, choice: SamePlan | None
) -> MovedPlan:
    """Write the plan of ``data`` for ``office`` (stored already, or to be created when its id
    is None), with its tasks' tracking and history, in one transaction. A plan with the same
    uid is replaced or kept beside it as ``choice`` says (SamePlanError when None)."""
    plan, history = data.plan, dict(data.history)
    created = office.id is None
    with repo.transaction():
        found = stored_plan(repo, plan.uid)
        if found is not None:
            if choice is None:
                raise SamePlanError(found[0], found[1] or plan.title)
            if choice is SamePlan.REPLACE:
                repo.purge_plan(found[0])
            else:
                history = _new_identities(plan, history)
        history = _free_task_uids(repo, plan, history)
        if created:
            repo.save_office(office)
        plan.id, plan.office_id, plan.revision = None, office.id, 0
        for task in plan.tasks:
            task.id, task.revision = None, 0
        repo.save_plan(plan)
        ids = {t.uid: t.id for t in plan.tasks}
        lines = [
            {"task_id": ids[uid], "changed_at": e.changed_at, "field": e.field, "old": e.old,
             "new": e.new}
            for uid, entries in history.items()
            for e in entries
        ]  # fmt: skip
        repo.db.table("task_history").insert_all(lines)
        if plan.is_issued:
            repo.save_version(plan, office)
    return MovedPlan(
        plan=plan,
        office=office,
        office_created=created,
        history_lines=len(lines),
        replaced=found is not None and choice is SamePlan.REPLACE,
        kept_both=found is not None and choice is SamePlan.KEEP_BOTH,
        warnings=repo.take_notes(),
    )


def _new_identities(
    plan: Plan, history: dict[str, tuple[HistoryEntry, ...]]
) -> dict[str, tuple[HistoryEntry, ...]]:
    """The plan, its items and tasks under new uids ("keep both"); the history follows."""
    plan.uid = new_uid()
    for item in walk(plan.sections):
        item.uid = new_uid()
    moved = {}
    for task in plan.tasks:
        old, task.uid = task.uid, new_uid()
        if old in history:
            moved[task.uid] = history[old]
    return moved


def _free_task_uids(
    repo: Repository, plan: Plan, history: dict[str, tuple[HistoryEntry, ...]]
) -> dict[str, tuple[HistoryEntry, ...]]:
    """A task uid held by another plan of this database (a task copied by hand between
    plans) takes a new one, with its history."""
    uids = [t.uid for t in plan.tasks]
    taken: set[str] = set()
    for start in range(0, len(uids), 500):  # older SQLite takes at most 999 parameters
        chunk = uids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        taken.update(
            r[0] for r in repo.conn.execute(f"SELECT uid FROM tasks WHERE uid IN ({marks})", chunk)
        )
    for task in plan.tasks:
        if task.uid in taken:
            old, task.uid = task.uid, new_uid()
            if old in history:
                history[task.uid] = history.pop(old)
    return history
