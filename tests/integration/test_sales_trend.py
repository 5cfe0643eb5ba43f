"""A day's sales by hour and its month's by date, from a real store with simulated days."""

from __future__ import annotations

import datetime as dt

from pos.bootstrap import AppContext
from pos.reports.services.range_reports import ReportPeriod, manager_report
from pos.reports.services.trend import month_of, sales_trend
from pos.simulation.trading_days import SimulationOptions, simulate

START = dt.date(2021, 3, 1)  # the simulation's first day


def test_month_of_runs_from_the_first_to_the_last_date() -> None:
    assert month_of(dt.date(2024, 2, 10)) == ReportPeriod(dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert month_of(dt.date(2021, 12, 31)) == ReportPeriod(
        dt.date(2021, 12, 1), dt.date(2021, 12, 31)
    )


def test_each_date_of_the_month_has_its_sales_and_the_hours_add_up_to_the_day(
    demo_context: AppContext,
) -> None:
    simulate(
        demo_context.uow_factory,
        SimulationOptions(days=2, sales_per_day=25, seed=5, manager_pin="5678"),
    )
    second = START + dt.timedelta(days=1)
    trend = sales_trend(demo_context.reader(), second)
    assert trend.month == ReportPeriod(START, dt.date(2021, 3, 31))
    assert [d.day for d in trend.days] == [START + dt.timedelta(days=i) for i in range(31)]
    assert [d.count for d in trend.days[:2]] == [25, 25]
    assert all(d.count == d.total_satang == 0 for d in trend.days[2:])
    assert trend.day == second
    assert sum(h.total_satang for h in trend.hours) == trend.days[1].total_satang
    assert sum(h.count for h in trend.hours) == 25
    now = dt.datetime(2021, 3, 3, 9, 0, tzinfo=dt.UTC)
    both = manager_report(demo_context.reader(), ReportPeriod(START, second), now)
    assert both.sales_count == sum(d.count for d in trend.days)
