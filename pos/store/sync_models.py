"""SQLAlchemy models of the sync outbox, its batches and the sync state (``0008_sync``).

* ``sync_outbox``: every record the counter owns, written in the transaction
  that made it (:mod:`pos.store.outbox_repository`), payload frozen as JSON.
  ``seq`` orders sending; ``state`` is ``waiting`` until the head office
  acknowledged it (``sent``, with the server's ``received_at``) or refused it
  on its merits (``rejected``, set aside for a manager with the reason).  A
  trigger refuses any change to what is sent and any DELETE.
* ``sync_outbox_batch``: a batch id and the rows assigned to it, stored
  *before* sending, so a retry resends exactly the same batch.
* ``sync_state``: one row — the catalogue cursor (moved in the transaction
  that applies a page), the last run and the last success, and whether
  records from before the outbox still wait to be queued.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from pos.store.models import Base

KINDS_SQL = "('sale', 'credit_note', 'tax_invoice', 'shift', 'z_report', 'audit_event')"


class OutboxRow(Base):
    __tablename__ = "sync_outbox"
    __table_args__ = (
        CheckConstraint(f"kind IN {KINDS_SQL}", name="known_kind"),
        CheckConstraint("state IN ('waiting', 'sent', 'rejected')", name="known_state"),
        Index("ix_sync_outbox_waiting", "seq", sqlite_where=text("state = 'waiting'")),
        Index("ix_sync_outbox_rejected", "seq", sqlite_where=text("state = 'rejected'")),
    )

    seq: Mapped[int] = mapped_column(primary_key=True)
    record_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    device_time_utc: Mapped[str] = mapped_column(String(32))
    payload_json: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(8), server_default="waiting")
    batch_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    received_at_utc: Mapped[str | None] = mapped_column(String(32))
    reject_reason: Mapped[str | None] = mapped_column(String(32))
    reject_detail: Mapped[str | None] = mapped_column(Text)
    reject_field: Mapped[str | None] = mapped_column(Text)  # 0009: the field HQ named
    held_in_run: Mapped[int | None] = mapped_column()  # 0009: resendable, not in this run


class OutboxBatchRow(Base):
    __tablename__ = "sync_outbox_batch"

    batch_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at_utc: Mapped[str] = mapped_column(String(32))
    record_count: Mapped[int] = mapped_column()
    attempts: Mapped[int] = mapped_column(server_default="0")
    last_attempt_at_utc: Mapped[str | None] = mapped_column(String(32))
    last_error: Mapped[str] = mapped_column(Text, server_default="")
    acknowledged_at_utc: Mapped[str | None] = mapped_column(String(32), index=True)
    received_at_utc: Mapped[str | None] = mapped_column(String(32))


class SyncStateRow(Base):
    __tablename__ = "sync_state"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    catalogue_cursor: Mapped[int] = mapped_column(server_default="0")
    backfill_pending: Mapped[bool] = mapped_column(server_default="0")
    last_attempt_at_utc: Mapped[str | None] = mapped_column(String(32))
    last_success_at_utc: Mapped[str | None] = mapped_column(String(32))
    last_outcome: Mapped[str] = mapped_column(String(16), server_default="")
    last_summary: Mapped[str] = mapped_column(Text, server_default="")
    run_seq: Mapped[int] = mapped_column(server_default="0")  # 0009: bumped as a run starts
    run_started_at_utc: Mapped[str | None] = mapped_column(String(32))  # None: none running
