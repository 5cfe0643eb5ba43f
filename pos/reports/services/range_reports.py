"""Manager reports over any date range: plain dataclasses, Qt-free, from SQL sums.

Each report reads the business dates ``start``..``end`` (inclusive; a sale
counts on its business day, a credit note on the day it was issued):

* :func:`sales_by_category` — the five OTOP categories: gross, discounts,
  sales, returns, net, share; and the yearly target of one category (the
  province's textiles: 1,000 million baht) with the net sold so far in the
  target year and the progress to it (``Settings.sales_target``).
* :func:`producer_statement` — the consignment statement per producer group:
  sales (after discounts), returns, net, the centre's commission at its rate
  (``Settings.commission``, per-group overrides) and what is owed to the group.
* :func:`sales_by_tender` — each tender's sales, refunds that went back by it,
  net; cash received and change.
* :func:`scheme_receivables` — per scheme and sale date: the government's and
  the buyer's shares (net of refunds) and the date and time window each is
  due in the bank (next business day; weekends move to Monday).
* :mod:`pos.reports.services.activity`: sales by hour, top products, discounts,
  returns and voids with who approved each.

:func:`manager_report` makes them all in one read transaction (one
consistent state of the store).  Pass the context's read unit of work
(``context.reader()``): reports then never hold the write lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pos.catalogue.domain.products import Category
from pos.money import div_round_half_up
from pos.reports.domain.report_settings import SalesTarget
from pos.reports.domain.rows import CategoryRow, HourRow, ProductRow, ReportScope
from pos.reports.domain.rows import ReportError as ReportError
from pos.reports.domain.rows import ReportPeriod as ReportPeriod
from pos.reports.ports import ReportSource
from pos.reports.services.activity import (
    DiscountReport,
    ReturnsReport,
    discounts_in,
    hours_in,
    returns_in,
)
from pos.sale.domain.schemes import SchemeBook
from pos.settings.domain.shop_settings import Settings
from pos.shifts.domain.cash_control import TenderKey, TenderTakings, takings_from_rows
from pos.shifts.domain.day_figures import SchemeShares
from pos.shifts.services.day_close import scheme_shares
from pos.unit_of_work import UnitOfWork

FULL = 10_000  # basis points


def share_of(part: int, whole: int) -> int:
    """``part`` as basis points of ``whole`` (0 when there is no whole), half up."""
    return div_round_half_up(part * FULL, whole) if whole > 0 else 0


def tender_label(key: str, schemes: SchemeBook) -> str:
    labels = {TenderKey.CASH: "เงินสด", TenderKey.CARD: "บัตร", TenderKey.PROMPTPAY: "พร้อมเพย์"}
    if key in labels:
        return labels[key]
    code = key.removeprefix("scheme:")
    found = next((s for s in schemes.schemes if s.code == code), None)
    return found.name_th if found else code


# --- by category, with the target ------------------------------------------------------------
@dataclass(frozen=True)
class CategoryLine:
    category: str
    label_th: str
    lines: int
    gross_satang: int
    discounts_satang: int
    sales_satang: int
    returns_satang: int
    net_satang: int
    share_basis_points: int  # of all categories' net


@dataclass(frozen=True)
class TargetProgress:
    category: str
    label_th: str
    yearly_satang: int
    year_start: dt.date
    year_end: dt.date
    as_of: dt.date
    sold_satang: int  # net sales of the category from year_start to as_of
    progress_basis_points: int  # sold / target
    elapsed_basis_points: int  # share of the target year gone by as_of

    @property
    def remaining_satang(self) -> int:
        return max(0, self.yearly_satang - self.sold_satang)

    @property
    def on_track(self) -> bool:
        return self.progress_basis_points >= self.elapsed_basis_points


@dataclass(frozen=True)
class CategoryReport:
    period: ReportPeriod
    lines: tuple[CategoryLine, ...]
    target: TargetProgress

    @property
    def net_satang(self) -> int:
        return sum(line.net_satang for line in self.lines)

    @property
    def sales_satang(self) -> int:
        return sum(line.sales_satang for line in self.lines)

    @property
    def returns_satang(self) -> int:
        return sum(line.returns_satang for line in self.lines)


def _label(category: str) -> str:
    try:
        return Category(category).label_th
    except ValueError:
        return category


def _category_report(
    uow: ReportSource, period: ReportPeriod, target: SalesTarget
) -> CategoryReport:
    year_start = target.year_start(period.end)
    rows = {r.category: r for r in uow.reports.categories(period.scope, since=year_start)}
    returns = {r.key: r.amount_satang for r in uow.reports.category_returns(period.scope)}
    keys = [c.value for c in Category] + sorted(set(rows) - {c.value for c in Category})
    nets = {k: (rows[k].total_satang if k in rows else 0) - returns.get(k, 0) for k in keys}
    total_net = sum(nets.values())
    lines = []
    for key in keys:
        row = rows.get(key)
        lines.append(
            CategoryLine(
                key,
                _label(key),
                row.lines if row else 0,
                row.gross_satang if row else 0,
                row.discounts_satang if row else 0,
                row.total_satang if row else 0,
                returns.get(key, 0),
                nets[key],
                share_of(nets[key], total_net),
            )
        )
    return CategoryReport(period, tuple(lines), _target(uow, period, target, rows, year_start))


def _target(
    uow: ReportSource,
    period: ReportPeriod,
    target: SalesTarget,
    rows: dict[str, CategoryRow],
    year_start: dt.date,
) -> TargetProgress:
    row = rows.get(target.category)
    sold = row.since_total_satang if row else 0
    returned = uow.reports.category_returns(ReportScope.dates(year_start, period.end))
    sold -= sum(r.amount_satang for r in returned if r.key == target.category)
    year_end = target.year_end(period.end)
    elapsed = share_of((period.end - year_start).days + 1, (year_end - year_start).days + 1)
    return TargetProgress(
        target.category,
        _label(target.category),
        target.yearly_satang,
        year_start,
        year_end,
        period.end,
        sold,
        share_of(sold, target.yearly_satang),
        elapsed,
    )


def sales_by_category(
    uow_factory: Callable[[], ReportSource], period: ReportPeriod
) -> CategoryReport:
    with uow_factory() as uow:
        return _category_report(uow, period, uow.settings.load().sales_target)


# --- the consignment statement -----------------------------------------------------------------
@dataclass(frozen=True)
class ProducerLine:
    producer_name: str
    producer_tax_id: str | None
    lines: int
    gross_satang: int  # at the prices charged, before discounts
    discounts_satang: int
    sales_satang: int  # what the group's goods sold for
    returns_satang: int
    net_satang: int
    vatable_satang: int  # of the sales, goods with VAT in the price
    commission_basis_points: int
    commission_satang: int
    owed_satang: int  # to the group: net − commission


@dataclass(frozen=True)
class ProducerStatement:
    period: ReportPeriod
    lines: tuple[ProducerLine, ...]

    def total(self, field: str) -> int:
        return sum(int(getattr(line, field)) for line in self.lines)


def _producer_statement(
    uow: ReportSource, period: ReportPeriod, settings: Settings
) -> ProducerStatement:
    rows = {r.producer_name: r for r in uow.reports.producers(period.scope)}
    returns = {r.key: r.amount_satang for r in uow.reports.producer_returns(period.scope)}
    rates = settings.commission
    lines = []
    for name in sorted(set(rows) | set(returns)):
        row = rows.get(name)
        sales = row.total_satang if row else 0
        net = sales - returns.get(name, 0)
        commission = rates.commission_satang(name, net)
        lines.append(
            ProducerLine(
                name,
                row.producer_tax_id if row else None,
                row.lines if row else 0,
                row.gross_satang if row else 0,
                row.discounts_satang if row else 0,
                sales,
                returns.get(name, 0),
                net,
                row.vatable_satang if row else 0,
                rates.rate_for(name),
                commission,
                net - commission,
            )
        )
    return ProducerStatement(period, tuple(lines))


def producer_statement(
    uow_factory: Callable[[], ReportSource], period: ReportPeriod
) -> ProducerStatement:
    with uow_factory() as uow:
        return _producer_statement(uow, period, uow.settings.load())


# --- by tender and by scheme ---------------------------------------------------------------------
@dataclass(frozen=True)
class TenderLine:
    key: str
    label: str
    count: int
    sales_satang: int
    refunds_satang: int
    net_satang: int


@dataclass(frozen=True)
class TenderReport:
    period: ReportPeriod
    lines: tuple[TenderLine, ...]
    cash_received_satang: int
    change_satang: int
    cash_rounding_satang: int  # on sales: what customers paid beyond the totals in cash

    @property
    def net_satang(self) -> int:
        return sum(line.net_satang for line in self.lines)


def _tender_report(uow: ReportSource, period: ReportPeriod, settings: Settings) -> TenderReport:
    scope = period.scope
    notes = uow.reports.credit_note_summaries(scope)
    takings = takings_from_rows(
        0,
        uow.reports.tenders(scope),
        uow.reports.refunds(scope),
        sum(n.cash_rounding_satang for n in notes),
        (0, 0),
    )
    lines = tuple(_tender_line(t, settings.schemes) for t in takings.tender_lines())
    rounding = uow.reports.sales_summary(scope).cash_rounding_satang
    return TenderReport(
        period, lines, takings.cash.received_satang, takings.cash.change_satang, rounding
    )


def _tender_line(takings: TenderTakings, schemes: SchemeBook) -> TenderLine:
    return TenderLine(
        takings.key,
        tender_label(takings.key, schemes),
        takings.sales_count,
        takings.sales_satang,
        takings.refunds_satang,
        takings.net_satang,
    )


def sales_by_tender(uow_factory: Callable[[], ReportSource], period: ReportPeriod) -> TenderReport:
    with uow_factory() as uow:
        return _tender_report(uow, period, uow.settings.load())


@dataclass(frozen=True)
class BankDue:
    """What a scheme pays into the bank on one date and window, by whose share."""

    due_on: dt.date
    window: str
    scheme_code: str
    name_th: str
    share: str  # "government" or "buyer"
    amount_satang: int


@dataclass(frozen=True)
class SchemeReport:
    period: ReportPeriod
    lines: tuple[SchemeShares, ...]  # per scheme and sale date
    due: tuple[BankDue, ...]  # by date due

    @property
    def government_satang(self) -> int:
        return sum(line.government_satang for line in self.lines)

    @property
    def buyer_satang(self) -> int:
        return sum(line.buyer_satang for line in self.lines)


def _scheme_report(uow: ReportSource, period: ReportPeriod, settings: Settings) -> SchemeReport:
    lines = scheme_shares(uow, period.scope, settings)
    sums: dict[tuple[dt.date, str, str, str, str], int] = {}
    for line in lines:
        for share, on, window, amount in (
            ("buyer", line.buyer_due_on, line.buyer_window, line.buyer_satang),
            ("government", line.government_due_on, line.government_window, line.government_satang),
        ):
            if on is not None and amount:
                key = (on, window, line.scheme_code, line.name_th, share)
                sums[key] = sums.get(key, 0) + amount
    dues = tuple(BankDue(*key, amount) for key, amount in sorted(sums.items()))
    return SchemeReport(period, tuple(lines), dues)


def scheme_receivables(
    uow_factory: Callable[[], ReportSource], period: ReportPeriod
) -> SchemeReport:
    with uow_factory() as uow:
        return _scheme_report(uow, period, uow.settings.load())


# --- everything at once ----------------------------------------------------------------------
@dataclass(frozen=True)
class ManagerReport:
    period: ReportPeriod
    generated_at: dt.datetime
    centre_name: str
    sales_count: int
    categories: CategoryReport
    producers: ProducerStatement
    tenders: TenderReport
    schemes: SchemeReport
    hours: tuple[HourRow, ...]
    products: tuple[ProductRow, ...]
    discounts: DiscountReport
    returns: ReturnsReport


def manager_report(
    uow_factory: Callable[[], UnitOfWork],
    period: ReportPeriod,
    now: dt.datetime,
    *,
    top: int = 20,
) -> ManagerReport:
    """Every report of the period from one consistent read of the store."""
    with uow_factory() as uow:
        settings = uow.settings.load()
        return ManagerReport(
            period=period,
            generated_at=now,
            centre_name=settings.receipt_header.name,
            sales_count=uow.reports.sales_summary(period.scope).count,
            categories=_category_report(uow, period, settings.sales_target),
            producers=_producer_statement(uow, period, settings),
            tenders=_tender_report(uow, period, settings),
            schemes=_scheme_report(uow, period, settings),
            hours=hours_in(uow, period),
            products=tuple(uow.reports.top_products(period.scope, top)),
            discounts=discounts_in(uow, period),
            returns=returns_in(uow, period),
        )
