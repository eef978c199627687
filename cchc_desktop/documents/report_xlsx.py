"""The report's task table with results as .xlsx: one row per task the period concerns, one
column per unit of result, a total row; then a sheet of the figures."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cchc_desktop.core import office as office_words
from cchc_desktop.core.docdate import date_words, number_line
from cchc_desktop.core.outline import document_property
from cchc_desktop.core.report import Report, figure_rows
from cchc_desktop.core.text import capitalise_first, vn_upper
from cchc_desktop.core.tracking import RESULT_UNITS, normal_unit, unit_counts
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.layout import FONT
from cchc_desktop.documents.safe_write import write_atomically
from cchc_desktop.documents.sheets import (
    BOX,
    TOP_CENTRE,
    WRAP_CENTRE,
    WRAP_TOP,
    Cells,
    Look,
    Value,
    fit_row,
    new_workbook,
    print_setup,
    row_height,
)

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


def _task_sheet(sheet: Worksheet, report: Report, cells: Cells) -> None:
    sheet.title = TASK_SHEET
    clean = cells.clean
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
        cells.text(sheet, row, 1, clean(text), Look(font, WRAP_CENTRE))
        fit_row(sheet, row, [(text, sum(w for _, w in columns))], size=13)

    head_font, body_font = Font(name=FONT, size=12, bold=True), Font(name=FONT, size=12)
    head_look = Look(head_font, WRAP_CENTRE, BOX)
    for column, (name, width) in enumerate(columns, start=1):
        cells.text(sheet, HEADER_ROW, column, name, head_look)
        sheet.column_dimensions[get_column_letter(column)].width = width
    fit_row(sheet, HEADER_ROW, [(name, width) for name, width in columns])

    text_look = Look(body_font, WRAP_TOP, BOX)
    count_look = Look(body_font, TOP_CENTRE, BOX, "#,##0")
    date_look = Look(body_font, TOP_CENTRE, BOX, "DD/MM/YYYY")
    wanted = [normal_unit(u) for u in units]
    totals = dict.fromkeys(wanted, 0)
    first = HEADER_ROW + 1
    rows = cells.rows(sheet, first)
    for line in report.data.lines:
        where = f"nhiệm vụ {line.number}"
        why = "; ".join(x.strip() for x in (line.reason, line.notes) if x.strip())
        counts = unit_counts(line.results)
        for unit in wanted:
            totals[unit] += counts.get(unit, 0)
        texts = [clean(line.title, where), clean(line.output, where), clean(line.lead_unit, where)]
        tail = [clean(line.evidence, where), clean(why, where)]
        numbers = [counts.get(unit) or None for unit in wanted]
        values: list[tuple[Value, Look]] = [
            (line.number, count_look),
            *((text, text_look) for text in texts),
            (line.due, text_look if line.due is None else date_look),
            (line.status_label, text_look),
            *((number, count_look) for number in numbers),
            *((text, text_look) for text in tail),
        ]
        shown = [str(line.number), *texts, str(line.due or ""), line.status_label]
        shown += [str(number or "") for number in numbers] + tail
        height = row_height([(t, w) for t, (_, w) in zip(shown, columns, strict=True)])
        rows.add(values, height, where=where)

    total_row = first + len(report.data.lines)
    total_look = Look(head_font, border=BOX)
    cells.text(sheet, total_row, 2, TOTAL_LABEL)
    for column in range(1, len(columns) + 1):
        total_look.apply(sheet.cell(row=total_row, column=column))
    total_count_look = Look(head_font, Alignment(horizontal="center"), BOX, "#,##0")
    for i, unit in enumerate(wanted):
        cells.value(sheet, total_row, len(LEADING) + 1 + i, totals[unit], total_count_look)
    sheet.freeze_panes = f"C{first}"
    print_setup(sheet, f"{HEADER_ROW}:{HEADER_ROW}")


def _figures_sheet(sheet: Worksheet, report: Report, cells: Cells) -> None:
    sheet.title = FIGURES_SHEET
    head_font, body_font = Font(name=FONT, size=12, bold=True), Font(name=FONT, size=12)
    head_look, body_look = Look(head_font, WRAP_CENTRE, BOX), Look(body_font, border=BOX)
    columns = (("TT", 5), ("Nội dung", 44), ("Đơn vị tính", 14), ("Số lượng", 12))
    for column, (name, width) in enumerate(columns, start=1):
        cells.text(sheet, 1, column, name, head_look)
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row, (number, what, unit, count) in enumerate(figure_rows(report.data), start=2):
        cells.text(sheet, row, 1, number, body_look)
        cells.text(sheet, row, 2, what, body_look)
        cells.text(sheet, row, 3, unit, body_look)
        cells.value(sheet, row, 4, count, body_look)
    print_setup(sheet, "1:1")


def _workbook(report: Report, cells: Cells) -> Workbook:
    cells.clean.note(report.notes)
    workbook = new_workbook()
    first = workbook.active
    assert isinstance(first, Worksheet)
    _task_sheet(first, report, cells)
    _figures_sheet(workbook.create_sheet(), report, cells)
    workbook.properties.title = document_property(cells.clean(report.text.summary))
    workbook.properties.creator = document_property(office_words.formal_name(report.office))
    return workbook


def write_report_xlsx(report: Report, target: Path) -> list[str]:
    """Write the report's workbook to ``target`` safely; returns warnings (characters
    removed, cells cut at Excel's limit)."""
    cells = Cells(Cleaning())
    workbook = _workbook(report, cells)
    write_atomically(target, lambda temp: cells.save(workbook, temp))
    return cells.clean.warnings
