"""The counter's reports, answered by the head office for one terminal or all of them.

The same code makes them as on the counter (:mod:`pos.reports.services.range_reports`):
sales by category with the target, the consignment statement per producer
group, sales by tender, the schemes' shares with their bank dates.  Only the
sums come from elsewhere — PostgreSQL over every counter's records
(:class:`hq.store.report_queries.HqReportQueries`) — and the settings are the
head office's (commission rates, the target, the schemes).  So for one
terminal the head office's figures are that counter's own, and over all
terminals they are the counters' added up.  Z reports are listed as each
counter froze them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self

from hq.ports import HqReportQueries, HqUnitOfWork, ZRow
from pos.reports.ports import ReportSource
from pos.reports.services.range_reports import (
    CategoryReport,
    ProducerStatement,
    ReportPeriod,
    SchemeReport,
    TenderReport,
    producer_statement,
    sales_by_category,
    sales_by_tender,
    scheme_receivables,
)
from pos.settings.ports import SettingsRepository

HqReport = CategoryReport | ProducerStatement | TenderReport | SchemeReport
REPORTS: dict[str, Callable[[Callable[[], ReportSource], ReportPeriod], HqReport]] = {
    "sales": sales_by_category,
    "producers": producer_statement,
    "tenders": sales_by_tender,
    "schemes": scheme_receivables,
}


class _HqSource:
    """A :class:`pos.reports.ports.ReportSource` over one head-office transaction."""

    def __init__(self, uow_factory: Callable[[], HqUnitOfWork], terminal: str | None):
        self._factory, self._terminal = uow_factory, terminal

    def __enter__(self) -> Self:
        self._uow = self._factory().__enter__()
        self._reports = self._uow.report_queries(self._terminal)
        return self

    @property
    def settings(self) -> SettingsRepository:
        return self._uow.settings

    @property
    def reports(self) -> HqReportQueries:
        return self._reports

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._uow.__exit__(exc_type, exc, traceback)


def hq_report(
    uow_factory: Callable[[], HqUnitOfWork], name: str, period: ReportPeriod, terminal: str | None
) -> HqReport:
    """Report ``name`` (sales, producers, tenders, schemes) of ``terminal``, or of all (None)."""
    return REPORTS[name](lambda: _HqSource(uow_factory, terminal), period)


@dataclass(frozen=True)
class ZListing:
    period: ReportPeriod
    terminal: str | None
    rows: tuple[ZRow, ...]

    @property
    def net_satang(self) -> int:
        return sum(row.net_satang for row in self.rows)

    @property
    def sales_count(self) -> int:
        return sum(row.sales_count for row in self.rows)

    def by_terminal(self) -> dict[str, tuple[int, int, int]]:
        """Per terminal: (Z reports, sales, net satang)."""
        totals: dict[str, tuple[int, int, int]] = {}
        for row in self.rows:
            count, sales, net = totals.get(row.terminal, (0, 0, 0))
            totals[row.terminal] = (count + 1, sales + row.sales_count, net + row.net_satang)
        return totals


def hq_z_reports(
    uow_factory: Callable[[], HqUnitOfWork], period: ReportPeriod, terminal: str | None
) -> ZListing:
    with uow_factory() as uow:
        rows = uow.report_queries(terminal).z_reports(period.start, period.end)
    return ZListing(period, terminal, tuple(rows))
