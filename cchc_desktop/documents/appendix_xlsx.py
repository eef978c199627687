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

from cchc_desktop.core.interchange import PlanHistory
from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.outline import Appendix, Cell, Table, plan_outline
from cchc_desktop.core.tracking import is_overdue, status_text
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.layout import FONT, LANDSCAPE_TEXT_CM, column_widths
from cchc_desktop.documents.plan_package import embed_plan_data
from cchc_desktop.documents.safe_write import write_atomically

PAGE_CHARS = 143  # characters of 12 pt across A4 landscape, the sum of the column widths
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


def _rich(cell: Cell, clean: Cleaning, where: str) -> tuple[str, str | CellRichText]:
    """A cell's paragraphs as text, bold runs kept (a task's title above its dash lines)."""
    lines = [(clean(text, where), bold) for text, bold in cell.lines]
    plain = "\n".join(text for text, _ in lines)
    if not any(bold for _, bold in lines):
        return plain, plain
    blocks = [
        TextBlock(InlineFont(rFont=FONT, sz=12, b=bold), ("\n" if i else "") + text)
        for i, (text, bold) in enumerate(lines)
    ]
    return plain, CellRichText(blocks)


def _appendix_sheet(sheet: Worksheet, appendix: Appendix, clean: Cleaning) -> None:
    """The appendix as printed in the .docx: label, title, attachment line, the table with its
    header rows repeated on every page."""
    sheet.title = "Phụ lục"
    table = appendix.table
    widths = _char_widths(table)
    last = get_column_letter(len(table.columns))
    headings = [
        (appendix.label, Font(name=FONT, size=14, bold=True)),
        *((clean(line), Font(name=FONT, size=13, bold=True)) for line in appendix.title),
        (clean(appendix.attachment), Font(name=FONT, size=13, italic=True)),
    ]
    for row, (text, font) in enumerate(headings, start=1):
        sheet.merge_cells(f"A{row}:{last}{row}")
        text_cell(sheet, row, 1, text)
        cell = sheet.cell(row=row, column=1)
        cell.font = font
        cell.alignment = WRAP_CENTRE
        fit_row(sheet, row, [(text, sum(widths))], size=14)

    top = len(headings) + 2
    head = table.head_rows()
    head_font = Font(name=FONT, size=12, bold=True)
    for r, head_cells in enumerate(head):
        for text, first, span, down in head_cells:
            text_cell(sheet, top + r, first + 1, text)
            if span > 1 or down > 1:
                sheet.merge_cells(
                    start_row=top + r, start_column=first + 1,
                    end_row=top + r + down - 1, end_column=first + span,
                )  # fmt: skip
    for row in range(top, top + len(head)):
        for column in range(1, len(table.columns) + 1):
            cell = sheet.cell(row=row, column=column)
            cell.font = head_font
            cell.alignment = WRAP_CENTRE
            cell.border = BOX
        fit_row(sheet, row, [(c.heading, w) for c, w in zip(table.columns, widths, strict=True)])
    first_row = top + len(head)
    body_font = Font(name=FONT, size=12)
    for n, cells in enumerate(table.rows):
        row = first_row + n
        where = f"nhiệm vụ {n + 1}"
        texts = []
        for column, (content, spec) in enumerate(zip(cells, table.columns, strict=True), start=1):
            plain, value = _rich(content, clean, where)
            texts.append((plain, widths[column - 1]))
            if spec.key == "number" and plain.isdigit():
                sheet.cell(row=row, column=column).value = int(plain)  # a number stays one
            else:
                text_cell(sheet, row, column, value)
            cell = sheet.cell(row=row, column=column)
            cell.font = body_font
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal=spec.align)
        fit_row(sheet, row, texts)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"A{first_row}"
    print_setup(sheet, f"{top}:{first_row - 1}")


def _char_widths(table: Table) -> list[int]:
    """Column widths in characters from the columns' weights: together A4 landscape at 12 pt."""
    return [max(4, round(w * PAGE_CHARS / LANDSCAPE_TEXT_CM)) for w in
            column_widths([c.weight for c in table.columns], LANDSCAPE_TEXT_CM)]  # fmt: skip


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
        due = task.due(plan.period)  # as stored when the task was saved
        overdue = today is not None and is_overdue(task.status, due, today)
        status = status_text(task.status, overdue)
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
    outline = plan_outline(plan, office)
    workbook = Workbook()
    first = workbook.active
    assert isinstance(first, Worksheet)
    if outline.appendix is not None:
        _appendix_sheet(first, outline.appendix, clean)
        _tracking_sheet(workbook.create_sheet(), plan, clean, today)
    else:
        _tracking_sheet(first, plan, clean, today)
    workbook.properties.title = clean(outline.title)
    workbook.properties.creator = outline.author
    return workbook


def write_appendix_xlsx(
    plan: Plan,
    office: Office,
    target: Path,
    today: date | None = None,
    history: PlanHistory | None = None,
) -> list[str]:
    """Write the appendix workbook to ``target`` safely, the plan's data (with its tasks'
    ``history``) hidden inside for moving and consolidating; returns warnings."""
    clean = Cleaning()
    workbook = build_appendix_workbook(plan, office, clean, today)
    embed_plan_data(workbook, plan, office, history)
    write_atomically(target, lambda temp: workbook.save(str(temp)))
    return clean.warnings


__all__ = ["FORMULA_STARTS", "build_appendix_workbook", "write_appendix_xlsx"]
