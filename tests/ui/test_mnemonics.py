"""One Alt+letter per scope, so that the keyboard reaches every field and button: the window's
menu bar with its visible widgets, each menu, each dialog, each wizard page with the wizard's
own buttons ("Tiếp theo", "Quay lại", "Hoàn tất" as the shipped translation gives them). A
letter must be one a keyboard types with Alt (a-z, 0-9): Alt never reaches "&Đ" or "Đơn v&ị".

Every window, menu, dialog and page is built here offscreen and walked in the states that show
other widgets (empty window, a plan's tasks, its text; each tab of a dialog)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
    QWizard,
)

from cchc_desktop.core.clock import Clock
from cchc_desktop.ui.app import install_translations
from tests.ui.gallery import dialogs

Entry = tuple[str, str]  # (where, text)


def mnemonic(text: str) -> str | None:
    """The character after the first single "&" (Qt's rule: "&&" is a plain "&")."""
    found = re.search(r"(?<!&)&([^&])", text.replace("&&", ""))
    return found.group(1) if found else None


def widget_entries(root: QWidget) -> Iterator[Entry]:
    """Every text that takes an Alt+letter in ``root`` as shown now."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield f"{name} tab {i}", widget.tabText(i)
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                menu = action.menu()
                if action.isVisible() and menu is not None:
                    yield f"menu {menu.objectName()}", action.text()


def menu_entries(menu: QMenu) -> list[Entry]:
    return [
        (action.objectName() or "action", action.text())
        for action in menu.actions()
        if action.isVisible() and not action.isSeparator()
    ]


def problems(scope: str, entries: Iterator[Entry] | list[Entry]) -> list[str]:
    """Clashes and letters no keyboard types with Alt, named with their texts."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    found = []
    for where, text in entries:
        letter = mnemonic(text)
        if letter is None:
            continue
        if not re.fullmatch(r"[A-Za-z0-9]", letter):
            found.append(f"{scope}: «{text}» ({where}) uses Alt+{letter}, which no key types")
        by_letter[letter.lower()].append(f"«{text}» ({where})")
    for letter, texts in sorted(by_letter.items()):
        if len(texts) > 1:
            found.append(f"{scope}: Alt+{letter.upper()} is taken by {', '.join(texts)}")
    return found


def all_menus(root: QMenu) -> Iterator[QMenu]:
    yield root
    for action in root.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from all_menus(sub)


@pytest.fixture
def clock():
    return Clock.fixed(date(2025, 9, 1))  # the quarter III report is due: the banner shows


def right_click_menu(open_menu) -> list[Entry]:
    """The items of the menu ``open_menu`` shows, read while it is open, then closed."""
    entries: list[Entry] = []

    def read() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu), "no menu opened"
        entries.extend(menu_entries(menu))
        menu.close()

    QTimer.singleShot(0, read)
    open_menu()
    return entries


def test_the_main_window_and_its_menus(qapp, make_window):
    install_translations(qapp)
    found = []
    empty = make_window(sample=False)
    found += problems("main window, no plan yet", widget_entries(empty))
    empty.close()
    window = make_window()
    window.check_deadlines()
    window.tracker.ui.table.selectRow(0)
    assert window.ui.deadlineBanner.isVisible()
    found += problems("main window, a plan's tasks", widget_entries(window))
    window.ui.planTabs.setCurrentIndex(1)
    found += problems("main window, a plan's text", widget_entries(window))
    for top in window.menuBar().actions():
        for menu in all_menus(top.menu()):
            found += problems(f"menu {menu.title()}", menu_entries(menu))
    menus = {
        "plans list": lambda: window._plan_menu(QPoint(5, 5)),
        "task table": lambda: window.tracker.ui.table._menu(QPoint(5, 5)),
    }
    for name, open_menu in menus.items():
        found += problems(f"right-click menu of the {name}", right_click_menu(open_menu))
    assert not found, "\n".join(found)


def test_every_dialog(qapp, qtbot, make_window, tmp_path):
    install_translations(qapp)
    window = make_window()
    found = []
    for title, dialog in dialogs(window, tmp_path):
        qtbot.addWidget(dialog)
        dialog.show()
        found += problems(title, widget_entries(dialog))
        tabs = dialog.findChild(QTabWidget, "sectionTabs")  # the report's sections
        for i in range(tabs.count() if tabs is not None else 0):
            tabs.setCurrentIndex(i)
            found += problems(f"{title}, tab {tabs.tabText(i)}", widget_entries(dialog))
        dialog.close()
    assert not found, "\n".join(found)


def walk_wizard(qtbot, wizard) -> list[str]:
    """Every page, reached by clicking Next as an officer does."""
    found = []
    while True:
        title = wizard.currentPage().title()
        found += problems(f"wizard page {title}", widget_entries(wizard))
        button = wizard.button(QWizard.WizardButton.NextButton)
        if not button.isVisible():
            return found
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.wait(10)


def test_every_wizard_page_with_the_wizards_buttons(qapp, qtbot, make_window):
    from cchc_desktop.core.template import bundled_template
    from cchc_desktop.ui.wizard import PlanWizard

    install_translations(qapp)
    window = make_window()
    wizard = PlanWizard(window.repo, bundled_template(), clock=window.clock)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Tiếp theo >"
    found = walk_wizard(qtbot, wizard)
    assert wizard.currentPage().isFinalPage()
    editing = PlanWizard(
        window.repo, wizard.template, plan_id=window.current_plan_id, clock=window.clock
    )
    qtbot.addWidget(editing)
    editing.resize(1366, 768)
    editing.show()
    found += [f"editing: {p}" for p in walk_wizard(qtbot, editing)]
    wizard.close()
    editing.close()
    QApplication.processEvents()
    assert not found, "\n".join(found)
