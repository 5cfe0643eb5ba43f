"""Sales and returns per category, producer group or SKU over a date range, fast for long ranges.

A closed business day never changes, and its Z report stored its sums per
category, producer group and SKU (``day_item_total``, written by
:class:`pos.store.shift_repository.SqlShiftRepository.close_day`).  A date
range therefore reads closed days from there (a year: some 70,000 rows) and
sums only the sale lines of days still open, and of sales stored before
shifts existed (no business day), from the lines themselves.  Both parts are
SQL aggregations; Python merges a handful of rows per key.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

KEYS = ("category", "producer_name", "sku")

_ROLLED = """
SELECT {key}, {labels}, {numbers}
FROM day_item_total WHERE business_date BETWEEN :low AND :end GROUP BY {key}"""
_ROLLED_NUMBERS = (
    "lines",
    "sales",
    "quantity_milli",
    "gross_satang",
    "discounts_satang",
    "total_satang",
    "vatable_satang",
    "{since}",
    "returned_lines",
    "returned_quantity_milli",
    "returned_satang",
)


def _labels(key: str, alias: str = "") -> str:
    """What else a key's row shows: names for products, the tax ID for producers (else blank:
    taking the largest of every name over 70,000 rows is a third of the time)."""
    if key == "sku":
        parts = ("category", "producer_name", "name_th", "producer_tax_id", "sold_by_weight")
        return ", ".join(f"max({alias}{part})" for part in parts)
    if key == "producer_name":
        return f"'', '', '', max({alias}producer_tax_id), 0"
    return "'', '', '', NULL, 0"


def _rolled(key: str, wider: bool) -> str:
    if not wider:
        numbers = ", ".join(f"sum({n})" for n in _ROLLED_NUMBERS).format(since="total_satang")
    else:
        numbers = ", ".join(
            f"sum(CASE WHEN business_date >= :start THEN {n} ELSE 0 END)" for n in _ROLLED_NUMBERS
        ).format(since="0")
        since = "sum(CASE WHEN business_date >= :since THEN total_satang ELSE 0 END)"
        numbers = numbers.replace("sum(CASE WHEN business_date >= :start THEN 0 ELSE 0 END)", since)
    return _ROLLED.format(key=key, labels=_labels(key), numbers=numbers)


# the lines not rolled up yet: of open business days, or stored before shifts (no day)
_NOT_ROLLED = """({alias}.business_day_id IN (SELECT id FROM business_day
    WHERE closed_at_utc IS NULL AND business_date BETWEEN :low AND :end)
    OR ({alias}.business_day_id IS NULL AND {alias}.business_date BETWEEN :low AND :end))"""

_LIVE_SALES = """
SELECT l.{key}, {labels}, {numbers}, 0, 0, 0
FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE {not_rolled} GROUP BY l.{key}"""
# the sums of the lines: plain when the range is all that counts, by date when ``since`` is earlier
_PLAIN = (
    "count(*)",
    "{sales}",
    "sum(l.quantity_milli)",
    "sum(l.gross_satang)",
    "sum(l.line_discount_satang + l.order_discount_satang)",
    "sum(l.total_satang)",
    "sum(CASE WHEN l.vatable THEN l.total_satang ELSE 0 END)",
    "{since}",
)


def _numbers(key: str, wider: bool) -> str:
    sales = "count(DISTINCT l.sale_id)" if key == "sku" else "0"
    if not wider:
        return ", ".join(_PLAIN).format(sales=sales, since="sum(l.total_satang)")
    dated = [
        f"sum(CASE WHEN s.business_date >= :start THEN {part[4:-1]} ELSE 0 END)"
        if part.startswith("sum(")
        else part
        for part in _PLAIN
    ]
    dated[0] = "count(CASE WHEN s.business_date >= :start THEN 1 END)"
    dated[1] = (
        "count(DISTINCT CASE WHEN s.business_date >= :start THEN l.sale_id END)"
        if key == "sku"
        else "0"
    )
    since = "sum(CASE WHEN s.business_date >= :since THEN l.total_satang ELSE 0 END)"
    return ", ".join(dated).format(since=since)


_LIVE_RETURNS = """
SELECT l.{key}, {labels}, 0, 0, 0, 0, 0, 0, 0, 0, count(*), sum(cl.quantity_milli),
       sum(cl.amount_satang)
FROM credit_note n JOIN credit_note_line cl ON cl.credit_note_id = n.id
JOIN sale_line l ON l.id = cl.sale_line_id
WHERE {not_rolled} AND n.business_date >= :start GROUP BY l.{key}"""


_NUMBERS = (
    "lines",
    "sales",
    "quantity_milli",
    "gross_satang",
    "discounts_satang",
    "total_satang",
    "vatable_satang",
    "since_total_satang",
    "returned_lines",
    "returned_quantity_milli",
    "returned_satang",
)


@dataclass
class ItemSums:
    """One key's sums; ``since_total_satang`` counts sales from the ``since`` date on."""

    key: str
    category: str = ""
    producer_name: str = ""
    name_th: str = ""
    producer_tax_id: str | None = None
    sold_by_weight: bool = False
    lines: int = 0
    sales: int = 0
    quantity_milli: int = 0
    gross_satang: int = 0
    discounts_satang: int = 0
    total_satang: int = 0
    vatable_satang: int = 0
    since_total_satang: int = 0
    returned_lines: int = 0
    returned_quantity_milli: int = 0
    returned_satang: int = 0

    def add(self, row: tuple[object, ...]) -> None:
        category, producer, name, tax_id, weighed, *numbers = row
        self.category = max(self.category, str(category or ""))
        self.producer_name = max(self.producer_name, str(producer or ""))
        self.name_th = max(self.name_th, str(name or ""))
        self.producer_tax_id = self.producer_tax_id or (str(tax_id) if tax_id else None)
        self.sold_by_weight = self.sold_by_weight or bool(weighed)
        for attribute, number in zip(_NUMBERS, numbers, strict=True):
            setattr(self, attribute, getattr(self, attribute) + int(str(number or 0)))


def _merge(found: dict[str, ItemSums], rows: Iterable[tuple[object, ...]]) -> None:
    for key, *rest in rows:
        found.setdefault(str(key), ItemSums(str(key))).add(tuple(rest))


def item_sums(
    cursor: sqlite3.Cursor, key: str, start: dt.date, end: dt.date, since: dt.date | None = None
) -> dict[str, ItemSums]:
    """Sales ``start``..``end`` and returns issued then, per ``key``; with ``since``, also each
    key's sales from ``since`` to ``end`` (``since_total_satang``)."""
    if key not in KEYS:
        raise ValueError(f"unknown item key {key!r}")
    low = min(since or start, start)
    parameters = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "low": low.isoformat(),
        "since": (since or start).isoformat(),
    }
    wider = since not in (None, start)
    found: dict[str, ItemSums] = {}
    _merge(found, cursor.execute(_rolled(key, wider), parameters))
    live = _LIVE_SALES.format(
        key=key,
        labels=_labels(key, "l."),
        numbers=_numbers(key, wider),
        not_rolled=_NOT_ROLLED.format(alias="s"),
    )
    _merge(found, cursor.execute(live, parameters))
    returns = _LIVE_RETURNS.format(
        key=key, labels=_labels(key, "l."), not_rolled=_NOT_ROLLED.format(alias="n")
    )
    _merge(found, cursor.execute(returns, parameters))
    return dict(sorted(found.items()))
