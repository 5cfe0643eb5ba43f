"""The outbox: queued on commit by both units of work, batched and acknowledged alike.

The records themselves are compared on the ``simulated`` pair: the same
trading days must leave the same records, byte for byte, in both outboxes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from typing import Any

from pos.audit import AuditAction, AuditEvent
from pos.clock import THAI_TIME
from pos.staff.domain.users import User
from pos.sync.domain.protocol import (
    OpenBatch,
    QueuedRecord,
    SyncState,
    WaitingCounts,
)
from pos.sync.ports import OutboxRepository
from pos.sync.wire import Acknowledgement, Rejection, RejectReason
from tests.contracts.conftest import Simulated, UowFactory
from tests.fakes.unit_of_work import FakeUnitOfWork

T0 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=THAI_TIME)


def _outbox(uow: Any) -> OutboxRepository:
    outbox: OutboxRepository = uow.outbox  # both units of work have one (a SyncUnitOfWork's)
    return outbox


def _event(minute: int, user_id: int | None = None) -> AuditEvent:
    return AuditEvent(
        AuditAction.DRAWER_OPENED,
        T0 + dt.timedelta(minutes=minute),
        user_id,
        reference=f"#{minute}",
        event_id=uuid.UUID(int=minute + 1),
    )


def _all_records(uow_factory: UowFactory) -> list[QueuedRecord]:
    """Every record queued, oldest first (read through a batch that is never committed)."""
    with uow_factory() as uow:
        batch = uuid.uuid4()
        _outbox(uow).assign_batch(batch, 1_000_000, T0)
        return _outbox(uow).batch_records(batch)


def _record_two(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.audit.record(_event(1))
        uow.audit.record(_event(2))
        uow.commit()


def test_what_is_stored_is_queued_on_commit_only(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.audit.record(_event(0))  # rolled back: never queued
    _record_two(uow_factory)
    with uow_factory() as uow:
        assert _outbox(uow).waiting() == WaitingCounts({"audit_event": 2}, 0)
    records = _all_records(uow_factory)
    assert [r.record_id for r in records] == [str(uuid.UUID(int=2)), str(uuid.UUID(int=3))]
    assert records[0].device_time_utc == "2026-11-24T02:01:00.000000Z"


def test_a_record_queued_twice_is_kept_once(uow_factory: UowFactory) -> None:
    from pos.sync.domain.records import audit_record

    _record_two(uow_factory)
    with uow_factory() as uow:
        _outbox(uow).queue([audit_record(_event(1), {}), audit_record(_event(9), {})])
        uow.commit()
    records = _all_records(uow_factory)
    assert len(records) == 3 and '"users":{}' in records[2].payload_json


def test_batches_are_sent_acknowledged_and_set_aside(uow_factory: UowFactory) -> None:
    _record_two(uow_factory)
    first, second = uuid.UUID(int=101), uuid.UUID(int=102)
    with uow_factory() as uow:
        outbox = _outbox(uow)
        assert outbox.open_batch() is None
        assert outbox.assign_batch(first, 1, T0) == 1
        assert outbox.assign_batch(second, 10, T0 + dt.timedelta(seconds=1)) == 1
        assert outbox.assign_batch(uuid.uuid4(), 10, T0) == 0
        outbox.note_attempt(first, T0, "timed out")
        uow.commit()
    with uow_factory() as uow:
        outbox = _outbox(uow)
        assert outbox.open_batch() == OpenBatch(first, 1, 1, "timed out")
        assert [r.record_id for r in outbox.batch_records(first)] == [str(uuid.UUID(int=2))]
        outbox.acknowledge(_ack(first, accepted=(uuid.UUID(int=2),)), T0)
        assert outbox.open_batch() == OpenBatch(second, 1, 0, "")
        refused = Rejection(uuid.UUID(int=3), "conflict", "another sale has that number")
        outbox.acknowledge(_ack(second, rejected=(refused,)), T0)
        uow.commit()
    with uow_factory() as uow:
        outbox = _outbox(uow)
        assert outbox.open_batch() is None
        assert outbox.waiting() == WaitingCounts({}, 1)
        (rejected,) = outbox.rejected()
        assert (rejected.record_id, rejected.kind, rejected.reason) == (
            uuid.UUID(int=3),
            "audit_event",
            "conflict",
        )
        assert rejected.detail == "another sale has that number"
        assert outbox.requeue_rejected() == 1
        assert outbox.waiting() == WaitingCounts({"audit_event": 1}, 0)
        assert outbox.rejected() == []


def test_a_refusal_keeps_its_field_and_a_resendable_one_waits_for_the_next_run(
    uow_factory: UowFactory,
) -> None:
    _record_two(uow_factory)
    batch = uuid.UUID(int=201)
    fault = Rejection(uuid.UUID(int=2), RejectReason.SERVER_FAULT, "deadlock", "")
    bad = Rejection(uuid.UUID(int=3), RejectReason.INVALID_PAYLOAD, "NUL", "lines[0].name_th")
    with uow_factory() as uow:
        outbox = _outbox(uow)
        outbox.note_run_started(T0)
        assert outbox.assign_batch(batch, 10, T0) == 2
        outbox.acknowledge(_ack(batch, rejected=(fault, bad)), T0)
        uow.commit()
    with uow_factory() as uow:
        outbox = _outbox(uow)
        (set_aside,) = outbox.rejected()
        assert (set_aside.reason, set_aside.field) == ("invalid_payload", "lines[0].name_th")
        (held,) = outbox.held()
        assert (held.record_id, held.reason, held.detail) == (
            uuid.UUID(int=2),
            "server_fault",
            "deadlock",
        )
        assert outbox.waiting() == WaitingCounts({"audit_event": 1}, 1)
        assert outbox.assign_batch(uuid.uuid4(), 10, T0) == 0  # not again in this run
        outbox.note_run(T0, "attention", "x", success=False)
        outbox.note_run_started(T0)  # the next run
        assert outbox.state().run_started_at_utc is not None
        again = uuid.UUID(int=202)
        assert outbox.assign_batch(again, 10, T0) == 1
        outbox.acknowledge(_ack(again, accepted=(uuid.UUID(int=2),)), T0)
        assert outbox.held() == [] and outbox.waiting() == WaitingCounts({}, 1)
        assert outbox.requeue_rejected([uuid.UUID(int=9)]) == 0  # only those named
        assert outbox.requeue_rejected([uuid.UUID(int=3)]) == 1
        uow.commit()


def _ack(
    batch: uuid.UUID,
    accepted: tuple[uuid.UUID, ...] = (),
    rejected: tuple[Rejection, ...] = (),
) -> Acknowledgement:
    return Acknowledgement(batch, "T1", T0, accepted, (), rejected)


def test_the_sync_state_row(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        outbox = _outbox(uow)
        assert outbox.state() == SyncState(0, False, None, None, "", "")
        assert outbox.unqueued_dates() == [] and outbox.unqueued_audit_span() is None
        outbox.set_cursor(42)
        outbox.set_backfill_pending(True)
        outbox.note_run(T0, "ok", "3 sent", success=True)
        outbox.note_run(T0 + dt.timedelta(minutes=5), "unreachable", "no route", success=False)
        uow.commit()
    with uow_factory() as uow:
        assert _outbox(uow).state() == SyncState(
            42,
            True,
            "2026-11-24T02:05:00.000000Z",
            "2026-11-24T02:00:00.000000Z",
            "unreachable",
            "no route",
        )


def test_records_name_every_user_even_inactive_ones(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        kept = uow.users.add(User(None, "สมหญิง", "cashier", "x"))
        gone = uow.users.add(User(None, "สมชาย", "cashier", "x", active=False))
        uow.commit()
    assert kept.user_id is not None and gone.user_id is not None
    with uow_factory() as uow:
        assert _outbox(uow).names() == {kept.user_id: "สมหญิง", gone.user_id: "สมชาย"}
        uow.audit.record(_event(3, gone.user_id))
        uow.commit()
    (record,) = _all_records(uow_factory)
    assert f'"users":{{"{gone.user_id}":"สมชาย"}}' in record.payload_json


def test_the_same_days_leave_the_same_records(simulated: Simulated) -> None:
    fake, sqlite = (_all_records(uow_factory) for uow_factory in simulated.both())
    kinds = {record.kind for record in sqlite}
    assert kinds == {"sale", "credit_note", "shift", "z_report", "audit_event"}
    assert len(fake) == len(sqlite)
    fake_ids: dict[str, int] = {}
    real_ids: dict[str, int] = {}
    for mine, real in zip(fake, sqlite, strict=True):
        if real.kind == "audit_event":  # an event's id is its dataclass default: uuid4 unseeded
            mine = dataclasses.replace(mine, record_id=real.record_id)
        assert _renumbered(mine, fake_ids) == _renumbered(real, real_ids)


def _renumbered(record: QueuedRecord, seen: dict[str, int]) -> QueuedRecord:
    """Tender ids (a dataclass default, not seeded) as the order they first appear in."""

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: seen.setdefault(v, len(seen)) if k == "tender_id" else walk(v)
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    payload = json.dumps(walk(json.loads(record.payload_json)), ensure_ascii=False)
    return dataclasses.replace(record, payload_json=payload)


def test_a_unit_test_reads_what_would_be_sent() -> None:
    fake = FakeUnitOfWork()
    _record_two(lambda: fake)
    assert [r.kind for r in fake.committed.outbox.records()] == ["audit_event", "audit_event"]
