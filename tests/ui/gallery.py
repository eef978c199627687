"""Every top-level window of the app, built offscreen on the sample plan, in each state that
shows other widgets: for the tests that walk them (Alt letters, screen sizes) and for looking
at them as an officer would:

    QT_QPA_PLATFORM=offscreen python -m tests.ui.gallery --shots DIR [--scale 1.5]

writes one PNG per window at 1366×768 (at the given scale), and ``--measure`` prints each
window's frame and the screen's free area as JSON lines (tests/ui/test_small_screens.py).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget, QWizard

from cchc_desktop.core.clock import Clock

SCREEN = (1366, 768)
TASKBAR = 40  # logical pixels of a Windows taskbar, taken off the screen's free area
TODAY = date(2025, 9, 1)  # the quarter III report is due in nine days: the banner shows


def settle(ms: int = 30) -> None:
    """Let layouts and paints happen."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main_window(folder: Path, sample: bool = True):  # -> MainWindow
    from cchc_desktop.store.database import connect
    from cchc_desktop.store.repository import Repository
    from cchc_desktop.ui.app import set_names
    from cchc_desktop.ui.main_window import MainWindow

    set_names()
    db_path = folder / "cchc.sqlite"
    window = MainWindow(Repository(connect(db_path)), db_path, clock=Clock.fixed(TODAY))
    if sample:
        window.create_sample()
        window.check_deadlines()
    return window


def dialogs(window, folder: Path) -> Iterator[tuple[str, QDialog]]:
    """Each dialog of the app over ``window`` (on its sample plan), built as the app builds it."""
    from cchc_desktop.documents.plan_docx import write_plan_docx
    from cchc_desktop.documents.word_import import read_plan
    from cchc_desktop.ui.backup_dialog import RestoreDialog
    from cchc_desktop.ui.deadline_dialog import DeadlineDialog
    from cchc_desktop.ui.guide import open_help
    from cchc_desktop.ui.import_dialog import ImportDialog, TemplateReviewDialog
    from cchc_desktop.ui.issue_dialog import IssueDialog
    from cchc_desktop.ui.plan_dialogs import DeletedPlansDialog, VersionsDialog
    from cchc_desktop.ui.report_dialog import ReportDialog

    plan, office = window._current()
    word = folder / "KH.docx"
    write_plan_docx(plan, office, word)
    parsed = read_plan(word)
    yield "han-bao-cao", DeadlineDialog(office, plan.period, window)
    yield "ghi-so", IssueDialog(plan, TODAY, window)
    yield "bao-cao", ReportDialog(window.store, plan, office, TODAY, None, window)
    yield "ke-hoach-da-xoa", DeletedPlansDialog(window.repo, window)
    yield "ban-da-ban-hanh", VersionsDialog(window.repo, plan.id, window)
    yield "khoi-phuc", RestoreDialog(window.db_path, lambda _path: "", window)
    yield "nhap-tu-word", ImportDialog(parsed, word, window)
    yield "xem-lai-mau", TemplateReviewDialog(parsed, "Mẫu Hải Phòng", window)
    yield "xem-truoc-khi-in", window.preview_dialog()
    yield "huong-dan", open_help(window, "trinh-lap-7")


def wizard_pages(window) -> Iterator[tuple[str, QWizard]]:
    """The plan wizard on each of its pages, reached by clicking Next as an officer does."""
    from PySide6.QtTest import QTest

    from cchc_desktop.core.template import bundled_template
    from cchc_desktop.ui.wizard import PlanWizard

    wizard = PlanWizard(window.repo, bundled_template(), clock=window.clock, parent=window)
    wizard.show()
    settle()
    while True:
        yield f"trinh-lap-{wizard.currentId() + 1:02d}", wizard
        button = wizard.button(QWizard.WizardButton.NextButton)
        if not button.isVisible():
            break
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        settle()
    wizard.close()


def everything(folder: Path) -> Iterator[tuple[str, QWidget]]:
    """Every top-level window in turn, shown; the caller looks before asking for the next."""
    empty = main_window(folder / "trong", sample=False)
    empty.show()
    settle()
    yield "cua-so-chinh-trong", empty
    empty.close()
    empty.repo.close()
    window = main_window(folder)
    window.show()
    settle()
    window.tracker.ui.table.selectRow(0)
    settle()
    yield "cua-so-chinh-nhiem-vu", window
    window.ui.planTabs.setCurrentIndex(1)
    settle()
    yield "cua-so-chinh-van-ban", window
    window.ui.planTabs.setCurrentIndex(0)
    for name, dialog in dialogs(window, folder):
        dialog.show()
        settle()
        yield name, dialog
        dialog.close()
    yield from wizard_pages(window)
    window.close()
    window.repo.close()


def screen_config(folder: Path, scale: float) -> str:
    """The offscreen platform's one screen: 1366×768 device pixels less a taskbar."""
    config = folder / "screen.json"
    height = SCREEN[1] - round(TASKBAR * scale)
    screen = {"name": "s", "x": 0, "y": 0, "width": SCREEN[0], "height": height}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Every window of the app, offscreen.")
    parser.add_argument("--shots", type=Path, help="write one PNG per window here")
    parser.add_argument("--measure", action="store_true", help="print frames as JSON lines")
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["QT_QPA_PLATFORM"] = screen_config(folder, args.scale)
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")  # no remembered geometry
        os.environ["CCHC_DATA_DIR"] = str(folder / "data")
        app = QApplication([sys.argv[0]])
        from cchc_desktop.ui.app import install_translations

        install_translations(app)
        for name, widget in everything(folder):
            if args.shots:
                args.shots.mkdir(parents=True, exist_ok=True)
                widget.grab().save(str(args.shots / f"{name}.png"))
            if args.measure:
                frame, area = widget.frameGeometry(), widget.screen().availableGeometry()
                print(json.dumps({
                    "name": name,
                    "size": [widget.width(), widget.height()],
                    "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                    "available": [area.x(), area.y(), area.width(), area.height()],
                    "maximised": widget.isMaximized(),
                }), flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
