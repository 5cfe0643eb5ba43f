"""Discount limits and discount entry, the cart snapshot, and the write-behind cart journal."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.audit import AuditAction, AuditEvent
from pos.clock import FakeClock
from pos.sale.domain.cart import Cart, Discount, DiscountKind
from pos.staff.domain.users import User
from pos.till.domain.rules import (
    Approvals,
    CartStatus,
    SavedCart,
    TillError,
    TillProblem,
    cart_from_snapshot,
    check_still_within_limits,
    discount_approver,
    exceeds_discount_limit,
    format_discount,
    parse_discount,
    snapshot_lines,
)
from pos.till.services.cart_journal import CartJournal
from tests.fakes.unit_of_work import FakeUnitOfWork
from tests.till_fixtures import GARLIC, SHALLOTS, SILK

# --- discounts ----------------------------------------------------------------------------------
CASHIER = User(1, "สมหญิง", "cashier", "x")
MANAGER = User(2, "ประเสริฐ", "manager", "x")


def test_who_approves_a_discount() -> None:
    assert discount_approver(CASHIER, False, None, 1000) is None  # within the limit: nobody
    assert discount_approver(MANAGER, True, None, 1000) == 2  # the manager at the till
    assert discount_approver(CASHIER, True, MANAGER, 1000) == 2  # the manager's PIN
    for approver in (None, CASHIER):
        with pytest.raises(TillError) as refused:
            discount_approver(CASHIER, True, approver, 1000)
        assert refused.value.problem is TillProblem.APPROVAL_NEEDED


def test_fewer_pieces_under_an_amount_discount_cannot_push_it_over_the_limit() -> None:
    cart = Cart()
    line = cart.add_product(SILK, 2000)  # two pieces, 400 baht off: within 10% of 2 x 2,450
    cart.set_line_discount(line.line_id, Discount(DiscountKind.AMOUNT, 40_000))
    check_still_within_limits(cart, Approvals({}), 1000, cashier_alone=True)
    cart.set_quantity(line.line_id, 1000)  # one piece: 400 baht is more than 10% of 2,450
    with pytest.raises(TillError) as refused:
        check_still_within_limits(cart, Approvals({}), 1000, cashier_alone=True)
    assert refused.value.problem is TillProblem.OVER_LIMIT_AFTER_CHANGE
    check_still_within_limits(cart, Approvals({}), 1000, cashier_alone=False)  # a manager's till
    check_still_within_limits(cart, Approvals({line.line_id: 2}), 1000, cashier_alone=True)


def test_discount_entry() -> None:
    assert parse_discount("10%") == Discount(DiscountKind.PERCENT, 1000)
    assert parse_discount(" 12.5 %") == Discount(DiscountKind.PERCENT, 1250)
    assert parse_discount("๕%") == Discount(DiscountKind.PERCENT, 500)
    assert parse_discount("50") == Discount(DiscountKind.AMOUNT, 5000)
    assert parse_discount("1,234.50") == Discount(DiscountKind.AMOUNT, 123450)
    for bad, why in (("150%", "more than 100%"), ("-5", "negative"), ("ten", "not a discount")):
        with pytest.raises(ValueError, match=why):
            parse_discount(bad)


@given(st.integers(0, 10_000))
def test_a_percentage_reads_back_as_typed(basis_points: int) -> None:
    discount = Discount(DiscountKind.PERCENT, basis_points)
    assert parse_discount(format_discount(discount)) == discount


@given(st.integers(0, 10**8))
def test_an_amount_reads_back_as_typed(satang: int) -> None:
    discount = Discount(DiscountKind.AMOUNT, satang)
    assert parse_discount(format_discount(discount)) == discount


@given(st.integers(0, 10**7), st.integers(1, 10**7), st.integers(0, 10_000))
def test_an_amount_exceeds_the_limit_exactly_when_its_share_does(
    satang: int, base: int, limit: int
) -> None:
    over = exceeds_discount_limit(Discount(DiscountKind.AMOUNT, satang), base, limit)
    assert over == (satang * 10_000 > limit * base)  # no rounding at the boundary
    at_limit = Discount(DiscountKind.PERCENT, limit)
    assert not exceeds_discount_limit(at_limit, base, limit)


# --- snapshots ----------------------------------------------------------------------------------


def test_a_cart_survives_the_round_trip_through_a_snapshot() -> None:
    cart = Cart()
    silk = cart.add_product(SILK, 3000)
    cart.add_weighed(SHALLOTS, 1255)
    cart.add_product(GARLIC)
    cart.remove(silk.line_id)
    cart.set_line_discount(3, Discount(DiscountKind.PERCENT, 500))
    cart.set_order_discount(Discount(DiscountKind.AMOUNT, 1000))
    approvals = Approvals({3: 2}, order=None)
    saved = SavedCart(
        "u",
        "POS01",
        CartStatus.OPEN,
        1,
        FakeClock().now(),
        5,
        snapshot_lines(cart, approvals),
        cart.order_discount,
    )
    again, approvals_again = cart_from_snapshot(saved)
    assert again.totals(700) == cart.totals(700)
    assert [line.line_id for line in again.lines] == [2, 3] and approvals_again == approvals
    assert again.add_product(SILK).line_id == 4
    assert saved.item_count == 2  # one weighed line + one jar


# --- the journal --------------------------------------------------------------------------------


def _cart(revision: int, *lines: int) -> SavedCart:
    cart = Cart()
    for _ in lines:
        cart.add_product(SILK)
    return SavedCart(
        "c1",
        "POS01",
        CartStatus.OPEN,
        1,
        FakeClock().now(),
        revision,
        snapshot_lines(cart, Approvals({})),
    )


def _event(action: AuditAction) -> AuditEvent:
    return AuditEvent(action, FakeClock().now(), 1)


class _GatedStore(FakeUnitOfWork):
    """A store whose commits wait for a gate, like a slow disk, and can be made to fail."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.fail = False
        self.entered = threading.Event()

    def commit(self) -> None:
        self.entered.set()
        self.gate.wait(5)
        if self.fail:
            raise OSError("disk full")
        super().commit()


def test_changes_that_queue_behind_a_slow_write_are_merged_with_all_their_events() -> None:
    store = _GatedStore()
    journal = CartJournal(lambda: store)
    journal.save(_cart(1, 1), [_event(AuditAction.LOGIN)])
    assert store.entered.wait(5)  # the writer is inside the first commit
    journal.save(_cart(2, 1, 2), [_event(AuditAction.LINE_DISCOUNT)])
    journal.save(_cart(3, 1, 2, 3), [_event(AuditAction.LINE_REMOVED)])
    store.gate.set()
    assert journal.flush(5)
    journal.close()
    assert store.commits == 2  # the first, then revisions 2 and 3 as one
    assert store.committed.carts["c1"].revision == 3
    assert [e.action for e in store.committed.audit] == [
        AuditAction.LOGIN,
        AuditAction.LINE_DISCOUNT,
        AuditAction.LINE_REMOVED,
    ]


def test_a_failed_write_is_reported_kept_and_written_later() -> None:
    store = _GatedStore()
    store.gate.set()
    store.fail = True
    errors: list[Exception] = []
    journal = CartJournal(lambda: store, background=False, on_error=errors.append)
    journal.save(_cart(1, 1), [_event(AuditAction.LOGIN)])
    assert [str(error) for error in errors] == ["disk full"] and journal.pending == 1
    assert store.committed.carts == {}
    store.fail = False
    journal.save(_cart(2, 1, 2))  # the next change carries the earlier one's events along
    assert journal.pending == 0
    assert store.committed.carts["c1"].revision == 2
    assert [e.action for e in store.committed.audit] == [AuditAction.LOGIN]


def test_removal_after_save_leaves_nothing_and_exclusive_waits_for_the_writer() -> None:
    store = _GatedStore()
    journal = CartJournal(lambda: store)
    journal.save(_cart(1, 1))
    journal.remove("c1")
    store.gate.set()
    with journal.exclusive():
        assert journal.pending == 0
    journal.close()
    assert store.committed.carts == {}
