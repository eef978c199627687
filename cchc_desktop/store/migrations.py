"""The database schema as forward migrations; each runs in one transaction with its record.

Never edit a migration that has shipped: add the next one. Schema only, no data fixes here.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from cchc_desktop.store.database import MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


@migrations()
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


@migrations()
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


@migrations()
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


@migrations()
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
