"""Returns, voids and the day's close refuse what they cannot do before they look at the PIN:
a wrong PIN typed for something that was never possible is not a wrong try (no lock-out step)."""

from __future__ import annotations

import uuid

import pytest

from pos.audit import AuditAction
from pos.bootstrap import AppContext
from pos.clock import FakeClock
from pos.ids import ZReportId
from pos.sale.domain.credit_notes import ReturnError
from pos.sale.domain.tenders import CashTender
from pos.sale.services.returns_and_voids import (
    ManagerApproval,
    ReturnRequest,
    VoidRequest,
    check_return,
    check_void,
    return_goods,
    void_sale,
)
from pos.shifts.domain.cash_control import NoOpenShiftError
from pos.shifts.services.day_close import DayCloseError, check_day_closable, close_day
from tests.fakes.context import fake_context
from tests.sales_helpers import (
    CHIPS,
    JULY_2021,
    MANAGER_PIN,
    add_staff,
    cart_of,
    close_till,
    open_till,
    sell,
)


def _shop() -> tuple[AppContext, FakeClock, int, int]:
    context = fake_context()
    cashier, manager = add_staff(context)
    clock = FakeClock(JULY_2021)
    open_till(context, clock, cashier)
    return context, clock, cashier, manager


def test_no_open_shift_is_said_before_the_pin_is_tried() -> None:
    context, clock, cashier, manager = _shop()
    sale = sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    close_till(context, clock, cashier, manager)
    line = {sale.lines[0].line_id: 1000}
    request = ReturnRequest(uuid.uuid4(), sale.sale_id, line, cashier, "ชำรุด")
    void = VoidRequest(uuid.uuid4(), sale.sale_id, cashier, "ชำรุด")
    factory = context.uow_factory
    with pytest.raises(NoOpenShiftError):
        check_return(factory, clock, request)
    with pytest.raises(NoOpenShiftError):
        return_goods(factory, clock, request, ManagerApproval(manager, "0000"))
    with pytest.raises(NoOpenShiftError):
        void_sale(factory, clock, void, ManagerApproval(manager, "0000"))
    with factory() as uow:
        actions = [event.action for event in uow.audit.between(JULY_2021, clock.advance(hours=1))]
    assert AuditAction.LOGIN_FAILED not in actions and AuditAction.PIN_REFUSED not in actions


def test_nothing_left_to_return_and_a_retry_of_a_stored_note() -> None:
    context, clock, cashier, manager = _shop()
    sale = sell(context, clock, cart_of((CHIPS, 1)), [CashTender(12_000)], cashier)
    factory = context.uow_factory
    line = {sale.lines[0].line_id: 1000}
    request = ReturnRequest(uuid.uuid4(), sale.sale_id, line, cashier, "ชำรุด")
    return_goods(factory, clock, request, ManagerApproval(manager, MANAGER_PIN))
    check_return(factory, clock, request)  # the same note again is a retry: not refused
    again = ReturnRequest(uuid.uuid4(), sale.sale_id, line, cashier, "ชำรุด")
    with pytest.raises(ReturnError, match="can still be returned"):
        check_return(factory, clock, again)
    void = VoidRequest(uuid.uuid4(), sale.sale_id, cashier, "ชำรุด")
    with pytest.raises(ReturnError, match="already has credit note"):
        check_void(factory, clock, void)


def test_a_day_with_a_shift_open_is_refused_before_the_pin() -> None:
    context, clock, _, manager = _shop()  # the shift is still open
    z_id = ZReportId(uuid.uuid4())
    factory = context.uow_factory
    with pytest.raises(DayCloseError, match="cannot be closed yet"):
        check_day_closable(factory, z_id)
    with pytest.raises(DayCloseError, match="cannot be closed yet"):
        close_day(factory, clock, z_id, ManagerApproval(manager, "0000"))
    with factory() as uow:
        actions = [event.action for event in uow.audit.between(JULY_2021, clock.advance(hours=1))]
    assert AuditAction.LOGIN_FAILED not in actions and AuditAction.PIN_REFUSED not in actions
