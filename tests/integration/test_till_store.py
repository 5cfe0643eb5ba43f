"""The till's carts on a real SQLite store: changes only, restore, hold, checkout, audit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos.audit import AuditAction
from pos.bootstrap import AppContext, open_context, open_till
from pos.clock import FakeClock
from pos.sale.domain.cart import Discount, DiscountKind
from pos.store.database import DATABASE_FILENAME, raw_connection
from pos.till.domain.rules import CartStatus
from pos.till.services.scanning import ScanKind

CASHIER, MANAGER = 1, 2  # the demo users
SILK = "8855512010014"  # ผ้าไหมมัดหมี่ลายลูกแก้ว สีม่วงเปลือกมังคุด, 2,450.00
GARLIC = "8857717001019"  # กระเทียมดำศรีสะเกษ, 159.00
SHALLOT_LABEL = "2100004012509"  # PLU 4 หอมแดงศรีสะเกษ GI คัดพิเศษ, 1.250 kg


def _db(context: AppContext) -> Path:
    assert context.data_dir is not None
    return context.data_dir / DATABASE_FILENAME


def _count(path: Path, sql: str) -> int:
    with raw_connection(path) as connection:
        return int(connection.execute(sql).fetchone()[0])


def test_scans_are_saved_and_a_new_process_restores_the_cart(demo_context: AppContext) -> None:
    till = open_till(demo_context, FakeClock())
    till.log_in(CASHIER, "1234")
    for code in (SILK, GARLIC, GARLIC, SHALLOT_LABEL):
        assert till.scan(code).kind is ScanKind.ADDED
    till.set_line_discount(2, Discount(DiscountKind.PERCENT, 500))
    expected = till.totals()
    till.close()
    assert _count(_db(demo_context), "SELECT count(*) FROM till_cart_line") == 3
    assert demo_context.data_dir is not None
    reopened = open_context(demo_context.data_dir)
    try:
        again = open_till(reopened, FakeClock())
        restored = again.restore()
        assert restored is not None and restored.item_count == 4
        assert again.totals() == expected
        assert [line.product.name_th for line in again.cart.lines][2].startswith("หอมแดง")
        again.close()
    finally:
        reopened.close()


def test_only_the_changed_line_is_written(demo_context: AppContext) -> None:
    till = open_till(demo_context, FakeClock())
    till.log_in(CASHIER, "1234")
    till.scan(SILK)
    till.scan(GARLIC)
    till.journal.flush()
    path = _db(demo_context)
    with raw_connection(path) as connection:
        connection.execute("UPDATE till_cart_line SET product_json = 'untouched' WHERE line_id = 1")
    till.scan(GARLIC)  # changes line 2 only
    till.close()
    with raw_connection(path) as connection:
        rows = dict(connection.execute("SELECT line_id, quantity_milli FROM till_cart_line"))
        kept = connection.execute("SELECT product_json FROM till_cart_line WHERE line_id = 1")
        assert rows == {1: 1000, 2: 2000} and kept.fetchone() == ("untouched",)


def test_hold_recall_and_approvals_are_stored_with_the_audit_trail(
    demo_context: AppContext,
) -> None:
    till = open_till(demo_context, FakeClock())
    till.log_in(CASHIER, "1234")
    till.scan(SILK)
    manager = till.approve(MANAGER, "5678")
    till.set_line_discount(1, Discount(DiscountKind.PERCENT, 3000), manager)
    held = till.hold("รอแฟนมาจ่าย")
    till.scan(GARLIC)
    assert [cart.note for cart in till.held_carts()] == ["รอแฟนมาจ่าย"]
    till.recall(held.cart_uuid)
    till.close()
    path = _db(demo_context)
    with raw_connection(path) as connection:
        statuses = sorted(connection.execute("SELECT status FROM till_cart").fetchall())
        approved = connection.execute(
            "SELECT discount_approved_by FROM till_cart_line WHERE discount_value = 3000"
        ).fetchall()
        audit = connection.execute(
            "SELECT action, user_id, approved_by_user_id FROM audit_event ORDER BY id"
        ).fetchall()
    assert statuses == [("held",), ("open",)] and approved == [(MANAGER,)]
    assert (AuditAction.LINE_DISCOUNT.value, CASHIER, MANAGER) in audit
    assert [row[0] for row in audit][-3:] == ["cart_held", "cart_held", "cart_recalled"]


def test_checkout_removes_the_cart_and_its_lines_in_the_sale_transaction(
    demo_context: AppContext,
) -> None:
    till = open_till(demo_context, FakeClock())
    till.log_in(CASHIER, "1234")
    till.scan(SILK)
    till.scan(SHALLOT_LABEL)
    draft = till.sale_draft()
    number = till.record_and_clear_cart(draft, lambda uow, _: uow.counters.next_value("receipt"))
    till.close()
    path = _db(demo_context)
    assert number == 1
    assert _count(path, "SELECT count(*) FROM till_cart") == 0
    assert _count(path, "SELECT count(*) FROM till_cart_line") == 0  # cascaded
    assert _count(path, "SELECT value FROM counter WHERE name = 'receipt'") == 1


def test_the_database_refuses_a_bad_cart_line(demo_context: AppContext) -> None:
    with raw_connection(_db(demo_context)) as connection:
        connection.execute(
            "INSERT INTO till_cart (cart_uuid, terminal_id, status, opened_at_utc,"
            " changed_at_utc, note, revision) VALUES ('x', 'POS01', 'open', '', '', '', 1)"
        )
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute(
                "INSERT INTO till_cart_line (cart_id, line_id, sku, product_json,"
                " quantity_milli, unit_price_satang) VALUES (1, 1, 'X', '{}', 0, 100)"
            )
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute("UPDATE till_cart SET status = 'lost'")


def test_several_open_carts_after_trouble_keep_the_newest_and_hold_the_rest(
    demo_context: AppContext,
) -> None:
    clock = FakeClock()
    first = open_till(demo_context, clock)
    first.log_in(CASHIER, "1234")
    first.scan(SILK)
    first.close()
    clock.advance(minutes=5)
    second = open_till(demo_context, clock)  # as if the first cart had not been restored
    second.log_in(CASHIER, "1234")
    second.scan(GARLIC)
    second.close()
    third = open_till(demo_context, clock)
    restored = third.restore()
    assert restored is not None and restored.lines[0].product.sku == "FD-BGAR-0001"
    held = third.held_carts()
    assert [cart.lines[0].product.sku for cart in held] == ["TX-SILK-0001"]
    assert held[0].status is CartStatus.HELD
    third.close()
