"""Builders and checks for the head-office tests: sale-like records, batches, totals.

Until the sales model lands, a "sale" payload here has the shape the counter
will send (lines and tenders inside the sale, money in satang), so counts and
sums can be compared on both sides after every fault.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg

from pos.clock import THAI_TIME


def sale_record(
    terminal: str,
    rng: random.Random,
    *,
    device_time: dt.datetime | None = None,
    lines: int = 3,
) -> dict[str, Any]:
    """A record envelope around a sale with ``lines`` lines and one or two tenders."""
    sale_lines = []
    for number in range(lines):
        quantity = rng.choice([1000, 2000, 1250, 500])
        price = rng.randrange(1_000, 150_000)
        amount = (price * quantity + 500) // 1000
        sale_lines.append({"line": number + 1, "sku": f"SKU-{rng.randrange(500):04d}",
                           "quantity_milli": quantity, "unit_price_satang": price,
                           "amount_satang": amount})  # fmt: skip
    total = sum(line["amount_satang"] for line in sale_lines)
    card = rng.randrange(0, total + 1) if rng.random() < 0.3 else 0
    tenders = [{"method": "cash", "amount_satang": total - card}]
    if card:
        tenders.append({"method": "card", "amount_satang": card})
    when = device_time or dt.datetime.now(THAI_TIME)
    return {
        "record_id": str(uuid.uuid4()),
        "kind": "sale",
        "terminal": terminal,
        "device_time": when.isoformat(),
        "payload": {"receipt_no": f"{terminal}-{rng.randrange(10**6):06d}",
                    "lines": sale_lines, "tenders": tenders, "total_satang": total},
    }  # fmt: skip


def batch(records: Sequence[dict[str, Any]], batch_id: uuid.UUID | None = None) -> dict[str, Any]:
    return {"batch_id": str(batch_id or uuid.uuid4()), "records": list(records)}


def sales(terminal: str, count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [sale_record(terminal, rng) for _ in range(count)]


@dataclass(frozen=True)
class Totals:
    """Counts and money of sales, their lines and their tenders."""

    sales: int
    sale_satang: int
    lines: int
    line_satang: int
    tenders: int
    tender_satang: int


def sent_totals(records: Iterable[dict[str, Any]]) -> Totals:
    payloads = [record["payload"] for record in records if record["kind"] == "sale"]
    lines = [line for payload in payloads for line in payload["lines"]]
    tenders = [tender for payload in payloads for tender in payload["tenders"]]
    return Totals(
        sales=len(payloads),
        sale_satang=sum(payload["total_satang"] for payload in payloads),
        lines=len(lines),
        line_satang=sum(line["amount_satang"] for line in lines),
        tenders=len(tenders),
        tender_satang=sum(tender["amount_satang"] for tender in tenders),
    )


_TOTALS_SQL = """
WITH mine AS (
    SELECT r.payload FROM sync_record r JOIN terminal t ON t.id = r.terminal_id
    WHERE r.kind = 'sale' AND t.name = %(terminal)s
)
SELECT
    (SELECT count(*) FROM mine),
    (SELECT coalesce(sum((payload->>'total_satang')::bigint), 0) FROM mine),
    (SELECT count(*) FROM mine, jsonb_array_elements(payload->'lines')),
    (SELECT coalesce(sum((l->>'amount_satang')::bigint), 0)
       FROM mine, jsonb_array_elements(payload->'lines') l),
    (SELECT count(*) FROM mine, jsonb_array_elements(payload->'tenders')),
    (SELECT coalesce(sum((t->>'amount_satang')::bigint), 0)
       FROM mine, jsonb_array_elements(payload->'tenders') t)
"""


def stored_totals(url: str, terminal: str) -> Totals:
    """What the head office holds for ``terminal``, computed by PostgreSQL from the JSONB."""
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(_TOTALS_SQL, {"terminal": terminal}).fetchone()
    assert row is not None
    return Totals(*(int(value) for value in row))  # type: ignore[arg-type]


def stored_ids(url: str, terminal: str) -> set[str]:
    with psycopg.connect(url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT r.record_id FROM sync_record r JOIN terminal t ON t.id = r.terminal_id"
            " WHERE t.name = %s",
            (terminal,),
        ).fetchall()
    return {str(row[0]) for row in rows}


def row_versions(url: str) -> dict[str, list[tuple[str, str]]]:
    """Every row of the sync tables with its xmin: equal before and after = nothing written."""
    tables = {"sync_record": "record_id", "sync_batch": "batch_id", "terminal": "id"}
    with psycopg.connect(url, autocommit=True) as connection:
        return {
            table: [
                (str(key), str(xmin))
                for key, xmin in connection.execute(
                    f"SELECT {key}, xmin::text FROM {table} ORDER BY {key}"
                )
            ]
            for table, key in tables.items()
        }
