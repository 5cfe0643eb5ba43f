"""Shifts, business days and Z reports in a real SQLite store: the rules the database keeps itself.

Even a program that bypasses the services cannot add a sale to a closed day
or shift, open a second shift on a terminal, change a closed shift (but
approve its difference once), delete one, or close a day with a shift open.
The X report changes nothing in the store (compared table by table); a store
from before shifts upgrades keeping its sales and downgrades again.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from pos.bootstrap import AppContext, initialise, open_context
from pos.clock import FakeClock
from pos.reports.services.range_reports import ReportPeriod, sales_by_category
from pos.sale.domain.tenders import CashTender, PromptPayTender
from pos.shifts.domain.cash_control import CashCount
from pos.shifts.services.day_close import x_report
from pos.shifts.services.shift_lifecycle import (
    CloseShiftRequest,
    OpenShiftRequest,
    close_shift,
    current_shift,
    open_shift,
    shift_takings,
)
from pos.store.database import (
    DATABASE_FILENAME,
    MIGRATIONS_DIR,
    create_sqlite_engine,
    migrate,
    raw_connection,
)
from tests.sales_helpers import (
    CHIPS,
    JULY_2021,
    SILK,
    add_staff,
    cart_of,
    close_till,
    open_till,
    sell,
)

Shop = tuple[AppContext, FakeClock, int, int]


@pytest.fixture
def shop(data_dir: Path) -> Iterator[Shop]:
    context, _ = initialise(data_dir, demo=False)
    cashier, manager = add_staff(context)
    clock = FakeClock(JULY_2021)
    open_till(context, clock, cashier)
    yield context, clock, cashier, manager
    context.close()


def raw(context: AppContext) -> sqlite3.Connection:
    assert context.data_dir is not None
    connection = sqlite3.connect(context.data_dir / DATABASE_FILENAME)
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def copy_sale(connection: sqlite3.Connection, *, shift_id: int, day_id: int) -> None:
    """Insert a copy of sale 1 (new ids and number) into the given shift and day."""
    columns = [c[1] for c in connection.execute("PRAGMA table_info(sale)") if c[1] != "id"]
    values = dict(
        zip(
            columns,
            connection.execute(f"SELECT {', '.join(columns)} FROM sale WHERE id = 1").fetchone(),
            strict=True,
        )
    )
    values.update(
        sale_uuid=str(uuid.uuid4()),
        receipt_serial=99,
        receipt_number="POS01-99",
        shift_id=shift_id,
        business_day_id=day_id,
    )
    connection.execute(
        f"INSERT INTO sale ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
        list(values.values()),
    )


def test_the_database_refuses_sales_in_a_closed_shift_or_day(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    shift = current_shift(context.uow_factory)
    assert shift is not None
    request = CloseShiftRequest(shift.shift_id, cashier, CashCount.parse("1000x2 100x1 20x1"))
    close_shift(context.uow_factory, clock, request)
    connection = raw(context)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="its shift is closed"):
            copy_sale(connection, shift_id=1, day_id=1)  # the day is still open
    finally:
        connection.close()
    close_till(context, clock, cashier, manager)
    connection = raw(context)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="business day is closed"):
            copy_sale(connection, shift_id=None, day_id=1)  # type: ignore[arg-type]
        with pytest.raises(sqlite3.IntegrityError, match="a closed shift cannot be changed"):
            connection.execute("UPDATE shift SET float_satang = 0")
        with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
            connection.execute("DELETE FROM shift")
        with pytest.raises(sqlite3.IntegrityError, match="closed business day cannot be changed"):
            connection.execute("UPDATE business_day SET closed_at_utc = NULL")
        with pytest.raises(sqlite3.IntegrityError, match="z_report rows cannot be updated"):
            connection.execute("UPDATE z_report SET net_satang = 0")
        with pytest.raises(sqlite3.IntegrityError, match="cash cannot move in a closed shift"):
            connection.execute(
                "INSERT INTO cash_movement (movement_uuid, shift_id, kind,"
                " amount_satang, reason, at_utc, user_id) VALUES"
                " ('m', 1, 'in', 100, 'x', '2021', 1)"
            )
    finally:
        connection.close()


def test_one_open_shift_per_terminal_and_no_day_closed_with_a_shift_open(shop: Shop) -> None:
    context, *_ = shop
    connection = raw(context)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            connection.execute(
                "INSERT INTO shift (shift_uuid, terminal_id, number, business_day_id,"
                " opened_at_utc, opened_by_user_id, float_satang, closing_note)"
                " VALUES ('s2', 'POS01', 2, 1, '2021', 1, 0, '')"
            )
        with pytest.raises(sqlite3.IntegrityError, match="with an open shift cannot be closed"):
            connection.execute("UPDATE business_day SET closed_at_utc = '2021'")
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            connection.execute(
                "INSERT INTO business_day (day_uuid, terminal_id, business_date,"
                " opened_at_utc) VALUES ('d2', 'POS01', '2021-07-05', '2021')"
            )
    finally:
        connection.close()


def test_a_closed_shift_is_approved_once_and_then_never_changes(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    close_till(context, clock, cashier, manager)
    connection = raw(context)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="a closed shift cannot be changed"):
            connection.execute(
                "UPDATE shift SET approved_by_user_id = 2, approved_at_utc = '2021'"
            )  # already approved
    finally:
        connection.close()


def dump(context: AppContext) -> list[str]:
    connection = raw(context)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_the_x_report_changes_nothing_in_the_store(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    sell(context, clock, cart_of((SILK, 1)), [PromptPayTender(250_000, True)], cashier)
    sell(context, clock, cart_of((CHIPS, 2)), [CashTender(50_000)], cashier)
    before = dump(context)
    assert context.data_dir is not None
    size = (context.data_dir / DATABASE_FILENAME).stat().st_size
    for reader in (context.reader(), context.uow_factory):  # read-only, and even a write uow
        report = x_report(reader, clock)
        assert report.figures.sales.count == 2 and report.figures.cash.expected_satang == 224_000
    assert dump(context) == before
    assert (context.data_dir / DATABASE_FILENAME).stat().st_size == size


def test_shift_takings_in_sql_equal_the_fake(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    sell(context, clock, cart_of((CHIPS, 3)), [CashTender(100_000)], cashier)
    with context.uow_factory() as uow:
        shift = uow.shifts.open_shift("POS01")
        assert shift is not None
        takings = shift_takings(uow, shift)
    assert takings.cash.expected_satang == 200_000 + 36_000
    assert (takings.cash.received_satang, takings.cash.change_satang) == (100_000, 64_000)


def test_a_store_from_before_shifts_is_upgraded_with_its_sales_and_can_go_back(
    data_dir: Path,
) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DATABASE_FILENAME
    engine = create_sqlite_engine(path)
    migrate(engine, path, to_revision="0006_print_queue")
    engine.dispose()
    with raw_connection(path) as connection:
        connection.execute(
            "INSERT INTO app_user (name, role, pin_hash, active)"
            " VALUES ('สมหญิง', 'cashier', 'x', 1)"
        )
        connection.execute(
            "INSERT INTO sale (sale_uuid, terminal_id, receipt_serial, receipt_number, sold_at_utc,"
            " business_date, cashier_id, vat_rate_basis_points, subtotal_satang,"
            " line_discounts_satang, order_discount_satang, total_satang, non_vat_satang,"
            " cash_rounding_satang, change_satang) VALUES"
            " ('6f1d8a52-3c1e-4d55-9a51-0e7b1f9c2a11', 'POS01', 1, 'POS01-00000001',"
            " '2021-07-05T03:00:00.000000Z', '2021-07-05', 1, 700, 100, 0, 0, 100, 100, 0, 0)"
        )
        connection.execute(
            "INSERT INTO sale_line (line_uuid, sale_id, position, sku, name_th, name_en, category,"
            " unit, sold_by_weight, producer_name, vatable, quantity_milli, unit_price_satang,"
            " catalogue_price_satang, gross_satang, line_discount_satang, order_discount_satang,"
            " total_satang) VALUES ('6f1d8a52-3c1e-4d55-9a51-0e7b1f9c2a12', 1, 0, 'FD-1',"
            " 'กล้วยตาก', '', 'food', 'bag', 0, 'กลุ่มแม่บ้าน', 0, 1000, 100, 100, 100, 0, 0, 100)"
        )
        connection.execute("INSERT INTO counter (name, value) VALUES ('receipt:POS01', 1)")
        connection.commit()
    context = open_context(data_dir)
    try:
        assert (
            context.migration is not None and context.migration.from_revision == "0006_print_queue"
        )
        with context.uow_factory() as uow:
            (old,) = uow.sales.sales_on(JULY_2021.date())
        assert old.stamp is None and old.receipt_number == "POS01-00000001"
        clock = FakeClock(JULY_2021)
        open_shift(context.uow_factory, clock, OpenShiftRequest(uuid.uuid4(), 1, float_satang=0))
        new = sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], 1)
        assert new.stamp is not None and new.receipt_number == "POS01-00000002"
        july = ReportPeriod(dt.date(2021, 7, 1), dt.date(2021, 7, 31))
        lines = {
            c.category: c.sales_satang for c in sales_by_category(context.reader(), july).lines
        }
        assert (lines["food"], lines["textile"]) == (100, 12_000)  # the old sale is reported too
        assert context.engine is not None
        with context.engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS_DIR))
            config.attributes["connection"] = connection
            command.downgrade(config, "0006_print_queue")
    finally:
        context.close()
    with raw_connection(path) as connection:
        names = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
        assert not names & {"shift", "business_day", "z_report", "sale_in_open_day"}
        assert connection.execute("SELECT count(*) FROM sale").fetchone() == (2,)
        columns = {c[1] for c in connection.execute("PRAGMA table_info(sale)")}
        assert "shift_id" not in columns
