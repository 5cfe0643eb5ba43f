"""print queue: the drawer kick is its own step, recorded once per sale

Revision ID: 0010_print_drawer_kick
Revises: 0009_sync_set_aside
Create Date: 2026-12-03

* ``print_job.drawer_kicked_at_utc``: when the drawer kick of a cash sale (or a
  cash refund) reached the printer.  The kick is no longer inside the receipt's
  bytes, so a receipt sent again after a dropped connection does not open the
  drawer again; the kick is sent once, after the receipt has arrived whole.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_print_drawer_kick"
down_revision: str | None = "0009_sync_set_aside"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN (no table copy): a nullable column needs nothing else on SQLite
    op.add_column("print_job", sa.Column("drawer_kicked_at_utc", sa.String(32), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE print_job DROP COLUMN drawer_kicked_at_utc")
