"""The till session on the in-memory fakes: log-in, scans, edits, approvals, hold, restore."""

from __future__ import annotations

import datetime as dt

import pytest

from pos.audit import AuditAction
from pos.clock import FakeClock
from pos.sale.domain.cart import Discount, DiscountKind
from pos.staff.domain.lockout import DEFAULT_POLICY
from pos.till.domain.rules import CartStatus, TillError, TillProblem
from pos.till.services.login import MAX_WRONG_PINS
from pos.till.services.scanning import ScanKind
from pos.till.services.session import SaleDraft
from pos.unit_of_work import UnitOfWork
from tests.fakes.unit_of_work import FakeUnitOfWork
from tests.till_fixtures import (
    CASHIER_ID,
    CASHIER_PIN,
    COOKIES,
    GARLIC,
    MANAGER_ID,
    MANAGER_PIN,
    SHALLOTS,
    SHALLOTS_PLU,
    SILK,
    logged_in_till,
    new_till,
    price_label,
    seeded_store,
    weight_label,
)


def _stored_carts(store: FakeUnitOfWork) -> dict[str, object]:
    return dict(store.committed.carts)


def _actions(store: FakeUnitOfWork) -> list[AuditAction]:
    return [event.action for event in store.committed.audit]


# --- log-in -------------------------------------------------------------------------------------


def test_nothing_can_be_scanned_before_logging_in() -> None:
    till = new_till(seeded_store())
    with pytest.raises(TillError) as refused:
        till.scan(SILK.barcode or "")
    assert refused.value.problem is TillProblem.NOT_LOGGED_IN


def test_log_in_with_the_right_pin_is_recorded_and_a_wrong_one_refused() -> None:
    store = seeded_store()
    till = new_till(store)
    with pytest.raises(TillError) as refused:
        till.log_in(CASHIER_ID, "9999")
    assert refused.value.problem is TillProblem.WRONG_PIN and till.user is None
    assert till.log_in(CASHIER_ID, CASHIER_PIN).name == "สมหญิง ใจดี"
    assert _actions(store) == [AuditAction.LOGIN_FAILED, AuditAction.LOGIN]


def test_too_many_wrong_pins_lock_that_person_out_for_the_policys_lock() -> None:
    clock = FakeClock()
    till = new_till(seeded_store(), clock)
    for _ in range(MAX_WRONG_PINS):
        with pytest.raises(TillError):
            till.log_in(CASHIER_ID, "0000")
    with pytest.raises(TillError) as refused:
        till.log_in(CASHIER_ID, CASHIER_PIN)  # even the right PIN, for now
    assert refused.value.problem is TillProblem.LOCKED_OUT
    assert till.log_in(MANAGER_ID, MANAGER_PIN).is_manager  # others are not locked out
    clock.advance(seconds=DEFAULT_POLICY.lock.total_seconds() - 1)
    with pytest.raises(TillError):
        till.log_in(CASHIER_ID, CASHIER_PIN)
    clock.advance(seconds=1)
    assert till.log_in(CASHIER_ID, CASHIER_PIN).user_id == CASHIER_ID


def test_logging_out_with_goods_in_the_cart_is_refused() -> None:
    till = logged_in_till()
    till.scan(SILK.barcode or "")
    with pytest.raises(TillError) as refused:
        till.log_out()
    assert refused.value.problem is TillProblem.CART_NOT_EMPTY and till.user is not None


# --- scanning -----------------------------------------------------------------------------------


def test_a_known_code_adds_the_product_and_again_adds_one_more() -> None:
    till = logged_in_till()
    first = till.scan(SILK.barcode or "")
    again = till.scan(f" {SILK.barcode}\r\n")
    assert first.kind is again.kind is ScanKind.ADDED
    assert not first.merged and again.merged and first.line is again.line
    assert len(till.cart.lines) == 1 and till.cart.lines[0].quantity_milli == 2000
    assert till.totals().total_satang == 490000


def test_a_wrong_check_digit_is_invalid_and_changes_nothing() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    outcome = till.scan("8855512010015")
    assert outcome.kind is ScanKind.INVALID and "check digit" in outcome.detail
    assert till.cart.is_empty and _stored_carts(store) == {}


def test_a_valid_code_nobody_has_is_unknown() -> None:
    till = logged_in_till()
    assert till.scan("8850999999999").kind is ScanKind.UNKNOWN
    assert till.scan("NO-SUCH-SKU").kind is ScanKind.UNKNOWN
    assert till.scan("12345").kind is ScanKind.INVALID  # digits, but no barcode length
    assert till.cart.is_empty


def test_a_weight_label_adds_the_weighed_line() -> None:
    till = logged_in_till()
    outcome = till.scan(weight_label(SHALLOTS_PLU, 1250))
    assert outcome.kind is ScanKind.ADDED and outcome.line is not None
    assert outcome.line.quantity_milli == 1250 and outcome.line.gross_satang == 15000
    till.scan(weight_label(SHALLOTS_PLU, 500))
    assert len(till.cart.lines) == 2  # weighed goods never merge


def test_a_price_label_sets_the_line_price() -> None:
    till = logged_in_till()
    outcome = till.scan(price_label(SHALLOTS_PLU, 6000))
    assert outcome.line is not None and outcome.line.gross_satang == 6000


def test_a_base_scale_code_or_a_weighed_sku_asks_for_the_weight() -> None:
    till = logged_in_till()
    for code in (SHALLOTS.barcode or "", SHALLOTS.sku.lower()):
        outcome = till.scan(code)
        assert outcome.kind is ScanKind.WEIGHT_NEEDED and outcome.product == SHALLOTS
    assert till.cart.is_empty
    line = till.add_weighed(SHALLOTS, 750)
    assert line.gross_satang == 9000


def test_a_weight_label_on_goods_sold_by_the_piece_is_refused() -> None:
    store = seeded_store()
    with store as uow:
        uow.catalog.save_products([SILK], {SILK.sku: 77})
        uow.commit()
    till = logged_in_till(store)
    assert till.scan(weight_label(77, 500)).kind is ScanKind.NOT_BY_WEIGHT
    assert till.cart.is_empty


def test_a_typed_sku_is_found_in_any_case() -> None:
    till = logged_in_till()
    assert till.scan("fd-bgar-0001").product == GARLIC


def test_quick_keys_are_the_goods_with_the_shops_own_codes() -> None:
    till = logged_in_till()
    assert till.quick_key_products(COOKIES.category) == [COOKIES, SHALLOTS]  # by Thai name


# --- editing ------------------------------------------------------------------------------------


def test_quantities_go_up_down_and_to_zero_removes_the_line_with_a_record() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    line = till.add_product(SILK)
    till.change_quantity(line.line_id, 2000)
    assert line.quantity_milli == 3000
    till.set_quantity(line.line_id, 1000)
    with pytest.raises(TillError) as refused:
        till.set_quantity(line.line_id, 1500)
    assert refused.value.problem is TillProblem.WHOLE_UNITS_ONLY
    till.change_quantity(line.line_id, -1000)
    assert till.cart.is_empty
    assert _actions(store)[-1] is AuditAction.LINE_REMOVED
    assert _stored_carts(store) == {}  # an empty cart is not kept


def test_a_discount_within_the_limit_needs_no_manager_and_is_recorded() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    line = till.add_product(SILK)
    till.set_line_discount(line.line_id, Discount(DiscountKind.PERCENT, 1000))  # 10% = limit
    assert till.totals().total_satang == 220500
    event = store.committed.audit[-1]
    assert event.action is AuditAction.LINE_DISCOUNT and event.approved_by_user_id is None
    assert event.detail["amount_satang"] == 24500 and event.reference == SILK.sku


def test_a_discount_above_the_limit_needs_a_managers_pin() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    line = till.add_product(SILK)
    big = Discount(DiscountKind.AMOUNT, 50000)  # 500 baht on 2,450 = 20%
    assert till.line_discount_needs_approval(line.line_id, big)
    with pytest.raises(TillError) as refused:
        till.set_line_discount(line.line_id, big)
    assert refused.value.problem is TillProblem.APPROVAL_NEEDED and line.discount is None
    with pytest.raises(TillError) as not_manager:
        till.approve(CASHIER_ID, CASHIER_PIN)
    assert not_manager.value.problem is TillProblem.NOT_A_MANAGER
    manager = till.approve(MANAGER_ID, MANAGER_PIN)
    till.set_line_discount(line.line_id, big, approver=manager)
    assert line.discount == big
    event = store.committed.audit[-1]
    assert (event.user_id, event.approved_by_user_id) == (CASHIER_ID, MANAGER_ID)
    saved = store.committed.carts[till.cart_uuid]
    assert saved.lines[0].discount_approved_by == MANAGER_ID


def test_a_manager_at_the_till_approves_their_own_discounts() -> None:
    store = seeded_store()
    till = new_till(store)
    till.log_in(MANAGER_ID, MANAGER_PIN)
    till.add_product(GARLIC)
    till.set_order_discount(Discount(DiscountKind.PERCENT, 5000))
    assert store.committed.audit[-1].approved_by_user_id == MANAGER_ID
    assert till.totals().total_satang == 7950


def test_an_order_discount_above_the_limit_needs_approval() -> None:
    till = logged_in_till()
    till.add_product(GARLIC)
    with pytest.raises(TillError) as refused:
        till.set_order_discount(Discount(DiscountKind.AMOUNT, 2000))  # 20 on 159 = 12.6%
    assert refused.value.problem is TillProblem.APPROVAL_NEEDED
    till.set_order_discount(Discount(DiscountKind.AMOUNT, 1500))
    assert till.totals().order_discount_satang == 1500


def test_fewer_pieces_cannot_push_an_amount_discount_over_the_limit() -> None:
    till = logged_in_till()
    line = till.add_product(GARLIC, 5000)  # 5 jars = 795.00
    till.set_line_discount(line.line_id, Discount(DiscountKind.AMOUNT, 7900))  # 9.9%
    with pytest.raises(TillError) as refused:
        till.set_quantity(line.line_id, 1000)  # 79 on 159 would be 49.7%
    assert refused.value.problem is TillProblem.OVER_LIMIT_AFTER_CHANGE
    assert line.quantity_milli == 5000


def test_clearing_the_cart_is_recorded_and_leaves_nothing_stored() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    till.add_product(SILK)
    till.clear_cart()
    assert till.cart.is_empty and _stored_carts(store) == {}
    assert store.committed.audit[-1].action is AuditAction.CART_CLEARED


# --- hold, recall, restore ----------------------------------------------------------------------


def test_hold_parks_the_cart_and_recall_brings_it_back_as_it_was() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    till.add_product(SILK)
    till.scan(weight_label(SHALLOTS_PLU, 1250))
    before = [(line.line_id, line.quantity_milli) for line in till.cart.lines]
    total = till.totals().total_satang
    held = till.hold("ลูกค้าไปเลือกผ้าเพิ่ม")
    assert till.cart.is_empty and held.status is CartStatus.HELD
    assert [cart.cart_uuid for cart in till.held_carts()] == [held.cart_uuid]
    till.add_product(GARLIC)  # the next customer
    parked = till.recall(held.cart_uuid)
    assert parked is not None and [line.product for line in parked.lines] == [GARLIC]
    assert [(line.line_id, line.quantity_milli) for line in till.cart.lines] == before
    assert till.totals().total_satang == total
    assert [cart.cart_uuid for cart in till.held_carts()] == [parked.cart_uuid]
    actions = _actions(store)
    assert actions.count(AuditAction.CART_HELD) == 2 and actions[-1] is AuditAction.CART_RECALLED


def test_an_empty_cart_cannot_be_held() -> None:
    till = logged_in_till()
    with pytest.raises(TillError) as refused:
        till.hold()
    assert refused.value.problem is TillProblem.CART_EMPTY


def test_a_new_session_restores_the_open_cart_with_its_approvals() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    line = till.add_product(SILK, 2000)
    till.scan(weight_label(SHALLOTS_PLU, 830))
    manager = till.approve(MANAGER_ID, MANAGER_PIN)
    till.set_line_discount(line.line_id, Discount(DiscountKind.PERCENT, 2500), manager)
    till.set_order_discount(Discount(DiscountKind.AMOUNT, 1000))
    expected = till.totals()
    again = new_till(store)  # the program was restarted
    restored = again.restore()
    assert restored is not None and restored.cart_uuid == till.cart_uuid
    assert again.totals() == expected and again.revision == till.revision
    assert again.cart.lines[0].discount == line.discount
    assert again.user is None  # the cart waits for someone to log in
    again.log_in(CASHIER_ID, CASHIER_PIN)
    assert again.sale_draft().cart.lines[0].discount_approved_by == MANAGER_ID
    next_line = again.add_product(GARLIC)
    assert next_line.line_id == 3  # ids continue after the restored lines


def test_a_fresh_store_has_nothing_to_restore() -> None:
    assert new_till(seeded_store()).restore() is None


# --- checkout hand-over -------------------------------------------------------------------------


def _record_into(receipts: list[int]) -> object:
    def record(uow: UnitOfWork, draft: SaleDraft) -> int:
        receipts.append(draft.totals.total_satang)
        return uow.counters.next_value("receipt")

    return record


def test_completing_a_sale_writes_it_and_removes_the_cart_in_one_transaction() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    till.add_product(SILK)
    draft = till.sale_draft()
    commits = store.commits
    totals: list[int] = []
    number = till.record_and_clear_cart(draft, _record_into(totals))  # type: ignore[arg-type]
    assert number == 1 and totals == [245000] and store.commits == commits + 1
    assert _stored_carts(store) == {} and till.cart.is_empty


def test_a_failed_sale_record_keeps_the_cart() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    till.add_product(SILK)
    draft = till.sale_draft()

    def failing(uow: UnitOfWork, draft: SaleDraft) -> None:
        uow.counters.next_value("receipt")
        raise RuntimeError("printer on fire")

    with pytest.raises(RuntimeError):
        till.record_and_clear_cart(draft, failing)
    assert till.cart_uuid in _stored_carts(store) and len(till.cart.lines) == 1
    assert store.committed.counters == {}


def test_a_draft_taken_before_a_change_is_refused() -> None:
    till = logged_in_till()
    till.add_product(SILK)
    draft = till.sale_draft()
    till.add_product(GARLIC)
    with pytest.raises(TillError) as refused:
        till.record_and_clear_cart(draft, _record_into([]))  # type: ignore[arg-type]
    assert refused.value.problem is TillProblem.CART_CHANGED


def test_the_vat_rate_follows_the_clock() -> None:
    clock = FakeClock(dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    till = logged_in_till(clock=clock)
    till.add_product(GARLIC)
    assert till.vat_rate_basis_points == 700
    assert till.totals().vat_satang == 1040  # 159.00 × 7/107
