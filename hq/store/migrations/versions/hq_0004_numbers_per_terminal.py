"""document numbers are unique per terminal: Z, receipt, credit note, tax invoice, shift

Revision ID: hq_0004_numbers_per_terminal
Revises: hq_0003_payload_lz4
Create Date: 2026-12-03

A Z report's number was unique across every terminal (``uq_z_report_number``)
and the head office never checked whose it was, so one terminal's Z 1 made
another's fail its whole batch; receipt, credit-note, tax-invoice and shift
numbers were not unique at all.  Numbers belong to their terminal: each is now
unique per (terminal, number), the last word behind the per-record check
(``number_reused``, hq.reuse) when two batches race.

Rows stored before this revision may already repeat a number of their
terminal (a replaced counter that started again at 1): they are real sales
and stay, counted in the reports.  The first received keeps the number; the
later ones are left out of the new index (listed in its predicate, and in the
migration's log), so the index can be built and no new repeat gets in.  On a
database without such rows, the indexes are plain unique indexes, as the
models describe.  The append-only triggers are not touched: an index is no
UPDATE or DELETE.
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "hq_0004_numbers_per_terminal"
down_revision: str | None = "hq_0003_payload_lz4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NUMBERS = (
    ("sale", "receipt_number"),
    ("credit_note", "number"),
    ("tax_invoice", "number"),
    ("shift", "number"),
    ("z_report", "number"),
)
_REPEATS = """
SELECT record_id FROM (
    SELECT d.record_id, row_number() OVER (
        PARTITION BY d.terminal_id, d.{column} ORDER BY r.received_at, d.record_id) AS nth
    FROM {table} d JOIN sync_record r USING (record_id)
) numbered WHERE nth > 1 ORDER BY record_id
"""
_log = logging.getLogger("alembic.runtime.migration")


def _repeats(table: str, column: str) -> list[str]:
    rows = op.get_bind().execute(sa.text(_REPEATS.format(table=table, column=column)))
    return [str(record_id) for (record_id,) in rows]


def upgrade() -> None:
    op.drop_constraint("uq_z_report_number", "z_report", type_="unique")
    for table, column in _NUMBERS:
        repeats = _repeats(table, column)
        where = ""
        if repeats:
            _log.warning("%s: %d rows repeat a number of their terminal, kept", table, len(repeats))
            listed = ", ".join(f"'{record_id}'::uuid" for record_id in repeats)
            where = f" WHERE record_id NOT IN ({listed})"
        op.execute(
            f"CREATE UNIQUE INDEX uq_{table}_terminal_id_{column}"
            f" ON {table} (terminal_id, {column}){where}"
        )


def downgrade() -> None:
    for table, column in _NUMBERS:
        op.drop_index(f"uq_{table}_terminal_id_{column}", table_name=table)
    # refused by PostgreSQL if two terminals now hold the same Z number: nothing is changed
    op.create_unique_constraint("uq_z_report_number", "z_report", ["number"])
