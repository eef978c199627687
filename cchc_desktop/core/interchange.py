"""The plan as it travels between PCs and upward: one versioned JSON document holding the plan,
its office, its tasks with their tracking and each task's dated history.

Its schema (``VERSION``) is described in README "Gửi và nhận kế hoạch"; a document of a newer
version, or one that is not this program's, is refused with a Vietnamese message naming the
field, never a KeyError. The plan and office inside keep their own model format
(core/serialize.py), so a plan of format 1 inside is upgraded on the way in.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cchc_desktop.core.clock import parse_stamp
from cchc_desktop.core.model import Office, Plan, Task
from cchc_desktop.core.period import Period
from cchc_desktop.core.serialize import (
    FORMAT,
    from_data,
    office_from_dict,
    office_to_dict,
    plan_from_dict,
    plan_to_dict,
)
from cchc_desktop.core.tracking import HistoryEntry
from cchc_desktop.errors import DataFormatError

KIND = "cchc-desktop/ke-hoach"
VERSION = 1
# The database's own row numbers and revisions mean nothing on another PC: left out (the
# plan's office_id, which the model requires, is written null).
_LOCAL_FIELDS = ("id", "revision")

PlanHistory = Mapping[str, Sequence[HistoryEntry]]  # task uid → its lines, oldest first


@dataclass(frozen=True, slots=True)
class PlanData:
    """One plan as it travels: what a package carries, and what moving it brings in."""

    plan: Plan
    office: Office
    history: dict[str, tuple[HistoryEntry, ...]] = field(default_factory=dict)
    exported_at: str = ""  # UTC, ISO 8601, when the package was written
    app_version: str = ""


@dataclass(frozen=True, slots=True)
class PlanReturn:
    """What the level above reads of a package: who sent it, for which period and template,
    and the tasks with their tracking (the body's text is not read)."""

    office: Office
    plan_uid: str
    period: Period
    template_id: str
    summary: str
    number: str
    issued_on: date | None
    tasks: tuple[Task, ...]
    exported_at: str


def _without_local(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in _LOCAL_FIELDS}


def to_document(data: PlanData) -> dict[str, Any]:
    """The JSON-ready document: ``type``, ``version``, ``exported_at``, ``app_version``,
    ``office``, ``plan`` (its tasks with their tracking) and ``history``."""
    plan = _without_local(plan_to_dict(data.plan)) | {"office_id": None}
    plan["tasks"] = [_without_local(t) for t in plan["tasks"]]
    return {
        "type": KIND,
        "version": VERSION,
        "exported_at": data.exported_at,
        "app_version": data.app_version,
        "office": _without_local(office_to_dict(data.office)),
        "plan": plan,
        "history": {
            uid: [
                {"changed_at": e.changed_at, "field": e.field, "old": e.old, "new": e.new}
                for e in entries
            ]
            for uid, entries in data.history.items()
            if entries
        },
    }


def dumps(data: PlanData, *, ascii_only: bool = False) -> str:
    """The document as JSON text; ``ascii_only`` escapes every non-ASCII character, for
    places that cannot hold some characters (a spreadsheet cell's XML)."""
    return json.dumps(to_document(data), ensure_ascii=ascii_only, separators=(",", ":"))


def _parse(text: str | bytes) -> dict[str, Any]:
    try:
        raw = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise DataFormatError("(toàn bộ)", "không phải JSON đọc được") from None
    if not isinstance(raw, dict):
        raise DataFormatError("(toàn bộ)", "phải là một đối tượng JSON")
    if raw.get("type") != KIND:
        raise DataFormatError("type", "không phải dữ liệu kế hoạch của chương trình này")
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DataFormatError("version", "phải là một số nguyên dương")
    if version > VERSION:
        raise DataFormatError(
            "version",
            f"là {version}: dữ liệu do phiên bản mới hơn của chương trình tạo ra (phiên bản "
            f"này đọc đến {VERSION}); hãy cập nhật chương trình",
        )
    _stamp(raw.get("exported_at"), "exported_at")
    for name in ("office", "plan"):
        if not isinstance(raw.get(name), dict):
            raise DataFormatError(name, "bị thiếu hoặc không phải một đối tượng")
    return raw


def _stamp(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise DataFormatError(where, "phải là một thời điểm dạng ISO 8601")
    try:
        parse_stamp(value)
    except ValueError:
        raise DataFormatError(where, f"«{value}» không phải thời điểm hợp lệ") from None
    return value


def _history(raw: Any, task_uids: set[str]) -> dict[str, tuple[HistoryEntry, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise DataFormatError("history", "phải là một đối tượng (mã nhiệm vụ → các dòng)")
    history = {}
    for uid, lines in raw.items():
        where = f"history.{uid}"
        if uid not in task_uids:
            raise DataFormatError(where, "không ứng với nhiệm vụ nào của kế hoạch")
        if not isinstance(lines, list):
            raise DataFormatError(where, "phải là một danh sách")
        entries = []
        for i, line in enumerate(lines):
            if not isinstance(line, dict):
                raise DataFormatError(f"{where}[{i}]", "phải là một đối tượng")
            texts = []
            for name in ("field", "old", "new"):
                value = line.get(name, "")
                if not isinstance(value, str):
                    raise DataFormatError(f"{where}[{i}].{name}", "phải là chuỗi văn bản")
                texts.append(value)
            changed_at = _stamp(line.get("changed_at"), f"{where}[{i}].changed_at")
            entries.append(HistoryEntry(changed_at, *texts))
        history[uid] = tuple(entries)
    return history


def loads(text: str | bytes) -> PlanData:
    """A whole plan back from its document, every field checked (DataFormatError names the
    first bad one)."""
    raw = _parse(text)
    plan = plan_from_dict(raw["plan"])
    uids = [t.uid for t in plan.tasks]
    if len(set(uids)) != len(uids):
        raise DataFormatError("plan.tasks", "có hai nhiệm vụ trùng mã (uid)")
    app_version = raw.get("app_version", "")
    return PlanData(
        plan=plan,
        office=office_from_dict(raw["office"]),
        history=_history(raw.get("history"), set(uids)),
        exported_at=raw["exported_at"],
        app_version=app_version if isinstance(app_version, str) else "",
    )


def load_return(text: str | bytes) -> PlanReturn:
    """What consolidation reads of a document: who the office is, the plan's identity, period
    and template, and the tasks of its appendix — each checked as ``loads`` checks it; the body,
    the office's units and the tasks left out of the appendix are not read."""
    raw = _parse(text)
    plan = raw["plan"]
    version = plan.get("format", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT:
        raise DataFormatError("plan.format", f"phải là một số nguyên đến {FORMAT}")
    tasks = plan.get("tasks", [])
    if not isinstance(tasks, list):
        raise DataFormatError("plan.tasks", "phải là một danh sách")

    def text_field(name: str) -> str:
        value = plan.get(name, "")
        if not isinstance(value, str):
            raise DataFormatError(f"plan.{name}", "phải là chuỗi văn bản")
        return value

    def chosen(i: int, task: Any) -> bool:
        if not isinstance(task, dict):
            raise DataFormatError(f"plan.tasks[{i}]", "phải là một đối tượng")
        value = task.get("chosen", True)
        if not isinstance(value, bool):
            raise DataFormatError(f"plan.tasks[{i}].chosen", "phải là true hoặc false")
        return value

    office = {k: v for k, v in raw["office"].items() if k in _WHO}
    issued_on = plan.get("issued_on")
    return PlanReturn(
        office=office_from_dict(office),
        plan_uid=text_field("uid"),
        period=from_data(Period, plan.get("period"), "plan.period"),
        template_id=text_field("template_id"),
        summary=text_field("summary"),
        number=text_field("number"),
        issued_on=None if issued_on is None else from_data(date, issued_on, "plan.issued_on"),
        tasks=tuple(
            from_data(Task, t, f"plan.tasks[{i}]") for i, t in enumerate(tasks) if chosen(i, t)
        ),
        exported_at=raw["exported_at"],
    )


# What consolidation needs to know of an office: who it is.
_WHO = frozenset({"format", "kind", "name", "province", "governing_body", "uid"})
