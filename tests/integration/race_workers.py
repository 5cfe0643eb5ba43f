"""The two processes of the closing race (tests/integration/test_day_close_race.py).

Module-level functions, so ``multiprocessing`` (spawn) can start them: a
seller that rings up sales as fast as it can, opening the next shift when its
own was closed under it, and a closer that counts the drawer, closes the
shift and takes the Z report at random moments.  Each writes what it did to a
JSON file; the test checks the store against it.
"""

from __future__ import annotations

import contextlib
import json
import random
import time
import uuid
from pathlib import Path
from typing import Any

from pos.bootstrap import AppContext, open_context
from pos.clock import SystemClock
from pos.sale.domain.cart import Cart
from pos.sale.domain.tenders import CashTender
from pos.sale.services.checkout import CheckoutRequest, commit_sale
from pos.sale.services.returns_and_voids import ManagerApproval
from pos.shifts.domain.cash_control import NoOpenShiftError, ShiftError, count_for_amount
from pos.shifts.services.day_close import DayCloseError, close_day
from pos.shifts.services.shift_lifecycle import (
    CloseShiftRequest,
    OpenShiftRequest,
    current_shift,
    open_shift,
    shift_takings,
)

CASHIER, MANAGER, PIN = 1, 2, "5678"


def seller(data_dir: str, start: Any, stop: Any, out: str) -> None:
    """Sell until the closer has finished (``stop``), starting together with it (``start``)."""
    context = open_context(Path(data_dir))
    clock = SystemClock()
    with context.uow_factory() as uow:
        product = next(p for p in uow.catalog.all_products() if not p.sold_by_weight)
    committed, refused = [], 0
    start.wait()
    while not stop.is_set():
        cart = Cart()
        cart.add_product(product, 1000)
        request = CheckoutRequest(
            uuid.uuid4(), cart, (CashTender(product.unit_price_satang),), CASHIER
        )
        try:
            sale = commit_sale(context.uow_factory, clock, request)
        except NoOpenShiftError:
            refused += 1
            opening = OpenShiftRequest(uuid.uuid4(), CASHIER, float_satang=100_000)
            with contextlib.suppress(ShiftError):  # lost the race for the drawer: try again
                open_shift(context.uow_factory, clock, opening)
            continue
        assert sale.stamp is not None
        committed.append([str(sale.sale_id), str(sale.stamp.shift_id)])
        time.sleep(0.002)  # a breath between customers: SQLite's busy wait is not fair
    context.close()
    Path(out).write_text(json.dumps({"sales": committed, "refused": refused}))


def close_everything(context: AppContext) -> list[str]:
    """Count and close the open shift, then take the Z report; returns the Z numbers taken."""
    clock, approval = SystemClock(), ManagerApproval(MANAGER, PIN)
    shift = current_shift(context.uow_factory)
    last = None
    if shift is not None:
        with context.uow_factory() as uow:
            expected = shift_takings(uow, shift).cash.expected_satang
        count, _ = count_for_amount(expected)  # sales until the close make a difference
        last = CloseShiftRequest(shift.shift_id, CASHIER, count)
    try:  # the last shift and the day in one transaction, racing with the seller's sales
        report = close_day(context.uow_factory, clock, uuid.uuid4(), approval, last_shift=last)
    except DayCloseError:
        return []  # nothing is open
    assert report.z is not None
    return [report.z.number]


def closer(data_dir: str, start: Any, stop: Any, rounds: int, seed: int, out: str) -> None:
    context = open_context(Path(data_dir))
    rng = random.Random(seed)
    numbers: list[str] = []
    start.wait()
    try:
        for _ in range(rounds):
            time.sleep(rng.uniform(0.01, 0.12))
            numbers += close_everything(context)
    finally:
        stop.set()
        context.close()
    Path(out).write_text(json.dumps({"z_numbers": numbers}))
