"""Writing files so that a failure never leaves a half-written or lost document: new files are
written and checked in a staging folder of ours beside their targets, then moved into place all
together or not at all; what a killed export left behind is put right at the next one."""

from __future__ import annotations

import errno
import gc
import os
import re
import secrets
import shutil
import stat
import sys
import time
import traceback
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from cchc_desktop.documents.verify import check_document
from cchc_desktop.errors import ExportError, ReadOnlyTargetError

STAGING_PREFIX = "~cchc-dang-ghi-"
MARKER = "cchc-dang-ghi.txt"  # in every staging folder: proves it ours, and holds its lock
MANIFEST = "dang-thay.txt"  # the targets being replaced; present only while they are moved
BACKUPS = "ban-cu"  # the replaced files, kept until every new one is in place
MARKER_TEXT = (
    "Thư mục tạm của ứng dụng Kế hoạch tuyên truyền CCHC khi đang ghi văn bản.\n"
    "Ứng dụng tự dọn thư mục này (và trả lại tệp cũ nếu lần ghi bị ngắt) khi mở lại\n"
    "hoặc ở lần xuất sau; đừng xoá nó khi ứng dụng đang ghi.\n"
)
LEGACY_AGE_S = 600  # temporary files of versions before staging folders, left by a kill

_STAGING = re.compile(re.escape(STAGING_PREFIX) + r"[0-9a-f]{8}")
_LEGACY_TEMP = re.compile(r"\.~[a-z0-9_]{8}\.(pdf|docx|xlsx|zip)")
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def write_atomically(
    target: Path, write: Callable[[Path], None], *, replace_read_only: bool = False
) -> Path:
    """Call ``write`` on a new file in a staging folder beside ``target``, check that it is a
    whole document of its kind (by suffix, see ``verify``), flush it to disk, move it into place.

    On any failure (a full disk, a writer that fails without saying so, the file open in
    Word or Excel on Windows) the previous file stays as it was, nothing is left behind, and
    ExportError says why. A read-only target raises ReadOnlyTargetError unless
    ``replace_read_only``.
    """
    target = Path(target)
    refuse_read_only([target], allowed=replace_read_only)
    remove_leftovers(target.parent)
    with Staging(target.parent) as staging:
        staged = staging.path(target)
        try:
            write(staged)
        except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
            _let_go(exc)
            raise ExportError(_write_failed(target.name, exc)) from exc
        staging.commit([target])
    return target


def refuse_read_only(targets: Sequence[Path], *, allowed: bool) -> None:
    """ReadOnlyTargetError naming the existing targets marked read-only, unless ``allowed``.

    Read from the mode bits, not ``os.access``: as root (or an administrator) access says yes
    to everything. On Windows Python derives the write bit from the read-only attribute."""
    locked = [t for t in targets if _is_read_only(t)]
    if locked and not allowed:
        raise ReadOnlyTargetError(locked)


def _is_read_only(path: Path) -> bool:
    try:
        return not path.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False


class Staging:
    """A folder of ours (``~cchc-dang-ghi-…``) in the target folder, on the same disk so a
    move is a rename: new files are written into it (``path``), then ``commit`` moves them over
    their targets. Removed on leaving the ``with`` block, unless it then holds the only copy
    of an old file (the next ``remove_leftovers`` puts that back)."""

    def __init__(self, folder: Path) -> None:
        self.target_folder = folder
        self.folder = folder / f"{STAGING_PREFIX}{secrets.token_hex(4)}"
        self._lock = -1
        self._keep = False

    def __enter__(self) -> Staging:
        try:
            self.target_folder.mkdir(parents=True, exist_ok=True)
            self.folder.mkdir()
        except OSError as exc:
            raise ExportError(_folder_failed(self.target_folder, exc)) from exc
        try:
            marker = self.folder / MARKER
            marker.write_text(MARKER_TEXT, encoding="utf-8")
            self._lock = _locked(marker)
        except OSError as exc:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise ExportError(_folder_failed(self.target_folder, exc)) from exc
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        os.close(self._lock)
        if not self._keep:
            shutil.rmtree(self.folder, ignore_errors=True)

    def path(self, target: Path) -> Path:
        """Where the new version of ``target`` is written."""
        return self.folder / target.name

    def commit(self, targets: Sequence[Path]) -> None:
        """Check every new file, then move each over its target; when one move fails, the
        ones already moved are put back, so the folder shows the whole old set or the new."""
        for target in targets:
            staged = self.path(target)
            try:
                _flush(staged)
            except OSError as exc:
                raise ExportError(_write_failed(target.name, exc)) from exc
            check_document(staged, target.name)
        if len(targets) == 1:  # one rename is atomic by itself: the target never goes missing
            self._move(targets[0])
        else:
            self._move_all(targets)
        _sync_folder(self.target_folder)

    def _move(self, target: Path) -> None:
        try:
            _keep_access(self.path(target), target)
            os.replace(self.path(target), target)
        except OSError as exc:
            raise ExportError(_replace_failed(target.name, exc)) from exc

    def _move_all(self, targets: Sequence[Path]) -> None:
        manifest = self.folder / MANIFEST
        try:
            _write_synced(manifest, "\n".join(t.name for t in targets))
            _sync_folder(self.folder)
            (self.folder / BACKUPS).mkdir()
        except OSError as exc:
            raise ExportError(_write_failed(manifest.name, exc)) from exc
        moving = targets[0]
        try:
            for moving in targets:
                _keep_access(self.path(moving), moving)
                if moving.exists():
                    os.replace(moving, self.folder / BACKUPS / moving.name)
                os.replace(self.path(moving), moving)
            manifest.unlink()  # the new set is complete: nothing to put back any more
        except BaseException as exc:
            if not _roll_back(self.folder, self.target_folder):
                self._keep = True
                raise ExportError(
                    f"Không thay được tệp «{moving.name}» và chưa trả lại được hết tệp cũ; "
                    f"bản cũ đang nằm trong thư mục «{self.folder.name}» và sẽ được trả lại "
                    "ở lần xuất sau hoặc khi mở lại ứng dụng."
                ) from exc
            if isinstance(exc, OSError):
                raise ExportError(_replace_failed(moving.name, exc)) from exc
            raise


def remove_leftovers(folder: Path) -> None:
    """Put right what killed exports left in ``folder``: staging folders that no running
    export holds (the old files of an interrupted move put back first, then the folder
    removed), and temporary files of earlier versions (``.~xxxxxxxx.pdf``, once old). Never
    raises: a folder it cannot read or clean is left as it is."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if _STAGING.fullmatch(entry.name) and (entry / MARKER).is_file():
            _recover(entry, folder)
        elif _LEGACY_TEMP.fullmatch(entry.name):
            try:
                if time.time() - entry.stat().st_mtime > LEGACY_AGE_S:
                    entry.unlink()
            except OSError:
                continue


def _recover(staging: Path, folder: Path) -> None:
    try:
        lock = _locked(staging / MARKER)
    except OSError:  # a running export holds it (or it cannot be opened): not ours to touch
        return
    try:
        if not _roll_back(staging, folder):
            return
    finally:
        os.close(lock)
    shutil.rmtree(staging, ignore_errors=True)


def _roll_back(staging: Path, folder: Path) -> bool:
    """Put back the old files of an interrupted move (listed in its manifest) and drop the
    manifest; True when no old file is left only in ``staging``."""
    manifest = staging / MANIFEST
    if not manifest.exists():
        return True
    try:
        names = [n for n in manifest.read_text(encoding="utf-8").split("\n") if n]
    except (OSError, UnicodeDecodeError):
        return False
    whole = True
    for name in names:
        backup, target = staging / BACKUPS / name, folder / name
        try:
            if backup.exists():
                os.replace(backup, target)
            elif not (staging / name).exists():  # moved in, with no old file before it
                target.unlink(missing_ok=True)
        except OSError:
            whole = False
    if whole:
        try:
            manifest.unlink()
        except OSError:
            return False
    return whole


def _locked(path: Path) -> int:
    """An open descriptor of ``path`` holding its lock, released when closed or when the
    process dies; OSError when another process holds it."""
    fd = os.open(path, os.O_RDWR)
    try:
        _try_lock(fd)
    except OSError:
        os.close(fd)
        raise
    return fd


def _flush(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)  # Windows flushes only a file opened for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_synced(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())


def _sync_folder(folder: Path) -> None:
    """Makes the renames in ``folder`` survive a power cut (POSIX; Windows has no such call)."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares) cannot sync a folder; the move is done
    finally:
        os.close(fd)


def _keep_access(new: Path, old: Path) -> None:
    """A replaced file keeps whoever could read or write the old one, and at least a new
    document's permissions (0666 less the umask, as the writer created ``new``). An old
    read-only file (replacing it was confirmed) is made writable: Windows refuses to replace it."""
    try:
        old_mode = stat.S_IMODE(old.stat().st_mode)
    except FileNotFoundError:
        return
    os.chmod(new, stat.S_IMODE(new.stat().st_mode) | (old_mode & 0o777))
    if not old_mode & stat.S_IWUSR:
        os.chmod(old, old_mode | stat.S_IWUSR)


def _let_go(exc: BaseException) -> None:
    """Free what a failed writer still holds: a half-written zip (python-docx, openpyxl)
    whose finaliser writes to the full disk again and prints a stray traceback, and on
    Windows the open handle that keeps the staging folder from being removed. The
    finaliser's error only repeats the one reported."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        seen: BaseException | None = exc
        while seen is not None:
            traceback.clear_frames(seen.__traceback__)
            seen = seen.__context__
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _write_failed(name: str, exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
        return (
            f"Ổ đĩa đã đầy, không ghi được tệp «{name}». Hãy giải phóng chỗ trống rồi thử lại; "
            "tệp cũ vẫn giữ nguyên."
        )
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"Không ghi được tệp «{name}»: {reason}. Tệp cũ vẫn giữ nguyên."


def _replace_failed(name: str, exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return (
            f"Không thay được tệp «{name}»: tệp đang được mở trong một chương trình khác "
            "(Word, Excel…) hoặc không có quyền ghi. Hãy đóng tệp rồi thử lại; "
            "tệp cũ vẫn giữ nguyên."
        )
    return _write_failed(name, exc)


def _folder_failed(folder: Path, exc: OSError) -> str:
    while _STAGING.fullmatch(folder.name):  # the officer chose the folder around ours
        folder = folder.parent
    if exc.errno in _DISK_FULL:
        return f"Ổ đĩa chứa thư mục «{folder}» đã đầy. Hãy giải phóng chỗ trống rồi thử lại."
    if exc.errno in _READ_ONLY:
        return (
            f"Không được ghi vào thư mục «{folder}» (thư mục hoặc ổ đĩa chỉ đọc, hay không có "
            "quyền ghi). Hãy chọn thư mục khác."
        )
    return f"Không ghi được vào thư mục «{folder}»: {exc.strerror or exc}."
