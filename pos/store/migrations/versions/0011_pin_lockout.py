"""PIN lock-out: wrong PINs per user, kept in the store so the app and the CLI share them

Revision ID: 0011_pin_lockout
Revises: 0009_sync_set_aside
Create Date: 2026-12-03

The lock-out used to live in the app's memory, so the command line (a new
process each time) had none.  One row per subject (``user:7``) holds the times
of the wrong tries that still count and the latest lock (see
pos/staff/domain/lockout.py); the audit trail keeps every failure.  Written on
a branch beside 0010; the merge re-chains down_revision after it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_pin_lockout"
down_revision: str | None = "0010_print_drawer_kick"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pin_lockout",
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("failures_json", sa.Text(), nullable=False),
        sa.Column("locked_until_utc", sa.String(length=32), nullable=True),
        sa.Column("locks", sa.Integer(), nullable=False),
        sa.CheckConstraint("locks >= 0", name=op.f("ck_pin_lockout_locks_not_negative")),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_pin_lockout")),
    )


def downgrade() -> None:
    op.drop_table("pin_lockout")
