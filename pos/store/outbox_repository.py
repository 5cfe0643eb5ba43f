"""The sync outbox on SQLite: records queued with what made them, batches, the sync state.

Records are queued by the unit of work (:mod:`pos.store.sqlite_uow`): the
repositories that store a sale, tax invoice, credit note, closed shift, Z
report or audit event collect an event (:mod:`pos.sync.domain.stored`), and
``commit`` queues their records through :meth:`SqlOutboxRepository.queue`
inside the transaction that stores them.  So whichever service makes a sale,
it is queued exactly when it is committed: a record that is not in the
outbox was never stored.  The payload is built by :mod:`pos.sync.domain.records`.

:class:`SqlOutboxRepository` is what the sync service uses
(:class:`pos.sync.ports.OutboxRepository`): assign waiting records to a batch
and store that before sending, read a batch back to (re)send it, mark the
head office's acknowledgement, and the small ``sync_state`` row.  Its writes
are short (one batch of rows each); reads run in the reader's transaction.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Mapping, Sequence

from sqlalchemy.orm import Session

from pos.ids import SyncBatchId
from pos.store.database import driver_cursor
from pos.store.times import from_utc_text, to_utc_text
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

_QUEUE = (
    "INSERT INTO sync_outbox (record_uuid, kind, device_time_utc, payload_json)"
    " VALUES (?, ?, ?, ?) ON CONFLICT (record_uuid) DO NOTHING"
)
_NOT_QUEUED = "NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.record_uuid = {column})"
_UNQUEUED_DATES = (
    " UNION ".join(
        (
            f"SELECT business_date FROM sale s WHERE {_NOT_QUEUED.format(column='s.sale_uuid')}",
            f"SELECT s.business_date FROM tax_invoice t JOIN sale s ON s.id = t.sale_id"
            f" WHERE {_NOT_QUEUED.format(column='t.invoice_uuid')}",
            f"SELECT business_date FROM credit_note n"
            f" WHERE {_NOT_QUEUED.format(column='n.credit_note_uuid')}",
            "SELECT d.business_date FROM shift h"
            " JOIN business_day d ON d.id = h.business_day_id"
            f" WHERE h.closed_at_utc IS NOT NULL AND {_NOT_QUEUED.format(column='h.shift_uuid')}",
            "SELECT d.business_date FROM z_report z"
            " JOIN business_day d ON d.id = z.business_day_id"
            f" WHERE {_NOT_QUEUED.format(column='z.z_uuid')}",
        )
    )
    + " ORDER BY 1"
)
# A record refused for a resendable reason waits, but not for the run that was told so.
_NOT_HELD = "(held_in_run IS NULL OR held_in_run < (SELECT run_seq FROM sync_state WHERE id = 1))"
_IN_CHUNK = 400  # host parameters per IN (...) list, well under SQLite's limit


def user_names(cursor: sqlite3.Cursor) -> dict[int, str]:
    """Every user's name by id (a handful of rows): records name the people in them."""
    return dict(cursor.execute("SELECT id, name FROM app_user"))


def queue_record(cursor: sqlite3.Cursor, record: OutboxRecord) -> None:
    """Queue ``record`` in the caller's transaction; a record already queued is kept as it is."""
    cursor.execute(
        _QUEUE,
        (
            str(record.record_id),
            record.kind.value,
            to_utc_text(record.device_time),
            record.payload_json(),
        ),
    )


def _chunks(items: Sequence[str]) -> list[Sequence[str]]:
    return [items[i : i + _IN_CHUNK] for i in range(0, len(items), _IN_CHUNK)]


def _refusal_row(rejection: Rejection, batch: str) -> tuple[object, ...]:
    """A resendable refusal leaves the record waiting (out of its batch, held for this run);
    any other sets it aside."""
    resend = rejection.reason in RESENDABLE_REASONS
    return (
        resend,
        resend,
        rejection.reason,
        rejection.detail,
        rejection.field,
        batch,
        str(rejection.record_id),
    )


class SqlOutboxRepository:
    def __init__(self, session: Session):
        self._session = session

    def _cursor(self) -> sqlite3.Cursor:
        return driver_cursor(self._session)

    def queue(self, records: Sequence[OutboxRecord]) -> None:
        cursor = self._cursor()
        for record in records:
            queue_record(cursor, record)

    def names(self) -> dict[int, str]:
        return user_names(self._cursor())

    # --- records stored before the outbox existed (backfill) -------------------------------
    def unqueued_dates(self) -> list[dt.date]:
        """Business dates with a sale, credit note, closed shift or Z report not queued yet."""
        rows = self._cursor().execute(_UNQUEUED_DATES).fetchall()
        return [dt.date.fromisoformat(row[0]) for row in rows]

    def unqueued_audit_span(self) -> tuple[dt.datetime, dt.datetime] | None:
        row = (
            self._cursor()
            .execute(
                "SELECT min(at_utc), max(at_utc) FROM audit_event a WHERE NOT EXISTS"
                " (SELECT 1 FROM sync_outbox o WHERE o.record_uuid = a.event_uuid)"
            )
            .fetchone()
        )
        if row is None or row[0] is None:
            return None
        return from_utc_text(row[0]), from_utc_text(row[1])

    # --- what waits -----------------------------------------------------------------------
    def waiting(self) -> WaitingCounts:
        rows = self._cursor().execute(
            "SELECT kind, count(*) FROM sync_outbox WHERE state = 'waiting' GROUP BY kind"
        )
        by_kind: dict[str, int] = dict(rows)
        (rejected,) = (
            self._cursor()
            .execute("SELECT count(*) FROM sync_outbox WHERE state = 'rejected'")
            .fetchone()
        )
        return WaitingCounts(by_kind, rejected)

    def rejected(self, limit: int = 100) -> list[RejectedRecord]:
        """Records set aside (refused on their merits), oldest first."""
        return self._refused("state = 'rejected'", limit)

    def held(self, limit: int = 100) -> list[RejectedRecord]:
        """Records refused for a resendable reason: waiting, sent again by a later run."""
        return self._refused("state = 'waiting' AND reject_reason IS NOT NULL", limit)

    def _refused(self, where: str, limit: int) -> list[RejectedRecord]:
        rows = self._cursor().execute(
            "SELECT record_uuid, kind, device_time_utc, reject_reason, reject_detail,"
            f" reject_field FROM sync_outbox WHERE {where} ORDER BY seq LIMIT ?",
            (limit,),
        )
        return [
            RejectedRecord(uuid.UUID(r[0]), r[1], r[2], r[3] or "", r[4] or "", r[5] or "")
            for r in rows
        ]

    def requeue_rejected(self, record_ids: Sequence[uuid.UUID] = ()) -> int:
        """Put records set aside (all, or those named) back in the queue, in a new batch:
        after the head office or the record's cause was fixed."""
        only = [str(record_id) for record_id in record_ids]
        changed = 0
        for chunk in _chunks(only) if only else [()]:
            named = f" AND record_uuid IN ({', '.join('?' for _ in chunk)})" if chunk else ""
            changed += (
                self._cursor()
                .execute(
                    "UPDATE sync_outbox SET state = 'waiting', batch_uuid = NULL,"
                    " reject_reason = NULL, reject_detail = NULL, reject_field = NULL,"
                    f" held_in_run = NULL WHERE state = 'rejected'{named}",
                    tuple(chunk),
                )
                .rowcount
            )
        return changed

    # --- batches --------------------------------------------------------------------------
    def open_batch(self) -> OpenBatch | None:
        """The oldest batch assigned but not acknowledged: it must be sent again, as it is."""
        row = (
            self._cursor()
            .execute(
                "SELECT batch_uuid, record_count, attempts, last_error FROM sync_outbox_batch"
                " WHERE acknowledged_at_utc IS NULL ORDER BY created_at_utc, rowid LIMIT 1"
            )
            .fetchone()
        )
        return OpenBatch(SyncBatchId(uuid.UUID(row[0])), row[1], row[2], row[3]) if row else None

    def assign_batch(self, batch_id: SyncBatchId, limit: int, at: dt.datetime) -> int:
        """Give up to ``limit`` waiting records without a batch to ``batch_id``; how many."""
        cursor = self._cursor()
        seqs = [
            row[0]
            for row in cursor.execute(
                "SELECT seq FROM sync_outbox WHERE state = 'waiting' AND batch_uuid IS NULL"
                f" AND {_NOT_HELD} ORDER BY seq LIMIT ?",
                (limit,),
            )
        ]
        if not seqs:
            return 0
        cursor.execute(
            "UPDATE sync_outbox SET batch_uuid = ? WHERE seq BETWEEN ? AND ?"
            f" AND state = 'waiting' AND batch_uuid IS NULL AND {_NOT_HELD}",
            (str(batch_id), seqs[0], seqs[-1]),
        )
        cursor.execute(
            "INSERT INTO sync_outbox_batch (batch_uuid, created_at_utc, record_count)"
            " VALUES (?, ?, ?)",
            (str(batch_id), to_utc_text(at), len(seqs)),
        )
        return len(seqs)

    def batch_records(self, batch_id: SyncBatchId) -> list[QueuedRecord]:
        rows = self._cursor().execute(
            "SELECT record_uuid, kind, device_time_utc, payload_json FROM sync_outbox"
            " WHERE batch_uuid = ? ORDER BY seq",
            (str(batch_id),),
        )
        return [QueuedRecord(r[0], r[1], r[2], r[3]) for r in rows]

    def note_attempt(self, batch_id: SyncBatchId, at: dt.datetime, error: str) -> None:
        self._cursor().execute(
            "UPDATE sync_outbox_batch SET attempts = attempts + 1, last_attempt_at_utc = ?,"
            " last_error = ? WHERE batch_uuid = ?",
            (to_utc_text(at), error, str(batch_id)),
        )

    def acknowledge(self, ack: Acknowledgement, at: dt.datetime) -> None:
        """Mark what the head office stored as sent and what it refused as set aside."""
        cursor = self._cursor()
        batch = str(ack.batch_id)
        stored = [str(record_id) for record_id in (*ack.accepted, *ack.duplicates)]
        received, at_utc = to_utc_text(ack.received_at), to_utc_text(at)
        for chunk in _chunks(stored):
            marks = ", ".join("?" for _ in chunk)
            cursor.execute(
                "UPDATE sync_outbox SET state = 'sent', received_at_utc = ?, reject_reason = NULL,"
                " reject_detail = NULL, reject_field = NULL, held_in_run = NULL"  # a resend's
                f" WHERE batch_uuid = ? AND record_uuid IN ({marks})",
                (received, batch, *chunk),
            )
        cursor.executemany(
            "UPDATE sync_outbox SET state = CASE WHEN ? THEN 'waiting' ELSE 'rejected' END,"
            " batch_uuid = CASE WHEN ? THEN NULL ELSE batch_uuid END,"
            " held_in_run = (SELECT run_seq FROM sync_state WHERE id = 1),"
            " reject_reason = ?, reject_detail = ?, reject_field = ?"
            " WHERE batch_uuid = ? AND record_uuid = ?",
            [_refusal_row(rejection, batch) for rejection in ack.rejected],
        )
        cursor.execute(
            "UPDATE sync_outbox_batch SET attempts = attempts + 1, last_attempt_at_utc = ?,"
            " last_error = '', acknowledged_at_utc = ?, received_at_utc = ? WHERE batch_uuid = ?",
            (at_utc, at_utc, received, batch),
        )

    # --- the state row --------------------------------------------------------------------
    def state(self) -> SyncState:
        row = (
            self._cursor()
            .execute(
                "SELECT catalogue_cursor, backfill_pending, last_attempt_at_utc,"
                " last_success_at_utc, last_outcome, last_summary, run_started_at_utc"
                " FROM sync_state WHERE id = 1"
            )
            .fetchone()
        )
        return SyncState(row[0], bool(row[1]), row[2], row[3], row[4], row[5], row[6])

    def note_run_started(self, at: dt.datetime) -> None:
        """Committed before anything is sent: a start without an end is a run interrupted."""
        self._cursor().execute(
            "UPDATE sync_state SET run_seq = run_seq + 1, run_started_at_utc = ? WHERE id = 1",
            (to_utc_text(at),),
        )

    def set_cursor(self, cursor_value: int) -> None:
        self._cursor().execute(
            "UPDATE sync_state SET catalogue_cursor = ? WHERE id = 1", (cursor_value,)
        )

    def set_backfill_pending(self, pending: bool) -> None:
        self._cursor().execute(
            "UPDATE sync_state SET backfill_pending = ? WHERE id = 1", (int(pending),)
        )

    def note_run(self, at: dt.datetime, outcome: str, summary: str, *, success: bool) -> None:
        self._cursor().execute(
            "UPDATE sync_state SET last_attempt_at_utc = ?, last_outcome = ?, last_summary = ?,"
            " run_started_at_utc = NULL,"
            " last_success_at_utc = CASE WHEN ? THEN ? ELSE last_success_at_utc END WHERE id = 1",
            (to_utc_text(at), outcome, summary, int(success), to_utc_text(at)),
        )

    # --- re-provisioning ------------------------------------------------------------------
    def continue_numbers(
        self, hq_last: Mapping[str, int], *, raise_counters: bool = True
    ) -> list[NumberRaised]:
        """Raise each named counter to at least the head office's last serial (never lower
        one) and remember that serial, so no number at or below it is ever taken; with
        ``raise_counters=False`` only remember it (a sync run learning it)."""
        cursor = self._cursor()
        raised = []
        for name, last in sorted(hq_last.items()):
            row = cursor.execute("SELECT value FROM counter WHERE name = ?", (name,)).fetchone()
            before = int(row[0]) if row else 0
            cursor.execute(
                "INSERT INTO counter (name, value, hq_last) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value),"
                " hq_last = max(hq_last, excluded.hq_last)",
                (name, last if raise_counters else 0, last),
            )
            raised.append(NumberRaised(name, before, max(before, last if raise_counters else 0)))
        return raised
