"""The appendix as a print-ready .xlsx: the task table, and a tracking sheet for internal use."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from cchc_desktop.core.model import STATUS_LABELS, Office, Plan, Task
from cchc_desktop.core.outline import appendix_title
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.layout import APPENDIX_COLUMNS, FONT, TIME_HEADING, attachment_line
from cchc_desktop.documents.safe_write import write_atomically

# Column widths in characters: together they fit A4 landscape at 12 pt.
WIDTHS = (5, 52, 16, 13, 13, 20, 24)
HEADER_ROWS = (5, 6)
FIRST_TASK_ROW = 7
TRACKING_COLUMNS = (
    ("TT", 5),
    ("Nhiệm vụ", 48),
    ("Thời gian hoàn thành", 16),
    ("Hạn", 12),
    ("Trạng thái", 16),
    ("Kết quả", 24),
    ("Minh chứng", 30),
    ("Ghi chú", 30),
)

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
FORMULA_STARTS = ("=", "+", "-", "@")


def text_cell(sheet: Worksheet, row: int, column: int, value: str | CellRichText) -> None:
    """Text stays text: a value starting "=", "+", "-" or "@" is never a formula."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _lines_needed(text: str, width_chars: int) -> int:
    return sum(max(1, math.ceil(len(line) / max(width_chars - 1, 1))) for line in text.split("\n"))


def fit_row(sheet: Worksheet, row: int, texts: list[tuple[str, int]], size: float = 12) -> None:
    """Excel does not grow a row for wrapped text it did not lay out itself: set the height."""
    lines = max(_lines_needed(text, width) for text, width in texts)
    sheet.row_dimensions[row].height = lines * size * 1.25 + 4


def _task_text(task: Task, clean: Cleaning, where: str) -> tuple[str, CellRichText]:
    title = clean(task.title, where)
    details = [f"- {clean(d, where)}" for d in task.details]
    plain = "\n".join([title, *details])
    rich = CellRichText(
        [TextBlock(InlineFont(rFont=FONT, sz=12, b=True), title)]
        + ([TextBlock(InlineFont(rFont=FONT, sz=12), "\n" + "\n".join(details))] if details else [])
    )
    return plain, rich


def _appendix_sheet(sheet: Worksheet, plan: Plan, office: Office, clean: Cleaning) -> None:
    sheet.title = "Phụ lục"
    last = get_column_letter(len(APPENDIX_COLUMNS))
    headings = [
        ("Phụ lục", Font(name=FONT, size=14, bold=True)),
        (clean(appendix_title(plan, office)), Font(name=FONT, size=13, bold=True)),
        (attachment_line(plan, office), Font(name=FONT, size=13, italic=True)),
    ]
    for row, (text, font) in enumerate(headings, start=1):
        sheet.merge_cells(f"A{row}:{last}{row}")
        text_cell(sheet, row, 1, text)
        cell = sheet.cell(row=row, column=1)
        cell.font = font
        cell.alignment = WRAP_CENTRE
        fit_row(sheet, row, [(text, sum(WIDTHS))], size=14)

    top, sub = HEADER_ROWS
    head_font = Font(name=FONT, size=12, bold=True)
    for column, (name, _) in enumerate(APPENDIX_COLUMNS, start=1):
        if column in (4, 5):
            text_cell(sheet, sub, column, name)
        else:
            text_cell(sheet, top, column, name)
            sheet.merge_cells(start_row=top, start_column=column, end_row=sub, end_column=column)
    text_cell(sheet, top, 4, TIME_HEADING)
    sheet.merge_cells(start_row=top, start_column=4, end_row=top, end_column=5)
    for row in HEADER_ROWS:
        for column in range(1, len(APPENDIX_COLUMNS) + 1):
            cell = sheet.cell(row=row, column=column)
            cell.font = head_font
            cell.alignment = WRAP_CENTRE
            cell.border = BOX
    body_font = Font(name=FONT, size=12)
    for n, task in enumerate(plan.chosen_tasks, start=1):
        row = FIRST_TASK_ROW + n - 1
        where = f"nhiệm vụ {n}"
        plain, rich = _task_text(task, clean, where)
        values: list[str | CellRichText] = [
            str(n),
            rich,
            clean(task.output, where),
            clean(task.start_text, where),
            clean(task.finish_text, where),
            clean(task.lead_unit, where),
            clean(task.supporting_units, where),
        ]
        for column, value in enumerate(values, start=1):
            text_cell(sheet, row, column, value)
            cell = sheet.cell(row=row, column=column)
            cell.font = body_font
            cell.border = BOX
            cell.alignment = (
                WRAP_TOP
                if column in (2, 7)
                else Alignment(wrap_text=True, vertical="top", horizontal="center")
            )
        sheet.cell(row=row, column=1).value = n  # the row number is a number
        texts = [(plain, WIDTHS[1])] + [
            (str(v), w) for v, w in zip(values[2:], WIDTHS[2:], strict=True)
        ]
        fit_row(sheet, row, texts)
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"A{FIRST_TASK_ROW}"
    print_setup(sheet, f"{top}:{sub}")


def _tracking_sheet(sheet: Worksheet, plan: Plan, clean: Cleaning, today: date | None) -> None:
    sheet.title = "Theo dõi"
    head_font = Font(name=FONT, size=12, bold=True)
    body_font = Font(name=FONT, size=12)
    for column, (name, width) in enumerate(TRACKING_COLUMNS, start=1):
        text_cell(sheet, 1, column, name)
        cell = sheet.cell(row=1, column=column)
        cell.font, cell.alignment, cell.border = head_font, WRAP_CENTRE, BOX
        sheet.column_dimensions[get_column_letter(column)].width = width
    fit_row(sheet, 1, [(name, width) for name, width in TRACKING_COLUMNS])
    for n, task in enumerate(plan.chosen_tasks, start=1):
        row = n + 1
        where = f"nhiệm vụ {n}"
        due = task.dates(plan.period)[1]
        status = STATUS_LABELS[task.status]
        if today is not None and task.is_overdue(plan.period, today):
            status = f"{status} (quá hạn)"
        results = "; ".join(f"{r.count} {r.unit}" for r in task.results)
        values: list[str | int | date | None] = [
            n, clean(task.title, where), clean(task.finish_text, where), due, status,
            clean(results, where), clean(task.evidence, where), clean(task.notes, where),
        ]  # fmt: skip
        for column, value in enumerate(values, start=1):
            if isinstance(value, str):
                text_cell(sheet, row, column, value)
            else:
                sheet.cell(row=row, column=column).value = value
            cell = sheet.cell(row=row, column=column)
            cell.font, cell.alignment, cell.border = body_font, WRAP_TOP, BOX
            if column == 1:
                cell.alignment = Alignment(vertical="top", horizontal="center")
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
        fit_row(
            sheet, row,
            [(str(v), w) for v, (_, w) in zip(values, TRACKING_COLUMNS, strict=True)],
        )  # fmt: skip
    sheet.freeze_panes = "A2"
    if plan.chosen_tasks:
        sheet.auto_filter.ref = (
            f"A1:{get_column_letter(len(TRACKING_COLUMNS))}{len(plan.chosen_tasks) + 1}"
        )
    print_setup(sheet, "1:1")


def print_setup(sheet: Worksheet, title_rows: str) -> None:
    """A4 landscape, one page wide, header rows on every page, page numbers in the footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left, margins.right = 30 / 25.4, 15 / 25.4
    margins.top, margins.bottom = 20 / 25.4, 20 / 25.4
    margins.header, margins.footer = 0.3, 0.3
    footer = sheet.oddFooter
    assert footer is not None
    footer.center.text = "Trang &P/&N"
    footer.center.font = f"{FONT},Regular"
    footer.center.size = 11


def build_appendix_workbook(
    plan: Plan, office: Office, clean: Cleaning | None = None, today: date | None = None
) -> Workbook:
    clean = clean or Cleaning()
    workbook = Workbook()
    first = workbook.active
    assert isinstance(first, Worksheet)
    _appendix_sheet(first, plan, office, clean)
    _tracking_sheet(workbook.create_sheet(), plan, clean, today)
    workbook.properties.title = clean(plan.title)
    workbook.properties.creator = office.committee
    return workbook


def write_appendix_xlsx(
    plan: Plan, office: Office, target: Path, today: date | None = None
) -> list[str]:
    """Write the appendix workbook to ``target`` safely; returns warnings."""
    clean = Cleaning()
    workbook = build_appendix_workbook(plan, office, clean, today)
    write_atomically(target, lambda temp: workbook.save(str(temp)))
    return clean.warnings


__all__ = ["FORMULA_STARTS", "build_appendix_workbook", "write_appendix_xlsx"]
