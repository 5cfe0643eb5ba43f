"""audit trail

Revision ID: 0003_audit
Revises: 0002_product_search
Create Date: 2026-11-24

The append-only record of who did what and who approved it (see pos.audit).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_audit"
down_revision: str | None = "0002_product_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_uuid", sa.String(length=36), nullable=False),
        sa.Column("at_utc", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("approved_by_user_id", sa.Integer(), nullable=True),
        sa.Column("reference", sa.String(length=64), nullable=True),
        sa.Column("detail_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_audit_event_user_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_audit_event_approved_by_user_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("event_uuid", name=op.f("uq_audit_event_event_uuid")),
    )
    op.create_index("ix_audit_event_at_utc", "audit_event", ["at_utc"])
    op.create_index("ix_audit_event_action", "audit_event", ["action"])
    # Append-only: the database itself refuses to change or remove an event.
    op.execute(
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN"
        " SELECT RAISE(ABORT, 'audit events cannot be changed'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN"
        " SELECT RAISE(ABORT, 'audit events cannot be deleted'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER audit_event_no_delete")
    op.execute("DROP TRIGGER audit_event_no_update")
    op.drop_index("ix_audit_event_action", "audit_event")
    op.drop_index("ix_audit_event_at_utc", "audit_event")
    op.drop_table("audit_event")
