"""Simulated trading days, rung up through the very services the till uses.

For training, demos and benchmarks: each sale is a real :class:`pos.sale.domain.cart.Cart`
of catalogue goods (silk and cotton, snacks, shallots and garlic weighed on the
scale, herbal goods, baskets) paid with a realistic mix of cash (with the
quick-key amounts customers hand over), PromptPay, card, Khon La Khrueng
co-pay and the other schemes when they are open, and split tenders, then
completed with :func:`pos.sale.services.checkout.commit_sale`.  A few sales are
returned later the same day or voided at once, through
:mod:`pos.sale.services.returns_and_voids` with the manager's PIN.

Sales are spread over the opening hours, busier around midday, on the
simulated clock (a :class:`pos.clock.FakeClock`).  Each day has two shifts
with counted floats, cash in and out, blind counts and a Z report, as a real
day does (:mod:`pos.simulation.drawer`); closing a day needs the
manager's PIN, so without one only a single day can be simulated.  Everything follows from
the seed — the carts, the times and the ids of sales and credit notes — so a
run that is interrupted and started again with the same seed stores each
sale once (checkout is idempotent by sale id) and ends where an uninterrupted
run would.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from pos.catalogue.domain.products import Product
from pos.clock import THAI_TIME, Clock, FakeClock, SystemClock
from pos.ids import CreditNoteId, SaleId, UserId
from pos.money import format_baht, round_cash
from pos.sale.domain.cart import Cart, Discount, DiscountKind
from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.payment import payable_lines, scheme_offers
from pos.sale.domain.tenders import (
    CardTender,
    CashTender,
    PromptPayTender,
    SchemeTender,
    Tender,
    suggested_cash,
)
from pos.sale.services.checkout import CheckoutRequest, commit_sale
from pos.sale.services.returns_and_voids import (
    ApprovalRefusedError,
    ManagerApproval,
    ReturnRequest,
    VoidRequest,
    authorise,
    return_goods,
    void_sale,
)
from pos.settings.domain.shop_settings import Settings
from pos.simulation.drawer import ShiftTally, SimulatedDrawer
from pos.unit_of_work import UnitOfWork

OPENING, CLOSING = dt.time(8, 30), dt.time(18, 0)
_HOUR_WEIGHTS = {8: 2, 9: 5, 10: 8, 11: 10, 12: 11, 13: 10, 14: 9, 15: 9, 16: 8, 17: 6}
_RETURN_REASONS = ("ลูกค้าเปลี่ยนใจ", "สินค้าชำรุด", "ขนาดไม่พอดี")
_VOID_REASONS = ("แคชเชียร์คิดเงินผิด", "ลูกค้ายกเลิกการซื้อ")


class SimulationError(ValueError):
    """The store cannot be simulated on (no goods, no cashier)."""


@dataclass(frozen=True)
class SimulationOptions:
    days: int
    sales_per_day: int
    seed: int = 1
    start: dt.date = dt.date(2021, 3, 1)  # schemes of 2021 are open: co-pay sales happen
    return_rate: float = 0.003  # the share of sales returned later that day
    void_rate: float = 0.001  # the share of sales voided at once
    manager_pin: str | None = None  # without it (or if wrong) no returns are made
    basket_lines: int | None = None  # goods picked per sale; None: 1–6, mostly small baskets


@dataclass
class SimulationReport:
    sales: int = 0
    lines: int = 0
    credit_notes: int = 0
    sales_satang: int = 0
    refunds_satang: int = 0
    by_tender: dict[str, int] = field(default_factory=dict)
    government_share_satang: int = 0
    seconds: float = 0.0  # elapsed time
    notes: list[str] = field(default_factory=list)
    drawer: ShiftTally = field(default_factory=ShiftTally)

    def summary(self) -> str:
        tenders = ", ".join(
            f"{kind} {format_baht(amount)}" for kind, amount in self.by_tender.items()
        )
        return (
            f"{self.sales} sales ({self.lines} lines, {format_baht(self.sales_satang)} baht:"
            f" {tenders}; government share {format_baht(self.government_share_satang)}),"
            f" {self.credit_notes} credit notes ({format_baht(self.refunds_satang)} baht),"
            f" {self.drawer.shifts} shifts, {self.drawer.z_reports} Z reports"
            f" in {self.seconds:.1f} s"
        )


@dataclass
class _Shop:
    """What the simulation draws from: goods by kind, the staff, the settings."""

    goods: dict[str, list[Product]]
    cashier_id: UserId
    manager_id: UserId | None
    settings: Settings
    basket_lines: int | None = None  # SimulationOptions.basket_lines


@dataclass
class _Run:
    """One simulation's state, handed from day to day and sale to sale."""

    uow_factory: Callable[[], UnitOfWork]
    clock: FakeClock
    rng: random.Random
    shop: _Shop
    options: SimulationOptions
    approval: ManagerApproval | None  # None: no returns or voids
    report: SimulationReport
    drawer: SimulatedDrawer


def simulate(
    uow_factory: Callable[[], UnitOfWork],
    options: SimulationOptions,
    on_day: Callable[[dt.date, SimulationReport], None] | None = None,
) -> SimulationReport:
    """Ring up ``options.days`` × ``options.sales_per_day`` sales; returns what was done."""
    started = time.perf_counter()
    shop = replace(_shop(uow_factory), basket_lines=options.basket_lines)
    report = SimulationReport()
    approval = _approval(uow_factory, SystemClock(), shop, options, report)  # typed now
    if approval is None and options.days > 1:
        raise SimulationError(
            "closing a day (the Z report) needs the manager's PIN: give it to simulate more"
            " than one day"
        )
    rng = random.Random(options.seed)
    clock = FakeClock(dt.datetime.combine(options.start, OPENING, THAI_TIME))
    staff = (shop.cashier_id, shop.manager_id)
    drawer = SimulatedDrawer(uow_factory, clock, staff, approval, options.seed, report.drawer)
    run = _Run(uow_factory, clock, rng, shop, options, approval, report, drawer)
    for day_number in range(options.days):
        day = options.start + dt.timedelta(days=day_number)
        _one_day(run, day)
        if on_day is not None:
            on_day(day, report)
    report.seconds = time.perf_counter() - started
    return report


def _shop(uow_factory: Callable[[], UnitOfWork]) -> _Shop:
    with uow_factory() as uow:
        products = [p for p in uow.catalog.all_products() if p.unit_price_satang > 0]
        users = uow.users.active_users()
        settings = uow.settings.load()
    cashiers = [u for u in users if u.role == "cashier"] or users
    if not products or not cashiers:
        raise SimulationError("the store has no goods or no users: run 'otop-pos init --demo'")
    goods: dict[str, list[Product]] = {}
    for product in products:
        kind = "weighed" if product.sold_by_weight else product.category.value
        goods.setdefault(kind, []).append(product)
    managers = [u for u in users if u.is_manager]
    manager_id = managers[0].user_id if managers else None
    cashier_id = cashiers[0].user_id
    assert cashier_id is not None, "stored users have ids"
    return _Shop(goods, cashier_id, manager_id, settings)


def _approval(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    shop: _Shop,
    options: SimulationOptions,
    report: SimulationReport,
) -> ManagerApproval | None:
    if shop.manager_id is None or options.manager_pin is None:
        report.notes.append("no manager PIN given: no returns or voids were made")
        return None
    approval = ManagerApproval(shop.manager_id, options.manager_pin, where="simulation")
    try:
        authorise(uow_factory, clock, approval)
    except ApprovalRefusedError:
        report.notes.append("the manager PIN was refused: no returns or voids were made")
        return None
    return approval


def _sale_times(rng: random.Random, day: dt.date, count: int) -> list[dt.datetime]:
    hours = rng.choices(list(_HOUR_WEIGHTS), weights=list(_HOUR_WEIGHTS.values()), k=count)
    moments = []
    for hour in hours:
        first_minute = OPENING.minute if hour == OPENING.hour else 0
        second = rng.randrange(first_minute * 60, 3600)
        moments.append(
            dt.datetime.combine(day, dt.time(hour), THAI_TIME) + dt.timedelta(seconds=second)
        )
    return sorted(moments)


def _one_day(run: _Run, day: dt.date) -> None:
    clock, rng, options, approval, drawer = (
        run.clock,
        run.rng,
        run.options,
        run.approval,
        run.drawer,
    )
    pending: list[tuple[dt.datetime, Sale]] = []  # returns due later in the day
    drawer.start_day(day)
    for moment in _sale_times(rng, day, options.sales_per_day):
        for due, sale in sorted([p for p in pending if p[0] <= moment], key=lambda p: p[0]):
            pending.remove((due, sale))
            drawer.before(due)
            clock.set(due)
            _return_one_line(run, sale)
        drawer.before(moment)
        clock.set(moment)
        sale = _ring_up(run.uow_factory, clock, rng, run.shop)
        _count_sale(run.report, sale)
        chance = rng.random()
        if approval is not None and chance < options.void_rate:
            clock.set(moment + dt.timedelta(minutes=1))
            _void(run, sale, approval)
        elif approval is not None and chance < options.void_rate + options.return_rate:
            due = moment + dt.timedelta(minutes=rng.randint(10, 240))
            if due.time() < CLOSING:
                pending.append((due, sale))
    for due, sale in sorted(pending, key=lambda p: p[0]):  # back after the day's last sale
        drawer.before(due)
        clock.set(due)
        _return_one_line(run, sale)
    drawer.end_day(clock.now())


def _count_sale(report: SimulationReport, sale: Sale) -> None:
    report.sales += 1
    report.lines += len(sale.lines)
    report.sales_satang += sale.total_satang
    report.government_share_satang += sale.government_share_satang
    for tender in sale.tenders:
        report.by_tender[tender.kind.value] = (
            report.by_tender.get(tender.kind.value, 0) + tender.amount_satang
        )


def _ring_up(
    uow_factory: Callable[[], UnitOfWork], clock: FakeClock, rng: random.Random, shop: _Shop
) -> Sale:
    cart = _cart(rng, shop)
    approver = None
    if rng.random() < 0.03:
        cart.set_order_discount(Discount(DiscountKind.PERCENT, 500))  # 5%: within a cashier's limit
    elif rng.random() < 0.01:
        cart.set_line_discount(cart.lines[0].line_id, Discount(DiscountKind.PERCENT, 1500))
        approver = shop.manager_id  # 15% needs the manager (the sale screen checked the PIN)
    tenders = _tenders(rng, shop, cart, clock.now())
    request = CheckoutRequest(SaleId(_uuid(rng)), cart, tenders, shop.cashier_id, approver)
    return commit_sale(uow_factory, clock, request)


def _cart(rng: random.Random, shop: _Shop) -> Cart:
    kinds = ["food", "textile", "weighed", "herbal", "beverage", "household"]
    weights = [35, 20, 15, 12, 10, 8]
    cart = Cart()
    picks = shop.basket_lines or rng.choices([1, 2, 3, 4, 5, 6], weights=[25, 25, 20, 14, 10, 6])[0]
    for _ in range(picks):
        kind = rng.choices(kinds, weights=weights)[0]
        products = shop.goods.get(kind) or shop.goods[next(iter(shop.goods))]
        product = rng.choice(products)
        if product.sold_by_weight:
            cart.add_weighed(product, rng.randint(250, 2500))
        else:
            cheap = product.unit_price_satang < 20_000
            cart.add_product(product, 1000 * (rng.randint(1, 3) if cheap else 1))
    return cart


def _tenders(rng: random.Random, shop: _Shop, cart: Cart, moment: dt.datetime) -> list[Tender]:
    settings = shop.settings
    totals = cart.totals(settings.vat_schedule.rate_on(moment.date()))
    total = totals.total_satang
    offers = scheme_offers(payable_lines(cart, totals), settings.schemes, moment)
    choice = rng.random()
    if offers and choice < 0.25:
        offer = rng.choice(offers)
        # co-pay: the app takes all eligible goods; a scheme paying everything only what it pays
        amount = (
            offer.eligible_satang if offer.scheme.is_co_pay else offer.max_government_share_satang
        )
        if amount > 0:
            reference = _uuid(rng).hex[:16]
            tenders: list[Tender] = [SchemeTender(offer.scheme.code, amount, reference)]
            return tenders + _cash(rng, total - amount, settings) if total > amount else tenders
    if choice < 0.45:
        return [PromptPayTender(total, confirmed_by_cashier=True)]
    if choice < 0.55 and total >= 30_000:
        return [CardTender(total, f"{rng.randrange(16**6):06X}")]
    if choice < 0.60 and total >= 20_000:
        part = total // 2 // 100 * 100
        return [
            PromptPayTender(part, confirmed_by_cashier=True),
            *_cash(rng, total - part, settings),
        ]
    return _cash(rng, total, settings)


def _cash(rng: random.Random, due: int, settings: Settings) -> list[Tender]:
    owed = round_cash(due, settings.cash_rounding)
    if owed <= 0:  # a few satang that round to nothing in cash go by PromptPay
        return [PromptPayTender(due, confirmed_by_cashier=True)] if due > 0 else []
    offers = suggested_cash(owed)
    handed = rng.choice(offers) if offers and rng.random() < 0.7 else owed
    return [CashTender(handed)]


def _return_one_line(run: _Run, sale: Sale) -> None:
    rng, shop, approval = run.rng, run.shop, run.approval
    if approval is None:
        return
    line = rng.choice(sale.lines)
    quantity = line.quantity_milli if line.sold_by_weight else 1000
    request = ReturnRequest(
        CreditNoteId(_uuid(rng)),
        sale.sale_id,
        {line.line_id: quantity},
        shop.cashier_id,
        rng.choice(_RETURN_REASONS),
        refund_in_cash=rng.random() < 0.5,
    )
    note = return_goods(run.uow_factory, run.clock, request, approval)
    run.report.credit_notes += 1
    run.report.refunds_satang += note.total_satang


def _void(run: _Run, sale: Sale, approval: ManagerApproval) -> None:
    note = void_sale(
        run.uow_factory,
        run.clock,
        VoidRequest(
            credit_note_id=CreditNoteId(_uuid(run.rng)),
            sale_id=sale.sale_id,
            cashier_id=run.shop.cashier_id,
            reason=run.rng.choice(_VOID_REASONS),
        ),
        approval=approval,
    )
    run.report.credit_notes += 1
    run.report.refunds_satang += note.total_satang


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)
