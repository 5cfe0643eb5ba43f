"""Ports of shifts, business days, Z reports and report queries (see :mod:`pos.unit_of_work`).

:class:`ShiftRepository` keeps shifts, cash movements, business days and Z
reports; a shift and a business day are written when opened and once more when
closed (a closed one never changes again, except that a manager may approve a
closed shift's difference once).  Cash movements and Z reports are append-only.

:class:`ReportQueries` sums sales and credit notes in the store (SQL
aggregations on the real adapter): each method takes a
:class:`pos.reports.domain.rows.ReportScope`.
"""

from __future__ import annotations

import datetime as dt
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

from pos.reports.domain.rows import (
    CategoryRow,
    CreditNoteListRow,
    CreditNoteSummary,
    DiscountRow,
    HourRow,
    KeyedAmount,
    ProducerRow,
    ProductRow,
    RefundRow,
    ReportScope,
    SalesSummary,
    SchemeDayRow,
    TenderRow,
)

if TYPE_CHECKING:
    from pos.settings.ports import SettingsRepository


class SalesReportQueries(Protocol):
    """The sums the sales, consignment, tender and scheme reports are made of: the counter's
    store has them, and so has the head office over all its counters."""

    def sales_summary(self, scope: ReportScope) -> SalesSummary: ...
    def credit_note_summaries(self, scope: ReportScope) -> list[CreditNoteSummary]: ...
    def tenders(self, scope: ReportScope) -> list[TenderRow]: ...
    def refunds(self, scope: ReportScope) -> list[RefundRow]: ...
    def categories(self, scope: ReportScope, since: dt.date | None = None) -> list[CategoryRow]:
        """Sales by category; with ``since``, also each category's sales from ``since`` to the
        range's end (``since_total_satang``), in the same pass."""
        ...

    def category_returns(self, scope: ReportScope) -> list[KeyedAmount]: ...
    def producers(self, scope: ReportScope) -> list[ProducerRow]: ...
    def producer_returns(self, scope: ReportScope) -> list[KeyedAmount]: ...
    def scheme_days(self, scope: ReportScope) -> list[SchemeDayRow]: ...


class ReportQueries(SalesReportQueries, Protocol):
    def cash_movement_totals(self, scope: ReportScope) -> tuple[int, int]:
        """(cash in, cash out) of the shifts in scope (by the shifts' business day or dates)."""
        ...

    def hours(self, scope: ReportScope) -> list[HourRow]: ...
    def top_products(self, scope: ReportScope, limit: int) -> list[ProductRow]: ...
    def discounts(self, scope: ReportScope) -> list[DiscountRow]: ...
    def credit_notes(self, scope: ReportScope) -> list[CreditNoteListRow]: ...


class ReportSource(Protocol):
    """What the date-range sales reports read (:mod:`pos.reports.services.range_reports`):
    the settings
    and the sums.  A counter's unit of work is one; the head office's view of its counters
    (:mod:`hq.services.reports`) is another, so both answer with the same report code."""

    @property
    def settings(self) -> SettingsRepository: ...
    @property
    def reports(self) -> SalesReportQueries: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
