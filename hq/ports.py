"""The Protocols head-office services depend on.

:class:`HqUnitOfWork` *is* a :class:`pos.unit_of_work.CatalogueUnitOfWork` (catalogue, counters,
settings, users, audit) plus the head office's own repositories, so the
counter's services — the catalogue CSV import with all its checks, the demo
loader — run unchanged against the head office's PostgreSQL store.  Its
catalogue and user repositories also append every change to the feed the
counters download (:mod:`pos.sync.wire`'s change feed).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from hq.sync import IncomingRecord
from pos.catalogue.domain.products import ProducerGroup
from pos.catalogue.ports import CatalogRepository
from pos.ids import SyncBatchId, TerminalKey
from pos.reports.ports import SalesReportQueries
from pos.staff.domain.lockout import Attempts
from pos.staff.domain.users import User
from pos.staff.ports import UserRepository
from pos.sync.wire import AcknowledgementJson, CatalogueChange, ChangeEntity
from pos.unit_of_work import CatalogueUnitOfWork


class UnknownTerminalError(ValueError):
    """A report asked for a terminal the head office has never heard of."""


@dataclass(frozen=True)
class Terminal:
    terminal_id: TerminalKey
    name: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    last_batch_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class StoredBatch:
    terminal_id: TerminalKey
    content_sha256: str
    ack: dict[str, Any]


@dataclass(frozen=True)
class ZRow:
    """A Z report as the head office holds it, with when it arrived."""

    terminal: str
    number: str
    business_date: dt.date
    closed_at: dt.datetime
    closed_by: str
    sales_count: int
    sales_satang: int
    refunds_satang: int
    net_satang: int
    vat_satang: int
    grand_total_satang: int
    expected_cash_satang: int
    counted_cash_satang: int | None
    received_at: dt.datetime


@dataclass(frozen=True)
class Staff:
    name: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class StaffRepository(Protocol):
    def set_token(self, name: str, token_digest: str, at: dt.datetime) -> None:
        """Add the member of staff with this token, or give them it (active again)."""
        ...

    def revoke(self, name: str, at: dt.datetime) -> bool: ...
    def by_token_digest(self, digest: str) -> Staff | None: ...


class AuthLockoutRepository(Protocol):
    """Failed tokens per source address (the PIN lock-out policy applied to bearer tokens)."""

    def get_for_update(self, subject: str) -> Attempts:
        """The subject's state, its row locked until the transaction ends (to count a failure)."""
        ...

    def save(self, subject: str, state: Attempts) -> None:
        """Keep the state (``CLEAR`` forgets the subject)."""
        ...


class TerminalRepository(Protocol):
    def all(self) -> list[Terminal]: ...
    def by_name(self, name: str) -> Terminal | None: ...
    def by_token_digest(self, digest: str) -> Terminal | None: ...
    def add(self, name: str, token_digest: str, at: dt.datetime) -> Terminal: ...
    def replace_token(self, name: str, token_digest: str) -> None:
        """A new token for the terminal; the old one stops working, a revoked terminal is back."""
        ...

    def revoke(self, name: str, at: dt.datetime) -> None: ...
    def note_batch(self, terminal_id: TerminalKey, at: dt.datetime) -> None: ...


class SyncRepository(Protocol):
    def stored_batch(self, batch_id: SyncBatchId) -> StoredBatch | None: ...
    def insert_new_records(
        self,
        terminal_id: TerminalKey,
        batch_id: SyncBatchId,
        received_at: dt.datetime,
        records: Sequence[IncomingRecord],
    ) -> set[uuid.UUID]:
        """Insert the records whose UUID is not stored yet; return the UUIDs inserted."""
        ...

    def stored_owners(
        self, record_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[TerminalKey, str]]:
        """For stored records: UUID → (terminal id, content SHA-256)."""
        ...

    def save_batch(
        self,
        terminal_id: TerminalKey,
        batch_id: SyncBatchId,
        received_at: dt.datetime,
        content_sha256: str,
        record_count: int,
        ack: AcknowledgementJson,
    ) -> bool:
        """Store the batch and its acknowledgement; ``False`` if the UUID is taken already."""
        ...


class HqReportQueries(SalesReportQueries, Protocol):
    def z_reports(self, start: dt.date, end: dt.date) -> list[ZRow]: ...


class ProjectionRepository(Protocol):
    def project(self, kind: str, terminal: str, records: Sequence[IncomingRecord]) -> None:
        """Put newly accepted records of ``kind`` into the typed report tables."""
        ...


class NumberRepository(Protocol):
    """The numbers and ids records hold (:mod:`hq.reuse`), and each terminal's last numbers."""

    def taken(
        self, terminal_id: int, wanted: Mapping[str, Sequence[Any]]
    ) -> dict[tuple[str, Any], uuid.UUID]:
        """Of ``wanted`` (scope → values), those a stored record holds: → that record.  A
        number scope is the terminal's own; an id scope is every terminal's."""
        ...

    def last_serials(self, terminal_id: int) -> dict[str, int]:
        """Each of :data:`pos.sync.wire.NUMBER_SEQUENCES`: the highest serial stored, or 0."""
        ...


class FeedRepository(Protocol):
    def append(self, entity: ChangeEntity, items: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Append changes (key, full new state) in order, numbered in commit order."""
        ...

    def changes_after(self, cursor: int, limit: int) -> list[CatalogueChange]: ...
    def last_seq(self) -> int: ...


class HqCatalogRepository(CatalogRepository, Protocol):
    def save_producers(self, producers: Sequence[ProducerGroup]) -> int:
        """Insert or update producer groups by Thai name; returns how many changed."""
        ...


class HqUserRepository(UserRepository, Protocol):
    def by_name(self, name: str) -> User | None: ...
    def set_active(self, name: str, active: bool) -> User | None: ...


class HqUnitOfWork(CatalogueUnitOfWork, Protocol):
    @property
    def catalog(self) -> HqCatalogRepository: ...
    @property
    def users(self) -> HqUserRepository: ...
    @property
    def terminals(self) -> TerminalRepository: ...
    @property
    def sync(self) -> SyncRepository: ...
    @property
    def feed(self) -> FeedRepository: ...
    @property
    def projections(self) -> ProjectionRepository: ...
    @property
    def staff(self) -> StaffRepository: ...
    @property
    def auth_lockouts(self) -> AuthLockoutRepository: ...
    @property
    def numbers(self) -> NumberRepository: ...
    def attempt(self) -> AbstractContextManager[None]:
        """A savepoint: an error inside undoes only what was done inside, and is raised again
        (:class:`hq.sync.HeadOfficeUnavailableError` if the database itself went away)."""
        ...

    def report_queries(self, terminal: str | None) -> HqReportQueries:
        """Report sums over one terminal's records, or every terminal's (``None``);
        :class:`UnknownTerminalError` for a name the head office does not know."""
        ...
