"""An officer typing steadily into the plan wizard, as a separate process for the kill test
(tests/ui/test_autosave_kill.py): ``python -m tests.ui.typist DB INTERVAL_MS``.

Types the letters "abc…z" over and over into the office's name, one key every INTERVAL_MS,
and after each key prints how many letters are in the field, so that the process killed at
any moment leaves on its stdout what had been typed by then."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cchc_desktop.core.template import bundled_template
from cchc_desktop.store.database import connect
from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.app import set_names
from cchc_desktop.ui.wizard import PlanWizard

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def main(db: str, interval_ms: int) -> int:
    app = QApplication([])
    set_names()
    wizard = PlanWizard(Repository(connect(Path(db))), bundled_template())
    wizard.show()
    field = wizard.currentPage().ui.nameEdit  # type: ignore[attr-defined]
    field.clear()
    field.setFocus()
    typed = 0

    def key() -> None:
        nonlocal typed
        letter = LETTERS[typed % len(LETTERS)]
        QTest.keyClick(field, letter)
        typed += 1
        print(len(field.text()), flush=True)

    timer = QTimer()
    timer.timeout.connect(key)
    timer.start(interval_ms)
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
