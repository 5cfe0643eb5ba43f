"""What the counter sends to the head office: each record it owns, frozen as JSON.

A *record* is one thing the counter made and owns, whole (docs/SYNC.md): a
sale with its lines, tenders, VAT and allocation; a credit note with its
lines, refunds, shares and VAT; a full tax invoice; a closed shift with its
float, cash movements, count and results; a Z report with its frozen
figures; an audit event.  Its UUID is the record's own (``sale_id``,
``credit_note_id`` …) and its *device time* is when it happened by this
counter's clock.

The builders here are pure: the unit of work calls them on commit, in the
transaction that stores the record (:mod:`pos.sync.domain.stored`), and keeps the JSON
they return, so what is sent is exactly what was true at that moment — a
later price change, renamed product or user never alters it.  Money is
satang, quantities thousandths, percentages basis points (integers); times
ISO 8601 with the +07:00 offset.

Records carry what the head office needs to report without looking anything
up: a credit note's lines name the SKU, category and producer group of the
line they return, its refunds the kind and scheme of the tender they reverse,
and ``users`` maps every user id in the payload to the user's name (ids are
this counter's; names are what the head office's staff list is keyed by).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pos.audit import AuditEvent
from pos.clock import THAI_TIME
from pos.ids import SaleLineId, TenderId
from pos.sale.domain.cart import SellerVat
from pos.sale.domain.completed_sale import Sale, SaleLine, TaxInvoice
from pos.sale.domain.credit_notes import CreditNote
from pos.sale.domain.tenders import SettledTender
from pos.shifts.domain.cash_control import CashCount, CashMovement, Shift, ShiftStamp
from pos.shifts.domain.day_figures import ZRecord
from pos.sync.wire import RecordKind

PAYLOAD_VERSION = 1


@dataclass(frozen=True)
class OutboxRecord:
    """One record as it will be sent (the envelope's terminal is added when sending)."""

    record_id: uuid.UUID
    kind: RecordKind
    device_time: dt.datetime
    payload: dict[str, Any]

    def payload_json(self) -> str:
        return canonical_json(self.payload)


@dataclass(frozen=True)
class SoldLine:
    """What a credit note's line returns, as the sale recorded it."""

    sku: str
    name_th: str
    category: str
    producer_name: str
    producer_tax_id: str | None


@dataclass(frozen=True)
class PaidTender:
    """The tender a refund reverses, as the sale recorded it."""

    kind: str
    scheme_code: str | None


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(THAI_TIME).isoformat()


def _opt_iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else iso(moment)


def _users(names: Mapping[int, str], ids: Iterable[int | None]) -> dict[str, str]:
    return {str(i): names[i] for i in sorted({i for i in ids if i is not None}) if i in names}


def _stamp(stamp: ShiftStamp | None) -> dict[str, Any]:
    return {
        "shift_id": str(stamp.shift_id) if stamp else None,
        "business_day_id": str(stamp.business_day_id) if stamp else None,
    }


def _vat(vat: SellerVat) -> dict[str, Any]:
    return {
        "seller_name": vat.seller_name,
        "seller_tax_id": vat.seller_tax_id,
        "gross_satang": vat.gross_satang,
        "net_satang": vat.net_satang,
        "vat_satang": vat.vat_satang,
    }


_LINE_FIELDS = (
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


def _line(position: int, line: SaleLine) -> dict[str, Any]:
    return {
        "line_id": str(line.line_id),
        "position": position,
        **{name: getattr(line, name) for name in _LINE_FIELDS},
    }


def _tender(position: int, tender: SettledTender) -> dict[str, Any]:
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
    }


def sale_record(sale: Sale, names: Mapping[int, str]) -> OutboxRecord:
    """A sale as rung up; its tax invoices travel as records of their own."""
    payload = {
        "version": PAYLOAD_VERSION,
        "sale_id": str(sale.sale_id),
        "receipt_number": sale.receipt_number,
        "terminal_id": sale.terminal_id,
        "receipt_serial": sale.receipt_serial,
        "sold_at": iso(sale.sold_at),
        "business_date": sale.business_date.isoformat(),
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
        "lines": [_line(i, line) for i, line in enumerate(sale.lines)],
        "tenders": [_tender(i, tender) for i, tender in enumerate(sale.tenders)],
        "vat": [_vat(vat) for vat in sale.vat],
        "allocation": [
            {
                "line_position": a.line_index,
                "tender_position": a.tender_index,
                "amount_satang": a.amount_satang,
                "government_share_satang": a.government_share_satang,
            }
            for a in sale.allocation
        ],
        "users": _users(names, (sale.cashier_id, sale.approved_by_user_id)),
    }
    return OutboxRecord(sale.sale_id, RecordKind.SALE, sale.sold_at, payload)


def credit_note_record(
    note: CreditNote,
    sold: Mapping[SaleLineId, SoldLine],
    paid: Mapping[TenderId, PaidTender],
    names: Mapping[int, str],
) -> OutboxRecord:
    """A return or void; ``sold`` and ``paid`` describe the sale's lines and tenders by id."""
    draft = note.draft

    def line(credit_line: Any) -> dict[str, Any]:
        of = sold[credit_line.sale_line_id]
        return {
            "line_id": str(credit_line.line_id),
            "sale_line_id": str(credit_line.sale_line_id),
            "sku": of.sku,
            "name_th": of.name_th,
            "category": of.category,
            "producer_name": of.producer_name,
            "producer_tax_id": of.producer_tax_id,
            "quantity_milli": credit_line.quantity_milli,
            "amount_satang": credit_line.amount_satang,
        }

    payload = {
        "version": PAYLOAD_VERSION,
        "credit_note_id": str(note.credit_note_id),
        "number": note.number,
        "kind": note.kind.value,
        "terminal_id": note.terminal_id,
        "serial": note.serial,
        "sale_id": str(note.sale_id),
        "sale_receipt_number": note.sale_receipt_number,
        "issued_at": iso(note.issued_at),
        "business_date": note.business_date.isoformat(),
        **_stamp(note.stamp),
        "cashier_id": note.cashier_id,
        "approved_by_user_id": note.approved_by_user_id,
        "reason": note.reason,
        "total_satang": note.total_satang,
        "vat_satang": note.vat_satang,
        "non_vat_satang": draft.non_vat_satang,
        "cash_rounding_satang": draft.cash_rounding_satang,
        "cash_paid_out_satang": note.cash_paid_out_satang,
        "returned_to_government_satang": note.returned_to_government_satang,
        "refunded_to_customer_satang": note.refunded_to_customer_satang,
        "lines": [line(credit_line) for credit_line in draft.lines],
        "shares": [
            {
                "sale_line_id": str(s.sale_line_id),
                "tender_id": str(s.tender_id),
                "amount_satang": s.amount_satang,
                "government_share_satang": s.government_share_satang,
            }
            for s in draft.shares
        ],
        "refunds": [
            {
                "refund_id": str(r.refund_id),
                "tender_id": str(r.tender_id),
                "tender_kind": paid[r.tender_id].kind,
                "scheme_code": paid[r.tender_id].scheme_code,
                "method": r.method.value,
                "amount_satang": r.amount_satang,
            }
            for r in draft.refunds
        ],
        "vat": [_vat(vat) for vat in draft.vat],
        "users": _users(names, (note.cashier_id, note.approved_by_user_id)),
    }
    return OutboxRecord(note.credit_note_id, RecordKind.CREDIT_NOTE, note.issued_at, payload)


def tax_invoice_record(
    invoice: TaxInvoice, sale_receipt_number: str, names: Mapping[int, str]
) -> OutboxRecord:
    buyer = invoice.buyer
    payload = {
        "version": PAYLOAD_VERSION,
        "invoice_id": str(invoice.invoice_id),
        "number": invoice.number,
        "terminal_id": invoice.terminal_id,
        "serial": invoice.serial,
        "sale_id": str(invoice.sale_id),
        "sale_receipt_number": sale_receipt_number,
        "issued_at": iso(invoice.issued_at),
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
        "users": _users(names, (invoice.issued_by_user_id,)),
    }
    return OutboxRecord(invoice.invoice_id, RecordKind.TAX_INVOICE, invoice.issued_at, payload)


def _count(count: CashCount | None) -> dict[str, int] | None:
    return None if count is None else {str(value): n for value, n in count.pieces}


def shift_record(
    shift: Shift, movements: Iterable[CashMovement], names: Mapping[int, str]
) -> OutboxRecord:
    """A closed shift: float, cash in and out, the blind count and expected vs counted."""
    closing = shift.closing
    if closing is None:
        raise ValueError(f"shift #{shift.number} is open: only a closed shift is sent")
    moved = list(movements)
    payload = {
        "version": PAYLOAD_VERSION,
        "shift_id": str(shift.shift_id),
        "number": shift.number,
        "terminal_id": shift.terminal_id,
        "business_day_id": str(shift.business_day_id),
        "business_date": shift.business_date.isoformat(),
        "opened_at": iso(shift.opened_at),
        "opened_by_user_id": shift.opened_by_user_id,
        "float_satang": shift.float_satang,
        "float_count": _count(shift.float_count),
        "closed_at": iso(closing.closed_at),
        "counted_by_user_id": closing.counted_by_user_id,
        "approved_by_user_id": closing.approved_by_user_id,
        "approved_at": _opt_iso(closing.approved_at),
        "note": closing.note,
        "cash_count": _count(closing.cash_count),
        "results": [
            {
                "tender": r.key,
                "expected_satang": r.expected_satang,
                "counted_satang": r.counted_satang,
            }
            for r in closing.results
        ],
        "cash_movements": [
            {
                "movement_id": str(m.movement_id),
                "kind": m.kind.value,
                "amount_satang": m.amount_satang,
                "reason": m.reason,
                "at": iso(m.at),
                "user_id": m.user_id,
                "approved_by_user_id": m.approved_by_user_id,
            }
            for m in moved
        ],
        "users": _users(
            names,
            (
                shift.opened_by_user_id,
                closing.counted_by_user_id,
                closing.approved_by_user_id,
                *(m.user_id for m in moved),
                *(m.approved_by_user_id for m in moved),
            ),
        ),
    }
    return OutboxRecord(shift.shift_id, RecordKind.SHIFT, closing.closed_at, payload)


def z_report_record(report: ZRecord, names: Mapping[int, str]) -> OutboxRecord:
    """A Z report with the day's figures exactly as frozen (``pos.shifts.domain.day_figures``)."""
    payload = {
        "version": PAYLOAD_VERSION,
        "z_id": str(report.z_id),
        "number": report.number,
        "serial": report.serial,
        "terminal_id": report.terminal_id,
        "business_day_id": str(report.business_day_id),
        "business_date": report.business_date.isoformat(),
        "closed_at": iso(report.closed_at),
        "closed_by_user_id": report.closed_by_user_id,
        "sales_count": report.sales_count,
        "net_satang": report.net_satang,
        "grand_total_satang": report.grand_total_satang,
        "figures": json.loads(report.figures_json),
        "users": _users(names, (report.closed_by_user_id,)),
    }
    return OutboxRecord(report.z_id, RecordKind.Z_REPORT, report.closed_at, payload)


def audit_record(event: AuditEvent, names: Mapping[int, str]) -> OutboxRecord:
    payload = {
        "action": event.action.value,
        "user_id": event.user_id,
        "approved_by_user_id": event.approved_by_user_id,
        "reference": event.reference,
        "detail": event.detail,
        "users": _users(names, (event.user_id, event.approved_by_user_id)),
    }
    return OutboxRecord(event.event_id, RecordKind.AUDIT_EVENT, event.at, payload)
