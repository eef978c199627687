"""Pasting text typed in TCVN3 or VNI (from an old document) into any field of the app: the
paste inserts it converted to Unicode (core/legacy_encoding.py). Installed once on the
application, it covers every line and text editor, the wizard's and the dialogs' alike."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from cchc_desktop.core.legacy_encoding import convert_pasted


class LegacyPaste(QObject):
    """An application event filter: Ctrl+V (or Shift+Insert) into an editor pastes the
    clipboard's text in Unicode when it was typed in a legacy encoding; any other paste goes
    on as usual."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not event.matches(QKeySequence.StandardKey.Paste):
            return False
        if not isinstance(watched, QLineEdit | QPlainTextEdit | QTextEdit):
            return False
        if getattr(watched, "isReadOnly", lambda: False)():
            return False
        text = QGuiApplication.clipboard().text()
        converted = convert_pasted(text)
        if converted == text:
            return False
        if isinstance(watched, QLineEdit):
            watched.insert(converted.replace("\n", " "))
        else:
            watched.insertPlainText(converted)
        return True


def install(app: QApplication) -> LegacyPaste:
    """Convert legacy Vietnamese on paste everywhere in ``app`` (keep the returned object)."""
    paste = LegacyPaste(app)
    app.installEventFilter(paste)
    return paste
