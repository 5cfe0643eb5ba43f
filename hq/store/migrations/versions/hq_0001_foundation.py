"""head office foundation

Revision ID: hq_0001_foundation
Revises: (none)
Create Date: 2026-11-24

The head office's first schema: the catalogue it owns (producer groups,
products, users, settings, counters) with its change feed, the terminals
allowed to sync, and what they send (batches and records, append-only).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "hq_0001_foundation"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_APPEND_ONLY = ("sync_record", "sync_batch", "audit_event")


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
        "catalogue_change",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "entity IN ('producer', 'product', 'user')",
            name=op.f("ck_catalogue_change_known_entity"),
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_catalogue_change")),
    )
    op.create_table(
        "counter",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
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
        "terminal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_batch_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_terminal")),
        sa.UniqueConstraint("name", name=op.f("uq_terminal_name")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_terminal_token_sha256")),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_uuid", sa.UUID(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("approved_by_user_id", sa.Integer(), nullable=True),
        sa.Column("reference", sa.String(length=64), nullable=True),
        sa.Column("detail", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.ForeignKeyConstraint(
            ["approved_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_audit_event_approved_by_user_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_audit_event_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("event_uuid", name=op.f("uq_audit_event_event_uuid")),
    )
    op.create_index(op.f("ix_audit_event_action"), "audit_event", ["action"], unique=False)
    op.create_index(op.f("ix_audit_event_at"), "audit_event", ["at"], unique=False)
    op.create_table(
        "product",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("barcode", sa.String(length=14), nullable=True),
        sa.Column("plu", sa.Integer(), nullable=True),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("producer_id", sa.Integer(), nullable=False),
        sa.Column("unit_price_satang", sa.BigInteger(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("sold_by_weight", sa.Boolean(), nullable=False),
        sa.Column("vat_applicable", sa.Boolean(), nullable=False),
        sa.Column("otop_stars", sa.Integer(), nullable=False),
        sa.Column("stock_milli", sa.BigInteger(), nullable=False),
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
    op.create_index(op.f("ix_product_producer_id"), "product", ["producer_id"], unique=False)
    op.create_table(
        "sync_batch",
        sa.Column("batch_id", sa.UUID(), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("ack", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminal.id"], name=op.f("fk_sync_batch_terminal_id_terminal")
        ),
        sa.PrimaryKeyConstraint("batch_id", name=op.f("pk_sync_batch")),
    )
    op.create_index(op.f("ix_sync_batch_terminal_id"), "sync_batch", ["terminal_id"], unique=False)
    op.create_table(
        "sync_record",
        sa.Column("record_id", sa.UUID(), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("device_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["sync_batch.batch_id"],
            name=op.f("fk_sync_record_batch_id_sync_batch"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminal.id"], name=op.f("fk_sync_record_terminal_id_terminal")
        ),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_sync_record")),
    )
    op.create_index(op.f("ix_sync_record_batch_id"), "sync_record", ["batch_id"], unique=False)
    op.create_index(
        "ix_sync_record_terminal_kind_device_time",
        "sync_record",
        ["terminal_id", "kind", "device_time"],
        unique=False,
    )
    # The feed's numbers: drawn only under the feed lock (hq.store.feed_repository).
    op.execute("CREATE SEQUENCE catalogue_change_seq AS bigint OWNED BY catalogue_change.seq")
    # Append-only: what counters sent, the acknowledgements and the audit trail.
    op.execute(
        "CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$"
        " BEGIN RAISE EXCEPTION '% rows cannot be changed or deleted', TG_TABLE_NAME"
        " USING ERRCODE = 'restrict_violation'; END $$"
    )
    for table in _APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}"
            " FOR EACH ROW EXECUTE FUNCTION refuse_change()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()"
        )


def downgrade() -> None:
    for table in _APPEND_ONLY:
        op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
        op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
    op.execute("DROP FUNCTION refuse_change()")
    op.drop_index("ix_sync_record_terminal_kind_device_time", table_name="sync_record")
    op.drop_index(op.f("ix_sync_record_batch_id"), table_name="sync_record")
    op.drop_table("sync_record")
    op.drop_index(op.f("ix_sync_batch_terminal_id"), table_name="sync_batch")
    op.drop_table("sync_batch")
    op.drop_index(op.f("ix_product_producer_id"), table_name="product")
    op.drop_table("product")
    op.drop_index(op.f("ix_audit_event_at"), table_name="audit_event")
    op.drop_index(op.f("ix_audit_event_action"), table_name="audit_event")
    op.drop_table("audit_event")
    op.drop_table("terminal")
    op.drop_table("setting")
    op.drop_table("producer_group")
    op.drop_table("counter")
    op.drop_table("catalogue_change")
    op.drop_table("app_user")
