from datetime import date

import pytest

from cchc_desktop.core.docdate import BLANK, date_line, date_words, number_line, short_date


@pytest.mark.parametrize(
    ("day", "month", "expected"),
    [
        (5, 3, "ngày 05 tháng 3 năm 2025"),
        (10, 2, "ngày 10 tháng 02 năm 2025"),
        (1, 1, "ngày 01 tháng 01 năm 2025"),
        (31, 8, "ngày 31 tháng 8 năm 2025"),
        (9, 12, "ngày 09 tháng 12 năm 2025"),
    ],
)
def test_day_below_10_and_months_1_2_take_a_leading_zero_others_do_not(day, month, expected):
    assert date_words(day, month, 2025) == expected


def test_unsigned_plan_leaves_the_day_blank_but_keeps_month_and_year():
    line = date_line("Quyết Thắng", None, date(2025, 8, 1), 2025)
    assert line == f"Quyết Thắng, ngày {BLANK} tháng 8 năm 2025"


def test_signed_plan_prints_its_full_date():
    assert date_line("Quyết Thắng", date(2025, 8, 5), date(2025, 8, 1), 2025) == (
        "Quyết Thắng, ngày 05 tháng 8 năm 2025"
    )


def test_number_line_blank_until_assigned_and_zero_padded_below_ten():
    assert number_line("", "KH-UBND") == f"Số: {BLANK}/KH-UBND"
    assert number_line("5", "KH-UBND") == "Số: 05/KH-UBND"
    assert number_line("9", "KH-UBND") == "Số: 09/KH-UBND"
    assert number_line("10", "KH-UBND") == "Số: 10/KH-UBND"
    assert number_line("125", "KH-UBND") == "Số: 125/KH-UBND"


def test_short_date_for_references():
    assert short_date(date(2025, 2, 10)) == "10/02/2025"
    assert short_date(date(2025, 8, 15)) == "15/8/2025"  # months 3-12 are never padded
    assert short_date(date(2025, 11, 5)) == "05/11/2025"
