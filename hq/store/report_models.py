"""Typed tables the counters' records are projected into (migration ``hq_0002_reports``).

``sync_record`` keeps every record as sent (JSONB); these tables hold the
same sales, credit notes, tax invoices, shifts and Z reports as rows, written
in the transaction that accepts the batch (:mod:`hq.store.projections`), so
the head office answers the counter's reports over every counter with plain
``GROUP BY`` s (:mod:`hq.store.report_queries`).  They mirror the counter's
own sales tables (``pos/store/sales_models.py``) plus the terminal; a line
or tender is keyed by its record and position.  Money is BIGINT satang.
Append-only, like the records they come from (triggers in the migration).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from hq.store.models import Base, Timestamp

PROJECTED_TABLES = (
    "sale",
    "sale_line",
    "sale_tender",
    "sale_vat",
    "credit_note",
    "credit_note_line",
    "credit_note_refund",
    "credit_note_vat",
    "tax_invoice",
    "shift",
    "cash_movement",
    "z_report",
)
_RECORD = "sync_record.record_id"


def _per_terminal(table: str, column: str) -> Index:
    """A terminal's numbers are its own, each used once (hq_0004_numbers_per_terminal)."""
    return Index(f"uq_{table}_terminal_id_{column}", "terminal_id", column, unique=True)


def _money() -> Mapped[int]:
    return mapped_column(BigInteger)


class SaleRow(Base):
    __tablename__ = "sale"
    __table_args__ = (
        Index("ix_sale_terminal_id_business_date", "terminal_id", "business_date"),
        _per_terminal("sale", "receipt_number"),
    )

    record_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey(_RECORD), primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminal.id"))
    receipt_number: Mapped[str] = mapped_column(String(40))
    sold_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    business_date: Mapped[dt.date] = mapped_column(Date, index=True)
    business_day_id: Mapped[uuid.UUID | None] = mapped_column(UUID, index=True)
    shift_id: Mapped[uuid.UUID | None] = mapped_column(UUID)
    cashier: Mapped[str] = mapped_column(String(100))
    approved_by: Mapped[str | None] = mapped_column(String(100))
    subtotal_satang: Mapped[int] = _money()
    line_discounts_satang: Mapped[int] = _money()
    order_discount_satang: Mapped[int] = _money()
    total_satang: Mapped[int] = _money()
    vat_satang: Mapped[int] = _money()
    non_vat_satang: Mapped[int] = _money()
    cash_rounding_satang: Mapped[int] = _money()
    change_satang: Mapped[int] = _money()


class SaleLineRow(Base):
    __tablename__ = "sale_line"

    sale_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey("sale.record_id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    line_id: Mapped[uuid.UUID] = mapped_column(UUID, unique=True)
    sku: Mapped[str] = mapped_column(String(40))
    name_th: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(16))
    producer_name: Mapped[str] = mapped_column(String(200))
    producer_tax_id: Mapped[str | None] = mapped_column(String(13))
    vatable: Mapped[bool] = mapped_column()
    sold_by_weight: Mapped[bool] = mapped_column()
    quantity_milli: Mapped[int] = _money()
    unit_price_satang: Mapped[int] = _money()
    catalogue_price_satang: Mapped[int] = _money()
    gross_satang: Mapped[int] = _money()
    line_discount_satang: Mapped[int] = _money()
    order_discount_satang: Mapped[int] = _money()
    total_satang: Mapped[int] = _money()


class SaleTenderRow(Base):
    __tablename__ = "sale_tender"

    sale_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey("sale.record_id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    tender_id: Mapped[uuid.UUID] = mapped_column(UUID, unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    scheme_code: Mapped[str | None] = mapped_column(String(32))
    amount_satang: Mapped[int] = _money()
    tendered_satang: Mapped[int] = _money()
    change_satang: Mapped[int] = _money()
    government_share_satang: Mapped[int] = _money()
    buyer_share_satang: Mapped[int] = _money()


class SaleVatRow(Base):
    __tablename__ = "sale_vat"

    sale_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey("sale.record_id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    seller_name: Mapped[str] = mapped_column(String(200))
    seller_tax_id: Mapped[str | None] = mapped_column(String(13))
    gross_satang: Mapped[int] = _money()
    net_satang: Mapped[int] = _money()
    vat_satang: Mapped[int] = _money()


class CreditNoteRow(Base):
    __tablename__ = "credit_note"
    __table_args__ = (
        Index("ix_credit_note_terminal_id_business_date", "terminal_id", "business_date"),
        _per_terminal("credit_note", "number"),
    )

    record_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey(_RECORD), primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminal.id"))
    number: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(8))
    sale_id: Mapped[uuid.UUID] = mapped_column(UUID, index=True)  # its sale may come later
    sale_receipt_number: Mapped[str] = mapped_column(String(40))
    issued_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    business_date: Mapped[dt.date] = mapped_column(Date, index=True)
    business_day_id: Mapped[uuid.UUID | None] = mapped_column(UUID, index=True)
    shift_id: Mapped[uuid.UUID | None] = mapped_column(UUID)
    cashier: Mapped[str] = mapped_column(String(100))
    approved_by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)
    total_satang: Mapped[int] = _money()
    vat_satang: Mapped[int] = _money()
    non_vat_satang: Mapped[int] = _money()
    cash_rounding_satang: Mapped[int] = _money()


class CreditNoteLineRow(Base):
    __tablename__ = "credit_note_line"

    credit_note_id: Mapped[uuid.UUID] = mapped_column(
        UUID, ForeignKey("credit_note.record_id"), primary_key=True
    )
    line_id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True)
    sale_line_id: Mapped[uuid.UUID] = mapped_column(UUID)
    sku: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(16))
    producer_name: Mapped[str] = mapped_column(String(200))
    quantity_milli: Mapped[int] = _money()
    amount_satang: Mapped[int] = _money()


class CreditNoteRefundRow(Base):
    __tablename__ = "credit_note_refund"

    credit_note_id: Mapped[uuid.UUID] = mapped_column(
        UUID, ForeignKey("credit_note.record_id"), primary_key=True
    )
    refund_id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True)
    tender_id: Mapped[uuid.UUID] = mapped_column(UUID)
    tender_kind: Mapped[str] = mapped_column(String(16))
    scheme_code: Mapped[str | None] = mapped_column(String(32))
    method: Mapped[str] = mapped_column(String(24))
    amount_satang: Mapped[int] = _money()


class CreditNoteVatRow(Base):
    __tablename__ = "credit_note_vat"

    credit_note_id: Mapped[uuid.UUID] = mapped_column(
        UUID, ForeignKey("credit_note.record_id"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    seller_name: Mapped[str] = mapped_column(String(200))
    seller_tax_id: Mapped[str | None] = mapped_column(String(13))
    gross_satang: Mapped[int] = _money()
    net_satang: Mapped[int] = _money()
    vat_satang: Mapped[int] = _money()


class TaxInvoiceRow(Base):
    __tablename__ = "tax_invoice"
    __table_args__ = (_per_terminal("tax_invoice", "number"),)

    record_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey(_RECORD), primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminal.id"))
    number: Mapped[str] = mapped_column(String(40))
    sale_id: Mapped[uuid.UUID] = mapped_column(UUID, index=True)
    issued_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    buyer_name: Mapped[str] = mapped_column(String(200))
    buyer_tax_id: Mapped[str] = mapped_column(String(13))
    replaces_number: Mapped[str | None] = mapped_column(String(40))


class ShiftRow(Base):
    __tablename__ = "shift"
    __table_args__ = (_per_terminal("shift", "number"),)

    record_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey(_RECORD), primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminal.id"))
    number: Mapped[int] = mapped_column(Integer)
    business_day_id: Mapped[uuid.UUID] = mapped_column(UUID, index=True)
    business_date: Mapped[dt.date] = mapped_column(Date, index=True)
    opened_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    closed_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    opened_by: Mapped[str] = mapped_column(String(100))
    counted_by: Mapped[str] = mapped_column(String(100))
    float_satang: Mapped[int] = _money()
    cash_expected_satang: Mapped[int] = _money()
    cash_counted_satang: Mapped[int | None] = mapped_column(BigInteger)


class CashMovementRow(Base):
    __tablename__ = "cash_movement"

    shift_id: Mapped[uuid.UUID] = mapped_column(
        UUID, ForeignKey("shift.record_id"), primary_key=True
    )
    movement_id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    amount_satang: Mapped[int] = _money()
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(Timestamp)


class ZReportRow(Base):
    __tablename__ = "z_report"
    __table_args__ = (
        Index("ix_z_report_terminal_id_business_date", "terminal_id", "business_date"),
        _per_terminal("z_report", "number"),
    )

    record_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey(_RECORD), primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminal.id"))
    number: Mapped[str] = mapped_column(String(40))
    business_day_id: Mapped[uuid.UUID] = mapped_column(UUID)
    business_date: Mapped[dt.date] = mapped_column(Date)
    closed_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    closed_by: Mapped[str] = mapped_column(String(100))
    sales_count: Mapped[int] = mapped_column(Integer)
    sales_satang: Mapped[int] = _money()
    refunds_satang: Mapped[int] = _money()
    net_satang: Mapped[int] = _money()
    vat_satang: Mapped[int] = _money()
    grand_total_satang: Mapped[int] = _money()
    expected_cash_satang: Mapped[int] = _money()
    counted_cash_satang: Mapped[int | None] = mapped_column(BigInteger)
