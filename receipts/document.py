"""The document model: what a receipt, a tax invoice or a credit note says, not how it looks.

Every printed or PDF document is made from one :class:`Document`.  The
renderers (thermal raster, thermal text, PDF) decide the layout; the mapping
from a completed sale (or a return) to a ``Document`` decides the content.
Amounts are ``int`` satang, quantities ``int`` thousandths, times aware.

What the sale mapping must produce:

* ``kind`` — :class:`DocumentKind`: ``ABBREVIATED_TAX_INVOICE`` when the centre
  is VAT-registered (``ReceiptHeader.vat_registered``), else ``RECEIPT``;
  ``TAX_INVOICE`` for a full tax invoice (needs ``buyer``); ``CREDIT_NOTE`` for a
  return or void (needs ``refers_to``);
* ``number`` — the gap-free document number, also printed as a Code 128 barcode;
* ``issued_at``, ``header`` (:class:`Header` from the settings), ``cashier``;
* ``lines`` — :class:`DocumentLine` in the order sold; each names its producer
  group (the renderers group lines by producer);
* ``totals`` — :class:`Totals`, from :class:`pos.sale.domain.cart.CartTotals` field by field;
* ``tenders`` and ``change_satang``; a scheme tender (คนละครึ่ง) carries the
  government's and the buyer's shares;
* optionally ``buyer`` (:class:`Buyer`), ``refers_to`` (:class:`Reference`),
  ``reason``, ``qr_payload`` (e.g. a PromptPay or e-receipt link), ``notes``,
  ``barcode_data`` (a full tax invoice's barcode carries its sale's receipt
  number, which the return screen scans).

The mapping from stored sales, credit notes and tax invoices is
:mod:`receipts.sale_documents`.

:meth:`Document.problems` checks the arithmetic (lines → subtotal → total,
VAT split, tenders − change = amount due) and the rules for each kind, and
``Document(...)`` refuses a document that has any, naming the field.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, replace

from pos.catalogue.domain.products import MILLI
from pos.money import bahttext


class DocumentError(ValueError):
    """A document that cannot be printed as given; the message names each problem."""


class DocumentKind(enum.StrEnum):
    ABBREVIATED_TAX_INVOICE = "abbreviated_tax_invoice"  # s.86/6
    RECEIPT = "receipt"  # seller not VAT-registered
    TAX_INVOICE = "tax_invoice"  # s.86/4, with the buyer's details
    CREDIT_NOTE = "credit_note"  # s.86/10, points at the original
    TEST_PRINT = "test_print"

    @property
    def title_th(self) -> str:
        return _TITLES[self][0]

    @property
    def title_en(self) -> str:
        return _TITLES[self][1]

    @property
    def shows_vat(self) -> bool:
        return self in (DocumentKind.TAX_INVOICE, DocumentKind.CREDIT_NOTE)


_TITLES = {
    DocumentKind.ABBREVIATED_TAX_INVOICE: ("ใบกำกับภาษีอย่างย่อ", "ABBREVIATED TAX INVOICE"),
    DocumentKind.RECEIPT: ("ใบเสร็จรับเงิน", "RECEIPT"),
    DocumentKind.TAX_INVOICE: ("ใบกำกับภาษี / ใบเสร็จรับเงิน", "TAX INVOICE / RECEIPT"),
    DocumentKind.CREDIT_NOTE: ("ใบลดหนี้", "CREDIT NOTE"),
    DocumentKind.TEST_PRINT: ("ทดสอบเครื่องพิมพ์", "TEST PRINT"),
}


@dataclass(frozen=True)
class Header:
    """The seller's block: the centre's header as issued, plus the till that issued it."""

    name: str
    address: str
    tax_id: str
    branch: str
    pos_id: str  # the till's name (Settings.terminal_id), labelled TILL_LABEL
    phone: str = ""
    footer_lines: tuple[str, ...] = ()
    approval_number: str = ""  # the RD's number for the machine: abbreviated tax invoices only


# The till's own name is not the RD's number for the machine (notes: orders-and-consignment §4),
# so it is never labelled "POS ID"; the RD's number is, with the words of its approval.
TILL_LABEL = "เครื่อง"
TILL_LABEL_EN = "Till"
APPROVAL_LABEL = "POS ID เลขที่อนุมัติ"


def approval_line(header: Header, kind: DocumentKind) -> str:
    """``POS ID เลขที่อนุมัติ …`` on an abbreviated tax invoice with the number set, else ``""``."""
    if kind is not DocumentKind.ABBREVIATED_TAX_INVOICE or not header.approval_number:
        return ""
    return f"{APPROVAL_LABEL} {header.approval_number}"


@dataclass(frozen=True)
class DocumentLine:
    """One line of goods; ``gross_satang`` is before the line's own discount."""

    name_th: str
    producer: str
    quantity_milli: int
    unit_label: str  # ชิ้น, ผืน, กก. …
    unit_price_satang: int
    gross_satang: int
    discount_satang: int = 0
    discount_label: str = ""  # "ส่วนลด 10%" — empty: "ส่วนลด"
    sold_by_weight: bool = False
    vatable: bool = True
    sku: str = ""

    @property
    def amount_satang(self) -> int:
        return self.gross_satang - self.discount_satang

    @property
    def is_single_unit(self) -> bool:
        return not self.sold_by_weight and self.quantity_milli == MILLI


@dataclass(frozen=True)
class SellerVat:
    """VAT included in one VAT-registered seller's goods (``pos.sale.domain.cart.SellerVat``)."""

    seller_name: str
    seller_tax_id: str | None
    gross_satang: int
    net_satang: int
    vat_satang: int


@dataclass(frozen=True)
class Totals:
    subtotal_satang: int  # sum of the lines' gross
    line_discounts_satang: int
    order_discount_satang: int
    total_satang: int
    vat_rate_basis_points: int
    vat_by_seller: tuple[SellerVat, ...] = ()
    non_vat_satang: int = 0
    cash_rounding_satang: int = 0  # added to the total for cash: -0.25 … +0.50

    @property
    def vat_satang(self) -> int:
        return sum(seller.vat_satang for seller in self.vat_by_seller)

    @property
    def vatable_satang(self) -> int:
        return sum(seller.gross_satang for seller in self.vat_by_seller)

    @property
    def net_of_vat_satang(self) -> int:
        return sum(seller.net_satang for seller in self.vat_by_seller)

    @property
    def amount_due_satang(self) -> int:
        return self.total_satang + self.cash_rounding_satang


class TenderKind(enum.StrEnum):
    CASH = "cash"
    CARD = "card"
    PROMPTPAY = "promptpay"
    TRANSFER = "transfer"
    SCHEME = "scheme"  # a government scheme such as คนละครึ่ง
    VOUCHER = "voucher"


@dataclass(frozen=True)
class Tender:
    """A payment (or, on a credit note, a refund).  Scheme tenders carry both shares."""

    kind: TenderKind
    label: str  # as the buyer should read it: เงินสด, พร้อมเพย์, คนละครึ่ง …
    amount_satang: int
    reference: str = ""
    government_share_satang: int | None = None
    buyer_share_satang: int | None = None


@dataclass(frozen=True)
class Buyer:
    """The buyer on a full tax invoice (s.86/4) or a named receipt."""

    name: str
    address: str
    tax_id: str = ""
    branch: str = ""  # "สำนักงานใหญ่" or "สาขาที่ 00001" when the buyer is VAT-registered


@dataclass(frozen=True)
class Reference:
    """The document a credit note (or a replacement tax invoice) refers to."""

    number: str
    issued_at: dt.datetime
    total_satang: int | None = None  # the original's value, shown on a credit note


@dataclass(frozen=True)
class Document:
    kind: DocumentKind
    number: str
    issued_at: dt.datetime
    header: Header
    cashier: str
    lines: tuple[DocumentLine, ...]
    totals: Totals
    tenders: tuple[Tender, ...] = ()
    change_satang: int = 0
    buyer: Buyer | None = None
    refers_to: Reference | None = None
    reason: str = ""  # why a credit note was issued
    qr_payload: str | None = None
    notes: tuple[str, ...] = ()
    is_copy: bool = False
    copy_printed_at: dt.datetime | None = None
    show_barcode: bool = True
    barcode_data: str = ""  # what the barcode carries, if not ``number`` (a sale's receipt number)

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise DocumentError(f"document {self.number or '?'}: " + "; ".join(problems))

    @property
    def title_th(self) -> str:
        return self.kind.title_th

    @property
    def barcode_text(self) -> str:
        return self.barcode_data or self.number

    @property
    def amount_in_words(self) -> str:
        return bahttext(self.totals.total_satang)

    def as_copy(self, printed_at: dt.datetime | None = None) -> Document:
        """The same document marked as a copy (a reprint): "สำเนา / COPY"."""
        return replace(self, is_copy=True, copy_printed_at=printed_at)

    def problems(self) -> list[str]:
        return _arithmetic_problems(self) + _kind_problems(self)


def _arithmetic_problems(doc: Document) -> list[str]:
    return (
        _heading_problems(doc) + _line_problems(doc) + _total_problems(doc) + _share_problems(doc)
    )


def _heading_problems(doc: Document) -> list[str]:
    found = []
    if not doc.number.strip():
        found.append("number: empty")
    if doc.issued_at.tzinfo is None:
        found.append("issued_at: must be an aware time")
    return found


def _line_problems(doc: Document) -> list[str]:
    found = []
    for index, line in enumerate(doc.lines, start=1):
        if line.quantity_milli <= 0:
            found.append(f"lines[{index}] {line.name_th}: quantity must be more than 0")
        if not 0 <= line.discount_satang <= line.gross_satang:
            found.append(f"lines[{index}] {line.name_th}: discount outside 0..gross")
    return found


def _total_problems(doc: Document) -> list[str]:
    totals, found = doc.totals, []
    checks = [
        ("subtotal", sum(line.gross_satang for line in doc.lines), totals.subtotal_satang),
        (
            "line discounts",
            sum(line.discount_satang for line in doc.lines),
            totals.line_discounts_satang,
        ),
        (
            "total",
            totals.subtotal_satang - totals.line_discounts_satang - totals.order_discount_satang,
            totals.total_satang,
        ),
        ("VAT split", totals.vatable_satang + totals.non_vat_satang, totals.total_satang),
    ]
    if doc.tenders:
        paid = sum(tender.amount_satang for tender in doc.tenders) - doc.change_satang
        checks.append(("tenders - change", paid, totals.amount_due_satang))
    for name, computed, stated in checks:
        if computed != stated:
            found.append(f"totals: {name} is {stated} satang but the parts add up to {computed}")
    for seller in totals.vat_by_seller:
        if seller.net_satang + seller.vat_satang != seller.gross_satang:
            found.append(f"totals: VAT of {seller.seller_name} does not add up")
    return found


def _share_problems(doc: Document) -> list[str]:
    found = []
    for tender in doc.tenders:
        shares = (tender.government_share_satang, tender.buyer_share_satang)
        scheme = tender.kind is TenderKind.SCHEME and None not in shares
        if scheme and sum(s or 0 for s in shares) != tender.amount_satang:
            found.append(f"tenders: the shares of {tender.label} do not add up")
    return found


def _kind_problems(doc: Document) -> list[str]:
    found = []
    if doc.kind is DocumentKind.ABBREVIATED_TAX_INVOICE and not doc.header.tax_id:
        found.append("header.tax_id: an abbreviated tax invoice needs the seller's tax ID")
    if doc.kind is DocumentKind.TAX_INVOICE:
        if doc.buyer is None:
            found.append("buyer: a full tax invoice needs the buyer's name and address")
        elif not doc.buyer.name.strip() or not doc.buyer.address.strip():
            found.append("buyer: name and address are required on a full tax invoice")
        if not doc.header.tax_id:
            found.append("header.tax_id: a tax invoice needs the seller's tax ID")
    if doc.kind is DocumentKind.CREDIT_NOTE and doc.refers_to is None:
        found.append("refers_to: a credit note must name the original document")
    return found
