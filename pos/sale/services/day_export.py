"""Every sale and credit note of a business day, as JSON or CSV (``otop-pos sales export``).

JSON (one object; money in integer satang, quantities in thousandths, times
ISO 8601 in Thai time)::

    {"format": "otop-pos-sales/1", "date": "2021-07-05",
     "sales": [{"sale_id", "receipt_number", "terminal_id", "receipt_serial", "sold_at",
                "shift_id", "business_day_id",
                "cashier_id", "approved_by_user_id", "vat_rate_basis_points",
                "subtotal_satang", "line_discounts_satang", "order_discount_satang",
                "total_satang", "vat_satang", "non_vat_satang", "cash_rounding_satang",
                "paid_satang", "change_satang",
                "lines": [{"line_id", "position", "sku", "barcode", "name_th", "name_en",
                           "category", "unit", "sold_by_weight", "producer_name",
                           "producer_tax_id", "vatable", "quantity_milli", "unit_price_satang",
                           "catalogue_price_satang", "label_price_satang", "gross_satang",
                           "line_discount_satang", "order_discount_satang", "total_satang"}],
                "tenders": [{"tender_id", "position", "kind", "amount_satang", "tendered_satang",
                             "change_satang", "reference", "scheme_code", "scheme_phase",
                             "government_share_satang", "buyer_share_satang",
                             "buyer_share_expected_on", "government_share_expected_on"}],
                "vat": [{"seller_name", "seller_tax_id", "gross_satang", "net_satang",
                         "vat_satang"}],
                "tax_invoices": [{"invoice_id", "number", "issued_at", "issued_by_user_id",
                                  "buyer": {"name", "address", "tax_id", "branch"},
                                  "replaces_abbreviated", "replaces_number", "reason",
                                  "in_force"}]}],
     "credit_notes": [{"credit_note_id", "number", "kind", "terminal_id", "sale_id",
                       "shift_id", "business_day_id",
                       "sale_receipt_number", "issued_at", "cashier_id", "approved_by_user_id",
                       "reason", "total_satang", "vat_satang", "non_vat_satang",
                       "cash_rounding_satang", "cash_paid_out_satang",
                       "returned_to_government_satang", "refunded_to_customer_satang",
                       "lines": [{"line_id", "sale_line_id", "sku", "name_th",
                                  "quantity_milli", "amount_satang"}],
                       "refunds": [{"refund_id", "tender_id", "method", "amount_satang"}],
                       "vat": [...as for sales...]}],
     "business_days": [{"business_day_id", "terminal_id", "business_date", "opened_at",
                        "closed_at", "z_number"}],
     "shifts": [{"shift_id", "number", "terminal_id", "business_day_id", "opened_at",
                 "opened_by_user_id", "float_satang", "float_count", "closed_at",
                 "counted_by_user_id", "approved_by_user_id", "cash_count",
                 "results": [{"tender", "expected_satang", "counted_satang"}],
                 "cash_movements": [{"movement_id", "kind", "amount_satang", "reason", "at",
                                     "user_id", "approved_by_user_id"}]}],
     "totals": {"sales", "credit_notes", "sales_satang", "vat_satang", "cash_rounding_satang",
                "refunds_satang", "net_satang", "by_tender": {"cash": …},
                "by_scheme": {"khon_la_khrueng": {"government_share_satang",
                                                   "buyer_share_satang"}}}}

CSV: one row per record, the kind of record in the first column (``sale``,
``line``, ``tender``, ``vat``, ``tax_invoice``, ``credit_note``,
``credit_line``, ``refund``, ``credit_vat``), then :data:`CSV_COLUMNS`; each
record fills the columns that apply to it (``document`` is always its receipt,
tax invoice or credit note number; ``refers_to`` the document or record it
points at; ``paid`` is what the customer paid for a sale and got back for a
credit note, ``government_share`` on a credit note what went back to the
scheme).  Money is in baht with two decimals and no thousands separator,
quantities in units (kg with three decimals).  Shifts and business days
(issue 6) are in the JSON only: ``shift_id``/``business_day_id`` are null for
records stored before shifts existed; counts map a denomination in satang
(as text) to the number of pieces.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from pos.catalogue.domain.products import format_quantity
from pos.money import format_baht
from pos.sale.domain.cart import SellerVat
from pos.sale.domain.completed_sale import Sale, TaxInvoice
from pos.sale.domain.credit_notes import CreditNote
from pos.sale.domain.schemes import SchemeBook
from pos.sale.domain.tenders import SettledTender
from pos.shifts.domain.cash_control import BusinessDay, CashCount, CashMovement, Shift, ShiftStamp
from pos.unit_of_work import UnitOfWork

FORMAT = "otop-pos-sales/1"
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


def export_day(uow_factory: Callable[[], UnitOfWork], day: dt.date) -> dict[str, Any]:
    """The day's sales and credit notes as one JSON-able object (see the module docstring)."""
    with uow_factory() as uow:
        sales = uow.sales.sales_on(day)
        notes = uow.sales.credit_notes_on(day)
        schemes = uow.settings.load().schemes
        days = uow.shifts.days_on(day)
        shifts = [(s, uow.shifts.cash_movements(s.shift_id)) for s in uow.shifts.shifts_on(day)]
    return {
        "format": FORMAT,
        "date": day.isoformat(),
        "sales": [_sale(sale, schemes) for sale in sales],
        "credit_notes": [_note(note, _sale_lines(uow_factory, note, sales)) for note in notes],
        "business_days": [_business_day(d) for d in days],
        "shifts": [_shift(shift, movements) for shift, movements in shifts],
        "totals": _totals(sales, notes),
    }


def _stamp(stamp: ShiftStamp | None) -> dict[str, Any]:
    return {
        "shift_id": str(stamp.shift_id) if stamp else None,
        "business_day_id": str(stamp.business_day_id) if stamp else None,
    }


def _business_day(day: BusinessDay) -> dict[str, Any]:
    return {
        "business_day_id": str(day.day_id),
        "terminal_id": day.terminal_id,
        "business_date": day.business_date.isoformat(),
        "opened_at": day.opened_at.isoformat(),
        "closed_at": day.closed_at.isoformat() if day.closed_at else None,
        "z_number": day.z_number,
    }


def _count(count: CashCount | None) -> dict[str, int] | None:
    return None if count is None else {str(value): n for value, n in count.pieces}


def _shift(shift: Shift, movements: list[CashMovement]) -> dict[str, Any]:
    closing = shift.closing
    return {
        "shift_id": str(shift.shift_id),
        "number": shift.number,
        "terminal_id": shift.terminal_id,
        "business_day_id": str(shift.business_day_id),
        "opened_at": shift.opened_at.isoformat(),
        "opened_by_user_id": shift.opened_by_user_id,
        "float_satang": shift.float_satang,
        "float_count": _count(shift.float_count),
        "closed_at": closing.closed_at.isoformat() if closing else None,
        "counted_by_user_id": closing.counted_by_user_id if closing else None,
        "approved_by_user_id": closing.approved_by_user_id if closing else None,
        "cash_count": _count(closing.cash_count) if closing else None,
        "results": [
            {
                "tender": r.key,
                "expected_satang": r.expected_satang,
                "counted_satang": r.counted_satang,
            }
            for r in closing.results
        ]
        if closing
        else [],
        "cash_movements": [
            {
                "movement_id": str(m.movement_id),
                "kind": m.kind.value,
                "amount_satang": m.amount_satang,
                "reason": m.reason,
                "at": m.at.isoformat(),
                "user_id": m.user_id,
                "approved_by_user_id": m.approved_by_user_id,
            }
            for m in movements
        ],
    }


def _sale_lines(
    uow_factory: Callable[[], UnitOfWork], note: CreditNote, sales: list[Sale]
) -> dict[Any, Any]:
    """The original sale's lines by id (the sale may be from another day)."""
    sale = next((s for s in sales if s.sale_id == note.sale_id), None)
    if sale is None:
        with uow_factory() as uow:
            sale = uow.sales.sale_by_id(note.sale_id)
    return {line.line_id: line for line in sale.lines} if sale else {}


def _vat(vat: SellerVat) -> dict[str, Any]:
    return {
        "seller_name": vat.seller_name,
        "seller_tax_id": vat.seller_tax_id,
        "gross_satang": vat.gross_satang,
        "net_satang": vat.net_satang,
        "vat_satang": vat.vat_satang,
    }


def _tender(
    position: int, tender: SettledTender, sale: Sale, schemes: SchemeBook
) -> dict[str, Any]:
    buyer_on = government_on = None
    if tender.scheme_code:
        scheme = next((s for s in schemes.schemes if s.code == tender.scheme_code), None)
        if scheme is not None:
            buyer_on = scheme.buyer_settlement.expected_on(sale.business_date).isoformat()
            government_on = scheme.government_settlement.expected_on(sale.business_date).isoformat()
    return {
        "tender_id": str(tender.tender_id),
        "position": position,
        "kind": tender.kind.value,
        "amount_satang": tender.amount_satang,
        "tendered_satang": tender.tendered_satang,
        "change_satang": tender.change_satang,
        "reference": tender.reference,
        "scheme_code": tender.scheme_code,
        "scheme_phase": tender.scheme_phase,
        "government_share_satang": tender.government_share_satang,
        "buyer_share_satang": tender.buyer_share_satang,
        "buyer_share_expected_on": buyer_on,
        "government_share_expected_on": government_on,
    }


def _invoice(invoice: TaxInvoice, in_force: bool) -> dict[str, Any]:
    buyer = invoice.buyer
    return {
        "invoice_id": str(invoice.invoice_id),
        "number": invoice.number,
        "issued_at": invoice.issued_at.isoformat(),
        "issued_by_user_id": invoice.issued_by_user_id,
        "buyer": {
            "name": buyer.name,
            "address": buyer.address,
            "tax_id": buyer.tax_id,
            "branch": buyer.branch,
        },
        "replaces_abbreviated": invoice.replaces_abbreviated,
        "replaces_number": invoice.replaces_number,
        "reason": invoice.reason,
        "in_force": in_force,
    }


def _sale(sale: Sale, schemes: SchemeBook) -> dict[str, Any]:
    current = sale.current_tax_invoice
    return {
        "sale_id": str(sale.sale_id),
        "receipt_number": sale.receipt_number,
        "terminal_id": sale.terminal_id,
        "receipt_serial": sale.receipt_serial,
        "sold_at": sale.sold_at.isoformat(),
        **_stamp(sale.stamp),
        "cashier_id": sale.cashier_id,
        "approved_by_user_id": sale.approved_by_user_id,
        "vat_rate_basis_points": sale.vat_rate_basis_points,
        "subtotal_satang": sale.subtotal_satang,
        "line_discounts_satang": sale.line_discounts_satang,
        "order_discount_satang": sale.order_discount_satang,
        "total_satang": sale.total_satang,
        "vat_satang": sale.vat_satang,
        "non_vat_satang": sale.non_vat_satang,
        "cash_rounding_satang": sale.cash_rounding_satang,
        "paid_satang": sale.paid_satang,
        "change_satang": sale.change_satang,
        "lines": [
            {"line_id": str(line.line_id), "position": i, **_line_fields(line)}
            for i, line in enumerate(sale.lines)
        ],
        "tenders": [_tender(i, t, sale, schemes) for i, t in enumerate(sale.tenders)],
        "vat": [_vat(vat) for vat in sale.vat],
        "tax_invoices": [_invoice(i, i == current) for i in sale.tax_invoices],
    }


def _line_fields(line: Any) -> dict[str, Any]:
    names = (
        "sku",
        "barcode",
        "name_th",
        "name_en",
        "category",
        "unit",
        "sold_by_weight",
        "producer_name",
        "producer_tax_id",
        "vatable",
        "quantity_milli",
        "unit_price_satang",
        "catalogue_price_satang",
        "label_price_satang",
        "gross_satang",
        "line_discount_satang",
        "order_discount_satang",
        "total_satang",
    )
    return {name: getattr(line, name) for name in names}


def _note(note: CreditNote, sale_lines: dict[Any, Any]) -> dict[str, Any]:
    def line_of(credit_line: Any) -> dict[str, Any]:
        sold = sale_lines.get(credit_line.sale_line_id)
        return {
            "line_id": str(credit_line.line_id),
            "sale_line_id": str(credit_line.sale_line_id),
            "sku": sold.sku if sold else None,
            "name_th": sold.name_th if sold else None,
            "quantity_milli": credit_line.quantity_milli,
            "amount_satang": credit_line.amount_satang,
        }

    return {
        "credit_note_id": str(note.credit_note_id),
        "number": note.number,
        "kind": note.kind.value,
        "terminal_id": note.terminal_id,
        "sale_id": str(note.sale_id),
        **_stamp(note.stamp),
        "sale_receipt_number": note.sale_receipt_number,
        "issued_at": note.issued_at.isoformat(),
        "cashier_id": note.cashier_id,
        "approved_by_user_id": note.approved_by_user_id,
        "reason": note.reason,
        "total_satang": note.total_satang,
        "vat_satang": note.vat_satang,
        "non_vat_satang": note.draft.non_vat_satang,
        "cash_rounding_satang": note.draft.cash_rounding_satang,
        "cash_paid_out_satang": note.cash_paid_out_satang,
        "returned_to_government_satang": note.returned_to_government_satang,
        "refunded_to_customer_satang": note.refunded_to_customer_satang,
        "lines": [line_of(line) for line in note.draft.lines],
        "refunds": [
            {
                "refund_id": str(r.refund_id),
                "tender_id": str(r.tender_id),
                "method": r.method.value,
                "amount_satang": r.amount_satang,
            }
            for r in note.draft.refunds
        ],
        "vat": [_vat(vat) for vat in note.draft.vat],
    }


def _totals(sales: list[Sale], notes: list[CreditNote]) -> dict[str, Any]:
    by_tender: dict[str, int] = {}
    by_scheme: dict[str, dict[str, int]] = {}
    for sale in sales:
        for tender in sale.tenders:
            by_tender[tender.kind.value] = (
                by_tender.get(tender.kind.value, 0) + tender.amount_satang
            )
            if tender.scheme_code:
                shares = by_scheme.setdefault(
                    tender.scheme_code, {"government_share_satang": 0, "buyer_share_satang": 0}
                )
                shares["government_share_satang"] += tender.government_share_satang
                shares["buyer_share_satang"] += tender.buyer_share_satang
    sold = sum(sale.total_satang for sale in sales)
    refunds = sum(note.total_satang for note in notes)
    return {
        "sales": len(sales),
        "credit_notes": len(notes),
        "sales_satang": sold,
        "vat_satang": sum(s.vat_satang for s in sales) - sum(n.vat_satang for n in notes),
        "cash_rounding_satang": sum(s.cash_rounding_satang for s in sales),
        "refunds_satang": refunds,
        "net_satang": sold - refunds,
        "by_tender": dict(sorted(by_tender.items())),
        "by_scheme": dict(sorted(by_scheme.items())),
    }


def write_json(export: dict[str, Any], stream: TextIO) -> None:
    json.dump(export, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_csv(export: dict[str, Any], stream: TextIO) -> int:
    """Write the export as CSV rows; returns the number of rows after the header."""
    writer = csv.DictWriter(stream, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in _csv_rows(export):
        writer.writerow(row)
        count += 1
    return count


def _baht(satang: int | None) -> str:
    return "" if satang is None else format_baht(satang, grouping=False)


def _csv_rows(export: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for sale in export["sales"]:
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
            quantity = format_quantity(line["quantity_milli"], weighed=line["sold_by_weight"])
            yield {
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
        for tender in sale["tenders"]:
            yield {
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
        yield from _vat_rows("vat", number, sale["vat"])
        for invoice in sale["tax_invoices"]:
            buyer = invoice["buyer"]
            yield {
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
    for note in export["credit_notes"]:
        yield from _credit_note_rows(note)


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
