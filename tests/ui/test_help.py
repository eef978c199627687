"""F1 and Trợ giúp → Hướng dẫn sử dụng: the Vietnamese guide bundled with the app, opened at
the topic of the window or wizard page the officer is in; every window has a topic in it, and
its pictures and links are all there."""

from __future__ import annotations

import re
import struct
from html.parser import HTMLParser

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from cchc_desktop.paths import resource
from cchc_desktop.ui import guide
from cchc_desktop.ui.guide import HelpWindow, topic_of
from tests.ui.gallery import everything

GUIDE = resource(guide.GUIDE)


class Guide(HTMLParser):
    """The guide's anchors, links within it and pictures."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: set[str] = set()
        self.links: list[str] = []
        self.pictures: list[dict[str, str]] = []
        self.feed(GUIDE.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "a" and "name" in values:
            self.anchors.add(values["name"])
        if tag == "a" and values.get("href", "").startswith("#"):
            self.links.append(values["href"][1:])
        if tag == "img":
            self.pictures.append(values)


@pytest.fixture(scope="module")
def parsed():
    return Guide()


@pytest.fixture(autouse=True)
def f1_everywhere(qapp):
    guide.install(qapp)


def shown_topic(window) -> str:
    help_window = window.findChild(HelpWindow)
    assert help_window is not None and help_window.isVisible()
    return help_window.topic()


def test_f1_in_the_main_window_opens_the_guide_at_its_tasks(make_window, qtbot):
    window = make_window()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window.tracker.ui.table, Qt.Key.Key_F1)
    assert shown_topic(window) == "nhiem-vu"
    window.ui.planTabs.setCurrentIndex(1)
    window.ui.actionHelp.trigger()  # Trợ giúp → Hướng dẫn sử dụng
    assert shown_topic(window) == "van-ban"
    assert len(window.findChildren(HelpWindow)) == 1  # one help window, moved to the topic


def test_the_empty_window_opens_the_guide_at_the_first_steps(make_window):
    window = make_window(sample=False)
    window.ui.actionHelp.trigger()
    assert shown_topic(window) == "bat-dau"


def test_f1_on_a_wizard_page_opens_the_guide_at_that_step(make_window, qtbot):
    from cchc_desktop.core.template import bundled_template
    from cchc_desktop.ui.wizard import PlanWizard

    window = make_window()
    wizard = PlanWizard(window.repo, bundled_template(), clock=window.clock, parent=window)
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(2):  # to step 3, as an officer clicks
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == 2
    wizard.activateWindow()
    qtbot.waitUntil(lambda: wizard.isActiveWindow())
    qtbot.keyClick(wizard.currentPage().ui.summary, Qt.Key.Key_F1)
    assert shown_topic(wizard) == "trinh-lap-3"


def test_f1_in_a_modal_dialog_opens_the_guide_over_it(make_window, qtbot):
    from cchc_desktop.ui.report_dialog import ReportDialog

    window = make_window()
    plan, office = window._current()
    dialog = ReportDialog(window.store, plan, office, window.today(), None, window)
    qtbot.addWidget(dialog)
    dialog.setModal(True)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    qtbot.keyClick(dialog.ui.numberEdit, Qt.Key.Key_F1)
    assert shown_topic(dialog) == "bao-cao"  # a child of the dialog: readable while it is open


def test_every_window_and_step_has_its_topic_in_the_guide(qapp, tmp_path, parsed):
    topics = {name: topic_of(widget) for name, widget in everything(tmp_path)}
    missing = {name: t for name, t in topics.items() if t not in parsed.anchors}
    assert not missing, missing
    general = [name for name, t in topics.items() if t == guide.START]
    assert not general, f"no topic of their own: {general}"
    steps = [t for name, t in topics.items() if name.startswith("trinh-lap")]
    assert steps == [f"trinh-lap-{n}" for n in range(1, 12)]


def test_the_guides_links_pictures_and_sizes_are_all_there(parsed):
    assert not [link for link in parsed.links if link not in parsed.anchors]
    assert len(parsed.pictures) >= 10
    for picture in parsed.pictures:
        path = GUIDE.parent / picture["src"]
        assert path.is_file(), picture["src"]
        width, height = struct.unpack(">II", path.read_bytes()[16:24])  # the PNG's header
        assert (picture.get("width"), picture.get("height")) == (str(width), str(height)), (
            f"{picture['src']} is {width}×{height}: show it at its own size"
        )
        assert picture.get("alt")


def test_the_guide_is_vietnamese_and_names_the_keys_the_app_uses(parsed):
    text = GUIDE.read_text(encoding="utf-8")
    assert '<html lang="vi">' in text
    for key in ("F1", "F2", "F6", "Ctrl+N", "Ctrl+E", "Ctrl+F", "Esc", "Alt+T"):
        assert key in text, key
    assert re.search(r"Mở thư mục nhật ký", text)
