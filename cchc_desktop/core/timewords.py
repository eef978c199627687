"""Reading the time words of a plan's task table ("Tháng 8/2025", "Quý III") as dates."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cchc_desktop.core.period import Period, month_end


class TimeKind(StrEnum):
    """What sort of time expression a cell holds."""

    DAY = "day"  # 15/9/2025
    MONTH = "month"  # Tháng 8/2025
    MONTH_RANGE = "month_range"  # Tháng 10-11/2025
    QUARTER = "quarter"  # Quý III/2025, Quý III-IV/2025
    HALF_YEAR = "half_year"  # 6 tháng cuối năm 2025
    YEAR = "year"  # Năm 2025
    ONGOING = "ongoing"  # Thường xuyên: through the plan's period
    BEFORE = "before"  # Trước ngày 30/6/2025
    UNKNOWN = "unknown"  # anything else: the words are kept, no dates


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A time cell as typed, and the dates it stands for (start, and end = due date)."""

    text: str
    kind: TimeKind
    start: date | None
    end: date | None

    @property
    def recognised(self) -> bool:
        """Whether the words were understood; unrecognised words have no dates."""
        return self.kind is not TimeKind.UNKNOWN


# --- Patterns. They run on a normalised copy: NFC, lower case, one space, "-" dashes.

_YEAR = r"[0-9]{4}"
# Between a month/quarter/day and its year: "8/2025", "8.2025", "8-2025", "8 năm 2025".
_YEAR_SEP = r"(?:\s*[/.-]\s*|\s*,?\s*năm\s*)"
# Between the first and the last month/quarter of a range.
_TO = r"(?:-|,|;|và|đến\s*hết|đến|tới)"
_MONTH_WORD = r"tháng"
_MONTH_NUM = r"[0-9]{1,2}"
_QUARTER_WORD = r"(?:quý|quí|qúy)"
_QUARTER_NUM = r"(?:[ivx]+|[0-9]{1,2})"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

# Words that may lead a time cell without changing its meaning.
_PREFIX = re.compile(r"(?:dự\s*kiến|hoàn\s*thành|từ|trong|vào)\b\s*")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})


def _range_pattern(word: str, num: str) -> re.Pattern[str]:
    """Match "<word> A[/yyyy] [, B ...] [- C[/yyyy]]"; the word is optional after A."""
    first = rf"{word}\s*(?P<u1>{num})(?:{_YEAR_SEP}(?P<y1>{_YEAR}))?"
    middle = rf"(?P<mids>(?:\s*{_TO}\s*(?:{word}\s*)?{num})*?)"
    last = rf"(?:\s*{_TO}\s*(?:{word}\s*)?(?P<u2>{num})(?:{_YEAR_SEP}(?P<y2>{_YEAR}))?)?"
    return re.compile(first + middle + last)


_MONTHS = _range_pattern(_MONTH_WORD, _MONTH_NUM)
_QUARTERS = _range_pattern(_QUARTER_WORD, _QUARTER_NUM)
_HALF = re.compile(rf"0?6\s*tháng\s*(?P<half>đầu|cuối)(?:\s*năm)?(?:\s*[/.]?\s*(?P<y>{_YEAR}))?")
_WHOLE_YEAR = re.compile(rf"(?:(?:cả|suốt)\s*)?(?:năm\s*[/.]?\s*)?(?P<y>{_YEAR})")
_DAY_BODY = (
    rf"(?P<d>[0-9]{{1,2}})(?:\s*[/.]\s*|\s*tháng\s*)(?P<m>[0-9]{{1,2}})"
    rf"(?:{_YEAR_SEP}(?P<y>{_YEAR}))?"
)
_DAY = re.compile(rf"(?:ngày\s*)?{_DAY_BODY}")
_BEFORE = re.compile(
    rf"(?:trước|chậm\s*nhất(?:\s*là)?|hạn\s*chót|không\s*quá|không\s*muộn\s*hơn)"
    rf"\s*(?:ngày\s*)?{_DAY_BODY}"
)
_ONGOING_WORD = (
    r"(?:thường\s*xuyên|liên\s*tục|định\s*kỳ|h[àằ]ng\s*(?:ngày|tuần|tháng|quý|năm)"
    r"|(?:trong\s*)?(?:(?:cả|suốt)\s*)?(?:năm|k[ỳì](?:\s*kế\s*hoạch)?))"
)
# Words are joined by a separator or by spaces, never both ways at once: an ambiguous
# join would make a failing match try exponentially many splits.
_ONGOING = re.compile(rf"{_ONGOING_WORD}(?:(?:\s*(?:,|;|-|và)\s*|\s+){_ONGOING_WORD})*")


# Time cells are a few words; anything longer is not a time expression (and is not
# worth matching).
_MAX_LENGTH = 120


def _normalise(text: str) -> str:
    """A copy for matching: NFC, lower case, single spaces, plain dashes, no final dot."""
    folded = unicodedata.normalize("NFC", text).lower().translate(_DASHES)
    folded = " ".join(folded.split()).strip(" .;,")
    while (lead := _PREFIX.match(folded)) is not None and lead.end() > 0:
        folded = folded[lead.end() :]
    return folded


def _quarter_number(token: str) -> int:
    number = _ROMAN.get(token) if not token.isdigit() else int(token)
    if number is None or not 1 <= number <= 4:
        raise ValueError(f"not a quarter: {token}")
    return number


def _month_number(token: str) -> int:
    number = int(token)
    if not 1 <= number <= 12:
        raise ValueError(f"not a month: {token}")
    return number


def _years(
    first: int, first_year: str | None, last: int, last_year: str | None, default: int
) -> tuple[int, int]:
    """The years of a range's two ends; a missing year is taken from the other end
    (crossing into the next/previous year when the range runs backwards), or the default."""
    if first_year and last_year:
        start_year, end_year = int(first_year), int(last_year)
    elif first_year:
        start_year = int(first_year)
        end_year = start_year + (1 if last < first else 0)
    elif last_year:
        end_year = int(last_year)
        start_year = end_year - (1 if last < first else 0)
    else:
        start_year = end_year = default
    if (start_year, first) > (end_year, last):
        raise ValueError("range runs backwards")
    return start_year, end_year


def _units(match: re.Match[str], num: str) -> list[str]:
    """All the month/quarter tokens of a range match, in order."""
    tokens = [match["u1"], *re.findall(num, match["mids"] or "")]
    if match["u2"] is not None:
        tokens.append(match["u2"])
    return tokens


def _months_span(match: re.Match[str], period: Period) -> tuple[TimeKind, date, date]:
    months = [_month_number(t) for t in _units(match, _MONTH_NUM)]
    first, last = months[0], months[-1]
    start_year, end_year = _years(first, match["y1"], last, match["y2"], period.year)
    kind = TimeKind.MONTH if len(months) == 1 else TimeKind.MONTH_RANGE
    return kind, date(start_year, first, 1), month_end(end_year, last)


def _quarters_span(match: re.Match[str], period: Period) -> tuple[TimeKind, date, date]:
    quarters = [_quarter_number(t) for t in _units(match, _QUARTER_NUM)]
    first, last = quarters[0], quarters[-1]
    start_year, end_year = _years(first, match["y1"], last, match["y2"], period.year)
    return (
        TimeKind.QUARTER,
        date(start_year, 3 * first - 2, 1),
        month_end(end_year, 3 * last),
    )


def _day(match: re.Match[str], period: Period) -> date:
    year = int(match["y"]) if match["y"] else period.year
    return date(year, int(match["m"]), int(match["d"]))


def _read(words: str, period: Period) -> tuple[TimeKind, date, date] | None:
    """The kind and dates of normalised words, or None; raises ValueError on bad dates."""
    if _ONGOING.fullmatch(words):
        return TimeKind.ONGOING, period.start, period.end
    if match := _MONTHS.fullmatch(words):
        return _months_span(match, period)
    if match := _QUARTERS.fullmatch(words):
        return _quarters_span(match, period)
    if match := _HALF.fullmatch(words):
        year = int(match["y"]) if match["y"] else period.year
        if match["half"] == "đầu":
            return TimeKind.HALF_YEAR, date(year, 1, 1), month_end(year, 6)
        return TimeKind.HALF_YEAR, date(year, 7, 1), month_end(year, 12)
    if match := _WHOLE_YEAR.fullmatch(words):
        year = int(match["y"])
        return TimeKind.YEAR, date(year, 1, 1), date(year, 12, 31)
    if match := _DAY.fullmatch(words):
        day = _day(match, period)
        return TimeKind.DAY, day, day
    if match := _BEFORE.fullmatch(words):
        day = _day(match, period)
        # Work runs from the period's start; a deadline before the period starts
        # gives a one-day span there, so it shows up as outside the period.
        return TimeKind.BEFORE, min(period.start, day), day
    return None


def parse_time(text: str, period: Period) -> TimeSpan:
    """Understand a time cell; no-year words take the period's year. Never raises:
    anything not understood (or an impossible date) is UNKNOWN, with the text kept."""
    words = _normalise(text)
    try:
        found = _read(words, period) if len(words) <= _MAX_LENGTH else None
    except (ValueError, OverflowError):
        found = None
    if found is None:
        return TimeSpan(text, TimeKind.UNKNOWN, None, None)
    kind, start, end = found
    return TimeSpan(text, kind, start, end)


def task_dates(
    start_text: str, finish_text: str, period: Period
) -> tuple[date | None, date | None]:
    """A task's start date and due date from its "Triển khai" and "Hoàn thành" cells.

    The start comes from the start cell (from the finish cell when the start cell is
    empty); the due date is the end of the finish cell, or of the start cell when the
    finish cell is empty or not understood (single time column layouts).
    """
    begun = parse_time(start_text, period)
    finished = parse_time(finish_text, period)
    start = begun.start if start_text.strip() else finished.start
    due = finished.end if finished.recognised else begun.end
    return start, due


def outside_period(span: TimeSpan, period: Period) -> bool:
    """Whether an understood span reaches before the period's start or after its end."""
    if not span.recognised or span.start is None or span.end is None:
        return False
    return span.start < period.start or span.end > period.end


def format_date_vn(d: date) -> str:
    """A date the Vietnamese way, without zero padding: "15/9/2025"."""
    return f"{d.day}/{d.month}/{d.year}"
