"""Checkout figures: the durable commit of a 10-line, two-tender sale; a simulated year.

* ``commit_sale`` end to end (settings, totals, tenders, numbering, every
  row, the durable commit) on the demo store, against the bare sqlite3 module
  writing the same rows — sale, 10 lines, 2 tenders, VAT, 20 allocation rows,
  the receipt counter — in one ``BEGIN IMMEDIATE`` transaction with the same
  pragmas (WAL, synchronous=FULL).
* the till's checkout (:func:`pos.till.services.pay.pay`): the same kind
  of sale, with the saved cart deleted and the receipt's print job queued in
  the same transaction — what the payment screen waits for.
* ``otop-pos simulate`` of a year (``--sim-days`` × ``--sim-sales``, default
  300 × 300): the time it takes and how the store grows on disk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sqlite3
import tempfile
import time
import uuid
from argparse import ArgumentParser, Namespace
from collections.abc import Callable
from pathlib import Path

from bench.stats import Figure, percentile
from pos.bootstrap import AppContext, initialise, open_till
from pos.clock import THAI_TIME, FakeClock
from pos.ids import SaleId, SaleLineId, ShiftId, TenderId, TerminalId, UserId
from pos.sale.domain.cart import Cart
from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.tenders import CashTender, PromptPayTender
from pos.sale.services.checkout import CheckoutRequest, commit_sale
from pos.shifts.domain.cash_control import Shift
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, open_shift
from pos.simulation.trading_days import SimulationOptions, simulate
from pos.store.database import DATABASE_FILENAME, raw_connection
from pos.till.services.pay import pay

ROUNDS = 600
WARM_UP = 30
MOMENT = dt.datetime(2021, 7, 5, 10, 0, tzinfo=THAI_TIME)


def add_options(parser: ArgumentParser) -> None:
    """Options of this suite (called by bench.__main__)."""
    add = parser.add_argument
    add("--sim-days", type=int, default=300, help="days simulated (checkout suite)")
    add("--sim-sales", type=int, default=300, help="sales per simulated day (checkout suite)")


def _ten_line_cart(context: AppContext) -> Cart:
    with context.uow_factory() as uow:
        products = list(uow.catalog.all_products())
    rng = random.Random(3)
    cart = Cart()
    weighed = next(p for p in products if p.sold_by_weight)
    cart.add_weighed(weighed, 1_250)
    for product in rng.sample([p for p in products if not p.sold_by_weight], 9):
        cart.add_product(product, 1000 * rng.randint(1, 2))
    return cart


class _OurCheckout:
    """``commit_sale`` of the same 10-line cart, paid half by PromptPay, half in cash."""

    def __init__(self, context: AppContext):
        self._context = context
        self._cart = _ten_line_cart(context)
        self._clock = FakeClock(MOMENT)
        total = self._cart.totals(700).total_satang
        self._tenders = (PromptPayTender(total // 2, confirmed_by_cashier=True), CashTender(total))

    def __call__(self) -> Sale:
        self._clock.advance(seconds=30)
        request = CheckoutRequest(
            SaleId(uuid.uuid4()), self._cart, self._tenders, cashier_id=UserId(1)
        )
        return commit_sale(self._context.uow_factory, self._clock, request)


class _BareCheckout:
    """The rows one checkout wrote, written again by the bare sqlite3 module in one transaction.

    Each round's rows (with fresh UUIDs) are made before timing, like the sales
    :class:`_OurCommit` stores; timing covers the counter, the INSERTs and COMMIT.
    """

    def __init__(self, template: Path, sale: Sale, target: Path):
        with raw_connection(template) as source:
            (key,) = source.execute(
                "SELECT id FROM sale WHERE sale_uuid = ?", (str(sale.sale_id),)
            ).fetchone()
            sale_row = source.execute("SELECT * FROM sale WHERE id = ?", (key,)).fetchone()
            children = {
                table: source.execute(f"SELECT * FROM {table} WHERE sale_id = ?", (key,)).fetchall()
                for table in ("sale_line", "sale_tender", "sale_vat", "sale_allocation")
            }
        self.rows = 2 + sum(len(rows) for rows in children.values())
        self._sql = {"sale": f"INSERT INTO sale VALUES ({', '.join('?' for _ in sale_row)})"} | {
            table: f"INSERT INTO {table} VALUES ({', '.join('?' for _ in rows[0])})"
            for table, rows in children.items()
            if rows
        }
        self._rounds = iter(
            [_bare_rows(key, sale_row, children) for key in range(1, WARM_UP + ROUNDS + 1)]
        )
        self._connection = sqlite3.connect(target, isolation_level=None)
        self._connection.executescript(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        )

    def __call__(self) -> None:
        rows = next(self._rounds)
        execute = self._connection.execute
        execute("BEGIN IMMEDIATE")
        execute(
            "INSERT INTO counter (name, value) VALUES ('receipt:POS01', 1) ON CONFLICT (name)"
            " DO UPDATE SET value = value + 1 RETURNING value"
        ).fetchone()
        execute(self._sql["sale"], rows["sale"][0])
        for table, sql in self._sql.items():
            if table != "sale":
                self._connection.executemany(sql, rows[table])
        execute("COMMIT")

    def close(self) -> None:
        self._connection.close()


def _bare_rows(
    key: int, sale: tuple[object, ...], children: dict[str, list[tuple[object, ...]]]
) -> dict[str, list[tuple[object, ...]]]:
    rows = {"sale": [(key, str(uuid.uuid4()), "POS01", key, f"POS01-{key:08d}", *sale[5:])]}
    for table, found in children.items():
        if table in ("sale_line", "sale_tender"):
            rows[table] = [(None, str(uuid.uuid4()), key, *row[3:]) for row in found]
        elif table == "sale_vat":
            rows[table] = [(None, key, *row[2:]) for row in found]
        else:
            rows[table] = [(key, *row[1:]) for row in found]
    return rows


class _OurCommit:
    """Only the commit of a checkout: the receipt number, the sale's rows, the durable commit.

    The same unit of work and repository calls as ``commit_sale`` makes once
    it has computed the sale; the sales (fresh ids) are made before timing, as
    the bare baseline's rows are.
    """

    def __init__(self, context: AppContext, sale: Sale, shift: Shift):
        self._context = context
        template = dataclasses.replace(sale, stamp=shift.stamp)  # this store's shift
        self._sales = iter([_copy(template) for _ in range(WARM_UP + ROUNDS)])

    def __call__(self) -> None:
        sale = next(self._sales)
        with self._context.uow_factory() as uow:
            assert uow.sales.sale_by_id(sale.sale_id) is None  # checkout's retry check
            assert uow.shifts.open_stamp(TerminalId("POS01")) is not None  # checkout's stamp
            serial = uow.counters.next_value("receipt:POS01")
            uow.sales.add_sale(
                dataclasses.replace(
                    sale, receipt_serial=serial, receipt_number=f"POS01-{serial:08d}"
                )
            )
            uow.commit()


def _copy(sale: Sale) -> Sale:
    return dataclasses.replace(
        sale,
        sale_id=SaleId(uuid.uuid4()),
        lines=tuple(
            dataclasses.replace(line, line_id=SaleLineId(uuid.uuid4())) for line in sale.lines
        ),
        tenders=tuple(
            dataclasses.replace(t, tender_id=TenderId(uuid.uuid4())) for t in sale.tenders
        ),
    )


def _take_turns(operations: list[Callable[[], object]]) -> list[list[float]]:
    """Run the operations in turn, round after round, so they share the disk's moods."""
    samples: list[list[float]] = [[] for _ in operations]
    for round_number in range(WARM_UP + ROUNDS):
        for operation, times in zip(operations, samples, strict=True):
            start = time.perf_counter()
            operation()
            if round_number >= WARM_UP:
                times.append((time.perf_counter() - start) * 1000)
    return samples


class _TillCheckout:
    """The payment screen's checkout of a 10-line cart rung up at the till (not timed)."""

    def __init__(self, context: AppContext):
        self._clock = FakeClock(MOMENT)
        self._till = open_till(context, self._clock, background=False)
        self._till.log_in(UserId(1), "1234")  # the demo cashier
        self._cart = _ten_line_cart(context)

    def prepare(self) -> None:
        self._clock.advance(seconds=30)
        for line in self._cart.lines:
            if line.product.sold_by_weight:
                self._till.add_weighed(line.product, line.quantity_milli)
            else:
                self._till.add_product(line.product, line.quantity_milli)

    def __call__(self) -> Sale:
        draft = self._till.sale_draft()
        total = draft.totals.total_satang
        tenders = (PromptPayTender(total // 2, confirmed_by_cashier=True), CashTender(total))
        return pay(self._till, draft, tenders)

    def close(self) -> None:
        self._till.close()


def _measure_till_checkout(workdir: Path) -> Figure:
    context, _ = initialise(workdir / "till", demo=True)
    request = OpenShiftRequest(ShiftId(uuid.uuid4()), UserId(1), float_satang=200_000)
    open_shift(context.uow_factory, FakeClock(MOMENT), request)
    till = _TillCheckout(context)
    times = []
    for round_number in range(WARM_UP + ROUNDS):
        till.prepare()
        start = time.perf_counter()
        till()
        if round_number >= WARM_UP:
            times.append((time.perf_counter() - start) * 1000)
    till.close()
    context.close()
    return Figure(
        "till checkout: sale + cart removal + receipt job p95",
        percentile(times, 0.95),
        "ms",
        15.0,
        None,
        f"p50 {percentile(times, 0.5):.2f} ms; one transaction, what the payment screen waits for",
    )


def _stores_with_a_shift(workdir: Path) -> tuple[dict[str, AppContext], dict[str, Shift]]:
    """One demo store per contender, each with its shift 1 of business day 1 open."""
    stores: dict[str, AppContext] = {}
    shifts: dict[str, Shift] = {}
    for name in ("ours", "commit", "bare", "bare2"):
        stores[name], _ = initialise(workdir / name, demo=True)
        # every store has its shift 1 of business day 1: the copied rows point at them
        request = OpenShiftRequest(ShiftId(uuid.uuid4()), UserId(1), float_satang=200_000)
        shifts[name] = open_shift(stores[name].uow_factory, FakeClock(MOMENT), request)
    return stores, shifts


def _measure_checkout(workdir: Path) -> list[Figure]:
    stores, shifts = _stores_with_a_shift(workdir)
    ours = _OurCheckout(stores["ours"])
    sale = ours()
    template = workdir / "ours" / DATABASE_FILENAME
    commit = _OurCommit(stores["commit"], sale, shifts["commit"])
    bare = _BareCheckout(template, sale, workdir / "bare" / DATABASE_FILENAME)
    bare2 = _BareCheckout(template, sale, workdir / "bare2" / DATABASE_FILENAME)
    whole, bare_whole, committed, bare_commit = _take_turns([ours, bare, commit, bare2])
    bare.close()
    bare2.close()
    for store in stores.values():
        store.close()
    rows = f"{bare.rows} rows incl. the counter; {ROUNDS} rounds, taking turns with bare sqlite3"
    return [
        Figure(
            "checkout commit (number, 10 lines, 2 tenders) p95",
            percentile(committed, 0.95),
            "ms",
            15.0,
            percentile(bare_commit, 0.95),
            f"p50 {percentile(committed, 0.5):.2f} ms vs {percentile(bare_commit, 0.5):.2f}"
            f" ms bare; {rows}",
        ),
        Figure(
            "commit_sale end to end (same sale) p95",
            percentile(whole, 0.95),
            "ms",
            15.0,
            percentile(bare_whole, 0.95),
            f"p50 {percentile(whole, 0.5):.2f} ms; with totals, VAT, tender checks, allocation,"
            " approvals, audit",
        ),
    ]


def _measure_year(workdir: Path, days: int, sales_per_day: int) -> list[Figure]:
    context, _ = initialise(workdir / "year", demo=True)
    assert context.data_dir is not None
    path = context.data_dir / DATABASE_FILENAME
    empty = _size(path)
    options = SimulationOptions(days=days, sales_per_day=sales_per_day, seed=1, manager_pin="5678")
    report = simulate(context.uow_factory, options)
    with raw_connection(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    context.close()
    grown = _size(path) - empty
    sales = report.sales
    return [
        Figure(
            f"simulate {days} days x {sales_per_day} sales",
            report.seconds,
            "s",
            None,
            None,
            f"{sales / report.seconds:.0f} sales/s, {report.credit_notes} credit notes,"
            f" {report.lines} lines",
        ),
        Figure(
            "store growth for those sales",
            grown / 1e6,
            "MB",
            None,
            None,
            f"{grown / sales / 1024:.2f} KiB per sale; empty demo store {empty / 1e6:.1f} MB",
        ),
    ]


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file()) - sum(
        p.stat().st_size for p in path.parent.glob(path.name + ".before-*")
    )


def run(options: Namespace) -> list[Figure]:
    days = getattr(options, "sim_days", 300)
    sales_per_day = getattr(options, "sim_sales", 300)
    with tempfile.TemporaryDirectory(prefix="otop-bench-checkout-") as tmp:
        figures = _measure_checkout(Path(tmp))
        figures.append(_measure_till_checkout(Path(tmp)))
        figures += _measure_year(Path(tmp), days, sales_per_day)
    return figures
