"""The one table of the national format that every renderer shares: how each role of an
outline looks (size, weight, alignment, indent, spacing), the page and its margins, the
header's columns, the rules and the room for the signature. No python-docx here, so the
on-screen preview and the app's PDF use it without loading it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cchc_desktop.core.outline import Header, Role
from cchc_desktop.core.textwidth import short_rule_length, text_width_cm

FONT = "Times New Roman"

# Page (mm): inside the decree's ranges (top/bottom 20-25, left 30-35, right 15-20).
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20, 20, 30, 15
A4_SHORT, A4_LONG = 210, 297
PORTRAIT_TEXT_CM = (A4_SHORT - MARGIN_LEFT - MARGIN_RIGHT) / 10
LANDSCAPE_TEXT_CM = (A4_LONG - MARGIN_LEFT - MARGIN_RIGHT) / 10

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

# The header table: the right column holds the national title on one line (9.57 cm at 13 pt);
# the left one is widened for a long issuer, overhanging the right margin a little at most, as
# the decree's own sample does (6.75 + 10 cm).
HEADER_LEFT_CM = 6.5
HEADER_RIGHT_MIN_CM = 9.7
HEADER_OVERHANG_CM = 0.35
HEADER_LEFT_MAX_CM = PORTRAIT_TEXT_CM + HEADER_OVERHANG_CM - HEADER_RIGHT_MIN_CM

SIGNATURE_ROOM_CM = 2.6  # room to sign and seal between the title and the name
ATTACHMENT_RULE_CM = 4.0
PAGE_NUMBER_PT = 13
FIRST_LINE_CM = 1.0
LINE_SPACING = 1.1


@dataclass(frozen=True, slots=True)
class ParagraphSpec:
    """How a role prints: points and centimetres, as the decree gives them."""

    size: float = 14
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # "left", "center", "right", "justify"
    first_line_cm: float = 0.0
    before_pt: float = 0
    after_pt: float = 6
    line: float = 1.0  # line spacing, as a multiple
    keep_with_next: bool = False
    keep_together: bool = False


def _centred(**style: Any) -> ParagraphSpec:
    return ParagraphSpec(align="center", after_pt=0, **style)


def _body(**style: Any) -> ParagraphSpec:
    """Justified text with a first-line indent."""
    return ParagraphSpec(first_line_cm=FIRST_LINE_CM, line=LINE_SPACING, **style)


SPECS: dict[Role, ParagraphSpec] = {
    Role.GOVERNING: _centred(size=13),
    Role.ISSUER: _centred(size=13, bold=True),
    Role.NATIONAL_TITLE: _centred(size=13, bold=True),
    Role.MOTTO: _centred(size=14, bold=True),
    Role.NUMBER: _centred(size=13, before_pt=6),
    Role.DATE_LINE: _centred(size=14, italic=True, before_pt=6),
    Role.DOC_TYPE: _centred(bold=True, before_pt=18, keep_with_next=True),
    Role.SUMMARY: _centred(bold=True, keep_with_next=True),
    Role.BASIS: _body(italic=True),
    Role.PREAMBLE: _body(),
    Role.HEADING_1: _body(bold=True, before_pt=6, keep_with_next=True),
    Role.HEADING_2: _body(bold=True, keep_with_next=True),
    Role.POINT: _body(),
    # Never a signature alone on a page: the closing paragraph goes with it.
    Role.CLOSING: _body(keep_with_next=True, keep_together=True),
    Role.RECIPIENTS_HEAD: ParagraphSpec(
        size=12, bold=True, italic=True, align="left", before_pt=6, after_pt=0
    ),
    Role.RECIPIENT: ParagraphSpec(size=11, align="left", after_pt=0),
    Role.AUTHORITY: _centred(bold=True, keep_with_next=True),
    Role.SIGNER: _centred(bold=True),
    Role.APPENDIX_LABEL: _centred(bold=True, keep_with_next=True),
    Role.APPENDIX_TITLE: _centred(bold=True, keep_with_next=True),
    Role.ATTACHMENT: _centred(italic=True, keep_with_next=True),
    Role.TABLE_TITLE: ParagraphSpec(
        bold=True, align="center", before_pt=6, after_pt=4, keep_with_next=True
    ),
    Role.TABLE_HEAD: ParagraphSpec(size=12, bold=True, align="center", after_pt=0),
    Role.TABLE_CELL: ParagraphSpec(size=12, align="left", after_pt=2),
}
SIGNATURE_FIRST_BEFORE_PT = 6  # the first authority line, level with "Nơi nhận:"
TITLE_RULE_AFTER_PT = 12  # under the summary's rule, before the bases
APPENDIX_RULE_AFTER_PT = 10


def spec(role: Role) -> ParagraphSpec:
    return SPECS[role]


def header_widths(header: Header) -> tuple[float, float]:
    """The header's two columns (cm): the left one as wide as its longest line needs,
    between 6.5 cm and what leaves the national title its 9.7 cm."""
    lines = [(line, False) for line in header.governing] + [(line, True) for line in header.issuer]
    widest = max(
        (text_width_cm(text, SPECS[Role.ISSUER].size, bold=bold) for text, bold in lines),
        default=0.0,
    )
    left = min(max(HEADER_LEFT_CM, round(widest + 0.15, 2)), HEADER_LEFT_MAX_CM)
    right = max(PORTRAIT_TEXT_CM - left, HEADER_RIGHT_MIN_CM)
    return left, right


def issuer_rule_cm(header: Header, column_cm: float) -> float:
    """The rule under the issuer: 2/5 of its longest bold line (the decree: 1/3 to 1/2)."""
    longest = max(header.issuer, key=lambda s: text_width_cm(s, 13, bold=True), default="")
    return short_rule_length(longest, SPECS[Role.ISSUER].size, column_cm)


def motto_rule_cm() -> float:
    """As long as the motto."""
    return round(text_width_cm(MOTTO, SPECS[Role.MOTTO].size, bold=True), 2)


def summary_rule_cm(summary: tuple[str, ...]) -> float:
    """Under the summary: 2/5 of its longest line."""
    longest = max(summary, key=lambda s: text_width_cm(s, 14, bold=True), default="")
    return short_rule_length(longest, SPECS[Role.SUMMARY].size, PORTRAIT_TEXT_CM)


def column_widths(weights: list[float], total_cm: float) -> list[float]:
    """A table's column widths (cm) from their weights, filling ``total_cm``."""
    scale = total_cm / sum(weights)
    return [round(w * scale, 3) for w in weights]
