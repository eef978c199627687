"""The national page furniture of Decree 30/2020 for .docx: page, fonts, named styles, the
header block, rules, page numbers, the signature beside the recipients.

The plan and the report both build on these pieces; nothing here knows what a plan is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from cchc_desktop.documents.layout import (
    A4_LONG,
    A4_SHORT,
    FONT,
    HEADER_LEFT_CM,
    HEADER_RIGHT_CM,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MOTTO,
    NATIONAL_TITLE,
    PORTRAIT_TEXT_CM,
    SIZE_BODY,
    SIZE_DATE,
    SIZE_ISSUER,
    SIZE_MOTTO,
    SIZE_NUMBER,
    SIZE_RECIPIENTS,
    SIZE_RECIPIENTS_HEAD,
    SIZE_TABLE,
    SIZE_TITLE,
)
from cchc_desktop.documents.metrics import short_rule_length, text_width_cm

# Named styles, so an officer can retune the whole document by editing one style.
STYLE_BODY = "CCHC Nội dung"
STYLE_BASIS = "CCHC Căn cứ"
STYLE_HEADING_1 = "CCHC Đề mục I"
STYLE_HEADING_2 = "CCHC Đề mục 1"
STYLE_ITEM = "CCHC Điểm"
STYLE_CENTRED = "CCHC Căn giữa"
STYLE_HEADER = "CCHC Tiêu đề văn bản"
STYLE_RULE = "CCHC Đường kẻ"
STYLE_TABLE = "CCHC Bảng"
STYLE_TABLE_HEAD = "CCHC Bảng tiêu đề"
STYLE_SIGNATURE = "CCHC Chữ ký"
STYLE_RECIPIENTS = "CCHC Nơi nhận"


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


def _paragraph_style(
    document: Document,
    name: str,
    *,
    base: str | None = "Normal",
    size: float = SIZE_BODY,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
    first_line_cm: float = 0.0,
    before: float = 0,
    after: float = 6,
    keep_with_next: bool = False,
    line: float = 1.0,
) -> ParagraphStyle:
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    if base:
        style.base_style = styles[base]
    style.quick_style = True
    font = style.font
    font.name = FONT
    set_fonts(style.element)
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(first_line_cm) if first_line_cm else Cm(0)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = line
    fmt.keep_with_next = keep_with_next
    fmt.widow_control = True
    return style


def add_styles(document: Document) -> None:
    """Normal and the named styles of the national format."""
    normal = document.styles["Normal"]
    normal.font.name = FONT
    set_fonts(normal.element)
    normal.font.size = Pt(SIZE_BODY)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph_style(document, STYLE_BODY, first_line_cm=1.0, line=1.1)
    _paragraph_style(
        document, STYLE_BASIS, base=STYLE_BODY, italic=True, first_line_cm=1.0, line=1.1
    )
    _paragraph_style(document, STYLE_ITEM, base=STYLE_BODY, first_line_cm=1.0, line=1.1)
    _paragraph_style(
        document, STYLE_HEADING_1, base=STYLE_BODY, bold=True, first_line_cm=1.0,
        before=6, keep_with_next=True, line=1.1,
    )  # fmt: skip
    _paragraph_style(
        document, STYLE_HEADING_2, base=STYLE_BODY, bold=True, first_line_cm=1.0,
        keep_with_next=True, line=1.1,
    )  # fmt: skip
    _paragraph_style(document, STYLE_CENTRED, align=center, after=0)
    _paragraph_style(document, STYLE_HEADER, size=SIZE_ISSUER, align=center, after=0)
    _paragraph_style(document, STYLE_RULE, size=2, align=center, before=2, after=0)
    _paragraph_style(document, STYLE_TABLE, size=SIZE_TABLE, align=WD_ALIGN_PARAGRAPH.LEFT, after=2)
    _paragraph_style(document, STYLE_TABLE_HEAD, base=STYLE_TABLE, bold=True, align=center, after=0)
    _paragraph_style(
        document, STYLE_SIGNATURE, bold=True, align=center, after=0, keep_with_next=True
    )
    _paragraph_style(
        document, STYLE_RECIPIENTS, size=SIZE_RECIPIENTS, align=WD_ALIGN_PARAGRAPH.LEFT, after=0
    )


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
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def page_numbers(section: Section, *, restart: bool = False) -> None:
    """Arabic page numbers centred in the top margin, not on the section's first page."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.text = ""
    paragraph.style = STYLE_CENTRED
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


def paragraph(
    container: Document | _Cell,
    text: str,
    style: str,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> Paragraph:
    """A paragraph in a named style; direct formatting only where the style is not enough."""
    p = container.add_paragraph(style=style)
    if align is not None:
        p.alignment = align
    if text:
        run = p.add_run(text)
        if bold is not None:
            run.bold = bold
        if italic is not None:
            run.italic = italic
        if size is not None:
            run.font.size = Pt(size)
    return p


def rule(container: Document | _Cell, length_cm: float, width_cm: float) -> Paragraph:
    """A solid line ``length_cm`` long centred in ``width_cm``: an empty paragraph with a
    bottom border and equal indents, which Word, LibreOffice and WPS all print alike."""
    p = container.add_paragraph(style=STYLE_RULE)
    side = max((width_cm - length_cm) / 2, 0)
    p.paragraph_format.left_indent = Cm(side)
    p.paragraph_format.right_indent = Cm(side)
    p.paragraph_format.first_line_indent = Cm(0)
    p_pr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")  # eighths of a point: 0.75 pt
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    p_pr.append(borders)
    return p


# --- tables ----------------------------------------------------------------------------


def _set_cell_width(cell: _Cell, width_cm: float) -> None:
    cell.width = Cm(width_cm)


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
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(int(sum(widths_cm) / 2.54 * 1440)))
    width.set(qn("w:type"), "dxa")
    existing = tbl_pr.find(qn("w:tblW"))
    if existing is not None:
        tbl_pr.remove(existing)
    tbl_pr.append(width)
    if borders:
        table.style = container.styles["Table Grid"]
    else:
        _no_borders(tbl_pr)
    grid = table._tbl.tblGrid
    for column, cm in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        column.set(qn("w:w"), str(int(cm / 2.54 * 1440)))
    for row in table.rows:
        for cell, cm in zip(row.cells, widths_cm, strict=True):
            _set_cell_width(cell, cm)
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


def keep_row_whole(row: object, *, header: bool = False) -> None:
    """A row that never splits across pages; a header row repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)
    if header:
        tbl_header = OxmlElement("w:tblHeader")
        tr_pr.append(tbl_header)


def clear_cell(cell: _Cell) -> _Cell:
    """A new cell holds one empty paragraph; remove it so content starts at the top."""
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)
    return cell


# --- the header block ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeaderBlock:
    """What the two-column header at the top of page 1 says."""

    issuer_lines: Sequence[str]  # ("ỦY BAN NHÂN DÂN", "XÃ QUYẾT THẮNG"), bold capitals
    number_line: str  # "Số:      /KH-UBND"
    date_line: str  # "Quyết Thắng, ngày      tháng 8 năm 2025"
    parent_body: str = ""  # the body above the issuer, if any: regular capitals


def add_header_block(document: Document, header: HeaderBlock) -> Table:
    """Issuer, its rule and the number on the left; national title, motto, its rule and the
    date on the right; "Số" and the date on the same row."""
    widths = (HEADER_LEFT_CM, HEADER_RIGHT_CM)
    table = fixed_table(document, 2, widths, borders=False)
    zero_cell_margins(table)
    left, right = (clear_cell(c) for c in table.rows[0].cells)
    if header.parent_body:
        paragraph(left, header.parent_body, STYLE_HEADER, size=SIZE_ISSUER)
    for line in header.issuer_lines:
        paragraph(left, line, STYLE_HEADER, bold=True, size=SIZE_ISSUER)
    longest = max(header.issuer_lines, key=lambda s: text_width_cm(s, SIZE_ISSUER, bold=True))
    rule(left, short_rule_length(longest, SIZE_ISSUER, HEADER_LEFT_CM), HEADER_LEFT_CM)

    paragraph(right, NATIONAL_TITLE, STYLE_HEADER, bold=True, size=SIZE_TITLE)
    paragraph(right, MOTTO, STYLE_HEADER, bold=True, size=SIZE_MOTTO)
    rule(right, round(text_width_cm(MOTTO, SIZE_MOTTO, bold=True), 2), HEADER_RIGHT_CM)

    number_cell, date_cell = (clear_cell(c) for c in table.rows[1].cells)
    paragraph(
        number_cell, header.number_line, STYLE_HEADER, size=SIZE_NUMBER
    ).paragraph_format.space_before = Pt(6)
    date = paragraph(date_cell, header.date_line, STYLE_HEADER, italic=True, size=SIZE_DATE)
    date.paragraph_format.space_before = Pt(6)
    return table


# --- document type and summary ---------------------------------------------------------


def add_title_block(document: Document, doc_type: str, summary: str) -> None:
    """ "KẾ HOẠCH" or "BÁO CÁO" in bold capitals, the summary in bold sentence case, and a
    short rule under it, all centred on the page."""
    title = paragraph(document, doc_type, STYLE_CENTRED, bold=True)
    title.paragraph_format.space_before = Pt(18)
    paragraph(document, summary, STYLE_CENTRED, bold=True)
    rule(
        document, short_rule_length(summary, SIZE_BODY, PORTRAIT_TEXT_CM), PORTRAIT_TEXT_CM
    ).paragraph_format.space_after = Pt(12)


# --- signature and recipients ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """Recipients on the left, the authority lines, room to sign and the name on the right."""

    recipients: Sequence[str]  # already "- …;" lines, the last "- Lưu: VT, …."
    authority_lines: Sequence[str]  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    signer: str


def add_signature_block(document: Document, block: SignatureBlock) -> Table:
    """Side by side, on one page: the row never splits."""
    widths = (PORTRAIT_TEXT_CM / 2, PORTRAIT_TEXT_CM / 2)
    table = fixed_table(document, 1, widths, borders=False)
    zero_cell_margins(table)
    keep_row_whole(table.rows[0])
    left, right = (clear_cell(c) for c in table.rows[0].cells)
    paragraph(
        left, "Nơi nhận:", STYLE_RECIPIENTS, bold=True, italic=True, size=SIZE_RECIPIENTS_HEAD
    ).paragraph_format.space_before = Pt(6)
    for line in block.recipients:
        paragraph(left, line, STYLE_RECIPIENTS)
    first = True
    for line in block.authority_lines:
        p = paragraph(right, line, STYLE_SIGNATURE)
        if first:
            p.paragraph_format.space_before = Pt(6)
            first = False
    room = paragraph(right, "", STYLE_SIGNATURE)
    room.paragraph_format.space_after = Cm(2.6)  # signature and seal
    paragraph(right, block.signer, STYLE_SIGNATURE)
    return table


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
    core = document.core_properties
    core.language = "vi-VN"
    return document
