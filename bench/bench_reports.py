"""Report figures: the Z report of a 3,000-sale day; sales by category over a year of 1M lines.

* **Z report, 3,000 sales** — one simulated day of ``--z-sales`` sales (two
  shifts, closed; the day left open).  Timed: the day's figures as the Z
  computes them (``x_report`` runs the very same queries, read-only), p50/p95
  over 20 runs; and ``close_day`` end to end on copies of the store (the
  manager's PIN check, Argon2id, included — and timed alone too).
* **Sales by category, one year** — one simulated day of ``--year-sales``
  sales copied to every day of the Thai fiscal year 2021
  (``bench.year_generator``: the rows checkout wrote, moved a day at a time),
  about a million sale lines.  ``sales_by_category`` (categories, returns, the
  textile target) is timed against ONE hand-written SQL query of the same sums
  on the bare ``sqlite3`` module with the same pragmas, taking turns.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import tempfile
import time
import uuid
from argparse import ArgumentParser, Namespace
from pathlib import Path

from bench.stats import Figure, percentile, time_once
from bench.year_generator import grow_year
from pos.bootstrap import AppContext, initialise, open_context
from pos.clock import THAI_TIME, FakeClock
from pos.ids import UserId, ZReportId
from pos.reports.services.range_reports import ReportPeriod, manager_report, sales_by_category
from pos.sale.services.returns_and_voids import ManagerApproval
from pos.shifts.services.day_close import close_day, x_report
from pos.simulation.trading_days import SimulationOptions, simulate
from pos.staff.services.pin_check import check_pin
from pos.store.database import DATABASE_FILENAME, raw_connection

YEAR = ReportPeriod(dt.date(2020, 10, 1), dt.date(2021, 9, 30))
HAND_WRITTEN = """
    SELECT l.category, count(*), sum(l.gross_satang),
           sum(l.line_discount_satang + l.order_discount_satang), sum(l.total_satang)
    FROM sale s JOIN sale_line l ON l.sale_id = s.id
    WHERE s.business_date BETWEEN ? AND ? GROUP BY l.category"""


def add_options(parser: ArgumentParser) -> None:
    add = parser.add_argument
    add("--z-sales", type=int, default=3000, help="sales in the Z report's day (reports suite)")
    add("--year-sales", type=int, default=1000, help="sales per day of the year (reports suite)")
    add("--year-days", type=int, default=365, help="days in the year (reports suite)")


def _day_of(workdir: Path, name: str, sales: int, start: dt.date, pin: str | None) -> AppContext:
    context, _ = initialise(workdir / name, demo=True)
    options = SimulationOptions(days=1, sales_per_day=sales, seed=5, start=start, manager_pin=pin)
    simulate(context.uow_factory, options)
    return context


def _measure_z(workdir: Path, sales: int) -> list[Figure]:
    # without the manager's PIN the day stays open (its shifts closed): as before the Z
    context = _day_of(workdir, "z", sales, dt.date(2021, 3, 1), None)
    clock = FakeClock(dt.datetime(2021, 3, 1, 18, 30, tzinfo=THAI_TIME))
    samples = []
    for _ in range(25):
        start = time.perf_counter()
        report = x_report(context.reader(), clock)
        samples.append((time.perf_counter() - start) * 1000)
    samples = samples[5:]
    assert report.figures.sales.count == sales
    pin = min(
        time_once(lambda: check_pin(context.uow_factory, clock, UserId(2), "5678", where="bench"))
        for _ in range(3)
    )
    assert context.data_dir is not None
    context.close()
    closes = []
    approval = ManagerApproval(UserId(2), "5678")
    for round_number in range(3):
        copy = workdir / f"z-copy-{round_number}"
        shutil.copytree(workdir / "z", copy)
        copied = open_context(copy)
        start = time.perf_counter()
        close_day(copied.uow_factory, clock, ZReportId(uuid.uuid4()), approval)
        closes.append((time.perf_counter() - start) * 1000)
        copied.close()
    return [
        Figure(
            f"Z report figures, {sales:,}-sale day, p95",
            percentile(samples, 0.95),
            "ms",
            100.0,
            None,
            f"p50 {percentile(samples, 0.5):.1f} ms; sales, returns, tenders,"
            " drawer, schemes, each shift (x_report: the Z's own queries)",
        ),
        Figure(
            f"close_day (Z) end to end, {sales:,} sales",
            statistics.median(closes),
            "ms",
            None,
            None,
            f"median of 3; includes the manager's PIN check (Argon2id"
            f" {pin * 1000:.0f} ms), the Z number, the stored figures, the print job",
        ),
    ]


def _build_year(workdir: Path, sales: int, days: int) -> AppContext:
    context = _day_of(workdir, "year", sales, YEAR.start, "5678")
    assert context.data_dir is not None
    context.close()
    with raw_connection(workdir / "year" / DATABASE_FILENAME) as connection:
        connection.isolation_level = None
        grow_year(connection, days)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return open_context(workdir / "year")


def _measure_year(workdir: Path, sales: int, days: int) -> list[Figure]:
    started = time.perf_counter()
    context = _build_year(workdir, sales, days)
    built = time.perf_counter() - started
    path = workdir / "year" / DATABASE_FILENAME
    ours, bare, rows = [], [], None
    with raw_connection(path) as connection:
        (lines,) = connection.execute("SELECT count(*) FROM sale_line").fetchone()
        (sale_count,) = connection.execute("SELECT count(*) FROM sale").fetchone()
        parameters = (YEAR.start.isoformat(), YEAR.end.isoformat())
        for _ in range(6):  # taking turns, so both see the same cache and disk
            start = time.perf_counter()
            report = sales_by_category(context.reader(), YEAR)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            rows = connection.execute(HAND_WRITTEN, parameters).fetchall()
            bare.append(time.perf_counter() - start)
    assert rows is not None and sum(r[4] for r in rows) == report.sales_satang
    ours, bare = ours[1:], bare[1:]  # the first round warms the cache
    whole = time_once(lambda: manager_report(context.reader(), YEAR, dt.datetime.now(THAI_TIME)))
    context.close()
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    unrolled, unrolled_bare = _without_rollup(workdir, path, parameters)
    return [
        Figure(
            f"sales by category, one year ({lines:,} lines)",
            statistics.median(ours),
            "s",
            1.0,
            statistics.median(bare),
            f"median of 5; {sale_count:,} sales; with returns"
            " and the textile target; baseline: one hand-written GROUP BY",
        ),
        Figure(
            "the same from the sale lines (no Z rollup)",
            unrolled,
            "s",
            None,
            unrolled_bare,
            "median of 3: a year stored before shifts, summed from its lines",
        ),
        Figure(
            "whole manager report, the same year",
            whole,
            "s",
            None,
            None,
            "categories, producers (commission), tenders, schemes, hours, top products,"
            " discounts, returns",
        ),
        Figure(
            "building that year (1 simulated day + SQL copies)",
            built,
            "s",
            None,
            None,
            f"store {size / 1e6:.0f} MB",
        ),
    ]


def _without_rollup(workdir: Path, path: Path, parameters: tuple[str, str]) -> tuple[float, float]:
    """Category sums from the lines alone: a copy of the year as a store from before shifts."""
    copy = workdir / "unrolled"
    copy.mkdir()
    shutil.copy(path, copy / DATABASE_FILENAME)
    with raw_connection(copy / DATABASE_FILENAME) as connection:
        connection.executescript(
            "DROP TRIGGER day_item_total_no_delete; DELETE FROM day_item_total;"
            " DROP TRIGGER sale_no_update; DROP TRIGGER credit_note_no_update;"
            " UPDATE sale SET shift_id = NULL, business_day_id = NULL;"
            " UPDATE credit_note SET shift_id = NULL, business_day_id = NULL;"
        )
    context = open_context(copy)
    ours, bare = [], []
    with raw_connection(copy / DATABASE_FILENAME) as connection:
        for _ in range(4):
            start = time.perf_counter()
            sales_by_category(context.reader(), YEAR)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            connection.execute(HAND_WRITTEN, parameters).fetchall()
            bare.append(time.perf_counter() - start)
    context.close()
    return statistics.median(ours[1:]), statistics.median(bare[1:])


def run(options: Namespace) -> list[Figure]:
    z_sales = getattr(options, "z_sales", 3000)
    year_sales = getattr(options, "year_sales", 1000)
    year_days = getattr(options, "year_days", 365)
    with tempfile.TemporaryDirectory(prefix="otop-bench-reports-") as tmp:
        figures = _measure_z(Path(tmp), z_sales)
        figures += _measure_year(Path(tmp), year_sales, year_days)
    return figures
