"""Writing the cells of a workbook: text stays text and within Excel's limit of a cell, with a
warning where it was cut; a table's many rows are written straight into the file openpyxl
saves (openpyxl takes some 40 µs a cell: most of the time of a plan of thousands of tasks).
Also the looks and the print setup the appendix and the report share."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import cast

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.cell.cell import MergedCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from cchc_desktop.core.textwidth import wrapped_lines
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.layout import FONT

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
TOP_CENTRE = Alignment(vertical="top", horizontal="center")
CELL_LIMIT = 32_767  # the most characters a cell of Excel holds
TALLEST_ROW_PT = 409  # the tallest row Excel draws
EXCEL_DAY_ZERO = date(1899, 12, 30)  # a date is the days since, as Excel counts after 1900
IN_DOCX = "bản đầy đủ có trong tệp .docx"
IN_APP = "bản đầy đủ vẫn được lưu trong ứng dụng"

Value = str | CellRichText | int | date | None


@dataclass(frozen=True, eq=False, slots=True)
class Look:
    """How a cell looks. Made once per table and compared by identity: openpyxl hashes a
    font, a border and an alignment again for every cell they are set on."""

    font: Font
    alignment: Alignment | None = None
    border: Border | None = None
    number_format: str | None = None

    def apply(self, cell: SheetCell | MergedCell) -> None:
        cell.font = self.font
        if self.border is not None:
            cell.border = self.border
        if self.alignment is not None:
            cell.alignment = self.alignment
        if self.number_format is not None:
            cell.number_format = self.number_format


# A column "width" counts the workbook's default font's digits plus 5 pixels. That font is
# Times New Roman 12 (``new_workbook``), whose digits are 8 pixels wide: Excel and LibreOffice
# then give a column the same width (with Calibri, missing on most Linux PCs, LibreOffice
# measured another font's digits and made every column a third wider than Excel does). A cell
# keeps about 3 points free; a line of Times New Roman takes 1.15 times its size, and a row 4
# points more for its borders.
DIGIT_PX, COLUMN_EXTRA_PX, CELL_PADDING_PT = 8, 5, 3.0
LINE_HEIGHT, ROW_EXTRA_PT = 1.15, 4.0


def new_workbook(*, write_only: bool = False) -> Workbook:
    """A workbook whose default font, and so the unit of its column widths, is the documents'
    Times New Roman 12 (``write_only``: openpyxl's streaming mode, rows written as added)."""
    workbook = Workbook(write_only=write_only)
    font = Font(name=FONT, size=12)
    # openpyxl has no public setter: the default font is the first of the workbook's fonts,
    # and the "Normal" style's (what Excel reads for the column unit).
    workbook._fonts = IndexedList([font])  # type: ignore[attr-defined]
    workbook._named_styles["Normal"].font = font  # type: ignore[attr-defined]
    return workbook


@lru_cache(maxsize=4096)  # units, outputs and time words repeat from row to row
def _lines_needed(text: str, width_chars: int, size: float) -> int:
    """The lines a text takes in Times New Roman at ``size`` in a column ``width_chars``
    wide, wrapped at spaces as the spreadsheet does (the first paragraph is a task's title,
    bold in the appendix: measured bold, never too short)."""
    room_pt = (width_chars * DIGIT_PX + COLUMN_EXTRA_PX) * 0.75 - CELL_PADDING_PT
    room_em = max(room_pt / size, 1.0)
    return sum(
        wrapped_lines(paragraph, room_em, bold=i == 0) if paragraph else 1
        for i, paragraph in enumerate(text.split("\n"))
    )


def row_height(texts: Sequence[tuple[str, int]], size: float = 12) -> float:
    """Excel does not grow a row for wrapped text it did not lay out itself: the height the
    longest text needs at ``size`` points in its column (width in characters)."""
    lines = max(_lines_needed(text, width, size) for text, width in texts)
    return min(lines * size * LINE_HEIGHT + ROW_EXTRA_PT, TALLEST_ROW_PT)


def fit_row(sheet: Worksheet, row: int, texts: list[tuple[str, int]], size: float = 12) -> None:
    sheet.row_dimensions[row].height = row_height(texts, size)


class Cells:
    """The cells of one workbook: a few written through openpyxl (headings, header rows,
    totals), the rows of its tables in bulk (``rows``); ``save`` writes the file."""

    def __init__(self, clean: Cleaning) -> None:
        self.clean = clean
        self._tables: list[Rows] = []

    def text(
        self,
        sheet: Worksheet,
        row: int,
        column: int,
        value: str | CellRichText,
        look: Look | None = None,
    ) -> None:
        """Text stays text: a value starting "=", "+", "-" or "@" is never a formula."""
        cell = sheet.cell(row=row, column=column)
        assert isinstance(cell, SheetCell)
        cell.value = self.within_limit(value, sheet, cell.coordinate)
        cell.data_type = "s"
        if look is not None:
            look.apply(cell)

    def value(self, sheet: Worksheet, row: int, column: int, value: int | None, look: Look) -> None:
        cell = sheet.cell(row=row, column=column)
        assert isinstance(cell, SheetCell)
        cell.value = value
        look.apply(cell)

    def rows(self, sheet: Worksheet, first: int) -> Rows:
        """The rows of ``sheet`` from row ``first`` on, written in bulk."""
        table = Rows(self, sheet, first)
        self._tables.append(table)
        return table

    def within_limit(
        self,
        value: str | CellRichText,
        sheet: Worksheet,
        coordinate: str,
        where: str = "",
        full_text: str = IN_APP,
    ) -> str | CellRichText:
        """``value``, cut at the most a cell holds with a warning saying where the full text
        is (openpyxl would cut a plain text silently, and a rich one not at all)."""
        length = len(value) if isinstance(value, str) else len(str(value))
        if length <= CELL_LIMIT:
            return value
        place = f" ({where})" if where else ""
        self.clean.warnings.append(
            f"Ô {coordinate} trên trang «{sheet.title}»{place} dài quá giới hạn "
            f"{_dotted(CELL_LIMIT)} ký tự của Excel: đã cắt bớt {_dotted(length - CELL_LIMIT)} "
            f"ký tự; {full_text}."
        )
        return _cut(value, CELL_LIMIT)

    def save(self, workbook: Workbook, target: Path) -> None:
        """openpyxl writes the workbook; the bulk rows go into its sheets on the way to
        ``target``."""
        written = io.BytesIO()
        workbook.save(written)
        tables = {table.path: table for table in self._tables}
        with (
            zipfile.ZipFile(written) as source,
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
        ):
            for info in source.infolist():
                data = source.read(info.filename)
                table = tables.get(info.filename)
                if table is None:
                    out.writestr(info, data)
                    continue
                with out.open(info.filename, "w") as sheet:
                    for part in table.spliced(data.decode("utf-8")):
                        sheet.write(part.encode("utf-8"))


def _dotted(number: int) -> str:
    """ "32.767": thousands as Vietnamese writes them."""
    return f"{number:,}".replace(",", ".")


def _cut(value: str | CellRichText, limit: int) -> str | CellRichText:
    """The first ``limit`` characters, bold runs kept."""
    if isinstance(value, str):
        return value[:limit]
    kept: list[str | TextBlock] = []
    for block in value:
        text = block.text if isinstance(block, TextBlock) else block
        if len(text) >= limit:
            kept.append(
                TextBlock(block.font, text[:limit])
                if isinstance(block, TextBlock)
                else text[:limit]
            )
            break
        kept.append(block)
        limit -= len(text)
    return CellRichText(kept)


# What XML 1.0 cannot hold: the writer refuses it, as openpyxl's does.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ROW = re.compile(r'<row r="(\d+)"')
_DIMENSION = re.compile(r'<dimension ref="([^"]*)"/>')


def _text(text: str) -> str:
    """A ``<t>`` element as openpyxl writes it: spaces at either end kept, a carriage return
    as a character reference (XML reads a bare one as a line feed)."""
    if _NOT_XML.search(text):
        raise ValueError(f"Không ghi được ký tự này vào tệp .xlsx: «{text[:60]}»")
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<t{space}>{escaped.replace(chr(13), '&#13;')}</t>"


class Rows:
    """The rows of one sheet from a given row on, written as SpreadsheetML just as openpyxl
    writes cells: inline strings, numbers and dates as numbers, each look's style."""

    def __init__(self, cells: Cells, sheet: Worksheet, first: int) -> None:
        self.cells = cells
        self.sheet = sheet
        self.first = first
        self.count = 0
        self.columns = 0
        self._xml: list[str] = []
        self._styles: dict[Look, int] = {}
        self._fonts: dict[int, tuple[InlineFont, str]] = {}

    @property
    def path(self) -> str:
        """The sheet's file in the workbook, once openpyxl has numbered it."""
        return self.sheet.path.lstrip("/")

    def add(
        self,
        values: Sequence[tuple[Value, Look]],
        height: float,
        *,
        where: str = "",
        full_text: str = IN_APP,
    ) -> None:
        """The next row: each cell's value and look, the row's height in points."""
        row = self.first + self.count
        self.count += 1
        self.columns = max(self.columns, len(values))
        out = [f'<row r="{row}" ht="{height:.16g}" customHeight="1">']
        for column, (value, look) in enumerate(values, start=1):
            ref = f"{get_column_letter(column)}{row}"
            cell = f'<c r="{ref}" s="{self._style(look)}"'
            if isinstance(value, str | CellRichText):
                value = self.cells.within_limit(value, self.sheet, ref, where, full_text)
            if value is None:
                out.append(f'{cell} t="n"/>')
            elif isinstance(value, str):
                body = f"<is>{_text(value)}</is>" if value else ""
                out.append(f'{cell} t="inlineStr">{body}</c>')
            elif isinstance(value, CellRichText):
                out.append(f'{cell} t="inlineStr"><is>{self._runs(value)}</is></c>')
            else:
                number = (value - EXCEL_DAY_ZERO).days if isinstance(value, date) else value
                out.append(f'{cell} t="n"><v>{number:.16g}</v></c>')
        out.append("</row>")
        self._xml.append("".join(out))

    def _style(self, look: Look) -> int:
        """The workbook's index of ``look``, registered through a cell that is in no sheet."""
        known = self._styles.get(look)
        if known is None:
            cell = SheetCell(self.sheet, row=1, column=1)
            look.apply(cell)
            known = self._styles[look] = cell.style_id
        return known

    def _runs(self, value: CellRichText) -> str:
        out = []
        for block in value:
            if isinstance(block, TextBlock):
                out.append(f"<r>{self._run_font(block.font)}{_text(block.text)}</r>")
            else:
                out.append(f"<r>{_text(block)}</r>")
        return "".join(out)

    def _run_font(self, font: InlineFont) -> str:
        """A run's font as openpyxl writes it, serialised once for each font object."""
        known = self._fonts.get(id(font))
        if known is None:
            properties = cast(bytes, tostring(font.to_tree("rPr")))  # lxml's tostring
            known = self._fonts[id(font)] = font, properties.decode()
        return known[1]

    def spliced(self, xml: str) -> list[str]:
        """The sheet openpyxl wrote with these rows among its own, in order, and its
        dimension grown to hold them."""
        after = next((m.start() for m in _ROW.finditer(xml) if int(m[1]) >= self.first), None)
        at = xml.index("</sheetData>") if after is None else after

        def grown(dimension: re.Match[str]) -> str:
            _, _, columns, rows = range_boundaries(dimension[1])
            last_column = get_column_letter(max(columns or 1, self.columns))
            last_row = max(rows or 1, self.first + self.count - 1)
            return f'<dimension ref="A1:{last_column}{last_row}"/>'

        return [_DIMENSION.sub(grown, xml[:at], count=1), *self._xml, xml[at:]]


def print_setup(
    sheet: Worksheet, title_rows: str, *, left_mm: float = 30, footer_pt: float = 11
) -> None:
    """A4 landscape, one page wide, header rows on every page, page numbers in the footer.
    Works on a write-only sheet too (which lacks a Worksheet's shortcuts)."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left, margins.right = left_mm / 25.4, 15 / 25.4
    margins.top, margins.bottom = 20 / 25.4, 20 / 25.4
    margins.header, margins.footer = 0.3, 0.3
    footer = sheet.HeaderFooter.oddFooter
    assert footer is not None
    footer.center.text = "Trang &P/&N"
    footer.center.font = f"{FONT},Regular"
    footer.center.size = footer_pt
