"""When the counter app syncs by itself: the nightly time (``Settings.sync.nightly_at``).

Pure functions on Thai time, for the app's timer (``ui.sync_panel``): the
nightly run is due once per calendar day, from the set time on; a counter
switched on after that time (it was off at night) catches up at once, and a
run that succeeded after the time today counts as that day's run.
"""

from __future__ import annotations

import datetime as dt

from pos.clock import THAI_TIME


def nightly_time(nightly_at: str) -> dt.time | None:
    """``"23:30"`` → 23:30; empty (no nightly run) → None."""
    if not nightly_at:
        return None
    hours, minutes = nightly_at.split(":")
    return dt.time(int(hours), int(minutes))


def nightly_due(now: dt.datetime, nightly_at: str, last_nightly: dt.date | None) -> bool:
    """Whether the nightly run should start now (``last_nightly``: the day it last ran)."""
    at = nightly_time(nightly_at)
    if at is None:
        return False
    local = now.astimezone(THAI_TIME)
    return local.time() >= at and last_nightly != local.date()


def nightly_done_on(last_success: dt.datetime | None, nightly_at: str) -> dt.date | None:
    """The day whose nightly run a successful sync at ``last_success`` stands for, if any."""
    at = nightly_time(nightly_at)
    if at is None or last_success is None:
        return None
    local = last_success.astimezone(THAI_TIME)
    return local.date() if local.time() >= at else None
