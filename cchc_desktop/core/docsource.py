"""A Word document as read for import: its paragraphs and tables in order, plain data that the
plan parser (core/plan_parser.py) reads without knowing python-docx or XML.

The reader (documents/docx_reader.py) fills it: every text already in Unicode (legacy
Vietnamese encodings converted), NFC, each paragraph with the label Word's automatic numbering
shows in front of it, tables with their merged cells resolved into a grid.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class SourceParagraph:
    """One paragraph as a reader sees it on paper."""

    text: str  # the typed text, "\t" for tabs and "\n" for line breaks inside the paragraph
    auto_label: str = ""  # the label Word's automatic numbering prints ("a)", "1.", "•")
    auto_format: str = ""  # its number format: "decimal", "lowerLetter", "bullet", …
    auto_level: int = 0  # its level in the list (w:ilvl)
    auto_list: str = ""  # which list it belongs to (the abstract numbering), "" when typed
    style: str = ""  # the paragraph style's name ("Heading 1", "Normal")
    outline_level: int | None = None  # 0 for a first-level heading style, None for body text
    bold: bool = False  # every letter bold
    bold_start: bool = False  # the first letters (the label and a few words) bold
    italic: bool = False
    centered: bool = False
    right: bool = False
    indent_cm: float = 0.0  # left indent
    page_break_before: bool = False
    section: int = 0  # which section of the document (0 first)
    landscape: bool = False  # its section is landscape
    encoding: str = ""  # "TCVN3" or "VNI" when converted from a legacy encoding
    index: int = -1  # its place among the document's paragraphs (the review points at it)

    @property
    def clean(self) -> str:
        """The text on one line, spaces collapsed."""
        return " ".join(self.text.split())

    def lines(self) -> list[str]:
        """Its non-empty lines (a line break inside a paragraph starts one), spaces collapsed."""
        return [" ".join(line.split()) for line in self.text.split("\n") if line.strip()]


@dataclass(slots=True)
class SourceCell:
    """A cell of a table's grid: its paragraphs, the grid columns it covers, and whether it is
    the continuation of a vertical merge from the row above (then it has no paragraphs)."""

    paragraphs: list[SourceParagraph]
    column: int
    span: int = 1
    merged_above: bool = False

    @property
    def text(self) -> str:
        return "\n".join(p.clean for p in self.paragraphs if p.clean)


@dataclass(slots=True)
class SourceRow:
    cells: list[SourceCell]
    header: bool = False  # marked to repeat at the top of each page


@dataclass(slots=True)
class SourceTable:
    rows: list[SourceRow]
    columns: int
    borders: bool = True
    section: int = 0
    landscape: bool = False

    def cell_at(self, row: int, column: int) -> SourceCell | None:
        """The cell covering a grid column of a row (None past the row's end)."""
        for cell in self.rows[row].cells:
            if cell.column <= column < cell.column + cell.span:
                return cell
        return None

    def paragraphs(self) -> list[SourceParagraph]:
        return [p for row in self.rows for cell in row.cells for p in cell.paragraphs]


Block = SourceParagraph | SourceTable


@dataclass(slots=True)
class SourceDocument:
    """The body of a document in order, with what the reader noticed on the way."""

    blocks: list[Block] = field(default_factory=list)
    name: str = ""  # the file's name, for messages
    notes: list[str] = field(default_factory=list)  # e.g. "converted from TCVN3"

    def paragraphs(self) -> list[SourceParagraph]:
        """Every paragraph, tables' included, in reading order."""
        found: list[SourceParagraph] = []
        for block in self.blocks:
            if isinstance(block, SourceTable):
                found.extend(block.paragraphs())
            else:
                found.append(block)
        return found
