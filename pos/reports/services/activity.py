"""Manager reports of activity over a date range: hours, top products, discounts, returns, voids.

Each with who did it and who approved it (a discount within the cashier's own
limit has no approver).  The other reports are in :mod:`pos.reports.services.range_reports`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pos.reports.domain.rows import (
    CreditNoteListRow,
    DiscountRow,
    HourRow,
    ProductRow,
    ReportPeriod,
)
from pos.unit_of_work import UnitOfWork


def hours_in(uow: UnitOfWork, period: ReportPeriod) -> tuple[HourRow, ...]:
    found = {row.hour: row for row in uow.reports.hours(period.scope)}
    if not found:
        return ()
    return tuple(found.get(h, HourRow(h, 0, 0)) for h in range(min(found), max(found) + 1))


def sales_by_hour(
    uow_factory: Callable[[], UnitOfWork], period: ReportPeriod
) -> tuple[HourRow, ...]:
    """Sales per hour of the day (Thai time), every hour from the first to the last with sales."""
    with uow_factory() as uow:
        return hours_in(uow, period)


def top_products(
    uow_factory: Callable[[], UnitOfWork], period: ReportPeriod, limit: int = 20
) -> tuple[ProductRow, ...]:
    with uow_factory() as uow:
        return tuple(uow.reports.top_products(period.scope, limit))


@dataclass(frozen=True)
class ApproverTotal:
    """What one approver (None: within the cashier's own limit) approved."""

    approved_by: str | None
    kind: str  # "discount", "return" or "void"
    count: int
    amount_satang: int


@dataclass(frozen=True)
class DiscountReport:
    period: ReportPeriod
    lines: tuple[DiscountRow, ...]
    by_approver: tuple[ApproverTotal, ...]


def discounts_in(uow: UnitOfWork, period: ReportPeriod) -> DiscountReport:
    lines = tuple(uow.reports.discounts(period.scope))
    sums: dict[str | None, list[int]] = {}
    for line in lines:
        row = sums.setdefault(line.approved_by, [0, 0])
        row[0] += 1
        row[1] += line.line_discounts_satang + line.order_discount_satang
        row[1] += line.price_override_satang
    totals = tuple(
        ApproverTotal(who, "discount", count, amount)
        for who, (count, amount) in sorted(sums.items(), key=lambda kv: kv[0] or "")
    )
    return DiscountReport(period, lines, totals)


def discounts_report(uow_factory: Callable[[], UnitOfWork], period: ReportPeriod) -> DiscountReport:
    with uow_factory() as uow:
        return discounts_in(uow, period)


@dataclass(frozen=True)
class ReturnsReport:
    period: ReportPeriod
    lines: tuple[CreditNoteListRow, ...]
    by_approver: tuple[ApproverTotal, ...]


def returns_in(uow: UnitOfWork, period: ReportPeriod) -> ReturnsReport:
    lines = tuple(uow.reports.credit_notes(period.scope))
    sums: dict[tuple[str, str], list[int]] = {}
    for line in lines:
        row = sums.setdefault((line.approved_by, line.kind), [0, 0])
        row[0] += 1
        row[1] += line.total_satang
    totals = tuple(
        ApproverTotal(who, kind, count, amount)
        for (who, kind), (count, amount) in sorted(sums.items())
    )
    return ReturnsReport(period, lines, totals)


def returns_report(uow_factory: Callable[[], UnitOfWork], period: ReportPeriod) -> ReturnsReport:
    with uow_factory() as uow:
        return returns_in(uow, period)
