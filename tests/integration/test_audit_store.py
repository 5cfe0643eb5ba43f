"""The audit trail on SQLite: recorded in the unit of work, read back, never changed."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from pos.audit import AuditAction, AuditEvent
from pos.bootstrap import AppContext
from pos.clock import THAI_TIME
from pos.store.database import DATABASE_FILENAME, raw_connection


def test_events_round_trip_and_cannot_be_changed(demo_context: AppContext) -> None:
    at = dt.datetime(2026, 11, 24, 23, 59, 59, 999999, tzinfo=THAI_TIME)
    event = AuditEvent(
        AuditAction.LINE_DISCOUNT,
        at,
        user_id=1,
        approved_by_user_id=2,
        reference="TX-SILK-0001",
        detail={"percent": "15", "note": "ลูกค้าประจำ"},
    )
    with demo_context.uow_factory() as uow:
        uow.audit.record(event)
        uow.commit()
    with demo_context.uow_factory() as uow:
        found = uow.audit.between(at, at + dt.timedelta(microseconds=1))
        assert found == [event]
        assert uow.audit.between(at - dt.timedelta(days=1), at) == []
    assert demo_context.data_dir is not None
    with raw_connection(demo_context.data_dir / DATABASE_FILENAME) as connection:
        with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
            connection.execute("UPDATE audit_event SET user_id = 2")
        with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
            connection.execute("DELETE FROM audit_event")


def test_an_event_not_committed_is_not_kept(demo_context: AppContext) -> None:
    at = dt.datetime(2026, 11, 24, 10, 0, tzinfo=THAI_TIME)
    with demo_context.uow_factory() as uow:
        uow.audit.record(AuditEvent(AuditAction.DRAWER_OPENED, at, user_id=1))
    with demo_context.uow_factory() as uow:
        assert uow.audit.between(at, at + dt.timedelta(hours=1)) == []
