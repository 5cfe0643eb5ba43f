"""Independent SQL checks that a store's sales and credit notes are whole and add up."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pos.store.database import DATABASE_FILENAME

# Each query returns the rows that break a rule: it must return nothing.
BROKEN = {
    "sale without lines": "SELECT id FROM sale WHERE id NOT IN (SELECT sale_id FROM sale_line)",
    "lines do not add up to the total": """
        SELECT s.id FROM sale s JOIN sale_line l ON l.sale_id = s.id
        GROUP BY s.id HAVING sum(l.total_satang) <> s.total_satang""",
    "tenders do not pay total + rounding": """
        SELECT s.id FROM sale s LEFT JOIN sale_tender t ON t.sale_id = s.id
        GROUP BY s.id
        HAVING coalesce(sum(t.amount_satang), 0) <> s.total_satang + s.cash_rounding_satang""",
    "allocation does not add up to the lines": """
        SELECT l.id FROM sale_line l LEFT JOIN sale_allocation a
          ON a.sale_id = l.sale_id AND a.line_position = l.position
        GROUP BY l.id HAVING coalesce(sum(a.amount_satang), 0) <> l.total_satang""",
    "VAT rows do not match the vatable lines": """
        SELECT s.id FROM sale s
        WHERE (SELECT coalesce(sum(gross_satang), 0) FROM sale_vat WHERE sale_id = s.id)
           <> (SELECT coalesce(sum(total_satang), 0) FROM sale_line
               WHERE sale_id = s.id AND vatable)""",
    "credit note without lines": """
        SELECT id FROM credit_note WHERE id NOT IN (SELECT credit_note_id FROM credit_note_line)""",
    "credit note lines do not add up": """
        SELECT n.id FROM credit_note n JOIN credit_note_line l ON l.credit_note_id = n.id
        GROUP BY n.id HAVING sum(l.amount_satang) <> n.total_satang""",
    "refunds do not add up to the credit note": """
        SELECT n.id FROM credit_note n LEFT JOIN credit_note_refund r ON r.credit_note_id = n.id
        GROUP BY n.id HAVING coalesce(sum(r.amount_satang), 0) <> n.total_satang""",
    # the outbox (0008_sync): a record and its queued copy commit together or not at all
    "sale not queued for the head office": """
        SELECT id FROM sale WHERE sale_uuid NOT IN (SELECT record_uuid FROM sync_outbox)""",
    "credit note not queued for the head office": """
        SELECT id FROM credit_note
        WHERE credit_note_uuid NOT IN (SELECT record_uuid FROM sync_outbox)""",
    "queued record without its sale": """
        SELECT seq FROM sync_outbox WHERE kind = 'sale'
        AND record_uuid NOT IN (SELECT sale_uuid FROM sale)""",
    "queued record without its credit note": """
        SELECT seq FROM sync_outbox WHERE kind = 'credit_note'
        AND record_uuid NOT IN (SELECT credit_note_uuid FROM credit_note)""",
}


def tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of the store at ``path``, row for row (read-only; the FTS index aside)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE '%fts%' ORDER BY name"
            )
        ]
        return {name: connection.execute(f'SELECT * FROM "{name}"').fetchall() for name in names}


def assert_store_consistent(data_dir: Path) -> int:
    """Check every rule and gap-free numbering; returns the number of sales."""
    connection = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        for rule, sql in BROKEN.items():
            assert connection.execute(sql).fetchall() == [], rule
        counters = dict(connection.execute("SELECT name, value FROM counter"))
        for table, kind, column in (
            ("sale", "receipt", "receipt_serial"),
            ("credit_note", "credit_note", "serial"),
        ):
            rows = connection.execute(
                f"SELECT terminal_id, count(*), min({column}), max({column}) FROM {table}"
                " GROUP BY terminal_id"
            ).fetchall()
            for terminal, count, first, last in rows:
                assert (first, last) == (1, count), f"{table} numbers of {terminal} have gaps"
                assert counters[f"{kind}:{terminal}"] == count, f"{kind} counter of {terminal}"
        return int(connection.execute("SELECT count(*) FROM sale").fetchone()[0])
    finally:
        connection.close()
