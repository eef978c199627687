"""Opening the database file safely: looked at before anything is written, refused untouched
when it is not the app's or is damaged, opened read-only when it cannot be written, copied
before it is migrated; and SQLite's errors told as what they mean to an officer.

An up-to-date file opens on a plain ``sqlite3`` connection: the first window only reads, and
sqlite-utils (about 70 ms and 10 MB to import, a fifth of the app's start) loads when a
migration or the first write needs it (``Repository.db``).
"""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_desktop.errors import (
    DatabaseDamagedError,
    DatabaseEmptyError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseTooNewError,
    DiskFullError,
    NotADatabaseError,
    StoreError,
)
from cchc_desktop.store.schema import MIGRATION_SET, MIGRATIONS, TABLES

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a write waits for another program's lock before it is told (a backup tool or an
# antivirus holds the file for a moment; longer means someone else is writing).
BUSY_TIMEOUT_S = 3.0


def connect(
    path: Path | str,
    *,
    migrate: bool = True,
    create: bool = True,
    accept_empty: bool = False,
    copy_before_migrating: bool = True,
) -> sqlite3.Connection:
    """Open (or, with ``create``, make) the database at ``path``, up to date.

    ``":memory:"`` gives a throwaway database. Before a byte is written the file is looked
    at: an empty (0-byte) file is refused unless ``accept_empty`` (the officer agreed to
    start afresh in it), a file that is not SQLite, is another program's, is damaged or
    misses tables is refused untouched, and a newer version's file too. A file that cannot
    be written (its read-only attribute, a read-only folder or medium) opens read-only:
    ``is_read_only`` says so and every write is refused. An older file is copied beside
    itself (unless ``copy_before_migrating`` is false: the file is a copy already), then
    migrated.
    """
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:")
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, Path(":memory:"), copy=False)
        return conn
    path = Path(path)
    new = _look_at(path, create=create, accept_empty=accept_empty)
    read_only = not new and write_protection(path) != ""
    conn = _open(path, read_only=read_only, new=new)
    try:
        _check(conn, path)
        if not is_read_only(conn):
            try:
                conn.execute("PRAGMA journal_mode = WAL")
            except sqlite3.Error as exc:
                if _code(exc) not in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN) or new:
                    raise
                conn.close()
                conn = _open(path, read_only=True, new=False)
        conn.execute("PRAGMA synchronous = NORMAL")
        if _applied(conn) != list(MIGRATIONS):
            if is_read_only(conn) and migrate:
                raise DatabaseReadOnlyError(
                    f"Tệp dữ liệu «{path}» của phiên bản cũ cần được nâng cấp, nhưng tệp chỉ "
                    "cho đọc. Hãy chép tệp sang một thư mục ghi được rồi mở lại."
                )
            _migrate(conn, path, migrate=migrate, copy=copy_before_migrating)
        if migrate:
            _check_tables(conn, path)
    except sqlite3.Error as exc:
        conn.close()
        raise store_error(exc, path) from exc
    except StoreError:
        conn.close()
        raise
    return conn


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """``connect`` wrapped in sqlite-utils, for callers that write from the start (the CLI)."""
    return wrap(connect(path, create=create))


def wrap(conn: sqlite3.Connection) -> Database:
    """sqlite-utils over an open connection. Its plugins stay off: one installed for another
    tool must not change how this app's file is read or written."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def is_read_only(conn: sqlite3.Connection) -> bool:
    """Whether the file was opened read-only (nothing can be saved into it)."""
    return bool(conn.execute("PRAGMA query_only").fetchone()[0])


@contextmanager
def writing(conn: sqlite3.Connection) -> Iterator[None]:
    """One transaction: every write inside is saved, or none; a nested call joins it (as a
    savepoint). It takes the write lock at once (``BEGIN IMMEDIATE``), so that another
    program's lock is waited for and then told, never met half-way through. SQLite's errors
    come out as StoreErrors that say what happened; a read-only file refuses before trying."""
    path = database_path(conn)
    if is_read_only(conn):
        raise DatabaseReadOnlyError(
            f"Tệp dữ liệu «{path}» đang mở ở chế độ chỉ đọc: không lưu được thay đổi."
        )
    try:
        if conn.in_transaction:
            savepoint = f"cchc_{secrets.token_hex(8)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    except sqlite3.Error as exc:
        raise store_error(exc, path) from exc


def database_path(conn: sqlite3.Connection) -> str:
    """The file a connection is open on ("" for a database in memory)."""
    return str(conn.execute("PRAGMA database_list").fetchone()[2])


def write_protection(path: Path) -> str:
    """Why ``path`` cannot be written, in Vietnamese; "" when it can. Judged from the file's
    attributes and the medium, not from ``os.access``, which the administrator's account
    passes whatever the attributes say."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return ""
    if not mode & stat.S_IWUSR:
        return "tệp được đặt thuộc tính chỉ đọc"
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None and statvfs(path.parent).f_flag & getattr(os, "ST_RDONLY", 1):
        return "ổ đĩa hoặc thư mục chứa tệp chỉ cho đọc"
    return ""


def store_error(exc: sqlite3.Error, path: Path | str) -> StoreError:
    """What an SQLite error means to the officer, by its code; the file is never blamed for
    another program's lock, a full disk or a read-only folder."""
    code = _code(exc)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseLockedError(
            f"Tệp dữ liệu «{path}» đang bị một chương trình khác giữ (một cửa sổ khác của "
            "chương trình, phần mềm sao lưu hoặc đồng bộ). Hãy đóng chương trình đó rồi thử "
            "lại; dữ liệu đã lưu không bị ảnh hưởng."
        )
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
        return DatabaseReadOnlyError(
            f"Tệp dữ liệu «{path}» chỉ cho đọc: thay đổi chưa được lưu. Dữ liệu đã lưu không "
            "bị ảnh hưởng."
        )
    if code == sqlite3.SQLITE_FULL:
        return DiskFullError(
            f"Ổ đĩa chứa tệp dữ liệu «{path}» đã đầy: thay đổi chưa được lưu. Hãy giải phóng "
            "chỗ trống rồi thử lại; dữ liệu đã lưu không bị ảnh hưởng."
        )
    if code == sqlite3.SQLITE_CANTOPEN:
        return StoreError(
            f"Không mở được tệp dữ liệu «{path}»: thư mục không cho ghi hoặc ổ đĩa không "
            "còn truy cập được."
        )
    if code == sqlite3.SQLITE_IOERR:
        return StoreError(
            f"Lỗi đọc ghi ổ đĩa với tệp dữ liệu «{path}» (ổ đĩa bị rút ra hoặc bị lỗi). "
            "Thay đổi chưa được lưu."
        )
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return _damaged(path, str(exc))
    return StoreError(f"Lỗi với tệp dữ liệu «{path}»: {exc}.")


# opening --------------------------------------------------------------------------------


def _look_at(path: Path, *, create: bool, accept_empty: bool) -> bool:
    """Refuse what is not a database of the app, before SQLite opens it; True for a new one."""
    if path.is_dir():
        raise StoreError(f"«{path}» là một thư mục, không phải tệp dữ liệu.")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        if not create:
            raise StoreError(f"Không có tệp dữ liệu «{path}».") from None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Không tạo được thư mục dữ liệu «{path.parent}»: {exc.strerror}."
            ) from exc
        return True
    except OSError as exc:
        raise StoreError(f"Không đọc được tệp dữ liệu «{path}»: {exc.strerror}.") from exc
    if size == 0:
        if accept_empty:
            return True
        raise DatabaseEmptyError(
            f"Tệp dữ liệu «{path}» trống (0 byte): không có dữ liệu nào, có thể lần chạy "
            "trước bị ngắt khi vừa tạo tệp, hoặc tệp đã bị xóa nội dung. Chưa ghi gì vào tệp."
        )
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"Không đọc được tệp dữ liệu «{path}»: {exc.strerror}.") from exc
    if header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"Tệp «{path}» không phải tệp dữ liệu của chương trình (không phải cơ sở dữ liệu "
            "SQLite). Tệp được giữ nguyên."
        )
    return False


def _open(path: Path, *, read_only: bool, new: bool) -> sqlite3.Connection:
    """A connection: read-write, or read-only — as immutable when the folder cannot even hold
    SQLite's shared-memory file (a write-protected folder, a CD, a read-only share)."""
    try:
        if not read_only:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
            if new:
                return _ready(conn)
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
                return _ready(conn)
            except sqlite3.Error as exc:
                conn.close()
                if _code(exc) not in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
                    raise
        uri = path.resolve().as_uri()
        for query in ("?mode=ro", "?mode=ro&immutable=1"):
            conn = sqlite3.connect(uri + query, uri=True, timeout=BUSY_TIMEOUT_S)
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError as exc:
                conn.close()
                if _code(exc) != sqlite3.SQLITE_CANTOPEN or query.endswith("1"):
                    raise
                continue
            conn.execute("PRAGMA query_only = ON")
            return _ready(conn)
    except sqlite3.Error as exc:
        raise store_error(exc, path) from exc
    raise AssertionError("unreachable")  # pragma: no cover


def _ready(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _check(conn: sqlite3.Connection, path: Path) -> None:
    """Reads only: is the file whole, and is it the app's (or empty)?"""
    found = conn.execute("PRAGMA quick_check").fetchall()
    if found != [("ok",)]:
        raise _damaged(path, "; ".join(str(row[0]) for row in found[:3]))
    tables = {
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != '_sqlite_migrations'"
        )
    }
    if tables and not _applied(conn):
        raise NotADatabaseError(
            f"Tệp «{path}» là cơ sở dữ liệu của một chương trình khác (không có sổ ghi các "
            "bước nâng cấp của chương trình này). Tệp được giữ nguyên, không ghi gì vào tệp."
        )


def _check_tables(conn: sqlite3.Connection, path: Path) -> None:
    """Every table and column this version reads is there (a file edited by hand, or cut)."""
    missing = []
    for table, columns in TABLES.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if not have:
            missing.append(f"bảng «{table}»")
        else:
            missing += [f"cột «{table}.{c}»" for c in sorted(columns - have)]
    if missing:
        raise DatabaseDamagedError(
            f"Tệp dữ liệu «{path}» thiếu {', '.join(missing[:4])}"
            + (f" và {len(missing) - 4} mục khác" if len(missing) > 4 else "")
            + ": tệp đã bị sửa bằng chương trình khác hoặc bị hỏng. Tệp được giữ nguyên; "
            "hãy khôi phục từ bản sao lưu (Tệp → Khôi phục từ bản sao lưu…)."
        )


def _damaged(path: Path | str, detail: str) -> DatabaseDamagedError:
    return DatabaseDamagedError(
        f"Tệp dữ liệu «{path}» bị hỏng ({detail}). Tệp được giữ nguyên; hãy khôi phục từ bản "
        "sao lưu (Tệp → Khôi phục từ bản sao lưu…)."
    )


def _code(exc: sqlite3.Error) -> int:
    """The primary result code (the extended code's low byte); 0 when SQLite gave none."""
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


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


def _migrate(
    conn: sqlite3.Connection, path: Path, *, migrate: bool = True, copy: bool = True
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
        if applied and copy:
            backup_before_migration(conn, path, len(applied))
        try:
            migrations.apply(db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Không nâng cấp được tệp dữ liệu «{path}»: {exc}.") from exc


# copies ---------------------------------------------------------------------------------


def backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy of the file, taken through SQLite's backup API, before migrating."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # a file name for people: local time
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix}")
    backup_to(conn, target)
    return target


def backup_to(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the open database to ``target``: written beside it, checked, flushed, then moved
    into place, so that ``target`` is either the old file or a whole copy."""
    partial = target.with_name(target.name + ".part")
    try:
        partial.unlink(missing_ok=True)
        with closing(sqlite3.connect(str(partial))) as copy:
            conn.backup(copy)
            if copy.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                raise sqlite3.DatabaseError("bản sao không toàn vẹn")
            copy.execute("PRAGMA journal_mode = DELETE")
        with partial.open("rb") as file:
            os.fsync(file.fileno())
        shutil.move(str(partial), str(target))
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise StoreError(f"Không sao lưu được vào «{target}»: {detail}.") from exc
