"""The credit note (ใบลดหนี้, s.86/10) of a return or a void, from what the store holds.

The credit note names the document it reduces — the full tax invoice in force
when it was issued, else the receipt — with the buyer of that invoice, and
shows the original value, the correct value and the difference.  With earlier
credit notes on the same sale, the "original value" is what the sale was worth
after them, so the three figures always add up (value − difference = correct).

Amounts are the stored ones: each line's refund, the total, VAT reversed per
seller, non-VAT goods, cash rounding and every refund by tender.  A scheme
tender's refund shows the government's share (back to the scheme through its
app, never in cash) and the buyer's (back to their app wallet) on one line; a
buyer's share paid back in cash is part of the cash refund.  What is derived for
display is how a returned line splits into price and discount: the same
cumulative rounding the refund itself uses (:func:`pos.sale.domain.credit_notes.draft_return`),
applied to the line's gross.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pos.ids import TenderId, UserId
from pos.money import div_round_half_up
from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.credit_notes import (
    CreditNote,
    CreditNoteKind,
    RefundMethod,
    returned_quantities,
)
from receipts.document import (
    Document,
    DocumentKind,
    DocumentLine,
    Reference,
    Tender,
    TenderKind,
    Totals,
)
from receipts.sale_documents import (
    DocumentSettings,
    buyer_of,
    in_force_at,
    scheme_label,
    seller_vat,
    thai_time,
    unit_label,
)

_REFUND_LABELS = {
    RefundMethod.CASH: "คืนเงินสด",
    RefundMethod.PROMPTPAY: "คืนทางพร้อมเพย์",
    RefundMethod.CARD: "คืนเข้าบัตร",
}


def credit_lines(note: CreditNote, sale: Sale, earlier: Sequence[CreditNote]) -> list[DocumentLine]:
    """The returned goods; each line's amount is its stored refund."""
    before = returned_quantities(earlier)
    lines = []
    for credit in note.draft.lines:
        line = sale.line(credit.sale_line_id)
        done = before.get(line.line_id, 0)
        gross = div_round_half_up(
            line.gross_satang * (done + credit.quantity_milli), line.quantity_milli
        ) - div_round_half_up(line.gross_satang * done, line.quantity_milli)
        discount = gross - credit.amount_satang
        if not 0 <= discount <= gross:  # rounding at its edge: show the refund alone
            gross, discount = credit.amount_satang, 0
        lines.append(
            DocumentLine(
                name_th=line.name_th,
                producer=line.producer_name,
                quantity_milli=credit.quantity_milli,
                unit_label=unit_label(line.unit),
                unit_price_satang=line.unit_price_satang,
                gross_satang=gross,
                discount_satang=discount,
                sold_by_weight=line.sold_by_weight,
                vatable=line.vatable,
                sku=line.sku,
            )
        )
    return lines


def refund_tenders(note: CreditNote, sale: Sale, settings: DocumentSettings) -> list[Tender]:
    """One line per way the money went back, in the order of the sale's tenders."""
    originals = {tender.tender_id: tender for tender in sale.tenders}
    order: list[tuple[str, TenderId | None]] = []
    amounts: dict[tuple[str, TenderId | None], list[int]] = {}  # key → [buyer, government]
    for refund in note.draft.refunds:
        if refund.method is RefundMethod.CASH:
            key: tuple[str, TenderId | None] = ("cash", None)
        elif refund.method in (RefundMethod.SCHEME, RefundMethod.SCHEME_GOVERNMENT):
            key = ("scheme", refund.tender_id)
        else:
            key = (refund.method.value, refund.tender_id)
        if key not in amounts:
            order.append(key)
            amounts[key] = [0, 0]
        to_government = refund.method is RefundMethod.SCHEME_GOVERNMENT
        amounts[key][1 if to_government else 0] += refund.amount_satang
    tenders = []
    for key in order:
        buyer, government = amounts[key]
        method, tender_id = key
        original = originals[tender_id] if tender_id else None
        if method == "cash":
            cash = buyer + note.draft.cash_rounding_satang
            tenders.append(Tender(TenderKind.CASH, _REFUND_LABELS[RefundMethod.CASH], cash))
        elif method == "scheme" and original is not None:
            label = "คืน" + scheme_label(
                original.scheme_code, original.scheme_phase, settings.schemes
            )
            tenders.append(
                Tender(
                    TenderKind.SCHEME,
                    label,
                    buyer + government,
                    original.reference or "",
                    government_share_satang=government,
                    buyer_share_satang=buyer or None,
                )
            )
        else:
            kind = TenderKind.CARD if method == RefundMethod.CARD.value else TenderKind.PROMPTPAY
            reference = original.reference or "" if original is not None else ""
            tenders.append(Tender(kind, _REFUND_LABELS[RefundMethod(method)], buyer, reference))
    return tenders


def credit_note_document(
    note: CreditNote,
    sale: Sale,
    earlier: Sequence[CreditNote],
    settings: DocumentSettings,
    names: Callable[[UserId | None], str],
) -> Document:
    """The credit note ``note`` of ``sale``; ``earlier`` are the sale's credit notes before it."""
    lines = credit_lines(note, sale, earlier)
    draft = note.draft
    totals = Totals(
        subtotal_satang=sum(line.gross_satang for line in lines),
        line_discounts_satang=sum(line.discount_satang for line in lines),
        order_discount_satang=0,
        total_satang=draft.total_satang,
        vat_rate_basis_points=sale.vat_rate_basis_points,
        vat_by_seller=tuple(seller_vat(vat) for vat in draft.vat),
        non_vat_satang=draft.non_vat_satang,
        cash_rounding_satang=draft.cash_rounding_satang,
    )
    value_before = sale.total_satang - sum(n.total_satang for n in earlier)
    invoice = in_force_at(sale, note.issued_at)
    notes = []
    if note.kind is CreditNoteKind.VOID:
        notes.append("ยกเลิกการขายทั้งใบ (VOID)")
    if invoice is not None:
        refers_to = Reference(invoice.number, thai_time(invoice.issued_at), value_before)
        notes.append(f"ใบเสร็จเลขที่ {sale.receipt_number}")
    else:
        refers_to = Reference(sale.receipt_number, thai_time(sale.sold_at), value_before)
    notes.append(f"อนุมัติโดย {names(note.approved_by_user_id)}")
    return Document(
        kind=DocumentKind.CREDIT_NOTE,
        number=note.number,
        issued_at=thai_time(note.issued_at),
        header=settings.header_for(note.terminal_id),
        cashier=names(note.cashier_id),
        lines=tuple(lines),
        totals=totals,
        tenders=tuple(refund_tenders(note, sale, settings)),
        buyer=buyer_of(invoice.buyer) if invoice is not None else None,
        refers_to=refers_to,
        reason=note.reason,
        notes=tuple(notes),
    )
