"""The number line and the place-and-date line, written as Decree 30/2020 wants them."""

from __future__ import annotations

from datetime import date

BLANK = "\u00a0" * 6  # room for the clerk's handwriting; non-breaking so it survives justification


def number_text(number: str) -> str:
    """A document number as written: a number below 10 takes a leading 0 ("5" -> "05",
    "9" -> "09"); others are kept as typed ("12", "005" -> "05")."""
    number = number.strip()
    if number.isdigit():
        return f"{int(number):02d}"
    return number


def number_line(number: str, suffix: str) -> str:
    """ "Số: 05/KH-UBND"; blank until the clerk assigns the number."""
    return f"Số: {number_text(number) or BLANK}/{suffix}"


def day_text(day: int) -> str:
    """Days below 10 take a leading 0: "05"."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Months 1 and 2 take a leading 0 ("02"), months 3-12 do not ("8", never "08")."""
    return f"{month:02d}" if month < 3 else str(month)


def date_words(day: int | None, month: int | None, year: int | None) -> str:
    """ "ngày 05 tháng 3 năm 2025"; any part may be blank for the clerk to fill."""
    d = day_text(day) if day else BLANK
    m = month_text(month) if month else BLANK
    y = str(year) if year else BLANK
    return f"ngày {d} tháng {m} năm {y}"


def date_line(place: str, issued_on: date | None, drafted_on: date | None, year: int) -> str:
    """ "Quyết Thắng, ngày 05 tháng 3 năm 2025", or with the day left blank while unsigned."""
    if issued_on is not None:
        words = date_words(issued_on.day, issued_on.month, issued_on.year)
    elif drafted_on is not None:
        words = date_words(None, drafted_on.month, drafted_on.year)
    else:
        words = date_words(None, None, year)
    return f"{place}, {words}"


def short_date(day: date) -> str:
    """ "10/02/2025", "15/8/2025": the form used inside references to other documents, padded
    as the date line is (days below 10, months 1 and 2)."""
    return f"{day_text(day.day)}/{month_text(day.month)}/{day.year}"
