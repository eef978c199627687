"""The report's results as .xlsx: one row per task of the report with its results within the
period ("trong kỳ") and by its end ("lũy kế"), a total row; then a sheet of the figures. Both
print on A4 landscape at full size."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cchc_desktop.core import office as office_words
from cchc_desktop.core.docdate import date_words, number_line, short_date
from cchc_desktop.core.outline import document_property
from cchc_desktop.core.report import (
    CUMULATIVE,
    IN_PERIOD,
    Report,
    ReportData,
    counts_text,
    figure_rows,
    title_lines,
    undated_note,
)
from cchc_desktop.core.text import vn_upper
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.layout import FONT
from cchc_desktop.documents.safe_write import write_atomically
from cchc_desktop.documents.sheets import (
    BOX,
    COLUMN_EXTRA_PX,
    DIGIT_PX,
    LINE_HEIGHT,
    ROW_EXTRA_PT,
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
# Widths in characters of the default font. The task sheet is as wide as A4 landscape's text
# area (25.2 cm, 952 pixels at 96 dpi; a column is 8 pixels a character plus 5), so that it
# prints at full size: 12 pt on paper.
TASK_COLUMNS = (
    ("TT", 4),
    ("Nhiệm vụ", 27),
    ("Cơ quan chủ trì", 12),
    ("Hạn hoàn thành", 10),
    ("Trạng thái", 10),
    ("Kết quả trong kỳ", 12),
    ("Kết quả lũy kế", 12),
    ("Minh chứng", 15),
    ("Lý do, ghi chú", 11),
)
FIGURES_COLUMNS = (
    ("TT", 5),
    ("Nội dung", 52),
    ("Đơn vị tính", 16),
    (IN_PERIOD, 12),
    (CUMULATIVE, 12),
)
HEADER_ROW = 4
TOTAL_LABEL = "Tổng cộng"
TITLE_PT, NOTE_PT, TABLE_PT = 13, 12, 12


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


def span_line(data: ReportData) -> str:
    """ "(Số liệu trong kỳ từ ngày 01/7/2025 đến ngày 05/9/2025; lũy kế đến ngày 05/9/2025)" """
    first, last = short_date(data.first), short_date(data.last)
    return f"(Số liệu trong kỳ từ ngày {first} đến ngày {last}; lũy kế đến ngày {last})"


def date_format(day: date) -> str:
    """A date cell shows as the decree writes dates: the day padded below 10, the month only
    in January and February ("05/02/2025", "30/9/2025")."""
    return "DD/MM/YYYY" if day.month < 3 else "DD/M/YYYY"


def _height(texts: Sequence[str], columns: Sequence[tuple[str, int]]) -> float:
    """A row's height for its texts in their columns, measured a character narrower: in
    columns this narrow LibreOffice wraps a little earlier than the measure (the totals,
    bold, lost their last line)."""
    return row_height([(t, w - 1) for t, (_, w) in zip(texts, columns, strict=True)], TABLE_PT)


def _width_cm(columns: Sequence[tuple[str, int]]) -> float:
    pixels = sum(width * DIGIT_PX + COLUMN_EXTRA_PX for _, width in columns)
    return pixels / 96 * 2.54


def _heading(
    sheet: Worksheet, cells: Cells, report: Report, title: str, columns: Sequence[tuple[str, int]]
) -> None:
    """Rows 1-3: the title in bold capitals, the attachment line and the days the figures
    cover, each centred over the table and broken as the report's title is (no word alone on
    a last line)."""
    last = get_column_letter(len(columns))
    # A merged cell keeps a little room at either side.
    width = _width_cm(columns) - 0.3
    keep = report.data.report.label
    rows = [
        (vn_upper(title), vn_upper(keep), TITLE_PT, True),
        (attachment_line(report), "", NOTE_PT, False),
        (span_line(report.data), "", NOTE_PT, False),
    ]
    for row, (text, kept, size, bold) in enumerate(rows, start=1):
        lines = title_lines(cells.clean(text), kept, max_cm=width, size=size, bold=bold)
        font = Font(name=FONT, size=size, bold=bold, italic=not bold)
        sheet.merge_cells(f"A{row}:{last}{row}")
        cells.text(sheet, row, 1, "\n".join(lines), Look(font, WRAP_CENTRE))
        sheet.row_dimensions[row].height = len(lines) * size * LINE_HEIGHT + ROW_EXTRA_PT


def _header(sheet: Worksheet, cells: Cells, columns: Sequence[tuple[str, int]]) -> None:
    head_look = Look(Font(name=FONT, size=TABLE_PT, bold=True), WRAP_CENTRE, BOX)
    for column, (name, width) in enumerate(columns, start=1):
        cells.text(sheet, HEADER_ROW, column, name, head_look)
        sheet.column_dimensions[get_column_letter(column)].width = width
    fit_row(sheet, HEADER_ROW, list(columns), size=TABLE_PT)


def _task_sheet(sheet: Worksheet, report: Report, cells: Cells) -> None:
    sheet.title = TASK_SHEET
    clean = cells.clean
    data = report.data
    title = f"Kết quả thực hiện các nhiệm vụ tuyên truyền cải cách hành chính {data.report.label}"
    _heading(sheet, cells, report, title, TASK_COLUMNS)
    _header(sheet, cells, TASK_COLUMNS)

    head_font, body_font = (
        Font(name=FONT, size=TABLE_PT, bold=True),
        Font(name=FONT, size=TABLE_PT),
    )
    text_look = Look(body_font, WRAP_TOP, BOX)
    count_look = Look(body_font, TOP_CENTRE, BOX, "#,##0")
    date_looks = {
        form: Look(body_font, TOP_CENTRE, BOX, form) for form in ("DD/MM/YYYY", "DD/M/YYYY")
    }
    rows = cells.rows(sheet, HEADER_ROW + 1)
    for line in data.lines:
        where = f"nhiệm vụ {line.number}"
        why = "; ".join(x.strip() for x in (line.reason, line.notes) if x.strip())
        due: tuple[Value, Look] = (None, text_look)
        if line.due is not None:
            due = (line.due, date_looks[date_format(line.due)])
        values: list[tuple[Value, Look]] = [
            (line.number, count_look),
            (clean(line.title, where), text_look),
            (clean(line.lead_unit, where), text_look),
            due,
            (line.status_label, text_look),
            (counts_text(line.in_period), text_look),
            (counts_text(line.results), text_look),
            (clean(line.evidence, where), text_look),
            (clean(why, where), text_look),
        ]
        shown = [short_date(v) if isinstance(v, date) else str(v or "") for v, _ in values]
        rows.add(values, _height(shown, TASK_COLUMNS), where=where)

    total_row = HEADER_ROW + 1 + len(data.lines)
    total_look = Look(head_font, WRAP_TOP, BOX)
    sums = ["", TOTAL_LABEL, "", "", ""]
    sums += [counts_text(data.period_totals), counts_text(data.totals), "", ""]
    for column, text in enumerate(sums, start=1):
        cells.text(sheet, total_row, column, text, total_look)
    sheet.row_dimensions[total_row].height = _height(sums, TASK_COLUMNS)
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    print_setup(sheet, f"{HEADER_ROW}:{HEADER_ROW}")


def _figures_sheet(sheet: Worksheet, report: Report, cells: Cells) -> None:
    sheet.title = FIGURES_SHEET
    data = report.data
    title = f"Tổng hợp số liệu tuyên truyền cải cách hành chính {data.report.label}"
    _heading(sheet, cells, report, title, FIGURES_COLUMNS)
    _header(sheet, cells, FIGURES_COLUMNS)
    head_font, body_font = Font(name=FONT, size=TABLE_PT, bold=True), Font(name=FONT, size=TABLE_PT)
    what_looks = {True: Look(head_font, WRAP_TOP, BOX), False: Look(body_font, WRAP_TOP, BOX)}
    centred = Look(body_font, Alignment(wrap_text=True, vertical="top", horizontal="center"), BOX)
    count_look = Look(body_font, Alignment(vertical="top"), BOX, "#,##0")
    figures = figure_rows(data)
    for row, figure in enumerate(figures, start=HEADER_ROW + 1):
        cells.text(sheet, row, 1, figure.number, centred)
        cells.text(sheet, row, 2, figure.what, what_looks[bool(figure.number)])
        cells.text(sheet, row, 3, figure.unit, centred)
        cells.value(sheet, row, 4, figure.in_period, count_look)
        cells.value(sheet, row, 5, figure.cumulative, count_look)
        sheet.row_dimensions[row].height = _height(
            [figure.number, figure.what, figure.unit, "", ""], FIGURES_COLUMNS
        )
    if data.undated:
        note = HEADER_ROW + len(figures) + 2
        last = get_column_letter(len(FIGURES_COLUMNS))
        sheet.merge_cells(f"A{note}:{last}{note}")
        text = undated_note(data.undated)
        cells.text(sheet, note, 1, text, Look(Font(name=FONT, size=NOTE_PT, italic=True), WRAP_TOP))
        fit_row(sheet, note, [(text, sum(w for _, w in FIGURES_COLUMNS))], size=NOTE_PT)
    print_setup(sheet, f"{HEADER_ROW}:{HEADER_ROW}")


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
