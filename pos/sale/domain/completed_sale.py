"""A completed sale as it is kept for ever: lines as snapshots, tenders, VAT, buyer documents.

A :class:`Sale` never changes once committed (the store refuses UPDATE and
DELETE on its tables).  Its lines copy what the product was at the moment of
sale — name, producer, category, price — so a later price change or renamed
product never alters a receipt.  Every sale, line, tender, tax invoice and
credit note carries a UUID: the nightly sync stores each record once however
often it is sent.  ``sold_at`` is the device's clock (Thai time).

Buyer details for a full tax invoice (or, when no goods carry VAT, a receipt
made out to the buyer — the evidence Shop Dee Mee Kuen asks for) are a
separate :class:`TaxInvoice` record with its own number, attached at payment
or later.  One issued after the abbreviated receipt is marked as replacing it
(``replaces_abbreviated``); a full invoice is never corrected — a new one
replaces it and names it (``replaces_number``).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from pos.clock import THAI_TIME
from pos.ids import SaleId, SaleLineId, TaxInvoiceId, TerminalId, UserId
from pos.sale.domain.cart import Cart, CartTotals, SellerVat
from pos.sale.domain.payment import AllocatedShare, PaymentPlan
from pos.sale.domain.tenders import SettledTender, TenderKind
from pos.shifts.domain.cash_control import ShiftStamp
from pos.text import TextKind, TextProblem, first_text_problem
from pos.thai_id import ThaiIdError, validate_thai_id

HEAD_OFFICE_BRANCH = "00000"
_BRANCH = re.compile(r"^\d{1,5}$")
_HEAD_OFFICE_WORDS = {"สำนักงานใหญ่", "HEAD OFFICE", "HO"}


class BuyerDetailsError(ValueError):
    """A buyer detail that cannot go on a tax invoice; ``field`` names it."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True)
class BuyerDetails:
    """Who a full tax invoice is made out to; build with :meth:`checked`."""

    name: str
    address: str
    tax_id: str
    branch: str | None = None  # "00000" head office, or the 5-digit branch; None for a person

    @classmethod
    def checked(
        cls, name: str, address: str, tax_id: str, branch: str | None = None
    ) -> BuyerDetails:
        """Validated details: the tax ID by its check digit, the branch as 5 digits."""
        refused = buyer_text_problem(name, address, tax_id, branch)
        if refused is not None:
            raise BuyerDetailsError(refused.field_en, f"{refused.english} / {refused.message_th()}")
        name, address = " ".join(name.split()), address.strip()
        if not name or len(name) > 200:
            raise BuyerDetailsError("name", "give the buyer's name (at most 200 characters)")
        if not address or len(address) > 500:
            raise BuyerDetailsError("address", "give the address (at most 500 characters)")
        try:
            digits = validate_thai_id(tax_id)
        except ThaiIdError as error:
            raise BuyerDetailsError("tax ID", str(error)) from None
        return cls(name, address, digits, _branch(branch))


def buyer_text_problem(
    name: str, address: str, tax_id: str, branch: str | None
) -> TextProblem | None:
    """The first buyer detail the counter cannot keep or send (:mod:`pos.text`), if any."""
    return first_text_problem(
        [
            (name, TextKind.NAME, "name", "ชื่อผู้ซื้อ"),
            (address, TextKind.ADDRESS, "address", "ที่อยู่"),
            (tax_id, TextKind.TAX_ID, "tax ID", "เลขประจำตัวผู้เสียภาษี"),
            (branch or "", TextKind.CODE, "branch", "สาขา"),
        ]
    )


def _branch(text: str | None) -> str | None:
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    if cleaned.upper() in _HEAD_OFFICE_WORDS:
        return HEAD_OFFICE_BRANCH
    if not _BRANCH.match(cleaned):
        raise BuyerDetailsError("branch", f"{text!r}: use 00000 for head office or the 5 digits")
    return cleaned.zfill(5)


@dataclass(frozen=True)
class TaxInvoice:
    """A full tax invoice (or receipt in the buyer's name) issued for a sale."""

    invoice_id: TaxInvoiceId
    number: str
    terminal_id: TerminalId
    serial: int
    sale_id: SaleId
    issued_at: dt.datetime
    issued_by_user_id: UserId
    buyer: BuyerDetails
    replaces_abbreviated: bool
    replaces_number: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class SaleLine:
    """One line as sold: a snapshot of the product and the amounts (satang, thousandths)."""

    line_id: SaleLineId
    sku: str
    barcode: str | None
    name_th: str
    name_en: str
    category: str
    unit: str
    sold_by_weight: bool
    producer_name: str
    producer_tax_id: str | None
    vatable: bool
    quantity_milli: int
    unit_price_satang: int
    catalogue_price_satang: int
    label_price_satang: int | None
    gross_satang: int
    line_discount_satang: int
    order_discount_satang: int
    total_satang: int

    @property
    def price_overridden(self) -> bool:
        return self.unit_price_satang != self.catalogue_price_satang


@dataclass(frozen=True)
class Sale:
    """A completed sale.  ``total + cash_rounding`` is what the customer paid."""

    sale_id: SaleId
    terminal_id: TerminalId
    receipt_serial: int
    receipt_number: str
    sold_at: dt.datetime
    cashier_id: UserId
    approved_by_user_id: UserId | None
    vat_rate_basis_points: int
    subtotal_satang: int
    line_discounts_satang: int
    order_discount_satang: int
    total_satang: int
    non_vat_satang: int
    cash_rounding_satang: int
    change_satang: int
    lines: tuple[SaleLine, ...]
    tenders: tuple[SettledTender, ...]
    vat: tuple[SellerVat, ...]
    allocation: tuple[AllocatedShare, ...]
    tax_invoices: tuple[TaxInvoice, ...] = ()
    stamp: ShiftStamp | None = None  # its shift and business day (None: stored before shifts)

    @property
    def business_date(self) -> dt.date:
        """Its business day's date; for a sale from before shifts, the Thai date it was sold."""
        if self.stamp is not None:
            return self.stamp.business_date
        return self.sold_at.astimezone(THAI_TIME).date()

    @property
    def vat_satang(self) -> int:
        return sum(seller.vat_satang for seller in self.vat)

    @property
    def has_vat(self) -> bool:
        return bool(self.vat)

    @property
    def paid_satang(self) -> int:
        return self.total_satang + self.cash_rounding_satang

    @property
    def scheme_tenders(self) -> tuple[SettledTender, ...]:
        return tuple(t for t in self.tenders if t.kind is TenderKind.SCHEME)

    @property
    def government_share_satang(self) -> int:
        return sum(tender.government_share_satang for tender in self.tenders)

    @property
    def current_tax_invoice(self) -> TaxInvoice | None:
        """The full tax invoice in force: the latest one no other replaces."""
        replaced = {invoice.replaces_number for invoice in self.tax_invoices}
        live = [invoice for invoice in self.tax_invoices if invoice.number not in replaced]
        return max(live, key=lambda invoice: invoice.serial, default=None)

    def line(self, line_id: SaleLineId) -> SaleLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise KeyError(f"sale {self.receipt_number} has no line {line_id}")


@dataclass(frozen=True)
class SaleHeader:
    """What a sale is besides its cart and payment: its IDs, when, by whom, at which VAT rate.

    ``receipt`` is (terminal ID, serial, number).
    """

    sale_id: SaleId
    receipt: tuple[TerminalId, int, str]
    sold_at: dt.datetime
    cashier_id: UserId
    approved_by_user_id: UserId | None
    vat_rate_basis_points: int


def build_sale(
    header: SaleHeader,
    *,
    cart: Cart,
    totals: CartTotals,
    plan: PaymentPlan,
    stamp: ShiftStamp | None = None,
) -> Sale:
    """The sale to store for a paid cart."""
    terminal_id, serial, number = header.receipt
    return Sale(
        sale_id=header.sale_id,
        terminal_id=terminal_id,
        receipt_serial=serial,
        receipt_number=number,
        sold_at=header.sold_at,
        cashier_id=header.cashier_id,
        approved_by_user_id=header.approved_by_user_id,
        vat_rate_basis_points=header.vat_rate_basis_points,
        subtotal_satang=totals.subtotal_satang,
        line_discounts_satang=totals.line_discounts_satang,
        order_discount_satang=totals.order_discount_satang,
        total_satang=totals.total_satang,
        non_vat_satang=totals.non_vat_satang,
        cash_rounding_satang=plan.settlement.cash_rounding_satang,
        change_satang=plan.settlement.change_satang,
        lines=tuple(_sale_lines(cart, totals)),
        tenders=plan.settlement.tenders,
        vat=totals.vat_by_seller,
        allocation=plan.allocation,
        stamp=stamp,
    )


def _sale_lines(cart: Cart, totals: CartTotals) -> list[SaleLine]:
    lines = []
    for line, total in zip(cart.lines, totals.lines, strict=True):
        product = line.product
        lines.append(
            SaleLine(
                line_id=SaleLineId(uuid.uuid4()),
                sku=product.sku,
                barcode=product.barcode,
                name_th=product.name_th,
                name_en=product.name_en,
                category=product.category.value,
                unit=product.unit.value,
                sold_by_weight=product.sold_by_weight,
                producer_name=product.producer.name_th,
                producer_tax_id=product.producer.tax_id,
                vatable=total.vatable,
                quantity_milli=line.quantity_milli,
                unit_price_satang=line.unit_price_satang,
                catalogue_price_satang=product.unit_price_satang,
                label_price_satang=line.label_price_satang,
                gross_satang=total.gross_satang,
                line_discount_satang=total.line_discount_satang,
                order_discount_satang=total.order_discount_satang,
                total_satang=total.total_satang,
            )
        )
    return lines
