"""SQLAlchemy models of shifts, cash movements, business days and Z reports (``0007_shifts``).

A terminal has at most one open business day and one open shift (partial
unique indexes).  ``sale`` and ``credit_note`` point at their shift and
business day (columns added by the same migration, see
:mod:`pos.store.sales_models`); the migration's triggers refuse a sale,
credit note, cash movement or shift added to a closed shift or day, closing a
day while one of its shifts is open, and any change to a closed shift (but the
one-time approval of its difference) or day.  Counts, results, cash movements
and Z reports are append-only.  Times are UTC text (device time).
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from pos.shifts.domain.cash_control import DENOMINATIONS_SATANG
from pos.store.models import Base

APPEND_ONLY_TABLES = (
    "cash_count",
    "shift_tender_result",
    "cash_movement",
    "z_report",
    "day_item_total",
)
DENOMINATIONS_SQL = "(" + ", ".join(str(value) for value in DENOMINATIONS_SATANG) + ")"


class BusinessDayRow(Base):
    __tablename__ = "business_day"
    __table_args__ = (
        Index(
            "uq_business_day_open_per_terminal",
            "terminal_id",
            unique=True,
            sqlite_where=text("closed_at_utc IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    terminal_id: Mapped[str] = mapped_column(String(16))
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    opened_at_utc: Mapped[str] = mapped_column(String(32))
    closed_at_utc: Mapped[str | None] = mapped_column(String(32))


class ShiftRow(Base):
    __tablename__ = "shift"
    __table_args__ = (
        UniqueConstraint("terminal_id", "number"),
        CheckConstraint("number > 0 AND float_satang >= 0", name="number_and_float"),
        CheckConstraint(
            "(closed_at_utc IS NULL) = (counted_by_user_id IS NULL)", name="closed_with_counter"
        ),
        CheckConstraint(
            "approved_by_user_id IS NULL"
            " OR (closed_at_utc IS NOT NULL AND approved_at_utc IS NOT NULL)",
            name="approved_when_closed",
        ),
        Index(
            "uq_shift_open_per_terminal",
            "terminal_id",
            unique=True,
            sqlite_where=text("closed_at_utc IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    terminal_id: Mapped[str] = mapped_column(String(16))
    number: Mapped[int]
    business_day_id: Mapped[int] = mapped_column(ForeignKey("business_day.id"), index=True)
    opened_at_utc: Mapped[str] = mapped_column(String(32))
    opened_by_user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    float_satang: Mapped[int]
    closed_at_utc: Mapped[str | None] = mapped_column(String(32))
    counted_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    approved_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    approved_at_utc: Mapped[str | None] = mapped_column(String(32))
    closing_note: Mapped[str] = mapped_column(Text, default="")


class CashCountRow(Base):
    """Notes and coins of a shift's float (``stage='float'``) or of its blind count (``close``)."""

    __tablename__ = "cash_count"
    __table_args__ = (
        UniqueConstraint("shift_id", "stage", "denomination_satang"),
        CheckConstraint("stage IN ('float', 'close')", name="known_stage"),
        CheckConstraint(f"denomination_satang IN {DENOMINATIONS_SQL}", name="thai_denomination"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id"))
    stage: Mapped[str] = mapped_column(String(8))
    denomination_satang: Mapped[int]
    quantity: Mapped[int]


class ShiftTenderResultRow(Base):
    """Expected against counted for one tender at a shift's close (counted NULL: not counted)."""

    __tablename__ = "shift_tender_result"
    __table_args__ = (UniqueConstraint("shift_id", "tender_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id"))
    tender_key: Mapped[str] = mapped_column(String(40))
    expected_satang: Mapped[int]
    counted_satang: Mapped[int | None]


class CashMovementRow(Base):
    __tablename__ = "cash_movement"
    __table_args__ = (
        CheckConstraint("kind IN ('in', 'out')", name="known_kind"),
        CheckConstraint("amount_satang > 0", name="amount_positive"),
        CheckConstraint("length(trim(reason)) > 0", name="has_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    movement_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id"), index=True)
    kind: Mapped[str] = mapped_column(String(3))
    amount_satang: Mapped[int]
    reason: Mapped[str] = mapped_column(Text)
    at_utc: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    approved_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class ZReportRow(Base):
    __tablename__ = "z_report"
    __table_args__ = (
        UniqueConstraint("terminal_id", "serial"),
        CheckConstraint("serial > 0", name="serial_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    z_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    terminal_id: Mapped[str] = mapped_column(String(16))
    serial: Mapped[int]
    number: Mapped[str] = mapped_column(String(40), unique=True)
    business_day_id: Mapped[int] = mapped_column(ForeignKey("business_day.id"), unique=True)
    closed_at_utc: Mapped[str] = mapped_column(String(32))
    closed_by_user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    sales_count: Mapped[int]
    net_satang: Mapped[int]
    grand_total_satang: Mapped[int]
    figures_json: Mapped[str] = mapped_column(Text)


class DayItemTotalRow(Base):
    """A closed business day's sales and returns summed per category, producer group and SKU.

    Written by the Z report in its transaction (the day can no longer change,
    so neither can these sums): date-range reports read closed days from here
    — a year is ~70,000 rows instead of a million sale lines — and sum only
    the still-open days (and sales stored before shifts) from the lines.
    """

    __tablename__ = "day_item_total"

    business_day_id: Mapped[int] = mapped_column(ForeignKey("business_day.id"), primary_key=True)
    category: Mapped[str] = mapped_column(String(16), primary_key=True)
    producer_name: Mapped[str] = mapped_column(String(200), primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), primary_key=True)
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    name_th: Mapped[str] = mapped_column(String(200))
    producer_tax_id: Mapped[str | None] = mapped_column(String(13))
    sold_by_weight: Mapped[bool]
    lines: Mapped[int]
    sales: Mapped[int]  # sales with this SKU that day
    quantity_milli: Mapped[int]
    gross_satang: Mapped[int]
    discounts_satang: Mapped[int]
    total_satang: Mapped[int]
    vatable_satang: Mapped[int]
    returned_lines: Mapped[int]
    returned_quantity_milli: Mapped[int]
    returned_satang: Mapped[int]
