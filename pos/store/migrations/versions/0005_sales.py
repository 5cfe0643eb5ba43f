"""sales, tax invoices and credit notes

Revision ID: 0005_sales
Revises: 0004_till_session
Create Date: 2026-11-24

Completed sales with their lines (snapshots), tenders (scheme shares), VAT per
seller and the allocation of tenders to lines; full tax invoices; credit notes
(returns and voids) with their lines, refunds and VAT.  Triggers make every one
of these tables append-only, and refuse a credit note that returns more of a
line than was sold, a void of a sale that already has a credit note, and a
credit note line from another sale.  See pos.store.sales_models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_sales"
down_revision: str | None = "0004_till_session"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


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
_GUARDS = {
    "credit_note_line_not_more_than_sold": """
        CREATE TRIGGER credit_note_line_not_more_than_sold BEFORE INSERT ON credit_note_line
        WHEN NEW.quantity_milli + (SELECT coalesce(sum(quantity_milli), 0) FROM credit_note_line
                                   WHERE sale_line_id = NEW.sale_line_id)
             > (SELECT quantity_milli FROM sale_line WHERE id = NEW.sale_line_id)
        BEGIN SELECT RAISE(ABORT, 'cannot return more of a line than was sold'); END""",
    "credit_note_line_of_its_sale": """
        CREATE TRIGGER credit_note_line_of_its_sale BEFORE INSERT ON credit_note_line
        WHEN (SELECT sale_id FROM sale_line WHERE id = NEW.sale_line_id)
             IS NOT (SELECT sale_id FROM credit_note WHERE id = NEW.credit_note_id)
        BEGIN SELECT RAISE(ABORT, 'a credit note line must be a line of its sale'); END""",
    "credit_note_void_alone": """
        CREATE TRIGGER credit_note_void_alone BEFORE INSERT ON credit_note
        WHEN NEW.kind = 'void' AND EXISTS (SELECT 1 FROM credit_note WHERE sale_id = NEW.sale_id)
        BEGIN SELECT RAISE(ABORT, 'a sale with a credit note cannot be voided'); END""",
}


def _trigger_names() -> list[str]:
    names = [f"{table}_no_{verb}" for table in IMMUTABLE_TABLES for verb in ("update", "delete")]
    return names + list(_GUARDS)


def _create_triggers() -> None:
    # Completed sales and their documents are never changed or removed: the database refuses.
    for table in IMMUTABLE_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN"
            f" SELECT RAISE(ABORT, '{table} rows cannot be changed'); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN"
            f" SELECT RAISE(ABORT, '{table} rows cannot be deleted'); END"
        )
    for statement in _GUARDS.values():
        op.execute(statement)


def upgrade() -> None:
    op.create_table(
        "sale",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_uuid", sa.String(length=36), nullable=False),
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("receipt_serial", sa.Integer(), nullable=False),
        sa.Column("receipt_number", sa.String(length=40), nullable=False),
        sa.Column("sold_at_utc", sa.String(length=32), nullable=False),
        sa.Column("business_date", sa.String(length=10), nullable=False),
        sa.Column("cashier_id", sa.Integer(), nullable=False),
        sa.Column("approved_by_user_id", sa.Integer(), nullable=True),
        sa.Column("vat_rate_basis_points", sa.Integer(), nullable=False),
        sa.Column("subtotal_satang", sa.Integer(), nullable=False),
        sa.Column("line_discounts_satang", sa.Integer(), nullable=False),
        sa.Column("order_discount_satang", sa.Integer(), nullable=False),
        sa.Column("total_satang", sa.Integer(), nullable=False),
        sa.Column("non_vat_satang", sa.Integer(), nullable=False),
        sa.Column("cash_rounding_satang", sa.Integer(), nullable=False),
        sa.Column("change_satang", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "cash_rounding_satang BETWEEN -50 AND 50", name=op.f("ck_sale_rounding_within_half")
        ),
        sa.CheckConstraint(
            "non_vat_satang BETWEEN 0 AND total_satang", name=op.f("ck_sale_non_vat_within_total")
        ),
        sa.CheckConstraint("receipt_serial > 0", name=op.f("ck_sale_serial_positive")),
        sa.CheckConstraint(
            "subtotal_satang >= 0 AND line_discounts_satang >= 0 AND order_discount_satang >= 0"
            " AND total_satang >= 0 AND change_satang >= 0",
            name=op.f("ck_sale_amounts_not_negative"),
        ),
        sa.CheckConstraint(
            "total_satang = subtotal_satang - line_discounts_satang - order_discount_satang",
            name=op.f("ck_sale_total_adds_up"),
        ),
        sa.CheckConstraint(
            "vat_rate_basis_points BETWEEN 0 AND 9999", name=op.f("ck_sale_vat_rate_in_range")
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_sale_approved_by_user_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["cashier_id"], ["app_user.id"], name=op.f("fk_sale_cashier_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale")),
        sa.UniqueConstraint("receipt_number", name=op.f("uq_sale_receipt_number")),
        sa.UniqueConstraint("sale_uuid", name=op.f("uq_sale_sale_uuid")),
        sa.UniqueConstraint("terminal_id", "receipt_serial", name=op.f("uq_sale_terminal_id")),
    )
    with op.batch_alter_table("sale", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sale_business_date"), ["business_date"], unique=False)

    op.create_table(
        "credit_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("credit_note_uuid", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("issued_at_utc", sa.String(length=32), nullable=False),
        sa.Column("business_date", sa.String(length=10), nullable=False),
        sa.Column("cashier_id", sa.Integer(), nullable=False),
        sa.Column("approved_by_user_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("total_satang", sa.Integer(), nullable=False),
        sa.Column("non_vat_satang", sa.Integer(), nullable=False),
        sa.Column("cash_rounding_satang", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('return', 'void')", name=op.f("ck_credit_note_known_kind")),
        sa.CheckConstraint("length(trim(reason)) > 0", name=op.f("ck_credit_note_has_reason")),
        sa.CheckConstraint("serial > 0", name=op.f("ck_credit_note_serial_positive")),
        sa.CheckConstraint(
            "total_satang >= 0 AND non_vat_satang BETWEEN 0 AND total_satang"
            " AND cash_rounding_satang BETWEEN -50 AND 50",
            name=op.f("ck_credit_note_amounts_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_credit_note_approved_by_user_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["cashier_id"], ["app_user.id"], name=op.f("fk_credit_note_cashier_id_app_user")
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sale.id"], name=op.f("fk_credit_note_sale_id_sale")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_note")),
        sa.UniqueConstraint("credit_note_uuid", name=op.f("uq_credit_note_credit_note_uuid")),
        sa.UniqueConstraint("number", name=op.f("uq_credit_note_number")),
        sa.UniqueConstraint("terminal_id", "serial", name=op.f("uq_credit_note_terminal_id")),
    )
    with op.batch_alter_table("credit_note", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_credit_note_business_date"), ["business_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_credit_note_sale_id"), ["sale_id"], unique=False)

    op.create_table(
        "sale_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_uuid", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("barcode", sa.String(length=14), nullable=True),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("sold_by_weight", sa.Boolean(), nullable=False),
        sa.Column("producer_name", sa.String(length=200), nullable=False),
        sa.Column("producer_tax_id", sa.String(length=13), nullable=True),
        sa.Column("vatable", sa.Boolean(), nullable=False),
        sa.Column("quantity_milli", sa.Integer(), nullable=False),
        sa.Column("unit_price_satang", sa.Integer(), nullable=False),
        sa.Column("catalogue_price_satang", sa.Integer(), nullable=False),
        sa.Column("label_price_satang", sa.Integer(), nullable=True),
        sa.Column("gross_satang", sa.Integer(), nullable=False),
        sa.Column("line_discount_satang", sa.Integer(), nullable=False),
        sa.Column("order_discount_satang", sa.Integer(), nullable=False),
        sa.Column("total_satang", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity_milli > 0", name=op.f("ck_sale_line_quantity_positive")),
        sa.CheckConstraint(
            "total_satang = gross_satang - line_discount_satang - order_discount_satang",
            name=op.f("ck_sale_line_total_adds_up"),
        ),
        sa.CheckConstraint(
            "unit_price_satang >= 0 AND catalogue_price_satang >= 0 AND gross_satang >= 0"
            " AND line_discount_satang >= 0 AND order_discount_satang >= 0 AND total_satang >= 0"
            " AND (label_price_satang IS NULL OR label_price_satang > 0)",
            name=op.f("ck_sale_line_amounts_not_negative"),
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sale.id"], name=op.f("fk_sale_line_sale_id_sale")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_line")),
        sa.UniqueConstraint("line_uuid", name=op.f("uq_sale_line_line_uuid")),
        sa.UniqueConstraint("sale_id", "position", name=op.f("uq_sale_line_sale_id")),
    )
    op.create_table(
        "sale_tender",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tender_uuid", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount_satang", sa.Integer(), nullable=False),
        sa.Column("tendered_satang", sa.Integer(), nullable=False),
        sa.Column("change_satang", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=True),
        sa.Column("scheme_code", sa.String(length=32), nullable=True),
        sa.Column("scheme_phase", sa.String(length=32), nullable=True),
        sa.Column("government_share_satang", sa.Integer(), nullable=False),
        sa.Column("buyer_share_satang", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(kind = 'cash'"
            " AND amount_satang = tendered_satang - change_satang) OR (kind <> 'cash'"
            " AND amount_satang = tendered_satang AND change_satang = 0)",
            name=op.f("ck_sale_tender_change_only_from_cash"),
        ),
        sa.CheckConstraint(
            "(kind = 'scheme' AND scheme_code IS NOT NULL AND reference IS NOT NULL"
            " AND government_share_satang + buyer_share_satang = amount_satang) OR"
            " (kind <> 'scheme' AND scheme_code IS NULL AND government_share_satang = 0"
            " AND buyer_share_satang = 0)",
            name=op.f("ck_sale_tender_scheme_shares_add_up"),
        ),
        sa.CheckConstraint(
            "kind <> 'card' OR reference IS NOT NULL", name=op.f("ck_sale_tender_card_has_approval")
        ),
        sa.CheckConstraint(
            "kind IN ('cash', 'promptpay', 'card', 'scheme')",
            name=op.f("ck_sale_tender_known_kind"),
        ),
        sa.CheckConstraint(
            "amount_satang > 0 AND change_satang >= 0 AND government_share_satang >= 0"
            " AND buyer_share_satang >= 0",
            name=op.f("ck_sale_tender_amounts_in_range"),
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sale.id"], name=op.f("fk_sale_tender_sale_id_sale")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_tender")),
        sa.UniqueConstraint("sale_id", "position", name=op.f("uq_sale_tender_sale_id")),
        sa.UniqueConstraint("tender_uuid", name=op.f("uq_sale_tender_tender_uuid")),
    )
    with op.batch_alter_table("sale_tender", schema=None) as batch_op:
        batch_op.create_index(
            "uq_sale_tender_scheme_reference",
            ["scheme_code", "reference"],
            unique=True,
            sqlite_where=sa.text("kind = 'scheme'"),
        )

    op.create_table(
        "sale_vat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("seller_name", sa.String(length=200), nullable=False),
        sa.Column("seller_tax_id", sa.String(length=13), nullable=True),
        sa.Column("gross_satang", sa.Integer(), nullable=False),
        sa.Column("net_satang", sa.Integer(), nullable=False),
        sa.Column("vat_satang", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "gross_satang >= 0 AND vat_satang >= 0 AND net_satang + vat_satang = gross_satang",
            name=op.f("ck_sale_vat_adds_up"),
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sale.id"], name=op.f("fk_sale_vat_sale_id_sale")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_vat")),
        sa.UniqueConstraint("sale_id", "position", name=op.f("uq_sale_vat_sale_id")),
    )
    op.create_table(
        "tax_invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_uuid", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("issued_at_utc", sa.String(length=32), nullable=False),
        sa.Column("issued_by_user_id", sa.Integer(), nullable=False),
        sa.Column("buyer_name", sa.String(length=200), nullable=False),
        sa.Column("buyer_address", sa.Text(), nullable=False),
        sa.Column("buyer_tax_id", sa.String(length=13), nullable=False),
        sa.Column("buyer_branch", sa.String(length=5), nullable=True),
        sa.Column("replaces_abbreviated", sa.Boolean(), nullable=False),
        sa.Column("replaces_number", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "length(buyer_tax_id) = 13", name=op.f("ck_tax_invoice_tax_id_13_digits")
        ),
        sa.CheckConstraint(
            "replaces_number IS NULL OR reason IS NOT NULL",
            name=op.f("ck_tax_invoice_replacement_has_reason"),
        ),
        sa.CheckConstraint("serial > 0", name=op.f("ck_tax_invoice_serial_positive")),
        sa.ForeignKeyConstraint(
            ["issued_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_tax_invoice_issued_by_user_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["replaces_number"],
            ["tax_invoice.number"],
            name=op.f("fk_tax_invoice_replaces_number_tax_invoice"),
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sale.id"], name=op.f("fk_tax_invoice_sale_id_sale")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tax_invoice")),
        sa.UniqueConstraint("invoice_uuid", name=op.f("uq_tax_invoice_invoice_uuid")),
        sa.UniqueConstraint("number", name=op.f("uq_tax_invoice_number")),
        sa.UniqueConstraint("replaces_number", name=op.f("uq_tax_invoice_replaces_number")),
        sa.UniqueConstraint("terminal_id", "serial", name=op.f("uq_tax_invoice_terminal_id")),
    )
    with op.batch_alter_table("tax_invoice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tax_invoice_sale_id"), ["sale_id"], unique=False)

    op.create_table(
        "credit_note_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_uuid", sa.String(length=36), nullable=False),
        sa.Column("credit_note_id", sa.Integer(), nullable=False),
        sa.Column("sale_line_id", sa.Integer(), nullable=False),
        sa.Column("quantity_milli", sa.Integer(), nullable=False),
        sa.Column("amount_satang", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "quantity_milli > 0 AND amount_satang >= 0",
            name=op.f("ck_credit_note_line_amounts_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["credit_note_id"],
            ["credit_note.id"],
            name=op.f("fk_credit_note_line_credit_note_id_credit_note"),
        ),
        sa.ForeignKeyConstraint(
            ["sale_line_id"],
            ["sale_line.id"],
            name=op.f("fk_credit_note_line_sale_line_id_sale_line"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_note_line")),
        sa.UniqueConstraint("line_uuid", name=op.f("uq_credit_note_line_line_uuid")),
    )
    with op.batch_alter_table("credit_note_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_credit_note_line_credit_note_id"), ["credit_note_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_credit_note_line_sale_line_id"), ["sale_line_id"], unique=False
        )

    op.create_table(
        "credit_note_refund",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("refund_uuid", sa.String(length=36), nullable=False),
        sa.Column("credit_note_id", sa.Integer(), nullable=False),
        sa.Column("sale_tender_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("amount_satang", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "method IN ('cash', 'promptpay', 'card', 'scheme', 'scheme_government')",
            name=op.f("ck_credit_note_refund_known_method"),
        ),
        sa.CheckConstraint("amount_satang > 0", name=op.f("ck_credit_note_refund_amount_positive")),
        sa.ForeignKeyConstraint(
            ["credit_note_id"],
            ["credit_note.id"],
            name=op.f("fk_credit_note_refund_credit_note_id_credit_note"),
        ),
        sa.ForeignKeyConstraint(
            ["sale_tender_id"],
            ["sale_tender.id"],
            name=op.f("fk_credit_note_refund_sale_tender_id_sale_tender"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_note_refund")),
        sa.UniqueConstraint(
            "credit_note_id",
            "sale_tender_id",
            "method",
            name=op.f("uq_credit_note_refund_credit_note_id"),
        ),
        sa.UniqueConstraint("refund_uuid", name=op.f("uq_credit_note_refund_refund_uuid")),
    )
    op.create_table(
        "credit_note_vat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("credit_note_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("seller_name", sa.String(length=200), nullable=False),
        sa.Column("seller_tax_id", sa.String(length=13), nullable=True),
        sa.Column("gross_satang", sa.Integer(), nullable=False),
        sa.Column("net_satang", sa.Integer(), nullable=False),
        sa.Column("vat_satang", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "gross_satang >= 0 AND vat_satang >= 0 AND net_satang + vat_satang = gross_satang",
            name=op.f("ck_credit_note_vat_adds_up"),
        ),
        sa.ForeignKeyConstraint(
            ["credit_note_id"],
            ["credit_note.id"],
            name=op.f("fk_credit_note_vat_credit_note_id_credit_note"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_note_vat")),
        sa.UniqueConstraint(
            "credit_note_id", "position", name=op.f("uq_credit_note_vat_credit_note_id")
        ),
    )
    op.create_table(
        "sale_allocation",
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("line_position", sa.Integer(), nullable=False),
        sa.Column("tender_position", sa.Integer(), nullable=False),
        sa.Column("amount_satang", sa.Integer(), nullable=False),
        sa.Column("government_share_satang", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "amount_satang > 0 AND government_share_satang BETWEEN 0 AND amount_satang",
            name=op.f("ck_sale_allocation_amounts_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["sale_id", "line_position"],
            ["sale_line.sale_id", "sale_line.position"],
            name=op.f("fk_sale_allocation_sale_id_sale_line"),
        ),
        sa.ForeignKeyConstraint(
            ["sale_id", "tender_position"],
            ["sale_tender.sale_id", "sale_tender.position"],
            name=op.f("fk_sale_allocation_sale_id_sale_tender"),
        ),
        sa.PrimaryKeyConstraint(
            "sale_id", "line_position", "tender_position", name=op.f("pk_sale_allocation")
        ),
    )
    op.create_table(
        "credit_note_share",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("credit_note_line_id", sa.Integer(), nullable=False),
        sa.Column("sale_tender_id", sa.Integer(), nullable=False),
        sa.Column("amount_satang", sa.Integer(), nullable=False),
        sa.Column("government_share_satang", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "amount_satang > 0 AND government_share_satang BETWEEN 0 AND amount_satang",
            name=op.f("ck_credit_note_share_amounts_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["credit_note_line_id"],
            ["credit_note_line.id"],
            name=op.f("fk_credit_note_share_credit_note_line_id_credit_note_line"),
        ),
        sa.ForeignKeyConstraint(
            ["sale_tender_id"],
            ["sale_tender.id"],
            name=op.f("fk_credit_note_share_sale_tender_id_sale_tender"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_note_share")),
        sa.UniqueConstraint(
            "credit_note_line_id",
            "sale_tender_id",
            name=op.f("uq_credit_note_share_credit_note_line_id"),
        ),
    )
    _create_triggers()


def downgrade() -> None:
    for name in _trigger_names():
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("credit_note_share")
    op.drop_table("sale_allocation")
    op.drop_table("credit_note_vat")
    op.drop_table("credit_note_refund")
    with op.batch_alter_table("credit_note_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credit_note_line_sale_line_id"))
        batch_op.drop_index(batch_op.f("ix_credit_note_line_credit_note_id"))

    op.drop_table("credit_note_line")
    with op.batch_alter_table("tax_invoice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tax_invoice_sale_id"))

    op.drop_table("tax_invoice")
    op.drop_table("sale_vat")
    with op.batch_alter_table("sale_tender", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_sale_tender_scheme_reference", sqlite_where=sa.text("kind = 'scheme'")
        )

    op.drop_table("sale_tender")
    op.drop_table("sale_line")
    with op.batch_alter_table("credit_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credit_note_sale_id"))
        batch_op.drop_index(batch_op.f("ix_credit_note_business_date"))

    op.drop_table("credit_note")
    with op.batch_alter_table("sale", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sale_business_date"))

    op.drop_table("sale")
