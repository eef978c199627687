"""Daily backups beside the data file, the last ten kept, and restoring one — nothing lost on
the way: the data replaced is kept as a copy of its own, a bad backup changes nothing."""

import sqlite3
from datetime import date, datetime, timedelta

import pytest

from cchc_desktop.errors import StoreError
from cchc_desktop.store.backups import (
    KEEP,
    backup_folder,
    backups,
    daily_backup,
    restore,
    restore_file,
)
from cchc_desktop.store.database import connect
from cchc_desktop.store.repository import Repository
from tests.store.test_database import m004_file
from tests.store.test_opening import digest, saved_file

NOW = datetime(2026, 11, 30, 8, 15)


def test_one_backup_a_day_of_the_data_as_it_was(tmp_path):
    path = saved_file(tmp_path)
    repo = Repository(connect(path))
    first = daily_backup(repo.conn, path, date(2026, 11, 30))
    assert first == tmp_path / "sao-luu" / "cchc-2026-11-30.sqlite"
    assert daily_backup(repo.conn, path, date(2026, 11, 30)) is None  # once a day
    copy = Repository(connect(first, create=False))
    assert [p.title for p in copy.plans()] == [p.title for p in repo.plans()]
    assert copy.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # opened as usual


def test_the_last_ten_daily_backups_are_kept_and_nothing_else_is_touched(tmp_path):
    path = saved_file(tmp_path)
    repo = Repository(connect(path))
    folder = backup_folder(path)
    folder.mkdir()
    own = folder / "ban-sao-cua-toi.sqlite"
    own.write_bytes(b"the officer's own copy")
    other_db = folder / "khac-2026-01-01.sqlite"  # another data file's daily copy
    other_db.write_bytes(b"x")
    start = date(2026, 11, 1)
    for day in range(15):
        daily_backup(repo.conn, path, start + timedelta(days=day))
    daily = sorted(p.name for p in folder.glob("cchc-*.sqlite"))
    assert len(daily) == KEEP
    assert daily[0] == "cchc-2026-11-06.sqlite" and daily[-1] == "cchc-2026-11-15.sqlite"
    assert own.exists() and other_db.exists()


def test_the_list_shows_each_backup_with_its_plans_newest_first(tmp_path):
    path = saved_file(tmp_path)
    repo = Repository(connect(path))
    daily_backup(repo.conn, path, date(2026, 11, 29))
    broken = backup_folder(path) / "hong.sqlite"
    broken.write_bytes(b"not a database")
    found = backups(path)
    assert {b.path.name for b in found} == {"cchc-2026-11-29.sqlite", "hong.sqlite"}
    by_name = {b.path.name: b for b in found}
    assert by_name["cchc-2026-11-29.sqlite"].plans == 1
    assert by_name["cchc-2026-11-29.sqlite"].automatic
    assert by_name["hong.sqlite"].plans is None
    assert not by_name["hong.sqlite"].automatic
    assert backups(tmp_path / "elsewhere" / "cchc.sqlite") == []


def test_restoring_brings_back_the_data_and_keeps_what_it_replaced(tmp_path):
    path = saved_file(tmp_path)
    repo = Repository(connect(path))
    backup = daily_backup(repo.conn, path, date(2026, 11, 29))
    plan = repo.plan(repo.plans()[0].id)
    plan.summary = "Sửa sau khi sao lưu"
    repo.save_plan(plan)

    kept = restore(repo.conn, path, backup, NOW)

    assert repo.plan(plan.id).summary == "Tuyên truyền cải cách hành chính năm 2026"
    assert kept.name == "cchc-truoc-khoi-phuc-2026-11-30-081500.sqlite"
    assert Repository(connect(kept, create=False)).plan(plan.id).summary == "Sửa sau khi sao lưu"
    assert repo.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not list(tmp_path.glob(".*khoi-phuc*"))  # the checked copy is gone


def test_a_backup_of_an_older_version_is_brought_up_to_date_when_restored(tmp_path):
    old = m004_file(tmp_path)
    path = saved_file(tmp_path / "now")
    repo = Repository(connect(path))
    restore(repo.conn, path, old, NOW)
    assert [p.title for p in repo.plans()] == [
        "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"
    ]
    assert not list((tmp_path / "now").glob("*.bak*"))  # the copy needs no copy of its own


@pytest.mark.parametrize("content", [b"", b"garbage" * 100])
def test_a_bad_backup_changes_nothing(tmp_path, content):
    path = saved_file(tmp_path)
    repo = Repository(connect(path))
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    before = [p.title for p in repo.plans()]
    with pytest.raises(StoreError, match="không dùng được"):
        restore(repo.conn, path, bad, NOW)
    assert [p.title for p in repo.plans()] == before
    assert not backup_folder(path).exists()  # nothing kept: nothing was replaced


def test_a_damaged_file_is_moved_aside_and_the_backup_put_in_its_place(tmp_path):
    path = saved_file(tmp_path)
    repo = Repository(connect(path))
    backup = daily_backup(repo.conn, path, date(2026, 11, 29))
    repo.close()
    path.write_bytes(b"damaged beyond reading" * 50)
    damaged = digest(path)

    aside = restore_file(path, backup, NOW)

    assert aside is not None and aside.name == "cchc-hong-2026-11-30-081500.sqlite"
    assert digest(aside) == damaged  # never deleted
    assert Repository(connect(path)).plans()[0].title.startswith("Tuyên truyền")


def test_a_backup_that_cannot_be_read_leaves_the_damaged_file_where_it_was(tmp_path):
    path = tmp_path / "cchc.sqlite"
    path.write_bytes(b"damaged")
    with pytest.raises(StoreError):
        restore_file(path, tmp_path / "missing.sqlite", NOW)
    assert path.read_bytes() == b"damaged"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cchc.sqlite"]


def test_a_copy_taken_while_another_window_writes_is_whole(tmp_path):
    path = saved_file(tmp_path)
    repo = Repository(connect(path))
    other = sqlite3.connect(path)
    other.execute("UPDATE plans SET summary = 'Chưa lưu'")  # an open, uncommitted write
    copy = daily_backup(repo.conn, path, date(2026, 11, 30))
    other.rollback()
    other.close()
    assert Repository(connect(copy, create=False)).plans()[0].title.startswith("Tuyên truyền")
