"""Receiving a batch of records from a counter: idempotent, atomic, never overwriting.

Steps, all in one transaction (docs/SYNC.md, "Upload"):

1. a batch UUID seen before: answer with the stored acknowledgement and write
   nothing (a different terminal or different records under that UUID: 409);
2. each record is checked by its kind's handler (:mod:`hq.kinds`); refused
   records are reported and not stored;
3. the others are inserted unless their UUID is stored already; a stored UUID
   with the same content is a *duplicate*, with other content a *conflict*
   (reported, the stored record is never changed); a UUID stored by another
   terminal refuses the whole batch (403);
4. kinds' projections see the newly accepted records;
5. the batch and its acknowledgement are stored, and everything commits.

If anything fails before the commit — the server is killed, the database goes
away — none of the batch is stored, and the counter sends it again.  A batch
in which nothing was accepted writes no row at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from hq.kinds import KindRegistry
from hq.ports import HqUnitOfWork, StoredBatch, Terminal
from hq.sync import (
    BatchIdReusedError,
    ForeignRecordError,
    IncomingBatch,
    IncomingRecord,
    check_batch_shape,
)
from pos.clock import Clock
from pos.sync.wire import Acknowledgement, Rejection, RejectReason


def receive_batch(
    uow_factory: Callable[[], HqUnitOfWork],
    clock: Clock,
    registry: KindRegistry,
    terminal: Terminal,
    batch: IncomingBatch,
) -> Acknowledgement:
    """The batch's acknowledgement; ``replayed`` if it had been received before (nothing
    was written)."""
    check_batch_shape(batch, terminal.name)
    fingerprint = batch.fingerprint()
    with uow_factory() as uow:
        stored = uow.sync.stored_batch(batch.batch_id)
        if stored is not None:
            return _replay(stored, terminal, fingerprint, batch)
        ack, accepted = _store_records(uow, clock, registry, terminal, batch)
        if accepted:
            registry.project(uow, terminal.name, accepted)
            first = uow.sync.save_batch(
                terminal.terminal_id,
                batch.batch_id,
                ack.received_at,
                fingerprint,
                len(batch.records),
                ack.to_json(),
            )
            if not first:  # the same batch, delivered twice at once, was stored meanwhile
                uow.rollback()
                stored = uow.sync.stored_batch(batch.batch_id)
                assert stored is not None
                return _replay(stored, terminal, fingerprint, batch)
            uow.terminals.note_batch(terminal.terminal_id, ack.received_at)
            uow.commit()
    return ack


def _store_records(
    uow: HqUnitOfWork,
    clock: Clock,
    registry: KindRegistry,
    terminal: Terminal,
    batch: IncomingBatch,
) -> tuple[Acknowledgement, list[IncomingRecord]]:
    received_at = clock.now()
    rejected: dict[uuid.UUID, Rejection] = {}
    valid = []
    for record in batch.records:
        rejection = registry.check(record)
        if rejection is None:
            valid.append(record)
        else:
            rejected[record.record_id] = rejection
    inserted = uow.sync.insert_new_records(terminal.terminal_id, batch.batch_id, received_at, valid)
    seen = [record for record in valid if record.record_id not in inserted]
    owners = uow.sync.stored_owners([record.record_id for record in seen])
    foreign = [r.record_id for r in seen if owners[r.record_id][0] != terminal.terminal_id]
    if foreign:
        raise ForeignRecordError(
            f"record {foreign[0]} belongs to another terminal; a terminal can only send its "
            "own records (nothing of this batch was stored)",
            foreign,
        )
    duplicates = []
    for record in seen:
        if owners[record.record_id][1] == record.fingerprint():
            duplicates.append(record.record_id)
        else:
            detail = "stored earlier with different content; the stored record is kept"
            rejected[record.record_id] = Rejection(record.record_id, RejectReason.CONFLICT, detail)
    accepted = [record for record in batch.records if record.record_id in inserted]
    ack = Acknowledgement(
        batch_id=batch.batch_id,
        terminal=terminal.name,
        received_at=received_at,
        accepted=tuple(record.record_id for record in accepted),
        duplicates=tuple(duplicates),
        rejected=tuple(rejected[r.record_id] for r in batch.records if r.record_id in rejected),
    )
    return ack, accepted


def _replay(
    stored: StoredBatch, terminal: Terminal, fingerprint: str, batch: IncomingBatch
) -> Acknowledgement:
    if stored.terminal_id != terminal.terminal_id or stored.content_sha256 != fingerprint:
        raise BatchIdReusedError(
            f"batch {batch.batch_id} was received before with other records; "
            "a new batch needs a new batch_id (nothing was stored)"
        )
    return Acknowledgement.from_json(stored.ack, replayed=True)
