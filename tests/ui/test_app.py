"""Starting the app: its data folder, Vietnamese for Qt's own buttons, the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWizard

from cchc_desktop.store.repository import Repository
from cchc_desktop.ui.app import set_names, start
from cchc_desktop.ui.app_paths import data_dir


@pytest.fixture
def window(qtbot, private_data_dir):
    window = start(["cchc-desktop"])
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.repo.db.close()


def test_without_override_data_goes_to_the_platform_app_data_folder(qapp, monkeypatch, tmp_path):
    monkeypatch.delenv("CCHC_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    set_names()
    expected = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert data_dir() == Path(expected)
    assert data_dir().parts[-2:] == ("CCHC", "cchc-desktop")
    assert Path.cwd() not in data_dir().parents


def test_the_app_opens_on_a_new_database_in_the_data_folder_showing_the_empty_state(
    window, private_data_dir
):
    assert window.db_path == private_data_dir / "cchc.sqlite"
    assert window.db_path.is_file()
    assert window.ui.stack.currentWidget() is window.ui.emptyPage
    assert window.ui.emptyTitle.text() == "Chưa có kế hoạch nào"
    assert window.ui.sampleButton.isVisible()


def test_the_sample_button_creates_a_plan_and_shows_it_in_the_list(window, qtbot):
    qtbot.mouseClick(window.ui.sampleButton, Qt.MouseButton.LeftButton)
    assert window.ui.stack.currentWidget() is window.ui.plansPage
    model = window.ui.plansView.model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "6 tháng cuối năm 2025"
    assert model.index(0, 1).data() == "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"
    # The text is laid out when its tab is opened (the window opens on the tasks).
    assert window.ui.preview.toPlainText() == "Đang chuẩn bị nội dung văn bản…"
    window.ui.planTabs.tabBar().setCurrentIndex(1)
    text = window.ui.preview.toPlainText()
    assert "XÃ QUYẾT THẮNG" in text
    assert "I. MỤC ĐÍCH, YÊU CẦU" in text
    assert Repository(window.repo.db).plans()[0].office_id is not None


def test_an_existing_database_reopens_with_its_plans(qtbot, private_data_dir, window):
    qtbot.mouseClick(window.ui.sampleButton, Qt.MouseButton.LeftButton)
    window.close()
    window.repo.db.close()
    again = start(["cchc-desktop"])
    assert again is not None
    qtbot.addWidget(again)
    assert again.ui.stack.currentWidget() is again.ui.plansPage
    assert again.ui.plansView.model().rowCount() == 1
    again.repo.db.close()


def test_a_database_from_a_newer_version_is_refused_with_a_vietnamese_message(
    qtbot, private_data_dir, monkeypatch
):
    from cchc_desktop.store.database import open_database

    db = open_database(private_data_dir / "cchc.sqlite")
    db.table("_sqlite_migrations").insert(
        {"migration_set": "cchc", "name": "m999_future", "applied_at": "2030-01-01"}
    )
    db.conn.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert start(["cchc-desktop"]) is None
    assert "phiên bản mới hơn" in shown[0]


def test_qt_own_buttons_speak_vietnamese(window, qtbot):
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.addPage(__import__("PySide6.QtWidgets").QtWidgets.QWizardPage())
    wizard.addPage(__import__("PySide6.QtWidgets").QtWidgets.QWizardPage())
    assert wizard.buttonText(QWizard.WizardButton.NextButton) in ("&Tiếp theo >", "&Tiếp theo")
    assert wizard.buttonText(QWizard.WizardButton.BackButton) == "< &Quay lại"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Hủy"
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"Đồng ý", "Hủy"}


def test_the_window_carries_the_app_icon(window):
    from PySide6.QtWidgets import QApplication

    assert not QApplication.windowIcon().isNull()
    assert QApplication.windowIcon().availableSizes()
