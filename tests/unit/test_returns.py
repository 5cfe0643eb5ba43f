"""Returns and voids: credit notes, refunds by tender, VAT reversed, approvals and audit."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.audit import AuditAction
from pos.bootstrap import AppContext
from pos.clock import FakeClock
from pos.money import CashRounding
from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.credit_notes import (
    CreditNote,
    CreditNoteKind,
    RefundMethod,
    ReturnError,
    draft_return,
    returnable_quantities,
)
from pos.sale.domain.tenders import CardTender, CashTender, SchemeTender, Tender
from pos.sale.services.returns_and_voids import (
    ApprovalLockedError,
    ApprovalRefusedError,
    ManagerApproval,
    ReturnRequest,
    VoidRequest,
    find_sale,
    open_drawer_without_sale,
    return_goods,
    void_sale,
)
from pos.staff.domain.lockout import DEFAULT_POLICY
from tests.fakes.context import fake_context
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
    close_till,
    open_till,
    sell,
)

Shop = tuple[AppContext, FakeClock, int, int]


@pytest.fixture
def shop() -> Shop:
    context = fake_context()
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(cash_rounding=CashRounding.QUARTER_BAHT))
        uow.commit()
    cashier, manager = add_staff(context)
    clock = FakeClock(JULY_2021)
    open_till(context, clock, cashier)
    return context, clock, cashier, manager


def back(shop: Shop, sale: Sale, quantities: dict[uuid.UUID, int], **options: object) -> CreditNote:
    context, clock, cashier, manager = shop
    request = ReturnRequest(
        uuid.uuid4(), sale.sale_id, quantities, cashier, "ลูกค้าเปลี่ยนใจ", **options
    )  # type: ignore[arg-type]
    return return_goods(context.uow_factory, clock, request, ManagerApproval(manager, MANAGER_PIN))


def test_a_line_returned_in_parts_refunds_exactly_its_total(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    cart = cart_of((CHIPS, 3))
    cart.set_order_discount(None)
    sale = sell(context, clock, cart, [CashTender(36_000)], cashier)
    line = sale.lines[0].line_id
    notes = [back(shop, sale, {line: 1000}) for _ in range(3)]
    assert [n.number for n in notes] == [f"POS01-CN-0000000{i}" for i in (1, 2, 3)]
    assert sum(n.total_satang for n in notes) == 36_000
    assert sum(n.vat_satang for n in notes) == sale.vat_satang
    with pytest.raises(ReturnError, match="only 0 can still be returned"):
        back(shop, sale, {line: 1000})


def test_the_governments_share_is_never_refunded_in_cash(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    sale = sell(
        context,
        clock,
        cart_of((BASKET, 1), (CHIPS, 1)),
        [SchemeTender("khon_la_khrueng", 47_000, "TN-7")],
        cashier,
    )
    assert sale.tenders[0].government_share_satang == 15_000
    basket = sale.lines[0].line_id
    note = back(shop, sale, {basket: 1000}, refund_in_cash=True)
    # 350.00 of 470.00 paid through the app: the government's share of it goes back to the scheme
    assert note.total_satang == 35_000
    assert note.returned_to_government_satang == 11_170  # 35,000 × 15,000 / 47,000, rounded
    assert note.refunded_by(RefundMethod.CASH) == 35_000 - 11_170
    assert note.cash_paid_out_satang == 23_825  # 238.30 in cash: the nearest quarter baht
    assert note.draft.cash_rounding_satang == -5
    in_app = back(shop, sale, {sale.lines[1].line_id: 1000})
    assert in_app.refunded_by(RefundMethod.SCHEME) + in_app.returned_to_government_satang == 12_000
    assert in_app.refunded_by(RefundMethod.CASH) == 0
    assert note.returned_to_government_satang + in_app.returned_to_government_satang == 15_000


def test_card_is_refunded_to_the_card_unless_the_customer_takes_cash(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    sale = sell(
        context,
        clock,
        cart_of((SILK, 1), (COFFEE, 1)),
        [CardTender(200_000, "AP01"), CashTender(80_000)],
        cashier,
    )
    note = back(shop, sale, {sale.lines[1].line_id: 1000})
    by_method = {r.method: r.amount_satang for r in note.draft.refunds}
    # the coffee was paid 200/278 by card and 78/278 in cash, like the whole sale
    assert by_method == {RefundMethod.CARD: 20_144, RefundMethod.CASH: 7_856}
    cash = back(shop, sale, {sale.lines[0].line_id: 1000}, refund_in_cash=True)
    assert {r.method for r in cash.draft.refunds} == {RefundMethod.CASH}


def test_a_void_reverses_every_tender_exactly_on_the_day(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    sale = sell(
        context,
        clock,
        cart_of((SHALLOTS, 1_013), (COFFEE, 1)),
        [CardTender(10_000, "AP02"), CashTender(50_000)],
        cashier,
    )
    assert sale.cash_rounding_satang == 9  # 90.16 + 280.00 - 100.00 by card = 270.16 → 270.25
    approval = ManagerApproval(manager, MANAGER_PIN)
    note = void_sale(
        context.uow_factory,
        clock,
        VoidRequest(
            credit_note_id=uuid.uuid4(),
            sale_id=sale.sale_id,
            cashier_id=cashier,
            reason="คิดเงินผิด",
        ),
        approval=approval,
    )
    assert note.kind is CreditNoteKind.VOID and note.total_satang == sale.total_satang
    assert note.cash_paid_out_satang == 27_025  # exactly the cash taken
    assert note.refunded_by(RefundMethod.CARD) == 10_000
    assert note.vat_satang == sale.vat_satang
    with pytest.raises(ReturnError, match="already has credit note"):
        void_sale(
            context.uow_factory,
            clock,
            VoidRequest(
                credit_note_id=uuid.uuid4(),
                sale_id=sale.sale_id,
                cashier_id=cashier,
                reason="again",
            ),
            approval=approval,
        )
    with pytest.raises(ReturnError, match="only 0 can still be returned"):
        back(shop, sale, {sale.lines[1].line_id: 1000})
    history = find_sale(context.uow_factory, sale.receipt_number)
    assert history is not None and history.voided and set(history.returnable.values()) == {0}


def test_yesterdays_sale_or_a_partly_returned_one_is_not_voided(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    sale = sell(context, clock, cart_of((CHIPS, 2)), [CashTender(24_000)], cashier)
    approval = ManagerApproval(manager, MANAGER_PIN)
    clock.advance(hours=8)
    close_till(context, clock, cashier, manager)  # the day is closed with its Z report
    clock.advance(hours=16)
    open_till(context, clock, cashier)
    with pytest.raises(ReturnError, match="only a sale of the open day can be voided"):
        void_sale(
            context.uow_factory,
            clock,
            VoidRequest(
                credit_note_id=uuid.uuid4(),
                sale_id=sale.sale_id,
                cashier_id=cashier,
                reason="x",
            ),
            approval=approval,
        )
    back(shop, sale, {sale.lines[0].line_id: 1000})
    with pytest.raises(ReturnError, match="return the remaining goods instead"):
        void_sale(
            context.uow_factory,
            clock,
            VoidRequest(
                credit_note_id=uuid.uuid4(),
                sale_id=sale.sale_id,
                cashier_id=cashier,
                reason="x",
            ),
            approval=approval,
        )


def test_a_wrong_pin_or_a_cashier_changes_nothing(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    sale = sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    request = ReturnRequest(uuid.uuid4(), sale.sale_id, {sale.lines[0].line_id: 1000}, cashier, "x")
    with pytest.raises(ApprovalRefusedError, match="PIN is not right"):
        return_goods(context.uow_factory, clock, request, ManagerApproval(manager, "0000"))
    with pytest.raises(ApprovalRefusedError, match="is not a manager"):
        return_goods(context.uow_factory, clock, request, ManagerApproval(cashier, MANAGER_PIN))
    with context.uow_factory() as uow:
        assert uow.sales.credit_notes_for(sale.sale_id) == []
        audited = uow.audit.between(JULY_2021, clock.advance(hours=1))
    # nothing but the refusal itself: the wrong PIN, audited by the shared PIN check
    assert [(event.action, event.user_id) for event in audited] == [
        (AuditAction.LOGIN_FAILED, manager)
    ]


def test_wrong_manager_pins_lock_returns_voids_and_no_sale_alike(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    sale = sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    request = ReturnRequest(uuid.uuid4(), sale.sale_id, {sale.lines[0].line_id: 1000}, cashier, "x")
    void = VoidRequest(uuid.uuid4(), sale.sale_id, cashier, "x")
    for _ in range(DEFAULT_POLICY.tries - 1):
        with pytest.raises(ApprovalRefusedError, match="PIN is not right"):
            void_sale(context.uow_factory, clock, void, ManagerApproval(manager, "0000"))
    with pytest.raises(ApprovalLockedError) as locked:  # the try that locks says so at once
        return_goods(context.uow_factory, clock, request, ManagerApproval(manager, "1111"))
    assert locked.value.seconds == DEFAULT_POLICY.lock.total_seconds()
    with pytest.raises(ApprovalLockedError, match="too many wrong PINs"):  # the right one waits
        open_drawer_without_sale(
            context.uow_factory,
            clock,
            user_id=cashier,
            reason="change",
            approval=ManagerApproval(manager, MANAGER_PIN),
        )
    clock.advance(seconds=DEFAULT_POLICY.lock.total_seconds())
    assert return_goods(context.uow_factory, clock, request, ManagerApproval(manager, MANAGER_PIN))
    with context.uow_factory() as uow:
        actions = [event.action for event in uow.audit.between(JULY_2021, clock.advance(hours=1))]
    assert actions[: DEFAULT_POLICY.tries + 1] == [AuditAction.LOGIN_FAILED] * 5 + [
        AuditAction.PIN_REFUSED
    ]


def test_returns_and_voids_are_audited_and_retries_are_safe(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    sale = sell(context, clock, cart_of((CHIPS, 2)), [CashTender(24_000)], cashier)
    request = ReturnRequest(
        uuid.uuid4(), sale.sale_id, {sale.lines[0].line_id: 1000}, cashier, "  สินค้าชำรุด "
    )
    approval = ManagerApproval(manager, MANAGER_PIN)
    note = return_goods(context.uow_factory, clock, request, approval)
    assert return_goods(context.uow_factory, clock, request, approval) == note
    with context.uow_factory() as uow:
        (event,) = uow.audit.between(JULY_2021, clock.advance(minutes=1))
        assert len(uow.sales.credit_notes_for(sale.sale_id)) == 1
    assert (event.action, event.user_id, event.approved_by_user_id, event.reference) == (
        AuditAction.RETURN,
        cashier,
        manager,
        "POS01-CN-00000001",
    )
    assert event.detail["sale"] == sale.receipt_number and event.detail["reason"] == "สินค้าชำรุด"


def test_finding_a_sale_by_scan_or_typed_number(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    sale = sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    for text in ("POS01-00000001", " pos01-00000001 ", "POS01-1", "1"):
        found = find_sale(context.uow_factory, text)
        assert found is not None and found.sale == sale and found.credit_notes == ()
    for text in ("POS02-1", "2", "8850000000000", "", "POS01-0"):
        assert find_sale(context.uow_factory, text) is None


def test_opening_the_drawer_without_a_sale_is_recorded(shop: Shop) -> None:
    context, clock, cashier, manager = shop
    event = open_drawer_without_sale(context.uow_factory, clock, user_id=cashier, reason="แลกเหรียญ")
    approved = open_drawer_without_sale(
        context.uow_factory,
        clock,
        user_id=cashier,
        reason="x",
        approval=ManagerApproval(manager, MANAGER_PIN),
    )
    with context.uow_factory() as uow:
        assert uow.audit.between(JULY_2021, clock.advance(minutes=1)) == [event, approved]
    assert event.action is AuditAction.DRAWER_OPENED and event.detail == {"reason": "แลกเหรียญ"}
    assert approved.approved_by_user_id == manager
    with pytest.raises(ValueError, match="reason"):
        open_drawer_without_sale(context.uow_factory, clock, user_id=cashier, reason=" ")


# --- properties of the refund arithmetic ---------------------------------------------------------
GOODS = [SILK, CHIPS, COFFEE, SHALLOTS, BASKET]


@st.composite
def sales_and_returns(draw: st.DrawFn) -> tuple[Sale, list[dict[uuid.UUID, int]]]:
    """A sale paid with co-pay, card and cash, and returns that take back every line in parts."""
    context = fake_context()
    cashier, _ = add_staff(context)
    open_till(context, FakeClock(JULY_2021), cashier)
    items = draw(st.lists(st.sampled_from(GOODS), min_size=1, max_size=5, unique=True))
    cart = cart_of(
        *[
            (p, draw(st.integers(1, 3000)) if p.sold_by_weight else draw(st.integers(1, 4)))
            for p in items
        ]
    )
    total = cart.totals(700).total_satang
    scheme = draw(st.integers(0, total))
    card = draw(st.integers(0, total - scheme))
    tenders: list[Tender] = []
    if scheme:
        tenders.append(SchemeTender("khon_la_khrueng", scheme, "TN"))
    if card:
        tenders.append(CardTender(card, "AP"))
    if total - scheme - card:
        tenders.append(CashTender(total - scheme - card + draw(st.integers(0, 100_000))))
    sale = sell(context, FakeClock(JULY_2021), cart, tenders, cashier)
    steps: list[dict[uuid.UUID, int]] = []
    left = {line.line_id: line.quantity_milli for line in sale.lines}
    while any(left.values()):
        step = {}
        for line in sale.lines:
            unit = 1 if line.sold_by_weight else 1000
            if left[line.line_id] and draw(st.booleans()):
                step[line.line_id] = unit * draw(st.integers(1, left[line.line_id] // unit))
        if not step:
            line_id = next(key for key, value in left.items() if value)
            step = {line_id: left[line_id]}
        for key, quantity in step.items():
            left[key] -= quantity
        steps.append(step)
    return sale, steps


@settings(max_examples=60, deadline=None)
@given(sales_and_returns(), st.booleans())
def test_returning_everything_in_parts_gives_back_exactly_what_was_paid(
    case: tuple[Sale, list[dict[uuid.UUID, int]]], in_cash: bool
) -> None:
    sale, steps = case
    notes: list[CreditNote] = []
    for serial, step in enumerate(steps, start=1):
        draft = draft_return(sale, notes, step, rounding=CashRounding.NONE, refund_in_cash=in_cash)
        assert draft.total_satang == sum(r.amount_satang for r in draft.refunds)
        assert draft.total_satang == sum(s.amount_satang for s in draft.shares)
        assert all(r.amount_satang > 0 for r in draft.refunds)
        assert all(0 <= s.government_share_satang <= s.amount_satang for s in draft.shares)
        kind, number = CreditNoteKind.RETURN, sale.receipt_number
        note = CreditNote(
            uuid.uuid4(),
            f"CN{serial}",
            "T1",
            serial,
            kind,
            sale.sale_id,
            number,
            JULY_2021,
            1,
            2,
            "x",
            draft,
        )
        notes.append(note)
    assert set(returnable_quantities(sale, notes).values()) == {0}
    assert sum(n.total_satang for n in notes) == sale.total_satang
    assert sum(n.vat_satang for n in notes) == sale.vat_satang
    assert sum(n.returned_to_government_satang for n in notes) == sale.government_share_satang
    for index, tender in enumerate(sale.tenders):
        paid = sum(a.amount_satang for a in sale.allocation if a.tender_index == index)
        refunded = sum(
            s.amount_satang
            for n in notes
            for s in n.draft.shares
            if s.tender_id == tender.tender_id
        )
        assert refunded == paid
    cash_methods = {RefundMethod.CASH}
    customer = sum(
        r.amount_satang for n in notes for r in n.draft.refunds if r.method in cash_methods
    )
    assert in_cash or customer == sum(
        a.amount_satang
        for a in sale.allocation
        if sale.tenders[a.tender_index].kind.value == "cash"
    )


def test_returning_more_than_sold_or_part_of_a_unit_is_refused(shop: Shop) -> None:
    context, clock, cashier, _ = shop
    sale = sell(context, clock, cart_of((CHIPS, 2)), [CashTender(24_000)], cashier)
    line = sale.lines[0].line_id
    with pytest.raises(ReturnError, match="only 2 can still be returned"):
        draft_return(sale, [], {line: 3000}, rounding=CashRounding.NONE)
    with pytest.raises(ReturnError, match="whole units"):
        draft_return(sale, [], {line: 500}, rounding=CashRounding.NONE)
    with pytest.raises(ReturnError, match="at least one line"):
        draft_return(sale, [], {}, rounding=CashRounding.NONE)
    with pytest.raises(ReturnError, match="not on receipt"):
        draft_return(sale, [], {uuid.uuid4(): 1000}, rounding=CashRounding.NONE)
    assert dt.date(2021, 7, 5) == sale.business_date
