"""The JSON shapes of a day's export: sales, credit notes, business days, shifts and totals.

Each function turns one stored record into the JSON-able dict that
:func:`pos.sale.services.day_export.export_day` puts in the export; the
fields are listed in that module's docstring.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pos.sale.domain.cart import SellerVat
from pos.sale.domain.completed_sale import Sale, TaxInvoice
from pos.sale.domain.credit_notes import CreditNote
from pos.sale.domain.schemes import SchemeBook
from pos.sale.domain.tenders import SettledTender
from pos.shifts.domain.cash_control import BusinessDay, CashCount, CashMovement, Shift, ShiftStamp
from pos.unit_of_work import UnitOfWork


def _stamp(stamp: ShiftStamp | None) -> dict[str, Any]:
    return {
        "shift_id": str(stamp.shift_id) if stamp else None,
        "business_day_id": str(stamp.business_day_id) if stamp else None,
    }


def business_day_json(day: BusinessDay) -> dict[str, Any]:
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


def shift_json(shift: Shift, movements: list[CashMovement]) -> dict[str, Any]:
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


def sold_lines_of(
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


def sale_json(sale: Sale, schemes: SchemeBook) -> dict[str, Any]:
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


def credit_note_json(note: CreditNote, sale_lines: dict[Any, Any]) -> dict[str, Any]:
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


def totals_json(sales: list[Sale], notes: list[CreditNote]) -> dict[str, Any]:
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
