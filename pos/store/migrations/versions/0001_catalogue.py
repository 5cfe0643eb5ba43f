"""catalogue, users, settings and counters

Revision ID: 0001_catalogue
Revises: (none)
Create Date: 2026-11-24

The first schema: producer groups, products, users, settings and named counters.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_catalogue"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("role IN ('cashier', 'manager')", name=op.f("ck_app_user_known_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("name", name=op.f("uq_app_user_name")),
    )
    op.create_table(
        "counter",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counter")),
    )
    op.create_table(
        "producer_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("district", sa.String(length=100), nullable=False),
        sa.Column("vat_registered", sa.Boolean(), nullable=False),
        sa.Column("tax_id", sa.String(length=13), nullable=True),
        sa.Column("branch", sa.String(length=5), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_producer_group")),
        sa.UniqueConstraint("name_th", name=op.f("uq_producer_group_name_th")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "product",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("barcode", sa.String(length=14), nullable=True),
        sa.Column("plu", sa.Integer(), nullable=True),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200, collation="NOCASE"), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("producer_id", sa.Integer(), nullable=False),
        sa.Column("unit_price_satang", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("sold_by_weight", sa.Boolean(), nullable=False),
        sa.Column("vat_applicable", sa.Boolean(), nullable=False),
        sa.Column("otop_stars", sa.Integer(), nullable=False),
        sa.Column("stock_milli", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "category IN ('food', 'beverage', 'textile', 'household', 'herbal')",
            name=op.f("ck_product_known_category"),
        ),
        sa.CheckConstraint("otop_stars BETWEEN 0 AND 5", name=op.f("ck_product_stars_0_to_5")),
        sa.CheckConstraint("unit_price_satang >= 0", name=op.f("ck_product_price_not_negative")),
        sa.ForeignKeyConstraint(
            ["producer_id"],
            ["producer_group.id"],
            name=op.f("fk_product_producer_id_producer_group"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product")),
        sa.UniqueConstraint("barcode", name=op.f("uq_product_barcode")),
        sa.UniqueConstraint("plu", name=op.f("uq_product_plu")),
        sa.UniqueConstraint("sku", name=op.f("uq_product_sku")),
    )
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_producer_id"), ["producer_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_producer_id"))

    op.drop_table("product")
    op.drop_table("setting")
    op.drop_table("producer_group")
    op.drop_table("counter")
    op.drop_table("app_user")
