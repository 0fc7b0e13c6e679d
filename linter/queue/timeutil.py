"""Times in the queue: ISO 8601 in, UTC epoch seconds stored, local time (or UTC) out.

Every function that needs "now" takes it from a clock the caller passes in, so tests and the
CLI (``TEMPLINT_NOW``) never depend on the wall clock.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime

from linter.queue.errors import QueueError

Clock = Callable[[], datetime]
HOUR = 3600
NOW_ENV = "TEMPLINT_NOW"
# The times a ledger can hold: none before 2017 (Meta opened the WhatsApp Business API, and its
# message templates, in 2018), none after 2099. Far outside, a typo (0001-01-01, 9999-12-31,
# a webhook time in milliseconds) crashed every later display of the ledger.
FIRST_YEAR, LAST_YEAR = 2017, 2099
EARLIEST_TIME = int(datetime(FIRST_YEAR, 1, 1, tzinfo=UTC).timestamp())
LATEST_TIME = int(datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC).timestamp()) - 1


def plausible(seconds: int) -> bool:
    return EARLIEST_TIME <= seconds <= LATEST_TIME


def out_of_range(what: str) -> str:
    return f"{what} is out of the range a ledger keeps ({FIRST_YEAR} to {LAST_YEAR}, UTC)"


def parse_time(text: str, what: str = "time") -> int:
    """An ISO 8601 time with a UTC offset (``2024-05-01T09:30+02:00`` or ``…Z``) → epoch seconds.

    A time without an offset is refused: the queue is shared across time zones and a guess would
    silently shift every review window.
    """
    raw = text.strip()
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise QueueError(
            f"{what} {text!r} is not an ISO 8601 time (e.g. 2024-05-01T09:30:00+02:00)"
        ) from None
    if value.tzinfo is None or value.utcoffset() is None:
        if "T" not in raw.upper() and " " not in raw:  # a date alone: "2024-05-01Z" is no time
            raw = f"{value.date().isoformat()}T00:00:00"
        raise QueueError(f"{what} {text!r} has no UTC offset: add one, e.g. {raw}Z or {raw}+02:00")
    try:
        seconds = int(value.timestamp() // 1)
    except (OverflowError, ValueError):  # 9999-12-31T23:59-05:00 is in year 10000 in UTC
        raise QueueError(out_of_range(f"{what} {text!r}")) from None
    if not plausible(seconds):
        raise QueueError(out_of_range(f"{what} {text!r}"))
    return seconds


def to_epoch(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise QueueError("the clock returned a time without a UTC offset")
    return int(moment.timestamp() // 1)


def system_clock() -> datetime:
    return datetime.now(UTC)


def clock_from_env() -> Clock:
    """The wall clock, unless ``TEMPLINT_NOW`` fixes the time (tests, reproducible reports)."""
    fixed = os.environ.get(NOW_ENV)
    if not fixed:
        return system_clock
    seconds = parse_time(fixed, NOW_ENV)
    moment = datetime.fromtimestamp(seconds, UTC)
    return lambda: moment


def iso_utc(seconds: int | None) -> str | None:
    """Machine formats (JSON, CSV) always carry UTC: ``2024-05-01T07:30:00Z``."""
    if seconds is None:
        return None
    if not plausible(seconds):  # written by an older templint that took any year
        return f"@{seconds}"
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def show_time(seconds: int | None, utc: bool = False) -> str:
    """For people: ``2024-05-01 09:30 +02:00`` in local time, or ``2024-05-01 07:30 UTC``."""
    if seconds is None:
        return "-"
    if not plausible(seconds):  # written by an older templint that took any year
        return f"@{seconds} (not a plausible time)"
    if utc:
        return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M UTC")
    local = datetime.fromtimestamp(seconds, UTC).astimezone()
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return local.strftime("%Y-%m-%d %H:%M ") + f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def show_duration(seconds: int | float | None) -> str:
    """``45m``, ``30h 05m``, ``3d 04h``: hours stay visible because review windows are in hours."""
    if seconds is None:
        return "-"
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds)) // 60
    days, rest = divmod(total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days >= 3:
        return f"{sign}{days}d {hours:02d}h"
    hours += days * 24
    if hours:
        return f"{sign}{hours}h {minutes:02d}m"
    return f"{sign}{minutes}m"
