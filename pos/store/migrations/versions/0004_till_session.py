"""till session: the open cart and held carts

Revision ID: 0004_till_session
Revises: 0003_audit
Create Date: 2026-11-24

The cart on the counter is written after every change (by a background writer,
see pos.till.services.cart_journal) so that a crash or a power cut never loses it;
held (parked) carts live in the same tables with status 'held'.  Lines keep the
product as it was when scanned (JSON), so a restored cart is the same cart even
if the catalogue changed since.  Deleting a cart deletes its lines.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_till_session"
down_revision: str | None = "0003_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DISCOUNT_KINDS = "IN ('amount', 'percent')"


def upgrade() -> None:
    op.create_table(
        "till_cart",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cart_uuid", sa.String(length=36), nullable=False),
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("opened_at_utc", sa.String(length=32), nullable=False),
        sa.Column("changed_at_utc", sa.String(length=32), nullable=False),
        sa.Column("held_at_utc", sa.String(length=32), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("order_discount_kind", sa.String(length=8), nullable=True),
        sa.Column("order_discount_value", sa.Integer(), nullable=True),
        sa.Column("order_discount_approved_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            f"order_discount_kind IS NULL OR order_discount_kind {_DISCOUNT_KINDS}",
            name=op.f("ck_till_cart_known_discount_kind"),
        ),
        sa.CheckConstraint("status IN ('open', 'held')", name=op.f("ck_till_cart_known_status")),
        sa.ForeignKeyConstraint(
            ["order_discount_approved_by"],
            ["app_user.id"],
            name=op.f("fk_till_cart_order_discount_approved_by_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_till_cart_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_till_cart")),
        sa.UniqueConstraint("cart_uuid", name=op.f("uq_till_cart_cart_uuid")),
    )
    op.create_index("ix_till_cart_terminal_id_status", "till_cart", ["terminal_id", "status"])
    op.create_table(
        "till_cart_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cart_id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("product_json", sa.Text(), nullable=False),
        sa.Column("quantity_milli", sa.Integer(), nullable=False),
        sa.Column("unit_price_satang", sa.Integer(), nullable=False),
        sa.Column("label_price_satang", sa.Integer(), nullable=True),
        sa.Column("discount_kind", sa.String(length=8), nullable=True),
        sa.Column("discount_value", sa.Integer(), nullable=True),
        sa.Column("discount_approved_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            f"discount_kind IS NULL OR discount_kind {_DISCOUNT_KINDS}",
            name=op.f("ck_till_cart_line_known_discount_kind"),
        ),
        sa.CheckConstraint("quantity_milli > 0", name=op.f("ck_till_cart_line_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["cart_id"],
            ["till_cart.id"],
            name=op.f("fk_till_cart_line_cart_id_till_cart"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["discount_approved_by"],
            ["app_user.id"],
            name=op.f("fk_till_cart_line_discount_approved_by_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_till_cart_line")),
        sa.UniqueConstraint("cart_id", "line_id", name="uq_till_cart_line_cart_id_line_id"),
    )


def downgrade() -> None:
    op.drop_table("till_cart_line")
    op.drop_index("ix_till_cart_terminal_id_status", "till_cart")
    op.drop_table("till_cart")
