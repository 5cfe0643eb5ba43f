"""Sales, tax invoices and credit notes on real SQLite: round trips, constraints, triggers."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from pos.bootstrap import AppContext, initialise, open_context
from pos.clock import FakeClock
from pos.sale.domain.cart import Discount, DiscountKind
from pos.sale.domain.completed_sale import BuyerDetails, Sale
from pos.sale.domain.tenders import CardTender, CashTender, SchemeTender
from pos.sale.services.returns_and_voids import (
    ManagerApproval,
    ReturnRequest,
    VoidRequest,
    return_goods,
    void_sale,
)
from pos.sale.services.tax_invoices import issue_tax_invoice
from pos.store.database import (
    DATABASE_FILENAME,
    MIGRATIONS_DIR,
    create_sqlite_engine,
    migrate,
    raw_connection,
)
from pos.store.sales_models import IMMUTABLE_TABLES
from tests.sales_helpers import (
    BASKET,
    CHIPS,
    COFFEE,
    JULY_2021,
    MANAGER_PIN,
    SHALLOTS,
    SILK,
    add_staff,
    cart_of,
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


def a_busy_sale(shop: Shop) -> Sale:
    context, clock, cashier, manager = shop
    cart = cart_of((SILK, 1), (CHIPS, 3), (COFFEE, 1), (SHALLOTS, 1_377), (BASKET, 2))
    cart.set_line_discount(cart.lines[0].line_id, Discount(DiscountKind.PERCENT, 1500))
    cart.set_order_discount(Discount(DiscountKind.AMOUNT, 1_000))
    total = cart.totals(700).total_satang
    tenders = [
        SchemeTender("khon_la_khrueng", 40_000, "TN-2021-07-05-0001"),
        CardTender(200_000, "0A1B2C"),
        CashTender(total - 240_000 + 5_000),
    ]
    buyer = BuyerDetails.checked(
        "นางสาวมาลี ศรีสุข", "12 ม.3 ต.โพธิ์ อ.เมือง จ.ศรีสะเกษ", "1-1111-11111-11-9"
    )
    return sell(context, clock, cart, tenders, cashier, approved_by_user_id=manager, buyer=buyer)


def raw(context: AppContext) -> sqlite3.Connection:
    assert context.data_dir is not None
    return sqlite3.connect(context.data_dir / DATABASE_FILENAME)


def test_a_sale_reads_back_exactly_as_it_was_stored(shop: Shop) -> None:
    context = shop[0]
    sale = a_busy_sale(shop)
    with context.uow_factory() as uow:
        assert uow.sales.sale_by_id(sale.sale_id) == sale
        assert uow.sales.sale_by_receipt_number("POS01-00000001") == sale
        assert uow.sales.sales_on(JULY_2021.date()) == [sale]
        assert uow.sales.sale_by_id(uuid.uuid4()) is None
    assert len(sale.lines) == 5 and len(sale.tenders) == 3 and len(sale.tax_invoices) == 1
    assert sale.change_satang == 5_000 and sale.approved_by_user_id == shop[3]


def test_credit_notes_read_back_and_point_at_their_sale(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    sale = a_busy_sale(shop)
    approval = ManagerApproval(manager, MANAGER_PIN)
    quantities = {sale.lines[1].line_id: 2000, sale.lines[3].line_id: 377}
    note = return_goods(
        context.uow_factory,
        clock,
        ReturnRequest(
            uuid.uuid4(),
            sale.sale_id,
            quantities,
            cashier,
            "ขนาดไม่พอดี",
            refund_in_cash=True,
        ),
        approval,
    )
    with context.uow_factory() as uow:
        assert uow.sales.credit_note_by_id(note.credit_note_id) == note
        assert uow.sales.credit_notes_for(sale.sale_id) == [note]
        assert uow.sales.credit_notes_on(JULY_2021.date()) == [note]
    assert note.sale_receipt_number == sale.receipt_number and note.number == "POS01-CN-00000001"
    assert {line.sale_line_id for line in note.draft.lines} == set(quantities)


def test_nothing_ever_changes_or_deletes_a_completed_sale(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    sale = a_busy_sale(shop)
    issue_tax_invoice(
        context.uow_factory,
        clock,
        sale_id=sale.sale_id,
        reason="ชื่อผิด",
        buyer=sale.tax_invoices[0].buyer,
        user_id=cashier,
    )
    return_goods(
        context.uow_factory,
        clock,
        ReturnRequest(uuid.uuid4(), sale.sale_id, {sale.lines[1].line_id: 1000}, cashier, "ชำรุด"),
        ManagerApproval(manager, MANAGER_PIN),
    )
    with raw(context) as connection:
        for table in IMMUTABLE_TABLES:
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
            with pytest.raises(sqlite3.IntegrityError, match=f"{table} rows cannot be changed"):
                connection.execute(f"UPDATE {table} SET rowid = rowid")
            with pytest.raises(sqlite3.IntegrityError, match=f"{table} rows cannot be deleted"):
                connection.execute(f"DELETE FROM {table}")


def test_the_database_refuses_returning_more_than_was_sold(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    a_busy_sale(shop)
    other = sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    with raw(context) as connection:
        line_id, quantity = connection.execute(
            "SELECT id, quantity_milli FROM sale_line WHERE position = 1 AND sale_id = 1"
        ).fetchone()
        connection.execute(
            "INSERT INTO credit_note (credit_note_uuid, sale_id, kind, terminal_id, serial, number,"
            " issued_at_utc, business_date, cashier_id, approved_by_user_id, reason, total_satang,"
            " non_vat_satang, cash_rounding_satang) VALUES ('x', 1, 'return', 'POS01', 99,"
            " 'POS01-CN-99', '2021-07-05T03:00:00.000000Z', '2021-07-05', 1, 2, 'r', 0, 0, 0)"
        )
        insert_line = (
            "INSERT INTO credit_note_line (line_uuid, credit_note_id, sale_line_id,"
            " quantity_milli, amount_satang) VALUES (?, 1, ?, ?, 0)"
        )
        with pytest.raises(sqlite3.IntegrityError, match="more of a line than was sold"):
            connection.execute(insert_line, ("a", line_id, quantity + 1000))
        connection.execute(insert_line, ("b", line_id, quantity - 1000))
        with pytest.raises(sqlite3.IntegrityError, match="more of a line than was sold"):
            connection.execute(insert_line, ("c", line_id, 2000))
        other_line = connection.execute(
            "SELECT id FROM sale_line WHERE sale_id = (SELECT id FROM sale WHERE sale_uuid = ?)",
            (str(other.sale_id),),
        ).fetchone()[0]
        with pytest.raises(sqlite3.IntegrityError, match="must be a line of its sale"):
            connection.execute(insert_line, ("d", other_line, 1000))
        with pytest.raises(sqlite3.IntegrityError, match="cannot be voided"):
            connection.execute(
                "INSERT INTO credit_note (credit_note_uuid, sale_id, kind, terminal_id, serial,"
                " number, issued_at_utc, business_date, cashier_id, approved_by_user_id, reason,"
                " total_satang, non_vat_satang, cash_rounding_satang) VALUES ('y', 1, 'void',"
                " 'POS01', 100, 'POS01-CN-100', 't', '2021-07-05', 1, 2, 'r', 0, 0, 0)"
            )


@pytest.mark.parametrize(
    ("sql", "constraint"),
    [
        ("UPDATE sale_line SET total_satang = total_satang + 1", "total_adds_up"),
        (
            "UPDATE sale_tender SET change_satang = change_satang + 1 WHERE kind = 'cash'",
            "change_only_from_cash",
        ),
        (
            "UPDATE sale_tender SET government_share_satang = government_share_satang + 1"
            " WHERE kind = 'scheme'",
            "scheme_shares_add_up",
        ),
        ("UPDATE sale_tender SET reference = NULL WHERE kind = 'card'", "card_has_approval"),
        ("UPDATE sale_vat SET vat_satang = vat_satang + 1", "adds_up"),
        ("UPDATE sale SET cash_rounding_satang = 60", "rounding_within_half"),
        ("UPDATE sale_tender SET kind = 'cheque' WHERE kind = 'card'", "known_kind"),
    ],
)
def test_rows_that_do_not_add_up_are_refused_even_without_the_triggers(
    shop: Shop, sql: str, constraint: str
) -> None:
    context = shop[0]
    a_busy_sale(shop)
    with raw(context) as connection:
        table = sql.split()[1]
        connection.execute(f"DROP TRIGGER {table}_no_update")  # only to reach the CHECKs
        with pytest.raises(
            sqlite3.IntegrityError, match=f"CHECK constraint failed: ck_{table}_{constraint}"
        ):
            connection.execute(sql)
        connection.rollback()


def test_a_void_of_an_old_store_sale_after_reopening(shop: Shop, data_dir: Path) -> None:
    context, clock, cashier, manager = shop
    sale = sell(context, clock, cart_of((SILK, 1)), [CardTender(250_000, "C0FFEE")], cashier)
    context.close()
    reopened, _ = initialise(data_dir, demo=False)
    try:
        note = void_sale(
            reopened.uow_factory,
            clock,
            VoidRequest(
                credit_note_id=uuid.uuid4(),
                sale_id=sale.sale_id,
                cashier_id=cashier,
                reason="ลูกค้ายกเลิก",
            ),
            approval=ManagerApproval(manager, MANAGER_PIN),
        )
        assert note.total_satang == 250_000 and note.cash_paid_out_satang == 0
        with raw_connection(data_dir / DATABASE_FILENAME) as connection:
            counters = dict(connection.execute("SELECT name, value FROM counter"))
        assert counters == {"receipt:POS01": 1, "credit_note:POS01": 1, "shift:POS01": 1}
    finally:
        reopened.close()


def test_a_store_from_before_sales_is_upgraded_keeping_its_data_and_can_go_back(
    data_dir: Path,
) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DATABASE_FILENAME
    engine = create_sqlite_engine(path)
    migrate(engine, path, to_revision="0003_audit")
    engine.dispose()
    with raw_connection(path) as connection:
        connection.execute(
            "INSERT INTO app_user (name, role, pin_hash, active)"
            " VALUES ('สมหญิง', 'cashier', 'x', 1)"
        )
        connection.execute(
            "INSERT INTO audit_event (event_uuid, at_utc, action, user_id,"
            " detail_json) VALUES ('e1', '2021-07-05T03:00:00.000000Z', 'login',"
            " 1, '{}')"
        )
        connection.commit()
    context = open_context(data_dir)
    try:
        assert context.migration is not None and context.migration.from_revision == "0003_audit"
        open_till(context, FakeClock(JULY_2021), 1)
        sale = sell(context, FakeClock(JULY_2021), cart_of((CHIPS, 1)), [CashTender(12_000)], 1)
        assert sale.receipt_number == "POS01-00000001"
        assert context.engine is not None
        with context.engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS_DIR))
            config.attributes["connection"] = connection
            command.downgrade(config, "0003_audit")
    finally:
        context.close()
    with raw_connection(path) as connection:
        names = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
        assert not names & {"sale", "credit_note", "sale_no_update", "credit_note_void_alone"}
        assert connection.execute(
            "SELECT count(*) FROM audit_event WHERE event_uuid = 'e1'"
        ).fetchone() == (1,)
