"""The progress report (báo cáo kết quả) as a .docx in the national format, built on nd30."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import _Cell

from cchc_desktop.core.docdate import date_line, number_line
from cchc_desktop.core.numbering import roman
from cchc_desktop.core.outline import issuer_lines, recipient_lines
from cchc_desktop.core.report import DOC_TYPE, REPORT_SUFFIX, Report, ReportData
from cchc_desktop.core.text import capitalise_first, vn_upper
from cchc_desktop.documents import nd30
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.safe_write import write_atomically

FIGURES_TITLE = "Bảng tổng hợp số liệu"
FIGURES_COLUMNS = (("TT", 1.2), ("Nội dung", 9.3), ("Đơn vị tính", 2.8), ("Số lượng", 3.2))
TASKS_UNIT = "nhiệm vụ"
PRODUCTS_HEADING = "Sản phẩm tuyên truyền (lũy kế đến thời điểm báo cáo)"


def header_block(report: Report, clean: Cleaning) -> nd30.HeaderBlock:
    text, office = report.text, report.office
    return nd30.HeaderBlock(
        issuer_lines=[clean(line, "tên cơ quan") for line in issuer_lines(office)],
        number_line=number_line(clean(text.number, "số văn bản"), REPORT_SUFFIX),
        date_line=clean(
            date_line(office.date_place, text.issued_on, text.drafted_on, report.data.report.year),
            "dòng địa danh, ngày tháng",
        ),
    )


def figure_rows(data: ReportData) -> list[tuple[str, str, str, int | None]]:
    """(TT, what, unit, count): the status tally, then the results added up by unit."""
    c = data.counts
    rows: list[tuple[str, str, str, int | None]] = [
        ("1", "Nhiệm vụ đến kỳ thực hiện", TASKS_UNIT, c.total),
        ("", "- Đã hoàn thành", TASKS_UNIT, c.done),
        ("", "- Đang thực hiện", TASKS_UNIT, c.in_progress),
        ("", "- Chưa thực hiện", TASKS_UNIT, c.not_started),
        ("", "- Không thực hiện", TASKS_UNIT, c.dropped),
        ("", "- Quá hạn (trong số chưa hoàn thành)", TASKS_UNIT, c.overdue),
    ]
    if data.totals:
        rows.append(("2", PRODUCTS_HEADING, "", None))
        rows += [("", f"- {capitalise_first(t.unit)}", t.unit, t.count) for t in data.totals]
    return rows


def add_figures_table(document: Document, data: ReportData) -> None:
    title = nd30.paragraph(document, FIGURES_TITLE, nd30.STYLE_CENTRED, bold=True)
    title.paragraph_format.space_before = Pt(6)
    title.paragraph_format.space_after = Pt(4)
    title.paragraph_format.keep_with_next = True
    rows = figure_rows(data)
    widths = [w for _, w in FIGURES_COLUMNS]
    table = nd30.fixed_table(document, 1 + len(rows), widths, borders=True)
    nd30.keep_row_whole(table.rows[0], header=True)
    for cell, (name, _) in zip(table.rows[0].cells, FIGURES_COLUMNS, strict=True):
        _heading(cell, name)
    centred, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    for row, (number, what, unit, count) in zip(table.rows[1:], rows, strict=True):
        nd30.keep_row_whole(row)
        cells = [nd30.clear_cell(c) for c in row.cells]
        nd30.paragraph(cells[0], number, nd30.STYLE_TABLE, align=centred)
        nd30.paragraph(cells[1], what, nd30.STYLE_TABLE, bold=bool(number))
        nd30.paragraph(cells[2], unit, nd30.STYLE_TABLE, align=centred)
        shown = "" if count is None else f"{count:,}".replace(",", ".")
        nd30.paragraph(cells[3], shown, nd30.STYLE_TABLE, align=right)
    nd30.paragraph(document, "", nd30.STYLE_BODY)


def _heading(cell: _Cell, text: str) -> None:
    cell = nd30.clear_cell(cell)
    nd30.paragraph(cell, text, nd30.STYLE_TABLE_HEAD)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _lines(document: Document, text: str, clean: Cleaning, where: str) -> None:
    """One paragraph per line; "- " lines are dash items, like the plan's."""
    for line in text.splitlines():
        line = clean(line.rstrip(), where)
        if not line.strip():
            continue
        style = nd30.STYLE_ITEM if line.lstrip().startswith("- ") else nd30.STYLE_BODY
        nd30.paragraph(document, line.strip(), style)


def build_report_document(
    report: Report, clean: Cleaning | None = None, *, figures: bool = True
) -> Document:
    """The whole report as a python-docx Document."""
    clean = clean or Cleaning()
    text = report.text
    document = nd30.new_document()
    document.core_properties.title = clean(f"Báo cáo {text.summary[:1].lower()}{text.summary[1:]}")
    document.core_properties.author = report.office.committee
    nd30.add_header_block(document, header_block(report, clean))
    nd30.add_title_block(document, DOC_TYPE, clean(text.summary, "trích yếu"))
    _lines(document, text.intro, clean, "lời dẫn")
    for n, section in enumerate(text.sections, start=1):
        heading = clean(section.heading.strip(), "đề mục")
        nd30.paragraph(document, f"{roman(n)}. {vn_upper(heading)}", nd30.STYLE_HEADING_1)
        _lines(document, section.text, clean, f"mục {roman(n)}")
        if n == 1 and figures:
            add_figures_table(document, report.data)
    if text.closing.strip():
        closing = nd30.paragraph(document, clean(text.closing.strip(), "đoạn kết"), nd30.STYLE_BODY)
        closing.paragraph_format.keep_with_next = True
        closing.paragraph_format.keep_together = True
    nd30.add_signature_block(
        document,
        nd30.SignatureBlock(
            recipients=[clean(line, "nơi nhận") for line in recipient_lines(text.recipients)],
            authority_lines=[clean(x) for x in report.signer_lines],
            signer=clean(report.signer_name),
        ),
    )
    return document


def write_report_docx(report: Report, target: Path, *, figures: bool = True) -> list[str]:
    """Write the report to ``target`` safely; returns warnings (characters removed, …)."""
    clean = Cleaning()
    document = build_report_document(report, clean, figures=figures)
    write_atomically(target, lambda temp: document.save(str(temp)))
    return clean.warnings


__all__ = ["build_report_document", "figure_rows", "write_report_docx"]
