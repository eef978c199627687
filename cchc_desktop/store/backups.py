"""Automatic backups of the database, one a day, the last ten kept; and restoring one.

They sit beside the file, in its folder's "sao-luu" subfolder, named by the day they were
taken ("cchc-2026-11-30.sqlite"), so an officer finds them with a file manager too. Each is
a whole, checked copy taken through SQLite's backup API (store/database.py ``backup_to``).
Restoring first keeps the current data as a copy of its own, then replaces the file's content
in one step; a backup of an older version is brought up to date on the way.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from cchc_desktop.errors import StoreError
from cchc_desktop.store.database import backup_to, connect, store_error

FOLDER = "sao-luu"
KEEP = 10
_DAILY = re.compile(r"^(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})\.sqlite$")


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file: what the restore list shows of it."""

    path: Path
    saved_at: datetime  # when the copy was taken (the file's time, local)
    size: int
    plans: int | None  # how many plans it holds; None when it cannot be read

    @property
    def automatic(self) -> bool:
        return self.day is not None

    @property
    def day(self) -> date | None:
        """The day of an automatic copy, from its name."""
        found = _DAILY.match(self.path.name)
        return date.fromisoformat(found["day"]) if found else None


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / FOLDER


def daily_backup(conn: sqlite3.Connection, db_path: Path, today: date) -> Path | None:
    """Today's copy of the open database, unless there is one already; the oldest daily
    copies beyond the last KEEP are removed. Returns the new copy, or None."""
    folder = backup_folder(db_path)
    target = folder / f"{db_path.stem}-{today.isoformat()}.sqlite"
    if target.exists():
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Không tạo được thư mục sao lưu «{folder}»: {exc.strerror}.") from exc
    backup_to(conn, target)
    prune(folder, db_path.stem)
    return target


def prune(folder: Path, stem: str, keep: int = KEEP) -> list[Path]:
    """Remove the daily copies of ``stem`` older than the newest ``keep``; other files in
    the folder (copies kept before a restore, the officer's own) are never touched."""
    daily = sorted(
        (p for p in folder.glob(f"{glob_escape(stem)}-*.sqlite") if _is_daily(p, stem)),
        key=lambda p: p.name,
        reverse=True,
    )
    removed = daily[keep:]
    for path in removed:
        with contextlib.suppress(OSError):  # open in another program: next time
            path.unlink()
    return removed


def backups(db_path: Path) -> list[Backup]:
    """The copies in the backup folder, newest first, each with how many plans it holds."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.sqlite"):
        try:
            info = path.stat()
        except OSError:
            continue
        found.append(
            Backup(path, datetime.fromtimestamp(info.st_mtime), info.st_size, _plans_in(path))
        )
    return sorted(found, key=lambda b: b.saved_at, reverse=True)


def restore(conn: sqlite3.Connection, db_path: Path, source: Path, now: datetime) -> Path:
    """Replace the open database's content with the backup ``source``: checked (and brought
    up to date) on a copy first, the current data kept as a copy of its own, then copied in
    one step. Returns where the current data was kept."""
    checked = _checked_copy(source, db_path)
    try:
        kept = backup_folder(db_path) / f"{db_path.stem}-truoc-khoi-phuc-{_stamp(now)}.sqlite"
        kept.parent.mkdir(parents=True, exist_ok=True)
        backup_to(conn, kept)
        with contextlib.closing(connect(checked, create=False)) as good:
            try:
                good.backup(conn)
            except sqlite3.Error as exc:
                raise store_error(exc, db_path) from exc
    finally:
        _remove(checked)
    return kept


def restore_file(db_path: Path, source: Path, now: datetime) -> Path | None:
    """Put the backup ``source`` in the place of a file that cannot be opened (damaged, or
    not the app's): that file is moved aside, never deleted. Returns where it went."""
    checked = _checked_copy(source, db_path)
    aside = None
    try:
        if db_path.exists():
            aside = db_path.with_name(f"{db_path.stem}-hong-{_stamp(now)}{db_path.suffix}")
            db_path.replace(aside)
            for extra in ("-wal", "-shm"):  # they belong to the file moved aside
                side = db_path.with_name(db_path.name + extra)
                if side.exists():
                    side.replace(aside.with_name(aside.name + extra))
        checked.replace(db_path)
    except OSError as exc:
        _remove(checked)
        raise StoreError(
            f"Không khôi phục được vào «{db_path}»: {exc.strerror}. Tệp cũ vẫn giữ nguyên."
        ) from exc
    return aside


def _checked_copy(source: Path, db_path: Path) -> Path:
    """A copy of ``source`` beside the database, opened as the app opens a file (refused if
    damaged or not the app's, migrated if older), ready to be put in place."""
    copy = db_path.with_name(f".{db_path.stem}-khoi-phuc.sqlite")
    _remove(copy)
    try:
        shutil.copyfile(source, copy)
        connect(copy, create=False, copy_before_migrating=False).close()
    except OSError as exc:
        _remove(copy)
        raise StoreError(f"Không đọc được bản sao lưu «{source}»: {exc.strerror}.") from exc
    except StoreError as error:
        _remove(copy)
        raise StoreError(f"Bản sao lưu «{source.name}» không dùng được: {error.message}") from error
    return copy


def _plans_in(path: Path) -> int | None:
    try:
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM plans").fetchone()[0])
    except (sqlite3.Error, OSError, ValueError):
        return None


def _is_daily(path: Path, stem: str) -> bool:
    found = _DAILY.match(path.name)
    return found is not None and found["stem"] == stem


def glob_escape(text: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", text)


def _stamp(now: datetime) -> str:
    return now.strftime("%Y-%m-%d-%H%M%S")


def _remove(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + extra).unlink()
