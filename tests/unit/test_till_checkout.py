"""Checkout from the till on the fakes: sale, cart removal and receipt job together, or nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from pos.audit import AuditAction
from pos.clock import THAI_TIME, FakeClock
from pos.sale.domain.cart import Discount, DiscountKind
from pos.sale.domain.completed_sale import BuyerDetails
from pos.sale.domain.tenders import CardTender, CashTender, PaymentError
from pos.sale.services.checkout import ApprovalRequiredError, CheckoutRequest, record_sale
from pos.sale.services.returns_and_voids import (
    ManagerApproval,
    ReturnRequest,
    VoidRequest,
    last_sale_today,
    return_goods,
    void_sale,
)
from pos.sale.services.tax_invoices import issue_tax_invoice
from pos.shifts.domain.cash_control import NoOpenShiftError
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, open_shift
from pos.till.domain.rules import TillError, TillProblem
from pos.till.services.pay import checkout_request, pay, quote_draft
from pos.till.services.session import TillSession
from tests.fakes.unit_of_work import FakeUnitOfWork
from tests.till_fixtures import (
    CASHIER_ID,
    GARLIC,
    MANAGER_ID,
    MANAGER_PIN,
    SILK,
    seeded_store,
)
from tests.till_fixtures import logged_in_till as logged_in_till_without_a_shift


def logged_in_till(
    store: FakeUnitOfWork | None = None, clock: FakeClock | None = None
) -> TillSession:
    """A till whose cashier has opened a shift (nothing is sold without one)."""
    till = logged_in_till_without_a_shift(store, clock)
    request = OpenShiftRequest(uuid.uuid4(), CASHIER_ID, float_satang=100_000)
    open_shift(till.uow_factory, till.clock, request)
    return till


BUYER = BuyerDetails.checked(
    "บริษัท ศรีสะเกษ เทรดดิ้ง จำกัด", "99 ถ.ขุขันธ์ อ.เมือง จ.ศรีสะเกษ", "0335558882988", "00000"
)


def _actions(store: FakeUnitOfWork, action: AuditAction) -> list[tuple[int | None, int | None]]:
    return [(e.user_id, e.approved_by_user_id) for e in store.committed.audit if e.action is action]


def test_a_paid_cart_becomes_a_sale_its_cart_goes_and_its_receipt_is_queued() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    till.scan(SILK.barcode or "")
    till.scan(GARLIC.barcode or "")
    draft = till.sale_draft()
    assert quote_draft(till, draft).total_satang == 260_900
    sale = pay(till, draft, [CashTender(300_000)])
    assert sale.receipt_number == "POS01-00000001" and sale.change_satang == 39_100
    assert sale.sale_id == uuid.UUID(draft.cart.cart_uuid)  # the cart's audit trail names it
    data = store.committed
    assert data.sales.sales[sale.sale_id] == sale
    assert draft.cart.cart_uuid not in data.carts and till.cart.is_empty
    (job,) = data.print_jobs
    assert (job.document_kind, job.reference) == ("sale", sale.receipt_number) and job.open_drawer


def test_without_cash_the_drawer_stays_shut() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    till.scan(GARLIC.barcode or "")
    pay(till, till.sale_draft(), [CardTender(15_900, "ab12")])
    assert [job.open_drawer for job in store.committed.print_jobs] == [False]


def test_a_refused_payment_writes_nothing_and_leaves_the_cart() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    till.scan(SILK.barcode or "")
    draft = till.sale_draft()
    commits = store.commits
    with pytest.raises(PaymentError, match="still due"):
        pay(till, draft, [CashTender(100_000)])
    data = store.committed
    assert not data.sales.sales and not data.print_jobs and store.commits == commits
    assert data.carts[draft.cart.cart_uuid].lines[0].product.sku == SILK.sku
    assert [line.product.sku for line in till.cart.lines] == [SILK.sku]
    assert pay(till, draft, [CashTender(245_000)]).receipt_number == "POS01-00000001"


def test_a_draft_taken_before_the_cart_changed_is_refused() -> None:
    till = logged_in_till()
    till.scan(SILK.barcode or "")
    draft = till.sale_draft()
    till.scan(GARLIC.barcode or "")
    with pytest.raises(TillError) as refused:
        pay(till, draft, [CashTender(245_000)])
    assert refused.value.problem is TillProblem.CART_CHANGED


def test_discounts_are_audited_once_by_the_till_with_their_approver() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    till.scan(SILK.barcode or "")
    line_id = till.cart.lines[0].line_id
    manager = till.approve(MANAGER_ID, MANAGER_PIN)
    till.set_line_discount(line_id, Discount(DiscountKind.PERCENT, 2500), manager)
    till.set_order_discount(Discount(DiscountKind.AMOUNT, 1_000))  # within the limit
    draft = till.sale_draft()
    request = checkout_request(draft, [CashTender(200_000)])
    assert request.approved_by_user_id == MANAGER_ID and not request.audit_discounts
    sale = pay(till, draft, [CashTender(200_000)])
    assert sale.approved_by_user_id == MANAGER_ID and sale.total_satang == 182_750
    assert _actions(store, AuditAction.LINE_DISCOUNT) == [(CASHIER_ID, MANAGER_ID)]
    assert _actions(store, AuditAction.ORDER_DISCOUNT) == [(CASHIER_ID, None)]
    discounts = [e for e in store.committed.audit if e.action is AuditAction.LINE_DISCOUNT]
    assert discounts[0].detail["cart"] == str(sale.sale_id)


def test_headless_checkout_still_audits_discounts_itself() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    till.scan(SILK.barcode or "")
    till.set_order_discount(Discount(DiscountKind.AMOUNT, 1_000))
    cart = till.cart
    request = CheckoutRequest(uuid.uuid4(), cart, (CashTender(244_000),), CASHIER_ID)
    with store as uow:
        sale = record_sale(uow, till.clock, request)
        uow.commit()
    events = [e for e in store.committed.audit if e.action is AuditAction.ORDER_DISCOUNT]
    assert [e.reference for e in events] == [None, sale.receipt_number]  # the till's, checkout's
    assert not store.committed.print_jobs  # only asked for: simulate must not fill the queue


def test_an_unapproved_discount_over_the_limit_is_refused_at_checkout() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    till.scan(SILK.barcode or "")
    draft = till.sale_draft()
    half = Discount(DiscountKind.PERCENT, 5000)
    half_off = dataclasses.replace(draft.cart.lines[0], discount=half)
    forged = dataclasses.replace(draft, cart=dataclasses.replace(draft.cart, lines=(half_off,)))
    with pytest.raises(ApprovalRequiredError, match=r"discount of 1,225\.00"):
        pay(till, forged, [CashTender(122_500)])  # the till never lets this through unapproved
    assert not store.committed.sales.sales and not store.committed.print_jobs


def test_a_buyer_at_payment_gets_the_invoice_in_the_same_transaction_and_one_job() -> None:
    store = seeded_store()
    till = logged_in_till(store)
    till.scan(GARLIC.barcode or "")
    sale = pay(till, till.sale_draft(), [CashTender(20_000)], BUYER)
    (invoice,) = sale.tax_invoices
    assert invoice.number == "POS01-TI-00000001" and not invoice.replaces_abbreviated
    assert [job.document_kind for job in store.committed.print_jobs] == ["sale"]


def test_returns_voids_and_later_invoices_queue_their_documents() -> None:
    store = seeded_store()
    clock = FakeClock(dt.datetime(2026, 11, 24, 9, 0, tzinfo=THAI_TIME))
    till = logged_in_till(store, clock)
    till.scan(SILK.barcode or "")
    till.scan(GARLIC.barcode or "")
    first = pay(till, till.sale_draft(), [CardTender(100_000, "ok1"), CashTender(200_000)])
    till.scan(GARLIC.barcode or "")
    second = pay(till, till.sale_draft(), [CashTender(15_900)])
    history = last_sale_today(lambda: store, clock)
    assert history is not None and history.sale == second
    approval = ManagerApproval(MANAGER_ID, MANAGER_PIN)
    silk_line = first.lines[0].line_id
    note = return_goods(
        lambda: store,
        clock,
        ReturnRequest(
            uuid.uuid4(),
            first.sale_id,
            {silk_line: 1000},
            CASHIER_ID,
            "สีไม่ตรง",
            print_note=True,
        ),
        approval,
    )
    void = void_sale(
        lambda: store,
        clock,
        VoidRequest(
            credit_note_id=uuid.uuid4(),
            sale_id=second.sale_id,
            cashier_id=CASHIER_ID,
            reason="ลูกค้าเปลี่ยนใจ",
            print_note=True,
        ),
        approval=approval,
    )
    invoice = issue_tax_invoice(
        lambda: store,
        clock,
        sale_id=first.sale_id,
        buyer=BUYER,
        user_id=CASHIER_ID,
        print_invoice=True,
    )
    jobs = [(j.document_kind, j.reference, j.open_drawer) for j in store.committed.print_jobs]
    assert jobs[2:] == [
        ("credit_note", note.number, note.cash_paid_out_satang > 0),
        ("credit_note", void.number, True),
        ("tax_invoice", invoice.number, False),
    ]
    assert void.cash_paid_out_satang == 15_900 and invoice.replaces_abbreviated


def test_without_an_open_shift_nothing_is_sold_and_the_cart_stays() -> None:
    store = seeded_store()
    till = logged_in_till_without_a_shift(store)
    till.scan(SILK.barcode or "")
    draft = till.sale_draft()
    with pytest.raises(NoOpenShiftError):
        pay(till, draft, [CashTender(245_000)])
    assert not store.committed.sales.sales and not store.committed.print_jobs
    assert draft.cart.cart_uuid in store.committed.carts and len(till.cart.lines) == 1


def test_no_sale_today_means_nothing_to_void() -> None:
    assert last_sale_today(lambda: seeded_store(), FakeClock()) is None


def test_the_last_sale_after_midnight_is_the_open_days_not_the_calendars() -> None:
    """A shift opened at 23:30 sells into its own business day: that sale is the one to void."""
    store = seeded_store()
    clock = FakeClock(dt.datetime(2026, 11, 24, 23, 30, tzinfo=THAI_TIME))
    till = logged_in_till(store, clock)
    clock.advance(minutes=45)  # 00:15 on the 25th, the day opened on the 24th
    till.scan(GARLIC.barcode or "")
    sale = pay(till, till.sale_draft(), [CashTender(15_900)])
    assert sale.business_date == dt.date(2026, 11, 24)
    history = last_sale_today(lambda: store, clock)
    assert history is not None and history.sale == sale
