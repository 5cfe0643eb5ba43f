"""The Protocols the sync service depends on: the outbox, the catalogue feed, the head office.

Each has a real adapter and a fake: :class:`OutboxRepository` and
:class:`CatalogueFeedRepository` are the SQLite store's
(:mod:`pos.store.outbox_repository`, :mod:`pos.store.catalogue_feed`);
:class:`HeadOffice` is HTTP (:mod:`pos.adapters.hq_http`, httpx) or in memory
(:mod:`tests.fakes.head_office`, which keeps the protocol's rules and can fail on cue).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Protocol

from pos.catalogue.domain.hq_changes import AnyChange
from pos.ids import SyncBatchId
from pos.sync.domain.protocol import (
    NumberRaised,
    OpenBatch,
    QueuedRecord,
    RejectedRecord,
    SyncState,
    WaitingCounts,
)
from pos.sync.domain.records import OutboxRecord
from pos.sync.wire import Acknowledgement, ChangePage, TerminalInfo, TerminalNumbers
from pos.unit_of_work import UnitOfWork


class OutboxRepository(Protocol):
    def queue(self, records: Sequence[OutboxRecord]) -> None:
        """Queue records (those already queued are kept as they are)."""
        ...

    def names(self) -> dict[int, str]:
        """Every user's name by id (records name the people in them)."""
        ...

    def unqueued_dates(self) -> list[dt.date]:
        """Business dates with records stored before the outbox existed, not queued yet."""
        ...

    def unqueued_audit_span(self) -> tuple[dt.datetime, dt.datetime] | None: ...
    def waiting(self) -> WaitingCounts: ...
    def rejected(self, limit: int = 100) -> list[RejectedRecord]: ...
    def held(self, limit: int = 100) -> list[RejectedRecord]:
        """Refused for a resendable reason: still waiting, for a later run."""
        ...

    def requeue_rejected(self, record_ids: Sequence[uuid.UUID] = ()) -> int:
        """Records set aside (all, or those named) back in the queue."""
        ...

    def open_batch(self) -> OpenBatch | None: ...
    def assign_batch(self, batch_id: SyncBatchId, limit: int, at: dt.datetime) -> int: ...
    def batch_records(self, batch_id: SyncBatchId) -> list[QueuedRecord]: ...
    def note_attempt(self, batch_id: SyncBatchId, at: dt.datetime, error: str) -> None: ...
    def acknowledge(self, ack: Acknowledgement, at: dt.datetime) -> None: ...
    def state(self) -> SyncState: ...
    def set_cursor(self, cursor_value: int) -> None: ...
    def set_backfill_pending(self, pending: bool) -> None: ...
    def note_run_started(self, at: dt.datetime) -> None: ...
    def note_run(self, at: dt.datetime, outcome: str, summary: str, *, success: bool) -> None: ...
    def continue_numbers(
        self, hq_last: Mapping[str, int], *, raise_counters: bool = True
    ) -> list[NumberRaised]:
        """Raise each named counter to at least that serial, never lower; remember it."""
        ...


class CatalogueFeedRepository(Protocol):
    def apply(self, changes: Sequence[AnyChange]) -> None:
        """Upsert the head office's changes by natural key (the caller's transaction)."""
        ...


class SyncUnitOfWork(UnitOfWork, Protocol):
    @property
    def outbox(self) -> OutboxRepository: ...
    @property
    def catalogue_feed(self) -> CatalogueFeedRepository: ...


class HeadOffice(Protocol):
    """The head office as the counter sees it; every method may raise
    :class:`pos.sync.domain.protocol.UnreachableError`,
    :class:`pos.sync.domain.protocol.TokenRefusedError` or
    :class:`pos.sync.domain.protocol.BatchRefusedError`."""

    def terminal(self) -> TerminalInfo: ...
    def send_batch(
        self, batch_id: SyncBatchId, terminal: str, records: Sequence[QueuedRecord]
    ) -> Acknowledgement: ...
    def changes(self, cursor: int, limit: int) -> ChangePage: ...
    def numbers(self) -> TerminalNumbers: ...
    def close(self) -> None: ...
