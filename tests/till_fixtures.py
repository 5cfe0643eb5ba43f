"""A small shop on the in-memory fakes for till tests: products of every kind, two users."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher

from pos.catalogue.domain.barcodes import BarcodeRules, EmbeddedKind, EmbeddedRule, with_check_digit
from pos.catalogue.domain.products import Category, Product, Unit
from pos.clock import FakeClock
from pos.staff.domain.users import User
from pos.till.services.cart_journal import CartJournal
from pos.till.services.session import TillSession
from tests.factories import SMALL_GROUP, VAT_SELLER, make_product
from tests.fakes.unit_of_work import FakeUnitOfWork

CASHIER_PIN, MANAGER_PIN = "1234", "5678"
SILK = make_product("TX-SILK-0001", 245000, barcode="8855512010014", name_th="ผ้าไหมมัดหมี่")
GARLIC = make_product(
    "FD-BGAR-0001", 15900, seller=VAT_SELLER, barcode="8857717001019", name_th="กระเทียมดำ"
)
SHALLOTS = make_product(
    "FD-SHAL-0004", 12000, weighed=True, vat=False, barcode="2100004000001", name_th="หอมแดง"
)
SHALLOTS_PLU = 4
COOKIES = Product(
    sku="FD-SNAK-0009",
    barcode="2000000000152",
    name_th="ทองม้วน",
    name_en="Rolled wafers",
    category=Category.FOOD,
    producer=SMALL_GROUP,
    unit_price_satang=6000,
    unit=Unit.BOX,
    sold_by_weight=False,
    vat_applicable=True,
)
RULES = BarcodeRules()
WEIGHT_RULE = EmbeddedRule("21", EmbeddedKind.WEIGHT)


def weight_label(plu: int, grams: int) -> str:
    return with_check_digit(f"21{plu:05d}{grams:05d}")


def price_label(plu: int, satang: int) -> str:
    return with_check_digit(f"22{plu:05d}{satang:05d}")


@cache
def _hashes() -> tuple[str, str]:
    """Argon2id hashes with small costs: verifying reads the costs from the hash, so these
    check the same code path in milliseconds instead of ~0.1 s per log-in."""
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    return cheap.hash(CASHIER_PIN), cheap.hash(MANAGER_PIN)


def seeded_store() -> FakeUnitOfWork:
    store = FakeUnitOfWork()
    cashier_hash, manager_hash = _hashes()
    with store as uow:
        uow.catalog.add_producers([SMALL_GROUP, VAT_SELLER])
        uow.catalog.save_products([SILK, GARLIC, SHALLOTS, COOKIES], {SHALLOTS.sku: SHALLOTS_PLU})
        uow.users.add(User(None, "สมหญิง ใจดี", "cashier", cashier_hash))
        uow.users.add(User(None, "ประเสริฐ ทองดี", "manager", manager_hash))
        uow.commit()
    return store


CASHIER_ID, MANAGER_ID = 1, 2


def new_till(store: FakeUnitOfWork, clock: FakeClock | None = None) -> TillSession:
    journal = CartJournal(lambda: store, background=False)
    return TillSession(lambda: store, journal, clock or FakeClock())


def logged_in_till(
    store: FakeUnitOfWork | None = None, clock: FakeClock | None = None
) -> TillSession:
    till = new_till(store or seeded_store(), clock)
    till.log_in(CASHIER_ID, CASHIER_PIN)
    return till
