"""Starting on a data file: one running copy of the program per file, and the questions asked
when the file cannot be opened as it is (empty, damaged, another program's): start afresh,
restore a backup, or stop — never a file changed without the officer's word."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from cchc_desktop import APP_DISPLAY_NAME
from cchc_desktop.errors import (
    CchcError,
    DatabaseDamagedError,
    DatabaseEmptyError,
    NotADatabaseError,
)
from cchc_desktop.store.database import connect
from cchc_desktop.store.repository import Repository


class InstanceLock(QObject):
    """A lock file beside the data file (``cchc.sqlite.lock``) held while the program runs.

    A second start on the same file finds it held and, rather than open the file twice (two
    windows saving over each other's edits), asks the first to come to the front: it writes
    into a file the first one watches (``cchc.sqlite.mo``). The lock of a program that was
    killed is stale and taken over (Qt checks that its process is gone).
    """

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = QLockFile(str(db_path.with_name(db_path.name + ".lock")))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone
        self.signal_path = db_path.with_name(db_path.name + ".mo")
        self.watcher: QFileSystemWatcher | None = None

    def acquire(self) -> bool:
        """True when this start may open the file; False when another copy runs on it. A
        folder where the lock cannot be written is read-only: nothing can be saved over."""
        if self.lock.tryLock(0):
            return True
        return self.lock.error() != QLockFile.LockError.LockFailedError

    def holder(self) -> int:
        """The process id of the copy that holds the file."""
        return int(self.lock.getLockInfo()[0])

    def ask_to_show(self) -> None:
        """Ask the running copy to bring its window to the front."""
        with contextlib.suppress(OSError):
            self.signal_path.write_text(datetime.now().isoformat(), encoding="utf-8")

    def on_asked(self, show: Callable[[], None]) -> None:
        """Call ``show`` whenever a later start asks for this copy's window."""
        try:
            self.signal_path.write_text("", encoding="utf-8")
        except OSError:
            return
        self.watcher = QFileSystemWatcher([str(self.signal_path)], self)

        def changed(path: str) -> None:
            if self.watcher is not None and path not in self.watcher.files():
                self.watcher.addPath(path)  # replaced rather than written: watch it again
            show()

        self.watcher.fileChanged.connect(changed)

    def release(self) -> None:
        if self.watcher is not None:
            self.watcher.removePaths(self.watcher.files())
        self.lock.unlock()
        with contextlib.suppress(OSError):
            self.signal_path.unlink()


def open_repository(db_path: Path, parent: QWidget | None = None) -> Repository | None:
    """The data file opened for the main window; None when it cannot be (the officer has
    been told why). An empty file is started afresh only when the officer says so; a damaged
    one, or another program's, can be replaced by a backup (it is moved aside, not lost)."""
    try:
        return Repository(connect(db_path))
    except DatabaseEmptyError as error:
        answer = QMessageBox.question(
            parent,
            APP_DISPLAY_NAME,
            f"{error.message}\n\nBắt đầu dữ liệu mới trong tệp này?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return _open(lambda: Repository(connect(db_path, accept_empty=True)), parent)
    except (DatabaseDamagedError, NotADatabaseError) as error:
        return _offer_restore(db_path, error, parent)
    except CchcError as error:
        _cannot_open(parent, error.message)
        return None


def _offer_restore(db_path: Path, error: CchcError, parent: QWidget | None) -> Repository | None:
    from cchc_desktop.store.backups import restore_file
    from cchc_desktop.ui.backup_dialog import RestoreDialog

    box = QMessageBox(QMessageBox.Icon.Warning, APP_DISPLAY_NAME, error.message, parent=parent)
    restore_button = QPushButton("&Khôi phục từ bản sao lưu…")
    box.addButton(restore_button, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Thoát", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore_button:
        return None

    def put_back(source: Path) -> str:
        aside = restore_file(db_path, source, datetime.now())
        return f"Tệp không mở được đã được chuyển sang «{aside}»." if aside else ""

    dialog = RestoreDialog(
        db_path, put_back, parent, intro=f"Tệp dữ liệu «{db_path}» không mở được."
    )
    if not dialog.exec():
        return None
    return _open(lambda: Repository(connect(db_path)), parent)


def _open(opener: Callable[[], Repository], parent: QWidget | None) -> Repository | None:
    try:
        return opener()
    except CchcError as error:
        _cannot_open(parent, error.message)
        return None


def _cannot_open(parent: QWidget | None, message: str) -> None:
    QMessageBox.critical(parent, APP_DISPLAY_NAME, f"Không mở được dữ liệu.\n{message}")
