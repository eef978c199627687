"""Qt's own dialogs and menus speak Vietnamese (the app's translation of Qt, ours since Qt ships
none): the print preview's tools, Qt's folder dialog (where Windows' own is not used), the page
setup and print dialogs, and the text boxes' right-click menus, each with one Alt letter."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QLineEdit, QTextEdit

from cchc_desktop.ui.app import install_translations
from tests.ui.test_mnemonics import menu_entries, problems


@pytest.fixture(autouse=True)
def vietnamese(qapp):
    install_translations(qapp)


def on_screen(dialog) -> set[str]:
    """The labels' and buttons' words (tool tips too)."""
    found = {w.text() for w in dialog.findChildren(QLabel)}
    for button in dialog.findChildren(QAbstractButton):
        found |= {button.text(), button.toolTip()}
    return found - {""}


def in_actions(dialog) -> set[str]:
    """The words of its tools and right-click menu."""
    return {t for a in dialog.findChildren(QAction) for t in (a.text(), a.toolTip())} - {""}


def one_letter_each(scope: str, shown: set[str]) -> list[str]:
    return problems(scope, [(text, text) for text in shown])


def test_the_print_preview_tools_speak_vietnamese(qtbot):
    printer = QPrinter()
    dialog = QPrintPreviewDialog(printer)
    qtbot.addWidget(dialog)
    shown = in_actions(dialog)
    assert {"In", "Phóng to", "Thu nhỏ", "Thiết lập trang", "Trang sau", "Vừa chiều rộng"} <= shown
    assert not {"Print", "Zoom in", "Zoom out", "Page setup", "Next page", "Fit width"} & shown


def test_qts_folder_dialog_speaks_vietnamese(qtbot):
    dialog = QFileDialog(None, "Chọn thư mục lưu văn bản")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = on_screen(dialog)
    assert {"&Tìm trong:", "Thư mục:", "&Chọn", "Hủy", "Lùi lại", "Tạo thư mục mới"} <= shown
    assert not {"Look in:", "&Look in:", "Directory:", "&Choose", "Cancel", "Back"} & shown
    assert not one_letter_each("Qt's folder dialog", shown)
    menu = in_actions(dialog)  # right-click on a file
    assert {"Đổi &tên", "&Xóa", "&Hiện tệp ẩn", "Thư mục &mới"} <= menu
    assert not one_letter_each("the folder dialog's menu", menu)


def test_qts_file_dialog_asks_in_vietnamese(qtbot):
    dialog = QFileDialog(None, "Xuất PDF", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = on_screen(dialog)
    assert {"Tê&n tệp:", "&Kiểu tệp:", "&Lưu"} <= shown
    assert not one_letter_each("Qt's save dialog", shown)


def test_the_page_setup_and_print_dialogs_speak_vietnamese(qtbot):
    printer = QPrinter()
    setup = QPageSetupDialog(printer)
    qtbot.addWidget(setup)
    assert {"Khổ giấy:", "Khay giấy:", "Rộng:", "Cao:"} <= on_screen(setup)
    printing = QPrintDialog(printer)
    qtbot.addWidget(printing)
    shown = on_screen(printing)
    assert {"Số bản:", "In tất cả", "In đen trắng"} <= shown
    assert not {"Copies:", "Print all", "Grayscale"} & shown
    assert not one_letter_each("Qt's print dialog", shown)


@pytest.mark.parametrize("box", [QLineEdit, QTextEdit])
def test_a_text_boxs_right_click_menu_speaks_vietnamese_with_one_letter_each(qtbot, box):
    editor = box()
    qtbot.addWidget(editor)
    menu = editor.createStandardContextMenu()
    entries = menu_entries(menu)
    shown = [text.split("\t")[0] for _, text in entries]
    assert {"&Hoàn tác", "Cắ&t", "Sao &chép", "&Dán", "Chọn tất cả"} <= set(shown)
    assert not problems(f"the menu of a {box.__name__}", entries)
