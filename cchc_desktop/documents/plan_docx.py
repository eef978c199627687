"""The plan as a .docx in the national format, with its appendix in a landscape section."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from cchc_desktop.core.docdate import BLANK, date_line, number_line
from cchc_desktop.core.model import Office, Plan, Task
from cchc_desktop.core.outline import (
    Role,
    appendix_title,
    basis_lines,
    body_blocks,
    issuer_lines,
    recipient_lines,
)
from cchc_desktop.documents import layout, nd30
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.layout import APPENDIX_COLUMNS, TIME_HEADING, attachment_line
from cchc_desktop.documents.safe_write import write_atomically


def header_block(plan: Plan, office: Office, clean: Cleaning) -> nd30.HeaderBlock:
    return nd30.HeaderBlock(
        issuer_lines=[clean(line, "tên cơ quan") for line in issuer_lines(office)],
        number_line=number_line(clean(plan.number, "số văn bản"), plan.number_suffix),
        date_line=clean(
            date_line(office.date_place, plan.issued_on, plan.drafted_on, plan.period.year),
            "dòng địa danh, ngày tháng",
        ),
    )


def build_plan_document(plan: Plan, office: Office, clean: Cleaning | None = None) -> Document:
    """The whole plan as a python-docx Document."""
    clean = clean or Cleaning()
    document = nd30.new_document()
    document.core_properties.title = clean(plan.title)
    document.core_properties.author = office.committee
    nd30.add_header_block(document, header_block(plan, office, clean))

    nd30.add_title_block(document, "KẾ HOẠCH", clean(plan.summary, "trích yếu"))

    for line in basis_lines(plan):
        nd30.paragraph(document, clean(line, "căn cứ"), nd30.STYLE_BASIS)
    if plan.preamble:
        nd30.paragraph(document, clean(plan.preamble, "lời dẫn"), nd30.STYLE_BODY)

    for block in body_blocks(plan):
        text = clean(block.text, "nội dung kế hoạch")
        if block.role is Role.HEADING:
            style = nd30.STYLE_HEADING_1 if block.depth == 0 else nd30.STYLE_HEADING_2
        elif block.role is Role.CLOSING:
            style = nd30.STYLE_BODY
        else:
            style = nd30.STYLE_ITEM
        paragraph = nd30.paragraph(document, text, style)
        if block.role is Role.CLOSING:
            # Never a signature alone on a page: the closing paragraph goes with it.
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.keep_together = True

    nd30.add_signature_block(
        document,
        nd30.SignatureBlock(
            recipients=[clean(line, "nơi nhận") for line in recipient_lines(plan.recipients)],
            authority_lines=[
                clean(x) for x in (plan.signer.authority_lines if plan.signer else [])
            ],
            signer=clean(plan.signer.name if plan.signer else ""),
        ),
    )
    if plan.chosen_tasks:
        add_appendix(document, plan, office, clean)
    return document


def add_appendix(document: Document, plan: Plan, office: Office, clean: Cleaning) -> None:
    """A new landscape section: "Phụ lục", its title, the attachment line, the task table."""
    nd30.new_landscape_section(document)
    nd30.paragraph(document, "Phụ lục", nd30.STYLE_CENTRED, bold=True)
    nd30.paragraph(document, clean(appendix_title(plan, office)), nd30.STYLE_CENTRED, bold=True)
    attachment = attachment_line(plan, office)
    nd30.paragraph(document, attachment, nd30.STYLE_CENTRED, italic=True)
    nd30.rule(document, 4.0, layout.LANDSCAPE_TEXT_CM).paragraph_format.space_after = Pt(10)
    add_task_table(document, plan.chosen_tasks, clean)


def add_task_table(document: Document, tasks: list[Task], clean: Cleaning) -> None:
    widths = [w for _, w in APPENDIX_COLUMNS]
    table = nd30.fixed_table(document, 2 + len(tasks), widths, borders=True)
    top, sub = table.rows[0], table.rows[1]
    for row in (top, sub):
        nd30.keep_row_whole(row, header=True)
    for column, (name, _) in enumerate(APPENDIX_COLUMNS):
        if column in (3, 4):
            continue
        cell = top.cells[column].merge(sub.cells[column])
        _heading(cell, name)
    time_cell = top.cells[3].merge(top.cells[4])
    _heading(time_cell, TIME_HEADING)
    _heading(sub.cells[3], APPENDIX_COLUMNS[3][0])
    _heading(sub.cells[4], APPENDIX_COLUMNS[4][0])

    for n, task in enumerate(tasks, start=1):
        row = table.rows[n + 1]
        nd30.keep_row_whole(row)
        cells = [nd30.clear_cell(c) for c in row.cells]
        nd30.paragraph(cells[0], str(n), nd30.STYLE_TABLE, align=WD_ALIGN_PARAGRAPH.CENTER)
        where = f"nhiệm vụ {n}"
        nd30.paragraph(cells[1], clean(task.title, where), nd30.STYLE_TABLE, bold=True)
        for detail in task.details:
            nd30.paragraph(cells[1], "- " + clean(detail, where), nd30.STYLE_TABLE)
        centred = WD_ALIGN_PARAGRAPH.CENTER
        nd30.paragraph(cells[2], clean(task.output, where), nd30.STYLE_TABLE, align=centred)
        nd30.paragraph(cells[3], clean(task.start_text, where), nd30.STYLE_TABLE, align=centred)
        nd30.paragraph(cells[4], clean(task.finish_text, where), nd30.STYLE_TABLE, align=centred)
        nd30.paragraph(cells[5], clean(task.lead_unit, where), nd30.STYLE_TABLE, align=centred)
        nd30.paragraph(cells[6], clean(task.supporting_units, where), nd30.STYLE_TABLE)


def _heading(cell: object, text: str) -> None:
    cell = nd30.clear_cell(cell)  # type: ignore[arg-type]
    nd30.paragraph(cell, text, nd30.STYLE_TABLE_HEAD)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def write_plan_docx(plan: Plan, office: Office, target: Path) -> list[str]:
    """Write the plan to ``target`` safely; returns warnings (characters removed, …)."""
    clean = Cleaning()
    document = build_plan_document(plan, office, clean)
    write_atomically(target, lambda temp: document.save(str(temp)))
    return clean.warnings


__all__ = ["BLANK", "build_plan_document", "write_plan_docx"]
