"""Number and list boxes follow the mouse wheel only once the officer has clicked or tabbed
into them: a wheel turned over one while scrolling a panel scrolls the panel, instead of
changing (and saving) a count. Installed once on the application, it covers every window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

GUARDED = (QAbstractSpinBox, QComboBox)  # spin and date boxes, drop-down lists


class WheelGuard(QObject):
    """An application event filter: such a box takes the focus by click or Tab, not by the
    wheel, and an unfocused one passes the wheel on to what holds it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(watched, GUARDED) and not watched.hasFocus():
            event.ignore()  # Qt then offers it to the parents: the scroll area scrolls
            return True
        return False


def install(app: QApplication) -> WheelGuard:
    """Guard every box of ``app`` (once, however often called)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
