"""Receiving a batch of records from a counter: idempotent, never overwriting, one record
refused alone.

Steps, all in one transaction (docs/SYNC.md, "Upload"):

1. a batch UUID seen before: answer with the stored acknowledgement and write
   nothing (a different terminal or different records under that UUID: 409);
2. each record is checked on its own — its envelope, its kind's payload, that
   PostgreSQL can store it, that it is the sender's (:mod:`hq.kinds`) — and
   then whether its number is one the terminal used for another record
   (:mod:`hq.reuse`); refused records are reported, with the field, and not stored;
3. the others go in together, inside a savepoint, with their kinds'
   projections; a record whose UUID is stored already is a *duplicate* (the
   same content), a *conflict* (other content; the stored one is kept) or,
   stored by another terminal, ``id_reused``;
4. if anything fails inside that savepoint, it is undone and the records go in
   again one by one, each in its own savepoint: the one that fails is refused
   alone (``number_reused`` if a race made it so, ``id_reused`` for a sale line's
   or tender's id another record has, otherwise ``server_fault``, which the
   counter sends again later) and the others are stored;
5. the batch and its acknowledgement are stored, and everything commits.

If the database itself goes away (:class:`hq.sync.HeadOfficeUnavailableError`)
or the server is killed before the commit, none of the batch is stored, and the
counter sends it again.  A batch in which nothing was accepted writes no row.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from hq.kinds import KindRegistry
from hq.ports import HqUnitOfWork, StoredBatch, Terminal
from hq.reuse import refuse_reused, wanted
from hq.sync import (
    BatchIdReusedError,
    HeadOfficeUnavailableError,
    IncomingBatch,
    IncomingRecord,
    check_batch_shape,
)
from pos.clock import Clock
from pos.ids import SyncBatchId
from pos.sync.wire import Acknowledgement, Rejection, RejectReason


@dataclass
class _Outcome:
    accepted: set[uuid.UUID] = field(default_factory=set)
    duplicates: set[uuid.UUID] = field(default_factory=set)
    rejected: dict[uuid.UUID, Rejection] = field(default_factory=dict)

    def acknowledgement(
        self, batch: IncomingBatch, terminal: str, received_at: dt.datetime
    ) -> Acknowledgement:
        ids = [record.record_id for record in batch.records]
        return Acknowledgement(
            batch_id=batch.batch_id,
            terminal=terminal,
            received_at=received_at,
            accepted=tuple(i for i in ids if i in self.accepted),
            duplicates=tuple(i for i in ids if i in self.duplicates),
            rejected=tuple(self.rejected[i] for i in ids if i in self.rejected),
        )


@dataclass(frozen=True)
class _Receiving:
    uow: HqUnitOfWork
    registry: KindRegistry
    terminal: Terminal
    batch_id: SyncBatchId
    received_at: dt.datetime


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
        receiving = _Receiving(uow, registry, terminal, batch.batch_id, clock.now())
        ack = _receive(receiving, batch)
        if ack.accepted:
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


def _receive(receiving: _Receiving, batch: IncomingBatch) -> Acknowledgement:
    outcome = _Outcome()
    valid = []
    for record in batch.records:
        rejection = receiving.registry.check(record)
        if rejection is None:
            valid.append(record)
        else:
            outcome.rejected[record.record_id] = rejection
    candidates = _not_reused(receiving, valid, outcome)
    refused = dict(outcome.rejected)
    try:
        with receiving.uow.attempt():
            _store(receiving, candidates, outcome)
    except HeadOfficeUnavailableError:
        raise
    except Exception:  # one of them cannot be stored: find it, store the others
        outcome = _Outcome(rejected=refused)
        for record in candidates:
            _store_alone(receiving, record, outcome)
    return outcome.acknowledgement(batch, receiving.terminal.name, receiving.received_at)


def _not_reused(
    receiving: _Receiving,
    records: Sequence[IncomingRecord],
    outcome: _Outcome,
    *,
    ids: bool = False,
) -> list[IncomingRecord]:
    """The records claiming no number another record of the terminal holds (and, ``ids``, no
    line or tender id another record holds); the others refused.  A batch asks for numbers
    only: a repeated number is what a replaced counter sends, a repeated id is a bug or an
    attack, which the unique indexes find and :func:`_why_not_stored` then names."""
    asked = wanted(records, ids=ids)
    taken = receiving.uow.numbers.taken(receiving.terminal.terminal_id, asked)
    refused = refuse_reused(records, taken, ids=ids)
    outcome.rejected.update(refused)
    return [record for record in records if record.record_id not in refused]


def _store(receiving: _Receiving, records: Sequence[IncomingRecord], outcome: _Outcome) -> None:
    """Insert the new ones and project them; sort out the ones whose UUID was stored."""
    uow = receiving.uow
    inserted = uow.sync.insert_new_records(
        receiving.terminal.terminal_id, receiving.batch_id, receiving.received_at, records
    )
    new = [record for record in records if record.record_id in inserted]
    receiving.registry.project(uow, receiving.terminal.name, new)
    outcome.accepted.update(inserted)
    _sort_out_stored(receiving, [r for r in records if r.record_id not in inserted], outcome)


def _store_alone(receiving: _Receiving, record: IncomingRecord, outcome: _Outcome) -> None:
    try:
        with receiving.uow.attempt():
            _store(receiving, [record], outcome)
    except HeadOfficeUnavailableError:
        raise
    except Exception as error:
        outcome.rejected[record.record_id] = _why_not_stored(receiving, record, error)


def _why_not_stored(receiving: _Receiving, record: IncomingRecord, error: Exception) -> Rejection:
    """A number or id taken meanwhile (another batch committed it first), or a fault."""
    reused = _Outcome()
    if not _not_reused(receiving, [record], reused, ids=True):
        return reused.rejected[record.record_id]
    detail = (
        f"the head office could not store this record ({type(error).__name__}); nothing is"
        " wrong with it that the head office knows of: it is sent again in a later run"
    )
    return Rejection(record.record_id, RejectReason.SERVER_FAULT, detail)


def _sort_out_stored(
    receiving: _Receiving, records: Sequence[IncomingRecord], outcome: _Outcome
) -> None:
    """Records whose UUID is stored: duplicates, conflicts, or another terminal's."""
    owners = receiving.uow.sync.stored_owners([record.record_id for record in records])
    for record in records:
        owner, digest = owners[record.record_id]
        if owner != receiving.terminal.terminal_id:
            detail = "this record id is another terminal's record; an id is never reused"
            outcome.rejected[record.record_id] = Rejection(
                record.record_id, RejectReason.ID_REUSED, detail, "record_id"
            )
        elif digest == record.fingerprint():
            outcome.duplicates.add(record.record_id)
        else:
            detail = "stored earlier with different content; the stored record is kept"
            outcome.rejected[record.record_id] = Rejection(
                record.record_id, RejectReason.CONFLICT, detail
            )


def _replay(
    stored: StoredBatch, terminal: Terminal, fingerprint: str, batch: IncomingBatch
) -> Acknowledgement:
    if stored.terminal_id != terminal.terminal_id or stored.content_sha256 != fingerprint:
        raise BatchIdReusedError(
            f"batch {batch.batch_id} was received before with other records; "
            "a new batch needs a new batch_id (nothing was stored)"
        )
    return Acknowledgement.from_json(stored.ack, replayed=True)
