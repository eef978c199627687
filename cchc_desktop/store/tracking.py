"""The tracker's storage: one task's edit with its dated history, adding, removing (and putting
back), reordering, reading tasks with their stored dates and histories, and the saved report
wording.

Every public write is one transaction, so one undoable action in the app is one call here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from cchc_desktop.core.cleaning import clean_data
from cchc_desktop.core.clock import Clock
from cchc_desktop.core.deadlines import clamp_day
from cchc_desktop.core.model import Task
from cchc_desktop.core.tracking import (
    CREATED,
    RESTORED,
    HistoryEntry,
    TrackedTask,
    changes,
    merge_edit,
)
from cchc_desktop.errors import ConflictError, NotFoundError
from cchc_desktop.store.repository import Repository, task_from_row

if TYPE_CHECKING:
    from sqlite_utils import Database


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class DeletedTask:
    """What removing a task took away, so that undo puts back the same task, id and history."""

    plan_id: int
    position: int
    task: Task
    history: tuple[HistoryEntry, ...]


class TaskStore:
    """Tracking writes and reads over a Repository; its clock dates the history (in UTC)."""

    def __init__(self, repo: Repository, clock: Clock | None = None) -> None:
        self.repo = repo
        self.conn = repo.conn  # reads
        if clock is not None:
            repo.clock = clock
        self.clock = repo.clock

    @property
    def db(self) -> Database:
        """Writes, through sqlite-utils (loaded on the first one)."""
        return self.repo.db

    # reading ---------------------------------------------------------------------------

    def tracked_tasks(self, plan_id: int, *, chosen_only: bool = True) -> list[TrackedTask]:
        """The plan's tasks in appendix order with the dates stored beside them: one query,
        no time words read again (a plan of 10,000 tasks opens in a fraction of a second)."""
        where = "plan_id = ? AND chosen" if chosen_only else "plan_id = ?"
        rows = self.repo.rows(f"SELECT * FROM tasks WHERE {where} ORDER BY position, id", [plan_id])
        return [self._tracked(row) for row in rows]

    def tracked_task(self, task_id: int) -> TrackedTask:
        rows = self.repo.rows("SELECT * FROM tasks WHERE id = ?", [task_id])
        if not rows:
            raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task_id}.")
        return self._tracked(rows[0])

    @staticmethod
    def _tracked(row: dict[str, Any]) -> TrackedTask:
        return TrackedTask(
            task_from_row(row), _day(row["start_date"]), _day(row["due_date"]), row["position"]
        )

    def positions(self, plan_id: int) -> dict[int, int]:
        """Each task's place in the plan (adding or putting back a task moves later ones)."""
        return {
            int(task_id): int(position)
            for task_id, position in self.conn.execute(
                "SELECT id, position FROM tasks WHERE plan_id = ?", [plan_id]
            )
        }

    def history(self, task_id: int) -> list[HistoryEntry]:
        """The task's changes, newest first (the fields of one edit in their usual order)."""
        return [
            HistoryEntry(*row)
            for row in self.conn.execute(
                "SELECT changed_at, field, old, new FROM task_history WHERE task_id = ? "
                "ORDER BY changed_at DESC, id DESC",
                [task_id],
            )
        ]

    def histories(self, plan_id: int) -> dict[int, list[HistoryEntry]]:
        """Every task's changes, oldest first, by task id, in one query (the report reads the
        plan's whole history to count what was done in a period); tasks without a change are
        not in it."""
        found: dict[int, list[HistoryEntry]] = {}
        for task_id, *entry in self.conn.execute(
            "SELECT h.task_id, h.changed_at, h.field, h.old, h.new FROM task_history h "
            "JOIN tasks t ON t.id = h.task_id WHERE t.plan_id = ? "
            "ORDER BY h.task_id, h.changed_at, h.id",
            [plan_id],
        ):
            found.setdefault(int(task_id), []).append(HistoryEntry(*entry))
        return found

    def plan_of(self, task_id: int) -> int:
        row = self.conn.execute("SELECT plan_id FROM tasks WHERE id = ?", [task_id]).fetchone()
        if row is None:
            raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task_id}.")
        return int(row[0])

    # writing ---------------------------------------------------------------------------

    def update_task(self, plan_id: int, task: Task, base: Task | None = None) -> TrackedTask:
        """Save an edited task and a history line per changed field, in one transaction.

        ``base`` is the task as the officer saw it before the edit: only the fields the edit
        changed are written, so a change made meanwhile elsewhere (another window, another
        PC on a shared file) to other fields is kept; one made to the same fields refuses
        the edit with ConflictError, and nothing is saved."""
        task_id = task.id
        if task_id is None:
            raise NotFoundError("Nhiệm vụ chưa được lưu.")
        with self.repo.transaction():
            before = self.tracked_task(task_id).task
            if base is not None:
                task, clashes = merge_edit(base, task, before)
                if clashes:
                    raise ConflictError(
                        f"{', '.join(clashes)} của nhiệm vụ «{_short(before.title)}» vừa được "
                        "sửa ở nơi khác (cửa sổ khác hoặc máy khác). Bản sửa ở đây chưa được "
                        "lưu; nội dung mới đã được hiện lại."
                    )
            self.repo.save_task(plan_id, task)
            self._log(task_id, changes(before, task))
        return self.tracked_task(task_id)

    def add_task(self, plan_id: int, task: Task, after_id: int | None = None) -> TrackedTask:
        """A new task just after ``after_id`` (at the end when None); later tasks move down."""
        task.id = None
        with self.repo.transaction():
            if after_id is None:
                position = None
            else:
                position = self._position(after_id) + 1
                self._make_room(plan_id, position)
            task_id = self.repo.save_task(plan_id, task, position)
            self._touch(plan_id)
            self._log(task_id, [(CREATED, "", task.title)])
        return self.tracked_task(task_id)

    def delete_task(self, task_id: int) -> DeletedTask:
        """Remove a task and its history; returns all of it, for undo."""
        with self.repo.transaction():
            tracked = self.tracked_task(task_id)
            plan_id = self.plan_of(task_id)
            history = tuple(self.history(task_id))
            self.db.execute("DELETE FROM tasks WHERE id = ?", [task_id])
            self._touch(plan_id)
        return DeletedTask(plan_id, tracked.position, tracked.task, history)

    def restore_task(self, deleted: DeletedTask) -> TrackedTask:
        """Put a removed task back where it was, with the same id and its history."""
        task = deleted.task
        assert task.id is not None
        with self.repo.transaction():
            self._make_room(deleted.plan_id, deleted.position)
            self.db.execute(
                "INSERT INTO tasks (id, plan_id, position, title, updated_at) "
                "VALUES (?, ?, ?, ?, '')",
                [task.id, deleted.plan_id, deleted.position, task.title],
            )
            self.repo.save_task(deleted.plan_id, task, deleted.position)
            self._touch(deleted.plan_id)
            self.db.table("task_history").insert_all(
                {
                    "task_id": task.id,
                    "changed_at": e.changed_at,
                    "field": e.field,
                    "old": e.old,
                    "new": e.new,
                }
                for e in reversed(deleted.history)
            )
            self._log(task.id, [(RESTORED, "", "")])
        return self.tracked_task(task.id)

    def swap_tasks(self, first_id: int, second_id: int) -> None:
        """Exchange the places of two tasks of one plan (move up / move down)."""
        with self.repo.transaction():
            first, second = self._position(first_id), self._position(second_id)
            plan_id = self.plan_of(first_id)
            if self.plan_of(second_id) != plan_id:
                raise NotFoundError("Hai nhiệm vụ không cùng một kế hoạch.")
            self.db.execute("UPDATE tasks SET position = ? WHERE id = ?", [second, first_id])
            self.db.execute("UPDATE tasks SET position = ? WHERE id = ?", [first, second_id])
            self._touch(plan_id)

    def set_report_deadline_day(self, office_id: int, day: int) -> int:
        """The office's rule: reports are due before this day of the quarter's last month."""
        day = clamp_day(day)
        with self.repo.transaction():
            self.repo.office(office_id)  # raises NotFoundError for an unknown office
            self.db.execute(
                "UPDATE offices SET report_deadline_day = ?, updated_at = ? WHERE id = ?",
                [day, self.clock.stamp(), office_id],
            )
        return day

    # report wording --------------------------------------------------------------------

    def report_draft(self, plan_id: int, period_code: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT payload FROM report_drafts WHERE plan_id = ? AND period = ?",
            [plan_id, period_code],
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def save_report_draft(self, plan_id: int, period_code: str, payload: dict[str, Any]) -> None:
        with self.repo.transaction():
            self.db.execute(
                "INSERT INTO report_drafts (plan_id, period, payload, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (plan_id, period) DO UPDATE SET "
                "payload = excluded.payload, updated_at = excluded.updated_at",
                [plan_id, period_code, json.dumps(clean_data(payload), ensure_ascii=False),
                 self.clock.stamp()],
            )  # fmt: skip

    def discard_report_draft(self, plan_id: int, period_code: str) -> None:
        with self.repo.transaction():
            self.db.execute(
                "DELETE FROM report_drafts WHERE plan_id = ? AND period = ?",
                [plan_id, period_code],
            )

    # helpers ---------------------------------------------------------------------------

    def _position(self, task_id: int) -> int:
        row = self.db.execute("SELECT position FROM tasks WHERE id = ?", [task_id]).fetchone()
        if row is None:
            raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task_id}.")
        return int(row[0])

    def _make_room(self, plan_id: int, position: int) -> None:
        """Move the tasks at ``position`` and after one place down, if the place is taken."""
        taken = self.db.execute(
            "SELECT 1 FROM tasks WHERE plan_id = ? AND position = ?", [plan_id, position]
        ).fetchone()
        if taken:
            self.db.execute(
                "UPDATE tasks SET position = position + 1 WHERE plan_id = ? AND position >= ?",
                [plan_id, position],
            )

    def _log(self, task_id: int, found: list[tuple[str, str, str]]) -> None:
        if not found:
            return
        stamp = self.clock.stamp()
        # Stored last field first: read newest first, one edit's fields come in their order.
        self.db.table("task_history").insert_all(
            {"task_id": task_id, "changed_at": stamp, "field": f, "old": old, "new": new}
            for f, old, new in reversed(found)
        )

    def _touch(self, plan_id: int) -> None:
        """Tasks added, removed or moved: the plan's revision counts up."""
        self.repo.touch(plan_id, revise=True)


def _short(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
