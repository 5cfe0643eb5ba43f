"""The CSV rows of a day's export: one row per record, the kind of record first.

:func:`write_csv` writes what :func:`pos.sale.services.day_export.export_day`
made; the columns are :data:`CSV_COLUMNS` and the rules for filling them are
in that module's docstring.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any, TextIO

from pos.catalogue.domain.products import format_quantity
from pos.money import format_baht
from pos.spreadsheet import spreadsheet_record

CSV_COLUMNS = (
    "record",
    "document",
    "document_id",
    "refers_to",
    "at",
    "terminal_id",
    "user_id",
    "approved_by_user_id",
    "position",
    "kind",
    "sku",
    "name_th",
    "producer",
    "vatable",
    "quantity",
    "unit_price",
    "gross",
    "discount",
    "amount",
    "net",
    "vat",
    "rounding",
    "paid",
    "change",
    "reference",
    "scheme",
    "phase",
    "government_share",
    "buyer_share",
    "buyer_name",
    "buyer_tax_id",
    "buyer_branch",
    "buyer_address",
    "reason",
)


def write_csv(export: dict[str, Any], stream: TextIO) -> int:
    """Write the export as CSV rows; returns the number of rows after the header.

    The CSV is for spreadsheets (the JSON is for programs): formula-like text is quoted.
    """
    writer = csv.DictWriter(stream, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in _csv_rows(export):
        writer.writerow(spreadsheet_record(row))
        count += 1
    return count


def _baht(satang: int | None) -> str:
    return "" if satang is None else format_baht(satang, grouping=False)


def _csv_rows(export: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for sale in export["sales"]:
        yield from _sale_rows(sale)
    for note in export["credit_notes"]:
        yield from _credit_note_rows(note)


def _sale_rows(sale: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A sale, then its lines, tenders, VAT per seller and tax invoices."""
    number = sale["receipt_number"]
    yield {
        "record": "sale",
        "document": number,
        "document_id": sale["sale_id"],
        "at": sale["sold_at"],
        "terminal_id": sale["terminal_id"],
        "user_id": sale["cashier_id"],
        "approved_by_user_id": sale["approved_by_user_id"],
        "gross": _baht(sale["subtotal_satang"]),
        "discount": _baht(sale["line_discounts_satang"] + sale["order_discount_satang"]),
        "amount": _baht(sale["total_satang"]),
        "vat": _baht(sale["vat_satang"]),
        "net": _baht(sale["total_satang"] - sale["vat_satang"]),
        "rounding": _baht(sale["cash_rounding_satang"]),
        "paid": _baht(sale["paid_satang"]),
        "change": _baht(sale["change_satang"]),
    }
    for line in sale["lines"]:
        yield _line_row(number, line)
    for tender in sale["tenders"]:
        yield _tender_row(number, tender)
    yield from _vat_rows("vat", number, sale["vat"])
    for invoice in sale["tax_invoices"]:
        yield _invoice_row(number, invoice)


def _line_row(number: str, line: dict[str, Any]) -> dict[str, Any]:
    quantity = format_quantity(line["quantity_milli"], weighed=line["sold_by_weight"])
    return {
        "record": "line",
        "document": number,
        "document_id": line["line_id"],
        "position": line["position"],
        "kind": line["category"],
        "sku": line["sku"],
        "name_th": line["name_th"],
        "producer": line["producer_name"],
        "vatable": "yes" if line["vatable"] else "no",
        "quantity": quantity,
        "unit_price": _baht(line["unit_price_satang"]),
        "gross": _baht(line["gross_satang"]),
        "discount": _baht(line["line_discount_satang"] + line["order_discount_satang"]),
        "amount": _baht(line["total_satang"]),
    }


def _tender_row(number: str, tender: dict[str, Any]) -> dict[str, Any]:
    return {
        "record": "tender",
        "document": number,
        "document_id": tender["tender_id"],
        "position": tender["position"],
        "kind": tender["kind"],
        "amount": _baht(tender["amount_satang"]),
        "reference": tender["reference"],
        "scheme": tender["scheme_code"],
        "phase": tender["scheme_phase"],
        "government_share": _baht(tender["government_share_satang"]),
        "buyer_share": _baht(tender["buyer_share_satang"]),
    }


def _invoice_row(number: str, invoice: dict[str, Any]) -> dict[str, Any]:
    buyer = invoice["buyer"]
    return {
        "record": "tax_invoice",
        "document": invoice["number"],
        "document_id": invoice["invoice_id"],
        "refers_to": number,
        "at": invoice["issued_at"],
        "user_id": invoice["issued_by_user_id"],
        "kind": "in force" if invoice["in_force"] else "replaced",
        "reference": invoice["replaces_number"],
        "buyer_name": buyer["name"],
        "buyer_tax_id": buyer["tax_id"],
        "buyer_branch": buyer["branch"],
        "buyer_address": buyer["address"],
        "reason": invoice["reason"],
    }


def _vat_rows(record: str, number: str, vat: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for position, seller in enumerate(vat):
        yield {
            "record": record,
            "document": number,
            "position": position,
            "producer": seller["seller_name"],
            "reference": seller["seller_tax_id"],
            "gross": _baht(seller["gross_satang"]),
            "net": _baht(seller["net_satang"]),
            "vat": _baht(seller["vat_satang"]),
        }


def _credit_note_rows(note: dict[str, Any]) -> Iterator[dict[str, Any]]:
    number = note["number"]
    yield {
        "record": "credit_note",
        "document": number,
        "document_id": note["credit_note_id"],
        "refers_to": note["sale_receipt_number"],
        "at": note["issued_at"],
        "terminal_id": note["terminal_id"],
        "user_id": note["cashier_id"],
        "approved_by_user_id": note["approved_by_user_id"],
        "kind": note["kind"],
        "amount": _baht(note["total_satang"]),
        "vat": _baht(note["vat_satang"]),
        "net": _baht(note["total_satang"] - note["vat_satang"]),
        "government_share": _baht(note["returned_to_government_satang"]),
        "rounding": _baht(note["cash_rounding_satang"]),
        "paid": _baht(note["refunded_to_customer_satang"]),
        "reason": note["reason"],
    }
    for line in note["lines"]:
        yield {
            "record": "credit_line",
            "document": number,
            "document_id": line["line_id"],
            "refers_to": line["sale_line_id"],
            "sku": line["sku"],
            "name_th": line["name_th"],
            "quantity": format_quantity(line["quantity_milli"], weighed=False),
            "amount": _baht(line["amount_satang"]),
        }
    for refund in note["refunds"]:
        yield {
            "record": "refund",
            "document": number,
            "document_id": refund["refund_id"],
            "refers_to": refund["tender_id"],
            "kind": refund["method"],
            "amount": _baht(refund["amount_satang"]),
        }
    yield from _vat_rows("credit_vat", number, note["vat"])
