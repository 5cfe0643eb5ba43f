"""Documents of stored sales: the receipt, the full tax invoice and the credit note, as issued.

The print worker's document source for the sale document kinds of
:mod:`pos.printing.services.print_jobs` (:mod:`receipts.document_source`) prints:

* ``"sale"`` + receipt number → the receipt issued at the counter: an
  abbreviated tax invoice when the centre is VAT-registered
  (``ReceiptHeader.vat_registered``), a plain receipt when it is not.  When
  the buyer gave their details at payment, the counter issued the full tax
  invoice instead (the record says it did not replace an abbreviated one), so
  that is what a ``"sale"`` job prints;
* ``"tax_invoice"`` + its number → the full tax invoice (a receipt made out to
  the buyer when the centre is not VAT-registered), naming what it replaces;
* ``"credit_note"`` + its number → the credit note of a return or a void.

Every amount is the stored one, never recomputed: totals, discounts, VAT per
seller, non-VAT goods, cash rounding, each tender (cash as handed over, with
the change), scheme shares, weighed quantities.  The one figure derived for
display is how a returned part of a line splits into its price and its
discount (the credit note stores what each line refunds); see
:func:`receipts.credit_note_document.credit_lines`.  The source itself is
:class:`receipts.document_source.SaleDocumentSource`.  The seller's header,
footer, RD approval number and tax status (abbreviated tax invoice or plain
receipt) are those the document was issued with
(:mod:`pos.printing.domain.issued_header`), never today's settings; the
till's name is that of the terminal that issued it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace

from pos.catalogue.domain.products import Unit
from pos.clock import THAI_TIME
from pos.printing.domain.issued_header import IssuedHeader
from pos.printing.domain.printer_settings import ReceiptHeader
from pos.sale.domain.cart import SellerVat as CartSellerVat
from pos.sale.domain.completed_sale import (
    HEAD_OFFICE_BRANCH,
    BuyerDetails,
    Sale,
    SaleLine,
    TaxInvoice,
)
from pos.sale.domain.schemes import SchemeBook
from pos.sale.domain.tenders import SettledTender
from pos.sale.domain.tenders import TenderKind as SaleTenderKind
from pos.settings.domain.shop_settings import Settings
from receipts.document import (
    Buyer,
    Document,
    DocumentKind,
    DocumentLine,
    Header,
    Reference,
    SellerVat,
    Tender,
    TenderKind,
    Totals,
)
from receipts.samples import header_from_settings

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentSettings:
    """What a document takes from the settings: the header it was issued with, schemes' names."""

    header: ReceiptHeader
    schemes: Mapping[str, str]  # the schemes' Thai names by code

    @classmethod
    def of(cls, settings: Settings) -> DocumentSettings:
        """Today's header: for a document being drawn now, not a stored one (see ``as_issued``)."""
        return cls(settings.receipt_header, scheme_names(settings.schemes))

    def as_issued(self, issued: IssuedHeader | None, number: str) -> DocumentSettings:
        """The header document ``number`` was issued with, which a copy reproduces.

        Every document stored by the services has one (the migration gave older
        ones the header of its day); one stored otherwise keeps today's, logged.
        """
        if issued is None:
            _log.warning("document %s has no header frozen at issue: today's is printed", number)
            return self
        # a scheme named at issue keeps that name; one added since (or a document from before
        # 0013, which froze no names) reads today's
        names = {**self.schemes, **dict(issued.scheme_names)}
        return replace(self, header=issued.header, schemes=names)

    def header_for(self, pos_id: str) -> Header:
        return header_from_settings(self.header, pos_id=pos_id)


# --- the goods and the money of a sale ---------------------------------------------------------
def unit_label(unit: str) -> str:
    """The Thai classifier of a stored unit code (``cloth`` → ผืน); unknown codes as they are."""
    try:
        return Unit(unit).label_th
    except ValueError:
        return unit


def discount_label(discount_satang: int, gross_satang: int) -> str:
    """``ส่วนลด 10%`` when the discount is a whole percentage of the line, else ``ส่วนลด``."""
    if discount_satang and gross_satang and (discount_satang * 100) % gross_satang == 0:
        return f"ส่วนลด {discount_satang * 100 // gross_satang}%"
    return "ส่วนลด"


def sale_line(line: SaleLine) -> DocumentLine:
    return DocumentLine(
        name_th=line.name_th,
        producer=line.producer_name,
        quantity_milli=line.quantity_milli,
        unit_label=unit_label(line.unit),
        unit_price_satang=line.unit_price_satang,
        gross_satang=line.gross_satang,
        discount_satang=line.line_discount_satang,
        discount_label=discount_label(line.line_discount_satang, line.gross_satang),
        sold_by_weight=line.sold_by_weight,
        vatable=line.vatable,
        sku=line.sku,
    )


def seller_vat(vat: CartSellerVat) -> SellerVat:
    """VAT of one seller as stored on a sale or credit note, as the document's (same fields)."""
    return SellerVat(
        vat.seller_name, vat.seller_tax_id, vat.gross_satang, vat.net_satang, vat.vat_satang
    )


def sale_totals(sale: Sale) -> Totals:
    return Totals(
        subtotal_satang=sale.subtotal_satang,
        line_discounts_satang=sale.line_discounts_satang,
        order_discount_satang=sale.order_discount_satang,
        total_satang=sale.total_satang,
        vat_rate_basis_points=sale.vat_rate_basis_points,
        vat_by_seller=tuple(seller_vat(vat) for vat in sale.vat),
        non_vat_satang=sale.non_vat_satang,
        cash_rounding_satang=sale.cash_rounding_satang,
    )


def scheme_names(schemes: SchemeBook) -> dict[str, str]:
    return {scheme.code: scheme.name_th for scheme in schemes.schemes}


def scheme_label(
    code: str | None, phase: str | None, schemes: SchemeBook | Mapping[str, str]
) -> str:
    """``คนละครึ่ง เฟส 3``: the scheme's Thai name (as issued, or from a scheme book), its phase."""
    names = scheme_names(schemes) if isinstance(schemes, SchemeBook) else schemes
    name = names.get(code or "", code or "โครงการรัฐ")
    if phase and phase.isdigit() and len(phase) <= 2:
        return f"{name} เฟส {phase}"
    return name


def sale_tender(tender: SettledTender, schemes: Mapping[str, str]) -> Tender:
    """A tender as the buyer reads it; cash is the amount handed over (change comes back)."""
    reference = tender.reference or ""
    match tender.kind:
        case SaleTenderKind.CASH:
            return Tender(TenderKind.CASH, "เงินสด", tender.tendered_satang)
        case SaleTenderKind.PROMPTPAY:
            return Tender(TenderKind.PROMPTPAY, "พร้อมเพย์", tender.amount_satang, reference)
        case SaleTenderKind.CARD:
            return Tender(TenderKind.CARD, "บัตรเครดิต/เดบิต", tender.amount_satang, reference)
        case SaleTenderKind.SCHEME:
            return Tender(
                TenderKind.SCHEME,
                scheme_label(tender.scheme_code, tender.scheme_phase, schemes),
                tender.amount_satang,
                reference,
                government_share_satang=tender.government_share_satang,
                buyer_share_satang=tender.buyer_share_satang,
            )
    raise ValueError(f"unknown tender kind {tender.kind!r}")


def buyer_of(details: BuyerDetails) -> Buyer:
    branch = details.branch
    if branch is None:
        branch_text = ""
    elif branch == HEAD_OFFICE_BRANCH:
        branch_text = "สำนักงานใหญ่"
    else:
        branch_text = f"สาขาที่ {branch}"
    return Buyer(details.name, details.address, details.tax_id, branch_text)


def thai_time(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(THAI_TIME)


def in_force_at(sale: Sale, moment: dt.datetime) -> TaxInvoice | None:
    """The full tax invoice of ``sale`` in force at ``moment`` (issued by then, not replaced)."""
    issued = [invoice for invoice in sale.tax_invoices if invoice.issued_at <= moment]
    replaced = {invoice.replaces_number for invoice in issued}
    live = [invoice for invoice in issued if invoice.number not in replaced]
    return max(live, key=lambda invoice: invoice.serial, default=None)


# --- the three documents -----------------------------------------------------------------------
def issued_with_the_sale(sale: Sale) -> TaxInvoice | None:
    """The full tax invoice the counter issued at payment instead of a receipt, if any."""
    first = min(sale.tax_invoices, key=lambda invoice: invoice.serial, default=None)
    if first is None or first.replaces_abbreviated or first.replaces_number:
        return None
    return first


def receipt_document(sale: Sale, settings: DocumentSettings, cashier: str) -> Document:
    """The abbreviated tax invoice, or the plain receipt, of ``sale``."""
    vat_registered = settings.header.vat_registered
    kind = DocumentKind.ABBREVIATED_TAX_INVOICE if vat_registered else DocumentKind.RECEIPT
    notes = []
    current = sale.current_tax_invoice
    if current is not None:  # reprinted after a full tax invoice replaced it
        notes.append(f"ออกใบกำกับภาษีเต็มรูปแทนแล้ว เลขที่ {current.number}")
    return Document(
        kind=kind,
        number=sale.receipt_number,
        issued_at=thai_time(sale.sold_at),
        header=settings.header_for(sale.terminal_id),
        cashier=cashier,
        lines=tuple(sale_line(line) for line in sale.lines),
        totals=sale_totals(sale),
        tenders=tuple(sale_tender(tender, settings.schemes) for tender in sale.tenders),
        change_satang=sale.change_satang,
        notes=tuple(notes),
    )


def tax_invoice_document(
    sale: Sale, invoice: TaxInvoice, settings: DocumentSettings, issuer: str
) -> Document:
    """The full tax invoice ``invoice`` of ``sale`` (a named receipt if the centre has no VAT)."""
    vat_registered = settings.header.vat_registered
    kind = DocumentKind.TAX_INVOICE if vat_registered else DocumentKind.RECEIPT
    refers_to, notes = None, [f"ใบเสร็จเลขที่ {sale.receipt_number}"]
    if invoice.replaces_number:
        replaced = next(i for i in sale.tax_invoices if i.number == invoice.replaces_number)
        refers_to = Reference(replaced.number, thai_time(replaced.issued_at))
        notes.append(f"ออกแทนใบกำกับภาษีเลขที่ {replaced.number} ซึ่งยกเลิกแล้ว")
    elif invoice.replaces_abbreviated:
        refers_to = Reference(sale.receipt_number, thai_time(sale.sold_at))
        notes.append(f"ออกแทนใบกำกับภาษีอย่างย่อเลขที่ {sale.receipt_number}")
    current = sale.current_tax_invoice
    if current is not None and current != invoice:  # a reprint of one since replaced
        notes.append(f"ยกเลิกแล้ว: ออกใบใหม่แทน เลขที่ {current.number}")
    return Document(
        kind=kind,
        number=invoice.number,
        issued_at=thai_time(invoice.issued_at),
        header=settings.header_for(invoice.terminal_id),
        cashier=issuer,
        lines=tuple(sale_line(line) for line in sale.lines),
        totals=sale_totals(sale),
        tenders=tuple(sale_tender(tender, settings.schemes) for tender in sale.tenders),
        change_satang=sale.change_satang,
        buyer=buyer_of(invoice.buyer),
        refers_to=refers_to,
        reason=invoice.reason or "",
        notes=tuple(notes),
        barcode_data=sale.receipt_number,
    )
