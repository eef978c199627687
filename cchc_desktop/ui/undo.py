"""The tracker's undoable actions: each QUndoCommand is one call to the store (one
transaction), then tells the rows on screen what changed. Delete keeps what undo needs.

Commands see the task table only through ``TaskRows``, the few calls they need."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoCommand

from cchc_desktop.core.model import Task
from cchc_desktop.core.tracking import TrackedTask
from cchc_desktop.errors import CchcError
from cchc_desktop.store.tracking import DeletedTask, TaskStore


class TaskRows(Protocol):
    """What the commands need of the rows on screen (the task table's model)."""

    store: TaskStore
    plan_id: int | None
    failed: SignalInstance

    def save(self, task: Task, base: Task) -> bool: ...
    def insert(self, tracked: TrackedTask, at: int) -> None: ...
    def remove(self, task_id: int) -> int | None: ...
    def swapped(self, first_id: int, second_id: int) -> None: ...
    def tracked(self, task_id: int) -> TrackedTask | None: ...


def _short(title: str, limit: int = 40) -> str:
    flat = " ".join(title.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class TaskCommand(QUndoCommand):
    """Runs once when created (``first_run``), so a refused change never reaches the stack;
    a later undo or redo that the store refuses drops the command from the stack."""

    def __init__(self, model: TaskRows, text: str) -> None:
        super().__init__(text)
        self.model = model
        self._skip_redo = False

    def first_run(self) -> bool:
        done = self._do()
        self._skip_redo = done
        return done

    def redo(self) -> None:
        if self._skip_redo:  # QUndoStack.push() calls redo(): the work is already done
            self._skip_redo = False
            return
        if not self._do():
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._undo():
            self.setObsolete(True)

    def _do(self) -> bool:
        raise NotImplementedError

    def _undo(self) -> bool:
        raise NotImplementedError

    def _guard(self, action: object) -> bool:
        try:
            action()  # type: ignore[operator]
        except CchcError as error:
            self.model.failed.emit(error.message)
            return False
        return True


class EditTaskCommand(TaskCommand):
    """Any change of one task's fields: status, results, evidence, notes, the appendix text."""

    def __init__(self, model: TaskRows, before: Task, after: Task, what: str = "") -> None:
        label = f"Sửa {what.lower()}" if what else "Sửa nhiệm vụ"
        super().__init__(model, f"{label} «{_short(after.title)}»")
        self.before, self.after = before, after

    def _do(self) -> bool:
        return self.model.save(self.after, self.before)

    def _undo(self) -> bool:  # refused when the fields were changed elsewhere since
        return self.model.save(self.before, self.after)


class AddTaskCommand(TaskCommand):
    """A new task after the selected one; undo removes it, redo puts back the same task."""

    def __init__(self, model: TaskRows, task: Task, after_id: int | None, row: int) -> None:
        super().__init__(model, f"Thêm nhiệm vụ «{_short(task.title)}»")
        self.task, self.after_id, self.row = task, after_id, row
        self.task_id: int | None = None
        self.deleted: DeletedTask | None = None

    def _do(self) -> bool:
        model = self.model
        assert model.plan_id is not None

        def add() -> None:
            if self.deleted is None:
                tracked = model.store.add_task(model.plan_id, self.task, self.after_id)  # type: ignore[arg-type]
            else:
                tracked = model.store.restore_task(self.deleted)
            self.task_id = tracked.id
            model.insert(tracked, self.row)

        return self._guard(add)

    def _undo(self) -> bool:
        assert self.task_id is not None
        task_id = self.task_id

        def remove() -> None:
            self.deleted = self.model.store.delete_task(task_id)
            self.model.remove(task_id)

        return self._guard(remove)


class DeleteTaskCommand(TaskCommand):
    """Remove a task; undo puts it back with its id, place, results and history."""

    def __init__(self, model: TaskRows, task_id: int, title: str) -> None:
        super().__init__(model, f"Xóa nhiệm vụ «{_short(title)}»")
        self.task_id = task_id
        self.row: int | None = None
        self.deleted: DeletedTask | None = None

    def _do(self) -> bool:
        def delete() -> None:
            self.deleted = self.model.store.delete_task(self.task_id)
            self.row = self.model.remove(self.task_id)

        return self._guard(delete)

    def _undo(self) -> bool:
        assert self.deleted is not None
        deleted = self.deleted

        def restore() -> None:
            tracked = self.model.store.restore_task(deleted)
            self.model.insert(tracked, self.row or 0)

        return self._guard(restore)


class MoveTaskCommand(TaskCommand):
    """Exchange a task's place with its neighbour in the appendix (up or down)."""

    def __init__(self, model: TaskRows, task_id: int, other_id: int, up: bool) -> None:
        title = model.tracked(task_id)
        name = _short(title.task.title) if title else ""
        super().__init__(model, f"Chuyển {'lên' if up else 'xuống'} «{name}»")
        self.task_id, self.other_id = task_id, other_id

    def _swap(self) -> bool:
        def swap() -> None:
            self.model.store.swap_tasks(self.task_id, self.other_id)
            self.model.swapped(self.task_id, self.other_id)

        return self._guard(swap)

    def _do(self) -> bool:
        return self._swap()

    def _undo(self) -> bool:
        return self._swap()
