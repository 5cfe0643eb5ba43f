"""The small Protocols that services depend on; adapters implement them.

Each port has a real adapter (``pos.store`` on SQLite) and a fake
(``pos.fakes``, in memory) so services can be unit-tested without I/O and the
bootstrap can wire either.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from pos.audit import AuditEvent
from pos.catalog import Category, ProducerGroup, Product
from pos.print_queue import PrintJobRepository
from pos.report_ports import ReportQueries, ShiftRepository
from pos.sales_ports import SalesRepository
from pos.settings import Settings
from pos.till import SavedCart


@dataclass(frozen=True)
class User:
    """Someone who works the till; ``pin_hash`` is an Argon2id hash, never the PIN."""

    user_id: int | None
    name: str
    role: str  # "cashier" or "manager"
    pin_hash: str
    active: bool = True

    @property
    def is_manager(self) -> bool:
        return self.role == "manager"


class CatalogRepository(Protocol):
    def product_by_sku(self, sku: str) -> Product | None: ...
    def product_by_barcode(self, code: str) -> Product | None: ...
    def product_by_plu(self, plu: int) -> Product | None: ...
    def search_products(self, text: str, limit: int = 50) -> list[Product]: ...
    def all_products(self) -> Iterator[Product]: ...
    def count_products(self) -> int: ...
    def producers(self) -> list[ProducerGroup]: ...
    def add_producers(self, producers: Sequence[ProducerGroup]) -> None: ...
    def save_products(self, products: Sequence[Product], plu_of_sku: dict[str, int]) -> None:
        """Insert or update by SKU; ``plu_of_sku`` gives the scale PLU of weighed goods."""
        ...

    def barcode_owners(self) -> dict[str, str]:
        """Every barcode in use → the SKU that has it."""
        ...

    def plu_owners(self) -> dict[int, str]:
        """Every scale PLU in use → the SKU that has it."""
        ...


class CounterRepository(Protocol):
    def next_value(self, name: str) -> int:
        """Increment the named counter and return the new value (within the transaction)."""
        ...

    def reserve(self, name: str, count: int) -> range:
        """Advance the named counter by ``count`` and return the values reserved."""
        ...


class SettingsRepository(Protocol):
    def load(self) -> Settings: ...
    def save(self, settings: Settings) -> None: ...


class UserRepository(Protocol):
    def active_users(self) -> list[User]: ...
    def by_id(self, user_id: int) -> User | None: ...
    def add(self, user: User) -> User: ...


class AuditRepository(Protocol):
    def record(self, event: AuditEvent) -> None:
        """Append an event; it is never changed or deleted afterwards."""
        ...

    def between(self, start: datetime, end: datetime) -> list[AuditEvent]:
        """Events with ``start <= at < end``, oldest first."""
        ...


class CounterCatalogRepository(CatalogRepository, Protocol):
    """The counter's catalogue: the shared one plus what only the till asks (quick keys)."""

    def instore_products(self, category: Category, offset: int, limit: int) -> list[Product]:
        """Goods with the shop's own codes (no GS1 barcode) in a category, by Thai name."""
        ...


class CartRepository(Protocol):
    """The till's open and held carts (see :mod:`pos.till`)."""

    def save(self, cart: SavedCart, previous: SavedCart | None) -> None:
        """Write ``cart``; ``previous`` is what was last written of it, so only changes are."""
        ...

    def delete(self, cart_uuid: str) -> None: ...
    def get(self, cart_uuid: str) -> SavedCart | None: ...
    def open_carts(self, terminal_id: str) -> list[SavedCart]:
        """The terminal's open carts, newest first (normally at most one)."""
        ...

    def held_carts(self, terminal_id: str) -> list[SavedCart]:
        """The terminal's held carts, oldest first."""
        ...


class CatalogueUnitOfWork(Protocol):
    """One atomic piece of work on the catalogue, staff, settings and audit trail.

    Everything done through it commits together or not at all.  The catalogue
    import, demo loader and staff services need no more than this, so the head
    office's PostgreSQL unit of work implements it too and runs them unchanged.
    """

    @property
    def catalog(self) -> CatalogRepository: ...
    @property
    def counters(self) -> CounterRepository: ...
    @property
    def settings(self) -> SettingsRepository: ...
    @property
    def users(self) -> UserRepository: ...
    @property
    def audit(self) -> AuditRepository: ...

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class UnitOfWork(CatalogueUnitOfWork, Protocol):
    """The counter's unit of work: the catalogue's, plus carts, sales and the print queue."""

    @property
    def catalog(self) -> CounterCatalogRepository: ...

    @property
    def carts(self) -> CartRepository: ...

    @property
    def print_jobs(self) -> PrintJobRepository: ...
    @property
    def sales(self) -> SalesRepository: ...
    # shifts, business days, Z reports and report sums (issue 6: pos/report_ports.py)
    @property
    def shifts(self) -> ShiftRepository: ...
    @property
    def reports(self) -> ReportQueries: ...
