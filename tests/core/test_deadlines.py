"""Report deadlines under the office's rule, and the two-week reminder, on a fixed clock."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.core.deadlines import (
    ReportKind,
    ReportPeriod,
    deadlines,
    next_deadline,
    parse_report_period,
    report_periods,
    rule_text,
    upcoming,
)
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.errors import CchcError

H2_2025 = Period(PeriodKind.SECOND_HALF, 2025)
YEAR_2026 = Period(PeriodKind.YEAR, 2026)


def test_the_city_rule_puts_each_report_before_the_10th_of_the_quarters_last_month():
    found = [(d.day, d.label) for d in deadlines(YEAR_2026, 10)]
    assert found == [
        (date(2026, 3, 10), "báo cáo quý I năm 2026"),
        (date(2026, 6, 10), "báo cáo quý II và 6 tháng đầu năm 2026"),
        (date(2026, 9, 10), "báo cáo quý III năm 2026"),
        (date(2026, 12, 10), "báo cáo quý IV, 6 tháng cuối năm và năm 2026"),
    ]


def test_a_ward_whose_plan_says_the_5th_gets_its_own_deadlines():
    assert [d.day for d in deadlines(H2_2025, 5)] == [date(2025, 9, 5), date(2025, 12, 5)]
    assert rule_text(5).startswith("trước ngày 5 của tháng cuối quý")


def test_a_deadline_day_that_some_months_lack_is_kept_inside_every_month():
    assert ReportPeriod(ReportKind.QUARTER, 2026, 1).deadline(31) == date(2026, 3, 28)


def test_a_second_half_plan_reports_on_its_quarters_the_half_and_the_year():
    reports = report_periods(H2_2025)
    assert [r.code for r in reports] == ["q3", "q4", "h2", "year"]
    assert [r.label for r in reports] == [
        "quý III năm 2025", "quý IV năm 2025", "6 tháng cuối năm 2025", "năm 2025",
    ]  # fmt: skip
    assert reports[0].start == date(2025, 7, 1) and reports[0].end == date(2025, 9, 30)
    assert [r.slug for r in reports] == [
        "quy-III-2025",
        "quy-IV-2025",
        "6-thang-cuoi-2025",
        "nam-2025",
    ]


def test_a_period_code_outside_the_plan_is_refused_naming_the_allowed_ones():
    assert parse_report_period("Q3", H2_2025).label == "quý III năm 2025"
    with pytest.raises(CchcError, match="q3, q4, h2, year"):
        parse_report_period("q1", H2_2025)


@pytest.mark.parametrize(
    ("today", "reminded"),
    [
        (date(2025, 8, 26), False),  # 15 days before
        (date(2025, 8, 27), True),  # exactly two weeks
        (date(2025, 9, 10), True),  # the day itself
        (date(2025, 9, 11), False),  # past: the next one is in December
    ],
)
def test_the_reminder_looks_two_weeks_ahead(today, reminded):
    found = upcoming(H2_2025, 10, today)
    assert (found is not None) is reminded
    if found is not None:
        assert found.main.label == "quý III năm 2025"


def test_the_next_deadline_says_how_many_days_are_left():
    found = next_deadline(H2_2025, 10, date(2025, 9, 5))
    assert found is not None
    assert found.when_text(date(2025, 9, 5)) == "trước ngày 10/9/2025 (còn 5 ngày)"
    assert found.when_text(date(2025, 9, 9)) == "trước ngày 10/9/2025 (còn 1 ngày, hạn là ngày mai)"
    assert found.when_text(date(2025, 9, 10)) == "trước ngày 10/9/2025 (hạn là hôm nay)"
    december = next_deadline(H2_2025, 10, date(2025, 9, 11))
    assert december is not None and december.main.label == "năm 2025"
    assert next_deadline(H2_2025, 10, date(2025, 12, 11)) is None


def test_late_in_a_half_year_the_wizard_proposes_the_next_one():
    from cchc_desktop.core.period import Period, PeriodKind, period_to_plan

    assert period_to_plan(date(2026, 11, 24)) == Period(PeriodKind.FIRST_HALF, 2027)
    assert period_to_plan(date(2026, 12, 31)) == Period(PeriodKind.FIRST_HALF, 2027)
    assert period_to_plan(date(2026, 8, 12)) == Period(PeriodKind.SECOND_HALF, 2026)
    assert period_to_plan(date(2026, 5, 10)) == Period(PeriodKind.SECOND_HALF, 2026)
    assert period_to_plan(date(2026, 1, 3)) == Period(PeriodKind.FIRST_HALF, 2026)
    assert period_to_plan(date(2026, 11, 24), PeriodKind.YEAR) == Period(PeriodKind.YEAR, 2027)
    assert period_to_plan(date(2026, 2, 1), PeriodKind.YEAR) == Period(PeriodKind.YEAR, 2026)


def test_the_date_line_month_stays_inside_the_time_a_plan_is_written():
    from cchc_desktop.core.period import Period, PeriodKind, drafting_month

    first_half_2027 = Period(PeriodKind.FIRST_HALF, 2027)
    assert drafting_month(first_half_2027, date(2026, 11, 24)) == date(2026, 11, 1)
    assert drafting_month(first_half_2027, date(2027, 2, 10)) == date(2027, 2, 1)
    assert drafting_month(first_half_2027, date(2025, 3, 1)) == date(2027, 1, 1)  # far before
    assert drafting_month(first_half_2027, date(2028, 5, 1)) == date(2027, 1, 1)  # long after
