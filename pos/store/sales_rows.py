"""Sales records ↔ SQLite rows: the tuples written and the domain objects read back.

Kept apart from :mod:`pos.store.sales_repository` (which decides what to run)
so each stays small; the column order of the tuples is the tables' own
(``pos.store.sales_models``), without their integer ``id``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Row

from pos.ids import (
    BusinessDayId,
    CreditNoteId,
    CreditNoteLineId,
    RefundId,
    SaleId,
    SaleLineId,
    ShiftId,
    TaxInvoiceId,
    TenderId,
)
from pos.sale.domain.cart import SellerVat
from pos.sale.domain.completed_sale import BuyerDetails, Sale, SaleLine, TaxInvoice
from pos.sale.domain.credit_notes import (
    CreditNote,
    CreditNoteKind,
    CreditNoteLine,
    Refund,
    RefundMethod,
    RefundShare,
    ReturnDraft,
)
from pos.sale.domain.payment import AllocatedShare
from pos.sale.domain.tenders import SettledTender, TenderKind
from pos.shifts.domain.cash_control import ShiftStamp
from pos.store.times import from_utc_text, to_utc_text


def sale_values(sale: Sale) -> tuple[object, ...]:
    return (
        str(sale.sale_id),
        sale.terminal_id,
        sale.receipt_serial,
        sale.receipt_number,
        to_utc_text(sale.sold_at),
        sale.business_date.isoformat(),
        sale.cashier_id,
        sale.approved_by_user_id,
        sale.vat_rate_basis_points,
        sale.subtotal_satang,
        sale.line_discounts_satang,
        sale.order_discount_satang,
        sale.total_satang,
        sale.non_vat_satang,
        sale.cash_rounding_satang,
        sale.change_satang,
    )


def line_values(sale_key: int | None, position: int, line: SaleLine) -> tuple[object, ...]:
    return (
        str(line.line_id),
        sale_key,
        position,
        line.sku,
        line.barcode,
        line.name_th,
        line.name_en,
        line.category,
        line.unit,
        line.sold_by_weight,
        line.producer_name,
        line.producer_tax_id,
        line.vatable,
        line.quantity_milli,
        line.unit_price_satang,
        line.catalogue_price_satang,
        line.label_price_satang,
        line.gross_satang,
        line.line_discount_satang,
        line.order_discount_satang,
        line.total_satang,
    )


def tender_values(sale_key: int | None, position: int, tender: SettledTender) -> tuple[object, ...]:
    return (
        str(tender.tender_id),
        sale_key,
        position,
        tender.kind.value,
        tender.amount_satang,
        tender.tendered_satang,
        tender.change_satang,
        tender.reference,
        tender.scheme_code,
        tender.scheme_phase,
        tender.government_share_satang,
        tender.buyer_share_satang,
    )


def vat_values(sale_key: int | None, position: int, vat: SellerVat) -> tuple[object, ...]:
    return (
        sale_key,
        position,
        vat.seller_name,
        vat.seller_tax_id,
        vat.gross_satang,
        vat.net_satang,
        vat.vat_satang,
    )


def sale_from_rows(row: Row[Any], children: dict[str, list[Row[Any]]]) -> Sale:
    return Sale(
        sale_id=SaleId(uuid.UUID(row.sale_uuid)),
        terminal_id=row.terminal_id,
        receipt_serial=row.receipt_serial,
        receipt_number=row.receipt_number,
        sold_at=from_utc_text(row.sold_at_utc),
        cashier_id=row.cashier_id,
        approved_by_user_id=row.approved_by_user_id,
        vat_rate_basis_points=row.vat_rate_basis_points,
        subtotal_satang=row.subtotal_satang,
        line_discounts_satang=row.line_discounts_satang,
        order_discount_satang=row.order_discount_satang,
        total_satang=row.total_satang,
        non_vat_satang=row.non_vat_satang,
        cash_rounding_satang=row.cash_rounding_satang,
        change_satang=row.change_satang,
        lines=tuple(line_from_row(line) for line in children["lines"]),
        tenders=tuple(tender_from_row(tender) for tender in children["tenders"]),
        vat=tuple(seller_vat(vat) for vat in children["vat"]),
        allocation=tuple(
            AllocatedShare(
                a.line_position, a.tender_position, a.amount_satang, a.government_share_satang
            )
            for a in children["allocation"]
        ),
        tax_invoices=tuple(invoice_from_row(row.sale_uuid, i) for i in children["invoices"]),
        stamp=stamp_from_row(row),
    )


def stamp_from_row(row: Row[Any]) -> ShiftStamp | None:
    """The shift and day of a sale or credit note row joined with their UUIDs (None before 0007)."""
    if row.shift_uuid is None:
        return None
    return ShiftStamp(
        ShiftId(uuid.UUID(row.shift_uuid)),
        BusinessDayId(uuid.UUID(row.day_uuid)),
        dt.date.fromisoformat(row.business_date),
    )


def line_from_row(row: Row[Any]) -> SaleLine:
    return SaleLine(
        line_id=SaleLineId(uuid.UUID(row.line_uuid)),
        sku=row.sku,
        barcode=row.barcode,
        name_th=row.name_th,
        name_en=row.name_en,
        category=row.category,
        unit=row.unit,
        sold_by_weight=bool(row.sold_by_weight),
        producer_name=row.producer_name,
        producer_tax_id=row.producer_tax_id,
        vatable=bool(row.vatable),
        quantity_milli=row.quantity_milli,
        unit_price_satang=row.unit_price_satang,
        catalogue_price_satang=row.catalogue_price_satang,
        label_price_satang=row.label_price_satang,
        gross_satang=row.gross_satang,
        line_discount_satang=row.line_discount_satang,
        order_discount_satang=row.order_discount_satang,
        total_satang=row.total_satang,
    )


def tender_from_row(row: Row[Any]) -> SettledTender:
    return SettledTender(
        kind=TenderKind(row.kind),
        amount_satang=row.amount_satang,
        tendered_satang=row.tendered_satang,
        change_satang=row.change_satang,
        reference=row.reference,
        scheme_code=row.scheme_code,
        scheme_phase=row.scheme_phase,
        government_share_satang=row.government_share_satang,
        buyer_share_satang=row.buyer_share_satang,
        tender_id=TenderId(uuid.UUID(row.tender_uuid)),
    )


def seller_vat(row: Row[Any]) -> SellerVat:
    return SellerVat(
        row.seller_name, row.seller_tax_id, row.gross_satang, row.net_satang, row.vat_satang
    )


def invoice_from_row(sale_uuid: str, row: Row[Any]) -> TaxInvoice:
    return TaxInvoice(
        invoice_id=TaxInvoiceId(uuid.UUID(row.invoice_uuid)),
        number=row.number,
        terminal_id=row.terminal_id,
        serial=row.serial,
        sale_id=SaleId(uuid.UUID(sale_uuid)),
        issued_at=from_utc_text(row.issued_at_utc),
        issued_by_user_id=row.issued_by_user_id,
        buyer=BuyerDetails(row.buyer_name, row.buyer_address, row.buyer_tax_id, row.buyer_branch),
        replaces_abbreviated=bool(row.replaces_abbreviated),
        replaces_number=row.replaces_number,
        reason=row.reason,
    )


def note_from_rows(
    row: Row[Any],
    lines: list[Row[Any]],
    shares: list[Row[Any]],
    refunds: list[Row[Any]],
    vat: list[Row[Any]],
) -> CreditNote:
    draft = ReturnDraft(
        lines=tuple(
            CreditNoteLine(
                CreditNoteLineId(uuid.UUID(n.line_uuid)),
                SaleLineId(uuid.UUID(n.sale_line_uuid)),
                n.quantity_milli,
                n.amount_satang,
            )
            for n in lines
        ),
        shares=tuple(
            RefundShare(
                SaleLineId(uuid.UUID(s.sale_line_uuid)),
                TenderId(uuid.UUID(s.tender_uuid)),
                s.amount_satang,
                s.government_share_satang,
            )
            for s in shares
        ),
        refunds=tuple(
            Refund(
                RefundId(uuid.UUID(r.refund_uuid)),
                TenderId(uuid.UUID(r.tender_uuid)),
                RefundMethod(r.method),
                r.amount_satang,
            )
            for r in refunds
        ),
        vat=tuple(seller_vat(v) for v in vat),
        total_satang=row.total_satang,
        non_vat_satang=row.non_vat_satang,
        cash_rounding_satang=row.cash_rounding_satang,
    )
    return CreditNote(
        credit_note_id=CreditNoteId(uuid.UUID(row.credit_note_uuid)),
        number=row.number,
        terminal_id=row.terminal_id,
        serial=row.serial,
        kind=CreditNoteKind(row.kind),
        sale_id=SaleId(uuid.UUID(row.sale_uuid)),
        sale_receipt_number=row.receipt_number,
        issued_at=from_utc_text(row.issued_at_utc),
        cashier_id=row.cashier_id,
        approved_by_user_id=row.approved_by_user_id,
        reason=row.reason,
        draft=draft,
        stamp=stamp_from_row(row),
    )
