"""The time words of a task table are read as dates, and the words are kept as typed."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.timewords import (
    TimeKind,
    TimeSpan,
    format_date_vn,
    outside_period,
    parse_time,
    task_dates,
)

H1 = Period(PeriodKind.FIRST_HALF, 2025)  # 6 tháng đầu năm 2025
H2 = Period(PeriodKind.SECOND_HALF, 2025)  # 6 tháng cuối năm 2025
Y26 = Period(PeriodKind.YEAR, 2026)  # năm 2026

K = TimeKind


def _day(shown: str) -> date:
    """A date written the Vietnamese way in the tables below: "31/8/2025"."""
    day, month, year = (int(part) for part in shown.split("/"))
    return date(year, month, day)


def _maybe_day(shown: str | None) -> date | None:
    return None if shown is None else _day(shown)


# (story id, text as typed, plan period, kind, start, end = due date)
SPANS = [
    # A month, with or without its year.
    ("month", "Tháng 8/2025", H2, K.MONTH, "1/8/2025", "31/8/2025"),
    ("month-zero-padded", "tháng 08/2025", H2, K.MONTH, "1/8/2025", "31/8/2025"),
    ("month-nam-year", "Tháng 8 năm 2025", H2, K.MONTH, "1/8/2025", "31/8/2025"),
    ("month-dot-year", "Tháng 9.2025", H2, K.MONTH, "1/9/2025", "30/9/2025"),
    ("month-hyphen-year", "Tháng 9 - 2025", H2, K.MONTH, "1/9/2025", "30/9/2025"),
    ("month-trong-trailing-dot", "Trong tháng 8/2025.", H2, K.MONTH, "1/8/2025", "31/8/2025"),
    ("month-du-kien", "Dự kiến tháng 12/2025", H2, K.MONTH, "1/12/2025", "31/12/2025"),
    ("month-caps-spaces", "  THÁNG   8 / 2025 ", H2, K.MONTH, "1/8/2025", "31/8/2025"),
    ("month-no-year-h2", "Tháng 8", H2, K.MONTH, "1/8/2025", "31/8/2025"),
    ("month-no-year-y26", "Tháng 2", Y26, K.MONTH, "1/2/2026", "28/2/2026"),
    # A run of months.
    ("months-hyphen", "Tháng 10-11/2025", H2, K.MONTH_RANGE, "1/10/2025", "30/11/2025"),
    ("months-spaced-hyphen", "Tháng 10 - 11/2025", H2, K.MONTH_RANGE, "1/10/2025", "30/11/2025"),
    ("months-en-dash", "Tháng 10 – 11/2025", H2, K.MONTH_RANGE, "1/10/2025", "30/11/2025"),
    ("months-em-dash", "Tháng 10—11/2025", H2, K.MONTH_RANGE, "1/10/2025", "30/11/2025"),
    ("months-comma", "Tháng 10, 11/2025", H2, K.MONTH_RANGE, "1/10/2025", "30/11/2025"),
    ("months-list", "Tháng 10, 11, 12/2025", H2, K.MONTH_RANGE, "1/10/2025", "31/12/2025"),
    ("months-tu-den", "Từ tháng 8 đến tháng 10/2025", H2, K.MONTH_RANGE, "1/8/2025", "31/10/2025"),
    (
        "months-both-years",
        "Tháng 8/2025 - Tháng 10/2025",
        H2,
        K.MONTH_RANGE,
        "1/8/2025",
        "31/10/2025",
    ),
    ("months-cross-year", "Tháng 11/2025 - 01/2026", H2, K.MONTH_RANGE, "1/11/2025", "31/1/2026"),
    (
        "months-cross-year-end-year-only",
        "Tháng 11 - 01/2026",
        H2,
        K.MONTH_RANGE,
        "1/11/2025",
        "31/1/2026",
    ),
    ("months-no-year-h2", "Tháng 9-10", H2, K.MONTH_RANGE, "1/9/2025", "31/10/2025"),
    ("months-no-year-y26", "Tháng 3-4", Y26, K.MONTH_RANGE, "1/3/2026", "30/4/2026"),
    # Quarters.
    ("quarter-roman", "Quý III/2025", H2, K.QUARTER, "1/7/2025", "30/9/2025"),
    ("quarter-digit", "Quý 3/2025", H2, K.QUARTER, "1/7/2025", "30/9/2025"),
    ("quarter-nam-year", "Quý III năm 2025", H2, K.QUARTER, "1/7/2025", "30/9/2025"),
    ("quarter-hyphen-year", "Quý IV-2025", H2, K.QUARTER, "1/10/2025", "31/12/2025"),
    ("quarter-lower-case", "quý iv/2025", H2, K.QUARTER, "1/10/2025", "31/12/2025"),
    ("quarter-no-year-h2", "Quý III", H2, K.QUARTER, "1/7/2025", "30/9/2025"),
    ("quarter-no-year-y26", "Quý I", Y26, K.QUARTER, "1/1/2026", "31/3/2026"),
    ("quarters-comma", "Quý III, IV/2025", H2, K.QUARTER, "1/7/2025", "31/12/2025"),
    ("quarters-hyphen", "Quý III-IV/2025", H2, K.QUARTER, "1/7/2025", "31/12/2025"),
    ("quarters-no-year-y26", "Quý II – III", Y26, K.QUARTER, "1/4/2026", "30/9/2026"),
    ("quarters-cross-year", "Quý IV/2025 - Quý I/2026", H2, K.QUARTER, "1/10/2025", "31/3/2026"),
    # Half years.
    ("first-half", "6 tháng đầu năm 2025", H2, K.HALF_YEAR, "1/1/2025", "30/6/2025"),
    ("second-half", "6 tháng cuối năm 2025", H2, K.HALF_YEAR, "1/7/2025", "31/12/2025"),
    (
        "second-half-zero-padded",
        "06 tháng cuối năm 2025",
        H2,
        K.HALF_YEAR,
        "1/7/2025",
        "31/12/2025",
    ),
    ("second-half-trong", "Trong 6 tháng cuối năm 2025", H2, K.HALF_YEAR, "1/7/2025", "31/12/2025"),
    ("second-half-no-year-h2", "6 tháng cuối năm", H2, K.HALF_YEAR, "1/7/2025", "31/12/2025"),
    ("first-half-no-year-y26", "6 tháng đầu năm", Y26, K.HALF_YEAR, "1/1/2026", "30/6/2026"),
    # A whole year.
    ("year", "Năm 2025", H2, K.YEAR, "1/1/2025", "31/12/2025"),
    ("year-trong", "Trong năm 2025", H2, K.YEAR, "1/1/2025", "31/12/2025"),
    ("year-ca-nam", "Cả năm 2026", Y26, K.YEAR, "1/1/2026", "31/12/2026"),
    # Ongoing: through the plan's period.
    ("ongoing-h2", "Thường xuyên", H2, K.ONGOING, "1/7/2025", "31/12/2025"),
    ("ongoing-y26", "Thường xuyên", Y26, K.ONGOING, "1/1/2026", "31/12/2026"),
    ("ongoing-hang-thang", "Hàng tháng", H2, K.ONGOING, "1/7/2025", "31/12/2025"),
    ("ongoing-hang-thang-2", "Hằng tháng", H2, K.ONGOING, "1/7/2025", "31/12/2025"),
    ("ongoing-hang-quy", "Hàng quý", Y26, K.ONGOING, "1/1/2026", "31/12/2026"),
    ("ongoing-hang-quy-2", "Hằng quý.", Y26, K.ONGOING, "1/1/2026", "31/12/2026"),
    ("ongoing-hang-nam", "Hàng năm", Y26, K.ONGOING, "1/1/2026", "31/12/2026"),
    ("ongoing-hang-nam-2", "Hằng năm", Y26, K.ONGOING, "1/1/2026", "31/12/2026"),
    ("ongoing-lien-tuc", "Liên tục", H2, K.ONGOING, "1/7/2025", "31/12/2025"),
    ("ongoing-two-words", "Thường xuyên, liên tục", H2, K.ONGOING, "1/7/2025", "31/12/2025"),
    ("ongoing-trong-nam", "Thường xuyên trong năm", Y26, K.ONGOING, "1/1/2026", "31/12/2026"),
    ("ongoing-ca-nam-no-year", "Cả năm", Y26, K.ONGOING, "1/1/2026", "31/12/2026"),
    ("ongoing-trong-ky", "Trong kỳ", H2, K.ONGOING, "1/7/2025", "31/12/2025"),
    # A single day.
    ("day", "15/9/2025", H2, K.DAY, "15/9/2025", "15/9/2025"),
    ("day-zero-padded", "15/09/2025", H2, K.DAY, "15/9/2025", "15/9/2025"),
    ("day-dots", "15.9.2025", H2, K.DAY, "15/9/2025", "15/9/2025"),
    ("day-ngay", "Ngày 15/9/2025", H2, K.DAY, "15/9/2025", "15/9/2025"),
    ("day-in-words", "ngày 15 tháng 9 năm 2025", H2, K.DAY, "15/9/2025", "15/9/2025"),
    ("day-no-year-y26", "Ngày 2/1", Y26, K.DAY, "2/1/2026", "2/1/2026"),
    # A deadline: from the period's start up to the day.
    ("before", "Trước 30/6/2025", H1, K.BEFORE, "1/1/2025", "30/6/2025"),
    ("before-ngay", "Trước ngày 30/6/2026", Y26, K.BEFORE, "1/1/2026", "30/6/2026"),
    ("before-cham-nhat", "Chậm nhất ngày 30/6/2025", H1, K.BEFORE, "1/1/2025", "30/6/2025"),
    ("before-no-year-h2", "Trước ngày 15/9", H2, K.BEFORE, "1/7/2025", "15/9/2025"),
    ("before-no-year-y26", "Trước ngày 15/9", Y26, K.BEFORE, "1/1/2026", "15/9/2026"),
    ("before-the-period-began", "Trước 30/6/2025", H2, K.BEFORE, "30/6/2025", "30/6/2025"),
]
CASES = [
    pytest.param(text, period, kind, _day(start), _day(end), id=name)
    for name, text, period, kind, start, end in SPANS
]

UNREADABLE = [
    pytest.param("", id="empty"),
    pytest.param("   ", id="blank"),
    pytest.param("31/2/2025", id="no-31-february"),
    pytest.param("29/2/2025", id="no-leap-day-2025"),
    pytest.param("Tháng 13/2025", id="month-13"),
    pytest.param("Tháng 0/2025", id="month-0"),
    pytest.param("Quý V/2025", id="quarter-5"),
    pytest.param("Quý 0", id="quarter-0"),
    pytest.param("Tháng 12 - 10", id="months-backwards-no-year"),
    pytest.param("Tháng 10/2026 - 8/2026", id="months-backwards-with-years"),
    pytest.param("Sau khi có văn bản hướng dẫn", id="words-without-time"),
    pytest.param("Trong", id="only-a-lead-word"),
    pytest.param("Tháng 8/20251", id="five-digit-year"),
    pytest.param("Năm 0000", id="year-zero"),
    pytest.param("Tháng 11 - 1/0001", id="range-before-year-one"),
]


@pytest.mark.parametrize(("text", "period", "kind", "start", "end"), CASES)
def test_a_typed_time_is_read_as_the_span_it_means(
    text: str, period: Period, kind: TimeKind, start: date, end: date
) -> None:
    span = parse_time(text, period)
    assert span == TimeSpan(text, kind, start, end)
    assert span.recognised is True


@pytest.mark.parametrize(("text", "period", "kind", "start", "end"), CASES)
def test_decomposed_unicode_reads_the_same_and_keeps_its_own_text(
    text: str, period: Period, kind: TimeKind, start: date, end: date
) -> None:
    typed = unicodedata.normalize("NFD", text)
    span = parse_time(typed, period)
    assert (span.kind, span.start, span.end) == (kind, start, end)
    assert span.text == typed


@pytest.mark.parametrize("text", UNREADABLE)
def test_words_that_are_not_a_time_are_kept_and_flagged(text: str) -> None:
    span = parse_time(text, H2)
    assert span == TimeSpan(text, TimeKind.UNKNOWN, None, None)
    assert span.recognised is False


@pytest.mark.parametrize(
    "text",
    [
        "\x00",
        "//..--",
        "\u0301",
        "9" * 5000,
        "Tháng " + "8-" * 500,
        "Quý " + "I" * 300,
        "năm " * 3000 + "x",
        "Thường xuyên " * 30 + "!",
    ],
)
def test_no_string_makes_the_reader_raise_or_hang(text: str) -> None:
    assert parse_time(text, Y26).kind is TimeKind.UNKNOWN


def test_the_typed_words_are_never_tidied() -> None:
    typed = "  Trong   THÁNG 8 – 9/2025. "
    span = parse_time(typed, H2)
    assert span.text == typed
    assert span.kind is TimeKind.MONTH_RANGE


# (story id, "Triển khai" cell, "Hoàn thành" cell, plan period, start, due date)
TASKS = [
    ("both-cells", "Tháng 8/2025", "Tháng 10/2025", H2, "1/8/2025", "31/10/2025"),
    ("both-quarters", "Quý III/2025", "Quý IV/2025", H2, "1/7/2025", "31/12/2025"),
    (
        "ongoing-finish-runs-to-period-end",
        "Tháng 9/2025",
        "Thường xuyên",
        H2,
        "1/9/2025",
        "31/12/2025",
    ),
    ("no-start-uses-finish", "", "Tháng 10/2025", H2, "1/10/2025", "31/10/2025"),
    ("blank-start-uses-finish", "  ", "Quý I", Y26, "1/1/2026", "31/3/2026"),
    ("no-finish-uses-start", "Quý III/2025", "", H2, "1/7/2025", "30/9/2025"),
    ("unreadable-finish-uses-start", "Tháng 8/2025", "khi có chỉ đạo", H2, "1/8/2025", "31/8/2025"),
    ("unreadable-start-has-no-start-date", "sau Tết", "Tháng 3", Y26, None, "31/3/2026"),
    ("both-empty", "", "", H2, None, None),
    ("both-unreadable", "???", "???", H2, None, None),
]


@pytest.mark.parametrize(
    ("start_text", "finish_text", "period", "start", "due"),
    [
        pytest.param(begin, finish, period, _maybe_day(start), _maybe_day(due), id=name)
        for name, begin, finish, period, start, due in TASKS
    ],
)
def test_a_task_gets_its_start_and_due_date_from_its_two_time_cells(
    start_text: str, finish_text: str, period: Period, start: date | None, due: date | None
) -> None:
    assert task_dates(start_text, finish_text, period) == (start, due)


@pytest.mark.parametrize(
    ("text", "period", "outside"),
    [
        pytest.param("Tháng 8/2025", H2, False, id="month-inside"),
        pytest.param("Thường xuyên", H2, False, id="ongoing-is-never-outside"),
        pytest.param("6 tháng cuối năm 2025", H2, False, id="same-as-period"),
        pytest.param("Tháng 5/2025", H2, True, id="month-before-period"),
        pytest.param("Tháng 1/2026", H2, True, id="month-after-period"),
        pytest.param("Tháng 11/2025 - 01/2026", H2, True, id="range-runs-past-the-end"),
        pytest.param("Năm 2025", H2, True, id="whole-year-is-wider-than-half"),
        pytest.param("Năm 2026", Y26, False, id="whole-year-in-year-plan"),
        pytest.param("Trước 30/6/2025", H2, True, id="deadline-before-period"),
        pytest.param("Trước 15/9/2025", H2, False, id="deadline-in-period"),
        pytest.param("không rõ", H2, False, id="unreadable-is-not-outside"),
    ],
)
def test_a_span_reaching_beyond_the_plan_period_is_noticed(
    text: str, period: Period, outside: bool
) -> None:
    assert outside_period(parse_time(text, period), period) is outside


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (date(2025, 9, 15), "15/9/2025"),
        (date(2026, 1, 2), "2/1/2026"),
        (date(2025, 12, 31), "31/12/2025"),
    ],
)
def test_a_date_is_shown_the_vietnamese_way_without_zero_padding(day: date, shown: str) -> None:
    assert format_date_vn(day) == shown


def test_time_kinds_are_stored_as_lower_case_english() -> None:
    assert [kind.value for kind in TimeKind] == [
        "day",
        "month",
        "month_range",
        "quarter",
        "half_year",
        "year",
        "ongoing",
        "before",
        "unknown",
    ]
