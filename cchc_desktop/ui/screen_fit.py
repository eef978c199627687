"""Windows and dialogs sized to the screen they open on: the size they ask for, never more than
the screen's free area less a title bar (1366×768 at 150 % leaves 911×472 logical pixels under
the taskbar); the main window opens maximised on a small screen, and a position remembered from
a larger screen is brought back onto this one."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# A Windows frame and title bar in logical pixels: not known before the window is shown.
FRAME = QSize(16, 40)
# Less free area than this opens the main window maximised (1366×768 at 100 % has 1366×728).
SMALL = QSize(1440, 860)


def available(widget: QWidget) -> QRect:
    """The free area (without the taskbar) of the screen the widget opens on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room(widget: QWidget) -> QSize:
    """The largest size of the widget's inside that fits the screen with its frame."""
    area = available(widget).size()
    return QSize(area.width() - FRAME.width(), area.height() - FRAME.height())


def fit(widget: QWidget, wanted: QSize) -> None:
    """Resize to ``wanted``, or less on a small screen (Qt centres a dialog on its parent)."""
    widget.resize(wanted.boundedTo(room(widget)))


def is_small(widget: QWidget) -> bool:
    area = available(widget).size()
    return area.width() < SMALL.width() or area.height() < SMALL.height()


def keep_on_screen(window: QWidget) -> None:
    """A geometry remembered from another screen (larger, or since removed) made to fit this
    one: no larger than its free area, and inside it."""
    if window.isMaximized() or window.isFullScreen():
        return
    area = available(window)
    size = window.size().boundedTo(room(window))
    if size != window.size():
        window.resize(size)
    at = window.pos()  # of the frame
    right = area.right() + 1 - size.width() - FRAME.width()
    bottom = area.bottom() + 1 - size.height() - FRAME.height()
    window.move(max(min(at.x(), right), area.left()), max(min(at.y(), bottom), area.top()))
