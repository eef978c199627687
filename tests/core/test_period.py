"""The plan's period: its months, its neighbours, its words."""

from datetime import date

from cchc_desktop.core.period import Period, PeriodKind

H1, H2, YEAR = PeriodKind.FIRST_HALF, PeriodKind.SECOND_HALF, PeriodKind.YEAR


def test_the_period_before_a_first_half_is_the_second_half_of_the_year_before():
    assert Period(H1, 2026).previous == Period(H2, 2025)
    assert Period(H2, 2026).previous == Period(H1, 2026)
    assert Period(YEAR, 2026).previous == Period(YEAR, 2025)


def test_the_period_after_a_second_half_is_the_first_half_of_the_next_year():
    assert Period(H2, 2025).next == Period(H1, 2026)
    assert Period(H1, 2025).next == Period(H2, 2025)
    assert Period(YEAR, 2025).next == Period(YEAR, 2026)


def test_a_periods_months_days_quarters_and_words():
    second = Period(H2, 2025)
    assert (second.start, second.end) == (date(2025, 7, 1), date(2025, 12, 31))
    assert second.quarters == (3, 4)
    assert Period(H1, 2024).end == date(2024, 6, 30)
    assert Period(YEAR, 2026).quarters == (1, 2, 3, 4)
    assert second.label == "6 tháng cuối năm 2025"
    assert Period(H1, 2026).label == "6 tháng đầu năm 2026"
    assert Period(YEAR, 2026).label == "năm 2026"
    assert second.contains(date(2025, 7, 1)) and not second.contains(date(2025, 6, 30))
