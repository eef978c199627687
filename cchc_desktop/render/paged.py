"""Painting the plan onto pages — a PDF file or a printer — with Qt's text engine.

The body is laid out on A4 portrait, the appendix on A4 landscape; page numbers are drawn
centred in the top margin from the second page of each part, the appendix counting from 1.
Works on a PC without Word or LibreOffice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextDocument,
)

from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.outline import Block, Cell, Outline, Role, Table, plan_outline
from cchc_desktop.documents.layout import (
    FONT,
    LANDSCAPE_TEXT_CM,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_NUMBER_PT,
    SPECS,
)
from cchc_desktop.documents.safe_write import write_atomically
from cchc_desktop.render.long_table import DrawnHeader, Grid, Row, RowMaker, paint_rows
from cchc_desktop.render.outline_html import (
    Scale,
    appendix_title_html,
    body_html,
    row_html,
    table_html,
)

# Qt draws rules and table borders one device pixel wide: at 96 dpi that is 0.75 pt, the
# weight of a printed rule. Text stays vector in the PDF whatever the resolution.
LAYOUT_DPI = 96
# A table as wide as the text area has its right border centred on the area's edge, half of
# it beyond: the clip that keeps a page's lines on their page lets that half through.
BORDER_SLACK = 2.0


def _print_palette() -> QPalette:
    """Text and rules in black, whatever the desktop's colours."""
    black, white = QBrush(Qt.GlobalColor.black), QBrush(Qt.GlobalColor.white)
    # windowText, button, light, dark, mid, text, brightText, base, window
    return QPalette(black, white, white, black, black, black, white, white, white)


PRINT_PALETTE = _print_palette()


@dataclass(frozen=True, slots=True)
class Sheet:
    """What a part is laid out for: the device, the scale of its pixels and the text area of
    its pages (the paper less the decree's margins)."""

    device: QPaintDevice
    scale: Scale
    size: QSizeF

    def layout(self, html: str) -> QTextDocument:
        return _document(self.device, html, self.size)


class Piece(Protocol):
    """Content laid out for one page or more."""

    @property
    def pages(self) -> int: ...

    def paint(self, painter: QPainter, page: int) -> None:
        """Page ``page`` of this piece, in text-area coordinates."""


@dataclass(frozen=True, slots=True)
class Flow:
    """HTML laid out by Qt, over as many pages as it needs."""

    document: QTextDocument

    @property
    def pages(self) -> int:
        return self.document.pageCount()

    def paint(self, painter: QPainter, page: int) -> None:
        _paint_page(painter, self.document, page, self.document.pageSize())


@dataclass(frozen=True, slots=True)
class TablePage:
    """A page of the appendix: its heading (the table's header, under the appendix's title
    on the first page) drawn by Qt, then rows drawn by hand below it."""

    heading: QTextDocument
    grid: Grid
    rows_top: float  # in the heading's coordinates: the first row's top border
    rows: list[Row]
    drawn: DrawnHeader | None = None  # the heading, when it is the header alone

    @property
    def pages(self) -> int:
        return 1

    def paint(self, painter: QPainter, page: int) -> None:
        size = self.heading.pageSize()
        if self.drawn is None:
            _paint_page(painter, self.heading, 0, size)
        painter.save()
        painter.setClipRect(QRectF(0, 0, size.width() + BORDER_SLACK, size.height()))
        painter.setPen(Qt.GlobalColor.black)
        if self.drawn is not None:
            self.drawn.paint(painter)
        paint_rows(painter, self.grid, self.rows, self.rows_top)
        painter.restore()


@dataclass(frozen=True, slots=True)
class Part:
    """A run of pages with one orientation, numbered on its own."""

    orientation: QPageLayout.Orientation
    pages: Callable[[Sheet], Iterable[Piece]]


def body_pages(outline: Outline, sheet: Sheet) -> list[Piece]:
    """The body as one flow, except that the closing paragraph moves to the signature's page
    when the page break would otherwise leave the signature alone."""
    html = body_html(outline, sheet.scale)
    document = sheet.layout(html)
    closing = next(
        (b.text for b in outline.body if isinstance(b, Block) and b.role is Role.CLOSING), ""
    )
    if not closing:
        return [Flow(document)]
    block = _block_starting(document, closing[:40])
    if block is None:
        return [Flow(document)]
    height = document.pageSize().height()
    box = document.documentLayout().blockBoundingRect
    first_page = int(box(block).top() // height)
    end_page = document.pageCount() - 1  # the signature ends the body
    if first_page != end_page:
        return [Flow(sheet.layout(body_html(outline, sheet.scale, closing_on_new_page=True)))]
    return [Flow(document)]


def _block_starting(document: QTextDocument, text: str) -> QTextBlock | None:
    block = document.begin()
    while block.isValid():
        if text and block.text().startswith(text):
            return block
        block = block.next()
    return None


def appendix_pages(outline: Outline, sheet: Sheet) -> Iterator[Piece]:
    """The appendix page by page, so that no table row is split across two pages; each page
    repeats the table's header rows. A row taller than a page has pages of its own, where Qt
    breaks it between lines."""
    appendix = outline.appendix
    if appendix is None:
        return
    table = appendix.table

    def html(prefix: str, rows: list[str]) -> str:
        return prefix + table_html(table, sheet.scale, rows, LANDSCAPE_TEXT_CM)

    grid = appendix_grid(table, sheet)
    maker = RowMaker(sheet.device, cell_font(), table.columns, grid)
    prefix = appendix_title_html(appendix, sheet.scale)
    heading = sheet.layout(html(prefix, []))
    header = sheet.layout(html("", []))  # the heading of every later page
    top_aligned = sheet.layout(table_html(table, sheet.scale, [], LANDSCAPE_TEXT_CM, "top"))
    later = DrawnHeader.measure(header, top_aligned, grid)  # drawn without Qt's table painter
    drawn: DrawnHeader | None = None  # the first page's heading, with the title, by Qt
    rows: list[Row] = []
    room = sheet.size.height() - heading.size().height()
    for cells in table.rows:
        row = maker.row(cells)
        if row.height > room and rows:
            yield TablePage(heading, grid, grid.rows_top(heading), rows, drawn)
            prefix, heading, rows = "", header, []
            drawn = later
            room = sheet.size.height() - heading.size().height()
        if row.height <= room:
            rows.append(row)
            room -= row.height
        else:
            yield Flow(sheet.layout(html(prefix, [row_html(cells, table.columns)])))
            prefix, heading = "", header
            drawn = later
            room = sheet.size.height() - heading.size().height()
    if rows:
        yield TablePage(heading, grid, grid.rows_top(heading), rows, drawn)


def appendix_grid(table: Table, sheet: Sheet) -> Grid:
    """Where Qt puts the appendix table's rows on the sheet's device: measured on its header
    with two rows of one line."""
    sample = row_html(tuple(Cell((("0", False),)) for _ in table.columns), table.columns)
    html = table_html(table, sheet.scale, [sample, sample], LANDSCAPE_TEXT_CM)
    return Grid.measure(sheet.layout(html), len(table.head_rows()))


def outline_parts(outline: Outline) -> list[Part]:
    parts = [Part(QPageLayout.Orientation.Portrait, lambda sheet: body_pages(outline, sheet))]
    if outline.appendix is not None:
        parts.append(
            Part(
                QPageLayout.Orientation.Landscape,
                lambda sheet: appendix_pages(outline, sheet),
            )
        )
    return parts


def plan_parts(plan: Plan, office: Office) -> list[Part]:
    return outline_parts(plan_outline(plan, office))


def page_layout(orientation: QPageLayout.Orientation) -> QPageLayout:
    """A4 without device margins: the decree's margins are applied when painting, so that
    they are the same on a PDF, a printer and a rotated landscape page."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )  # fmt: skip


def paper_font() -> QFont:
    font = QFont([FONT, "Liberation Serif", "Tinos", "serif"])
    font.setPointSizeF(SPECS[Role.POINT].size)
    return font


def cell_font() -> QFont:
    """A table cell's text, as its HTML sets it."""
    font = paper_font()
    font.setPointSizeF(SPECS[Role.TABLE_CELL].size)
    return font


@dataclass(frozen=True, slots=True)
class PageDraw:
    """One page laid out: its paper as laid out (landscape for the appendix), in the layout
    device's pixels, and how to draw it from the paper's top left corner."""

    width: float
    height: float
    orientation: QPageLayout.Orientation
    draw: Callable[[QPainter], None]

    @property
    def landscape(self) -> bool:
        return self.orientation is QPageLayout.Orientation.Landscape


def page_draws(device: QPaintDevice, parts: list[Part]) -> Iterator[PageDraw]:
    """Every page of ``parts``, laid out for ``device``'s metrics, part after part (a part is
    laid out when its first page is asked for); page numbers in the top margin from the
    second page of each part."""
    dpi = device.logicalDpiX()
    scale = Scale(96 / 72, dpi / 72)  # CSS pixels are 1/96 inch on any device

    def mm(value: float) -> float:
        return value / 25.4 * dpi

    for part in parts:
        paper = page_layout(part.orientation).fullRectPixels(dpi)
        size = QSizeF(
            paper.width() - mm(MARGIN_LEFT) - mm(MARGIN_RIGHT),
            paper.height() - mm(MARGIN_TOP) - mm(MARGIN_BOTTOM),
        )
        number = 0
        for piece in part.pages(Sheet(device, scale, size)):
            for page in range(piece.pages):
                number += 1

                def draw(painter: QPainter, piece: Piece = piece, page: int = page,
                         number: int = number, width: float = size.width()) -> None:  # fmt: skip
                    painter.save()
                    painter.translate(mm(MARGIN_LEFT), mm(MARGIN_TOP))
                    piece.paint(painter, page)
                    if number > 1:
                        _page_number(painter, number, width, mm(MARGIN_TOP))
                    painter.restore()

                yield PageDraw(paper.width(), paper.height(), part.orientation, draw)


def paint_parts(device: QPagedPaintDevice, parts: list[Part]) -> int:
    """Paint every part on ``device``; returns the number of pages.

    A PDF turns its appendix pages to landscape. A printer cannot change orientation in the
    middle of a job, so there the landscape part is drawn turned on portrait paper (its top
    towards the left edge), as office suites print a landscape section.
    """
    dpi = device.logicalDpiX()
    if hasattr(device, "setFullPage"):  # a QPrinter: coordinates from the paper's corner
        device.setFullPage(True)
    device.setPageLayout(page_layout(parts[0].orientation))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("không mở được thiết bị in")
    pages = 0
    orientation = parts[0].orientation
    try:
        for draw in page_draws(device, parts):
            if pages > 0:
                if draw.orientation is not orientation:
                    device.setPageLayout(page_layout(draw.orientation))  # refused while printing
                device.newPage()
            orientation = draw.orientation
            pages += 1
            paper = device.pageLayout().fullRectPixels(dpi)
            turned = draw.landscape and paper.width() < paper.height()
            painter.save()
            if turned:
                painter.translate(0, paper.height())
                painter.rotate(-90)
            draw.draw(painter)
            painter.restore()
    finally:
        painter.end()
    return pages


def _document(device: QPaintDevice, html: str, size: QSizeF) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(paper_font())
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setPageSize(size)
    return document


def _paint_page(painter: QPainter, document: QTextDocument, page: int, size: QSizeF) -> None:
    """One page of a laid-out document; rules and borders in black."""
    height = size.height()
    painter.save()
    painter.translate(0, -page * height)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = QRectF(0, page * height, size.width() + BORDER_SLACK, height)
    context.palette = PRINT_PALETTE
    painter.setClipRect(context.clip)
    document.documentLayout().draw(painter, context)
    painter.restore()


def _page_number(painter: QPainter, number: int, width: float, margin: float) -> None:
    """Centred in the top margin."""
    font = paper_font()
    font.setPointSizeF(PAGE_NUMBER_PT)
    painter.save()
    painter.setFont(font)
    box = QRectF(0, -margin, width, margin * 0.8)
    centred = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(box, int(centred), str(number))
    painter.restore()


def ensure_gui() -> None:
    """Qt's text engine needs a QGuiApplication; the command line starts one offscreen."""
    if QGuiApplication.instance() is None:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([])


def paint_pdf(outline: Outline, path: Path) -> int:
    """An outline painted into a new PDF at ``path``, plainly (``write_pdf`` makes it safe);
    returns the page count."""
    ensure_gui()
    writer = QPdfWriter(str(path))
    writer.setResolution(LAYOUT_DPI)
    writer.setTitle(outline.title)
    writer.setCreator(outline.author)
    pages = paint_parts(writer, outline_parts(outline))
    del writer  # flushes the file
    return pages


def write_pdf(outline: Outline, target: Path) -> int:
    """An outline as a PDF, written safely; returns the page count."""
    pages = 0

    def write(temp: Path) -> None:
        nonlocal pages
        pages = paint_pdf(outline, temp)

    write_atomically(target, write)
    return pages


def write_plan_pdf(plan: Plan, office: Office, target: Path) -> int:
    """The plan as a PDF, written safely; returns the page count."""
    return write_pdf(plan_outline(plan, office), target)
