"""Cells for files a spreadsheet opens: text that starts like a formula is kept as text.

A spreadsheet that opens a CSV runs a cell beginning with ``=``, ``+``, ``-`` or ``@``
as a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``), and a leading tab or
carriage return can hide such a prefix.  A product name or a buyer's name is typed by
someone else, so every export meant for a spreadsheet passes its cells through
:func:`spreadsheet_cell`: OWASP's CSV-injection rule, a single quote before such a cell,
which spreadsheets show as text and do not evaluate.

Numbers are left alone: a negative amount (``-15.00``) is a number to a spreadsheet,
not a formula, and quoting it would turn every refund into text that no sum adds up.
Only a cell that is entirely a plain decimal number counts as one; ``-1+2`` is quoted.

The plain catalogue CSV (for importing again) never goes through this: its round trip
must stay exact.  Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# ASCII digits only: what a spreadsheet reads as a number
_PLAIN_NUMBER = re.compile(r"^[-+]?[0-9]+(\.[0-9]+)?$")


def spreadsheet_cell(value: object) -> object:
    """``value`` as it may go into a spreadsheet's CSV: text that could be a formula quoted."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _PLAIN_NUMBER.match(value):
        return value
    return "'" + value


def spreadsheet_row(values: Iterable[object]) -> list[object]:
    return [spreadsheet_cell(value) for value in values]


def spreadsheet_record(record: Mapping[str, Any]) -> dict[str, Any]:
    return {key: spreadsheet_cell(value) for key, value in record.items()}
