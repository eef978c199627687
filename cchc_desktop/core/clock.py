"""The time, from one place: every "now" and "today" of the program comes from a Clock that is
passed in (tests fix it). Moments are stored in UTC and shown in the PC's local time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time


def _system_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Clock:
    """``now()`` is an aware moment; ``today()`` the local date at that moment."""

    source: Callable[[], datetime] = field(default=_system_now)

    def now(self) -> datetime:
        moment = self.source()
        return moment if moment.tzinfo else moment.astimezone()

    def today(self) -> date:
        return self.now().astimezone().date()

    def stamp(self) -> str:
        """Now, as stored: UTC, ISO 8601, to the second."""
        return stamp(self.now())

    @classmethod
    def fixed(cls, moment: datetime | date) -> FixedClock:
        return FixedClock(moment)


class FixedClock(Clock):
    """A clock that stands still until moved (``set`` a new moment or day)."""

    def __init__(self, moment: datetime | date) -> None:
        super().__init__(self._read)
        self.moment = _as_moment(moment)

    def _read(self) -> datetime:
        return self.moment

    def set(self, moment: datetime | date) -> None:
        self.moment = _as_moment(moment)


def _as_moment(value: datetime | date) -> datetime:
    """A day becomes nine in the morning of that day, local time."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.astimezone()
    return datetime.combine(value, time(9, 0)).astimezone()


def stamp(moment: datetime) -> str:
    """A moment as stored: "2025-09-05T01:30:00+00:00"."""
    aware = moment if moment.tzinfo else moment.astimezone()
    return aware.astimezone(UTC).replace(microsecond=0).isoformat()


def parse_stamp(text: str) -> datetime:
    """A stored moment back, aware; one without a zone (written before UTC) is local time."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.astimezone()


def local_text(text: str) -> str:
    """A stored moment as a person reads it, in local time: "05/9/2025 08:30"."""
    try:
        moment = parse_stamp(text).astimezone()
    except ValueError:
        return text
    return f"{moment.day:02d}/{moment.month}/{moment.year} {moment:%H:%M}"
