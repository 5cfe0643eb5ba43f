"""typed tables of the counters' records, for the head office's reports; staff tokens

Revision ID: hq_0002_reports
Revises: hq_0001_foundation
Create Date: 2026-11-24

Sales (with lines, tenders, VAT), credit notes (lines, refunds, VAT), tax
invoices, shifts (cash movements) and Z reports as rows, filled from the
records counters send, in the transaction that accepts them
(hq.store.projections).  Append-only like the records: triggers refuse
UPDATE, DELETE and TRUNCATE.  Existing records (none can have a sale shape
before this revision) are not projected.  ``staff``: head-office staff who read
the reports over the API, with a SHA-256 of their token (hq.services.staff).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

_TABLES = (
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

revision: str = "hq_0002_reports"
down_revision: str | None = "hq_0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("name", name=op.f("uq_staff_name")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_staff_token_sha256")),
    )
    op.create_table(
        "credit_note",
        sa.Column("record_id", sa.UUID(), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("sale_id", sa.UUID(), nullable=False),
        sa.Column("sale_receipt_number", sa.String(length=40), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("business_day_id", sa.UUID(), nullable=True),
        sa.Column("shift_id", sa.UUID(), nullable=True),
        sa.Column("cashier", sa.String(length=100), nullable=False),
        sa.Column("approved_by", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("total_satang", sa.BigInteger(), nullable=False),
        sa.Column("vat_satang", sa.BigInteger(), nullable=False),
        sa.Column("non_vat_satang", sa.BigInteger(), nullable=False),
        sa.Column("cash_rounding_satang", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["sync_record.record_id"],
            name=op.f("fk_credit_note_record_id_sync_record"),
        ),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminal.id"], name=op.f("fk_credit_note_terminal_id_terminal")
        ),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_credit_note")),
    )
    op.create_index(
        op.f("ix_credit_note_business_date"), "credit_note", ["business_date"], unique=False
    )
    op.create_index(
        op.f("ix_credit_note_business_day_id"), "credit_note", ["business_day_id"], unique=False
    )
    op.create_index(op.f("ix_credit_note_sale_id"), "credit_note", ["sale_id"], unique=False)
    op.create_index(
        "ix_credit_note_terminal_id_business_date",
        "credit_note",
        ["terminal_id", "business_date"],
        unique=False,
    )
    op.create_table(
        "sale",
        sa.Column("record_id", sa.UUID(), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("receipt_number", sa.String(length=40), nullable=False),
        sa.Column("sold_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("business_day_id", sa.UUID(), nullable=True),
        sa.Column("shift_id", sa.UUID(), nullable=True),
        sa.Column("cashier", sa.String(length=100), nullable=False),
        sa.Column("approved_by", sa.String(length=100), nullable=True),
        sa.Column("subtotal_satang", sa.BigInteger(), nullable=False),
        sa.Column("line_discounts_satang", sa.BigInteger(), nullable=False),
        sa.Column("order_discount_satang", sa.BigInteger(), nullable=False),
        sa.Column("total_satang", sa.BigInteger(), nullable=False),
        sa.Column("vat_satang", sa.BigInteger(), nullable=False),
        sa.Column("non_vat_satang", sa.BigInteger(), nullable=False),
        sa.Column("cash_rounding_satang", sa.BigInteger(), nullable=False),
        sa.Column("change_satang", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"], ["sync_record.record_id"], name=op.f("fk_sale_record_id_sync_record")
        ),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminal.id"], name=op.f("fk_sale_terminal_id_terminal")
        ),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_sale")),
    )
    op.create_index(op.f("ix_sale_business_date"), "sale", ["business_date"], unique=False)
    op.create_index(op.f("ix_sale_business_day_id"), "sale", ["business_day_id"], unique=False)
    op.create_index(
        "ix_sale_terminal_id_business_date", "sale", ["terminal_id", "business_date"], unique=False
    )
    op.create_table(
        "shift",
        sa.Column("record_id", sa.UUID(), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("business_day_id", sa.UUID(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by", sa.String(length=100), nullable=False),
        sa.Column("counted_by", sa.String(length=100), nullable=False),
        sa.Column("float_satang", sa.BigInteger(), nullable=False),
        sa.Column("cash_expected_satang", sa.BigInteger(), nullable=False),
        sa.Column("cash_counted_satang", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["record_id"], ["sync_record.record_id"], name=op.f("fk_shift_record_id_sync_record")
        ),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminal.id"], name=op.f("fk_shift_terminal_id_terminal")
        ),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_shift")),
    )
    op.create_index(op.f("ix_shift_business_date"), "shift", ["business_date"], unique=False)
    op.create_index(op.f("ix_shift_business_day_id"), "shift", ["business_day_id"], unique=False)
    op.create_table(
        "tax_invoice",
        sa.Column("record_id", sa.UUID(), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("sale_id", sa.UUID(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("buyer_name", sa.String(length=200), nullable=False),
        sa.Column("buyer_tax_id", sa.String(length=13), nullable=False),
        sa.Column("replaces_number", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["sync_record.record_id"],
            name=op.f("fk_tax_invoice_record_id_sync_record"),
        ),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminal.id"], name=op.f("fk_tax_invoice_terminal_id_terminal")
        ),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_tax_invoice")),
    )
    op.create_index(op.f("ix_tax_invoice_sale_id"), "tax_invoice", ["sale_id"], unique=False)
    op.create_table(
        "z_report",
        sa.Column("record_id", sa.UUID(), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("business_day_id", sa.UUID(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by", sa.String(length=100), nullable=False),
        sa.Column("sales_count", sa.Integer(), nullable=False),
        sa.Column("sales_satang", sa.BigInteger(), nullable=False),
        sa.Column("refunds_satang", sa.BigInteger(), nullable=False),
        sa.Column("net_satang", sa.BigInteger(), nullable=False),
        sa.Column("vat_satang", sa.BigInteger(), nullable=False),
        sa.Column("grand_total_satang", sa.BigInteger(), nullable=False),
        sa.Column("expected_cash_satang", sa.BigInteger(), nullable=False),
        sa.Column("counted_cash_satang", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["record_id"], ["sync_record.record_id"], name=op.f("fk_z_report_record_id_sync_record")
        ),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminal.id"], name=op.f("fk_z_report_terminal_id_terminal")
        ),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_z_report")),
        sa.UniqueConstraint("number", name=op.f("uq_z_report_number")),
    )
    op.create_index(
        "ix_z_report_terminal_id_business_date",
        "z_report",
        ["terminal_id", "business_date"],
        unique=False,
    )
    op.create_table(
        "cash_movement",
        sa.Column("shift_id", sa.UUID(), nullable=False),
        sa.Column("movement_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("amount_satang", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shift.record_id"], name=op.f("fk_cash_movement_shift_id_shift")
        ),
        sa.PrimaryKeyConstraint("shift_id", "movement_id", name=op.f("pk_cash_movement")),
    )
    op.create_table(
        "credit_note_line",
        sa.Column("credit_note_id", sa.UUID(), nullable=False),
        sa.Column("line_id", sa.UUID(), nullable=False),
        sa.Column("sale_line_id", sa.UUID(), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("producer_name", sa.String(length=200), nullable=False),
        sa.Column("quantity_milli", sa.BigInteger(), nullable=False),
        sa.Column("amount_satang", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["credit_note_id"],
            ["credit_note.record_id"],
            name=op.f("fk_credit_note_line_credit_note_id_credit_note"),
        ),
        sa.PrimaryKeyConstraint("credit_note_id", "line_id", name=op.f("pk_credit_note_line")),
    )
    op.create_table(
        "credit_note_refund",
        sa.Column("credit_note_id", sa.UUID(), nullable=False),
        sa.Column("refund_id", sa.UUID(), nullable=False),
        sa.Column("tender_id", sa.UUID(), nullable=False),
        sa.Column("tender_kind", sa.String(length=16), nullable=False),
        sa.Column("scheme_code", sa.String(length=32), nullable=True),
        sa.Column("method", sa.String(length=24), nullable=False),
        sa.Column("amount_satang", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["credit_note_id"],
            ["credit_note.record_id"],
            name=op.f("fk_credit_note_refund_credit_note_id_credit_note"),
        ),
        sa.PrimaryKeyConstraint("credit_note_id", "refund_id", name=op.f("pk_credit_note_refund")),
    )
    op.create_table(
        "credit_note_vat",
        sa.Column("credit_note_id", sa.UUID(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("seller_name", sa.String(length=200), nullable=False),
        sa.Column("seller_tax_id", sa.String(length=13), nullable=True),
        sa.Column("gross_satang", sa.BigInteger(), nullable=False),
        sa.Column("net_satang", sa.BigInteger(), nullable=False),
        sa.Column("vat_satang", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["credit_note_id"],
            ["credit_note.record_id"],
            name=op.f("fk_credit_note_vat_credit_note_id_credit_note"),
        ),
        sa.PrimaryKeyConstraint("credit_note_id", "position", name=op.f("pk_credit_note_vat")),
    )
    op.create_table(
        "sale_line",
        sa.Column("sale_id", sa.UUID(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.UUID(), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("producer_name", sa.String(length=200), nullable=False),
        sa.Column("producer_tax_id", sa.String(length=13), nullable=True),
        sa.Column("vatable", sa.Boolean(), nullable=False),
        sa.Column("sold_by_weight", sa.Boolean(), nullable=False),
        sa.Column("quantity_milli", sa.BigInteger(), nullable=False),
        sa.Column("unit_price_satang", sa.BigInteger(), nullable=False),
        sa.Column("catalogue_price_satang", sa.BigInteger(), nullable=False),
        sa.Column("gross_satang", sa.BigInteger(), nullable=False),
        sa.Column("line_discount_satang", sa.BigInteger(), nullable=False),
        sa.Column("order_discount_satang", sa.BigInteger(), nullable=False),
        sa.Column("total_satang", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sale.record_id"], name=op.f("fk_sale_line_sale_id_sale")
        ),
        sa.PrimaryKeyConstraint("sale_id", "position", name=op.f("pk_sale_line")),
        sa.UniqueConstraint("line_id", name=op.f("uq_sale_line_line_id")),
    )
    op.create_table(
        "sale_tender",
        sa.Column("sale_id", sa.UUID(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("tender_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("scheme_code", sa.String(length=32), nullable=True),
        sa.Column("amount_satang", sa.BigInteger(), nullable=False),
        sa.Column("tendered_satang", sa.BigInteger(), nullable=False),
        sa.Column("change_satang", sa.BigInteger(), nullable=False),
        sa.Column("government_share_satang", sa.BigInteger(), nullable=False),
        sa.Column("buyer_share_satang", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sale.record_id"], name=op.f("fk_sale_tender_sale_id_sale")
        ),
        sa.PrimaryKeyConstraint("sale_id", "position", name=op.f("pk_sale_tender")),
        sa.UniqueConstraint("tender_id", name=op.f("uq_sale_tender_tender_id")),
    )
    op.create_table(
        "sale_vat",
        sa.Column("sale_id", sa.UUID(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("seller_name", sa.String(length=200), nullable=False),
        sa.Column("seller_tax_id", sa.String(length=13), nullable=True),
        sa.Column("gross_satang", sa.BigInteger(), nullable=False),
        sa.Column("net_satang", sa.BigInteger(), nullable=False),
        sa.Column("vat_satang", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sale.record_id"], name=op.f("fk_sale_vat_sale_id_sale")
        ),
        sa.PrimaryKeyConstraint("sale_id", "position", name=op.f("pk_sale_vat")),
    )

    for table in _TABLES:  # refuse_change() is hq_0001's
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}"
            " FOR EACH ROW EXECUTE FUNCTION refuse_change()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()"
        )


def downgrade() -> None:
    for table in _TABLES:
        op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
        op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
    op.drop_table("sale_vat")
    op.drop_table("sale_tender")
    op.drop_table("sale_line")
    op.drop_table("credit_note_vat")
    op.drop_table("credit_note_refund")
    op.drop_table("credit_note_line")
    op.drop_table("cash_movement")
    op.drop_index("ix_z_report_terminal_id_business_date", table_name="z_report")
    op.drop_table("z_report")
    op.drop_index(op.f("ix_tax_invoice_sale_id"), table_name="tax_invoice")
    op.drop_table("tax_invoice")
    op.drop_index(op.f("ix_shift_business_day_id"), table_name="shift")
    op.drop_index(op.f("ix_shift_business_date"), table_name="shift")
    op.drop_table("shift")
    op.drop_index("ix_sale_terminal_id_business_date", table_name="sale")
    op.drop_index(op.f("ix_sale_business_day_id"), table_name="sale")
    op.drop_index(op.f("ix_sale_business_date"), table_name="sale")
    op.drop_table("sale")
    op.drop_index("ix_credit_note_terminal_id_business_date", table_name="credit_note")
    op.drop_index(op.f("ix_credit_note_sale_id"), table_name="credit_note")
    op.drop_index(op.f("ix_credit_note_business_day_id"), table_name="credit_note")
    op.drop_index(op.f("ix_credit_note_business_date"), table_name="credit_note")
    op.drop_table("credit_note")
    op.drop_table("staff")
