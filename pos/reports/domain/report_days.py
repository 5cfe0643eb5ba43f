"""The business dates a report may ask for, one rule for the counter and the head office.

A business date of this shop is in this century.  Far dates are mistakes (a Buddhist-era
year typed as Christian, 2567 for 2024) and the yearly target's arithmetic overflows near
year 1 or 9999, so they are refused by name rather than answered with an empty report or
a traceback.
"""

from __future__ import annotations

import datetime as dt

FIRST_REPORT_DAY = dt.date(2000, 1, 1)
LAST_REPORT_DAY = dt.date(2099, 12, 31)


def report_day_problem(day: dt.date) -> str | None:
    """Why ``day`` cannot be a report's date, or None when it can."""
    if FIRST_REPORT_DAY <= day <= LAST_REPORT_DAY:
        return None
    return (
        f"{day.isoformat()} is outside {FIRST_REPORT_DAY.isoformat()}"
        f" to {LAST_REPORT_DAY.isoformat()} (a Buddhist-era year? 2567 BE is 2024)"
    )
