"""Times in the store: aware datetimes kept as sortable UTC text, read back in Thai time."""

from __future__ import annotations

import datetime as dt

from pos.clock import THAI_TIME


def to_utc_text(moment: dt.datetime) -> str:
    """An aware time as sortable UTC text with microseconds: ``2026-11-24T02:05:00.000000Z``."""
    if moment.tzinfo is None:
        raise ValueError("times are stored aware; got a naive datetime")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_utc_text(text_value: str) -> dt.datetime:
    """The stored UTC text back as an aware time in Thai time."""
    moment = dt.datetime.strptime(text_value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
    return moment.astimezone(THAI_TIME)
