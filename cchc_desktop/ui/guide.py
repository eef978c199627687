"""Trợ giúp → Hướng dẫn sử dụng and F1: the Vietnamese guide shipped with the app
(resources/help/huong-dan.html, with screenshots made by tools/make_help_screenshots.py), shown
in a window of its own at the topic of the window the officer is in. Each window, dialog and
wizard page names its topic (an anchor of the guide) in its ``help_topic`` property."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from cchc_desktop.paths import resource
from cchc_desktop.ui.screen_fit import fit

GUIDE = "help/huong-dan.html"
TOPIC = "help_topic"  # the dynamic property naming a window's topic
START = "gioi-thieu"  # for a window that names none


def set_topic(widget: QWidget, topic: str) -> None:
    widget.setProperty(TOPIC, topic)


def topic_of(window: QWidget | None) -> str:
    """The topic of ``window`` (a wizard's: its current page's), else of what it opened over."""
    widget = window
    while widget is not None:
        if isinstance(widget, QWizard) and widget.currentPage() is not None:
            page_topic = widget.currentPage().property(TOPIC)
            if isinstance(page_topic, str) and page_topic:
                return page_topic
        topic = widget.property(TOPIC)
        if isinstance(topic, str) and topic:
            return topic
        widget = widget.parentWidget()
    return START


class HelpWindow(QDialog):
    """The guide, at a topic; not modal, so the officer reads it beside the work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle("Hướng dẫn sử dụng")
        self.setWindowFlag(Qt.WindowType.Window)  # a window of its own, not over the dialog
        self.guide = resource(GUIDE)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide")
        self.browser.setOpenLinks(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        back = QPushButton("&Quay lại", self)
        back.setEnabled(False)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        contents = QPushButton("&Mục lục", self)
        contents.clicked.connect(lambda: self.show_topic(START))
        in_browser = QPushButton("Mở bằng &trình duyệt", self)
        in_browser.setToolTip("Mở hướng dẫn trong trình duyệt web (để in hoặc đọc toàn màn hình)")
        in_browser.clicked.connect(self._open_in_browser)
        for button in (back, contents, in_browser):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        fit(self, QSize(900, 720))

    def topic(self) -> str:
        return self.browser.source().fragment()

    def show_topic(self, topic: str) -> None:
        url = QUrl.fromLocalFile(str(self.guide))
        url.setFragment(topic)
        self.browser.setSource(url)
        self.browser.document().size()  # lays the whole guide out, or the anchor would move
        self.browser.scrollToAnchor(topic)

    def _open_in_browser(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.guide)))


def open_help(window: QWidget | None, topic: str | None = None) -> HelpWindow:
    """The guide at ``topic`` (by default the topic of ``window``), in the help window of
    ``window`` (made once): a window opened over a modal dialog belongs to it, or Qt would
    keep it from being read while the dialog is open."""
    help_window = window.findChild(HelpWindow) if window is not None else None
    if help_window is None:
        help_window = HelpWindow(window)
    help_window.show_topic(topic or topic_of(window))
    help_window.show()
    help_window.raise_()
    help_window.activateWindow()
    return help_window


class HelpKey(QObject):
    """An application event filter: F1 in any window opens the guide at its topic (a modal
    dialog blocks the main window's own F1)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F1
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            window = QApplication.activeWindow()
            if isinstance(window, HelpWindow):
                return True  # already reading it
            open_help(window)
            return True
        return False


def install(app: QApplication) -> HelpKey:
    """F1 everywhere in ``app`` (once, however often called)."""
    key = app.findChild(HelpKey)
    if key is None:
        key = HelpKey(app)
        app.installEventFilter(key)
    return key
