"""failed bearer tokens per source address: the lock-out policy the counters' PINs have

Revision ID: hq_0005_auth_lockout
Revises: hq_0004_numbers_per_terminal
Create Date: 2026-12-03

One row per source address (``address:203.0.113.7``) with the times of the
failed tokens that still count and the latest lock (pos/staff/domain/lockout.py,
the same policy as the counter's PINs).  Written on a branch beside hq_0004;
the merge re-chains down_revision after it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "hq_0005_auth_lockout"
down_revision: str | None = "hq_0004_numbers_per_terminal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "auth_lockout",
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("failures", postgresql.ARRAY(sa.DateTime(timezone=True)), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locks", sa.Integer(), nullable=False),
        sa.CheckConstraint("locks >= 0", name=op.f("ck_auth_lockout_locks_not_negative")),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_auth_lockout")),
    )


def downgrade() -> None:
    op.drop_table("auth_lockout")
