"""SQLAlchemy 2 typed models of the head office's PostgreSQL database.

The schema is owned by the migrations in ``hq/store/migrations`` (a test checks
that these models describe exactly what they build).  The catalogue tables
mirror the counter's (``pos/store/models.py``) so the same import rules apply;
money is BIGINT satang, quantities BIGINT thousandths.

* ``sync_record``: every record a counter sent (sale, credit note, shift,
  Z report, audit event), keyed by the counter's UUID, payload as JSONB.
* ``sync_batch``: each batch received, with the acknowledgement that was sent
  back, so a second delivery gets the same answer and writes nothing.
* ``catalogue_change``: the change feed counters download by cursor.
* ``terminal``: counters allowed to sync, with a SHA-256 of their token.

``sync_record``, ``sync_batch`` and ``audit_event`` are append-only: triggers
refuse UPDATE and DELETE (see the migration).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
Timestamp = DateTime(timezone=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# --- the catalogue (owned by the head office) -------------------------------------------------
class ProducerGroupRow(Base):
    __tablename__ = "producer_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_th: Mapped[str] = mapped_column(String(200), unique=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    vat_registered: Mapped[bool] = mapped_column(default=False)
    tax_id: Mapped[str | None] = mapped_column(String(13))
    branch: Mapped[str | None] = mapped_column(String(5))


class ProductRow(Base):
    __tablename__ = "product"
    __table_args__ = (
        CheckConstraint("unit_price_satang >= 0", name="price_not_negative"),
        CheckConstraint("otop_stars BETWEEN 0 AND 5", name="stars_0_to_5"),
        CheckConstraint(
            "category IN ('food', 'beverage', 'textile', 'household', 'herbal')",
            name="known_category",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(14), unique=True)
    plu: Mapped[int | None] = mapped_column(unique=True)
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(16))
    producer_id: Mapped[int] = mapped_column(ForeignKey("producer_group.id"), index=True)
    unit_price_satang: Mapped[int] = mapped_column(BigInteger)
    unit: Mapped[str] = mapped_column(String(16))
    sold_by_weight: Mapped[bool] = mapped_column(default=False)
    vat_applicable: Mapped[bool] = mapped_column(default=True)
    otop_stars: Mapped[int] = mapped_column(default=0)
    stock_milli: Mapped[int] = mapped_column(BigInteger, default=0)


class UserRow(Base):
    """Staff who work the tills; the PIN is only ever stored as an Argon2id hash."""

    __tablename__ = "app_user"
    __table_args__ = (CheckConstraint("role IN ('cashier', 'manager')", name="known_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)


class SettingRow(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)


class CounterRow(Base):
    """Named counters (in-store code serials), bumped inside transactions."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class CatalogueChangeRow(Base):
    """One change of the catalogue: the entity's full new state, numbered by ``seq``.

    ``seq`` comes from the sequence ``catalogue_change_seq`` and is only drawn
    while holding the feed lock (:mod:`hq.store.feed_repository`), so it grows
    in commit order.
    """

    __tablename__ = "catalogue_change"
    __table_args__ = (
        CheckConstraint("entity IN ('producer', 'product', 'user')", name="known_entity"),
    )

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(200))
    data: Mapped[dict[str, Any]] = mapped_column(JSONB)
    changed_at: Mapped[dt.datetime] = mapped_column(Timestamp)


class AuditEventRow(Base):
    """What head-office staff did (terminals added or revoked, catalogue imports)."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_uuid: Mapped[uuid.UUID] = mapped_column(UUID, unique=True)
    at: Mapped[dt.datetime] = mapped_column(Timestamp, index=True)
    action: Mapped[str] = mapped_column(String(32), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    approved_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reference: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)


# --- terminals and what they send ------------------------------------------------------------
class TerminalRow(Base):
    """A counter allowed to sync.  Only a SHA-256 of its token is kept (see :mod:`hq.tokens`)."""

    __tablename__ = "terminal"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    last_batch_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)


class StaffRow(Base):
    """Head-office staff who read the reports over the API; only a SHA-256 of the token."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)


class AuthLockoutRow(Base):
    """Failed bearer tokens per source address (hq_0005): the PIN lock-out policy's memory.

    ``failures`` are the times of the failures that still count; ``locked_until``
    stays after the lock has passed (a quick repeat locks longer).  The audit
    trail has each failure; this is not audit data, so it is updated and deleted.
    """

    __tablename__ = "auth_lockout"
    __table_args__ = (CheckConstraint("locks >= 0", name="locks_not_negative"),)

    subject: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[list[dt.datetime]] = mapped_column(ARRAY(Timestamp), default=list)
    locked_until: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    locks: Mapped[int] = mapped_column(default=0)


class SyncBatchRow(Base):
    """A batch as received, and the acknowledgement sent back (replayed on a second delivery)."""

    __tablename__ = "sync_batch"

    batch_id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminal.id"), index=True)
    received_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    content_sha256: Mapped[str] = mapped_column(String(64))
    record_count: Mapped[int] = mapped_column(Integer)
    ack: Mapped[dict[str, Any]] = mapped_column(JSONB)


class SyncRecordRow(Base):
    """A record a counter sent: the validated envelope, and the payload as sent."""

    __tablename__ = "sync_record"
    __table_args__ = (
        Index("ix_sync_record_terminal_kind_device_time", "terminal_id", "kind", "device_time"),
    )

    record_id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminal.id"))
    # deferred: a batch's records are written before its row (which holds the acknowledgement)
    batch_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sync_batch.batch_id", deferrable=True, initially="DEFERRED"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    device_time: Mapped[dt.datetime] = mapped_column(Timestamp)
    received_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    content_sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)


# The counters' records as typed rows, for the reports (hq_0002_reports).
from hq.store import report_models as report_models  # noqa: E402
