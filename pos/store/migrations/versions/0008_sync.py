"""sync outbox: records to send to the head office, batches, sync state

Revision ID: 0008_sync
Revises: 0007_shifts
Create Date: 2026-11-24

The outbox holds every record the counter owns (sale, credit note, tax
invoice, closed shift, Z report, audit event) with its payload frozen as
JSON, written in the transaction that made the record; batches are assigned
and stored before sending; ``sync_state`` keeps the catalogue cursor and the
last run.  Triggers refuse any change to a queued record's identity or
payload, and any DELETE of outbox rows or batches.

A store upgraded with records in it gets ``backfill_pending = 1``: the sync
queues those records (built by the same code as new ones) before it sends
anything, in short transactions (:mod:`pos.sync.services.backfill`), so
nothing sold before the upgrade is left behind.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_sync"
down_revision: str | None = "0007_shifts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS = "('sale', 'credit_note', 'tax_invoice', 'shift', 'z_report', 'audit_event')"
_FROZEN = ("record_uuid", "kind", "device_time_utc", "payload_json")
_TRIGGERS = {
    "sync_outbox_frozen": f"""
        CREATE TRIGGER sync_outbox_frozen BEFORE UPDATE ON sync_outbox
        WHEN NOT ({" AND ".join(f"NEW.{c} IS OLD.{c}" for c in _FROZEN)})
        BEGIN SELECT RAISE(ABORT, 'a queued record cannot be changed'); END""",
    "sync_outbox_no_delete": """
        CREATE TRIGGER sync_outbox_no_delete BEFORE DELETE ON sync_outbox
        BEGIN SELECT RAISE(ABORT, 'sync_outbox rows cannot be deleted'); END""",
    "sync_outbox_batch_no_delete": """
        CREATE TRIGGER sync_outbox_batch_no_delete BEFORE DELETE ON sync_outbox_batch
        BEGIN SELECT RAISE(ABORT, 'sync_outbox_batch rows cannot be deleted'); END""",
}
# Anything a store from before the outbox holds that the head office should get.
_HAS_RECORDS = (
    "SELECT EXISTS (SELECT 1 FROM sale) OR EXISTS (SELECT 1 FROM credit_note)"
    " OR EXISTS (SELECT 1 FROM shift WHERE closed_at_utc IS NOT NULL)"
    " OR EXISTS (SELECT 1 FROM z_report) OR EXISTS (SELECT 1 FROM audit_event)"
)


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("device_time_utc", sa.String(length=32), nullable=False),
        sa.Column("payload_json", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=8), server_default="waiting", nullable=False),
        sa.Column("batch_uuid", sa.String(length=36), nullable=True),
        sa.Column("received_at_utc", sa.String(length=32), nullable=True),
        sa.Column("reject_reason", sa.String(length=32), nullable=True),
        sa.Column("reject_detail", sa.Text(), nullable=True),
        sa.CheckConstraint(f"kind IN {_KINDS}", name=op.f("ck_sync_outbox_known_kind")),
        sa.CheckConstraint(
            "state IN ('waiting', 'sent', 'rejected')", name=op.f("ck_sync_outbox_known_state")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("record_uuid", name=op.f("uq_sync_outbox_record_uuid")),
    )
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_outbox_batch_uuid"), ["batch_uuid"])
        batch_op.create_index(
            "ix_sync_outbox_rejected", ["seq"], sqlite_where=sa.text("state = 'rejected'")
        )
        batch_op.create_index(
            "ix_sync_outbox_waiting", ["seq"], sqlite_where=sa.text("state = 'waiting'")
        )
    op.create_table(
        "sync_outbox_batch",
        sa.Column("batch_uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at_utc", sa.String(length=32), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_attempt_at_utc", sa.String(length=32), nullable=True),
        sa.Column("last_error", sa.Text(), server_default="", nullable=False),
        sa.Column("acknowledged_at_utc", sa.String(length=32), nullable=True),
        sa.Column("received_at_utc", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("batch_uuid", name=op.f("pk_sync_outbox_batch")),
    )
    with op.batch_alter_table("sync_outbox_batch", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_outbox_batch_acknowledged_at_utc"), ["acknowledged_at_utc"]
        )
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("catalogue_cursor", sa.Integer(), server_default="0", nullable=False),
        sa.Column("backfill_pending", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("last_attempt_at_utc", sa.String(length=32), nullable=True),
        sa.Column("last_success_at_utc", sa.String(length=32), nullable=True),
        sa.Column("last_outcome", sa.String(length=16), server_default="", nullable=False),
        sa.Column("last_summary", sa.Text(), server_default="", nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_state_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.execute(f"INSERT INTO sync_state (id, backfill_pending) VALUES (1, ({_HAS_RECORDS}))")
    for sql in _TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("sync_state")
    with op.batch_alter_table("sync_outbox_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_outbox_batch_acknowledged_at_utc"))
    op.drop_table("sync_outbox_batch")
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_outbox_waiting", sqlite_where=sa.text("state = 'waiting'"))
        batch_op.drop_index("ix_sync_outbox_rejected", sqlite_where=sa.text("state = 'rejected'"))
        batch_op.drop_index(batch_op.f("ix_sync_outbox_batch_uuid"))
    op.drop_table("sync_outbox")
