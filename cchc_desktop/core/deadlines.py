"""Reporting periods (quarter, six months, year) and their deadlines under the office's rule.

The city's rule: reports go up "trước ngày 10 tháng cuối của quý, năm" — before the 10th of the
last month of the quarter (March, June, September, December); six-month reports with the second
and fourth quarters, the year's with the fourth. Some plans say the 5th: the day is the office's
(``Office.report_deadline_day``). Plain Python; the clock is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from cchc_desktop.core.period import Period, PeriodKind, month_end
from cchc_desktop.core.timewords import format_date_vn
from cchc_desktop.core.tracking import TrackedTask, concerns, quarter_roman
from cchc_desktop.errors import CchcError

DEFAULT_DEADLINE_DAY = 10
LATEST_DEADLINE_DAY = 28  # a day every month has
REMINDER_DAYS = 14  # the start-up reminder looks two weeks ahead


class ReportKind(StrEnum):
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """What a report covers (kỳ báo cáo): a quarter, a half-year or a year."""

    kind: ReportKind
    year: int
    number: int = 0  # the quarter (1-4) or the half (1-2); 0 for a year

    @property
    def first_month(self) -> int:
        if self.kind is ReportKind.QUARTER:
            return 3 * self.number - 2
        if self.kind is ReportKind.HALF:
            return 1 if self.number == 1 else 7
        return 1

    @property
    def last_month(self) -> int:
        if self.kind is ReportKind.QUARTER:
            return 3 * self.number
        if self.kind is ReportKind.HALF:
            return 6 if self.number == 1 else 12
        return 12

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        return month_end(self.year, self.last_month)

    @property
    def label(self) -> str:
        """As the report's title says it: "quý III năm 2025", "6 tháng đầu năm 2025"."""
        if self.kind is ReportKind.QUARTER:
            return f"quý {quarter_roman(self.number)} năm {self.year}"
        if self.kind is ReportKind.HALF:
            return f"6 tháng {'đầu' if self.number == 1 else 'cuối'} năm {self.year}"
        return f"năm {self.year}"

    @property
    def code(self) -> str:
        """For the command line and storage: "q3", "h2", "year"."""
        if self.kind is ReportKind.QUARTER:
            return f"q{self.number}"
        if self.kind is ReportKind.HALF:
            return f"h{self.number}"
        return "year"

    @property
    def slug(self) -> str:
        """For file names: "quy-III-2025", "6-thang-dau-2025", "nam-2025"."""
        if self.kind is ReportKind.QUARTER:
            return f"quy-{quarter_roman(self.number)}-{self.year}"
        if self.kind is ReportKind.HALF:
            return f"6-thang-{'dau' if self.number == 1 else 'cuoi'}-{self.year}"
        return f"nam-{self.year}"

    def deadline(self, day: int = DEFAULT_DEADLINE_DAY) -> date:
        """The date the report must reach the city before: the given day of the last month."""
        return date(self.year, self.last_month, clamp_day(day))

    def concerned(self, tracked: Iterable[TrackedTask]) -> list[TrackedTask]:
        """The tasks whose time span meets this period."""
        return [t for t in tracked if concerns(t.start, t.due, self.start, self.end)]


def clamp_day(day: int) -> int:
    return min(max(int(day), 1), LATEST_DEADLINE_DAY)


def rule_text(day: int) -> str:
    """ "trước ngày 10 của tháng cuối quý (tháng 3, 6, 9, 12)" """
    return f"trước ngày {clamp_day(day)} của tháng cuối quý (tháng 3, 6, 9 và 12)"


def report_periods(period: Period) -> list[ReportPeriod]:
    """The reports a plan's period calls for, in the order they fall due: its quarters, its
    half-years and, for a yearly or second-half plan, the year."""
    year = period.year
    found = [ReportPeriod(ReportKind.QUARTER, year, q) for q in period.quarters]
    if period.kind in (PeriodKind.FIRST_HALF, PeriodKind.YEAR):
        found.append(ReportPeriod(ReportKind.HALF, year, 1))
    if period.kind in (PeriodKind.SECOND_HALF, PeriodKind.YEAR):
        found.append(ReportPeriod(ReportKind.HALF, year, 2))
        found.append(ReportPeriod(ReportKind.YEAR, year))
    return sorted(found, key=lambda r: (r.last_month, r.kind is not ReportKind.QUARTER))


def parse_report_period(code: str, period: Period) -> ReportPeriod:
    """ "q3", "h2" or "year" for the plan's year; refuses a period the plan does not cover."""
    wanted = code.strip().lower()
    for report in report_periods(period):
        if report.code == wanted:
            return report
    allowed = ", ".join(r.code for r in report_periods(period))
    raise CchcError(
        f"Kỳ báo cáo «{code}» không thuộc kế hoạch {period.label}; chọn một trong: {allowed}."
    )


@dataclass(frozen=True, slots=True)
class Deadline:
    """A day by which one or more reports are due (e.g. quarter IV, the half and the year)."""

    day: date
    reports: tuple[ReportPeriod, ...]

    @property
    def label(self) -> str:
        """ "báo cáo quý III năm 2025", "báo cáo quý IV, 6 tháng cuối năm và năm 2025" """
        if len(self.reports) == 1:
            return f"báo cáo {self.reports[0].label}"
        names = [r.label.removesuffix(f" {r.year}").removesuffix(" năm") for r in self.reports]
        names = [n if n else "năm" for n in names]
        names = [f"{n} năm" if n.startswith("6 tháng") else n for n in names]
        joined = ", ".join(names[:-1]) + " và " + names[-1]
        return f"báo cáo {joined} {self.reports[0].year}"

    @property
    def main(self) -> ReportPeriod:
        """The widest report due that day (the year's over the quarter's)."""
        return max(self.reports, key=lambda r: r.end - r.start)

    def days_left(self, today: date) -> int:
        return (self.day - today).days

    def when_text(self, today: date) -> str:
        """ "trước ngày 10/9/2025 (còn 5 ngày)" """
        left = self.days_left(today)
        if left > 1:
            rest = f"còn {left} ngày"
        elif left == 1:
            rest = "còn 1 ngày, hạn là ngày mai"
        elif left == 0:
            rest = "hạn là hôm nay"
        else:
            rest = f"đã quá {-left} ngày"
        return f"trước ngày {format_date_vn(self.day)} ({rest})"


def deadlines(period: Period, day: int = DEFAULT_DEADLINE_DAY) -> list[Deadline]:
    """Every reporting deadline of the plan's period, reports due on the same day together."""
    by_day: dict[date, list[ReportPeriod]] = {}
    for report in report_periods(period):
        by_day.setdefault(report.deadline(day), []).append(report)
    return [Deadline(d, tuple(reports)) for d, reports in sorted(by_day.items())]


def next_deadline(period: Period, day: int, today: date) -> Deadline | None:
    """The first deadline today or later, or None once the plan's reports are all past."""
    return next((d for d in deadlines(period, day) if d.day >= today), None)


def upcoming(
    period: Period, day: int, today: date, within_days: int = REMINDER_DAYS
) -> Deadline | None:
    """The next deadline if it falls within ``within_days`` from today (the reminder)."""
    found = next_deadline(period, day, today)
    if found is not None and found.day <= today + timedelta(days=within_days):
        return found
    return None
