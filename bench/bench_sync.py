"""Sync figures: a counter's day, a month's backlog and a sync with nothing new, over real HTTP.

The head office is the real thing: ``otop-pos hq serve`` (uvicorn, a process
of its own) on a throwaway PostgreSQL cluster on loopback, started the way the
tests start theirs (``tests/postgres.py``, but with fsync on, as a server
runs).  The counter syncs with :func:`pos.bootstrap.sync_now` — the very run
``otop-pos sync`` makes: backfill check, batches of 500 stored before they are
sent, acknowledgements, the catalogue feed.

* **One 3,000-sale day** — ``--sync-sales`` simulated sales with
  ``--sync-basket`` goods each (about 30,000 lines), two shifts, returns,
  voids and the Z report, rung up through checkout (not timed).  Timed: the
  first sync of that store, every record to the head office.
* **Nothing new** — the same counter syncs again at once: timed, and every
  table at the head office is counted before and after; the cluster's next
  transaction id is read too (a write of any kind would take one).
* **A 30-day backlog** — another counter whose one simulated day is copied to
  ``--sync-days`` days (``bench.year_generator``) and queued by the upgrade
  backfill (not timed, but shown); timed: the sync that sends it all.

After each sync the head office's counts and sums of sales, lines and tenders
are checked against the counter's.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from argparse import ArgumentParser, Namespace
from pathlib import Path

import psycopg

from bench.stats import Figure, time_once
from bench.year_generator import grow_year
from hq.bootstrap import open_hq
from hq.services.terminals import add_terminal
from hq.store.database import create_hq_engine, migrate
from pos.adapters.token_file import write_token
from pos.bootstrap import AppContext, initialise, open_context, sync_now, sync_units
from pos.simulation.trading_days import SimulationOptions, simulate
from pos.store.database import DATABASE_FILENAME, raw_connection
from pos.sync.services.backfill import backfill
from pos.sync.services.sync_run import SyncOutcome, SyncReport

MANAGER_PIN = "5678"  # the demo manager's
_COUNTER = (
    "SELECT (SELECT count(*) FROM sale), (SELECT coalesce(sum(total_satang), 0) FROM sale),"
    " (SELECT count(*) FROM sale_line), (SELECT coalesce(sum(total_satang), 0) FROM sale_line),"
    " (SELECT count(*) FROM sale_tender), (SELECT coalesce(sum(amount_satang), 0)"
    " FROM sale_tender)"
)
_HQ = """
SELECT (SELECT count(*) FROM sale s WHERE s.terminal_id = t.id),
       (SELECT coalesce(sum(total_satang), 0) FROM sale s WHERE s.terminal_id = t.id),
       (SELECT count(*) FROM sale s JOIN sale_line l ON l.sale_id = s.record_id
         WHERE s.terminal_id = t.id),
       (SELECT coalesce(sum(l.total_satang), 0) FROM sale s
         JOIN sale_line l ON l.sale_id = s.record_id WHERE s.terminal_id = t.id),
       (SELECT count(*) FROM sale s JOIN sale_tender x ON x.sale_id = s.record_id
         WHERE s.terminal_id = t.id),
       (SELECT coalesce(sum(x.amount_satang), 0) FROM sale s
         JOIN sale_tender x ON x.sale_id = s.record_id WHERE s.terminal_id = t.id)
FROM terminal t WHERE t.name = %s"""


def add_options(parser: ArgumentParser) -> None:
    add = parser.add_argument
    add("--sync-sales", type=int, default=3000, help="sales in a synced day (sync suite)")
    add("--sync-basket", type=int, default=10, help="goods per sale (sync suite)")
    add("--sync-days", type=int, default=30, help="days in the backlog (sync suite)")


class _HeadOffice:
    """A PostgreSQL cluster, a migrated database and ``otop-pos hq serve`` on it."""

    def __init__(self, workdir: Path):
        from tests.hq_server import HqProcess
        from tests.postgres import find_postgres_bin, start_postgres

        bin_dir = find_postgres_bin()
        if bin_dir is None:
            raise SystemExit("the sync suite needs PostgreSQL (apt-get install postgresql)")
        self._base = Path(tempfile.mkdtemp(prefix="otop-bench-pg-"))  # postgres must reach it
        self.postgres = start_postgres(bin_dir, self._base, fsync=True)
        self.url = self.postgres.create_database()
        engine = create_hq_engine(self.url)
        migrate(engine)
        engine.dispose()
        self.context = open_hq(self.url, pool_size=1)
        self.server = HqProcess(self.url, workdir / "hq.log")

    def connect(self, context: AppContext, terminal: str) -> None:
        """Register the counter's terminal and give the counter the address and token."""
        assert context.data_dir is not None
        token = add_terminal(self.context.uow_factory, self.context.clock, terminal).token
        write_token(context.data_dir, token)
        with context.uow_factory() as uow:
            settings = uow.settings.load()
            sync = settings.sync.from_setting(
                {**settings.sync.to_setting(), "hq_url": self.server.base_url}
            )
            uow.settings.save(settings.replace(sync=sync))
            uow.commit()

    def totals(self, terminal: str) -> tuple[int, ...]:
        with psycopg.connect(self.url, autocommit=True) as connection:
            row = connection.execute(_HQ, (terminal,)).fetchone()
        assert row is not None
        return tuple(int(value) for value in row)

    def fingerprint(self) -> dict[str, tuple[int, int]]:
        """Every table's row count and newest row version (xmin): equal = nothing written."""
        with psycopg.connect(self.url, autocommit=True) as connection:
            tables = [
                r[0]
                for r in connection.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                )
            ]
            found = {}
            for table in tables:
                row = connection.execute(
                    f'SELECT count(*), coalesce(max(xmin::text::bigint), 0) FROM "{table}"'
                ).fetchone()
                assert row is not None
                found[table] = (int(row[0]), int(row[1]))
        return found

    def close(self) -> None:
        self.server.stop()
        self.context.close()
        self.postgres.stop()
        shutil.rmtree(self._base, ignore_errors=True)


def _counter(workdir: Path, name: str, options: SimulationOptions, terminal: str) -> AppContext:
    context, _ = initialise(workdir / name, demo=True)
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(terminal_id=terminal))
        uow.commit()
    simulate(context.uow_factory, options)
    return context


def counter_totals(context: AppContext) -> tuple[int, ...]:
    assert context.data_dir is not None
    with raw_connection(context.data_dir / DATABASE_FILENAME) as connection:
        return tuple(connection.execute(_COUNTER).fetchone())


def _timed_sync(context: AppContext) -> tuple[SyncReport, float]:
    started = time.perf_counter()
    report = sync_now(context)
    seconds = time.perf_counter() - started
    if report.outcome is not SyncOutcome.DONE or report.waiting:
        raise RuntimeError(f"the sync did not finish: {report.summary()}")
    return report, seconds


def _check_same(hq: _HeadOffice, context: AppContext, terminal: str) -> tuple[int, ...]:
    mine = counter_totals(context)
    if hq.totals(terminal) != mine:
        raise RuntimeError(f"{terminal}: head office {hq.totals(terminal)} != counter {mine}")
    return mine


def _measure_day(workdir: Path, hq: _HeadOffice, sales: int, basket: int) -> list[Figure]:
    options = SimulationOptions(
        days=1, sales_per_day=sales, seed=5, manager_pin=MANAGER_PIN, basket_lines=basket
    )
    context = _counter(workdir, "day", options, "POS02")
    hq.connect(context, "POS02")
    report, seconds = _timed_sync(context)
    count, _, lines, _, _, _ = _check_same(hq, context, "POS02")
    before = hq.fingerprint()
    again, nothing = _timed_sync(context)
    after = hq.fingerprint()
    written = sum(abs(after[t][0] - before[t][0]) for t in after)
    changed = sorted(t for t in after if after[t] != before[t])
    context.close()
    if changed or sum(again.sent.values()):
        raise RuntimeError(f"the second sync wrote to {changed}: {again.summary()}")
    return [
        Figure(
            f"sync one day ({count:,} sales, {lines:,} lines)",
            seconds,
            "s",
            10.0,
            None,
            f"{sum(report.sent.values()):,} records in {report.batches} batches of ≤ 500;"
            f" {lines / seconds:,.0f} lines/s; HTTP on loopback, PostgreSQL fsync on",
        ),
        Figure(
            "second sync, nothing new",
            nothing,
            "s",
            1.0,
            None,
            "the whole run: backfill check, outbox, catalogue feed",
        ),
        Figure(
            "rows written at HQ by the second sync",
            float(written),
            "",
            1.0,
            None,
            f"all {len(after)} tables: row count and newest row version (xmin) unchanged",
        ),
    ]


def _backlog_store(workdir: Path, sales: int, basket: int, days: int) -> AppContext:
    """One simulated day copied to ``days`` days (Z closed each day), then queued by backfill."""
    options = SimulationOptions(
        days=1, sales_per_day=sales, seed=6, manager_pin=MANAGER_PIN, basket_lines=basket
    )
    context = _counter(workdir, "month", options, "POS01")  # year_generator numbers POS01-…
    assert context.data_dir is not None
    context.close()
    with raw_connection(context.data_dir / DATABASE_FILENAME) as connection:
        connection.isolation_level = None
        grow_year(connection, days)
        connection.execute("UPDATE sync_state SET backfill_pending = 1")  # queue the copies
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return open_context(context.data_dir)


def _measure_backlog(
    workdir: Path, hq: _HeadOffice, sales: int, basket: int, days: int
) -> list[Figure]:
    context = _backlog_store(workdir, sales, basket, days)
    writer, reader = sync_units(context)
    queueing = time_once(lambda: backfill(writer, reader))  # what a live counter did at the till
    hq.connect(context, "POS01")
    report, seconds = _timed_sync(context)
    count, _, lines, _, _, _ = _check_same(hq, context, "POS01")
    context.close()
    return [
        Figure(
            f"sync a {days}-day backlog ({count:,} sales, {lines:,} lines)",
            seconds,
            "s",
            120.0,
            None,
            f"{sum(report.sent.values()):,} records in {report.batches} batches;"
            f" {lines / seconds:,.0f} lines/s",
        ),
        Figure(
            "  (not timed above) queueing the copied days",
            queueing,
            "s",
            None,
            None,
            "the upgrade backfill building every payload; at a live till each record is"
            " queued with its sale",
        ),
    ]


def run(options: Namespace) -> list[Figure]:
    sales = getattr(options, "sync_sales", 3000)
    basket = getattr(options, "sync_basket", 10)
    days = getattr(options, "sync_days", 30)
    with tempfile.TemporaryDirectory(prefix="otop-bench-sync-") as tmp:
        workdir = Path(tmp)
        hq = _HeadOffice(workdir)
        try:
            figures = _measure_day(workdir, hq, sales, basket)
            figures += _measure_backlog(workdir, hq, sales, basket, days)
        finally:
            hq.close()
    return figures
