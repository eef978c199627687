"""Opening the database file: pragmas, a copy before migrating, refusing a newer file.

An up-to-date file opens on a plain ``sqlite3`` connection: the first window only reads, and
sqlite-utils (about 70 ms and 10 MB to import, a fifth of the app's start) loads when a
migration or the first write needs it (``Repository.db``).
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_desktop.errors import DatabaseTooNewError, StoreError
from cchc_desktop.store.schema import MIGRATION_SET, MIGRATIONS

if TYPE_CHECKING:
    from sqlite_utils import Database


def connect(path: Path | str, *, migrate: bool = True) -> sqlite3.Connection:
    """Open (or create) the database at ``path`` and bring its schema up to date.

    ``":memory:"`` gives a throwaway database. A file written by a newer version of the app
    is refused untouched; an older one is copied beside itself before it is migrated.
    """
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Không tạo được thư mục dữ liệu «{path.parent}»: {exc.strerror}."
            ) from exc
    try:
        conn = sqlite3.connect(":memory:" if memory else str(path))
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if _applied(conn) != list(MIGRATIONS):
            _check_and_migrate(conn, path, migrate=migrate, memory=memory)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _unreadable(path, exc) from exc
    except StoreError:
        conn.close()
        raise
    return conn


def open_database(path: Path | str, *, migrate: bool = True) -> Database:
    """``connect`` wrapped in sqlite-utils, for callers that write from the start (the CLI)."""
    return wrap(connect(path, migrate=migrate))


def wrap(conn: sqlite3.Connection) -> Database:
    """sqlite-utils over an open connection. Its plugins stay off: one installed for another
    tool must not change how this app's file is read or written."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def _unreadable(path: Path | str, exc: sqlite3.Error) -> StoreError:
    return StoreError(
        f"Tệp «{path}» không phải cơ sở dữ liệu của chương trình hoặc đã bị hỏng ({exc})."
    )


def _applied(conn: sqlite3.Connection) -> list[str]:
    """The migrations recorded in the file, oldest first; none for a new file."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if found is None:
        return []
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    )
    return [name for (name,) in rows]


def _check_and_migrate(
    conn: sqlite3.Connection, path: Path | str, *, migrate: bool, memory: bool
) -> None:
    """A new, older or newer file: refuse a newer one, copy then migrate an older one."""
    from cchc_desktop.store.migrations import migrations

    db = wrap(conn)
    applied = [m.name for m in migrations.applied(db)]
    unknown = [name for name in applied if name not in MIGRATIONS]
    if unknown:
        raise DatabaseTooNewError(
            f"Tệp dữ liệu «{path}» được tạo bởi phiên bản mới hơn của chương trình. "
            "Hãy cập nhật chương trình; tệp được giữ nguyên."
        )
    if migrate and migrations.pending(db):
        if applied and not memory:
            backup_before_migration(conn, Path(path), len(applied))
        try:
            migrations.apply(db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Không nâng cấp được tệp dữ liệu «{path}»: {exc}.") from exc


def backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy of the file, taken through SQLite's backup API, before migrating."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # a file name for people: local time
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix}")
    with closing(sqlite3.connect(str(target))) as copy:
        conn.backup(copy)
    return target


def backup_to(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the open database to ``target`` (a backup the officer asked for)."""
    partial = target.with_name(target.name + ".part")
    try:
        with closing(sqlite3.connect(str(partial))) as copy:
            conn.backup(copy)
        shutil.move(str(partial), str(target))
    except (OSError, sqlite3.DatabaseError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"Không sao lưu được vào «{target}»: {exc}.") from exc
