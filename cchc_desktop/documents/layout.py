"""The numbers of the national format that every renderer shares — page, margins, sizes,
the header's columns, the appendix table — and the lines built from the plan for it.
No python-docx here, so the on-screen preview and the PDF can use them without loading it."""

from __future__ import annotations

from cchc_desktop.core.docdate import date_words, number_line
from cchc_desktop.core.model import Office, Plan

FONT = "Times New Roman"

# Page (mm): inside the decree's ranges (top/bottom 20-25, left 30-35, right 15-20).
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20, 20, 30, 15
A4_SHORT, A4_LONG = 210, 297
PORTRAIT_TEXT_CM = (A4_SHORT - MARGIN_LEFT - MARGIN_RIGHT) / 10
LANDSCAPE_TEXT_CM = (A4_LONG - MARGIN_LEFT - MARGIN_RIGHT) / 10

# The header table: the right column must hold the national title on one line (9.57 cm at 13 pt).
HEADER_LEFT_CM = 6.5
HEADER_RIGHT_CM = PORTRAIT_TEXT_CM - HEADER_LEFT_CM

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

# Sizes (pt), the suggested profile of ND30.md.
SIZE_TITLE, SIZE_MOTTO, SIZE_ISSUER, SIZE_NUMBER, SIZE_DATE = 13, 14, 13, 13, 14
SIZE_BODY, SIZE_RECIPIENTS_HEAD, SIZE_RECIPIENTS, SIZE_TABLE = 14, 12, 11, 12

# The appendix table: TT | task | output | start | finish | lead | supporting (cm, 25.2 in all)
APPENDIX_COLUMNS = (
    ("TT", 1.1),
    ("Nội dung nhiệm vụ", 8.6),
    ("Sản phẩm", 3.0),
    ("Triển khai", 2.6),
    ("Hoàn thành", 2.6),
    ("Cơ quan chủ trì", 3.4),
    ("Cơ quan phối hợp", 3.9),
)
TIME_HEADING = "Thời gian thực hiện"


def attachment_line(plan: Plan, office: Office) -> str:
    """ "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 8 năm 2025 của Ủy ban nhân dân xã …)" """
    number = number_line(plan.number, plan.number_suffix).removeprefix("Số: ")
    if plan.issued_on is not None:
        day = plan.issued_on
        when = date_words(day.day, day.month, day.year)
    elif plan.drafted_on is not None:
        when = date_words(None, plan.drafted_on.month, plan.drafted_on.year)
    else:
        when = date_words(None, None, plan.period.year)
    return f"(Kèm theo Kế hoạch số {number} {when} của {office.committee})"
