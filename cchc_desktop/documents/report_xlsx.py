"""The report's task table with results as .xlsx: one row per task the period concerns, one
column per unit of result, a total row; then a sheet of the figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cchc_desktop.core import office as office_words
from cchc_desktop.core.docdate import date_words, number_line
from cchc_desktop.core.report import Report, figure_rows
from cchc_desktop.core.text import capitalise_first, vn_upper
from cchc_desktop.core.tracking import RESULT_UNITS, result_count
from cchc_desktop.documents.appendix_xlsx import (
    BOX,
    WRAP_CENTRE,
    WRAP_TOP,
    fit_row,
    print_setup,
    text_cell,
)
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.layout import FONT
from cchc_desktop.documents.safe_write import write_atomically

TASK_SHEET = "Kết quả nhiệm vụ"
FIGURES_SHEET = "Tổng hợp"
LEADING = (
    ("TT", 5),
    ("Nhiệm vụ", 40),
    ("Sản phẩm", 16),
    ("Cơ quan chủ trì", 18),
    ("Hạn hoàn thành", 12),
    ("Trạng thái", 16),
)
TRAILING = (("Minh chứng", 24), ("Lý do, ghi chú", 24))
UNIT_WIDTH = 9
HEADER_ROW = 4
TOTAL_LABEL = "Tổng cộng"


def unit_columns(report: Report) -> list[str]:
    """The usual units, then any other unit a task recorded."""
    units = list(RESULT_UNITS)
    units += [t.unit for t in report.data.totals if t.unit not in units]
    return units


def attachment_line(report: Report) -> str:
    """ "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 9 năm 2025 của Ủy ban nhân dân xã …)" """
    text = report.text
    number = number_line(text.number, report.suffix).removeprefix("Số: ")
    if text.issued_on is not None:
        when = date_words(text.issued_on.day, text.issued_on.month, text.issued_on.year)
    elif text.drafted_on is not None:
        when = date_words(None, text.drafted_on.month, text.drafted_on.year)
    else:
        when = date_words(None, None, report.data.report.year)
    return f"(Kèm theo Báo cáo số {number} {when} của {office_words.formal_name(report.office)})"


def _task_sheet(sheet: Worksheet, report: Report, clean: Cleaning) -> None:
    sheet.title = TASK_SHEET
    units = unit_columns(report)
    columns = [*LEADING, *((capitalise_first(u), UNIT_WIDTH) for u in units), *TRAILING]
    last = get_column_letter(len(columns))
    title = vn_upper(
        "Kết quả thực hiện các nhiệm vụ tuyên truyền cải cách hành chính "
        f"{report.data.report.label}"
    )
    for row, (text, font) in enumerate(
        [
            (title, Font(name=FONT, size=13, bold=True)),
            (attachment_line(report), Font(name=FONT, size=12, italic=True)),
        ],
        start=1,
    ):
        sheet.merge_cells(f"A{row}:{last}{row}")
        text_cell(sheet, row, 1, clean(text))
        cell = sheet.cell(row=row, column=1)
        cell.font, cell.alignment = font, WRAP_CENTRE
        fit_row(sheet, row, [(text, sum(w for _, w in columns))], size=13)

    head_font, body_font = Font(name=FONT, size=12, bold=True), Font(name=FONT, size=12)
    for column, (name, width) in enumerate(columns, start=1):
        text_cell(sheet, HEADER_ROW, column, name)
        cell = sheet.cell(row=HEADER_ROW, column=column)
        cell.font, cell.alignment, cell.border = head_font, WRAP_CENTRE, BOX
        sheet.column_dimensions[get_column_letter(column)].width = width
    fit_row(sheet, HEADER_ROW, [(name, width) for name, width in columns])

    first = HEADER_ROW + 1
    for offset, line in enumerate(report.data.lines):
        row = first + offset
        where = f"nhiệm vụ {line.number}"
        why = "; ".join(x.strip() for x in (line.reason, line.notes) if x.strip())
        values: list[str | int | date | None] = [
            line.number,
            clean(line.title, where),
            clean(line.output, where),
            clean(line.lead_unit, where),
            line.due,
            line.status_label,
            *(result_count(line.results, u) or None for u in units),
            clean(line.evidence, where),
            clean(why, where),
        ]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column)
            if isinstance(value, str):
                text_cell(sheet, row, column, value)
            else:
                cell.value = value
            cell.font, cell.border = body_font, BOX
            cell.alignment = WRAP_TOP
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
                cell.alignment = Alignment(vertical="top", horizontal="center")
            elif column == 1 or len(LEADING) < column <= len(LEADING) + len(units):
                cell.alignment = Alignment(vertical="top", horizontal="center")
                cell.number_format = "#,##0"
        fit_row(
            sheet,
            row,
            [(str(v or ""), w) for v, (_, w) in zip(values, columns, strict=True)],
        )

    total_row = first + len(report.data.lines)
    text_cell(sheet, total_row, 2, TOTAL_LABEL)
    for column in range(1, len(columns) + 1):
        cell = sheet.cell(row=total_row, column=column)
        cell.font, cell.border = head_font, BOX
    for i, unit in enumerate(units):
        column = len(LEADING) + 1 + i
        cell = sheet.cell(row=total_row, column=column)
        cell.value = sum(result_count(line.results, unit) for line in report.data.lines)
        cell.number_format = "#,##0"
        cell.alignment = Alignment(horizontal="center")
    sheet.freeze_panes = f"C{first}"
    print_setup(sheet, f"{HEADER_ROW}:{HEADER_ROW}")


def _figures_sheet(sheet: Worksheet, report: Report) -> None:
    sheet.title = FIGURES_SHEET
    head_font, body_font = Font(name=FONT, size=12, bold=True), Font(name=FONT, size=12)
    columns = (("TT", 5), ("Nội dung", 44), ("Đơn vị tính", 14), ("Số lượng", 12))
    for column, (name, width) in enumerate(columns, start=1):
        text_cell(sheet, 1, column, name)
        cell = sheet.cell(row=1, column=column)
        cell.font, cell.alignment, cell.border = head_font, WRAP_CENTRE, BOX
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row, (number, what, unit, count) in enumerate(figure_rows(report.data), start=2):
        text_cell(sheet, row, 1, number)
        text_cell(sheet, row, 2, what)
        text_cell(sheet, row, 3, unit)
        sheet.cell(row=row, column=4).value = count
        for column in range(1, 5):
            cell = sheet.cell(row=row, column=column)
            cell.font, cell.border = body_font, BOX
    print_setup(sheet, "1:1")


def build_report_workbook(report: Report, clean: Cleaning | None = None) -> Workbook:
    clean = clean or Cleaning()
    workbook = Workbook()
    first = workbook.active
    assert isinstance(first, Worksheet)
    _task_sheet(first, report, clean)
    _figures_sheet(workbook.create_sheet(), report)
    workbook.properties.title = clean(report.text.summary)
    workbook.properties.creator = office_words.formal_name(report.office)
    return workbook


def write_report_xlsx(report: Report, target: Path) -> list[str]:
    """Write the report's workbook to ``target`` safely; returns warnings."""
    clean = Cleaning()
    workbook = build_report_workbook(report, clean)
    write_atomically(target, lambda temp: workbook.save(str(temp)))
    return clean.warnings
