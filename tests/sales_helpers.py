"""Builders for payment tests: shops with staff, carts of typical goods, sales."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Sequence

from pos.bootstrap import AppContext
from pos.catalogue.domain.products import Category, ProducerGroup, Product, Unit
from pos.clock import THAI_TIME, FakeClock
from pos.sale.domain.cart import Cart
from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.tenders import Tender
from pos.sale.services.checkout import CheckoutRequest, commit_sale
from pos.sale.services.returns_and_voids import ManagerApproval
from pos.shifts.domain.cash_control import Shift, count_for_amount
from pos.shifts.services.day_close import DayReport, close_day
from pos.shifts.services.shift_lifecycle import (
    CloseShiftRequest,
    OpenShiftRequest,
    close_shift,
    current_shift,
    open_shift,
    shift_takings,
)
from pos.staff.domain.users import User
from pos.staff.services.pins import hash_pin
from tests.factories import SMALL_GROUP, VAT_SELLER, make_product

MANAGER_PIN = "5678"
JULY_2021 = dt.datetime(2021, 7, 5, 10, 0, tzinfo=THAI_TIME)  # Khon La Khrueng phase 3

SILK = make_product("TX-SILK-0001", 250_000, name_th="ผ้าไหมมัดหมี่ลายลูกแก้ว")
CHIPS = make_product("FD-DURI-0001", 12_000, seller=VAT_SELLER, name_th="ทุเรียนทอดกรอบ")
COFFEE = make_product("BV-COFF-0001", 28_000, seller=VAT_SELLER, name_th="กาแฟโรบัสต้า")
SHALLOTS = Product(
    sku="FD-SHAL-0004",
    barcode=None,
    name_th="หอมแดงศรีสะเกษ (ชั่งกิโล)",
    name_en="Shallots",
    category=Category.FOOD,
    producer=ProducerGroup("กลุ่มผู้ปลูกหอมแดงยางชุมน้อย"),
    unit_price_satang=8_900,
    unit=Unit.KG,
    sold_by_weight=True,
    vat_applicable=False,
)
BASKET = make_product("HH-BASK-0001", 35_000, seller=SMALL_GROUP, name_th="กระติบข้าว")


@functools.cache
def manager_pin_hash() -> str:
    return hash_pin(MANAGER_PIN)  # Argon2id is slow on purpose: hash once per test run


def add_staff(context: AppContext) -> tuple[int, int]:
    """A cashier and a manager (PIN ``MANAGER_PIN``); returns their ids."""
    with context.uow_factory() as uow:
        cashier = uow.users.add(User(None, "สมหญิง ใจดี", "cashier", manager_pin_hash()))
        manager = uow.users.add(User(None, "ประเสริฐ ทองดี", "manager", manager_pin_hash()))
        uow.commit()
    assert cashier.user_id is not None and manager.user_id is not None
    return cashier.user_id, manager.user_id


def cart_of(*items: tuple[Product, int]) -> Cart:
    """A cart: counted goods by number of units, weighed goods by grams."""
    cart = Cart()
    for product, amount in items:
        if product.sold_by_weight:
            cart.add_weighed(product, amount)
        else:
            cart.add_product(product, amount * 1000)
    return cart


def sell(
    context: AppContext,
    clock: FakeClock,
    cart: Cart,
    tenders: Sequence[Tender],
    cashier_id: int,
    **options: object,
) -> Sale:
    request = CheckoutRequest(uuid.uuid4(), cart, tuple(tenders), cashier_id, **options)  # type: ignore[arg-type]
    return commit_sale(context.uow_factory, clock, request)


def open_till(
    context: AppContext, clock: FakeClock, cashier_id: int, float_satang: int = 200_000
) -> Shift:
    """Open a shift with a float, half an hour before the clock's time, so the till can sell."""
    request = OpenShiftRequest(uuid.uuid4(), cashier_id, float_satang=float_satang)
    earlier = FakeClock(clock.now() - dt.timedelta(minutes=30))
    return open_shift(context.uow_factory, earlier, request)


def close_till(
    context: AppContext, clock: FakeClock, cashier_id: int, manager_id: int
) -> DayReport:
    """Count the open shift's drawer exactly (if one is open), close it and the day (Z)."""
    shift = current_shift(context.uow_factory)
    approval = ManagerApproval(manager_id, MANAGER_PIN)
    if shift is not None:
        with context.uow_factory() as uow:
            expected = shift_takings(uow, shift).cash.expected_satang
        count, _ = count_for_amount(expected)
        request = CloseShiftRequest(shift.shift_id, cashier_id, count)
        close_shift(context.uow_factory, clock, request, approval)
    return close_day(context.uow_factory, clock, uuid.uuid4(), approval)
