"""The plan as the rich text (HTML subset) that Qt's text engine lays out: for the PDF, the
printer and the on-screen preview alike. Plain Python; sizes come in pixels per point.

It follows the same outline and the same national format as the .docx (documents/nd30.py):
header in two columns with its rules, numbered body, recipients beside the signature, and the
appendix as a separate (landscape) part.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from cchc_desktop.core.docdate import date_line, number_line
from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.outline import (
    Role,
    appendix_title,
    basis_lines,
    body_blocks,
    issuer_lines,
    recipient_lines,
)
from cchc_desktop.documents.layout import (
    APPENDIX_COLUMNS,
    HEADER_LEFT_CM,
    HEADER_RIGHT_CM,
    LANDSCAPE_TEXT_CM,
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
    TIME_HEADING,
    attachment_line,
)
from cchc_desktop.documents.metrics import short_rule_length, text_width_cm

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


def _p(
    scale: Scale,
    text: str,
    *,
    size: float = SIZE_BODY,
    align: str = "justify",
    bold: bool = False,
    italic: bool = False,
    indent_cm: float = 0,
    after: float = 6,
    before: float = 0,
) -> str:
    style = [
        f"font-size:{size}pt",
        f"margin-top:{scale.pt(before)}px",
        f"margin-bottom:{scale.pt(after)}px",
    ]
    if bold:
        style.append("font-weight:bold")
    if italic:
        style.append("font-style:italic")
    if indent_cm:
        style.append(f"text-indent:{round(indent_cm / CM_PER_PT * scale.device_px_per_pt)}px")
    body = escape(text) if text else "&nbsp;"  # Qt drops the height of an empty paragraph
    return f'<p align="{align}" style="{";".join(style)}">{body}</p>'


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


def body_html(
    plan: Plan, office: Office, scale: Scale, *, closing_on_new_page: bool = False
) -> str:
    """Page 1 onwards, portrait: header, title, bases, numbered body, signature."""
    centre = "center"
    issuer = "".join(
        _p(scale, line, size=SIZE_ISSUER, align=centre, bold=True, after=0)
        for line in issuer_lines(office)
    )
    longest = max(issuer_lines(office), key=lambda s: text_width_cm(s, SIZE_ISSUER, bold=True))
    issuer += _rule(scale, short_rule_length(longest, SIZE_ISSUER, HEADER_LEFT_CM), HEADER_LEFT_CM)
    nation = (
        _p(scale, NATIONAL_TITLE, size=SIZE_TITLE, align=centre, bold=True, after=0)
        + _p(scale, MOTTO, size=SIZE_MOTTO, align=centre, bold=True, after=0)
        + _rule(scale, text_width_cm(MOTTO, SIZE_MOTTO, bold=True), HEADER_RIGHT_CM)
    )
    number = _p(
        scale, number_line(plan.number, plan.number_suffix), size=SIZE_NUMBER, align=centre,
        before=8, after=0,
    )  # fmt: skip
    when = _p(
        scale,
        date_line(office.date_place, plan.issued_on, plan.drafted_on, plan.period.year),
        size=SIZE_DATE, align=centre, italic=True, before=8, after=0,
    )  # fmt: skip
    widths = (HEADER_LEFT_CM, HEADER_RIGHT_CM)
    out = [_two_columns(scale, widths, issuer, nation), _two_columns(scale, widths, number, when)]
    out.append(_p(scale, "KẾ HOẠCH", align=centre, bold=True, before=18, after=0))
    out.append(_p(scale, plan.summary, align=centre, bold=True, after=0))
    out.append(
        _rule(
            scale,
            short_rule_length(plan.summary, SIZE_BODY, PORTRAIT_TEXT_CM),
            PORTRAIT_TEXT_CM,
            after=14,
        )
    )
    for line in basis_lines(plan):
        out.append(_p(scale, line, italic=True, indent_cm=1))
    if plan.preamble:
        out.append(_p(scale, plan.preamble, indent_cm=1))
    for block in body_blocks(plan):
        paragraph = _p(scale, block.text, bold=block.role is Role.HEADING, indent_cm=1)
        if block.role is Role.CLOSING and closing_on_new_page:  # to the signature's page
            paragraph = paragraph.replace('style="', 'style="page-break-before:always;', 1)
        out.append(paragraph)

    left = _p(
        scale,
        "Nơi nhận:",
        size=SIZE_RECIPIENTS_HEAD,
        align="left",
        bold=True,
        italic=True,
        before=6,
        after=0,
    )
    left += "".join(
        _p(scale, line, size=SIZE_RECIPIENTS, align="left", after=0)
        for line in recipient_lines(plan.recipients)
    )
    lines = plan.signer.authority_lines if plan.signer else []
    right = "".join(
        _p(scale, line, align=centre, bold=True, after=0, before=6 if i == 0 else 0)
        for i, line in enumerate(lines)
    )
    right += _p(scale, "", after=60)  # with its own line, about 2.6 cm to sign and seal
    right += _p(scale, plan.signer.name if plan.signer else "", align=centre, bold=True, after=0)
    half = PORTRAIT_TEXT_CM / 2
    out.append(_two_columns(scale, (half, half), left, right))
    return "".join(out)


def appendix_title_html(plan: Plan, office: Office, scale: Scale) -> str:
    """ "Phụ lục", its title, the attachment line and a short rule."""
    centre = "center"
    return "".join(
        [
            _p(scale, "Phụ lục", align=centre, bold=True, after=0),
            _p(scale, appendix_title(plan, office), align=centre, bold=True, after=0),
            _p(scale, attachment_line(plan, office), align=centre, italic=True, after=0),
            _rule(scale, 4.0, LANDSCAPE_TEXT_CM, after=10),
        ]
    )


def task_rows_html(plan: Plan) -> list[str]:
    """One <tr> per chosen task, numbered as in the .docx."""
    cell = f'style="font-size:{SIZE_TABLE}pt"'
    rows = []
    for n, task in enumerate(plan.chosen_tasks, start=1):
        details = "".join(f"<br>- {escape(d)}" for d in task.details)
        cells = [
            ("center", str(n)),
            ("left", f"<b>{escape(task.title)}</b>{details}"),
            ("center", escape(task.output)),
            ("center", escape(task.start_text)),
            ("center", escape(task.finish_text)),
            ("center", escape(task.lead_unit)),
            ("left", escape(task.supporting_units)),
        ]
        rows.append(
            "<tr>"
            + "".join(f'<td align="{a}" valign="top" {cell}>{text}</td>' for a, text in cells)
            + "</tr>"
        )
    return rows


def task_table_html(scale: Scale, rows: list[str]) -> str:
    """The task table with its two header rows (marked as the header, repeated by Qt)."""
    pad = scale.pt(3)
    head = f'style="font-size:{SIZE_TABLE}pt; font-weight:bold"'
    widths = [scale.cm(w) for _, w in APPENDIX_COLUMNS]
    table = [
        f'<table width="{scale.cm(LANDSCAPE_TEXT_CM)}" border="1" cellspacing="0" '
        f'cellpadding="{pad}" style="border-collapse:collapse; border-color:black">'
        "<thead><tr>"
    ]
    for column, (name, _) in enumerate(APPENDIX_COLUMNS):
        if column == 3:
            table.append(f'<th colspan="2" align="center" {head}>{escape(TIME_HEADING)}</th>')
        elif column != 4:
            table.append(
                f'<th rowspan="2" width="{widths[column]}" align="center" valign="middle" {head}>'
                f"{escape(name)}</th>"
            )
    table.append("</tr><tr>")
    for column in (3, 4):
        name = escape(APPENDIX_COLUMNS[column][0])
        table.append(f'<th width="{widths[column]}" align="center" {head}>{name}</th>')
    table.append("</tr></thead><tbody>")
    table.extend(rows)
    table.append("</tbody></table>")
    return "".join(table)


def appendix_html(plan: Plan, office: Office, scale: Scale) -> str:
    """The whole appendix as one flow (the preview); the PDF paginates it row by row."""
    return appendix_title_html(plan, office, scale) + task_table_html(scale, task_rows_html(plan))


def preview_html(plan: Plan, office: Office, px_per_pt: float = 96 / 72) -> str:
    """Both parts one after the other, for an on-screen preview."""
    scale = Scale(px_per_pt)
    html = body_html(plan, office, scale)
    if plan.chosen_tasks:
        html += "<hr>" + appendix_html(plan, office, scale)
    return html
