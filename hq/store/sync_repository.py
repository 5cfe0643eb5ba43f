"""Terminals and what they send, on PostgreSQL.

Records go in with ``INSERT … ON CONFLICT (record_id) DO NOTHING RETURNING``:
the primary key decides, inside the database, which records are new — also
when two deliveries of the same records race (the second waits for the first
to commit, then finds its rows there).  Nothing here updates or deletes a
record or a batch; the tables refuse it anyway (append-only triggers).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from typing import cast

from sqlalchemy import Table, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from hq.ports import Staff, StoredBatch, Terminal
from hq.store.models import StaffRow, SyncBatchRow, SyncRecordRow, TerminalRow
from hq.sync import IncomingRecord
from pos.ids import SyncBatchId, TerminalKey
from pos.sync.wire import AcknowledgementJson

_record = cast(Table, SyncRecordRow.__table__)
_batch = cast(Table, SyncBatchRow.__table__)
_terminal = cast(Table, TerminalRow.__table__)
_staff = cast(Table, StaffRow.__table__)
# One statement per batch, its rows as one JSON array that PostgreSQL takes apart: a
# 500-record VALUES list is 4,000 parameters for SQLAlchemy to compile on every batch, and
# psycopg escapes text arrays character by character.
_INSERT_RECORDS = text("""
    INSERT INTO sync_record (record_id, terminal_id, batch_id, kind, device_time, received_at,
                             content_sha256, payload)
    SELECT r.id, :terminal, :batch, r.kind, r.at, :received, r.digest, r.payload
    FROM jsonb_to_recordset(CAST(:rows AS jsonb))
         AS r(id uuid, kind text, at timestamptz, digest text, payload jsonb)
    ON CONFLICT (record_id) DO NOTHING
    RETURNING record_id""")


def _terminal_from_row(row: TerminalRow) -> Terminal:
    return Terminal(
        TerminalKey(row.id), row.name, row.created_at, row.revoked_at, row.last_batch_at
    )


class SqlTerminalRepository:
    def __init__(self, session: Session):
        self._session = session

    def all(self) -> list[Terminal]:
        rows = self._session.scalars(select(TerminalRow).order_by(TerminalRow.name))
        return [_terminal_from_row(row) for row in rows]

    def by_name(self, name: str) -> Terminal | None:
        row = self._session.scalars(select(TerminalRow).where(TerminalRow.name == name)).first()
        return _terminal_from_row(row) if row is not None else None

    def by_token_digest(self, digest: str) -> Terminal | None:
        row = self._session.scalars(
            select(TerminalRow).where(TerminalRow.token_sha256 == digest)
        ).first()
        return _terminal_from_row(row) if row is not None else None

    def add(self, name: str, token_digest: str, at: dt.datetime) -> Terminal:
        row = TerminalRow(name=name, token_sha256=token_digest, created_at=at)
        self._session.add(row)
        self._session.flush()
        return _terminal_from_row(row)

    def replace_token(self, name: str, token_digest: str) -> None:
        self._session.execute(
            update(_terminal)
            .where(_terminal.c.name == name)
            .values(token_sha256=token_digest, revoked_at=None)
        )

    def revoke(self, name: str, at: dt.datetime) -> None:
        self._session.execute(
            update(_terminal)
            .where(_terminal.c.name == name, _terminal.c.revoked_at.is_(None))
            .values(revoked_at=at)
        )

    def note_batch(self, terminal_id: TerminalKey, at: dt.datetime) -> None:
        self._session.execute(
            update(_terminal).where(_terminal.c.id == terminal_id).values(last_batch_at=at)
        )


class SqlStaffRepository:
    def __init__(self, session: Session):
        self._session = session

    def set_token(self, name: str, token_digest: str, at: dt.datetime) -> None:
        statement = pg_insert(_staff).values(name=name, token_sha256=token_digest, created_at=at)
        self._session.execute(
            statement.on_conflict_do_update(
                index_elements=["name"], set_={"token_sha256": token_digest, "revoked_at": None}
            )
        )

    def revoke(self, name: str, at: dt.datetime) -> bool:
        changed = self._session.execute(
            update(_staff)
            .where(_staff.c.name == name, _staff.c.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        return bool(changed.rowcount)  # type: ignore[attr-defined]

    def by_token_digest(self, digest: str) -> Staff | None:
        row = self._session.execute(
            select(_staff.c.name, _staff.c.created_at, _staff.c.revoked_at).where(
                _staff.c.token_sha256 == digest
            )
        ).first()
        return Staff(row.name, row.created_at, row.revoked_at) if row else None


class SqlSyncRepository:
    def __init__(self, session: Session):
        self._session = session

    def stored_batch(self, batch_id: SyncBatchId) -> StoredBatch | None:
        row = self._session.execute(
            select(_batch.c.terminal_id, _batch.c.content_sha256, _batch.c.ack).where(
                _batch.c.batch_id == batch_id
            )
        ).first()
        return (
            StoredBatch(TerminalKey(row.terminal_id), row.content_sha256, row.ack) if row else None
        )

    def insert_new_records(
        self,
        terminal_id: TerminalKey,
        batch_id: SyncBatchId,
        received_at: dt.datetime,
        records: Sequence[IncomingRecord],
    ) -> set[uuid.UUID]:
        if not records:
            return set()
        rows = ",".join(
            f'{{"id":"{r.record_id}","kind":{json.dumps(r.kind)},'
            f'"at":"{r.device_time.isoformat()}","digest":"{r.fingerprint()}",'
            f'"payload":{r.payload_json}}}'
            for r in records
        )
        parameters = {
            "terminal": terminal_id,
            "batch": batch_id,
            "received": received_at,
            "rows": f"[{rows}]",
        }
        return set(self._session.execute(_INSERT_RECORDS, parameters).scalars())

    def stored_owners(
        self, record_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[TerminalKey, str]]:
        if not record_ids:
            return {}
        rows = self._session.execute(
            select(_record.c.record_id, _record.c.terminal_id, _record.c.content_sha256).where(
                _record.c.record_id.in_(record_ids)
            )
        )
        return {row.record_id: (TerminalKey(row.terminal_id), row.content_sha256) for row in rows}

    def save_batch(
        self,
        terminal_id: TerminalKey,
        batch_id: SyncBatchId,
        received_at: dt.datetime,
        content_sha256: str,
        record_count: int,
        ack: AcknowledgementJson,
    ) -> bool:
        statement = (
            pg_insert(_batch)
            .values(
                batch_id=batch_id,
                terminal_id=terminal_id,
                received_at=received_at,
                content_sha256=content_sha256,
                record_count=record_count,
                ack=ack,
            )
            .on_conflict_do_nothing(index_elements=["batch_id"])
            .returning(_batch.c.batch_id)
        )
        return self._session.execute(statement).first() is not None
