"""Builders and checks for the head-office tests: sale records, batches, totals.

A sale payload here has the shape the counter sends (``pos.sync.domain.records``:
lines and tenders inside the sale, money in satang) and passes the head
office's checks, so counts and sums can be compared on both sides after every
fault.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg

from pos.clock import THAI_TIME

_serials = itertools.count(50_000_000)  # clear of the small serials tests choose


def sale_payload(
    terminal: str, rng: random.Random, when: dt.datetime, lines: int = 3
) -> dict[str, Any]:
    """A sale as the counter sends it (pos.sync.domain.records): lines, tenders; non-VAT goods."""
    sale_lines = []
    for number in range(lines):
        quantity = rng.choice([1000, 2000, 1250, 500])
        price = rng.randrange(1_000, 150_000)
        amount = (price * quantity + 500) // 1000
        sale_lines.append(
            {
                "line_id": str(uuid.uuid4()),
                "position": number,
                "sku": f"SKU-{rng.randrange(500):04d}",
                "barcode": None,
                "name_th": "สินค้า",
                "name_en": "",
                "category": rng.choice(["food", "textile", "herbal"]),
                "unit": "piece",
                "sold_by_weight": quantity % 1000 != 0,
                "producer_name": f"กลุ่มที่ {rng.randrange(5)}",
                "producer_tax_id": None,
                "vatable": False,
                "quantity_milli": quantity,
                "unit_price_satang": price,
                "catalogue_price_satang": price,
                "label_price_satang": None,
                "gross_satang": amount,
                "line_discount_satang": 0,
                "order_discount_satang": 0,
                "total_satang": amount,
            }
        )
    total = sum(line["total_satang"] for line in sale_lines)
    card = rng.randrange(0, total + 1) if rng.random() < 0.3 else 0
    kinds = [("cash", total - card)] + ([("card", card)] if card else [])
    tenders = [
        {
            "tender_id": str(uuid.uuid4()),
            "position": i,
            "kind": kind,
            "amount_satang": amount,
            "tendered_satang": amount,
            "change_satang": 0,
            "reference": None,
            "scheme_code": None,
            "scheme_phase": None,
            "government_share_satang": 0,
            "buyer_share_satang": 0,
        }
        for i, (kind, amount) in enumerate(kinds)
    ]
    serial = next(_serials)  # a terminal's receipt numbers are used once (number_reused)
    return {
        "version": 1,
        "sale_id": str(uuid.uuid4()),
        "receipt_number": f"{terminal}-{serial:08d}",
        "terminal_id": terminal,
        "receipt_serial": serial,
        "sold_at": when.isoformat(),
        "business_date": when.astimezone(THAI_TIME).date().isoformat(),
        "shift_id": None,
        "business_day_id": None,
        "cashier_id": 1,
        "approved_by_user_id": None,
        "vat_rate_basis_points": 700,
        "subtotal_satang": total,
        "line_discounts_satang": 0,
        "order_discount_satang": 0,
        "total_satang": total,
        "vat_satang": 0,
        "non_vat_satang": total,
        "cash_rounding_satang": 0,
        "paid_satang": total,
        "change_satang": 0,
        "lines": sale_lines,
        "tenders": tenders,
        "vat": [],
        "allocation": [],
        "users": {"1": "สมหญิง ใจดี"},
    }


def sale_record(
    terminal: str,
    rng: random.Random,
    *,
    device_time: dt.datetime | None = None,
    lines: int = 3,
) -> dict[str, Any]:
    """A record envelope around a sale with ``lines`` lines and one or two tenders."""
    when = device_time or dt.datetime.now(THAI_TIME)
    payload = sale_payload(terminal, rng, when, lines)
    return {
        "record_id": payload["sale_id"],
        "kind": "sale",
        "terminal": terminal,
        "device_time": when.isoformat(),
        "payload": payload,
    }


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
        line_satang=sum(line["total_satang"] for line in lines),
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
    (SELECT coalesce(sum((l->>'total_satang')::bigint), 0)
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


def numbered_sale(terminal: str, serial: int, seed: int = 7) -> dict[str, Any]:
    """A sale record with receipt number ``serial`` of ``terminal`` (its own ids)."""
    record = sale_record(terminal, random.Random(seed * 100_003 + serial), lines=2)
    record["payload"]["receipt_number"] = f"{terminal}-{serial:08d}"
    record["payload"]["receipt_serial"] = serial
    return record


def z_record(terminal: str, serial: int, net_satang: int = 0) -> dict[str, Any]:
    """A Z report record (as ``pos.sync.domain.records.z_report_record`` builds it)."""
    closed = dt.datetime(2026, 11, 24, 22, 0, tzinfo=THAI_TIME) + dt.timedelta(days=serial)
    z_id = str(uuid.uuid4())
    part = {"count": 0, "total_satang": net_satang, "vat_satang": 0}
    payload = {
        "version": 1,
        "z_id": z_id,
        "number": f"{terminal}-Z-{serial:08d}",
        "serial": serial,
        "terminal_id": terminal,
        "business_day_id": str(uuid.uuid4()),
        "business_date": closed.date().isoformat(),
        "closed_at": closed.isoformat(),
        "closed_by_user_id": 2,
        "sales_count": 0,
        "net_satang": net_satang,
        "grand_total_satang": net_satang,
        "figures": {
            "sales": part,
            "returns": {"count": 0, "total_satang": 0, "vat_satang": 0},
            "voids": {"count": 0, "total_satang": 0, "vat_satang": 0},
            "net_satang": net_satang,
            "expected_cash_satang": 0,
            "counted_cash_satang": 0,
        },
        "users": {"2": "ผู้จัดการ"},
    }
    return {
        "record_id": z_id,
        "kind": "z_report",
        "terminal": terminal,
        "device_time": closed.isoformat(),
        "payload": payload,
    }
