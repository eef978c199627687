"""Application start: names, Vietnamese locale and translations, the database, the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from cchc_desktop import APP_DISPLAY_NAME, APP_NAME, ORG_NAME, __version__
from cchc_desktop.paths import resource

if TYPE_CHECKING:
    from cchc_desktop.ui.main_window import MainWindow

# The day's automatic backup waits until the window is on screen: a start is not slowed.
DAILY_BACKUP_DELAY_MS = 3000


def set_names() -> None:
    """Before any QStandardPaths or QSettings call, or data lands in a shared folder."""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


def install_translations(app: QCoreApplication) -> QTranslator:
    """Vietnamese for Qt's own buttons (OK, Cancel, Next…), which Qt does not ship."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    translator = QTranslator(app)
    if translator.load(str(resource("i18n/qtbase_vi.qm"))):
        app.installTranslator(translator)
    return translator


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="cchc-desktop", description=APP_DISPLAY_NAME)
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu ứng dụng)")
    parser.add_argument("--db", help="tệp dữ liệu cụ thể (mặc định: DATA_DIR/cchc.sqlite)")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="khởi động thử trên dữ liệu tạm với kế hoạch mẫu (hoặc trên bản sao của --db), "
        "rồi thoát (0: chạy được)",
    )
    return parser.parse_known_args(argv)[0]


def start(argv: Sequence[str]) -> MainWindow | None:
    """Create the application and the main window on the user's database; None when the
    database cannot be opened (the user has been told why)."""
    args = parse_args(argv[1:])
    set_names()
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setWindowIcon(QIcon(str(resource("icons/app.ico"))))  # title bar and taskbar
    install_translations(app)
    from cchc_desktop.ui import guide, legacy_paste, wheel_guard

    legacy_paste.install(app)  # TCVN3 and VNI text pasted into any field arrives in Unicode
    wheel_guard.install(app)  # the wheel scrolls panels, not the numbers in them
    guide.install(app)  # F1 in any window opens the guide at its topic

    from cchc_desktop.ui import logs
    from cchc_desktop.ui.app_paths import DB_NAME, data_dir
    from cchc_desktop.ui.main_window import MainWindow
    from cchc_desktop.ui.messages import install_excepthook
    from cchc_desktop.ui.opening import InstanceLock, open_repository

    folder = data_dir(args.data_dir)
    db_path = Path(args.db) if args.db else folder / DB_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        install_excepthook(str(logs.install(folder)))
    except OSError as error:
        QMessageBox.critical(None, APP_DISPLAY_NAME, f"Không mở được dữ liệu.\n{error}")
        return None
    lock = InstanceLock(db_path, app)
    if not lock.acquire():
        lock.ask_to_show()
        QMessageBox.information(
            None,
            APP_DISPLAY_NAME,
            "Chương trình đang mở tệp dữ liệu này trong một cửa sổ khác "
            f"(tiến trình số {lock.holder()}); cửa sổ đó đã được gọi lên trước. Mở hai cửa sổ "
            "trên cùng một tệp dữ liệu sẽ làm bản sửa của cửa sổ này đè lên cửa sổ kia.",
        )
        return None
    repo = open_repository(db_path)
    if repo is None:
        lock.release()
        return None
    window = MainWindow(repo, db_path)
    lock.on_asked(window.bring_to_front)
    window.closed.connect(lock.release)
    QTimer.singleShot(DAILY_BACKUP_DELAY_MS, window.take_daily_backup)
    return window


def skip_dataframe_libraries() -> None:
    """sqlite-utils imports pandas and numpy whenever they are installed, only to store their
    values, which the app never does; on a machine that has them they add about 0.15 s and
    15 MB to the start. The desktop process treats them as absent (the frozen build leaves
    them out anyway). The import of an absent module raises ImportError, which sqlite-utils
    and openpyxl expect."""
    for name in ("pandas", "numpy"):
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    skip_dataframe_libraries()
    if parse_args(argv[1:]).smoke:
        from cchc_desktop.ui import smoke

        return smoke.run(argv)
    window = start(argv)
    if window is None:
        return 1
    window.show()
    from cchc_desktop.documents.safe_write import remove_leftovers
    from cchc_desktop.ui.settings import EXPORT_FOLDER

    remove_leftovers(Path(EXPORT_FOLDER.get()))  # what an export killed last time left there
    return QApplication.exec()
