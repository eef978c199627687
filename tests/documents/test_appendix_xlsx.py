"""The appendix workbook read back with openpyxl: table, print settings, formula safety."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest


@pytest.fixture(scope="module")
def workbook(sample_xlsx):
    return openpyxl.load_workbook(sample_xlsx[0])


def test_the_appendix_sheet_has_the_heading_lines_and_the_split_time_columns(workbook, sample_xlsx):
    _, plan, _ = sample_xlsx
    sheet = workbook["Phụ lục"]
    assert sheet["A1"].value == "Phụ lục" and sheet["A1"].font.b
    assert sheet["A2"].value.startswith("DANH MỤC NHIỆM VỤ CỤ THỂ")
    assert sheet["A3"].value.startswith("(Kèm theo Kế hoạch số") and sheet["A3"].font.i
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:G1", "A5:A6", "B5:B6", "C5:C6", "D5:E5", "F5:F6", "G5:G6"} <= merged
    assert [sheet.cell(5, c).value for c in range(1, 8)] == [
        "TT", "Nội dung nhiệm vụ", "Sản phẩm", "Thời gian thực hiện", None,
        "Cơ quan chủ trì", "Cơ quan phối hợp",
    ]  # fmt: skip
    assert (sheet["D6"].value, sheet["E6"].value) == ("Triển khai", "Hoàn thành")
    tasks = plan.chosen_tasks
    for n, task in enumerate(tasks, start=1):
        row = 6 + n
        assert sheet.cell(row, 1).value == n
        assert str(sheet.cell(row, 2).value).startswith(task.title)
        assert (sheet.cell(row, 4).value, sheet.cell(row, 5).value) == (
            task.start_text,
            task.finish_text,
        )
        assert sheet.cell(row, 6).value == task.lead_unit
    assert sheet.max_row == 6 + len(tasks)


def test_cells_wrap_have_thin_borders_and_times_new_roman(workbook):
    sheet = workbook["Phụ lục"]
    for row in range(5, sheet.max_row + 1):
        for column in range(1, 8):
            cell = sheet.cell(row, column)
            if cell.coordinate in sheet.merged_cells and cell.value is None:
                continue
            assert cell.font.name == "Times New Roman", cell.coordinate
            assert cell.alignment.wrap_text, cell.coordinate
            assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"


def test_print_settings_fit_a4_landscape_one_page_wide(workbook):
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape"
        assert int(setup.paperSize) == 9  # A4
        assert setup.fitToWidth == 1 and setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert "&P" in sheet.oddFooter.center.text
    appendix = workbook["Phụ lục"]
    assert appendix.print_title_rows == "$5:$6"
    assert appendix.freeze_panes == "A7"
    widths = [appendix.column_dimensions[c].width for c in "ABCDEFG"]
    assert sum(widths) <= 150  # characters at 12 pt across A4 landscape inside the margins


def test_text_that_looks_like_a_formula_stays_text(workbook):
    sheet = workbook["Theo dõi"]
    values = {sheet.cell(r, c).value for r in range(2, sheet.max_row + 1) for c in range(1, 9)}
    assert "=SUM(A1:A9)" in values
    assert "+84 912 345 678" in values
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.coordinate


def test_the_tracking_sheet_holds_status_due_date_and_overdue(workbook, sample_xlsx):
    _, plan, _ = sample_xlsx
    sheet = workbook["Theo dõi"]
    assert [sheet.cell(1, c).value for c in range(1, 9)] == [
        "TT", "Nhiệm vụ", "Thời gian hoàn thành", "Hạn", "Trạng thái", "Kết quả", "Minh chứng", "Ghi chú",
    ]  # fmt: skip
    rows = {sheet.cell(r, 2).value: r for r in range(2, sheet.max_row + 1)}
    banners = next(t for t in plan.chosen_tasks if t.finish_text == "Quý III/2025")
    row = rows[banners.title]
    assert sheet.cell(row, 4).value == datetime(2025, 9, 30)
    assert sheet.cell(row, 4).number_format == "DD/MM/YYYY"
    assert sheet.cell(row, 5).value == "Đang thực hiện (quá hạn)"  # on 1/10/2025
    ongoing = next(t for t in plan.chosen_tasks if t.finish_text == "Thường xuyên")
    assert sheet.cell(rows[ongoing.title], 5).value == "Đang thực hiện"
    assert sheet.cell(rows[ongoing.title], 6).value == "18 tin; 6 bài"
    assert sheet.freeze_panes == "A2"


def test_the_tracking_sheet_shows_the_due_date_stored_with_the_task(repo, template, tmp_path):
    """A saved task's due date is the one stored when it was saved, not the time words read
    again; an unfinished task past it is said to be late."""
    from datetime import date

    from cchc_desktop.core.sample import sample_office, sample_plan
    from cchc_desktop.documents.appendix_xlsx import write_appendix_xlsx

    office = sample_office(template)
    repo.save_office(office)
    plan = sample_plan(template, office)
    plan.office_id = office.id
    repo.save_plan(plan)
    banners = next(t for t in plan.chosen_tasks if t.finish_text == "Quý III/2025")
    repo.conn.execute("UPDATE tasks SET due_date = '2025-08-31' WHERE id = ?", [banners.id])
    saved = repo.plan(plan.id)
    target = tmp_path / "phu-luc.xlsx"
    write_appendix_xlsx(saved, office, target, today=date(2025, 9, 15))
    sheet = openpyxl.load_workbook(target)["Theo dõi"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == banners.title)
    assert sheet.cell(row, 4).value == datetime(2025, 8, 31)
    assert sheet.cell(row, 5).value == "Đang thực hiện (quá hạn)"
