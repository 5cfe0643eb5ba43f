"""Checkout, tax invoices and approvals through the services, on the in-memory fakes."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from pos.audit import AuditAction
from pos.bootstrap import AppContext
from pos.clock import FakeClock
from pos.money import CashRounding
from pos.sale.domain.cart import Discount, DiscountKind
from pos.sale.domain.completed_sale import BuyerDetails, BuyerDetailsError
from pos.sale.domain.promptpay import check_payload
from pos.sale.domain.tenders import (
    CardTender,
    CashTender,
    PaymentError,
    PromptPayTender,
    SchemeTender,
)
from pos.sale.services.checkout import (
    ApprovalRequiredError,
    CheckoutError,
    CheckoutRequest,
    commit_sale,
    quote,
)
from pos.sale.services.tax_invoices import TaxInvoiceError, issue_tax_invoice
from tests.fakes.context import fake_context
from tests.sales_helpers import (
    CHIPS,
    COFFEE,
    JULY_2021,
    SHALLOTS,
    SILK,
    add_staff,
    cart_of,
    open_till,
    sell,
)

BUYER = BuyerDetails.checked(
    "บริษัท ศรีสะเกษ เทรดดิ้ง จำกัด",
    "99 ถ.ขุขันธ์ ต.เมืองใต้ อ.เมือง จ.ศรีสะเกษ 33000",
    "0335558882988",
    "สำนักงานใหญ่",
)


Shop = tuple[AppContext, FakeClock, int, int]  # context, clock, cashier id, manager id


@pytest.fixture
def shop() -> Shop:
    context = fake_context()
    cashier, manager = add_staff(context)
    clock = FakeClock(JULY_2021)
    open_till(context, clock, cashier)
    return context, clock, cashier, manager


def stored_count(context: AppContext) -> int:
    with context.uow_factory() as uow:
        return len(uow.sales.sales_on(JULY_2021.date()))


def test_receipt_numbers_run_without_gaps_and_refusals_use_none(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    first = sell(context, clock, cart_of((CHIPS, 2)), [CashTender(50_000)], cashier)
    with pytest.raises(PaymentError):
        sell(context, clock, cart_of((SILK, 1)), [CashTender(100)], cashier)
    with pytest.raises(PaymentError):
        sell(context, clock, cart_of((SILK, 1)), [CardTender(250_000, "")], cashier)
    second = sell(context, clock, cart_of((SILK, 1)), [CardTender(250_000, "a1b2c3")], cashier)
    assert [first.receipt_number, second.receipt_number] == ["POS01-00000001", "POS01-00000002"]
    assert first.change_satang == 26_000 and second.tenders[0].reference == "A1B2C3"
    with context.uow_factory() as uow:
        assert uow.sales.sale_by_receipt_number("POS01-00000002") == second


def test_a_retried_checkout_returns_the_same_sale(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    request = CheckoutRequest(uuid.uuid4(), cart_of((COFFEE, 1)), (CashTender(30_000),), cashier)
    sale = commit_sale(context.uow_factory, clock, request)
    clock.advance(seconds=5)
    assert commit_sale(context.uow_factory, clock, request) == sale
    other = dataclasses.replace(request, cart=cart_of((SILK, 1)), tenders=(CashTender(250_000),))
    with pytest.raises(CheckoutError, match="already used for receipt POS01-00000001"):
        commit_sale(context.uow_factory, clock, other)
    assert stored_count(context) == 1


def test_the_sale_keeps_snapshots_vat_per_seller_and_the_split(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    cart = cart_of((CHIPS, 2), (COFFEE, 1), (SILK, 1), (SHALLOTS, 1_250))
    sale = sell(
        context,
        clock,
        cart,
        [SchemeTender("khon_la_khrueng", 30_000, "TN-88"), CashTender(1_000_000)],
        cashier,
    )
    assert [line.sku for line in sale.lines] == [
        "FD-DURI-0001",
        "BV-COFF-0001",
        "TX-SILK-0001",
        "FD-SHAL-0004",
    ]
    shallots = sale.lines[3]
    assert (shallots.quantity_milli, shallots.total_satang, shallots.vatable) == (
        1250,
        11_125,
        False,
    )
    (seller,) = sale.vat  # chips and coffee: one VAT-registered seller
    assert seller.gross_satang == 52_000 and seller.vat_satang == 3_402
    assert sale.non_vat_satang == 261_125 and sale.total_satang == 313_125
    scheme, cash = sale.tenders
    assert (scheme.government_share_satang, scheme.buyer_share_satang) == (15_000, 15_000)
    assert scheme.scheme_phase == "3" and cash.change_satang == 1_000_000 - 283_125
    assert sale.government_share_satang == 15_000 and sale.paid_satang == 313_125


def test_big_discounts_and_price_changes_need_a_manager_and_are_audited(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    cart = cart_of((SILK, 1), (CHIPS, 1))
    cart.set_line_discount(cart.lines[0].line_id, Discount(DiscountKind.PERCENT, 1500))
    cart.lines[1].unit_price_satang = 10_000  # changed at the till
    tenders = [CashTender(300_000)]
    with pytest.raises(ApprovalRequiredError, match=r"discount of 375\.00 on ผ้าไหม.*changed price"):
        sell(context, clock, cart, tenders, cashier)
    with pytest.raises(ApprovalRequiredError, match="not an active manager"):
        sell(context, clock, cart, tenders, cashier, approved_by_user_id=cashier)
    sale = sell(context, clock, cart, tenders, cashier, approved_by_user_id=manager)
    assert sale.approved_by_user_id == manager and sale.lines[1].price_overridden
    with context.uow_factory() as uow:
        events = uow.audit.between(JULY_2021, clock.advance(minutes=1))
    assert [(e.action, e.user_id, e.approved_by_user_id, e.reference) for e in events] == [
        (AuditAction.LINE_DISCOUNT, cashier, manager, "POS01-00000001"),
        (AuditAction.PRICE_OVERRIDE, cashier, manager, "POS01-00000001"),
    ]
    assert events[1].detail == {
        "sku": "FD-DURI-0001",
        "catalogue_price_satang": 12_000,
        "unit_price_satang": 10_000,
    }


def test_a_discount_within_the_limit_is_audited_without_approval(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    cart = cart_of((SILK, 1))
    cart.set_order_discount(Discount(DiscountKind.PERCENT, 1000))  # exactly the 10% limit
    sale = sell(context, clock, cart, [CashTender(225_000)], cashier)
    with context.uow_factory() as uow:
        (event,) = uow.audit.between(JULY_2021, clock.advance(minutes=1))
    assert event.action is AuditAction.ORDER_DISCOUNT and event.approved_by_user_id is None
    assert event.detail == {"discount_satang": 25_000} and sale.total_satang == 225_000


def test_an_app_reference_is_used_once(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    tender = SchemeTender("khon_la_khrueng", 12_000, "TN-1")
    sell(context, clock, cart_of((CHIPS, 1)), [tender], cashier)
    with pytest.raises(PaymentError, match="TN-1 was already used on receipt POS01-00000001"):
        sell(context, clock, cart_of((CHIPS, 1)), [tender], cashier)


def test_an_unknown_cashier_cannot_sell(shop: Shop) -> None:
    context, clock, _, _ = shop
    with pytest.raises(CheckoutError, match="user 99 cannot sell"):
        sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], 99)
    with pytest.raises(CheckoutError, match="cart is empty"):
        sell(context, clock, cart_of(), [], 1)


def test_buyer_details_at_payment_and_a_replacement_afterwards(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    at_payment = sell(
        context, clock, cart_of((COFFEE, 1)), [CashTender(28_000)], cashier, buyer=BUYER
    )
    (invoice,) = at_payment.tax_invoices
    assert invoice.number == "POS01-TI-00000001" and not invoice.replaces_abbreviated
    assert invoice.buyer.branch == "00000" and at_payment.current_tax_invoice == invoice

    later = sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    first = issue_tax_invoice(
        context.uow_factory, clock, sale_id=later.sale_id, buyer=BUYER, user_id=cashier
    )
    assert first.number == "POS01-TI-00000002" and first.replaces_abbreviated
    corrected = dataclasses.replace(BUYER, address="100 ถ.ขุขันธ์ อ.เมือง จ.ศรีสะเกษ 33000")
    with pytest.raises(TaxInvoiceError, match="give the reason"):
        issue_tax_invoice(
            context.uow_factory, clock, sale_id=later.sale_id, buyer=corrected, user_id=cashier
        )
    second = issue_tax_invoice(
        context.uow_factory,
        clock,
        sale_id=later.sale_id,
        buyer=corrected,
        user_id=cashier,
        reason="ที่อยู่ผิด",
    )
    assert second.replaces_number == first.number and not second.replaces_abbreviated
    with context.uow_factory() as uow:
        stored = uow.sales.sale_by_id(later.sale_id)
    assert stored is not None and stored.tax_invoices == (first, second)
    assert stored.current_tax_invoice == second


@pytest.mark.parametrize(
    ("name", "address", "tax_id", "branch", "field"),
    [
        ("", "addr", "0335558882988", None, "name"),
        ("ร้าน", "  ", "0335558882988", None, "address"),
        ("ร้าน", "addr", "0335558882987", None, "tax ID"),
        ("ร้าน", "addr", "12345", None, "tax ID"),
        ("ร้าน", "addr", "0335558882988", "สาขา 1", "branch"),
    ],
)
def test_buyer_details_are_checked_field_by_field(
    name: str, address: str, tax_id: str, branch: str | None, field: str
) -> None:
    with pytest.raises(BuyerDetailsError) as raised:
        BuyerDetails.checked(name, address, tax_id, branch)
    assert raised.value.field == field
    assert BuyerDetails.checked("ร้าน", "addr", "1-1111-11111-11-9", "3").branch == "00003"


def test_the_quote_for_the_payment_dialog(shop: Shop) -> None:
    context, clock, _, _ = shop
    with context.uow_factory() as uow:
        settings = uow.settings.load()
        uow.settings.save(
            settings.replace(cash_rounding=CashRounding.QUARTER_BAHT, promptpay_target="0801234567")
        )
        uow.commit()
    cart = cart_of((SHALLOTS, 1_013), (SILK, 1))  # 90.16 + 2,500.00
    offer = quote(context.uow_factory, clock, cart)
    assert offer.total_satang == 259_016 and offer.cash_due_satang == 259_025
    assert [o.scheme.code for o in offer.schemes] == ["khon_la_khrueng"]
    assert offer.schemes[0].max_government_share_satang == 15_000
    assert check_payload(offer.promptpay_payload(offer.total_satang))
    assert "5407" + "2590.16" in offer.promptpay_payload(offer.total_satang)


def test_another_terminal_numbers_on_its_own(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    sell(context, clock, cart_of((CHIPS, 1)), [PromptPayTender(12_000, True)], cashier)
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(terminal_id="POS02"))
        uow.commit()
    open_till(context, clock, cashier)  # a terminal's drawer has its own shifts
    sale = sell(context, clock, cart_of((CHIPS, 1)), [PromptPayTender(12_000, True)], cashier)
    assert sale.receipt_number == "POS02-00000001"


def test_a_gift_fully_discounted_needs_no_tender_but_a_manager(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    cart = cart_of((CHIPS, 1))
    cart.set_order_discount(Discount(DiscountKind.PERCENT, 10_000))
    with pytest.raises(PaymentError, match="nothing is left to pay in cash"):
        sell(context, clock, cart, [CashTender(100)], cashier, approved_by_user_id=manager)
    sale = sell(context, clock, cart, [], cashier, approved_by_user_id=manager)
    assert (sale.total_satang, sale.tenders, sale.allocation) == (0, (), ())
