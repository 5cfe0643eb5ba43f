"""The unit of work: the one port every service takes, and the repositories it gathers.

Each capability declares its own repositories in its ``ports`` module; this module puts them
together into one transaction.  The real adapter is :mod:`pos.store.sqlite_uow` (SQLite), the
head office's is :mod:`hq.store.unit_of_work` (PostgreSQL, :class:`CatalogueUnitOfWork` only);
the in-memory fake lives in the tests (``tests/fakes``).  :class:`StoreError` is what any of
them raises when its store cannot be opened or used.
"""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from pos.audit import AuditEvent
from pos.catalogue.ports import CatalogRepository, CounterCatalogRepository
from pos.printing.ports import PrintJobRepository
from pos.reports.ports import ReportQueries
from pos.sale.ports import SalesRepository
from pos.settings.ports import SettingsRepository
from pos.shifts.ports import ShiftRepository
from pos.staff.ports import PinLockoutRepository, StaffRepository, UserRepository
from pos.till.ports import CartRepository


class StoreError(RuntimeError):
    """A store cannot be opened or used; the message says why and what to do.

    Every store adapter raises it or a subclass (the counter's SQLite store, the head
    office's PostgreSQL), so a caller tells a person without knowing which store it is.
    """


class CounterRepository(Protocol):
    def next_value(self, name: str) -> int:
        """Increment the named counter and return the new value (within the transaction)."""
        ...

    def reserve(self, name: str, count: int) -> range:
        """Advance the named counter by ``count`` and return the values reserved."""
        ...


class AuditRepository(Protocol):
    def record(self, event: AuditEvent) -> None:
        """Append an event; it is never changed or deleted afterwards."""
        ...

    def between(self, start: datetime, end: datetime) -> list[AuditEvent]:
        """Events with ``start <= at < end``, oldest first."""
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
    # the staff list a manager keeps at the counter (issue 13: pos/staff/services/staff_admin.py)
    @property
    def users(self) -> StaffRepository: ...

    @property
    def carts(self) -> CartRepository: ...

    @property
    def print_jobs(self) -> PrintJobRepository: ...
    @property
    def sales(self) -> SalesRepository: ...
    # shifts, business days, Z reports and report sums (issue 6: pos/reports/ports.py)
    @property
    def shifts(self) -> ShiftRepository: ...
    @property
    def reports(self) -> ReportQueries: ...
    # wrong PINs, shared by the app and the command line (issue 12: pos/staff/domain/lockout.py)
    @property
    def pin_lockouts(self) -> PinLockoutRepository: ...
