"""An outline as the rich text (HTML subset) that Qt's text engine lays out: for the PDF, the
printer and the on-screen preview alike. Plain Python; sizes come in pixels per point.

It walks the same outline and reads the same table of roles (documents/layout.py) as the
.docx: header in two columns with its rules, numbered body, recipients beside the signature,
and the appendix as a separate (landscape) part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.outline import (
    Appendix,
    Block,
    Cell,
    Column,
    Outline,
    Role,
    Table,
    plan_outline,
)
from cchc_desktop.documents.layout import (
    APPENDIX_RULE_AFTER_PT,
    ATTACHMENT_RULE_CM,
    LANDSCAPE_TEXT_CM,
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

CM_PER_PT = 2.54 / 72


@dataclass(frozen=True, slots=True)
class Scale:
    """Converts points and centimetres to the pixels of the device the text is laid out on."""

    px_per_pt: float
    device_px_per_pt: float = 96 / 72  # Qt reads text-indent in the device's own pixels

    def pt(self, points: float) -> int:
        return round(points * self.px_per_pt)

    def cm(self, centimetres: float) -> int:
        return round(centimetres / CM_PER_PT * self.px_per_pt)


def paragraph(
    scale: Scale,
    text: str,
    role: Role,
    *,
    bold: bool | None = None,
    align: str | None = None,
    before: float | None = None,
    after: float | None = None,
    extra: str = "",
) -> str:
    """One paragraph styled from its role's spec (the .docx's style of the same role)."""
    spec = SPECS[role]
    style = [
        f"font-size:{spec.size}pt",
        f"margin-top:{scale.pt(spec.before_pt if before is None else before)}px",
        f"margin-bottom:{scale.pt(spec.after_pt if after is None else after)}px",
    ]
    if spec.bold if bold is None else bold:
        style.append("font-weight:bold")
    if spec.italic:
        style.append("font-style:italic")
    if spec.first_line_cm:
        indent = round(spec.first_line_cm / CM_PER_PT * scale.device_px_per_pt)
        style.append(f"text-indent:{indent}px")
    if spec.line != 1.0:
        style.append(f"line-height:{round(spec.line * 100)}%")
    body = escape(text) if text else "&nbsp;"  # Qt drops the height of an empty paragraph
    return f'<p align="{align or spec.align}" style="{extra}{";".join(style)}">{body}</p>'


def _rule(scale: Scale, length_cm: float, within_cm: float, after: float = 4) -> str:
    """A centred solid line of the given length: a 1 pt paragraph filled black, with equal
    side margins (the way the .docx draws its rules, and solid on any printer)."""
    side = scale.cm(max(within_cm - length_cm, 0) / 2)
    return (
        f'<p style="font-size:1pt; margin-top:{scale.pt(2)}px; margin-bottom:{scale.pt(after)}px; '
        f'margin-left:{side}px; margin-right:{side}px; background-color:black">&nbsp;</p>'
    )


def _two_columns(scale: Scale, widths_cm: tuple[float, float], left: str, right: str) -> str:
    total = sum(widths_cm)
    return (
        f'<table width="{scale.cm(total)}" cellspacing="0" cellpadding="0" style="border:none">'
        f'<tr><td width="{scale.cm(widths_cm[0])}" valign="top">{left}</td>'
        f'<td width="{scale.cm(widths_cm[1])}" valign="top">{right}</td></tr></table>'
    )


def header_html(outline: Outline, scale: Scale) -> str:
    header = outline.header
    widths = header_widths(header)
    issuer = "".join(paragraph(scale, line, Role.GOVERNING) for line in header.governing)
    issuer += "".join(paragraph(scale, line, Role.ISSUER) for line in header.issuer)
    issuer += _rule(scale, issuer_rule_cm(header, widths[0]), widths[0])
    nation = (
        paragraph(scale, NATIONAL_TITLE, Role.NATIONAL_TITLE)
        + paragraph(scale, MOTTO, Role.MOTTO)
        + _rule(scale, motto_rule_cm(), widths[1])
    )
    number = paragraph(scale, header.number, Role.NUMBER)
    when = paragraph(scale, header.date_line, Role.DATE_LINE)
    return _two_columns(scale, widths, issuer, nation) + _two_columns(scale, widths, number, when)


def title_html(outline: Outline, scale: Scale) -> str:
    out = [paragraph(scale, outline.doc_type, Role.DOC_TYPE)]
    out += [paragraph(scale, line, Role.SUMMARY) for line in outline.summary]
    out.append(
        _rule(scale, summary_rule_cm(outline.summary), PORTRAIT_TEXT_CM, TITLE_RULE_AFTER_PT)
    )
    return "".join(out)


def signature_html(outline: Outline, scale: Scale) -> str:
    signature = outline.signature
    left = paragraph(scale, "Nơi nhận:", Role.RECIPIENTS_HEAD)
    left += "".join(paragraph(scale, line, Role.RECIPIENT) for line in signature.recipients)
    right = "".join(
        paragraph(scale, line, Role.AUTHORITY, before=SIGNATURE_FIRST_BEFORE_PT if i == 0 else None)
        for i, line in enumerate(signature.authority)
    )
    # An empty line, then the room to sign and seal: the .docx's empty paragraph with its
    # space after.
    right += paragraph(scale, "", Role.AUTHORITY, after=SIGNATURE_ROOM_CM / CM_PER_PT)
    right += paragraph(scale, signature.signer, Role.SIGNER)
    half = PORTRAIT_TEXT_CM / 2
    return _two_columns(scale, (half, half), left, right)


def block_html(block: Block, scale: Scale, *, new_page: bool = False) -> str:
    extra = "page-break-before:always;" if new_page else ""
    return paragraph(scale, block.text, block.role, extra=extra)


def body_html(outline: Outline, scale: Scale, *, closing_on_new_page: bool = False) -> str:
    """Page 1 onwards, portrait: header, title, body, signature. The closing paragraph can
    start a new page, to stand with the signature."""
    out = [header_html(outline, scale), title_html(outline, scale)]
    first_closing = True
    for part in outline.body:
        if isinstance(part, Table):
            out.append(table_html(part, scale, table_rows_html(part), PORTRAIT_TEXT_CM))
            continue
        new_page = closing_on_new_page and part.role is Role.CLOSING and first_closing
        if part.role is Role.CLOSING:
            first_closing = False
        out.append(block_html(part, scale, new_page=new_page))
    out.append(signature_html(outline, scale))
    return "".join(out)


def appendix_title_html(appendix: Appendix, scale: Scale) -> str:
    """ "Phụ lục", its title, the attachment line and a short rule."""
    out = [paragraph(scale, appendix.label, Role.APPENDIX_LABEL)]
    out += [paragraph(scale, line, Role.APPENDIX_TITLE) for line in appendix.title]
    out.append(paragraph(scale, appendix.attachment, Role.ATTACHMENT))
    out.append(_rule(scale, ATTACHMENT_RULE_CM, LANDSCAPE_TEXT_CM, APPENDIX_RULE_AFTER_PT))
    return "".join(out)


# What HTML collapses into one space: Qt's spaces (QChar::isSpace) but the no-break space and
# the paragraph separator, which starts a new paragraph.
_COLLAPSED = re.compile("[\t\n\x0b\x0c\r \x85\u1680\u2000-\u200a\u2028\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile("[\t\n\x0b\x0c\r\x85\u1680\u2000-\u200a\u2028\u202f\u205f\u3000]")
LINE_BREAK = "\u2028"  # what <br> becomes in Qt's text engine


def cell_text(text: str) -> str:
    """A line of a table cell as Qt shows it from HTML: spaces, tabs and line breaks as one
    space, none at the start of a line; a paragraph separator breaks the line. The rows
    painted by hand (render/long_table.py) show the same."""
    return LINE_BREAK.join(_collapsed(part).lstrip(" ") for part in text.split("\u2029"))


def _collapsed(text: str) -> str:
    if "  " not in text and not _ODD_SPACE.search(text):  # the usual line: nothing to do
        return text
    return _COLLAPSED.sub(" ", text)


def row_html(cells: tuple[Cell, ...], columns: tuple[Column, ...]) -> str:
    """One <tr> of a table."""
    size = SPECS[Role.TABLE_CELL].size
    tds = []
    for cell, column in zip(cells, columns, strict=True):
        lines = []
        for text, bold in cell.lines:
            line = "<br>".join(escape(part) for part in cell_text(text).split(LINE_BREAK))
            lines.append(f"<b>{line}</b>" if bold else line)
        tds.append(
            f'<td align="{column.align}" valign="top" style="font-size:{size}pt">'
            f"{'<br>'.join(lines)}</td>"
        )
    return "<tr>" + "".join(tds) + "</tr>"


def table_rows_html(table: Table) -> list[str]:
    """One <tr> per row of the table."""
    return [row_html(cells, table.columns) for cells in table.rows]


def table_html(
    table: Table, scale: Scale, rows: list[str], total_cm: float, head_valign: str = "middle"
) -> str:
    """The table with its header rows (marked as the header, repeated by Qt) and ``rows``;
    ``head_valign="top"`` sets the header's words at the top of their cells (to measure)."""
    pad = scale.pt(3)
    size = SPECS[Role.TABLE_HEAD].size
    head = f'style="font-size:{size}pt; font-weight:bold"'
    widths = [scale.cm(w) for w in column_widths([c.weight for c in table.columns], total_cm)]
    out = []
    if table.title:
        out.append(paragraph(scale, table.title, Role.TABLE_TITLE))
    out.append(
        f'<table width="{scale.cm(total_cm)}" border="1" cellspacing="0" '
        f'cellpadding="{pad}" style="border-collapse:collapse; border-color:black"><thead>'
    )
    for head_row in table.head_rows():
        out.append("<tr>")
        for text, first, span, down in head_row:
            width = sum(widths[first : first + span])
            out.append(
                f'<th colspan="{span}" rowspan="{down}" width="{width}" align="center" '
                f'valign="{head_valign}" {head}>{escape(text)}</th>'
            )
        out.append("</tr>")
    out.append("</thead><tbody>")
    out.extend(rows)
    out.append("</tbody></table>")
    return "".join(out)


def appendix_html(appendix: Appendix, scale: Scale) -> str:
    """The whole appendix as one flow (the preview); the PDF paginates it row by row."""
    rows = table_rows_html(appendix.table)
    return appendix_title_html(appendix, scale) + table_html(
        appendix.table, scale, rows, LANDSCAPE_TEXT_CM
    )


def outline_preview_html(outline: Outline, px_per_pt: float = 96 / 72) -> str:
    """Both parts one after the other, for an on-screen preview."""
    scale = Scale(px_per_pt)
    html = body_html(outline, scale)
    if outline.appendix is not None:
        html += "<hr>" + appendix_html(outline.appendix, scale)
    return html


def preview_html(plan: Plan, office: Office, px_per_pt: float = 96 / 72) -> str:
    return outline_preview_html(plan_outline(plan, office), px_per_pt)
