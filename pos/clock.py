"""Time for the till: a Clock port, Thailand's time zone, and a settable fake for tests.

Thailand keeps Indochina Time (UTC+7) all year with no daylight saving, so a
fixed offset is exact and needs no tz database on the machine.  Services take
a :class:`Clock` instead of calling ``datetime.now()`` so tests can set the
moment (a sale at 23:59:59.999 on the day being closed, a skewed clock, ...).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Protocol

THAI_TIME = dt.timezone(dt.timedelta(hours=7), "ICT")
# Only tests set it: a process whose clock runs this many seconds ahead (a child process
# "later", e.g. after a PIN lock-out has passed).  Read when a SystemClock is made.
CLOCK_OFFSET_ENV = "OTOP_POS_CLOCK_OFFSET_SECONDS"


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current time, aware, in Thai time."""
        ...


class SystemClock:
    def __init__(self) -> None:
        try:
            # seconds of time, not money: a test moves a child's clock by a fraction of a second
            offset = float(os.environ.get(CLOCK_OFFSET_ENV) or 0)  # ok-float
            self._offset = dt.timedelta(seconds=offset)
        except (ValueError, OverflowError):
            raise ValueError(f"{CLOCK_OFFSET_ENV} must be a number of seconds") from None

    def now(self) -> dt.datetime:
        return dt.datetime.now(THAI_TIME) + self._offset


class FakeClock:
    """A clock that stands still until moved."""

    def __init__(self, start: dt.datetime | None = None):
        self._now = start or dt.datetime(2026, 11, 24, 9, 0, tzinfo=THAI_TIME)
        if self._now.tzinfo is None:
            raise ValueError("a clock's time must be aware")

    def now(self) -> dt.datetime:
        return self._now

    def set(self, moment: dt.datetime) -> None:
        self._now = moment

    def advance(self, **delta: float) -> dt.datetime:
        self._now += dt.timedelta(**delta)
        return self._now
