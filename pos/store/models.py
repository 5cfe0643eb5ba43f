"""SQLAlchemy 2 typed models of the counter's SQLite store.

The schema is owned by the Alembic migrations in ``pos/store/migrations``; these
models must describe the same tables (a test compares them).  Money columns are
INTEGER satang, quantities INTEGER thousandths, flags INTEGER 0/1, and CHECK
constraints keep bad values out even when something bypasses the domain code.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


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
    plu: Mapped[int | None] = mapped_column(unique=True)  # scale PLU of a weighed item's code
    name_th: Mapped[str] = mapped_column(String(200), index=True)
    # English names compare case-insensitively, so the index serves "si…" → "Silk"
    name_en: Mapped[str] = mapped_column(String(200, collation="NOCASE"), default="", index=True)
    category: Mapped[str] = mapped_column(String(16))
    producer_id: Mapped[int] = mapped_column(ForeignKey("producer_group.id"), index=True)
    unit_price_satang: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(16))
    sold_by_weight: Mapped[bool] = mapped_column(default=False)
    vat_applicable: Mapped[bool] = mapped_column(default=True)
    otop_stars: Mapped[int] = mapped_column(default=0)
    stock_milli: Mapped[int] = mapped_column(default=0)


class UserRow(Base):
    """A person who works the till; the PIN is only ever stored as an Argon2id hash."""

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
    """Named counters (in-store code serials, document numbers), bumped inside transactions."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)
    # 0009: the head office's last serial of this sequence, when known; never taken again
    hq_last: Mapped[int] = mapped_column(server_default="0")


class AuditEventRow(Base):
    """Append-only audit trail (see :mod:`pos.audit`); times are stored in UTC ISO-8601."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    at_utc: Mapped[str] = mapped_column(String(32), index=True)
    action: Mapped[str] = mapped_column(String(32), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    approved_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reference: Mapped[str | None] = mapped_column(String(64))
    detail_json: Mapped[str] = mapped_column(Text, default="{}")


class PinLockoutRow(Base):
    """Wrong PINs per subject (``user:7``), shared by the app and the command line (0011).

    ``failures_json`` is a JSON list of UTC times of the wrong tries that still
    count; ``locked_until_utc`` stays after the lock passed (a quick repeat locks longer).
    Not audit data: the audit trail has each failure; this is only the policy's memory.
    """

    __tablename__ = "pin_lockout"
    __table_args__ = (CheckConstraint("locks >= 0", name="locks_not_negative"),)

    subject: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures_json: Mapped[str] = mapped_column(Text, default="[]")
    locked_until_utc: Mapped[str | None] = mapped_column(String(32))
    locks: Mapped[int] = mapped_column(default=0)


class PrintJobRow(Base):
    """The durable print queue (:mod:`pos.printing.domain.print_queue`); times are UTC text."""

    __tablename__ = "print_job"
    __table_args__ = (
        CheckConstraint(
            "state IN ('pending', 'printed', 'failed', 'cancelled')", name="known_state"
        ),
        CheckConstraint("printer IN ('receipt', 'label')", name="known_printer"),
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
        Index("ix_print_job_due", "state", "printer", "next_attempt_at_utc"),
        Index("ix_print_job_document", "document_kind", "reference"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_kind: Mapped[str] = mapped_column(String(32))
    reference: Mapped[str] = mapped_column(String(64))
    printer: Mapped[str] = mapped_column(String(16))
    is_copy: Mapped[bool] = mapped_column(default=False)
    open_drawer: Mapped[bool] = mapped_column(default=False)
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at_utc: Mapped[str] = mapped_column(String(32))
    next_attempt_at_utc: Mapped[str] = mapped_column(String(32))
    printed_at_utc: Mapped[str | None] = mapped_column(String(32))
    # 0010: when the sale's drawer kick reached the printer (its own step, once per sale)
    drawer_kicked_at_utc: Mapped[str | None] = mapped_column(String(32))


# --- the till's open and held carts (issue 3, migration 0004_till_session) -----------------------


class TillCartRow(Base):
    """A cart saved after every change (the open one) or parked (held)."""

    __tablename__ = "till_cart"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'held')", name="known_status"),
        CheckConstraint(
            "order_discount_kind IS NULL OR order_discount_kind IN ('amount', 'percent')",
            name="known_discount_kind",
        ),
        Index("ix_till_cart_terminal_id_status", "terminal_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cart_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    terminal_id: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(8))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    opened_at_utc: Mapped[str] = mapped_column(String(32))
    changed_at_utc: Mapped[str] = mapped_column(String(32))
    held_at_utc: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(String(200), default="")
    revision: Mapped[int] = mapped_column(default=0)
    order_discount_kind: Mapped[str | None] = mapped_column(String(8))
    order_discount_value: Mapped[int | None] = mapped_column()
    order_discount_approved_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class TillCartLineRow(Base):
    """A line of a saved cart, with the product as it was when scanned (JSON)."""

    __tablename__ = "till_cart_line"
    __table_args__ = (
        UniqueConstraint("cart_id", "line_id", name="uq_till_cart_line_cart_id_line_id"),
        CheckConstraint("quantity_milli > 0", name="quantity_positive"),
        CheckConstraint(
            "discount_kind IS NULL OR discount_kind IN ('amount', 'percent')",
            name="known_discount_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cart_id: Mapped[int] = mapped_column(ForeignKey("till_cart.id", ondelete="CASCADE"))
    line_id: Mapped[int] = mapped_column()
    sku: Mapped[str] = mapped_column(String(40))
    product_json: Mapped[str] = mapped_column(Text)
    quantity_milli: Mapped[int] = mapped_column()
    unit_price_satang: Mapped[int] = mapped_column()
    label_price_satang: Mapped[int | None] = mapped_column()
    discount_kind: Mapped[str | None] = mapped_column(String(8))
    discount_value: Mapped[int | None] = mapped_column()
    discount_approved_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


# The sales tables (issue 4) live in their own module; importing it here puts them in Base.metadata.
# The headers documents were issued with (issue 13), likewise.
from pos.store import issued_header_models as issued_header_models  # noqa: E402
from pos.store import sales_models as sales_models  # noqa: E402

# Shifts, business days and Z reports (issue 6), likewise.
from pos.store import shift_models as shift_models  # noqa: E402

# The sync outbox and its state (issue 7), likewise.
from pos.store import sync_models as sync_models  # noqa: E402
