"""The database schema as forward migrations, in order; each runs in one transaction with its
record of having run (store/migrations.py hands them to sqlite-utils).

Never edit a migration that has shipped: add the next one. This module does not import
sqlite-utils: the names of the steps are what store/database.py compares with a file's record
to open an up-to-date file without loading it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cchc_desktop.core.clock import parse_stamp, stamp

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "cchc"


def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE offices (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('xã', 'phường', 'đặc khu')),
            name TEXT NOT NULL,
            province TEXT NOT NULL DEFAULT '',
            place_name TEXT NOT NULL DEFAULT '',
            number_suffix TEXT NOT NULL DEFAULT 'KH-UBND',
            report_deadline_day INTEGER NOT NULL DEFAULT 10,
            recipients TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            office_id INTEGER NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            abbreviation TEXT NOT NULL DEFAULT '',
            key TEXT NOT NULL DEFAULT '',
            request INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        """
        CREATE TABLE signers (
            id INTEGER PRIMARY KEY,
            office_id INTEGER NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            authority_lines TEXT NOT NULL DEFAULT '[]'
        )
        """
    )
    db.execute(
        """
        CREATE TABLE plans (
            id INTEGER PRIMARY KEY,
            office_id INTEGER REFERENCES offices(id) ON DELETE RESTRICT,
            period_kind TEXT NOT NULL CHECK (period_kind IN ('first_half', 'second_half', 'year')),
            year INTEGER NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            preamble TEXT NOT NULL DEFAULT '',
            closing TEXT NOT NULL DEFAULT '',
            signer TEXT,
            recipients TEXT NOT NULL DEFAULT '[]',
            number TEXT NOT NULL DEFAULT '',
            number_suffix TEXT NOT NULL DEFAULT 'KH-UBND',
            issued_on TEXT,
            drafted_on TEXT,
            state TEXT NOT NULL DEFAULT 'draft',
            template_id TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE plan_bases (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            chosen INTEGER NOT NULL DEFAULT 1,
            key TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE plan_duties (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            heading TEXT NOT NULL,
            unit_key TEXT NOT NULL DEFAULT '',
            chosen INTEGER NOT NULL DEFAULT 1,
            key TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE plan_items (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            duty_id INTEGER REFERENCES plan_duties(id) ON DELETE CASCADE,
            parent_id INTEGER REFERENCES plan_items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('section', 'subsection', 'point', 'dash', 'paragraph')),
            text TEXT NOT NULL,
            chosen INTEGER NOT NULL DEFAULT 1,
            key TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE tasks (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            details TEXT NOT NULL DEFAULT '[]',
            output TEXT NOT NULL DEFAULT '',
            start_text TEXT NOT NULL DEFAULT '',
            finish_text TEXT NOT NULL DEFAULT '',
            lead_unit TEXT NOT NULL DEFAULT '',
            supporting_units TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'not_started'
                CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped')),
            results TEXT NOT NULL DEFAULT '[]',
            evidence TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            chosen INTEGER NOT NULL DEFAULT 1,
            key TEXT NOT NULL DEFAULT '',
            start_date TEXT,
            due_date TEXT,
            updated_at TEXT NOT NULL
        )
        """
    )
    for table, column in (
        ("units", "office_id"),
        ("signers", "office_id"),
        ("plans", "office_id"),
        ("plan_bases", "plan_id"),
        ("plan_duties", "plan_id"),
        ("plan_items", "plan_id"),
        ("plan_items", "parent_id"),
        ("plan_items", "duty_id"),
        ("tasks", "plan_id"),
        ("tasks", "due_date"),
    ):
        db.execute(f"CREATE INDEX idx_{table}_{column} ON {table}({column})")


def m002_wizard_drafts(db: Database) -> None:
    """The plan wizard's work in progress, saved as the officer types (one row per draft)."""
    db.execute(
        """
        CREATE TABLE wizard_drafts (
            id INTEGER PRIMARY KEY,
            page INTEGER NOT NULL DEFAULT 0,
            payload TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


def m003_task_history(db: Database) -> None:
    """Tracking: a dated line for every change of a task, and why a task is late or dropped."""
    db.execute("ALTER TABLE tasks ADD COLUMN reason TEXT NOT NULL DEFAULT ''")
    db.execute(
        """
        CREATE TABLE task_history (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            changed_at TEXT NOT NULL,
            field TEXT NOT NULL,
            old TEXT NOT NULL DEFAULT '',
            new TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX idx_task_history_task_id ON task_history(task_id)")


def m004_report_drafts(db: Database) -> None:
    """The text of a progress report as the officer edited it, per plan and reporting period."""
    db.execute(
        """
        CREATE TABLE report_drafts (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            payload TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (plan_id, period)
        )
        """
    )


def _columns(db: Database, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()}


def _utc(db: Database, table: str, *columns: str) -> None:
    """Timestamps written in local time without a zone (before m005), now in UTC."""
    for column in columns:
        rows = db.execute(
            f"SELECT id, {column} FROM {table} WHERE {column} NOT LIKE '%+%' "
            f"AND {column} NOT LIKE '%Z' AND {column} != ''"
        ).fetchall()
        for row_id, value in rows:
            try:
                fixed = stamp(parse_stamp(value))
            except ValueError:
                continue
            db.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", [fixed, row_id])


_UID = "lower(hex(randomblob(16)))"


def _m005_steps(db: Database) -> None:
    # Offices of any kind (agencies too), their wording, and a stable identity.
    # Tables are rebuilt the way SQLite documents: a new table, the rows copied, the old one
    # dropped and the new one renamed, so that other tables' references stay as written.
    db.execute(
        """
        CREATE TABLE offices_new (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            province TEXT NOT NULL DEFAULT '',
            place_name TEXT NOT NULL DEFAULT '',
            governing_body TEXT NOT NULL DEFAULT '',
            self_name TEXT NOT NULL DEFAULT '',
            scope TEXT NOT NULL DEFAULT '',
            header_lines TEXT NOT NULL DEFAULT '[]',
            number_suffix TEXT NOT NULL DEFAULT 'KH-UBND',
            report_deadline_day INTEGER NOT NULL DEFAULT 10,
            recipients TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        f"""
        INSERT INTO offices_new (id, uid, kind, name, province, place_name, number_suffix,
                                 report_deadline_day, recipients, updated_at)
        SELECT id, {_UID}, kind, name, province, place_name, number_suffix,
               report_deadline_day, recipients, updated_at
        FROM offices
        """
    )
    db.execute("DROP TABLE offices")
    db.execute("ALTER TABLE offices_new RENAME TO offices")

    # Plans: an identity, the appendix's own title and attachment line, a place in the bin,
    # and a revision counted up by every write, so that an edit based on an older reading is
    # refused instead of saved over a newer one (two windows on one file).
    for column, kind in (
        ("uid", "TEXT NOT NULL DEFAULT ''"),
        ("appendix_title", "TEXT NOT NULL DEFAULT ''"),
        ("attachment_line", "TEXT NOT NULL DEFAULT ''"),
        ("appendix_label", "TEXT NOT NULL DEFAULT ''"),
        ("appendix_columns", "TEXT NOT NULL DEFAULT '[]'"),
        ("deleted_at", "TEXT"),
        ("revision", "INTEGER NOT NULL DEFAULT 0"),
    ):
        db.execute(f"ALTER TABLE plans ADD COLUMN {column} {kind}")
    db.execute(f"UPDATE plans SET uid = {_UID}")
    db.execute("CREATE UNIQUE INDEX idx_plans_uid ON plans(uid)")
    db.execute("CREATE INDEX idx_plans_deleted_at ON plans(deleted_at)")
    signers = db.execute("SELECT id, signer FROM plans WHERE signer IS NOT NULL").fetchall()
    for plan_id, signer in signers:
        data = json.loads(signer)
        if isinstance(data, dict) and "lines" in data:
            moved = {"name": data.get("name", ""), "authority_lines": data["lines"]}
            db.execute(
                "UPDATE plans SET signer = ? WHERE id = ?",
                [json.dumps(moved, ensure_ascii=False), plan_id],
            )

    # A basis keeps the mark an imported document ended it with, when not the usual one.
    db.execute("ALTER TABLE plan_bases ADD COLUMN ending TEXT NOT NULL DEFAULT ''")

    # The body becomes one tree: each item its own marker and role; the units' blocks move
    # from plan_duties into a last section, "Tổ chức thực hiện".
    db.execute(
        """
        CREATE TABLE plan_items_new (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            parent_id INTEGER REFERENCES plan_items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            uid TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('section', 'subsection', 'point')),
            marker TEXT NOT NULL DEFAULT '',
            label TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            unit_key TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            chosen INTEGER NOT NULL DEFAULT 1,
            key TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        f"""
        INSERT INTO plan_items_new (id, plan_id, parent_id, position, uid, kind, marker, text,
                                    chosen, key)
        SELECT id, plan_id, parent_id, position, {_UID},
               CASE WHEN kind IN ('dash', 'paragraph') THEN 'point' ELSE kind END,
               CASE kind WHEN 'section' THEN 'I.' WHEN 'subsection' THEN '1.'
                         WHEN 'point' THEN 'a)' WHEN 'dash' THEN '-' ELSE '' END,
               text, chosen, key
        FROM plan_items
        """
    )
    plans = db.execute("SELECT DISTINCT plan_id FROM plan_duties ORDER BY plan_id").fetchall()
    for (plan_id,) in plans:
        last = db.execute(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM plan_items_new "
            "WHERE plan_id = ? AND parent_id IS NULL",
            [plan_id],
        ).fetchone()[0]
        section = db.execute(
            f"INSERT INTO plan_items_new (plan_id, parent_id, position, uid, kind, marker, role, "
            f"text, chosen, key) VALUES (?, NULL, ?, {_UID}, 'section', 'I.', 'organisation', "
            f"'Tổ chức thực hiện', 1, '')",
            [plan_id, last],
        ).lastrowid
        duties = db.execute(
            "SELECT id, position, heading, unit_key, chosen, key FROM plan_duties "
            "WHERE plan_id = ? ORDER BY position",
            [plan_id],
        ).fetchall()
        for duty_id, position, heading, unit_key, chosen, key in duties:
            block = db.execute(
                f"INSERT INTO plan_items_new (plan_id, parent_id, position, uid, kind, marker, "
                f"role, unit_key, text, chosen, key) VALUES (?, ?, ?, {_UID}, 'subsection', '1.', "
                f"'unit', ?, ?, ?, ?)",
                [plan_id, section, position, unit_key, heading, chosen, key],
            ).lastrowid
            db.execute(
                "UPDATE plan_items_new SET parent_id = ? WHERE id IN "
                "(SELECT id FROM plan_items WHERE duty_id = ? AND parent_id IS NULL)",
                [block, duty_id],
            )
    db.execute("DROP TABLE plan_items")
    db.execute("DROP TABLE plan_duties")
    db.execute("ALTER TABLE plan_items_new RENAME TO plan_items")
    for column in ("plan_id", "parent_id"):
        db.execute(f"CREATE INDEX idx_plan_items_{column} ON plan_items({column})")

    # Tasks: an identity, the appendix's "Ghi chú" column when a plan has one, a revision.
    db.execute("ALTER TABLE tasks ADD COLUMN uid TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE tasks ADD COLUMN remarks TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE tasks ADD COLUMN revision INTEGER NOT NULL DEFAULT 0")
    db.execute(f"UPDATE tasks SET uid = {_UID}")
    db.execute("CREATE UNIQUE INDEX idx_tasks_uid ON tasks(uid)")

    # Templates the office brought in (from Word, or a file passed on by another office).
    db.execute(
        """
        CREATE TABLE templates (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            payload TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """
    )

    # The issued text of a plan, kept as signed beside later drafts.
    db.execute(
        """
        CREATE TABLE plan_versions (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            uid TEXT NOT NULL UNIQUE,
            number TEXT NOT NULL DEFAULT '',
            issued_on TEXT,
            payload TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_plan_versions_plan_id ON plan_versions(plan_id)")

    # One clock: every moment in UTC.
    _utc(db, "offices", "updated_at")
    _utc(db, "plans", "created_at", "updated_at")
    _utc(db, "tasks", "updated_at")
    _utc(db, "task_history", "changed_at")
    _utc(db, "report_drafts", "updated_at")
    _utc(db, "wizard_drafts", "updated_at")


def m005_identities_and_the_plan_tree(db: Database) -> None:
    """Stable uids for offices, plans, items and tasks; offices of any kind; the body as one
    tree with a marker per item; an appendix with its own columns; issued versions; the plan
    bin; templates brought in by the office; every moment in UTC.

    Rebuilding tables that others refer to needs foreign keys off, which SQLite allows only
    outside a transaction: this step opens its own, and a file that holds its work already
    (the process stopped before sqlite-utils wrote its record) is left as it is.
    """
    if "uid" in _columns(db, "plans"):
        return
    conn = db.conn
    if conn.in_transaction:
        conn.commit()
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            _m005_steps(db)
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(f"foreign keys broken by m005: {broken[:3]}")
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


Step = Callable[["Database"], None]
# (step, runs in the transaction sqlite-utils opens): in order, never reordered.
STEPS: tuple[tuple[Step, bool], ...] = (
    (m001_initial, True),
    (m002_wizard_drafts, True),
    (m003_task_history, True),
    (m004_report_drafts, True),
    (m005_identities_and_the_plan_tree, False),
)
MIGRATIONS = tuple(step.__name__ for step, _ in STEPS)


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# What this version reads: every table and its columns after the last migration. A file
# opened without them is refused (store/database.py); a test keeps this equal to a new file.
TABLES: dict[str, frozenset[str]] = {
    "offices": _names(
        "id uid kind name province place_name governing_body self_name scope header_lines"
        " number_suffix report_deadline_day recipients updated_at"
    ),
    "plan_bases": _names("id plan_id position text chosen key ending"),
    "plan_items": _names(
        "id plan_id parent_id position uid kind marker label role unit_key text chosen key"
    ),
    "plan_versions": _names("id plan_id uid number issued_on payload created_at"),
    "plans": _names(
        "id office_id period_kind year summary preamble closing signer recipients number"
        " number_suffix issued_on drafted_on state template_id created_at updated_at uid"
        " appendix_title attachment_line appendix_label appendix_columns deleted_at revision"
    ),
    "report_drafts": _names("id plan_id period payload updated_at"),
    "signers": _names("id office_id position name authority_lines"),
    "task_history": _names("id task_id changed_at field old new"),
    "tasks": _names(
        "id plan_id position title details output start_text finish_text lead_unit"
        " supporting_units status results evidence notes chosen key start_date due_date"
        " updated_at reason uid remarks revision"
    ),
    "templates": _names("id uid name payload source created_at"),
    "units": _names("id office_id position name abbreviation key request"),
    "wizard_drafts": _names("id page payload updated_at"),
}


def schema_of(conn: sqlite3.Connection) -> dict[str, Any]:
    """Tables, their columns and indexes, as the frozen-schema tests compare them."""
    out: dict[str, Any] = {}
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != '_sqlite_migrations' ORDER BY name"
    ):
        columns = [
            (c[1], c[2], bool(c[3]), c[4], c[5])
            for c in conn.execute(f"PRAGMA table_info({name})").fetchall()
        ]
        indexes = sorted(
            (i[1], bool(i[2]))
            for i in conn.execute(f"PRAGMA index_list({name})").fetchall()
            if not i[1].startswith("sqlite_autoindex")
        )
        out[name] = {"columns": columns, "indexes": indexes}
    return out
