"""The report queries: the fake's Python sums equal the SQL of pos/store/report_queries.py.

The same simulated days are in both stores (``simulated``); every method of
:class:`pos.reports.ports.ReportQueries` is asked over a date range, each
business day and each shift, and the two answers must be equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from pos.reports.domain.rows import ReportScope
from pos.reports.ports import ReportQueries
from tests.contracts.conftest import SIMULATION, Simulated, UowFactory

FIRST = SIMULATION.start
LAST = FIRST + dt.timedelta(days=SIMULATION.days - 1)

QUERIES: dict[str, Callable[[ReportQueries, ReportScope], Any]] = {
    "sales_summary": lambda q, s: q.sales_summary(s),
    "credit_note_summaries": lambda q, s: q.credit_note_summaries(s),
    "tenders": lambda q, s: q.tenders(s),
    "refunds": lambda q, s: q.refunds(s),
    "categories": lambda q, s: q.categories(s),
    "categories_since": lambda q, s: q.categories(s, since=LAST),
    "categories_since_earlier": lambda q, s: q.categories(s, since=FIRST - dt.timedelta(days=1)),
    "category_returns": lambda q, s: q.category_returns(s),
    "producers": lambda q, s: q.producers(s),
    "producer_returns": lambda q, s: q.producer_returns(s),
    "scheme_days": lambda q, s: q.scheme_days(s),
    "cash_movement_totals": lambda q, s: q.cash_movement_totals(s),
    "hours": lambda q, s: q.hours(s),
    "top_products": lambda q, s: q.top_products(s, 10),
    "discounts": lambda q, s: q.discounts(s),
    "credit_notes": lambda q, s: q.credit_notes(s),
}


def _scopes(uow_factory: UowFactory) -> list[ReportScope]:
    with uow_factory() as uow:
        days = [d for day in range(SIMULATION.days) for d in uow.shifts.days_on(_date(day))]
        shifts = [s for day in range(SIMULATION.days) for s in uow.shifts.shifts_on(_date(day))]
    assert days and shifts
    return [
        ReportScope.dates(FIRST, LAST),
        ReportScope.dates(LAST, LAST),
        ReportScope.dates(LAST + dt.timedelta(days=1), LAST + dt.timedelta(days=9)),
        *(ReportScope.day(d.day_id) for d in days),
        *(ReportScope(shift_id=s.shift_id) for s in shifts),
    ]


def _date(offset: int) -> dt.date:
    return FIRST + dt.timedelta(days=offset)


@pytest.mark.parametrize("query", sorted(QUERIES))
def test_the_fake_sums_as_sqlite_does(simulated: Simulated, query: str) -> None:
    ask = QUERIES[query]
    scopes = _scopes(simulated.sqlite)
    assert scopes == _scopes(simulated.fake)
    for scope in scopes:
        answers = []
        for uow_factory in simulated.both():
            with uow_factory() as uow:
                answers.append(ask(uow.reports, scope))
        fake, sqlite = answers
        assert fake == sqlite, f"{query} over {scope}"


def test_the_simulation_made_returns_voids_and_cash_movements(simulated: Simulated) -> None:
    assert simulated.report.credit_notes > 0
    with simulated.sqlite() as uow:
        cash_in, cash_out = uow.reports.cash_movement_totals(ReportScope.dates(FIRST, LAST))
        assert cash_in > 0 and cash_out > 0
        assert uow.reports.discounts(ReportScope.dates(FIRST, LAST)) is not None
