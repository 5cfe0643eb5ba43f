"""The cart repository: open and held carts per terminal, on both adapters."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from pos.clock import THAI_TIME
from pos.staff.domain.users import User
from pos.till.domain.rules import CartStatus, SavedCart, SavedLine
from tests.contracts.conftest import UowFactory
from tests.factories import make_product

T0 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=THAI_TIME)
SILK = make_product("TX-SILK-0001", 250_000)


def _cart(
    name: str, minutes: int, status: CartStatus = CartStatus.OPEN, **more: object
) -> SavedCart:
    return SavedCart(
        cart_uuid=name,
        terminal_id=str(more.pop("terminal", "POS01")),
        status=status,
        user_id=1,
        opened_at=T0 + dt.timedelta(minutes=minutes),
        revision=1,
        lines=(SavedLine(1, SILK, 2000, 250_000),),
        **more,  # type: ignore[arg-type]
    )


@pytest.fixture(autouse=True)
def cashier(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:  # a cart names its cashier (user 1)
        uow.users.add(User(None, "สมหญิง", "cashier", "x"))
        uow.commit()


def test_carts_are_kept_and_listed_per_terminal(uow_factory: UowFactory) -> None:
    older, newer = _cart("a", 1), _cart("b", 5)
    held = _cart("c", 2, CartStatus.HELD, held_at=T0 + dt.timedelta(minutes=9), note="รอ")
    early = _cart("d", 3, CartStatus.HELD, held_at=T0 + dt.timedelta(minutes=4))
    elsewhere = _cart("e", 0, terminal="POS02")
    with uow_factory() as uow:
        for cart in (older, newer, held, early, elsewhere):
            uow.carts.save(cart, None)
        uow.commit()
    older, newer, held, early, elsewhere = map(_as_read, (older, newer, held, early, elsewhere))
    with uow_factory() as uow:
        assert uow.carts.get("a") == older and uow.carts.get("zz") is None
        assert uow.carts.open_carts("POS01") == [newer, older]
        assert uow.carts.held_carts("POS01") == [early, held]
        assert uow.carts.open_carts("POS02") == [elsewhere]


def _as_read(cart: SavedCart) -> SavedCart:
    """A cart never changed reads back as changed when it was opened (the store keeps both)."""
    return dataclasses.replace(cart, changed_at=cart.last_change)


def test_a_saved_cart_replaces_its_previous_copy(uow_factory: UowFactory) -> None:
    first = _cart("a", 1)
    changed = dataclasses.replace(
        first, revision=2, lines=(), changed_at=T0 + dt.timedelta(minutes=7)
    )
    with uow_factory() as uow:
        uow.carts.save(first, None)
        uow.commit()
    with uow_factory() as uow:
        uow.carts.save(changed, first)
        uow.commit()
    with uow_factory() as uow:
        assert uow.carts.get("a") == changed
        uow.carts.delete("a")
        uow.carts.delete("not-there")
        uow.commit()
    with uow_factory() as uow:
        assert uow.carts.get("a") is None and uow.carts.open_carts("POS01") == []
