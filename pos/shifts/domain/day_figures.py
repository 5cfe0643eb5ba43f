"""The figures of a business day: what the X report shows so far and the Z report closes.

:class:`DayFigures` is built from the report queries of one business day
(:func:`pos.shifts.services.day_close.day_figures`): sales with discounts, VAT and
cash rounding; returns and voids; each tender's takings less its refunds;
the drawer (floats, cash received, change, cash refunds, cash in and out, the
expected cash); the schemes' shares with the dates they are due in the bank;
and every shift with its expected and counted amounts.  ``net_satang`` is
sales less returns and voids.  A Z report is these figures frozen with a
gap-free number (:class:`ZRecord`); its JSON (``to_json``) travels to the
head office.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from pos.ids import BusinessDayId, ShiftId, TerminalId, UserId, ZReportId
from pos.reports.domain.rows import CreditNoteSummary, SalesSummary
from pos.shifts.domain.cash_control import CashTakings, TenderResult, TenderTakings


@dataclass(frozen=True)
class SchemeShares:
    """A scheme's shares on one sale date, net of refunds, and when each reaches the bank."""

    scheme_code: str
    name_th: str
    sale_date: dt.date
    count: int
    amount_satang: int
    government_satang: int
    buyer_satang: int
    government_due_on: dt.date | None
    government_window: str
    buyer_due_on: dt.date | None
    buyer_window: str


@dataclass(frozen=True)
class ShiftLine:
    """One shift of the day: its float, expected and counted amounts, who counted and approved."""

    number: int
    shift_id: ShiftId
    opened_at: dt.datetime
    opened_by: str
    float_satang: int
    results: tuple[TenderResult, ...]  # an open shift: expected so far, nothing counted
    closed_at: dt.datetime | None = None
    counted_by: str | None = None
    approved_by: str | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def cash(self) -> TenderResult:
        return next(r for r in self.results if r.key == "cash")


@dataclass(frozen=True)
class DayFigures:
    terminal_id: TerminalId
    business_day_id: BusinessDayId
    business_date: dt.date
    opened_at: dt.datetime
    sales: SalesSummary
    returns: CreditNoteSummary
    voids: CreditNoteSummary
    tenders: tuple[TenderTakings, ...]  # cash: received − change, refunds with rounding
    cash: CashTakings
    schemes: tuple[SchemeShares, ...]
    shifts: tuple[ShiftLine, ...]

    @property
    def refunds_satang(self) -> int:
        return self.returns.total_satang + self.voids.total_satang

    @property
    def net_satang(self) -> int:
        return self.sales.total_satang - self.refunds_satang

    @property
    def counted_cash_satang(self) -> int | None:
        """The cash counted at the close of every shift; None while a shift is open."""
        if any(line.is_open for line in self.shifts):
            return None
        return sum(line.cash.counted_satang or 0 for line in self.shifts)

    @property
    def cash_difference_satang(self) -> int | None:
        counted = self.counted_cash_satang
        return None if counted is None else counted - self.cash.expected_satang

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = _plain(dataclasses.asdict(self))
        data["net_satang"] = self.net_satang
        data["expected_cash_satang"] = self.cash.expected_satang
        data["counted_cash_satang"] = self.counted_cash_satang
        return data


def _plain(value: Any) -> Any:
    """JSON-able: dates and times as ISO text, UUIDs as text, tuples as lists."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def canonical_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class ZRecord:
    """A Z report as stored: its number, the day it closed, who closed it, the frozen figures."""

    z_id: ZReportId
    number: str  # POS01-Z-00000012
    serial: int
    terminal_id: TerminalId
    business_day_id: BusinessDayId
    business_date: dt.date
    closed_at: dt.datetime
    closed_by_user_id: UserId
    sales_count: int
    net_satang: int
    grand_total_satang: int  # every Z's net of this terminal so far
    figures_json: str
