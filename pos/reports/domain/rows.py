"""What the report queries return: sums over sales and credit notes, as plain dataclasses.

A :class:`ReportScope` says which sales and credit notes count: those of a
date range (by business date), of one business day (for X and Z reports) or
of one shift (for the drawer).  A credit note counts where it was issued, not
where its sale was: a refund leaves the drawer of the shift that paid it.
The rows are sums the store computes (:class:`pos.reports.ports.ReportQueries`);
:mod:`pos.reports.services.range_reports` and :mod:`pos.shifts.services.day_close` turn them into
reports.  Money is satang, quantities thousandths.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pos.ids import BusinessDayId, ShiftId


@dataclass(frozen=True)
class ReportScope:
    """Dates (inclusive, by business date), or one business day, or one shift."""

    start: dt.date | None = None
    end: dt.date | None = None
    business_day_id: BusinessDayId | None = None
    shift_id: ShiftId | None = None

    def __post_init__(self) -> None:
        chosen = [
            self.start is not None,
            self.business_day_id is not None,
            self.shift_id is not None,
        ]
        if sum(chosen) != 1 or (self.start is None) != (self.end is None):
            raise ValueError("a report scope is a date range, a business day or a shift")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"the range ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def dates(cls, start: dt.date, end: dt.date) -> ReportScope:
        return cls(start=start, end=end)

    @classmethod
    def day(cls, business_day_id: BusinessDayId) -> ReportScope:
        return cls(business_day_id=business_day_id)

    @classmethod
    def shift(cls, shift_id: ShiftId) -> ReportScope:
        return cls(shift_id=shift_id)


MAX_DAYS = 3_660  # ten years


class ReportError(ValueError):
    """A report that cannot be made as asked (a bad date range)."""


@dataclass(frozen=True)
class ReportPeriod:
    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ReportError(f"the period ends ({self.end}) before it starts ({self.start})")
        if (self.end - self.start).days >= MAX_DAYS:
            raise ReportError("a report covers at most ten years")

    @property
    def scope(self) -> ReportScope:
        return ReportScope.dates(self.start, self.end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class SalesSummary:
    count: int = 0
    subtotal_satang: int = 0  # before discounts
    line_discounts_satang: int = 0
    order_discounts_satang: int = 0
    total_satang: int = 0  # what the goods sold for
    vat_satang: int = 0
    non_vat_satang: int = 0
    cash_rounding_satang: int = 0
    first_receipt: str | None = None
    last_receipt: str | None = None


@dataclass(frozen=True)
class CreditNoteSummary:
    kind: str  # "return" or "void"
    count: int = 0
    total_satang: int = 0
    vat_satang: int = 0
    non_vat_satang: int = 0
    cash_rounding_satang: int = 0
    first_number: str | None = None
    last_number: str | None = None


@dataclass(frozen=True)
class TenderRow:
    kind: str
    scheme_code: str | None
    count: int
    amount_satang: int  # cash: received − change
    tendered_satang: int
    change_satang: int
    government_share_satang: int
    buyer_share_satang: int


@dataclass(frozen=True)
class RefundRow:
    method: str  # how the money went back (pos.sale.domain.credit_notes.RefundMethod)
    tender_kind: str  # the tender it was paid with
    scheme_code: str | None
    count: int
    amount_satang: int


@dataclass(frozen=True)
class CategoryRow:
    category: str
    lines: int
    gross_satang: int
    discounts_satang: int
    total_satang: int
    since_total_satang: int = 0  # sales since the target year's start up to the range's end


@dataclass(frozen=True)
class KeyedAmount:
    """A sum by some key (category, producer, SKU, hour): returns by category, say."""

    key: str
    amount_satang: int
    quantity_milli: int = 0
    count: int = 0


@dataclass(frozen=True)
class ProducerRow:
    producer_name: str
    producer_tax_id: str | None
    lines: int
    gross_satang: int
    discounts_satang: int
    total_satang: int
    vatable_satang: int


@dataclass(frozen=True)
class SchemeDayRow:
    """A scheme's takings on one business date (settlement is per sale date)."""

    business_date: dt.date
    scheme_code: str
    count: int
    amount_satang: int
    government_share_satang: int
    buyer_share_satang: int
    government_refunds_satang: int = 0
    buyer_refunds_satang: int = 0


@dataclass(frozen=True)
class HourRow:
    hour: int  # 0-23, Thai time
    count: int
    total_satang: int


@dataclass(frozen=True)
class ProductRow:
    sku: str
    name_th: str
    category: str
    producer_name: str
    sold_by_weight: bool
    sales: int  # sales with this product
    quantity_milli: int
    total_satang: int
    returned_quantity_milli: int = 0
    returned_satang: int = 0


@dataclass(frozen=True)
class DiscountRow:
    """One sale with a discount or a changed price, and who approved it."""

    receipt_number: str
    sold_at: dt.datetime
    cashier: str
    approved_by: str | None
    line_discounts_satang: int
    order_discount_satang: int
    price_override_satang: int  # catalogue value − charged value of lines with a changed price


@dataclass(frozen=True)
class CreditNoteListRow:
    number: str
    kind: str
    issued_at: dt.datetime
    sale_receipt_number: str
    total_satang: int
    cash_paid_out_satang: int
    returned_to_government_satang: int
    reason: str
    cashier: str
    approved_by: str
