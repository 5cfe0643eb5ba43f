"""Thai time and Buddhist-era dates."""

from __future__ import annotations

import datetime as dt

import pytest

from pos.clock import THAI_TIME, FakeClock, SystemClock
from pos.thai_dates import buddhist_year, thai_date, thai_datetime, thai_weekday


def test_thai_dates_use_the_buddhist_era() -> None:
    day = dt.date(2026, 11, 24)
    assert buddhist_year(day) == 2569
    assert thai_date(day) == "24 พ.ย. 2569"
    assert thai_date(day, style="full") == "24 พฤศจิกายน 2569"
    assert thai_date(day, style="numeric") == "24/11/2569"
    assert thai_weekday(day) == "วันอังคาร"
    moment = dt.datetime(2026, 1, 5, 9, 7, 3, tzinfo=THAI_TIME)
    assert thai_datetime(moment) == "05/01/2569 09:07"
    assert thai_datetime(moment, seconds=True, style="short") == "5 ม.ค. 2569 09:07:03"
    with pytest.raises(ValueError, match="unknown date style"):
        thai_date(day, style="long")


def test_clocks_are_aware_in_thai_time() -> None:
    assert SystemClock().now().utcoffset() == dt.timedelta(hours=7)
    clock = FakeClock()
    before = clock.now()
    assert clock.advance(minutes=5) - before == dt.timedelta(minutes=5)
    with pytest.raises(ValueError, match="aware"):
        FakeClock(dt.datetime(2026, 1, 1))
