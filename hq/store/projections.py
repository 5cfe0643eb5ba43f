"""Counters' records into the typed report tables, in the batch's own transaction.

Called through :mod:`hq.kinds` with the records a batch newly stored (never
duplicates: those were projected when they first came), after their payloads
passed :mod:`hq.payloads`.  Rows go in with PostgreSQL ``COPY`` on the
session's own connection — a day of 3,000 sales is ~30,000 lines, and COPY
writes them several times faster than INSERTs — so if anything fails the
whole batch rolls back with its records, and the tables can never disagree
with ``sync_record``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import psycopg
from sqlalchemy import text
from sqlalchemy.orm import Session

from hq.sync import IncomingRecord
from pos.ids import TerminalKey

Row = tuple[Any, ...]
_COLUMNS = {
    "sale": (
        "record_id",
        "terminal_id",
        "receipt_number",
        "sold_at",
        "business_date",
        "business_day_id",
        "shift_id",
        "cashier",
        "approved_by",
        "subtotal_satang",
        "line_discounts_satang",
        "order_discount_satang",
        "total_satang",
        "vat_satang",
        "non_vat_satang",
        "cash_rounding_satang",
        "change_satang",
    ),
    "sale_line": (
        "sale_id",
        "position",
        "line_id",
        "sku",
        "name_th",
        "category",
        "producer_name",
        "producer_tax_id",
        "vatable",
        "sold_by_weight",
        "quantity_milli",
        "unit_price_satang",
        "catalogue_price_satang",
        "gross_satang",
        "line_discount_satang",
        "order_discount_satang",
        "total_satang",
    ),
    "sale_tender": (
        "sale_id",
        "position",
        "tender_id",
        "kind",
        "scheme_code",
        "amount_satang",
        "tendered_satang",
        "change_satang",
        "government_share_satang",
        "buyer_share_satang",
    ),
    "sale_vat": (
        "sale_id",
        "position",
        "seller_name",
        "seller_tax_id",
        "gross_satang",
        "net_satang",
        "vat_satang",
    ),
    "credit_note": (
        "record_id",
        "terminal_id",
        "number",
        "kind",
        "sale_id",
        "sale_receipt_number",
        "issued_at",
        "business_date",
        "business_day_id",
        "shift_id",
        "cashier",
        "approved_by",
        "reason",
        "total_satang",
        "vat_satang",
        "non_vat_satang",
        "cash_rounding_satang",
    ),
    "credit_note_line": (
        "credit_note_id",
        "line_id",
        "sale_line_id",
        "sku",
        "category",
        "producer_name",
        "quantity_milli",
        "amount_satang",
    ),
    "credit_note_refund": (
        "credit_note_id",
        "refund_id",
        "tender_id",
        "tender_kind",
        "scheme_code",
        "method",
        "amount_satang",
    ),
    "credit_note_vat": (
        "credit_note_id",
        "position",
        "seller_name",
        "seller_tax_id",
        "gross_satang",
        "net_satang",
        "vat_satang",
    ),
    "tax_invoice": (
        "record_id",
        "terminal_id",
        "number",
        "sale_id",
        "issued_at",
        "buyer_name",
        "buyer_tax_id",
        "replaces_number",
    ),
    "shift": (
        "record_id",
        "terminal_id",
        "number",
        "business_day_id",
        "business_date",
        "opened_at",
        "closed_at",
        "opened_by",
        "counted_by",
        "float_satang",
        "cash_expected_satang",
        "cash_counted_satang",
    ),
    "cash_movement": ("shift_id", "movement_id", "kind", "amount_satang", "reason", "at"),
    "z_report": (
        "record_id",
        "terminal_id",
        "number",
        "business_day_id",
        "business_date",
        "closed_at",
        "closed_by",
        "sales_count",
        "sales_satang",
        "refunds_satang",
        "net_satang",
        "vat_satang",
        "grand_total_satang",
        "expected_cash_satang",
        "counted_cash_satang",
    ),
}


def _name(payload: dict[str, Any], user_id: int | None) -> str | None:
    if user_id is None:
        return None
    return str(payload.get("users", {}).get(str(user_id), f"#{user_id}"))


def _vat_rows(key: Any, vat: Iterable[dict[str, Any]]) -> list[Row]:
    return [
        (
            key,
            i,
            v["seller_name"],
            v.get("seller_tax_id"),
            v["gross_satang"],
            v["net_satang"],
            v["vat_satang"],
        )
        for i, v in enumerate(vat)
    ]


def _sales(terminal_id: TerminalKey, records: Sequence[IncomingRecord]) -> dict[str, list[Row]]:
    rows: dict[str, list[Row]] = {"sale": [], "sale_line": [], "sale_tender": [], "sale_vat": []}
    for record in records:
        p, key = dict(record.payload), record.record_id
        rows["sale"].append(
            (
                key,
                terminal_id,
                p["receipt_number"],
                p["sold_at"],
                p["business_date"],
                p.get("business_day_id"),
                p.get("shift_id"),
                _name(p, p["cashier_id"]),
                _name(p, p.get("approved_by_user_id")),
                p["subtotal_satang"],
                p["line_discounts_satang"],
                p["order_discount_satang"],
                p["total_satang"],
                p["vat_satang"],
                p["non_vat_satang"],
                p["cash_rounding_satang"],
                p["change_satang"],
            )
        )
        rows["sale_line"] += [
            (
                key,
                line["position"],
                line["line_id"],
                line["sku"],
                line["name_th"],
                line["category"],
                line["producer_name"],
                line.get("producer_tax_id"),
                line["vatable"],
                line["sold_by_weight"],
                line["quantity_milli"],
                line["unit_price_satang"],
                line["catalogue_price_satang"],
                line["gross_satang"],
                line["line_discount_satang"],
                line["order_discount_satang"],
                line["total_satang"],
            )
            for line in p["lines"]
        ]
        rows["sale_tender"] += [
            (
                key,
                t["position"],
                t["tender_id"],
                t["kind"],
                t.get("scheme_code"),
                t["amount_satang"],
                t["tendered_satang"],
                t["change_satang"],
                t["government_share_satang"],
                t["buyer_share_satang"],
            )
            for t in p["tenders"]
        ]
        rows["sale_vat"] += _vat_rows(key, p["vat"])
    return rows


def _credit_notes(
    terminal_id: TerminalKey, records: Sequence[IncomingRecord]
) -> dict[str, list[Row]]:
    rows: dict[str, list[Row]] = {
        "credit_note": [],
        "credit_note_line": [],
        "credit_note_refund": [],
        "credit_note_vat": [],
    }
    for record in records:
        p, key = dict(record.payload), record.record_id
        rows["credit_note"].append(
            (
                key,
                terminal_id,
                p["number"],
                p["kind"],
                p["sale_id"],
                p["sale_receipt_number"],
                p["issued_at"],
                p["business_date"],
                p.get("business_day_id"),
                p.get("shift_id"),
                _name(p, p["cashier_id"]),
                _name(p, p["approved_by_user_id"]),
                p["reason"],
                p["total_satang"],
                p["vat_satang"],
                p["non_vat_satang"],
                p["cash_rounding_satang"],
            )
        )
        rows["credit_note_line"] += [
            (
                key,
                line["line_id"],
                line["sale_line_id"],
                line["sku"],
                line["category"],
                line["producer_name"],
                line["quantity_milli"],
                line["amount_satang"],
            )
            for line in p["lines"]
        ]
        rows["credit_note_refund"] += [
            (
                key,
                r["refund_id"],
                r["tender_id"],
                r["tender_kind"],
                r.get("scheme_code"),
                r["method"],
                r["amount_satang"],
            )
            for r in p["refunds"]
        ]
        rows["credit_note_vat"] += _vat_rows(key, p["vat"])
    return rows


def _tax_invoices(
    terminal_id: TerminalKey, records: Sequence[IncomingRecord]
) -> dict[str, list[Row]]:
    return {
        "tax_invoice": [
            (
                r.record_id,
                terminal_id,
                p["number"],
                p["sale_id"],
                p["issued_at"],
                p["buyer"]["name"],
                p["buyer"]["tax_id"],
                p.get("replaces_number"),
            )
            for r in records
            for p in (dict(r.payload),)
        ]
    }


def _shifts(terminal_id: TerminalKey, records: Sequence[IncomingRecord]) -> dict[str, list[Row]]:
    rows: dict[str, list[Row]] = {"shift": [], "cash_movement": []}
    for record in records:
        p, key = dict(record.payload), record.record_id
        cash = next(r for r in p["results"] if r["tender"] == "cash")
        rows["shift"].append(
            (
                key,
                terminal_id,
                p["number"],
                p["business_day_id"],
                p["business_date"],
                p["opened_at"],
                p["closed_at"],
                _name(p, p["opened_by_user_id"]),
                _name(p, p["counted_by_user_id"]),
                p["float_satang"],
                cash["expected_satang"],
                cash["counted_satang"],
            )
        )
        rows["cash_movement"] += [
            (key, m["movement_id"], m["kind"], m["amount_satang"], m["reason"], m["at"])
            for m in p["cash_movements"]
        ]
    return rows


def _z_reports(terminal_id: TerminalKey, records: Sequence[IncomingRecord]) -> dict[str, list[Row]]:
    rows = []
    for record in records:
        p = dict(record.payload)
        figures = p["figures"]
        notes = (figures["returns"], figures["voids"])
        refunds = sum(n.get("total_satang", 0) for n in notes)
        vat = figures["sales"].get("vat_satang", 0) - sum(n.get("vat_satang", 0) for n in notes)
        rows.append(
            (
                record.record_id,
                terminal_id,
                p["number"],
                p["business_day_id"],
                p["business_date"],
                p["closed_at"],
                _name(p, p["closed_by_user_id"]),
                p["sales_count"],
                figures["sales"].get("total_satang", 0),
                refunds,
                p["net_satang"],
                vat,
                p["grand_total_satang"],
                figures.get("expected_cash_satang", 0),
                figures.get("counted_cash_satang"),
            )
        )
    return {"z_report": rows}


_BY_KIND = {
    "sale": _sales,
    "credit_note": _credit_notes,
    "tax_invoice": _tax_invoices,
    "shift": _shifts,
    "z_report": _z_reports,
}


class SqlProjectionRepository:
    def __init__(self, session: Session):
        self._session = session

    def project(self, kind: str, terminal: str, records: Sequence[IncomingRecord]) -> None:
        build = _BY_KIND.get(kind)
        if build is None or not records:
            return
        terminal_id = self._session.execute(
            text("SELECT id FROM terminal WHERE name = :name"), {"name": terminal}
        ).scalar_one()
        driver = self._session.connection().connection.driver_connection
        assert isinstance(driver, psycopg.Connection)
        with driver.cursor() as cursor:
            for table, rows in build(terminal_id, records).items():
                if rows:
                    columns = ", ".join(_COLUMNS[table])
                    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
