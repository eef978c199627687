"""Big plans: the documents of a plan of thousands of tasks hold every task, in order, and the
fast paths that write them produce what the libraries' own calls would."""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import replace
from datetime import date
from html import escape

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree

from cchc_desktop.core.model import Task
from cchc_desktop.core.outline import Cell, Column, Role, plan_outline
from cchc_desktop.documents import nd30
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.layout import LANDSCAPE_TEXT_CM
from tests.documents.paper import LEFT_PT, read_pdf


def copies(tasks: list[Task], count: int) -> list[Task]:
    """``count`` tasks made from ``tasks`` in turn, each numbered in its title."""
    return [
        dataclasses.replace(
            tasks[i % len(tasks)],
            uid=f"u{i}",
            id=None,
            title=f"Việc {i + 1}: {tasks[i % len(tasks)].title}",
        )
        for i in range(count)
    ]


ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
TEXTS = ["Tin, bài", "  hai đầu  ", "   ", "\t", "cột\tcột", "dòng\nmới\r\nnữa", "<&> \"'", ""]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    ("role", "bold", "align"),
    [
        (Role.TABLE_CELL, None, None),
        (Role.TABLE_CELL, True, "left"),
        (Role.TABLE_HEAD, False, "center"),
        (Role.PREAMBLE, None, "justify"),
    ],
)
def test_a_paragraph_is_written_as_python_docx_writes_it(text, role, bold, align):
    writer = nd30.Writer(Cleaning())
    document = writer.document
    fast = writer.paragraph(document, text, role, bold=bold, align=align)
    slow = document.add_paragraph(style=nd30.STYLE_NAMES[role])
    if align is not None:
        slow.alignment = ALIGN[align]
    if text:
        run = slow.add_run(text)
        if bold is not None and bold != nd30.SPECS[role].bold:
            run.bold = bold
    assert etree.tostring(fast._p) == etree.tostring(slow._p)
    assert fast.text == slow.text
    assert document.paragraphs[-2]._p is fast._p  # in order, before the section properties


# --- the app's own PDF: rows drawn by hand where Qt's table layout puts them ---------------

ODD_TEXTS = [
    "  nhiều   khoảng\ttrắng\nvà\r\nxuống dòng  ",
    "em\u2003space, nb\u00a0sp, ls\u2028x, ps\u2029x",
    "",
    "x" * 120,  # one word wider than its column
    "Ủy ban nhân dân xã; Trung tâm Phục vụ hành chính công " * 4,
]


def odd_plan(plan):
    """The sample's tasks, then tasks whose every field is one of ODD_TEXTS."""
    odd = [
        dataclasses.replace(
            plan.chosen_tasks[0], uid=f"odd{i}", id=None, title=text, details=[text, ""],
            output=text, start_text=text, finish_text=text, lead_unit=text,
            supporting_units=text,
        )
        for i, text in enumerate(ODD_TEXTS)
    ]  # fmt: skip
    plan.tasks = plan.chosen_tasks + odd
    return plan


@pytest.mark.parametrize("text", [*ODD_TEXTS, " lead", "trail ", "\x85nel", "\u202fnarrow"])
def test_a_cell_shows_the_words_qt_makes_of_the_raw_text(qapp, text):
    """The rows drawn by hand show ``cell_text``: what Qt's HTML makes of the typed text."""
    from PySide6.QtGui import QTextDocument, QTextTable

    from cchc_desktop.render.outline_html import LINE_BREAK, cell_text, row_html

    lines = ((text, True), ("- " + text, False), (text, False))
    ours = QTextDocument()
    ours.setHtml(f"<table>{row_html((Cell(lines),), (Column('a', 'A', 1.0),))}</table>")
    raw = QTextDocument()
    raw.setHtml("<table><tr><td><b>{0}</b><br>- {0}<br>{0}</td></tr></table>".format(escape(text)))
    assert ours.toPlainText() == raw.toPlainText()
    table = next(f for f in ours.rootFrame().childFrames() if isinstance(f, QTextTable))
    cell = table.cellAt(0, 0)
    block, shown = cell.firstCursorPosition().block(), []
    while block.isValid() and block.position() <= cell.lastCursorPosition().position():
        shown.append(block.text())
        block = block.next()
    assert LINE_BREAK.join(shown) == LINE_BREAK.join(cell_text(t) for t, _ in lines)


def test_rows_drawn_by_hand_are_as_tall_as_qt_lays_them_out(qapp, sample, tmp_path):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPdfWriter, QTextTable

    from cchc_desktop.render.long_table import RowMaker
    from cchc_desktop.render.outline_html import Scale, table_html, table_rows_html
    from cchc_desktop.render.paged import LAYOUT_DPI, Sheet, appendix_grid, cell_font

    plan, office = sample
    table = plan_outline(odd_plan(plan), office).appendix.table
    device = QPdfWriter(str(tmp_path / "x.pdf"))
    device.setResolution(LAYOUT_DPI)
    sheet = Sheet(device, Scale(96 / 72), QSizeF(952, 100_000))
    rows = table_rows_html(table)
    document = sheet.layout(table_html(table, sheet.scale, rows, LANDSCAPE_TEXT_CM))
    qt_table = next(f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable))
    head = len(table.head_rows())
    tops = [
        document.documentLayout()
        .blockBoundingRect(qt_table.cellAt(head + r, 0).firstCursorPosition().block())
        .top()
        for r in range(len(table.rows))
    ]
    maker = RowMaker(device, cell_font(), table.columns, appendix_grid(table, sheet))
    heights = [maker.row(cells).height for cells in table.rows]
    assert [b - a for a, b in itertools.pairwise(tops)] == heights[:-1]
    empty = sheet.layout(table_html(table, sheet.scale, [], LANDSCAPE_TEXT_CM))
    assert document.size().height() == empty.size().height() + sum(heights)


def test_a_long_appendix_prints_every_task_once_in_order_under_its_header(qapp, sample, tmp_path):
    from cchc_desktop.render.paged import write_plan_pdf

    plan, office = sample
    count = 150
    plan.tasks = copies(plan.chosen_tasks, count)
    target = tmp_path / "KH.pdf"
    write_plan_pdf(plan, office, target)
    landscape = [p for p in read_pdf(target) if p.landscape]
    numbers = []
    for page in landscape:
        assert page.find("Nội dung nhiệm vụ") and page.find("Triển khai")
        first_column = [w for w in page.words if w.x1 < LEFT_PT + 1.1 / 2.54 * 72]
        numbers += [int(w.text) for w in first_column if w.text.isdigit()]
    assert numbers == list(range(1, count + 1))
    assert len(landscape) > count // 5  # pages of a few rows each: many page breaks crossed


# --- thousands of tasks: every one, in order, in every document ----------------------------


def test_a_plan_of_3000_tasks_keeps_every_task_in_order_in_the_docx_and_the_xlsx(sample, tmp_path):
    import docx
    import openpyxl

    from cchc_desktop.documents.appendix_xlsx import write_appendix_xlsx
    from cchc_desktop.documents.plan_docx import write_plan_docx

    plan, office = sample
    count = 3000
    plan.tasks = copies(plan.chosen_tasks, count)
    titles = [t.title for t in plan.tasks]
    assert write_plan_docx(plan, office, tmp_path / "KH.docx") == []
    write_appendix_xlsx(plan, office, tmp_path / "KH.xlsx")

    table = docx.Document(str(tmp_path / "KH.docx")).tables[-1]
    body = table.rows[2:]  # under the two header rows
    assert [row.cells[0].text for row in body] == [str(n) for n in range(1, count + 1)]
    assert [row.cells[1].paragraphs[0].text for row in body] == titles
    assert all(row.cells[1].paragraphs[0].runs[0].bold for row in body)

    workbook = openpyxl.load_workbook(tmp_path / "KH.xlsx")
    appendix, tracking = workbook["Phụ lục"], workbook["Theo dõi"]
    assert appendix.max_row == 6 + count and tracking.max_row == 1 + count
    assert [appendix.cell(6 + n, 1).value for n in range(1, count + 1)] == list(range(1, count + 1))
    assert [
        str(appendix.cell(6 + n, 2).value).split("\n")[0] for n in range(1, count + 1)
    ] == titles
    assert [tracking.cell(1 + n, 2).value for n in range(1, count + 1)] == titles
    assert tracking.auto_filter.ref == f"A1:H{count + 1}"


def test_a_report_of_3000_tasks_lists_each_task_once_and_adds_them_all_up(sample, tmp_path):
    import openpyxl

    from cchc_desktop.core.deadlines import parse_report_period
    from cchc_desktop.core.report import build_report
    from cchc_desktop.core.tracking import TrackedTask, result_count
    from cchc_desktop.documents.package import export_report
    from cchc_desktop.documents.report_xlsx import (
        FIGURES_SHEET,
        HEADER_ROW,
        TASK_SHEET,
        TOTAL_LABEL,
    )

    plan, office = sample
    count = 3000
    plan.tasks = copies(plan.chosen_tasks, count)
    for i, task in enumerate(plan.tasks, start=1):
        task.id = i
    tracked = [TrackedTask(t, *t.dates(plan.period), position=i) for i, t in enumerate(plan.tasks)]
    report = build_report(
        plan, office, tracked, parse_report_period("h2", plan.period), date(2025, 10, 15), {}
    )
    files = export_report(report, tmp_path).files

    sheet = openpyxl.load_workbook(files[1])[TASK_SHEET]
    numbers = [sheet.cell(r, 1).value for r in range(HEADER_ROW + 1, HEADER_ROW + 1 + count)]
    assert numbers == list(range(1, count + 1))
    total = HEADER_ROW + 1 + count
    assert sheet.cell(total, 2).value == TOTAL_LABEL
    tin = sum(result_count(t.results, "tin") for t in plan.tasks)
    assert sheet.cell(total, 7).value.startswith(f"{tin:,} tin, ".replace(",", ".", 1))
    figures = openpyxl.load_workbook(files[1])[FIGURES_SHEET]
    assert next(r[4].value for r in figures.iter_rows() if r[1].value == "- Tin") == tin


@pytest.mark.parametrize(
    "shape",
    ["grouped", "flat", "wrapped"],
)
@pytest.mark.parametrize("zoom", [1, 3])
def test_a_header_drawn_by_hand_is_pixel_for_pixel_the_header_qt_draws(
    qapp, sample, tmp_path, shape, zoom
):
    """Later pages of the appendix draw its header without Qt's table painter: the same
    words in the same places, the same borders (a grouped header, a flat one, headings on
    several lines), at the layout's resolution and three times it."""
    from PySide6.QtCore import QSizeF, Qt
    from PySide6.QtGui import QImage, QPainter, QPdfWriter

    from cchc_desktop.render.long_table import DrawnHeader
    from cchc_desktop.render.outline_html import Scale, table_html
    from cchc_desktop.render.paged import LAYOUT_DPI, Sheet, _paint_page, appendix_grid

    plan, office = sample
    table = plan_outline(plan, office).appendix.table
    if shape == "flat":
        table = replace(table, columns=tuple(replace(c, group="") for c in table.columns))
    if shape == "wrapped":
        table = replace(
            table,
            columns=tuple(
                replace(c, heading=f"{c.heading} của cơ quan, đơn vị trong kế hoạch năm")
                for c in table.columns
            ),
        )
    device = QPdfWriter(str(tmp_path / "x.pdf"))
    device.setResolution(LAYOUT_DPI)
    sheet = Sheet(device, Scale(96 / 72), QSizeF(952, 600))
    heading = sheet.layout(table_html(table, sheet.scale, [], LANDSCAPE_TEXT_CM))
    top_aligned = sheet.layout(table_html(table, sheet.scale, [], LANDSCAPE_TEXT_CM, "top"))
    drawn = DrawnHeader.measure(heading, top_aligned, appendix_grid(table, sheet))
    if shape == "wrapped":
        assert heading.size().height() > 120  # headings of three lines and more

    def image(paint) -> QImage:
        size = heading.size()
        picture = QImage(
            int((size.width() + 4) * zoom), int((size.height() + 4) * zoom),
            QImage.Format.Format_RGB32,
        )  # fmt: skip
        picture.fill(Qt.GlobalColor.white)
        painter = QPainter(picture)
        painter.scale(zoom, zoom)
        painter.setPen(Qt.GlobalColor.black)
        paint(painter)
        painter.end()
        return picture

    by_qt = image(lambda p: _paint_page(p, heading, 0, heading.pageSize()))
    by_hand = image(drawn.paint)
    assert by_hand == by_qt
    dark = sum(
        1
        for y in range(0, by_qt.height(), zoom)
        for x in range(0, by_qt.width(), zoom)
        if by_qt.pixelColor(x, y).lightness() < 128
    )
    assert dark > 2000  # borders and words, not two blank pictures


def test_the_docx_written_holds_the_document_built_with_every_row(sample, template, tmp_path):
    """write_docx puts the table rows into the file as text, not through python-docx: the
    file holds exactly the document build_document makes, tricky texts included."""
    import docx

    from cchc_desktop.core.report import report_outline
    from tests.documents.test_report import sample_report
    from tests.store.saved_sample import saved_sample

    plan, office = sample
    report = sample_report(saved_sample(template))
    for name, outline in [
        ("plan", plan_outline(odd_plan(plan), office)),
        ("report", report_outline(report)),
    ]:
        target = tmp_path / f"{name}.docx"
        nd30.write_docx(outline, target)
        written = docx.Document(str(target))
        built = nd30.build_document(outline)
        assert etree.tostring(written.element.body) == etree.tostring(built.element.body), name
        assert max(len(t.rows) for t in written.tables) > 5
