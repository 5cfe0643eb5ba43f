"""sync: the field a rejection names, records held for a later run, run markers, HQ's numbers

Revision ID: 0009_sync_set_aside
Revises: 0008_sync
Create Date: 2026-12-02

* ``sync_outbox.reject_field``: the payload's field the head office named in a
  rejection (``lines[2].name_th``), shown with the reason;
* ``sync_outbox.held_in_run``: a record refused for a reason that says nothing
  about it (``server_fault``) stays waiting but is not sent again in the run
  that was told so (a later run sends it);
* ``sync_state.run_seq`` / ``run_started_at_utc``: stored and committed when a
  run starts and cleared when it ends, so a run killed midway shows as
  interrupted rather than as the earlier run's outcome;
* ``counter.hq_last``: the head office's last serial of the sequence, when
  known (``otop-pos sync configure``): a number at or below it is never taken.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_sync_set_aside"
down_revision: str | None = "0008_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN (no table copy): the outbox's triggers stay as they are
    op.add_column("sync_outbox", sa.Column("reject_field", sa.Text(), nullable=True))
    op.add_column("sync_outbox", sa.Column("held_in_run", sa.Integer(), nullable=True))
    op.add_column(
        "sync_state", sa.Column("run_seq", sa.Integer(), server_default="0", nullable=False)
    )
    op.add_column("sync_state", sa.Column("run_started_at_utc", sa.String(32), nullable=True))
    op.add_column("counter", sa.Column("hq_last", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    for table, column in (
        ("counter", "hq_last"),
        ("sync_state", "run_started_at_utc"),
        ("sync_state", "run_seq"),
        ("sync_outbox", "held_in_run"),
        ("sync_outbox", "reject_field"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
