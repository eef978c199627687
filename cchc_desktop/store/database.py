"""Opening the database file: pragmas, a copy before migrating, refusing a newer file."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop.errors import DatabaseTooNewError, StoreError
from cchc_desktop.store.migrations import migrations

SCHEMA_VERSION = len(migrations._migrations)


def known_migrations() -> list[str]:
    """The names of every migration this version of the app knows, in order."""
    return [m.name for m in migrations._migrations]


def open_database(path: Path | str, *, migrate: bool = True) -> Database:
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
        db = Database(sqlite3.connect(":memory:" if memory else str(path)))
        db.execute("PRAGMA foreign_keys = ON")
        if not memory:
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        applied = [m.name for m in migrations.applied(db)]
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"Tệp «{path}» không phải cơ sở dữ liệu của chương trình hoặc đã bị hỏng ({exc})."
        ) from exc
    unknown = [name for name in applied if name not in known_migrations()]
    if unknown:
        db.close()
        raise DatabaseTooNewError(
            f"Tệp dữ liệu «{path}» được tạo bởi phiên bản mới hơn của chương trình. "
            "Hãy cập nhật chương trình; tệp được giữ nguyên."
        )
    pending = migrations.pending(db)
    if migrate and pending:
        if applied and not memory:
            backup_before_migration(db, Path(path), len(applied))
        try:
            migrations.apply(db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Không nâng cấp được tệp dữ liệu «{path}»: {exc}.") from exc
    return db


def backup_before_migration(db: Database, path: Path, version: int) -> Path:
    """A consistent copy of the file, taken through SQLite's backup API, before migrating."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix}")
    with sqlite3.connect(str(target)) as copy:
        db.conn.backup(copy)
    copy.close()
    return target


def backup_to(db: Database, target: Path) -> None:
    """Copy the open database to ``target`` (a backup the officer asked for)."""
    partial = target.with_name(target.name + ".part")
    try:
        with sqlite3.connect(str(partial)) as copy:
            db.conn.backup(copy)
        copy.close()
        shutil.move(str(partial), str(target))
    except (OSError, sqlite3.DatabaseError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"Không sao lưu được vào «{target}»: {exc}.") from exc
