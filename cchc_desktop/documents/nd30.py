"""An outline as a .docx in the national format of Decree 30/2020: page, fonts, one named
style per role (from documents/layout.py), the header block, rules, page numbers, the
signature beside the recipients, an appendix in a landscape section.

The plan and the report both come here as outlines; nothing here knows what a plan is.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from lxml import etree

from cchc_desktop.core.outline import Outline, Role
from cchc_desktop.core.outline import Table as TableBlock
from cchc_desktop.documents.cleaning import Cleaning
from cchc_desktop.documents.layout import (
    A4_LONG,
    A4_SHORT,
    APPENDIX_RULE_AFTER_PT,
    ATTACHMENT_RULE_CM,
    FONT,
    LANDSCAPE_TEXT_CM,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MOTTO,
    NATIONAL_TITLE,
    PORTRAIT_TEXT_CM,
    SIGNATURE_FIRST_BEFORE_PT,
    SIGNATURE_ROOM_CM,
    SPECS,
    TITLE_RULE_AFTER_PT,
    column_widths,
    header_widths,
    issuer_rule_cm,
    motto_rule_cm,
    summary_rule_cm,
)
from cchc_desktop.documents.safe_write import write_atomically

# One named style per role, so an officer can retune the whole document by editing one style.
STYLE_NAMES = {
    Role.GOVERNING: "CCHC Cơ quan chủ quản",
    Role.ISSUER: "CCHC Cơ quan ban hành",
    Role.NATIONAL_TITLE: "CCHC Quốc hiệu",
    Role.MOTTO: "CCHC Tiêu ngữ",
    Role.NUMBER: "CCHC Số, ký hiệu",
    Role.DATE_LINE: "CCHC Địa danh, ngày tháng",
    Role.DOC_TYPE: "CCHC Tên loại văn bản",
    Role.SUMMARY: "CCHC Trích yếu",
    Role.BASIS: "CCHC Căn cứ",
    Role.PREAMBLE: "CCHC Nội dung",
    Role.HEADING_1: "CCHC Đề mục I",
    Role.HEADING_2: "CCHC Đề mục 1",
    Role.POINT: "CCHC Điểm",
    Role.CLOSING: "CCHC Đoạn kết",
    Role.RECIPIENTS_HEAD: "CCHC Nơi nhận (tiêu đề)",
    Role.RECIPIENT: "CCHC Nơi nhận",
    Role.AUTHORITY: "CCHC Thẩm quyền ký",
    Role.SIGNER: "CCHC Người ký",
    Role.APPENDIX_LABEL: "CCHC Phụ lục",
    Role.APPENDIX_TITLE: "CCHC Tên phụ lục",
    Role.ATTACHMENT: "CCHC Kèm theo",
    Role.TABLE_TITLE: "CCHC Tên bảng",
    Role.TABLE_HEAD: "CCHC Bảng tiêu đề",
    Role.TABLE_CELL: "CCHC Bảng",
}
STYLE_BODY = STYLE_NAMES[Role.PREAMBLE]
STYLE_BASIS = STYLE_NAMES[Role.BASIS]
STYLE_HEADING_1 = STYLE_NAMES[Role.HEADING_1]
STYLE_HEADING_2 = STYLE_NAMES[Role.HEADING_2]
STYLE_ITEM = STYLE_NAMES[Role.POINT]
STYLE_TABLE = STYLE_NAMES[Role.TABLE_CELL]
STYLE_RULE = "CCHC Đường kẻ"

# Where a text stands, for the notes of what cleaning removed.
_WHERE = {
    Role.ISSUER: "tên cơ quan",
    Role.GOVERNING: "tên cơ quan chủ quản",
    Role.NUMBER: "số văn bản",
    Role.DATE_LINE: "dòng địa danh, ngày tháng",
    Role.SUMMARY: "trích yếu",
    Role.BASIS: "căn cứ",
    Role.PREAMBLE: "lời dẫn",
    Role.CLOSING: "đoạn kết",
    Role.RECIPIENT: "nơi nhận",
    Role.AUTHORITY: "thẩm quyền ký",
    Role.SIGNER: "người ký",
    Role.TABLE_CELL: "bảng",
}
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


# --- fonts and styles ------------------------------------------------------------------


def set_fonts(element: object, name: str = FONT) -> None:
    """All four font slots, or Word may pick another face for Vietnamese letters."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)
    fonts.set(qn("w:hint"), "default")


def _style(document: Document, name: str) -> ParagraphStyle:
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = styles["Normal"]
    style.quick_style = True
    style.font.name = FONT
    set_fonts(style.element)
    return style


def add_styles(document: Document) -> None:
    """Normal, one style per role from the shared table, and the rules' style."""
    normal = document.styles["Normal"]
    normal.font.name = FONT
    set_fonts(normal.element)
    normal.font.size = Pt(14)
    for role, name in STYLE_NAMES.items():
        spec = SPECS[role]
        style = _style(document, name)
        style.font.size = Pt(spec.size)
        style.font.bold = spec.bold
        style.font.italic = spec.italic
        fmt = style.paragraph_format
        fmt.alignment = _ALIGN[spec.align]
        fmt.first_line_indent = Cm(spec.first_line_cm)
        fmt.space_before = Pt(spec.before_pt)
        fmt.space_after = Pt(spec.after_pt)
        fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        fmt.line_spacing = spec.line
        fmt.keep_with_next = spec.keep_with_next
        fmt.keep_together = spec.keep_together
        fmt.widow_control = True
    rule_style = _style(document, STYLE_RULE)
    rule_style.font.size = Pt(2)
    rule_style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rule_style.paragraph_format.space_before = Pt(2)
    rule_style.paragraph_format.space_after = Pt(0)


# --- pages -----------------------------------------------------------------------------


def set_page(section: Section, *, landscape: bool = False) -> None:
    """A4 with the decree's margins, portrait or landscape."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Mm(A4_LONG if landscape else A4_SHORT)
    section.page_height = Mm(A4_SHORT if landscape else A4_LONG)
    section.top_margin = Mm(MARGIN_TOP)
    section.bottom_margin = Mm(MARGIN_BOTTOM)
    section.left_margin = Mm(MARGIN_LEFT)
    section.right_margin = Mm(MARGIN_RIGHT)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """A Word field (PAGE), which Word, LibreOffice and WPS all compute."""
    for kind in ("begin", None, "separate", "text", "end"):
        run = paragraph.add_run(placeholder if kind == "text" else None)
        if kind is None:
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = f" {instruction} "
            run._r.append(text)
        elif kind != "text":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def page_numbers(section: Section, *, restart: bool = False) -> None:
    """Arabic page numbers centred in the top margin, not on the section's first page."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.text = ""
    paragraph.style = STYLE_NAMES[Role.NUMBER]
    paragraph.paragraph_format.space_before = Pt(0)
    _field(paragraph, "PAGE")
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].text = ""
    if restart:
        sect_pr = section._sectPr
        number_type = sect_pr.find(qn("w:pgNumType"))
        if number_type is None:
            number_type = OxmlElement("w:pgNumType")
            sect_pr.append(number_type)
        number_type.set(qn("w:start"), "1")


def new_landscape_section(document: Document) -> Section:
    """A new page in landscape, numbered from 1 again (an appendix is numbered on its own)."""
    section: Section = document.add_section(WD_SECTION.NEW_PAGE)
    set_page(section, landscape=True)
    page_numbers(section, restart=True)
    return section


# --- paragraphs and rules --------------------------------------------------------------

_BREAKS = re.compile(r"(\t|\r|\n)")
_W = nsdecls("w")
_RUNS = {
    None: "<w:r>",
    True: "<w:r><w:rPr><w:b/></w:rPr>",
    False: '<w:r><w:rPr><w:b w:val="0"/></w:rPr>',
}


@cache
def _opening(style_id: str, align: str | None) -> str:
    jc = "" if align is None else f'<w:jc w:val="{_ALIGN[align].xml_value}"/>'
    style = escape(style_id, {'"': "&quot;"})
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>'


def _text(piece: str) -> str:
    r"""As python-docx: a tab is a w:tab, a line break (\r or \n) a w:br, the rest w:t runs
    of text, keeping their spaces at either end."""
    if piece == "\t":
        return "<w:tab/>"
    if piece in ("\r", "\n"):
        return "<w:br/>"
    space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
    return f"<w:t{space}>{escape(piece)}</w:t>"


def paragraph_xml(
    style_id: str, text: str, *, align: str | None = None, bold: bool | None = None
) -> str:
    """A ``<w:p>`` in its style, with its alignment and its text in one run, exactly as
    python-docx's add_paragraph and add_run write it. As text, to be parsed in bulk: python-docx
    looks the style up by name (reading every style of the document) for every paragraph, and
    each element it creates one by one costs a Python object."""
    opening = _opening(style_id, align)
    if not text:
        return f"{opening}</w:p>"
    if _BREAKS.search(text) is None:
        content = _text(text)
    else:
        content = "".join(_text(piece) for piece in _BREAKS.split(text) if piece)
    return f"{opening}{_RUNS[bold]}{content}</w:r></w:p>"


def parse_children(xml: str) -> list[Any]:
    """The elements of a run of WordprocessingML, parsed at once."""
    return list(parse_xml(f"<w:body {_W}>{xml}</w:body>"))


def _append(container: Document | _Cell, p: Any) -> Paragraph:
    """``p`` at the end of ``container``. In the body it goes before the section properties,
    which close the body: python-docx finds them by reading the body from its first
    paragraph, for every paragraph added."""
    if isinstance(container, _Cell):
        container._tc.append(p)
    else:
        container.element.body[-1].addprevious(p)
    return Paragraph(p, container)


# --- tables ----------------------------------------------------------------------------


def _twips(cm: float) -> str:
    return str(int(cm / 2.54 * 1440))


def fixed_table(
    container: Document, rows: int, widths_cm: Sequence[float], *, borders: bool
) -> Table:
    """A table with fixed column widths (so no program re-flows it), with or without borders."""
    table: Table = container.add_table(rows=rows, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    existing = tbl_pr.find(qn("w:tblW"))
    if existing is not None:
        tbl_pr.remove(existing)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), _twips(sum(widths_cm)))
    width.set(qn("w:type"), "dxa")
    tbl_pr.append(width)
    if borders:
        table.style = container.styles["Table Grid"]
    else:
        _no_borders(tbl_pr)
    grid = table._tbl.tblGrid
    for column, cm in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        column.set(qn("w:w"), _twips(cm))
    for row in table.rows:
        for cell, cm in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(cm)
    return table


def _no_borders(tbl_pr: object) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    tbl_pr.append(borders)  # type: ignore[attr-defined]


def zero_cell_margins(table: Table) -> None:
    """No inner cell padding, so a header cell's full width is usable."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.append(margins)


def keep_row_whole(row: _Row, *, header: bool = False) -> None:
    """A row that never splits across pages; a header row repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def clear_cell(cell: _Cell) -> _Cell:
    """A new cell holds one empty paragraph; remove it so content starts at the top."""
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)
    return cell


# --- the parts of a document -----------------------------------------------------------


class Writer:
    """Walks an outline into a python-docx Document, cleaning every text on the way."""

    def __init__(self, clean: Cleaning, *, rows_as_text: bool = False) -> None:
        self.clean = clean
        # The body rows of each table kept as text, a marker in their place, for ``save`` to
        # put into the file: parsed, they would only be written out again.
        self.rows_as_text = rows_as_text
        self.rows_text: dict[str, str] = {}
        self.document = new_document()
        styles = self.document.styles
        self.style_ids = {role: styles[name].style_id for role, name in STYLE_NAMES.items()}
        self.rule_style_id = styles[STYLE_RULE].style_id

    def text(self, text: str, role: Role) -> str:
        return self.clean(text, _WHERE.get(role, ""))

    def paragraph(
        self,
        container: Document | _Cell,
        text: str,
        role: Role,
        *,
        bold: bool | None = None,
        align: str | None = None,
    ) -> Paragraph:
        """A paragraph in its role's style; direct formatting only where the role is not
        enough."""
        direct_bold = bold if bold is not None and bold != SPECS[role].bold else None
        xml = paragraph_xml(self.style_ids[role], text, align=align, bold=direct_bold)
        return _append(container, parse_children(xml)[0])

    def para(
        self,
        container: Document | _Cell,
        text: str,
        role: Role,
        *,
        bold: bool | None = None,
        align: str | None = None,
    ) -> Paragraph:
        """A paragraph of the outline's own words, cleaned."""
        return self.paragraph(container, self.text(text, role), role, bold=bold, align=align)

    def rule(self, container: Document | _Cell, length_cm: float, width_cm: float) -> Paragraph:
        """A solid line ``length_cm`` long centred in ``width_cm``: an empty paragraph with a
        bottom border and equal indents, which Word, LibreOffice and WPS all print alike."""
        p = _append(container, parse_children(paragraph_xml(self.rule_style_id, ""))[0])
        side = max((width_cm - length_cm) / 2, 0)
        p.paragraph_format.left_indent = Cm(side)
        p.paragraph_format.right_indent = Cm(side)
        p.paragraph_format.first_line_indent = Cm(0)
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        bottom.set(qn("w:val"), "single")
        bottom.set(qn("w:sz"), "6")  # eighths of a point: 0.75 pt
        bottom.set(qn("w:space"), "1")
        bottom.set(qn("w:color"), "000000")
        borders.append(bottom)
        p._p.get_or_add_pPr().append(borders)
        return p

    def header(self, outline: Outline) -> Table:
        """Issuer, its rule and the number on the left; national title, motto, its rule and
        the date on the right; "Số" and the date on the same row."""
        header = outline.header
        widths = header_widths(header)
        table = fixed_table(self.document, 2, widths, borders=False)
        zero_cell_margins(table)
        left, right = (clear_cell(c) for c in table.rows[0].cells)
        for line in header.governing:
            self.para(left, line, Role.GOVERNING)
        for line in header.issuer:
            self.para(left, line, Role.ISSUER)
        self.rule(left, issuer_rule_cm(header, widths[0]), widths[0])
        self.paragraph(right, NATIONAL_TITLE, Role.NATIONAL_TITLE)
        self.paragraph(right, MOTTO, Role.MOTTO)
        self.rule(right, motto_rule_cm(), widths[1])
        number_cell, date_cell = (clear_cell(c) for c in table.rows[1].cells)
        self.para(number_cell, header.number, Role.NUMBER)
        self.para(date_cell, header.date_line, Role.DATE_LINE)
        return table

    def title(self, outline: Outline) -> None:
        """The document type, the summary (one or more lines) and a short rule under it."""
        self.paragraph(self.document, outline.doc_type, Role.DOC_TYPE)
        for line in outline.summary:
            self.para(self.document, line, Role.SUMMARY)
        under = self.rule(self.document, summary_rule_cm(outline.summary), PORTRAIT_TEXT_CM)
        under.paragraph_format.space_after = Pt(TITLE_RULE_AFTER_PT)

    def body(self, outline: Outline) -> None:
        """The body's paragraphs, parsed together between its tables (a report's sections
        run to a line or more for each task)."""
        paragraphs: list[str] = []
        for part in outline.body:
            if isinstance(part, TableBlock):
                self.paragraphs(paragraphs)
                paragraphs = []
                self.table(part, PORTRAIT_TEXT_CM)
            else:
                text = self.text(part.text, part.role)
                paragraphs.append(paragraph_xml(self.style_ids[part.role], text))
        self.paragraphs(paragraphs)

    def paragraphs(self, xml: list[str]) -> None:
        """Paragraphs at the end of the body, before its section properties."""
        end = self.document.element.body[-1]
        for p in parse_children("".join(xml)):
            end.addprevious(p)

    def table(self, block: TableBlock, total_cm: float) -> Table:
        """A bordered table: its header rows (merged where columns share a group) repeat on
        every page; no row splits across pages."""
        if block.title:
            self.para(self.document, block.title, Role.TABLE_TITLE)
        widths = column_widths([c.weight for c in block.columns], total_cm)
        head = block.head_rows()
        table = fixed_table(self.document, len(head), widths, borders=True)
        for r in range(len(head)):
            keep_row_whole(table.rows[r], header=True)
        for r, cells in enumerate(head):
            for text, first, span, down in cells:
                cell = table.cell(r, first)
                if span > 1 or down > 1:
                    cell = cell.merge(table.cell(r + down - 1, first + span - 1))
                clear_cell(cell)
                self.para(cell, text, Role.TABLE_HEAD)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        self.body_rows(table, block, widths)
        return table

    def body_rows(self, table: Table, block: TableBlock, widths_cm: Sequence[float]) -> None:
        """The rows under the header, written as python-docx writes them but parsed at once:
        through its API each row costs time in proportion to the rows already there
        (``table.rows[i]`` and ``table.cell`` list them all)."""
        style_id = self.style_ids[Role.TABLE_CELL]
        plain = SPECS[Role.TABLE_CELL].bold
        starts = [
            f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{Cm(cm).twips}"/></w:tcPr>' for cm in widths_cm
        ]
        rows = []
        for cells in block.rows:
            rows.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for content, column, start in zip(cells, block.columns, starts, strict=True):
                rows.append(start)
                for text, bold in content.lines or (("", False),):
                    rows.append(
                        paragraph_xml(
                            style_id,
                            self.text(text, Role.TABLE_CELL),
                            align=column.align,
                            bold=bold if bold != plain else None,
                        )
                    )
                rows.append("</w:tc>")
            rows.append("</w:tr>")
        if not self.rows_as_text:
            table._tbl.extend(parse_children("".join(rows)))
            return
        marker = f"cchc-rows-{len(self.rows_text)}"
        self.rows_text[f"<!--{marker}-->"] = "".join(rows)
        table._tbl.append(etree.Comment(marker))

    def signature(self, outline: Outline) -> Table:
        """Recipients beside the signature, on one page: the row never splits."""
        signature = outline.signature
        half = PORTRAIT_TEXT_CM / 2
        table = fixed_table(self.document, 1, (half, half), borders=False)
        zero_cell_margins(table)
        keep_row_whole(table.rows[0])
        left, right = (clear_cell(c) for c in table.rows[0].cells)
        self.paragraph(left, "Nơi nhận:", Role.RECIPIENTS_HEAD)
        for line in signature.recipients:
            self.para(left, line, Role.RECIPIENT)
        for i, line in enumerate(signature.authority):
            p = self.para(right, line, Role.AUTHORITY)
            if i == 0:
                p.paragraph_format.space_before = Pt(SIGNATURE_FIRST_BEFORE_PT)
        room = self.paragraph(right, "", Role.AUTHORITY)
        room.paragraph_format.space_after = Cm(SIGNATURE_ROOM_CM)  # signature and seal
        self.para(right, signature.signer, Role.SIGNER)
        return table

    def appendix(self, outline: Outline) -> None:
        """A new landscape section: "Phụ lục", its title, the attachment line, the table."""
        appendix = outline.appendix
        if appendix is None:
            return
        new_landscape_section(self.document)
        self.paragraph(self.document, appendix.label, Role.APPENDIX_LABEL)
        for line in appendix.title:
            self.para(self.document, line, Role.APPENDIX_TITLE)
        self.para(self.document, appendix.attachment, Role.ATTACHMENT)
        under = self.rule(self.document, ATTACHMENT_RULE_CM, LANDSCAPE_TEXT_CM)
        under.paragraph_format.space_after = Pt(APPENDIX_RULE_AFTER_PT)
        self.table(appendix.table, LANDSCAPE_TEXT_CM)

    def build(self, outline: Outline) -> Document:
        self.clean.note(outline.notes)
        properties = self.document.core_properties
        properties.title = self.clean(outline.title)
        properties.author = self.clean(outline.author)
        self.header(outline)
        self.title(outline)
        self.body(outline)
        self.signature(outline)
        self.appendix(outline)
        return self.document


def new_document() -> Document:
    """An empty A4 portrait document with the styles and page numbers of the format."""
    import docx

    document = docx.Document()
    add_styles(document)
    section = document.sections[0]
    set_page(section)
    page_numbers(section)
    # python-docx starts with one empty paragraph; drop it so page 1 starts with the header.
    body = document.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    document.core_properties.language = "vi-VN"
    return document


def build_document(outline: Outline, clean: Cleaning | None = None) -> Document:
    """The whole outline as a python-docx Document."""
    return Writer(clean or Cleaning()).build(outline)


def write_docx(outline: Outline, target: Path) -> list[str]:
    """Write the outline to ``target`` safely; returns warnings (characters removed, …).
    The same document as ``build_document``'s, its tables' body rows written as text."""
    clean = Cleaning()
    writer = Writer(clean, rows_as_text=True)
    document = writer.build(outline)
    write_atomically(target, lambda temp: _save(document, writer.rows_text, temp))
    return clean.warnings


def _save(document: Document, rows_text: dict[str, str], target: Path) -> None:
    """python-docx writes the document; each table's body rows take their marker's place in
    its main part on the way to ``target``."""
    written = io.BytesIO()
    document.save(written)
    main = document.part.partname.lstrip("/")
    with (
        zipfile.ZipFile(written) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != main or not rows_text:
                out.writestr(info, data)
                continue
            xml = data.decode("utf-8")
            for marker, rows in rows_text.items():
                before, found, after = xml.partition(marker)
                if not found:
                    raise ValueError(f"thiếu chỗ cho các dòng của bảng ({marker})")
                xml = before + rows + after
            with out.open(info.filename, "w") as part:
                part.write(xml.encode("utf-8"))
