"""print queue

Revision ID: 0006_print_queue
Revises: 0005_sales
Create Date: 2026-11-24

The durable print queue (see pos.printing.domain.print_queue): receipts wait here until a
printer has printed them, across restarts and power cuts.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_print_queue"
down_revision: str | None = "0005_sales"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "print_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_kind", sa.String(length=32), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("printer", sa.String(length=16), nullable=False),
        sa.Column("is_copy", sa.Boolean(), nullable=False),
        sa.Column("open_drawer", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at_utc", sa.String(length=32), nullable=False),
        sa.Column("next_attempt_at_utc", sa.String(length=32), nullable=False),
        sa.Column("printed_at_utc", sa.String(length=32), nullable=True),
        sa.CheckConstraint(
            "state IN ('pending', 'printed', 'failed', 'cancelled')",
            name=op.f("ck_print_job_known_state"),
        ),
        sa.CheckConstraint(
            "printer IN ('receipt', 'label')", name=op.f("ck_print_job_known_printer")
        ),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_print_job_attempts_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_job")),
    )
    # The worker's question, "what is due next on this printer", is answered from this index;
    # the sales history asks "which jobs printed this receipt" through the second.
    op.create_index("ix_print_job_due", "print_job", ["state", "printer", "next_attempt_at_utc"])
    op.create_index("ix_print_job_document", "print_job", ["document_kind", "reference"])


def downgrade() -> None:
    op.drop_index("ix_print_job_document", "print_job")
    op.drop_index("ix_print_job_due", "print_job")
    op.drop_table("print_job")
