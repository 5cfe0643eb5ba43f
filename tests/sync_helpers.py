"""Counters for the sync tests: simulated stores, and counts and sums on both sides.

:func:`simulated_counter` makes a real store (the demo catalogue and staff),
names its terminal and rings up simulated days through the till's own
services — sales, returns, voids, two shifts a day with cash in and out,
blind counts and a Z report.  :func:`counter_totals` counts and sums its
sales, lines and tenders in SQL; :func:`payload_totals` does the same over
sale payloads as the head office holds them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pos.bootstrap import AppContext, initialise
from pos.simulation.trading_days import SimulationOptions, SimulationReport, simulate
from pos.store.database import DATABASE_FILENAME, raw_connection
from tests.hq_helpers import Totals

MANAGER_PIN = "5678"  # the demo manager's


def simulated_counter(
    data_dir: Path,
    *,
    terminal: str = "POS01",
    days: int = 2,
    sales_per_day: int = 25,
    seed: int = 1,
    start: dt.date = dt.date(2021, 3, 1),
) -> tuple[AppContext, SimulationReport]:
    context, _ = initialise(data_dir, demo=True)
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(terminal_id=terminal))
        uow.commit()
    options = SimulationOptions(
        days=days,
        sales_per_day=sales_per_day,
        seed=seed,
        start=start,
        return_rate=0.05,
        void_rate=0.03,
        manager_pin=MANAGER_PIN,
    )
    report = simulate(context.uow_factory, options)
    return context, report


_COUNTER_SQL = (
    "SELECT (SELECT count(*) FROM sale), (SELECT coalesce(sum(total_satang), 0) FROM sale),"
    " (SELECT count(*) FROM sale_line), (SELECT coalesce(sum(total_satang), 0) FROM sale_line),"
    " (SELECT count(*) FROM sale_tender),"
    " (SELECT coalesce(sum(amount_satang), 0) FROM sale_tender)"
)


def counter_totals(data_dir: Path) -> Totals:
    with raw_connection(data_dir / DATABASE_FILENAME) as connection:
        row = connection.execute(_COUNTER_SQL).fetchone()
    return Totals(*row)


def payload_totals(payloads: Iterable[dict[str, Any]]) -> Totals:
    sales = list(payloads)
    lines = [line for sale in sales for line in sale["lines"]]
    tenders = [tender for sale in sales for tender in sale["tenders"]]
    return Totals(
        len(sales),
        sum(s["total_satang"] for s in sales),
        len(lines),
        sum(line["total_satang"] for line in lines),
        len(tenders),
        sum(t["amount_satang"] for t in tenders),
    )


def owned_record_ids(data_dir: Path) -> dict[str, set[str]]:
    """Every record the counter owns, by kind, straight from its tables."""
    queries = {
        "sale": "SELECT sale_uuid FROM sale",
        "credit_note": "SELECT credit_note_uuid FROM credit_note",
        "tax_invoice": "SELECT invoice_uuid FROM tax_invoice",
        "shift": "SELECT shift_uuid FROM shift WHERE closed_at_utc IS NOT NULL",
        "z_report": "SELECT z_uuid FROM z_report",
        "audit_event": "SELECT event_uuid FROM audit_event",
    }
    with raw_connection(data_dir / DATABASE_FILENAME) as connection:
        return {kind: {row[0] for row in connection.execute(sql)} for kind, sql in queries.items()}


def outbox_rows(data_dir: Path) -> list[dict[str, Any]]:
    with raw_connection(data_dir / DATABASE_FILENAME) as connection:
        connection.row_factory = lambda cursor, row: {
            column[0]: value for column, value in zip(cursor.description, row, strict=True)
        }
        return connection.execute("SELECT * FROM sync_outbox ORDER BY seq").fetchall()


def outbox_by_kind(data_dir: Path, state: str | None = None) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for row in outbox_rows(data_dir):
        if state is None or row["state"] == state:
            found.setdefault(row["kind"], set()).add(row["record_uuid"])
    return found


def outbox_payloads(data_dir: Path, kind: str) -> list[dict[str, Any]]:
    return [json.loads(r["payload_json"]) for r in outbox_rows(data_dir) if r["kind"] == kind]
