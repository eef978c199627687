"""The appendix as a print-ready .xlsx: the task table, and a tracking sheet for internal use."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cchc_desktop.core.cleaning import printable
from cchc_desktop.core.interchange import PlanHistory
from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.outline import Appendix, Cell, Outline, Table, plan_outline
from cchc_desktop.core.tracking import is_overdue, status_text
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.layout import FONT, LANDSCAPE_TEXT_CM, column_widths
from cchc_desktop.documents.plan_package import embed_plan_data
from cchc_desktop.documents.safe_write import write_atomically
from cchc_desktop.documents.sheets import (
    BOX,
    IN_DOCX,
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
FORMULA_STARTS = ("=", "+", "-", "@")  # never a formula: text cells are written as text

_BOLD, _REGULAR = InlineFont(rFont=FONT, sz=12, b=True), InlineFont(rFont=FONT, sz=12, b=False)


def _rich(cell: Cell, clean: Cleaning, where: str) -> tuple[str, str | CellRichText]:
    """A cell's paragraphs as text, bold runs kept (a task's title above its dash lines)."""
    lines = [(clean(text, where), bold) for text, bold in cell.lines]
    plain = "\n".join(text for text, _ in lines)
    if not any(bold for _, bold in lines):
        return plain, plain
    blocks = [
        TextBlock(_BOLD if bold else _REGULAR, ("\n" if i else "") + text)
        for i, (text, bold) in enumerate(lines)
    ]
    return plain, CellRichText(blocks)


def _appendix_sheet(sheet: Worksheet, appendix: Appendix, cells: Cells) -> None:
    """The appendix as printed in the .docx: label, title, attachment line, the table with its
    header rows repeated on every page."""
    sheet.title = "Phụ lục"
    clean = cells.clean
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
        cells.text(sheet, row, 1, text, Look(font, WRAP_CENTRE))
        fit_row(sheet, row, [(text, sum(widths))], size=14)

    top = len(headings) + 2
    head = table.head_rows()
    head_look = Look(Font(name=FONT, size=12, bold=True), WRAP_CENTRE, BOX)
    for r, head_cells in enumerate(head):
        for text, first, span, down in head_cells:
            cells.text(sheet, top + r, first + 1, text)
            if span > 1 or down > 1:
                sheet.merge_cells(
                    start_row=top + r, start_column=first + 1,
                    end_row=top + r + down - 1, end_column=first + span,
                )  # fmt: skip
    for row in range(top, top + len(head)):
        for column in range(1, len(table.columns) + 1):
            head_look.apply(sheet.cell(row=row, column=column))
        fit_row(sheet, row, [(c.heading, w) for c, w in zip(table.columns, widths, strict=True)])
    first_row = top + len(head)
    body_font = Font(name=FONT, size=12)
    looks = [
        Look(body_font, Alignment(wrap_text=True, vertical="top", horizontal=c.align), BOX)
        for c in table.columns
    ]
    rows = cells.rows(sheet, first_row)
    for n, row_cells in enumerate(table.rows, start=1):
        where = f"nhiệm vụ {n}"
        values: list[tuple[Value, Look]] = []
        texts = []
        for content, spec, width, look in zip(row_cells, table.columns, widths, looks, strict=True):
            plain, value = _rich(content, clean, where)
            texts.append((plain, width))
            number = spec.key == "number" and plain.isdigit()
            values.append((int(plain) if number else value, look))  # a number stays one
        rows.add(values, row_height(texts), where=where, full_text=IN_DOCX)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"A{first_row}"
    print_setup(sheet, f"{top}:{first_row - 1}")


def _char_widths(table: Table) -> list[int]:
    """Column widths in characters from the columns' weights: together A4 landscape at 12 pt."""
    return [max(4, round(w * PAGE_CHARS / LANDSCAPE_TEXT_CM)) for w in
            column_widths([c.weight for c in table.columns], LANDSCAPE_TEXT_CM)]  # fmt: skip


def _tracking_sheet(sheet: Worksheet, plan: Plan, cells: Cells, today: date | None) -> None:
    sheet.title = "Theo dõi"
    clean = cells.clean
    head_look = Look(Font(name=FONT, size=12, bold=True), WRAP_CENTRE, BOX)
    body_font = Font(name=FONT, size=12)
    number_look = Look(body_font, TOP_CENTRE, BOX)
    text_look = Look(body_font, WRAP_TOP, BOX)
    date_look = Look(body_font, WRAP_TOP, BOX, "DD/MM/YYYY")
    for column, (name, width) in enumerate(TRACKING_COLUMNS, start=1):
        cells.text(sheet, 1, column, name, head_look)
        sheet.column_dimensions[get_column_letter(column)].width = width
    fit_row(sheet, 1, [(name, width) for name, width in TRACKING_COLUMNS])
    rows = cells.rows(sheet, 2)
    for n, task in enumerate(plan.chosen_tasks, start=1):
        where = f"nhiệm vụ {n}"
        due = task.due(plan.period)  # as stored when the task was saved
        overdue = today is not None and is_overdue(task.status, due, today)
        status = status_text(task.status, overdue)
        results = "; ".join(f"{r.count} {r.unit}" for r in task.results)
        texts = [
            clean(task.title, where), clean(task.finish_text, where), status,
            clean(results, where), clean(task.evidence, where), clean(task.notes, where),
        ]  # fmt: skip
        values: list[tuple[Value, Look]] = [
            (n, number_look),
            (texts[0], text_look),
            (texts[1], text_look),
            (due, text_look if due is None else date_look),
            *((text, text_look) for text in texts[2:]),
        ]
        shown = [str(n), texts[0], texts[1], str(due), *texts[2:]]
        rows.add(
            values,
            row_height([(t, w) for t, (_, w) in zip(shown, TRACKING_COLUMNS, strict=True)]),
            where=where,
        )
    sheet.freeze_panes = "A2"
    if plan.chosen_tasks:
        sheet.auto_filter.ref = (
            f"A1:{get_column_letter(len(TRACKING_COLUMNS))}{len(plan.chosen_tasks) + 1}"
        )
    print_setup(sheet, "1:1")


def _workbook(
    plan: Plan, office: Office, cells: Cells, today: date | None, outline: Outline | None
) -> Workbook:
    outline = outline or plan_outline(plan, office)
    cells.clean.note(outline.notes)
    plan, _ = printable(plan, "kế hoạch")  # the tracking sheet reads the tasks themselves
    workbook = new_workbook()
    first = workbook.active
    assert isinstance(first, Worksheet)
    if outline.appendix is not None:
        _appendix_sheet(first, outline.appendix, cells)
        _tracking_sheet(workbook.create_sheet(), plan, cells, today)
    else:
        _tracking_sheet(first, plan, cells, today)
    workbook.properties.title = cells.clean(outline.title)
    workbook.properties.creator = outline.author
    return workbook


def write_appendix_xlsx(
    plan: Plan,
    office: Office,
    target: Path,
    today: date | None = None,
    history: PlanHistory | None = None,
    *,
    outline: Outline | None = None,
) -> list[str]:
    """Write the appendix workbook to ``target`` safely, the plan's data (with its tasks'
    ``history``) hidden inside for moving and consolidating; returns warnings (characters
    removed, cells cut at Excel's limit). ``outline``: the plan's, when it is built already."""
    cells = Cells(Cleaning())
    workbook = _workbook(plan, office, cells, today, outline)
    embed_plan_data(workbook, plan, office, history, cells)
    write_atomically(target, lambda temp: cells.save(workbook, temp))
    return cells.clean.warnings


__all__ = ["FORMULA_STARTS", "write_appendix_xlsx"]
