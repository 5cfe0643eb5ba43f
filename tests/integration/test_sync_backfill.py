"""A store from before the outbox loses nothing: the upgrade marks it, the sync queues its past.

The store is made at the newest schema (so the till's services can run), its
outbox is recorded, then it is migrated down to ``0007_shifts`` (the outbox
tables go) and opened again: the migration marks it for a backfill, and the
first sync queues every record it holds — with payloads equal to those the
live path built when the records were made — before sending them.  Also: the
outbox commits with its record or not at all.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from pos.audit import AuditAction, AuditEvent
from pos.bootstrap import AppContext, open_context, sync_now
from pos.clock import SystemClock
from pos.store.database import DATABASE_FILENAME, MIGRATIONS_DIR, raw_connection
from pos.sync.services.sync_run import SyncOutcome
from tests.fakes.head_office import FakeHeadOffice
from tests.sync_helpers import (
    counter_totals,
    outbox_rows,
    owned_record_ids,
    payload_totals,
    simulated_counter,
)

_APPROVAL = ("approved_by_user_id", "approved_at", "users")  # may change after a shift's close


def _comparable(kind: str, payload_json: str) -> dict[str, object]:
    payload: dict[str, object] = json.loads(payload_json)
    if kind == "shift":  # queued at its close; a manager may approve its difference later
        for key in _APPROVAL:
            payload.pop(key, None)
    return payload


def test_an_upgraded_store_queues_everything_it_held_as_the_live_path_would(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "store"
    context, _ = simulated_counter(data_dir, days=2, sales_per_day=20, seed=4)
    live = {r["record_uuid"]: (r["kind"], r["payload_json"]) for r in outbox_rows(data_dir)}
    assert context.engine is not None
    with context.engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.downgrade(config, "0007_shifts")
    context.close()
    with raw_connection(data_dir / DATABASE_FILENAME) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    assert "sync_outbox" not in tables

    upgraded = open_context(data_dir)
    try:
        assert upgraded.migration is not None
        assert upgraded.migration.from_revision == "0007_shifts"
        with upgraded.reader()() as uow:
            assert uow.outbox.state().backfill_pending  # type: ignore[attr-defined]
        assert outbox_rows(data_dir) == []
        office = FakeHeadOffice()
        report = sync_now(upgraded, head_office=office)
        assert report.outcome is SyncOutcome.DONE, report.summary()
        assert report.backfilled >= len(live)
        rows = outbox_rows(data_dir)
        assert {r["record_uuid"] for r in rows} == set(live)
        for row in rows:
            kind, payload = live[row["record_uuid"]]
            assert row["kind"] == kind
            assert _comparable(kind, row["payload_json"]) == _comparable(kind, payload), kind
        owned = owned_record_ids(data_dir)
        assert {r.record_id for r in office.records.values()} == set().union(*owned.values())
        assert payload_totals(office.payloads("sale")) == counter_totals(data_dir)
        with upgraded.reader()() as uow:
            assert not uow.outbox.state().backfill_pending  # type: ignore[attr-defined]
    finally:
        upgraded.close()


def test_a_record_and_its_queued_copy_commit_together_or_not_at_all(
    empty_context: AppContext,
) -> None:
    assert empty_context.data_dir is not None
    event = AuditEvent(
        AuditAction.DRAWER_OPENED, SystemClock().now(), None, detail={"reason": "ทอนเงิน"}
    )
    with empty_context.uow_factory() as uow:
        uow.audit.record(event)
        uow.rollback()  # the record is not kept: neither is its copy
    assert str(event.event_id) not in {
        r["record_uuid"] for r in outbox_rows(empty_context.data_dir)
    }
    with empty_context.uow_factory() as uow:
        uow.audit.record(event)
        uow.commit()
    (row,) = [
        r for r in outbox_rows(empty_context.data_dir) if r["record_uuid"] == str(event.event_id)
    ]
    assert row["kind"] == "audit_event" and json.loads(row["payload_json"])["detail"] == {
        "reason": "ทอนเงิน"
    }


def test_a_queued_record_can_never_be_changed_or_deleted(empty_context: AppContext) -> None:
    assert empty_context.data_dir is not None
    with empty_context.uow_factory() as uow:
        uow.audit.record(AuditEvent(AuditAction.LOGIN, SystemClock().now(), None))
        uow.commit()
    path = empty_context.data_dir / DATABASE_FILENAME
    with raw_connection(path) as connection:
        for sql in (
            "UPDATE sync_outbox SET payload_json = '{}'",
            "UPDATE sync_outbox SET record_uuid = '" + str(uuid.uuid4()) + "'",
            "DELETE FROM sync_outbox",
        ):
            with pytest.raises(sqlite3.IntegrityError):
                connection.execute(sql)
        connection.execute("UPDATE sync_outbox SET state = 'sent'")  # marking is allowed
