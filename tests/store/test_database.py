import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.errors import DatabaseTooNewError, StoreError
from cchc_desktop.store import database
from cchc_desktop.store.database import backup_to, connect, known_migrations, open_database
from cchc_desktop.store.migrations import migrations
from cchc_desktop.store.repository import Repository
from tests.store.test_repository import make_office


def schema(db: Database) -> dict[str, str]:
    return {
        name: sql
        for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "AND name != '_sqlite_migrations'"
        ).fetchall()
    }


def test_a_new_file_gets_wal_foreign_keys_and_every_migration(tmp_path):
    db = open_database(tmp_path / "sub" / "cchc.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert [m.name for m in migrations.applied(db)] == known_migrations()


@pytest.mark.parametrize("stop_before", known_migrations())
def test_migrating_from_every_earlier_version_gives_the_current_schema(tmp_path, stop_before):
    path = tmp_path / "old.sqlite"
    old = Database(sqlite3.connect(str(path)))
    migrations.apply(old, stop_before=stop_before)
    old.conn.close()
    migrated = open_database(path)
    fresh = open_database(tmp_path / "fresh.sqlite")
    assert schema(migrated) == schema(fresh)


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "cchc.sqlite"
    db = open_database(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "cchc", "name": "m999_future", "applied_at": "2030-01-01"}
    )
    db.conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="phiên bản mới hơn"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path):
    path = tmp_path / "cchc.sqlite"
    path.write_text("đây không phải cơ sở dữ liệu" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="không phải cơ sở dữ liệu"):
        open_database(path)


def test_an_older_file_is_copied_before_it_is_migrated(tmp_path, monkeypatch):
    path = tmp_path / "cchc.sqlite"
    open_database(path).conn.close()

    @migrations()
    def m900_test_only(db):  # registered for this test alone
        db.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)")

    monkeypatch.setattr(database, "MIGRATIONS", (*database.MIGRATIONS, "m900_test_only"))

    try:
        db = open_database(path)
        assert "extra" in db.table_names()
        backups = list(tmp_path.glob("cchc.v*.bak.sqlite"))
        assert len(backups) == 1
        assert "extra" not in Database(sqlite3.connect(str(backups[0]))).table_names()
    finally:
        migrations._migrations.pop()


def test_backup_copies_the_data(file_repo, tmp_path):
    file_repo.save_office(make_office())
    target = tmp_path / "backup.sqlite"
    backup_to(file_repo.conn, target)
    assert Repository(open_database(target)).offices()[0].name == "Thạch Khôi"
    assert not list(tmp_path.glob("*.part"))


def test_the_names_that_recognise_an_up_to_date_file_are_the_migrations():
    """A migration added without its name here would be skipped on files already open."""
    assert list(database.MIGRATIONS) == known_migrations()


def test_an_up_to_date_file_is_read_without_loading_sqlite_utils(tmp_path):
    """The first window only reads; sqlite-utils loads with the first write."""
    path = tmp_path / "cchc.sqlite"
    repo = Repository(open_database(path))
    repo.save_office(make_office())
    repo.close()
    code = f"""
import sys
from cchc_desktop.store.database import connect
from cchc_desktop.store.repository import Repository
from cchc_desktop.store.tracking import TaskStore
repo = Repository(connect({str(path)!r}))
assert repo.offices()[0].name == "Thạch Khôi" and repo.plans() == []
TaskStore(repo).tracked_tasks(1)
assert "sqlite_utils" not in sys.modules, "read"
office = repo.offices()[0]
office.name = "Thạch Khôi mới"
repo.save_office(office)
assert "sqlite_utils" in sys.modules
print("ok")
"""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=dict(os.environ, PYTHONPATH=str(root)),
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.stdout.strip() == "ok", result.stderr
    assert Repository(connect(path)).offices()[0].name == "Thạch Khôi mới"


def test_connect_creates_and_migrates_a_new_file(tmp_path):
    conn = connect(tmp_path / "new.sqlite")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"offices", "plans", "tasks", "task_history", "report_drafts"} <= tables
    conn.close()
