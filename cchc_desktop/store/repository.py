"""Reading and writing offices, plans and tasks; every public write is one transaction.

Text is NFC-normalised on the way in, so what a Vietnamese keyboard sent decomposed is
stored, searched and compared in one form. Reads are plain SQL on the connection; writes go
through sqlite-utils, loaded on the first one (see store/database.py). Moments are stored in
UTC from the injected clock.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from cchc_desktop.core.cleaning import clean_model
from cchc_desktop.core.clock import Clock, local_text
from cchc_desktop.core.model import (
    AppendixColumn,
    Basis,
    ItemKind,
    ItemRole,
    Marker,
    Office,
    OfficeKind,
    Plan,
    PlanItem,
    PlanState,
    ResultCount,
    Signer,
    Task,
    TaskStatus,
    Unit,
    issue_state,
)
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.text import clean
from cchc_desktop.errors import ConflictError, NotFoundError
from cchc_desktop.store.database import is_read_only, wrap, writing

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

# A task's columns that the plan writes (its appendix text); the rest is the tracker's.
PLAN_TASK_COLUMNS = (
    "uid", "title", "details", "output", "start_text", "finish_text", "lead_unit",
    "supporting_units", "remarks", "chosen", "key",
)  # fmt: skip


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _texts(values: list[str]) -> str:
    return json.dumps([clean(v) for v in values], ensure_ascii=False)


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """One line of the plans list."""

    id: int
    office_id: int | None
    title: str
    period: Period
    state: PlanState
    number: str
    task_count: int
    done_count: int
    updated_at: str
    deleted_at: str | None = None


@dataclass(frozen=True, slots=True)
class PlanVersion:
    """A plan's text as it was issued (number and date recorded), kept as signed."""

    id: int
    plan_id: int
    uid: str
    number: str
    issued_on: date | None
    payload: dict[str, Any]
    created_at: str


class Repository:
    """The model's storage in one database file, open on ``conn``."""

    def __init__(self, db: Database | sqlite3.Connection, clock: Clock | None = None) -> None:
        if isinstance(db, sqlite3.Connection):
            self.conn, self._db = db, None
        else:
            self.conn, self._db = db.conn, db
        self.clock = clock or Clock()
        self.notes: list[str] = []  # what cleaning removed from text saved (take_notes)

    @property
    def db(self) -> Database:
        """sqlite-utils over the same connection, for writes (loaded on the first one)."""
        if self._db is None:
            self._db = wrap(self.conn)
        return self._db

    def close(self) -> None:
        self.conn.close()

    @property
    def read_only(self) -> bool:
        """The file was opened read-only: every write is refused (store/database.py)."""
        return is_read_only(self.conn)

    def transaction(self) -> AbstractContextManager[None]:
        """Several writes as one: all saved, or none (nested calls join it); SQLite's errors
        come out as StoreErrors that say what happened (locked, read-only, disk full)."""
        return writing(self.conn)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """A query's rows as column → value dicts."""
        cursor = self.conn.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor]

    def take_notes(self) -> list[str]:
        """What cleaning removed from the text saved since last asked (for the officer)."""
        notes, self.notes = self.notes, []
        return notes

    def _now(self) -> str:
        return self.clock.stamp()

    # offices ---------------------------------------------------------------------------

    def save_office(self, office: Office) -> int:
        """Insert or update an office with its units and signers; returns its id."""
        self.notes += clean_model(office, "tên cơ quan")
        row = {
            "uid": office.uid,
            "kind": office.kind.value,
            "name": clean(office.name),
            "province": clean(office.province),
            "place_name": clean(office.place_name),
            "governing_body": clean(office.governing_body),
            "self_name": clean(office.self_name),
            "scope": clean(office.scope),
            "header_lines": _texts(office.header_lines),
            "number_suffix": clean(office.number_suffix),
            "report_deadline_day": office.report_deadline_day,
            "recipients": _texts(office.recipients),
            "updated_at": self._now(),
        }
        with self.transaction():
            if office.id is None:
                office_id = self._insert("offices", row)
            else:
                self._require("offices", office.id)
                office_id = office.id
                self.db.table("offices").update(office_id, row)
            self.db.execute("DELETE FROM units WHERE office_id = ?", [office_id])
            self.db.execute("DELETE FROM signers WHERE office_id = ?", [office_id])
            self.db.table("units").insert_all(
                {
                    "office_id": office_id,
                    "position": i,
                    "name": clean(u.name),
                    "abbreviation": clean(u.abbreviation),
                    "key": u.key,
                    "request": int(u.request),
                }
                for i, u in enumerate(office.units)
            )
            self.db.table("signers").insert_all(
                {
                    "office_id": office_id,
                    "position": i,
                    "name": clean(s.name),
                    "authority_lines": _texts(s.authority_lines),
                }
                for i, s in enumerate(office.signers)
            )
        office.id = office_id
        return office_id

    def office(self, office_id: int) -> Office:
        row = self._require("offices", office_id)
        units = [
            Unit(r["name"], r["abbreviation"], r["key"], bool(r["request"]))
            for r in self.rows(
                "SELECT * FROM units WHERE office_id = ? ORDER BY position", [office_id]
            )
        ]
        signers = [
            Signer(r["name"], json.loads(r["authority_lines"]))
            for r in self.rows(
                "SELECT * FROM signers WHERE office_id = ? ORDER BY position", [office_id]
            )
        ]
        return Office(
            kind=OfficeKind(row["kind"]),
            name=row["name"],
            province=row["province"],
            place_name=row["place_name"],
            governing_body=row["governing_body"],
            self_name=row["self_name"],
            scope=row["scope"],
            header_lines=json.loads(row["header_lines"]),
            units=units,
            signers=signers,
            recipients=json.loads(row["recipients"]),
            number_suffix=row["number_suffix"],
            report_deadline_day=row["report_deadline_day"],
            id=row["id"],
            uid=row["uid"],
        )

    def offices(self) -> list[Office]:
        return [self.office(r["id"]) for r in self.rows("SELECT id FROM offices ORDER BY id")]

    # plans -----------------------------------------------------------------------------

    def save_plan(self, plan: Plan, *, overwrite: bool = False) -> int:
        """Insert or update a whole plan; returns its id. The plan is issued when it has both
        a number and a signing date.

        Tasks keep their ids, and their tracking (status, results, evidence…) is the
        tracker's: saving the plan writes only what the plan says of a task, and only when it
        differs. Tasks no longer in the plan are deleted.

        A plan read before the stored one last changed (edited in another window, or on
        another PC sharing the file) is refused with ConflictError, unless ``overwrite``: the
        officer was told and chose to keep this version."""
        self.notes += clean_model(plan, "kế hoạch")
        now = self._now()
        plan.state = issue_state(plan.number, plan.issued_on)
        row = {
            "uid": plan.uid,
            "office_id": plan.office_id,
            "period_kind": plan.period.kind.value,
            "year": plan.period.year,
            "summary": clean(plan.summary),
            "preamble": clean(plan.preamble),
            "closing": clean(plan.closing),
            "appendix_title": clean(plan.appendix_title),
            "attachment_line": clean(plan.attachment_line),
            "appendix_label": clean(plan.appendix_label),
            "appendix_columns": json.dumps(
                [
                    {"key": c.key, "heading": clean(c.heading), "group": clean(c.group)}
                    for c in plan.appendix_columns
                ],
                ensure_ascii=False,
            ),
            "signer": None
            if plan.signer is None
            else json.dumps(
                {
                    "name": clean(plan.signer.name),
                    "authority_lines": [clean(x) for x in plan.signer.authority_lines],
                },
                ensure_ascii=False,
            ),
            "recipients": _texts(plan.recipients),
            "number": clean(plan.number),
            "number_suffix": clean(plan.number_suffix),
            "issued_on": _date(plan.issued_on),
            "drafted_on": _date(plan.drafted_on),
            "state": plan.state.value,
            "template_id": plan.template_id,
            "updated_at": now,
        }
        with self.transaction():
            if plan.id is None:
                plan_id = self._insert("plans", {**row, "created_at": now})
                revision = 0
            else:
                plan_id = plan.id
                revision = self._revise("plans", plan_id, plan.revision, overwrite, row)
            for table in ("plan_bases", "plan_items"):
                self.db.execute(f"DELETE FROM {table} WHERE plan_id = ?", [plan_id])
            self.db.table("plan_bases").insert_all(
                {
                    "plan_id": plan_id,
                    "position": i,
                    "text": clean(b.text),
                    "chosen": int(b.chosen),
                    "key": b.key,
                    "ending": b.ending,
                }
                for i, b in enumerate(plan.bases)
            )
            self._insert_items(plan_id, None, plan.sections)
            kept = [t.id for t in plan.tasks if t.id is not None]
            placeholders = ",".join("?" * len(kept))
            self.db.execute(
                f"DELETE FROM tasks WHERE plan_id = ? AND id NOT IN ({placeholders})"
                if kept
                else "DELETE FROM tasks WHERE plan_id = ?",
                [plan_id, *kept],
            )
            stored = {
                r["id"]: r
                for r in self.rows(
                    "SELECT * FROM tasks WHERE plan_id = ?",
                    [plan_id],
                )
            }
            for position, task in enumerate(plan.tasks):
                if task.id is None:
                    self._write_task(plan_id, position, task, plan.period)
                else:
                    self._write_plan_task(
                        plan_id, position, task, plan.period, stored.get(task.id), overwrite
                    )
        plan.id = plan_id
        plan.revision = revision
        return plan_id

    def _revise(self, table: str, row_id: int, revision: int, overwrite: bool, row: Row) -> int:
        """Update a row read at ``revision`` and count its revision up; returns the new one.
        ConflictError when it changed since (unless ``overwrite``)."""
        found = self._require(table, row_id)
        if found["revision"] != revision and not overwrite:
            what = "Kế hoạch" if table == "plans" else "Nhiệm vụ"
            raise ConflictError(
                f"{what} «{_short(str(found.get('summary') or found.get('title') or ''))}» đã "
                f"được sửa ở nơi khác (lúc {local_text(found['updated_at'])}) sau khi được mở "
                "ở đây. Thay đổi ở đây chưa được lưu."
            )
        new = int(found["revision"]) + 1
        assignments = ", ".join(f"{column} = ?" for column in row)
        self.db.execute(
            f"UPDATE {table} SET {assignments}, revision = ? WHERE id = ?",
            [*row.values(), new, row_id],
        )
        return new

    def _write_plan_task(
        self,
        plan_id: int,
        position: int,
        task: Task,
        period: Period,
        stored: Row | None,
        overwrite: bool,
    ) -> None:
        """What the plan says of a stored task, written only where it differs."""
        if stored is None:
            raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task.id} trong kế hoạch này.")
        start, due = task.dates(period)
        row = {
            **{column: self._task_column(task, column) for column in PLAN_TASK_COLUMNS},
            "start_date": _date(start),
            "due_date": _date(due),
        }
        task.due_on = due
        if stored["position"] != position:
            self.db.execute("UPDATE tasks SET position = ? WHERE id = ?", [position, task.id])
        if all(stored[column] == value for column, value in row.items()):
            task.revision = int(stored["revision"])
            return
        assert task.id is not None
        task.revision = self._revise(
            "tasks", task.id, task.revision, overwrite, {**row, "updated_at": self._now()}
        )

    @staticmethod
    def _task_column(task: Task, column: str) -> Any:
        if column == "details":
            return _texts(task.details)
        if column == "chosen":
            return int(task.chosen)
        value = getattr(task, column)
        return clean(value) if column != "key" else value

    def _insert_items(self, plan_id: int, parent_id: int | None, items: list[PlanItem]) -> None:
        for position, item in enumerate(items):
            item_id = self._insert(
                "plan_items",
                {
                    "plan_id": plan_id,
                    "parent_id": parent_id,
                    "position": position,
                    "uid": item.uid,
                    "kind": item.kind.value,
                    "marker": item.numbering.value,
                    "label": clean(item.label),
                    "role": item.role.value,
                    "unit_key": item.unit_key,
                    "text": clean(item.text),
                    "chosen": int(item.chosen),
                    "key": item.key,
                },
            )
            self._insert_items(plan_id, item_id, item.children)

    def _write_task(self, plan_id: int, position: int, task: Task, period: Period) -> None:
        """Insert a new task, or write every field of a stored one (counting its revision)."""
        start, due = task.dates(period)
        row = {
            "plan_id": plan_id,
            "position": position,
            "uid": task.uid,
            "title": clean(task.title),
            "details": _texts(task.details),
            "output": clean(task.output),
            "start_text": clean(task.start_text),
            "finish_text": clean(task.finish_text),
            "lead_unit": clean(task.lead_unit),
            "supporting_units": clean(task.supporting_units),
            "status": task.status.value,
            "results": json.dumps(
                [{"count": r.count, "unit": clean(r.unit)} for r in task.results],
                ensure_ascii=False,
            ),
            "evidence": clean(task.evidence),
            "notes": clean(task.notes),
            "reason": clean(task.reason),
            "remarks": clean(task.remarks),
            "chosen": int(task.chosen),
            "key": task.key,
            "start_date": _date(start),
            "due_date": _date(due),
            "updated_at": self._now(),
        }
        if task.id is None:
            task.id = self._insert("tasks", row)
            task.revision = 0
        else:
            existing = self.db.execute(
                "SELECT plan_id, revision FROM tasks WHERE id = ?", [task.id]
            ).fetchone()
            if existing is None or existing[0] != plan_id:
                raise NotFoundError(f"Không tìm thấy nhiệm vụ số {task.id} trong kế hoạch này.")
            task.revision = existing[1] + 1
            self.db.execute(
                f"UPDATE tasks SET {', '.join(f'{c} = ?' for c in row)}, revision = ? WHERE id = ?",
                [*row.values(), task.revision, task.id],
            )
        task.due_on = due

    def save_task(self, plan_id: int, task: Task, position: int | None = None) -> int:
        """Insert or update one task of a plan, in one transaction (the tracker's edits)."""
        self.notes += clean_model(task, "nhiệm vụ")
        plan_row = self._require("plans", plan_id)
        period = Period(PeriodKind(plan_row["period_kind"]), plan_row["year"])
        with self.transaction():
            if position is None:
                if task.id is not None:
                    row = self.db.execute(
                        "SELECT position FROM tasks WHERE id = ?", [task.id]
                    ).fetchone()
                    position = row[0] if row else None
                if position is None:
                    last = self.db.execute(
                        "SELECT COALESCE(MAX(position) + 1, 0) FROM tasks WHERE plan_id = ?",
                        [plan_id],
                    ).fetchone()
                    position = int(last[0])
            self._write_task(plan_id, position, task, period)
            self.touch(plan_id)
        assert task.id is not None
        return task.id

    def touch(self, plan_id: int, *, revise: bool = False) -> None:
        """The plan was changed now (inside the caller's transaction); ``revise`` when its
        tasks were added, removed or reordered, which a plan open elsewhere must not undo."""
        self.db.execute(
            "UPDATE plans SET updated_at = ?, revision = revision + ? WHERE id = ?",
            [self._now(), int(revise), plan_id],
        )

    def record_issue(self, plan_id: int, number: str, issued_on: date | None) -> Plan:
        """Record the number and signing date the clerk gave the plan: only the plan's own
        fields change (its tasks' tracking is not touched). A plan with both is issued, and
        its text as signed is kept as a version."""
        from cchc_desktop.core.docdate import number_text

        with self.transaction():
            self._require("plans", plan_id)
            number = number_text(clean(number))
            state = issue_state(number, issued_on)
            self.db.execute(
                "UPDATE plans SET number = ?, issued_on = ?, state = ?, updated_at = ? "
                "WHERE id = ?",
                [number, _date(issued_on), state.value, self._now(), plan_id],
            )
            plan = self.plan(plan_id)
            if state is PlanState.ISSUED and plan.office_id is not None:
                self.save_version(plan, self.office(plan.office_id))
        return plan

    def plan(self, plan_id: int) -> Plan:
        row = self._require("plans", plan_id)
        period = Period(PeriodKind(row["period_kind"]), row["year"])
        items = self.rows(
            "SELECT * FROM plan_items WHERE plan_id = ? ORDER BY position, id", [plan_id]
        )
        children: dict[int | None, list[Row]] = {}
        for item in items:
            children.setdefault(item["parent_id"], []).append(item)

        def build(r: Row) -> PlanItem:
            return PlanItem(
                kind=ItemKind(r["kind"]),
                text=r["text"],
                children=[build(c) for c in children.get(r["id"], [])],
                chosen=bool(r["chosen"]),
                key=r["key"],
                marker=Marker(r["marker"]),
                role=ItemRole(r["role"]),
                unit_key=r["unit_key"],
                label=r["label"],
                uid=r["uid"],
            )

        signer = json.loads(row["signer"]) if row["signer"] else None
        return Plan(
            office_id=row["office_id"],
            period=period,
            summary=row["summary"],
            bases=[
                Basis(b["text"], bool(b["chosen"]), b["key"], b["ending"])
                for b in self.rows(
                    "SELECT * FROM plan_bases WHERE plan_id = ? ORDER BY position", [plan_id]
                )
            ],
            preamble=row["preamble"],
            sections=[build(r) for r in children.get(None, [])],
            tasks=self.tasks(plan_id),
            closing=row["closing"],
            signer=Signer(signer["name"], signer["authority_lines"]) if signer else None,
            recipients=json.loads(row["recipients"]),
            appendix_title=row["appendix_title"],
            attachment_line=row["attachment_line"],
            appendix_label=row["appendix_label"],
            appendix_columns=[
                AppendixColumn(c["key"], c["heading"], c.get("group", ""))
                for c in json.loads(row["appendix_columns"])
            ],
            number=row["number"],
            number_suffix=row["number_suffix"],
            issued_on=_parse_date(row["issued_on"]),
            drafted_on=_parse_date(row["drafted_on"]),
            state=PlanState(row["state"]),
            template_id=row["template_id"],
            id=row["id"],
            uid=row["uid"],
            revision=row["revision"],
        )

    def tasks(self, plan_id: int) -> list[Task]:
        return [
            task_from_row(r)
            for r in self.rows(
                "SELECT * FROM tasks WHERE plan_id = ? ORDER BY position, id", [plan_id]
            )
        ]

    def plans(self, office_id: int | None = None, *, deleted: bool = False) -> list[PlanSummary]:
        """The plans (or those in the bin), newest period first: a year's second half, then
        the whole year, then its first half."""
        where = ["p.deleted_at IS NOT NULL" if deleted else "p.deleted_at IS NULL"]
        params: list[Any] = []
        if office_id is not None:
            where.append("p.office_id = ?")
            params.append(office_id)
        rows = self.conn.execute(
            f"""
            SELECT p.id, p.office_id, p.summary, p.period_kind, p.year, p.state, p.number,
                   p.updated_at, p.deleted_at,
                   (SELECT COUNT(*) FROM tasks t WHERE t.plan_id = p.id AND t.chosen) AS task_count,
                   (SELECT COUNT(*) FROM tasks t WHERE t.plan_id = p.id AND t.chosen
                        AND t.status = 'done') AS done_count
            FROM plans p WHERE {" AND ".join(where)}
            ORDER BY p.year DESC,
                     CASE p.period_kind WHEN 'second_half' THEN 0 WHEN 'year' THEN 1 ELSE 2 END,
                     p.id DESC
            """,
            params,
        ).fetchall()
        summaries = []
        for r in rows:
            period = Period(PeriodKind(r[3]), r[4])
            summaries.append(
                PlanSummary(
                    id=r[0],
                    office_id=r[1],
                    title=" ".join((r[2] or "").split()) or f"Kế hoạch {period.label}",
                    period=period,
                    state=PlanState(r[5]),
                    number=r[6],
                    task_count=r[9],
                    done_count=r[10],
                    updated_at=r[7],
                    deleted_at=r[8],
                )
            )
        return summaries

    def delete_plan(self, plan_id: int) -> None:
        """Move a plan to the bin (recoverable with ``restore_plan``)."""
        with self.transaction():
            self._require("plans", plan_id)
            self.db.execute("UPDATE plans SET deleted_at = ? WHERE id = ?", [self._now(), plan_id])

    def restore_plan(self, plan_id: int) -> None:
        with self.transaction():
            self._require("plans", plan_id)
            self.db.execute("UPDATE plans SET deleted_at = NULL WHERE id = ?", [plan_id])

    def purge_plan(self, plan_id: int) -> None:
        """Remove a plan for good, with its tasks, history and versions."""
        with self.transaction():
            self._require("plans", plan_id)
            self.db.execute("DELETE FROM plans WHERE id = ?", [plan_id])

    # issued versions ------------------------------------------------------------------

    def save_version(self, plan: Plan, office: Office) -> int:
        """Keep the plan's text as it stands (as signed), with its number and date and the
        office as it then was, so that it can be printed again exactly."""
        from cchc_desktop.core.model import new_uid
        from cchc_desktop.core.serialize import office_to_dict, plan_to_dict

        assert plan.id is not None
        payload = {"plan": plan_to_dict(plan), "office": office_to_dict(office)}
        return self._insert(
            "plan_versions",
            {
                "plan_id": plan.id,
                "uid": new_uid(),
                "number": plan.number,
                "issued_on": _date(plan.issued_on),
                "payload": json.dumps(payload, ensure_ascii=False),
                "created_at": self._now(),
            },
        )

    def versions(self, plan_id: int) -> list[PlanVersion]:
        """The plan's issued versions, newest first."""
        return [
            PlanVersion(
                id=r["id"],
                plan_id=r["plan_id"],
                uid=r["uid"],
                number=r["number"],
                issued_on=_parse_date(r["issued_on"]),
                payload=json.loads(r["payload"]),
                created_at=r["created_at"],
            )
            for r in self.rows(
                "SELECT * FROM plan_versions WHERE plan_id = ? ORDER BY id DESC", [plan_id]
            )
        ]

    def version_document(self, version: PlanVersion) -> tuple[Plan, Office]:
        """An issued version as a plan and its office again, exactly as it was signed."""
        from cchc_desktop.core.serialize import office_from_dict, plan_from_dict

        return plan_from_dict(version.payload["plan"]), office_from_dict(version.payload["office"])

    def duplicate_plan(self, plan_id: int) -> int:
        """A copy of a plan to shape into another: new identities, its tasks not started, no
        number or date. Returns the copy's id."""
        from cchc_desktop.core.adapt import carry_forward

        original = self.plan(plan_id)
        copy = carry_forward(original, original.period)
        copy.summary = original.summary
        copy.office_id = original.office_id
        copy.drafted_on = original.drafted_on
        return self.save_plan(copy)

    # helpers ---------------------------------------------------------------------------

    def _insert(self, table: str, row: Row) -> int:
        pk = self.db.table(table).insert(row).last_pk
        assert isinstance(pk, int)
        return pk

    def _require(self, table: str, row_id: int) -> Row:
        found = self.rows(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        if not found:
            what = {"offices": "cơ quan", "plans": "kế hoạch", "tasks": "nhiệm vụ"}.get(
                table, table
            )
            raise NotFoundError(f"Không tìm thấy {what} số {row_id}.")
        return found[0]


def task_from_row(r: Row) -> Task:
    return Task(
        title=r["title"],
        details=json.loads(r["details"]),
        output=r["output"],
        start_text=r["start_text"],
        finish_text=r["finish_text"],
        lead_unit=r["lead_unit"],
        supporting_units=r["supporting_units"],
        status=TaskStatus(r["status"]),
        results=[ResultCount(x["count"], x["unit"]) for x in json.loads(r["results"])],
        evidence=r["evidence"],
        notes=r["notes"],
        reason=r["reason"],
        chosen=bool(r["chosen"]),
        key=r["key"],
        id=r["id"],
        uid=r["uid"],
        due_on=_parse_date(r["due_date"]),
        remarks=r["remarks"],
        revision=r["revision"],
    )
