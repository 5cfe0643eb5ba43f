"""The manager screen's trend charts: sales by hour of one day and by day of its month.

Made in the same worker as the period's reports (``ui.manager_screen``), from
the read unit of work.  A day's figure is what its sales took (the receipts'
totals, as the hourly figures are), by business date; a day without sales is a
zero, so the month's chart has every date on its axis.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pos.reports.domain.rows import HourRow, ReportPeriod, ReportScope
from pos.reports.services.activity import hours_in
from pos.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class DayTotal:
    day: dt.date
    count: int
    total_satang: int


@dataclass(frozen=True)
class SalesTrend:
    day: dt.date  # the hours are of this day
    hours: tuple[HourRow, ...]
    month: ReportPeriod  # the first to the last date of the day's month
    days: tuple[DayTotal, ...]  # every date of the month, in order


def month_of(day: dt.date) -> ReportPeriod:
    last = calendar.monthrange(day.year, day.month)[1]
    return ReportPeriod(day.replace(day=1), day.replace(day=last))


def days_in(uow: UnitOfWork, period: ReportPeriod) -> tuple[DayTotal, ...]:
    """Every date of ``period`` with its sales (a month is 31 small indexed sums)."""
    totals = []
    for offset in range(period.days):
        day = period.start + dt.timedelta(days=offset)
        summary = uow.reports.sales_summary(ReportScope.dates(day, day))
        totals.append(DayTotal(day, summary.count, summary.total_satang))
    return tuple(totals)


def sales_trend(uow_factory: Callable[[], UnitOfWork], day: dt.date) -> SalesTrend:
    """``day``'s sales by hour and its month's by day, from one read of the store."""
    month = month_of(day)
    with uow_factory() as uow:
        hours = hours_in(uow, ReportPeriod(day, day))
        return SalesTrend(day, hours, month, days_in(uow, month))
