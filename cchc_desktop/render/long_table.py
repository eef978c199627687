"""A table of any length on paper: its header drawn by Qt from the HTML, its rows laid out
with QTextLayout and drawn by hand where Qt's own table layout would put them, with the same
text, fonts, padding and borders.

Qt lays an HTML table out in a millisecond or more a row, more the longer the table, and
finding where its pages break took a layout of each page for every row added (minutes for
10,000 rows); a row here costs the layout of its text, and is drawn once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGlyphRun,
    QPaintDevice,
    QPainter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
    QTextOption,
    QTextTable,
)

from cchc_desktop.core.outline import Cell, Column
from cchc_desktop.render.outline_html import LINE_BREAK, cell_text

_KNOWN_CELLS = 2048  # cell layouts kept for reuse, for a bounded memory

_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}


@dataclass(frozen=True, slots=True)
class Grid:
    """Where Qt puts a table's rows on a device, read from its layout of the header with two
    one-line rows under it (``table_html`` of the same columns): the text box of each column,
    the height a row adds to its text (padding and border), and the border's width and
    place. Device pixels, from the top of the table."""

    text_x: tuple[float, ...]
    text_width: tuple[float, ...]
    first_text_y: float  # the first row's text
    row_extra: float
    padding: float
    border: float

    @classmethod
    def measure(cls, document: QTextDocument, head_rows: int) -> Grid:
        table = _table(document)
        layout = document.documentLayout()

        def box(row: int, column: int) -> QRectF:
            block = table.cellAt(row, column).firstCursorPosition().block()
            return layout.blockBoundingRect(block)

        first = [box(head_rows, c) for c in range(table.columns())]
        second = box(head_rows + 1, 0)
        scale = layout.paintDevice().logicalDpiY() / 96  # Qt's CSS pixels are 1/96 inch
        table_format = table.format()
        return cls(
            text_x=tuple(r.x() for r in first),
            text_width=tuple(r.width() for r in first),
            first_text_y=first[0].y() - layout.frameBoundingRect(table).top(),
            row_extra=second.y() - first[0].y() - first[0].height(),
            padding=table_format.cellPadding() * scale,
            border=table_format.border() * scale,
        )

    def rows_top(self, heading: QTextDocument) -> float:
        """Where the first row's top border runs under the heading (a document ending with
        the same table's header)."""
        top = heading.documentLayout().frameBoundingRect(_table(heading)).top()
        return top + self.first_text_y - self.padding - self.border

    def line_xs(self) -> list[float]:
        """The middle of each vertical border, the table's left edge to its right edge."""
        xs = [x - self.padding - self.border for x in self.text_x]
        return [*xs, self.text_x[-1] + self.text_width[-1] + self.padding]


@dataclass(frozen=True, slots=True)
class Row:
    """One row laid out on a device: each cell's text as glyphs placed from the cell's top
    left corner, and the row's height, borders included."""

    cells: list[list[QGlyphRun]]
    height: float


class RowMaker:
    """Lays the rows of one table out as Qt lays out its HTML cells: the same text (see
    ``cell_text``), font, alignment and wrapping."""

    def __init__(self, device: QPaintDevice, font: QFont, columns: Sequence[Column], grid: Grid):
        self.device = device
        self.font = font
        self.grid = grid
        self._known: dict[tuple[int, tuple[tuple[str, bool], ...]], tuple[list[QGlyphRun], float]]
        self._known = {}
        self.bold = QTextCharFormat()
        self.bold.setFontWeight(QFont.Weight.Bold)
        self.options = []
        for column in columns:
            option = QTextOption(_ALIGN[column.align])
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            self.options.append(option)

    def row(self, cells: Sequence[Cell]) -> Row:
        laid_out = [self._cell(column, cell) for column, cell in enumerate(cells)]
        text_height = max(height for _, height in laid_out)
        return Row([glyphs for glyphs, _ in laid_out], text_height + self.grid.row_extra)

    def _cell(self, column: int, cell: Cell) -> tuple[list[QGlyphRun], float]:
        """A cell's text laid out, once for each text a column shows: offices repeat their
        units, outputs and time words from row to row, and glyphs can be drawn anywhere."""
        key = (column, cell.lines)
        known = self._known.get(key)
        if known is not None:
            return known
        if len(self._known) >= _KNOWN_CELLS:
            self._known.clear()
        lines = [(cell_text(text), bold) for text, bold in cell.lines]
        layout = QTextLayout(LINE_BREAK.join(text for text, _ in lines), self.font, self.device)
        layout.setTextOption(self.options[column])
        if any(bold for _, bold in lines):
            layout.setFormats(self._bold_ranges(lines))
        width = self.grid.text_width[column]
        height = 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLeadingIncluded(True)
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        self._known[key] = layout.glyphRuns(), height
        return self._known[key]

    def _bold_ranges(self, lines: list[tuple[str, bool]]) -> list[QTextLayout.FormatRange]:
        ranges = []
        start = 0
        for text, bold in lines:
            if bold and text:
                found = QTextLayout.FormatRange()
                found.start, found.length, found.format = start, len(text), self.bold
                ranges.append(found)
            start += len(text) + 1
        return ranges


def paint_rows(painter: QPainter, grid: Grid, rows: Sequence[Row], top: float) -> None:
    """Draw ``rows`` from ``top`` (the first row's top border). Each border is a filled strip
    centred on the cells' edge, as Qt draws them."""
    black = QColor(Qt.GlobalColor.black)
    half = grid.border / 2
    text_top = grid.padding + grid.border
    xs = grid.line_xs()
    y = top
    for row in rows:
        for glyphs, x in zip(row.cells, grid.text_x, strict=True):
            at = QPointF(x, y + text_top)
            for run in glyphs:
                painter.drawGlyphRun(at, run)
        y += row.height
    width = xs[-1] - xs[0]
    line_y = top
    for row in rows:
        line_y += row.height
        painter.fillRect(
            QRectF(xs[0] - half, line_y - half, width + grid.border, grid.border), black
        )
    for x in xs:
        painter.fillRect(QRectF(x - half, top - half, grid.border, y - top + grid.border), black)


@dataclass(frozen=True, slots=True)
class DrawnHeader:
    """A table's header rows, as Qt draws them from its layout of the header alone, drawn
    without Qt's table painter: it takes most of a page's time on borders (a long appendix
    repeats the header on hundreds of pages). The words are Qt's own line layouts, drawn
    where Qt placed them; the borders are strips on the cells' edges, as ``paint_rows``
    draws them. Device pixels, in the heading's coordinates."""

    document: QTextDocument  # owns the layouts
    words: list[tuple[QPointF, QTextLayout]]
    strips: list[QRectF]

    @classmethod
    def measure(cls, heading: QTextDocument, top_aligned: QTextDocument, grid: Grid) -> DrawnHeader:
        """``heading``: the header alone, as drawn; ``top_aligned``: the same with each
        cell's words at its top, where the top of a cell's words is the top of its row."""
        layout = heading.documentLayout()
        table, measured = _table(heading), _table(top_aligned)
        inset = grid.padding + grid.border

        def first_block(t: QTextTable, row: int, column: int) -> QTextBlock:
            return t.cellAt(row, column).firstCursorPosition().block()

        cells = [
            (r, c, table.cellAt(r, c))
            for r in range(table.rows())
            for c in range(table.columns())
            if (table.cellAt(r, c).row(), table.cellAt(r, c).column()) == (r, c)
        ]
        bottom = grid.rows_top(heading)
        tops: dict[int, float] = {}
        for r, c, _ in cells:
            box = top_aligned.documentLayout().blockBoundingRect(first_block(measured, r, c))
            tops.setdefault(r, box.top() - inset)
        tops[table.rows()] = bottom
        xs = grid.line_xs()
        half = grid.border / 2
        strips = [
            QRectF(xs[-1] - half, tops[0] - half, grid.border, bottom - tops[0] + grid.border)
        ]
        strips.append(
            QRectF(xs[0] - half, bottom - half, xs[-1] - xs[0] + grid.border, grid.border)
        )
        words = []
        for r, c, cell in cells:
            left, right = xs[c], xs[c + cell.columnSpan()]
            top, end = tops[r], tops[r + cell.rowSpan()]
            strips.append(QRectF(left - half, top - half, right - left + grid.border, grid.border))
            strips.append(QRectF(left - half, top - half, grid.border, end - top + grid.border))
            block = first_block(table, r, c)
            last = cell.lastCursorPosition().block()
            while block.isValid():
                if block.text():
                    words.append((layout.blockBoundingRect(block).topLeft(), block.layout()))
                if block == last:
                    break
                block = block.next()
        return cls(heading, words, strips)

    def paint(self, painter: QPainter) -> None:
        black = QColor(Qt.GlobalColor.black)
        for at, layout in self.words:
            layout.draw(painter, at)
        for strip in self.strips:
            painter.fillRect(strip, black)


def _table(document: QTextDocument) -> QTextTable:
    return next(f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable))
