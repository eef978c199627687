"""Opening a database file as it is found on an office PC: empty, not SQLite, another
program's, damaged, cut short of a table, locked, read-only, on a full disk — each told apart
and nothing written into a file the app did not make."""

import contextlib
import copy
import dataclasses
import hashlib
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cchc_desktop.core.model import Task
from cchc_desktop.errors import (
    ConflictError,
    DatabaseDamagedError,
    DatabaseEmptyError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DiskFullError,
    NotADatabaseError,
    StoreError,
)
from cchc_desktop.store import database
from cchc_desktop.store.database import connect, is_read_only, store_error, writing
from cchc_desktop.store.repository import Repository
from cchc_desktop.store.tracking import TaskStore
from tests.store.test_repository import make_office, make_plan


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def saved_file(folder: Path) -> Path:
    """A file of the app with an office and a plan, closed (its WAL folded in)."""
    path = folder / "cchc.sqlite"
    repo = Repository(connect(path))
    office = make_office()
    repo.save_office(office)
    repo.save_plan(make_plan(office.id))
    repo.close()
    return path


@contextlib.contextmanager
def mounted(folder: Path, options: str):
    """A small real filesystem (tmpfs) at ``folder``; skipped where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def make_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


# refused untouched ----------------------------------------------------------------------


def test_an_empty_file_is_refused_and_stays_empty(tmp_path):
    path = tmp_path / "cchc.sqlite"
    path.write_bytes(b"")
    with pytest.raises(DatabaseEmptyError, match="trống"):
        connect(path)
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cchc.sqlite"]


def test_an_empty_file_becomes_a_database_when_the_officer_agrees(tmp_path):
    path = tmp_path / "cchc.sqlite"
    path.write_bytes(b"")
    repo = Repository(connect(path, accept_empty=True))
    assert repo.plans() == []
    assert path.stat().st_size > 0


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "cchc.sqlite"
    path.write_bytes(b"PK\x03\x04 a Word document, renamed" * 100)
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="không phải tệp dữ liệu"):
        connect(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cchc.sqlite"]


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as other:
        other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        other.execute("INSERT INTO invoices (total) VALUES (12.5)")
        other.commit()
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="chương trình khác"):
        connect(path)
    assert digest(path) == before  # no migrations table added, not even WAL switched on
    with contextlib.closing(sqlite3.connect(path)) as other:
        tables = {r[0] for r in other.execute("SELECT name FROM sqlite_master")}
    assert tables == {"invoices"}


@pytest.mark.parametrize(
    ("damage", "missing"),
    [
        ("DROP TABLE task_history", "bảng «task_history»"),
        ("ALTER TABLE tasks DROP COLUMN evidence", "cột «tasks.evidence»"),
    ],
)
def test_a_file_cut_short_of_a_table_or_column_is_refused_with_what_is_missing(
    tmp_path, damage, missing
):
    path = saved_file(tmp_path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(damage)
        conn.commit()
    before = digest(path)
    with pytest.raises(DatabaseDamagedError) as error:
        connect(path)
    assert missing in error.value.message
    assert "sao lưu" in error.value.message
    assert digest(path) == before


def test_a_damaged_file_is_called_damaged_and_left_as_it_is(tmp_path):
    path = saved_file(tmp_path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page * 2, page * 3, 7):  # scribble over a table's page
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseDamagedError, match="bị hỏng"):
        connect(path)
    assert digest(path) == before


def test_a_newer_or_damaged_file_is_not_confused_with_a_missing_one(tmp_path):
    with pytest.raises(StoreError, match="Không có tệp"):
        connect(tmp_path / "absent.sqlite", create=False)
    assert not (tmp_path / "absent.sqlite").exists()
    with pytest.raises(StoreError, match="thư mục"):
        connect(tmp_path)


# locked, read-only, full: not "damaged" ------------------------------------------------


def test_a_file_held_by_another_program_is_called_locked(tmp_path, monkeypatch):
    path = saved_file(tmp_path)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.2)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
            "c.execute('PRAGMA locking_mode = EXCLUSIVE')\n"
            "c.execute('BEGIN EXCLUSIVE')\n"
            "print('held', flush=True)\n"
            "time.sleep(30)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseLockedError, match="chương trình khác giữ"):
            connect(path)
    finally:
        holder.kill()
        holder.wait()
    assert Repository(connect(path)).plans()  # free again: opens, nothing was lost


def test_a_write_that_waits_too_long_for_a_lock_is_told_and_saves_nothing(tmp_path, monkeypatch):
    path = saved_file(tmp_path)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.2)
    repo = Repository(connect(path))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    office = repo.offices()[0]
    office.name = "Tên mới"
    started = time.monotonic()
    with pytest.raises(DatabaseLockedError):
        repo.save_office(office)
    assert time.monotonic() - started >= 0.2  # it waited for the lock first
    other.execute("ROLLBACK")
    other.close()
    assert repo.office(office.id).name == "Thạch Khôi"
    repo.save_office(office)  # and succeeds once the lock is gone
    assert repo.office(office.id).name == "Tên mới"


def test_a_file_marked_read_only_opens_read_only_and_refuses_writes(tmp_path):
    path = saved_file(tmp_path)
    path.chmod(0o444)
    before = digest(path)
    repo = Repository(connect(path))
    assert repo.read_only
    assert repo.plans()[0].title == "Tuyên truyền cải cách hành chính năm 2026"
    office = repo.offices()[0]
    with pytest.raises(DatabaseReadOnlyError, match="chỉ đọc"):
        repo.save_office(office)
    repo.close()
    assert digest(path) == before


def test_a_file_in_a_read_only_folder_opens_read_only(tmp_path):
    with mounted(tmp_path / "share", "size=4m") as share:
        path = saved_file(share)
        make_read_only(share)
        repo = Repository(connect(path))
        assert repo.read_only
        assert database.write_protection(path) == "ổ đĩa hoặc thư mục chứa tệp chỉ cho đọc"
        assert [p.title for p in repo.plans()] == ["Tuyên truyền cải cách hành chính năm 2026"]
        with pytest.raises(DatabaseReadOnlyError):
            TaskStore(repo).set_report_deadline_day(repo.offices()[0].id, 7)
        repo.close()


def test_a_full_disk_is_told_as_such_and_the_saved_data_stays(tmp_path):
    with mounted(tmp_path / "small", "size=600k") as small:
        path = saved_file(small)
        repo = Repository(connect(path))
        plan = repo.plan(repo.plans()[0].id)
        (small / "filler").write_bytes(b"\0" * (shutil.disk_usage(small).free - 8192))
        before = plan.tasks[0].notes
        plan.tasks[0].notes = "x" * 400_000  # more than the disk has left
        with pytest.raises(DiskFullError, match="đầy"):
            TaskStore(repo).update_task(plan.id, plan.tasks[0])
        (small / "filler").unlink()
        assert repo.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert repo.tasks(plan.id)[0].notes == before
        repo.close()


@pytest.mark.parametrize(
    ("code", "kind", "words"),
    [
        (sqlite3.SQLITE_BUSY, DatabaseLockedError, "chương trình khác giữ"),
        (sqlite3.SQLITE_READONLY, DatabaseReadOnlyError, "chỉ cho đọc"),
        (sqlite3.SQLITE_FULL, DiskFullError, "đầy"),
        (sqlite3.SQLITE_CORRUPT, DatabaseDamagedError, "bị hỏng"),
        (sqlite3.SQLITE_IOERR, StoreError, "ổ đĩa"),
        (sqlite3.SQLITE_CANTOPEN, StoreError, "Không mở được"),
    ],
)
def test_each_sqlite_error_says_what_happened(code, kind, words):
    exc = sqlite3.OperationalError("x")
    exc.sqlite_errorcode = code | 0x100  # an extended code: its low byte is the kind
    error = store_error(exc, "cchc.sqlite")
    assert type(error) is kind
    assert words in error.message


# one transaction ------------------------------------------------------------------------


def test_a_nested_transaction_is_undone_alone(repo):
    office = make_office()
    with writing(repo.conn):
        repo.save_office(office)
        with contextlib.suppress(RuntimeError), writing(repo.conn):
            repo.conn.execute("UPDATE offices SET name = 'X'")
            raise RuntimeError
    assert repo.office(office.id).name == "Thạch Khôi"
    assert not is_read_only(repo.conn)


# two windows on one file ------------------------------------------------------------------


def two_windows(tmp_path: Path) -> tuple[Repository, Repository, int]:
    path = saved_file(tmp_path)
    first, second = Repository(connect(path)), Repository(connect(path))
    return first, second, first.plans()[0].id


def test_an_edit_based_on_an_older_reading_is_refused_not_saved_over(tmp_path):
    first, second, plan_id = two_windows(tmp_path)
    mine, theirs = TaskStore(first), TaskStore(second)
    seen_here = first.tasks(plan_id)[0]
    seen_there = second.tasks(plan_id)[0]

    theirs.update_task(
        plan_id, edited(seen_there, notes="Ghi chú của máy bên kia"), base=seen_there
    )

    stale = edited(seen_here, notes="Ghi chú ở đây")
    with pytest.raises(ConflictError, match="Ghi chú"):
        mine.update_task(plan_id, stale, base=seen_here)
    assert first.tasks(plan_id)[0].notes == "Ghi chú của máy bên kia"


def test_edits_of_different_fields_are_both_kept(tmp_path):
    first, second, plan_id = two_windows(tmp_path)
    seen_here = first.tasks(plan_id)[0]
    seen_there = second.tasks(plan_id)[0]
    TaskStore(second).update_task(
        plan_id, edited(seen_there, evidence="Công văn 12"), base=seen_there
    )
    TaskStore(first).update_task(plan_id, edited(seen_here, notes="Đã gọi"), base=seen_here)
    stored = first.tasks(plan_id)[0]
    assert (stored.evidence, stored.notes) == ("Công văn 12", "Đã gọi")


def test_a_plan_saved_from_an_older_reading_is_refused_unless_the_officer_chooses(tmp_path):
    first, second, plan_id = two_windows(tmp_path)
    here, there = first.plan(plan_id), second.plan(plan_id)
    there.summary = "Sửa ở máy bên kia"
    second.save_plan(there)
    here.summary = "Sửa ở đây"
    with pytest.raises(ConflictError, match="đã được sửa ở nơi khác"):
        first.save_plan(here)
    assert first.plan(plan_id).summary == "Sửa ở máy bên kia"
    first.save_plan(here, overwrite=True)
    assert second.plan(plan_id).summary == "Sửa ở đây"


def test_saving_the_plan_keeps_the_tracking_done_meanwhile(tmp_path):
    first, second, plan_id = two_windows(tmp_path)
    in_wizard = first.plan(plan_id)
    task = second.tasks(plan_id)[0]
    TaskStore(second).update_task(plan_id, edited(task, evidence="Biên bản"), base=task)
    in_wizard.preamble = "Lời mở đầu mới"
    first.save_plan(in_wizard)  # the plan's words: no clash with a task's tracking
    assert first.tasks(plan_id)[0].evidence == "Biên bản"


def test_a_task_added_elsewhere_is_not_dropped_by_a_plan_saved_from_before(tmp_path):
    first, second, plan_id = two_windows(tmp_path)
    in_wizard = first.plan(plan_id)
    added = TaskStore(second).add_task(plan_id, Task("Nhiệm vụ mới"))
    with pytest.raises(ConflictError):
        first.save_plan(in_wizard)
    assert added.id in {t.id for t in first.tasks(plan_id)}


def edited(task: Task, **changes: object) -> Task:
    return dataclasses.replace(copy.deepcopy(task), **changes)  # type: ignore[arg-type]
