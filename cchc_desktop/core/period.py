"""The period a plan covers (kỳ kế hoạch): first half, second half or whole year."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class PeriodKind(StrEnum):
    """Which part of the year a plan covers."""

    FIRST_HALF = "first_half"  # 6 tháng đầu năm
    SECOND_HALF = "second_half"  # 6 tháng cuối năm
    YEAR = "year"  # năm


_KIND_WORDS = {
    PeriodKind.FIRST_HALF: "6 tháng đầu năm",
    PeriodKind.SECOND_HALF: "6 tháng cuối năm",
    PeriodKind.YEAR: "năm",
}


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, slots=True)
class Period:
    """A plan period (kỳ): the kind and the year, e.g. "6 tháng cuối năm 2025"."""

    kind: PeriodKind
    year: int

    @property
    def first_month(self) -> int:
        return 7 if self.kind is PeriodKind.SECOND_HALF else 1

    @property
    def last_month(self) -> int:
        return 6 if self.kind is PeriodKind.FIRST_HALF else 12

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        return month_end(self.year, self.last_month)

    @property
    def label(self) -> str:
        """The words used in a plan's text: "6 tháng cuối năm 2025", "năm 2026"."""
        return f"{_KIND_WORDS[self.kind]} {self.year}"

    @property
    def previous(self) -> Period:
        """The period just before this one, of the same length."""
        if self.kind is PeriodKind.SECOND_HALF:
            return Period(PeriodKind.FIRST_HALF, self.year)
        if self.kind is PeriodKind.FIRST_HALF:
            return Period(PeriodKind.SECOND_HALF, self.year - 1)
        return Period(PeriodKind.YEAR, self.year - 1)

    @property
    def next(self) -> Period:
        """The period just after this one, of the same length."""
        if self.kind is PeriodKind.FIRST_HALF:
            return Period(PeriodKind.SECOND_HALF, self.year)
        if self.kind is PeriodKind.SECOND_HALF:
            return Period(PeriodKind.FIRST_HALF, self.year + 1)
        return Period(PeriodKind.YEAR, self.year + 1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def quarters(self) -> tuple[int, ...]:
        """The quarters (1-4) inside the period."""
        first = (self.first_month - 1) // 3 + 1
        last = (self.last_month - 1) // 3 + 1
        return tuple(range(first, last + 1))


def period_to_plan(today: date, kind: PeriodKind | None = None) -> Period:
    """The period an office plans now: the half-year it is in, or — in its last two months,
    when the next plan is being written — the following one. A yearly plan: this year, or
    next year from November on."""
    if kind is PeriodKind.YEAR:
        return Period(PeriodKind.YEAR, today.year + (1 if today.month >= 11 else 0))
    current = Period(
        PeriodKind.FIRST_HALF if today.month <= 6 else PeriodKind.SECOND_HALF, today.year
    )
    return current.next if today.month >= current.last_month - 1 else current


def drafting_month(period: Period, today: date) -> date:
    """The month and year the date line shows while the day is blank: this month when it falls
    in the time a plan for ``period`` is written (from three months before it to its end),
    else the period's first month."""
    first = period.start
    earliest = date(first.year - (first.month <= 3), (first.month - 4) % 12 + 1, 1)
    if earliest <= today <= period.end:
        return date(today.year, today.month, 1)
    return first
