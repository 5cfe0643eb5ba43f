"""The in-memory fake of :class:`pos.sync.ports.OutboxRepository`.

Rows, batches and the state row as the SQLite store keeps them
(:mod:`pos.store.outbox_repository`): a record is queued once (a second
``queue`` of it is ignored), batches take the oldest waiting records, an
acknowledgement marks records sent or set aside.  The fake unit of work
queues its stored events here on commit, so a unit test can read what would
be sent (``uow.committed.outbox.rows``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from pos.ids import SyncBatchId
from pos.store.times import to_utc_text
from pos.sync.domain.protocol import (
    NumberRaised,
    OpenBatch,
    QueuedRecord,
    RejectedRecord,
    SyncState,
    WaitingCounts,
)
from pos.sync.domain.records import OutboxRecord
from pos.sync.wire import RESENDABLE_REASONS, Acknowledgement, Rejection


@dataclasses.dataclass
class OutboxRow:
    record: QueuedRecord
    state: str = "waiting"
    batch_id: SyncBatchId | None = None
    received_at_utc: str | None = None
    reject_reason: str = ""
    reject_detail: str = ""
    reject_field: str = ""
    held_in_run: int | None = None


@dataclasses.dataclass
class OutboxBatch:
    batch_id: SyncBatchId
    created_at_utc: str
    record_count: int
    attempts: int = 0
    last_error: str = ""
    acknowledged: bool = False


@dataclasses.dataclass
class FakeOutboxData:
    rows: list[OutboxRow] = dataclasses.field(default_factory=list)
    batches: list[OutboxBatch] = dataclasses.field(default_factory=list)
    state: SyncState = dataclasses.field(
        default_factory=lambda: SyncState(0, False, None, None, "", "")
    )
    run_seq: int = 0
    counters: dict[str, int] = dataclasses.field(default_factory=dict)  # the uow's, shared
    hq_last: dict[str, int] = dataclasses.field(default_factory=dict)

    def records(self) -> list[QueuedRecord]:
        """Every record queued, oldest first: what the head office would be sent."""
        return [row.record for row in self.rows]


class FakeOutboxRepository:
    def __init__(self, data: FakeOutboxData, names: Callable[[], dict[int, str]]):
        self._data = data
        self._names = names

    def queue(self, records: Sequence[OutboxRecord]) -> None:
        queued = {row.record.record_id for row in self._data.rows}
        for record in records:
            if str(record.record_id) not in queued:
                queued.add(str(record.record_id))
                self._data.rows.append(OutboxRow(queued_record(record)))

    def names(self) -> dict[int, str]:
        return self._names()

    def unqueued_dates(self) -> list[dt.date]:
        return []  # every record is queued when it is committed: there is no older store

    def unqueued_audit_span(self) -> tuple[dt.datetime, dt.datetime] | None:
        return None

    def waiting(self) -> WaitingCounts:
        kinds = Counter(row.record.kind for row in self._data.rows if row.state == "waiting")
        rejected = sum(1 for row in self._data.rows if row.state == "rejected")
        return WaitingCounts(dict(kinds), rejected)

    def rejected(self, limit: int = 100) -> list[RejectedRecord]:
        return self._refused(lambda row: row.state == "rejected", limit)

    def held(self, limit: int = 100) -> list[RejectedRecord]:
        return self._refused(lambda row: row.state == "waiting" and bool(row.reject_reason), limit)

    def _refused(self, which: Callable[[OutboxRow], bool], limit: int) -> list[RejectedRecord]:
        return [
            RejectedRecord(
                uuid.UUID(row.record.record_id),
                row.record.kind,
                row.record.device_time_utc,
                row.reject_reason,
                row.reject_detail,
                row.reject_field,
            )
            for row in self._data.rows
            if which(row)
        ][:limit]

    def requeue_rejected(self, record_ids: Sequence[uuid.UUID] = ()) -> int:
        named = {str(record_id) for record_id in record_ids}
        rows = [
            row
            for row in self._data.rows
            if row.state == "rejected" and (not named or row.record.record_id in named)
        ]
        for row in rows:
            row.state, row.batch_id, row.held_in_run = "waiting", None, None
            row.reject_reason = row.reject_detail = row.reject_field = ""
        return len(rows)

    def open_batch(self) -> OpenBatch | None:
        batch = next((b for b in self._data.batches if not b.acknowledged), None)
        if batch is None:
            return None
        return OpenBatch(batch.batch_id, batch.record_count, batch.attempts, batch.last_error)

    def assign_batch(self, batch_id: SyncBatchId, limit: int, at: dt.datetime) -> int:
        free = [
            r
            for r in self._data.rows
            if r.state == "waiting"
            and r.batch_id is None
            and (r.held_in_run is None or r.held_in_run < self._data.run_seq)
        ][:limit]
        if not free:
            return 0
        for row in free:
            row.batch_id = batch_id
        self._data.batches.append(OutboxBatch(batch_id, to_utc_text(at), len(free)))
        return len(free)

    def batch_records(self, batch_id: SyncBatchId) -> list[QueuedRecord]:
        return [row.record for row in self._data.rows if row.batch_id == batch_id]

    def _batch(self, batch_id: SyncBatchId) -> OutboxBatch | None:
        return next((b for b in self._data.batches if b.batch_id == batch_id), None)

    def note_attempt(self, batch_id: SyncBatchId, at: dt.datetime, error: str) -> None:
        batch = self._batch(batch_id)
        if batch is not None:
            batch.attempts += 1
            batch.last_error = error

    def acknowledge(self, ack: Acknowledgement, at: dt.datetime) -> None:
        stored = {str(record_id) for record_id in (*ack.accepted, *ack.duplicates)}
        refused = {str(r.record_id): r for r in ack.rejected}
        for row in self._data.rows:
            if row.batch_id != ack.batch_id:
                continue
            if row.record.record_id in stored:
                row.state, row.received_at_utc = "sent", to_utc_text(ack.received_at)
                row.reject_reason = row.reject_detail = row.reject_field = ""
            elif row.record.record_id in refused:
                _refuse(row, refused[row.record.record_id], self._data.run_seq)
        batch = self._batch(ack.batch_id)
        if batch is not None:
            batch.attempts += 1
            batch.last_error, batch.acknowledged = "", True

    def state(self) -> SyncState:
        return self._data.state

    def set_cursor(self, cursor_value: int) -> None:
        self._data.state = dataclasses.replace(self._data.state, catalogue_cursor=cursor_value)

    def set_backfill_pending(self, pending: bool) -> None:
        self._data.state = dataclasses.replace(self._data.state, backfill_pending=pending)

    def note_run_started(self, at: dt.datetime) -> None:
        self._data.run_seq += 1
        self._data.state = dataclasses.replace(self._data.state, run_started_at_utc=to_utc_text(at))

    def continue_numbers(
        self, hq_last: Mapping[str, int], *, raise_counters: bool = True
    ) -> list[NumberRaised]:
        raised = []
        for name, last in sorted(hq_last.items()):
            before = self._data.counters.get(name, 0)
            last = last if raise_counters else 0
            self._data.counters[name] = max(before, last)
            self._data.hq_last[name] = max(self._data.hq_last.get(name, 0), hq_last[name])
            raised.append(NumberRaised(name, before, max(before, last)))
        return raised

    def note_run(self, at: dt.datetime, outcome: str, summary: str, *, success: bool) -> None:
        moment = to_utc_text(at)
        self._data.state = dataclasses.replace(
            self._data.state,
            run_started_at_utc=None,
            last_attempt_at_utc=moment,
            last_outcome=outcome,
            last_summary=summary,
            last_success_at_utc=moment if success else self._data.state.last_success_at_utc,
        )


def _refuse(row: OutboxRow, rejection: Rejection, run_seq: int) -> None:
    """As the store: a resendable reason leaves it waiting, held for this run."""
    resend = rejection.reason in RESENDABLE_REASONS
    row.state = "waiting" if resend else "rejected"
    row.batch_id = None if resend else row.batch_id
    row.held_in_run = run_seq
    row.reject_reason, row.reject_detail = rejection.reason, rejection.detail
    row.reject_field = rejection.field


def queued_record(record: OutboxRecord) -> QueuedRecord:
    """``record`` as its outbox row sends it."""
    return QueuedRecord(
        str(record.record_id),
        record.kind.value,
        to_utc_text(record.device_time),
        record.payload_json(),
    )
