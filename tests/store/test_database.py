import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.errors import DatabaseTooNewError, StoreError
from cchc_desktop.store import database
from cchc_desktop.store.database import backup_to, connect, open_database
from cchc_desktop.store.migrations import migrations
from cchc_desktop.store.repository import Repository
from cchc_desktop.store.schema import MIGRATIONS, schema_of
from tests.store.test_repository import make_office

DATA = Path(__file__).parent / "data"
# The schema after each migration, frozen when the migration shipped: a migration that
# changes afterwards, or a file migrated differently from a new one, fails here.
FROZEN = json.loads((DATA / "schemas.json").read_text(encoding="utf-8"))


def frozen(name: str) -> dict:
    return {
        table: {"columns": [list(c) for c in entry["columns"]],
                "indexes": [list(i) for i in entry["indexes"]]}
        for table, entry in FROZEN[name].items()
    }  # fmt: skip


def current(conn: sqlite3.Connection) -> dict:
    return json.loads(json.dumps(schema_of(conn)))


def test_every_shipped_migration_has_a_frozen_schema():
    assert list(FROZEN) == list(MIGRATIONS)


def test_a_new_file_gets_wal_foreign_keys_and_every_migration(tmp_path):
    db = open_database(tmp_path / "sub" / "cchc.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert [m.name for m in migrations.applied(db)] == list(MIGRATIONS)
    assert current(db.conn) == frozen(MIGRATIONS[-1])


@pytest.mark.parametrize("last", MIGRATIONS)
def test_each_migration_gives_the_schema_frozen_for_it(last):
    db = Database(sqlite3.connect(":memory:"))
    later = MIGRATIONS[MIGRATIONS.index(last) + 1 :]
    migrations.apply(db, stop_before=later[0] if later else None)
    assert current(db.conn) == frozen(last)


@pytest.mark.parametrize("stop_before", MIGRATIONS)
def test_migrating_from_every_earlier_version_gives_the_current_schema(tmp_path, stop_before):
    path = tmp_path / "old.sqlite"
    old = Database(sqlite3.connect(str(path)))
    migrations.apply(old, stop_before=stop_before)
    old.conn.close()
    migrated = open_database(path)
    assert current(migrated.conn) == frozen(MIGRATIONS[-1])
    assert migrated.execute("PRAGMA foreign_key_check").fetchall() == []


def m004_file(tmp_path: Path) -> Path:
    """A file written by the app before m005 (from tests/store/data/m004_sample.sql): the
    sample plan of xã Quyết Thắng, one task edited at 08:30 local time, a wizard draft."""
    path = tmp_path / "m004.sqlite"
    with sqlite3.connect(str(path)) as conn:
        conn.executescript((DATA / "m004_sample.sql").read_text(encoding="utf-8"))
    conn.close()
    return path


def test_a_file_of_the_previous_version_keeps_every_printed_word_and_its_tracking(
    tmp_path, template
):
    from cchc_desktop.core.outline import plan_text
    from cchc_desktop.core.sample import sample_office, sample_plan
    from cchc_desktop.store.tracking import TaskStore

    repo = Repository(connect(m004_file(tmp_path)))
    [summary] = repo.plans()
    plan = repo.plan(summary.id)
    office = repo.office(plan.office_id)
    fresh = sample_plan(template, sample_office(template))
    body = plan_text(plan, office).split("Phụ lục")[0]
    assert body == plan_text(fresh, office).split("Phụ lục")[0]
    done = plan.tasks[0]
    assert (done.status.value, done.notes) == ("done", "Đã xong")
    history = TaskStore(repo).history(done.id)
    assert [e.field for e in history] == ["status", "notes"]
    uids = [plan.uid, office.uid, *(t.uid for t in plan.tasks)]
    assert len(set(uids)) == len(uids) and all(len(u) == 32 for u in uids)
    conn = repo.conn
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert list(tmp_path.glob("m004.v4-*.bak.sqlite")), "no copy before migrating"


def test_moments_written_in_local_time_become_utc(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        repo = Repository(connect(m004_file(tmp_path)))
        (changed_at,) = repo.conn.execute("SELECT DISTINCT changed_at FROM task_history").fetchone()
        assert changed_at == "2025-09-05T01:30:00+00:00"  # 08:30 in Hà Nội
        from cchc_desktop.store.tracking import TaskStore

        task_id = repo.plan(1).tasks[0].id
        assert TaskStore(repo).history(task_id)[0].when == "05/9/2025 08:30"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_migration_interrupted_after_its_work_is_not_run_twice(tmp_path):
    """m005 commits its own transaction: if the process stops before sqlite-utils records it,
    the next start finds the work done and only records it."""
    path = m004_file(tmp_path)
    db = Database(sqlite3.connect(str(path)))
    from cchc_desktop.store.schema import m005_identities_and_the_plan_tree

    m005_identities_and_the_plan_tree(db)
    db.conn.close()
    repo = Repository(connect(path))
    assert current(repo.conn) == frozen(MIGRATIONS[-1])
    assert len(repo.plan(1).sections) == 5


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


def test_a_backup_that_cannot_be_moved_into_place_leaves_nothing_behind(
    file_repo, tmp_path, monkeypatch
):
    import shutil

    file_repo.save_office(make_office())

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(shutil, "move", refuse)
    with pytest.raises(StoreError, match="Không sao lưu được"):
        backup_to(file_repo.conn, tmp_path / "backup.sqlite")
    assert list(tmp_path.glob("backup.sqlite*")) == []


def test_the_names_that_recognise_an_up_to_date_file_are_the_migrations():
    """A migration added without its name here would be skipped on files already open."""
    assert list(database.MIGRATIONS) == [m.name for m in migrations._migrations]


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
