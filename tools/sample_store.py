"""A demo store with a simulated trading day: real stored sales for receipt samples and tests.

    context, day = build_sample_store(Path("/tmp/store"), vat_registered=True)

The demo catalogue and staff, the centre's header (VAT-registered or not),
cash rounding to 25 satang, then a day rung up through the real checkout
(:mod:`pos.simulation.trading_days`: cash, PromptPay, card, Khon La Khrueng, Rao
Chana, M33 and splits; weighed shallots and garlic; returns and voids), and
then the full tax invoices a counter issues: one asked for at payment, one
asked for after the receipt was printed, and one replacing that with a
corrected address.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

from pos.bootstrap import AppContext, initialise
from pos.clock import THAI_TIME, FakeClock
from pos.ids import CreditNoteId, SaleId, ShiftId, UserId
from pos.money import CashRounding
from pos.printing.domain.printer_settings import ReceiptHeader
from pos.sale.domain.cart import Cart
from pos.sale.domain.completed_sale import BuyerDetails, Sale
from pos.sale.domain.tenders import CashTender
from pos.sale.services.checkout import CheckoutRequest, commit_sale
from pos.sale.services.returns_and_voids import ManagerApproval, ReturnRequest, return_goods
from pos.sale.services.tax_invoices import issue_tax_invoice
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, open_shift
from pos.simulation.trading_days import SimulationOptions, simulate

SALE_DAY = dt.date(2021, 3, 1)  # Khon La Khrueng phase 2, Rao Chana and M33 are all open
CENTRE_TAX_ID = "0994000123451"
APPROVAL_NUMBER = "E051234567890"  # a VAT-registered centre's machine, approved (ภ.พ.06)
MANAGER_PIN = "5678"  # the demo manager's (resources/demo/users.csv)
BUYER = BuyerDetails.checked(
    "บริษัท กันทรลักษ์ท่องเที่ยว จำกัด",
    "99/9 ถนนกสิกรรม ตำบลเมืองใต้ อำเภอเมืองศรีสะเกษ จังหวัดศรีสะเกษ 33000",
    "0335559000121",
    "00000",
)
PERSON = BuyerDetails.checked(
    "นางสาวมาลี ศรีสุข", "12 หมู่ 3 ตำบลโพธิ์ อำเภอเมือง จังหวัดศรีสะเกษ 33000", "1339900012343"
)


GIFTS = (("FD-GARL-0001", 2), ("TX-SILK-0002", 1), ("TX-SAEW-0002", 1), ("BV-COFF-0005", 2))


@dataclass(frozen=True)
class SampleStore:
    context: AppContext
    day: dt.date
    with_buyer_at_payment: Sale  # its receipt is the full tax invoice


def centre_header(*, vat_registered: bool) -> ReceiptHeader:
    return ReceiptHeader(
        tax_id=CENTRE_TAX_ID if vat_registered else "",
        vat_registered=vat_registered,
        phone="045-611-234",
        approval_number=APPROVAL_NUMBER if vat_registered else "",
    )


def build_sample_store(
    data_dir: Path, *, vat_registered: bool = True, sales: int = 150, seed: int = 5
) -> SampleStore:
    context, _ = initialise(data_dir, demo=True)
    with context.uow_factory() as uow:
        settings = uow.settings.load().replace(
            receipt_header=centre_header(vat_registered=vat_registered),
            cash_rounding=CashRounding.QUARTER_BAHT,
        )
        uow.settings.save(settings)
        uow.commit()
    options = SimulationOptions(
        days=1,
        sales_per_day=sales,
        seed=seed,
        start=SALE_DAY,
        manager_pin=MANAGER_PIN,
        return_rate=0.06,
        void_rate=0.02,
    )
    simulate(context.uow_factory, options)
    clock = FakeClock(dt.datetime.combine(SALE_DAY, dt.time(18, 30), THAI_TIME))
    _open_evening_shift(context, clock)
    with_buyer = _sale_with_buyer(context, clock)
    _later_tax_invoices(context, clock)
    _returns(context, clock)
    return SampleStore(context, SALE_DAY, with_buyer)


def _open_evening_shift(context: AppContext, clock: FakeClock) -> None:
    """The simulated day ended with its Z; the evening trade opens a new shift (and day), left open
    so that tests and samples can go on selling at this till."""
    cashier, _ = _staff(context)
    earlier = FakeClock(clock.now() - dt.timedelta(minutes=15))
    open_shift(
        context.uow_factory,
        earlier,
        OpenShiftRequest(ShiftId(uuid.uuid4()), cashier, float_satang=200_000),
    )


def _staff(context: AppContext) -> tuple[UserId, UserId]:
    with context.uow_factory() as uow:
        users = uow.users.active_users()
    cashier = next(u for u in users if not u.is_manager)
    manager = next(u for u in users if u.is_manager)
    assert cashier.user_id is not None and manager.user_id is not None
    return cashier.user_id, manager.user_id


def _sale_with_buyer(context: AppContext, clock: FakeClock) -> Sale:
    """A tour company buys gifts and asks for a full tax invoice at the counter."""
    with context.uow_factory() as uow:
        counted = [(uow.catalog.product_by_sku(sku), units) for sku, units in GIFTS]
        weighed = next(p for p in uow.catalog.all_products() if p.sold_by_weight)
    cart = Cart()
    for product, units in counted:
        if product is not None:
            cart.add_product(product, units * 1000)
    cart.add_weighed(weighed, 1500)
    cashier, _ = _staff(context)
    total = cart.totals(700).total_satang
    request = CheckoutRequest(
        SaleId(uuid.uuid4()),
        cart,
        [CashTender((total // 100_000 + 1) * 100_000)],
        cashier,
        buyer=BUYER,
    )
    return commit_sale(context.uow_factory, clock, request)


def _later_tax_invoices(context: AppContext, clock: FakeClock) -> None:
    """A buyer comes back for a full tax invoice; then its address is corrected."""
    with context.uow_factory() as uow:
        sales = [sale for sale in uow.sales.sales_on(SALE_DAY) if sale.has_vat]
    sale = max(sales, key=lambda s: (len(s.lines), s.total_satang))
    _, manager = _staff(context)
    clock.advance(minutes=5)
    issue_tax_invoice(
        context.uow_factory, clock, sale_id=sale.sale_id, buyer=PERSON, user_id=manager
    )
    corrected = BuyerDetails.checked(
        PERSON.name, PERSON.address.replace("12 หมู่ 3", "112 หมู่ 3"), PERSON.tax_id
    )
    clock.advance(minutes=5)
    issue_tax_invoice(
        context.uow_factory,
        clock,
        sale_id=sale.sale_id,
        buyer=corrected,
        user_id=manager,
        reason="แก้ไขที่อยู่ผู้ซื้อ",
    )


def _returns(context: AppContext, clock: FakeClock) -> None:
    with context.uow_factory() as uow:
        sales = uow.sales.sales_on(SALE_DAY)
        returned = {note.sale_id for note in uow.sales.credit_notes_on(SALE_DAY)}
    fresh = [sale for sale in sales if sale.sale_id not in returned]
    co_pay = next(s for s in fresh if any(t.scheme_code == "khon_la_khrueng" for t in s.tenders))
    transfer = next(s for s in fresh if [t.kind.value for t in s.tenders] == ["promptpay"])
    cashier, manager = _staff(context)
    approval = ManagerApproval(manager, MANAGER_PIN)
    for sale, in_cash, reason in ((co_pay, True, "สินค้าชำรุด"), (transfer, False, "ลูกค้าเปลี่ยนใจ")):
        line = sale.lines[0]
        clock.advance(minutes=3)
        request = ReturnRequest(
            CreditNoteId(uuid.uuid4()),
            sale.sale_id,
            {line.line_id: line.quantity_milli},
            cashier,
            reason,
            refund_in_cash=in_cash,
        )
        return_goods(context.uow_factory, clock, request, approval)
