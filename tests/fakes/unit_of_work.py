"""In-memory fakes of the ports, for unit tests and for running services without a disk.

They keep the semantics that matter to services: a unit of work's changes are
invisible until ``commit`` and discarded otherwise; SKUs and barcodes are
unique.  Search is a plain substring match on the same fields as the real one.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator, Sequence
from datetime import datetime
from types import TracebackType
from typing import Self

from pos.audit import AuditEvent
from pos.catalogue.domain.products import Category, ProducerGroup, Product
from pos.printing.domain.print_queue import PrintJob
from pos.settings.domain.shop_settings import Settings, checked_items
from pos.staff.domain.lockout import CLEAR, Attempts
from pos.staff.domain.users import User
from pos.sync.domain.stored import AuditRecorded, Stored, records_of
from pos.till.domain.rules import CartStatus, SavedCart
from tests.fakes.outbox import FakeOutboxData, FakeOutboxRepository
from tests.fakes.print_jobs import FakePrintJobRepository
from tests.fakes.reports import FakeReportQueries
from tests.fakes.sales import FakeSalesData, FakeSalesRepository
from tests.fakes.shifts import FakeShiftData, FakeShiftRepository


@dataclasses.dataclass
class _Data:
    producers: dict[str, ProducerGroup] = dataclasses.field(default_factory=dict)
    products: dict[str, Product] = dataclasses.field(default_factory=dict)
    plus: dict[str, int] = dataclasses.field(default_factory=dict)
    counters: dict[str, int] = dataclasses.field(default_factory=dict)
    settings: Settings = dataclasses.field(default_factory=Settings)
    users: list[User] = dataclasses.field(default_factory=list)
    audit: list[AuditEvent] = dataclasses.field(default_factory=list)
    print_jobs: list[PrintJob] = dataclasses.field(default_factory=list)
    sales: FakeSalesData = dataclasses.field(default_factory=FakeSalesData)
    carts: dict[str, SavedCart] = dataclasses.field(default_factory=dict)
    shifts: FakeShiftData = dataclasses.field(default_factory=FakeShiftData)
    outbox: FakeOutboxData = dataclasses.field(default_factory=FakeOutboxData)
    pin_lockouts: dict[str, Attempts] = dataclasses.field(default_factory=dict)

    def names(self) -> dict[int, str]:
        return {user.user_id: user.name for user in self.users if user.user_id is not None}


class FakeCatalogRepository:
    def __init__(self, data: _Data):
        self._data = data

    def product_by_sku(self, sku: str) -> Product | None:
        return self._data.products.get(sku)

    def product_by_barcode(self, code: str) -> Product | None:
        return next((p for p in self._data.products.values() if p.barcode == code), None)

    def product_by_plu(self, plu: int) -> Product | None:
        sku = next((sku for sku, value in self._data.plus.items() if value == plu), None)
        return self._data.products.get(sku) if sku else None

    def search_products(self, text: str, limit: int = 50) -> list[Product]:
        terms = [term.casefold() for term in text.split()]
        if not terms:
            return []
        found = [
            product
            for product in self._data.products.values()
            if all(
                term in f"{product.sku} {product.name_th} {product.name_en}".casefold()
                for term in terms
            )
        ]
        return sorted(found, key=lambda p: (p.sku != text.strip().upper(), p.name_th))[:limit]

    def all_products(self) -> Iterator[Product]:
        return iter(sorted(self._data.products.values(), key=lambda p: p.sku))

    def count_products(self) -> int:
        return len(self._data.products)

    def producers(self) -> list[ProducerGroup]:
        return sorted(self._data.producers.values(), key=lambda p: p.name_th)

    def add_producers(self, producers: Sequence[ProducerGroup]) -> None:
        for producer in producers:
            if producer.name_th in self._data.producers:
                raise ValueError(f"producer {producer.name_th} exists")
            self._data.producers[producer.name_th] = producer

    def save_products(self, products: Sequence[Product], plu_of_sku: dict[str, int]) -> None:
        for product in products:
            if product.producer.name_th not in self._data.producers:
                raise ValueError(f"unknown producer {product.producer.name_th}")
            self._data.products[product.sku] = product
            self._data.plus.pop(product.sku, None)
            if product.sku in plu_of_sku:
                self._data.plus[product.sku] = plu_of_sku[product.sku]
        codes = [p.barcode for p in self._data.products.values() if p.barcode]
        if len(codes) != len(set(codes)):
            raise ValueError("duplicate barcode")

    def barcode_owners(self) -> dict[str, str]:
        return {p.barcode: p.sku for p in self._data.products.values() if p.barcode}

    def plu_owners(self) -> dict[int, str]:
        return {plu: sku for sku, plu in self._data.plus.items()}

    def instore_products(self, category: Category, offset: int, limit: int) -> list[Product]:
        found = [
            p
            for p in self._data.products.values()
            if p.category is category and p.barcode and len(p.barcode) == 13 and p.barcode[0] == "2"
        ]
        return sorted(found, key=lambda p: (p.name_th, p.sku))[offset : offset + limit]


class FakeCounterRepository:
    def __init__(self, data: _Data):
        self._data = data

    def next_value(self, name: str) -> int:
        return self.reserve(name, 1)[0]

    def reserve(self, name: str, count: int) -> range:
        first = self._data.counters.get(name, 0) + 1
        self._data.counters[name] = first + count - 1
        return range(first, first + count)


class FakeSettingsRepository:
    def __init__(self, data: _Data):
        self._data = data

    def load(self) -> Settings:
        return self._data.settings

    def save(self, settings: Settings) -> None:
        checked_items(settings)  # as the store: a value the schema refuses is never saved
        self._data.settings = settings


class FakeUserRepository:
    def __init__(self, data: _Data):
        self._data = data

    def active_users(self) -> list[User]:
        return [user for user in self._data.users if user.active]

    def by_id(self, user_id: int) -> User | None:
        return next((user for user in self._data.users if user.user_id == user_id), None)

    def add(self, user: User) -> User:
        stored = dataclasses.replace(user, user_id=len(self._data.users) + 1)
        self._data.users.append(stored)
        return stored

    def all_users(self) -> list[User]:
        return list(self._data.users)

    def by_name(self, name: str) -> User | None:
        return next((user for user in self._data.users if user.name == name), None)

    def update(self, user: User) -> None:
        for index, known in enumerate(self._data.users):
            if known.user_id == user.user_id:
                self._data.users[index] = dataclasses.replace(
                    known, role=user.role, pin_hash=user.pin_hash, active=user.active
                )
                return
        raise LookupError(f"there is no user {user.user_id}")


class FakeAuditRepository:
    def __init__(self, data: _Data, events: list[Stored]):
        self._data = data
        self._events = events

    def record(self, event: AuditEvent) -> None:
        self._data.audit.append(event)
        self._events.append(AuditRecorded(event))

    def between(self, start: datetime, end: datetime) -> list[AuditEvent]:
        found = [event for event in self._data.audit if start <= event.at < end]
        return sorted(found, key=lambda event: event.at)


class FakePinLockoutRepository:
    def __init__(self, data: _Data):
        self._data = data

    def get(self, subject: str) -> Attempts:
        return self._data.pin_lockouts.get(subject, CLEAR)

    def save(self, subject: str, state: Attempts) -> None:
        if state == CLEAR:
            self._data.pin_lockouts.pop(subject, None)
        else:
            self._data.pin_lockouts[subject] = state


class FakeCartRepository:
    def __init__(self, data: _Data):
        self._data = data

    def save(self, cart: SavedCart, previous: SavedCart | None) -> None:
        # as the store: a cart never changed reads back as changed when it was opened
        self._data.carts[cart.cart_uuid] = dataclasses.replace(cart, changed_at=cart.last_change)

    def delete(self, cart_uuid: str) -> None:
        self._data.carts.pop(cart_uuid, None)

    def get(self, cart_uuid: str) -> SavedCart | None:
        return self._data.carts.get(cart_uuid)

    def open_carts(self, terminal_id: str) -> list[SavedCart]:
        found = self._of(terminal_id, CartStatus.OPEN)
        return sorted(found, key=lambda cart: cart.last_change, reverse=True)

    def held_carts(self, terminal_id: str) -> list[SavedCart]:
        found = self._of(terminal_id, CartStatus.HELD)
        return sorted(found, key=lambda cart: cart.held_at or cart.opened_at)

    def _of(self, terminal_id: str, status: CartStatus) -> list[SavedCart]:
        return [
            cart
            for cart in self._data.carts.values()
            if cart.terminal_id == terminal_id and cart.status is status
        ]


class FakeUnitOfWork:
    """A unit of work over in-memory data; a copy is edited and swapped in on commit.

    Like the SQLite one it collects what its repositories stored (``events``) and
    queues their records in its outbox on commit: ``committed.outbox.records()``
    is what the head office would be sent.
    """

    def __init__(self) -> None:
        self.committed = _Data()
        self.commits = 0

    def __enter__(self) -> Self:
        self._start_working_copy()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        if self.events:
            self.outbox.queue(records_of(self.events, self._working.names()))
            self.events.clear()
        self.committed = copy.deepcopy(self._working)
        self.commits += 1

    def rollback(self) -> None:
        self._start_working_copy()

    def _start_working_copy(self) -> None:
        self._working = copy.deepcopy(self.committed)
        self.events: list[Stored] = []
        self.catalog = FakeCatalogRepository(self._working)
        self.counters = FakeCounterRepository(self._working)
        self.settings = FakeSettingsRepository(self._working)
        self.users = FakeUserRepository(self._working)
        self.audit = FakeAuditRepository(self._working, self.events)
        self.print_jobs = FakePrintJobRepository(self._working.print_jobs)
        self.sales = FakeSalesRepository(self._working.sales, self.events)
        self.carts = FakeCartRepository(self._working)
        self.pin_lockouts = FakePinLockoutRepository(self._working)
        working = self._working
        self.shifts = FakeShiftRepository(working.shifts, self.events)
        self.outbox = FakeOutboxRepository(working.outbox, working.names)
        self.reports = FakeReportQueries(working.sales, working.shifts, lambda: working.users)
