"""SQLAlchemy models of sales, tax invoices and credit notes (migration ``0005_sales``).

Money is INTEGER satang and quantities INTEGER thousandths, with CHECK
constraints that make every row add up on its own (a line's total is its
gross less its discounts, a cash tender's amount is what was handed over less
the change, a scheme tender's shares add up to its amount, VAT's net plus VAT
is its gross).  Children point at their sale by ``(sale_id, position)``.
Triggers created by the migration refuse UPDATE and DELETE on every table here
(nothing ever changes a completed sale) and refuse returning more of a line
than was sold.  Times are UTC text (:func:`pos.store.times.to_utc_text`);
``business_date`` is the Thai date, for day-by-day queries.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from pos.store.models import Base

TENDER_KINDS = "('cash', 'promptpay', 'card', 'scheme')"
REFUND_METHODS = "('cash', 'promptpay', 'card', 'scheme', 'scheme_government')"
IMMUTABLE_TABLES = (
    "sale",
    "sale_line",
    "sale_tender",
    "sale_vat",
    "sale_allocation",
    "tax_invoice",
    "credit_note",
    "credit_note_line",
    "credit_note_share",
    "credit_note_refund",
    "credit_note_vat",
)


class SaleRow(Base):
    __tablename__ = "sale"
    __table_args__ = (
        UniqueConstraint("terminal_id", "receipt_serial"),
        CheckConstraint("receipt_serial > 0", name="serial_positive"),
        CheckConstraint(
            "subtotal_satang >= 0 AND line_discounts_satang >= 0 AND order_discount_satang >= 0"
            " AND total_satang >= 0 AND change_satang >= 0",
            name="amounts_not_negative",
        ),
        CheckConstraint(
            "total_satang = subtotal_satang - line_discounts_satang - order_discount_satang",
            name="total_adds_up",
        ),
        CheckConstraint("non_vat_satang BETWEEN 0 AND total_satang", name="non_vat_within_total"),
        CheckConstraint("cash_rounding_satang BETWEEN -50 AND 50", name="rounding_within_half"),
        CheckConstraint("vat_rate_basis_points BETWEEN 0 AND 9999", name="vat_rate_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    terminal_id: Mapped[str] = mapped_column(String(16))
    receipt_serial: Mapped[int]
    receipt_number: Mapped[str] = mapped_column(String(40), unique=True)
    sold_at_utc: Mapped[str] = mapped_column(String(32))
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    cashier_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    approved_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    vat_rate_basis_points: Mapped[int]
    subtotal_satang: Mapped[int]
    line_discounts_satang: Mapped[int]
    order_discount_satang: Mapped[int]
    total_satang: Mapped[int]
    non_vat_satang: Mapped[int]
    cash_rounding_satang: Mapped[int]
    change_satang: Mapped[int]
    # added by 0007_shifts (NULL for sales stored before): the shift and day it belongs to
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), index=True)
    business_day_id: Mapped[int | None] = mapped_column(ForeignKey("business_day.id"), index=True)


class SaleLineRow(Base):
    __tablename__ = "sale_line"
    __table_args__ = (
        UniqueConstraint("sale_id", "position"),
        CheckConstraint("quantity_milli > 0", name="quantity_positive"),
        CheckConstraint(
            "unit_price_satang >= 0 AND catalogue_price_satang >= 0 AND gross_satang >= 0"
            " AND line_discount_satang >= 0 AND order_discount_satang >= 0 AND total_satang >= 0"
            " AND (label_price_satang IS NULL OR label_price_satang > 0)",
            name="amounts_not_negative",
        ),
        CheckConstraint(
            "total_satang = gross_satang - line_discount_satang - order_discount_satang",
            name="total_adds_up",
        ),
        # 0007_shifts: the few lines sold at a changed price, for the discounts report
        Index(
            "ix_sale_line_price_changed",
            "sale_id",
            sqlite_where=text("unit_price_satang <> catalogue_price_satang"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    line_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"))
    position: Mapped[int]
    sku: Mapped[str] = mapped_column(String(40))
    barcode: Mapped[str | None] = mapped_column(String(14))
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(String(16))
    sold_by_weight: Mapped[bool]
    producer_name: Mapped[str] = mapped_column(String(200))
    producer_tax_id: Mapped[str | None] = mapped_column(String(13))
    vatable: Mapped[bool]
    quantity_milli: Mapped[int]
    unit_price_satang: Mapped[int]
    catalogue_price_satang: Mapped[int]
    label_price_satang: Mapped[int | None]
    gross_satang: Mapped[int]
    line_discount_satang: Mapped[int]
    order_discount_satang: Mapped[int]
    total_satang: Mapped[int]


class SaleTenderRow(Base):
    __tablename__ = "sale_tender"
    __table_args__ = (
        UniqueConstraint("sale_id", "position"),
        CheckConstraint(f"kind IN {TENDER_KINDS}", name="known_kind"),
        CheckConstraint(
            "amount_satang > 0 AND change_satang >= 0 AND government_share_satang >= 0"
            " AND buyer_share_satang >= 0",
            name="amounts_in_range",
        ),
        CheckConstraint(
            "(kind = 'cash' AND amount_satang = tendered_satang - change_satang) OR"
            " (kind <> 'cash' AND amount_satang = tendered_satang AND change_satang = 0)",
            name="change_only_from_cash",
        ),
        CheckConstraint(
            "(kind = 'scheme' AND scheme_code IS NOT NULL AND reference IS NOT NULL"
            " AND government_share_satang + buyer_share_satang = amount_satang) OR"
            " (kind <> 'scheme' AND scheme_code IS NULL AND government_share_satang = 0"
            " AND buyer_share_satang = 0)",
            name="scheme_shares_add_up",
        ),
        CheckConstraint("kind <> 'card' OR reference IS NOT NULL", name="card_has_approval"),
        Index(
            "uq_sale_tender_scheme_reference",
            "scheme_code",
            "reference",
            unique=True,
            sqlite_where=text("kind = 'scheme'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tender_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"))
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    amount_satang: Mapped[int]
    tendered_satang: Mapped[int]
    change_satang: Mapped[int]
    reference: Mapped[str | None] = mapped_column(String(64))
    scheme_code: Mapped[str | None] = mapped_column(String(32))
    scheme_phase: Mapped[str | None] = mapped_column(String(32))
    government_share_satang: Mapped[int]
    buyer_share_satang: Mapped[int]


class SaleVatRow(Base):
    """VAT included in one VAT-registered seller's goods on a sale."""

    __tablename__ = "sale_vat"
    __table_args__ = (
        UniqueConstraint("sale_id", "position"),
        CheckConstraint(
            "gross_satang >= 0 AND vat_satang >= 0 AND net_satang + vat_satang = gross_satang",
            name="adds_up",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"))
    position: Mapped[int]
    seller_name: Mapped[str] = mapped_column(String(200))
    seller_tax_id: Mapped[str | None] = mapped_column(String(13))
    gross_satang: Mapped[int]
    net_satang: Mapped[int]
    vat_satang: Mapped[int]


class SaleAllocationRow(Base):
    """The part of a line paid by a tender (see :mod:`pos.sale.domain.allocation`)."""

    __tablename__ = "sale_allocation"
    __table_args__ = (
        ForeignKeyConstraint(
            ["sale_id", "line_position"], ["sale_line.sale_id", "sale_line.position"]
        ),
        ForeignKeyConstraint(
            ["sale_id", "tender_position"], ["sale_tender.sale_id", "sale_tender.position"]
        ),
        CheckConstraint(
            "amount_satang > 0 AND government_share_satang BETWEEN 0 AND amount_satang",
            name="amounts_in_range",
        ),
    )

    sale_id: Mapped[int] = mapped_column(primary_key=True)
    line_position: Mapped[int] = mapped_column(primary_key=True)
    tender_position: Mapped[int] = mapped_column(primary_key=True)
    amount_satang: Mapped[int]
    government_share_satang: Mapped[int]


class TaxInvoiceRow(Base):
    """A full tax invoice (or receipt in the buyer's name) for a sale."""

    __tablename__ = "tax_invoice"
    __table_args__ = (
        UniqueConstraint("terminal_id", "serial"),
        CheckConstraint("serial > 0", name="serial_positive"),
        CheckConstraint("length(buyer_tax_id) = 13", name="tax_id_13_digits"),
        CheckConstraint(
            "replaces_number IS NULL OR reason IS NOT NULL", name="replacement_has_reason"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), index=True)
    terminal_id: Mapped[str] = mapped_column(String(16))
    serial: Mapped[int]
    number: Mapped[str] = mapped_column(String(40), unique=True)
    issued_at_utc: Mapped[str] = mapped_column(String(32))
    issued_by_user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    buyer_name: Mapped[str] = mapped_column(String(200))
    buyer_address: Mapped[str] = mapped_column(Text)
    buyer_tax_id: Mapped[str] = mapped_column(String(13))
    buyer_branch: Mapped[str | None] = mapped_column(String(5))
    replaces_abbreviated: Mapped[bool]
    replaces_number: Mapped[str | None] = mapped_column(
        ForeignKey("tax_invoice.number"), unique=True
    )
    reason: Mapped[str | None] = mapped_column(Text)


class CreditNoteRow(Base):
    __tablename__ = "credit_note"
    __table_args__ = (
        UniqueConstraint("terminal_id", "serial"),
        CheckConstraint("serial > 0", name="serial_positive"),
        CheckConstraint("kind IN ('return', 'void')", name="known_kind"),
        CheckConstraint("length(trim(reason)) > 0", name="has_reason"),
        CheckConstraint(
            "total_satang >= 0 AND non_vat_satang BETWEEN 0 AND total_satang"
            " AND cash_rounding_satang BETWEEN -50 AND 50",
            name="amounts_in_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    credit_note_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    terminal_id: Mapped[str] = mapped_column(String(16))
    serial: Mapped[int]
    number: Mapped[str] = mapped_column(String(40), unique=True)
    issued_at_utc: Mapped[str] = mapped_column(String(32))
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    cashier_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    approved_by_user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    reason: Mapped[str] = mapped_column(Text)
    total_satang: Mapped[int]
    non_vat_satang: Mapped[int]
    cash_rounding_satang: Mapped[int]
    # added by 0007_shifts (NULL for credit notes stored before)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), index=True)
    business_day_id: Mapped[int | None] = mapped_column(ForeignKey("business_day.id"), index=True)


class CreditNoteLineRow(Base):
    __tablename__ = "credit_note_line"
    __table_args__ = (
        CheckConstraint("quantity_milli > 0 AND amount_satang >= 0", name="amounts_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    line_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    credit_note_id: Mapped[int] = mapped_column(ForeignKey("credit_note.id"), index=True)
    sale_line_id: Mapped[int] = mapped_column(ForeignKey("sale_line.id"), index=True)
    quantity_milli: Mapped[int]
    amount_satang: Mapped[int]


class CreditNoteShareRow(Base):
    """The part of a returned line refunded against one original tender."""

    __tablename__ = "credit_note_share"
    __table_args__ = (
        UniqueConstraint("credit_note_line_id", "sale_tender_id"),
        CheckConstraint(
            "amount_satang > 0 AND government_share_satang BETWEEN 0 AND amount_satang",
            name="amounts_in_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    credit_note_line_id: Mapped[int] = mapped_column(ForeignKey("credit_note_line.id"))
    sale_tender_id: Mapped[int] = mapped_column(ForeignKey("sale_tender.id"))
    amount_satang: Mapped[int]
    government_share_satang: Mapped[int]


class CreditNoteRefundRow(Base):
    """Money going back against one original tender, one way (``method``)."""

    __tablename__ = "credit_note_refund"
    __table_args__ = (
        UniqueConstraint("credit_note_id", "sale_tender_id", "method"),
        CheckConstraint(f"method IN {REFUND_METHODS}", name="known_method"),
        CheckConstraint("amount_satang > 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    refund_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    credit_note_id: Mapped[int] = mapped_column(ForeignKey("credit_note.id"))
    sale_tender_id: Mapped[int] = mapped_column(ForeignKey("sale_tender.id"))
    method: Mapped[str] = mapped_column(String(20))
    amount_satang: Mapped[int]


class CreditNoteVatRow(Base):
    __tablename__ = "credit_note_vat"
    __table_args__ = (
        UniqueConstraint("credit_note_id", "position"),
        CheckConstraint(
            "gross_satang >= 0 AND vat_satang >= 0 AND net_satang + vat_satang = gross_satang",
            name="adds_up",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    credit_note_id: Mapped[int] = mapped_column(ForeignKey("credit_note.id"))
    position: Mapped[int]
    seller_name: Mapped[str] = mapped_column(String(200))
    seller_tax_id: Mapped[str | None] = mapped_column(String(13))
    gross_satang: Mapped[int]
    net_satang: Mapped[int]
    vat_satang: Mapped[int]
