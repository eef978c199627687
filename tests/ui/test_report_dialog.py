"""The report dialog: figures from the tasks, wording edited and kept, the .docx and .xlsx."""

from __future__ import annotations

from datetime import date

import docx
import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cchc_desktop.core.deadlines import ReportKind, ReportPeriod, report_periods
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.store.tracking import TaskStore
from cchc_desktop.ui.report_dialog import ReportDialog, choose_report

Q3 = ReportPeriod(ReportKind.QUARTER, 2025, 3)
STEM = "BC-tuyen-truyen-CCHC-quy-III-2025-xa-Quyet-Thang"


@pytest.fixture
def saved(repo, template):
    office = sample_office(template)
    repo.save_office(office)
    plan = sample_plan(template, office)
    plan.office_id = office.id
    repo.save_plan(plan)
    return TaskStore(repo), repo.plan(plan.id), office


@pytest.fixture
def dialog(qtbot, saved):
    store, plan, office = saved
    dialog = ReportDialog(store, plan, office, date(2025, 9, 5), Q3)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def informed(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    return shown


def test_the_dialog_offers_the_next_report_due_and_its_deadline():
    periods = report_periods(Period(PeriodKind.SECOND_HALF, 2025))
    assert choose_report(periods, 10, date(2025, 9, 5)).label == "quý III năm 2025"
    assert choose_report(periods, 10, date(2025, 9, 11)).label == "năm 2025"
    assert choose_report(periods, 10, date(2026, 1, 5)).label == "năm 2025"


def test_the_figures_come_from_the_tracked_tasks(dialog):
    assert dialog.ui.deadlineInfo.text() == "Hạn gửi: trước ngày 10/9/2025"
    figures = dialog.ui.figuresLabel.text()
    assert "8 nhiệm vụ đến kỳ — 1 hoàn thành, 5 đang thực hiện, 2 chưa thực hiện" in figures
    assert "30 tin; 6 bài" in figures
    assert dialog.ui.sectionTabs.count() == 6  # opening, I-IV, closing and recipients
    assert dialog.sections[0].toPlainText().startswith("Trong quý III năm 2025, Kế hoạch có 8")


def test_a_later_as_of_date_makes_the_banners_task_late_in_the_wording(dialog):
    dialog.ui.asOfDate.setDate(dialog.ui.asOfDate.date().addDays(40))  # 15/10/2025
    assert "1 quá hạn" in dialog.ui.figuresLabel.text()
    assert "Chờ bổ sung kinh phí in pano" in dialog.sections[1].toPlainText()


def test_edited_wording_is_kept_and_comes_back_when_the_dialog_reopens(qtbot, dialog, saved):
    dialog.sections[3].setPlainText("Đề nghị thành phố hỗ trợ kinh phí in pano, áp phích.")
    dialog.ui.numberEdit.setText("7")
    dialog.ui.numberEdit.textEdited.emit("7")
    dialog.accept()
    store, plan, office = saved
    again = ReportDialog(store, plan, office, date(2025, 9, 6), Q3)
    qtbot.addWidget(again)
    assert again.sections[3].toPlainText() == "Đề nghị thành phố hỗ trợ kinh phí in pano, áp phích."
    assert again.ui.numberEdit.text() == "07"
    assert again.ui.savedLabel.text() == "Đang dùng bản đã sửa trước đây."


def test_regenerating_throws_the_edits_away_after_asking(dialog, monkeypatch):
    dialog.sections[3].setPlainText("Lời văn đã sửa")
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    dialog.ui.regenerateButton.click()
    assert asked and dialog.sections[3].toPlainText() == "Không có."
    assert dialog.store.report_draft(dialog.plan_id, "q3") is None


def test_exporting_writes_the_docx_and_xlsx_with_the_edited_text(
    dialog, tmp_path, monkeypatch, informed
):
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    dialog.sections[3].setPlainText("Đề nghị thành phố hỗ trợ kinh phí in pano, áp phích.")
    dialog.ui.exportButton.click()
    assert sorted(p.name for p in folder.iterdir()) == [f"{STEM}-ket-qua.xlsx", f"{STEM}.docx"]
    assert "Đã ghi vào" in informed[0]
    text = "\n".join(p.text for p in docx.Document(str(folder / f"{STEM}.docx")).paragraphs)
    assert "Đề nghị thành phố hỗ trợ kinh phí in pano, áp phích." in text
    sheet = openpyxl.load_workbook(folder / f"{STEM}-ket-qua.xlsx").active
    assert sheet.cell(4, 2).value == "Nhiệm vụ"

    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    dialog.ui.exportButton.click()
    assert "Ghi đè" in asked[0]


def test_the_report_action_opens_the_dialog_for_the_selected_plan(
    qtbot, private_data_dir, monkeypatch
):
    from cchc_desktop.ui.app import start

    opened = []
    monkeypatch.setattr(ReportDialog, "exec", lambda d: opened.append(d) or 0)
    window = start(["cchc-desktop"])
    qtbot.addWidget(window)
    window.create_sample()
    window.ui.actionReport.trigger()
    assert opened and opened[0].plan.id == window.current_plan_id
    window.repo.db.close()


def test_wording_typed_for_one_quarter_is_kept_under_that_quarter_when_another_is_chosen(
    dialog, saved
):
    """The draft used to be saved after the period box had switched: Q3's words became Q4's."""
    store, plan, _office = saved
    dialog.sections[3].setPlainText("Đề nghị cho quý III.")
    q4 = dialog.ui.periodCombo.findData(ReportPeriod(ReportKind.QUARTER, 2025, 4).code)
    dialog.ui.periodCombo.setCurrentIndex(q4)  # the officer picks quý IV
    assert store.report_draft(plan.id, Q3.code)["sections"][3]["text"] == "Đề nghị cho quý III."
    assert store.report_draft(plan.id, ReportPeriod(ReportKind.QUARTER, 2025, 4).code) is None
    assert dialog.sections[3].toPlainText() != "Đề nghị cho quý III."
