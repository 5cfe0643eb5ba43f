"""A year of sales in a few tens of seconds: one simulated day copied row for row, day after day.

``otop-pos simulate`` rings up about 360 sales a second through checkout, so a
year of ~1,000 sales a day (a million sale lines) would take 17 minutes.  For
the report benchmarks the year is built instead from ONE simulated day —
real checkout rows: sales, lines, tenders, VAT, allocation, credit notes with
their lines, shares, refunds and VAT, the two shifts with their floats,
counts, results and cash movements, the business day and its Z report — copied
with SQL ``INSERT … SELECT`` to each following day: ids offset, dates moved,
UUIDs fresh, receipt, credit-note, shift and Z numbers offset, scheme app
references made unique.  The rows are those checkout wrote; only their day
differs.  Every copy goes in through the store's triggers (open shift, open
day), shift by shift, exactly as a day is filled.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

OFFSET = 100_000  # per copied day, added to every row id (a template day has fewer rows)
_UUID = " || '-' || ".join(f"lower(hex(randomblob({n})))" for n in (4, 2, 2, 2, 6))  # 8-4-4-4-12
_DAYS = "? || ' days'"


def _moved(column: str) -> str:
    """A UTC text time moved by whole days (the date part only: the times are UTC)."""
    return f"date(substr({column}, 1, 10), {_DAYS}) || substr({column}, 11)"


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def copy_rows(
    connection: sqlite3.Connection,
    table: str,
    where: str,
    changed: Mapping[str, str],
    parameters: list[object],
) -> None:
    """``INSERT INTO table SELECT`` the rows ``where`` selects, with some columns ``changed``.

    Each change is an SQL expression over the template row; ``parameters`` fill
    the ``?`` of the changes (in column order) and then those of ``where``.
    """
    columns = _columns(connection, table)
    expressions = [changed.get(column, column) for column in columns]
    connection.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(expressions)}"
        f" FROM {table} WHERE {where}",
        parameters,
    )


def _plus(*columns: str) -> dict[str, str]:
    return {column: f"{column} + :o" for column in columns}


def copy_day(connection: sqlite3.Connection, days: int) -> None:
    """Copy template business day 1 (all its rows) to ``days`` days later, in one transaction."""
    o, d = days * OFFSET, f"+{days}"

    def copy(table: str, where: str, changed: dict[str, str]) -> None:
        sql_changed = {k: v.replace(":o", str(o)) for k, v in changed.items()}
        count = sum(v.count("?") for k, v in sql_changed.items())
        copy_rows(connection, table, where, sql_changed, [d] * count)

    connection.execute("BEGIN")
    copy(
        "business_day",
        "id = 1",
        {
            **_plus("id"),
            "day_uuid": _UUID,
            "business_date": f"date(business_date, {_DAYS})",
            "opened_at_utc": _moved("opened_at_utc"),
            "closed_at_utc": "NULL",
        },
    )
    for (shift,) in connection.execute("SELECT id FROM shift WHERE business_day_id = 1").fetchall():
        _copy_shift(copy, shift)
        connection.execute(
            f"UPDATE shift SET (closed_at_utc, counted_by_user_id, approved_by_user_id,"
            f" approved_at_utc, closing_note) = (SELECT {_moved('closed_at_utc')},"
            f" counted_by_user_id, approved_by_user_id, approved_at_utc, closing_note"
            f" FROM shift WHERE id = ?) WHERE id = ?",
            (d, shift, shift + o),
        )
        copy("cash_count", f"shift_id = {shift} AND stage = 'close'", _plus("id", "shift_id"))
        copy("shift_tender_result", f"shift_id = {shift}", _plus("id", "shift_id"))
    connection.execute(
        f"UPDATE business_day SET closed_at_utc = (SELECT {_moved('closed_at_utc')}"
        " FROM business_day WHERE id = 1) WHERE id = ?",
        (d, 1 + o),
    )
    copy(
        "day_item_total",
        "business_day_id = 1",
        {**_plus("business_day_id"), "business_date": f"date(business_date, {_DAYS})"},
    )
    copy(
        "z_report",
        "business_day_id = 1",
        {
            **_plus("id", "serial", "business_day_id"),
            "z_uuid": _UUID,
            "number": f"'POS01-Z-' || printf('%08d', serial + {o})",
            "closed_at_utc": _moved("closed_at_utc"),
        },
    )
    connection.execute("COMMIT")


def _copy_shift(copy: object, shift: int) -> None:
    assert callable(copy)
    copy(
        "shift",
        f"id = {shift}",
        {
            **_plus("id", "number", "business_day_id"),
            "shift_uuid": _UUID,
            "opened_at_utc": _moved("opened_at_utc"),
            "closed_at_utc": "NULL",
            "counted_by_user_id": "NULL",
            "approved_by_user_id": "NULL",
            "approved_at_utc": "NULL",
            "closing_note": "''",
        },
    )
    copy("cash_count", f"shift_id = {shift} AND stage = 'float'", _plus("id", "shift_id"))
    copy(
        "cash_movement",
        f"shift_id = {shift}",
        {**_plus("id", "shift_id"), "movement_uuid": _UUID, "at_utc": _moved("at_utc")},
    )
    sales = f"sale_id IN (SELECT id FROM sale WHERE shift_id = {shift})"
    copy(
        "sale",
        f"shift_id = {shift}",
        {
            **_plus("id", "receipt_serial", "shift_id", "business_day_id"),
            "sale_uuid": _UUID,
            "receipt_number": "'POS01-' || printf('%08d', receipt_serial + :o)",
            "sold_at_utc": _moved("sold_at_utc"),
            "business_date": f"date(business_date, {_DAYS})",
        },
    )
    copy("sale_line", sales, {**_plus("id", "sale_id"), "line_uuid": _UUID})
    copy(
        "sale_tender",
        sales,
        {
            **_plus("id", "sale_id"),
            "tender_uuid": _UUID,
            "reference": "CASE kind WHEN 'scheme' THEN reference || '-' || :o ELSE reference END",
        },
    )
    copy("sale_vat", sales, _plus("id", "sale_id"))
    copy("sale_allocation", sales, _plus("sale_id"))
    notes = f"credit_note_id IN (SELECT id FROM credit_note WHERE shift_id = {shift})"
    copy(
        "credit_note",
        f"shift_id = {shift}",
        {
            **_plus("id", "sale_id", "serial", "shift_id", "business_day_id"),
            "credit_note_uuid": _UUID,
            "number": "'POS01-CN-' || printf('%08d', serial + :o)",
            "issued_at_utc": _moved("issued_at_utc"),
            "business_date": f"date(business_date, {_DAYS})",
        },
    )
    copy(
        "credit_note_line",
        notes,
        {**_plus("id", "credit_note_id", "sale_line_id"), "line_uuid": _UUID},
    )
    copy(
        "credit_note_share",
        "credit_note_line_id IN (SELECT id FROM credit_note_line WHERE " + notes + ")",
        _plus("id", "credit_note_line_id", "sale_tender_id"),
    )
    copy(
        "credit_note_refund",
        notes,
        {**_plus("id", "credit_note_id", "sale_tender_id"), "refund_uuid": _UUID},
    )
    copy("credit_note_vat", notes, _plus("id", "credit_note_id"))


def grow_year(connection: sqlite3.Connection, days: int) -> None:
    """Copy template day 1 to each of the next ``days`` − 1 days."""
    connection.execute("PRAGMA synchronous=OFF")  # a benchmark's build step, not a till
    for day in range(1, days):
        copy_day(connection, day)
