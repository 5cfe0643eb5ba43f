"""Dates as Thai users read them: Buddhist era (พ.ศ. = ค.ศ. + 543) and Thai month names.

Used on screen, on receipts and in reports.  ISO dates stay in files and APIs.
"""

from __future__ import annotations

import datetime as dt

BUDDHIST_ERA_OFFSET = 543
MONTHS_FULL = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")


def buddhist_year(day: dt.date) -> int:
    return day.year + BUDDHIST_ERA_OFFSET


def thai_date(day: dt.date, *, style: str = "short") -> str:
    """``short`` 24 พ.ย. 2569 · ``full`` 24 พฤศจิกายน 2569 · ``numeric`` 24/11/2569."""
    year = buddhist_year(day)
    if style == "numeric":
        return f"{day.day:02d}/{day.month:02d}/{year}"
    months = MONTHS_FULL if style == "full" else MONTHS_SHORT
    if style not in ("full", "short"):
        raise ValueError(f"unknown date style {style!r}")
    return f"{day.day} {months[day.month - 1]} {year}"


def thai_datetime(moment: dt.datetime, *, style: str = "numeric", seconds: bool = False) -> str:
    """A date in the Buddhist era and the 24-hour time: ``24/11/2569 14:05``."""
    clock = moment.strftime("%H:%M:%S" if seconds else "%H:%M")
    return f"{thai_date(moment.date(), style=style)} {clock}"


def thai_weekday(day: dt.date) -> str:
    return "วัน" + WEEKDAYS[day.weekday()]


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_FIRST_BUDDHIST_YEAR = 2400  # no date the till handles is before 1857 CE: a year above is พ.ศ.


def parse_date(text: str) -> dt.date:
    """A date as typed: ``31/12/2564`` (พ.ศ.), ``31/12/2021`` (ค.ศ.) or ``2021-12-31``.

    The era is told by the year (2400 and above is Buddhist), so a Thai manager
    and an English-speaking one type what they are used to; Thai digits work too.
    Anything else raises ValueError.
    """
    cleaned = text.strip().translate(_THAI_DIGITS)
    try:
        if "-" in cleaned:
            return dt.date.fromisoformat(cleaned)
        day, month, year = (int(part) for part in cleaned.split("/"))
        if year >= _FIRST_BUDDHIST_YEAR:
            year -= BUDDHIST_ERA_OFFSET
        if year < 1900:  # "31/12/64": a shortened year is not guessed
            raise ValueError(year)
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (write e.g. 31/12/2564 or 2021-12-31)") from None


def entry_text(day: dt.date, *, buddhist: bool) -> str:
    """A date as :func:`parse_date` reads it back: ``31/12/2564`` or ``31/12/2021``."""
    year = buddhist_year(day) if buddhist else day.year
    return f"{day.day:02d}/{day.month:02d}/{year}"
