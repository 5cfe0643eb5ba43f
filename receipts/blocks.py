"""A document as the rows of a thermal receipt, independent of how they are drawn.

:func:`receipt_blocks` decides *what goes where* on a roll of paper: header,
title, number and date, goods grouped by producer group, totals, VAT, tenders,
footer, the number as a barcode.  The raster renderer (QPainter, pixels) and
the text renderer (printer font, columns) each measure and wrap the blocks in
their own units, so both print the same receipt.

Goods are grouped by producer group, in order of first appearance: the centre
sells on the groups' behalf and pays each its share, so the buyer (and the
cashier answering a question) sees at a glance who made what, and a group's
name is printed once instead of on every line.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from pos.catalogue.domain.products import format_quantity
from pos.money import format_baht
from pos.thai_dates import thai_datetime
from receipts.document import (
    TILL_LABEL,
    Document,
    DocumentKind,
    DocumentLine,
    Tender,
    TenderKind,
    approval_line,
)


class Align(enum.StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Size(enum.StrEnum):
    SMALL = "small"
    NORMAL = "normal"
    LARGE = "large"


@dataclass(frozen=True)
class TextBlock:
    """Text that wraps at word boundaries; ``inverse`` is white on black."""

    text: str
    align: Align = Align.LEFT
    size: Size = Size.NORMAL
    bold: bool = False
    indent: int = 0
    inverse: bool = False


@dataclass(frozen=True)
class RowBlock:
    """A label on the left (it wraps) and a value on the right of its last line."""

    left: str
    right: str
    size: Size = Size.NORMAL
    bold: bool = False
    indent: int = 0


@dataclass(frozen=True)
class RuleBlock:
    heavy: bool = False


@dataclass(frozen=True)
class BarcodeBlock:
    """A Code 128 barcode of ``data`` with the data written under it."""

    data: str


@dataclass(frozen=True)
class QrBlock:
    data: str


@dataclass(frozen=True)
class SpaceBlock:
    pass


Block = TextBlock | RowBlock | RuleBlock | BarcodeBlock | QrBlock | SpaceBlock

COPY_MARK = "สำเนา / COPY"


def money(satang: int) -> str:
    return format_baht(satang)


def receipt_blocks(doc: Document) -> list[Block]:
    """Every block of a thermal receipt for ``doc``, top to bottom."""
    return [
        *_header(doc),
        *_identity(doc),
        *_buyer(doc),
        *_credit_note_reference(doc),
        RuleBlock(),
        *_goods(doc),
        RuleBlock(),
        *_totals(doc),
        *_vat(doc),
        *_tenders(doc),
        *_footer(doc),
    ]


def _header(doc: Document) -> list[Block]:
    head = doc.header
    blocks: list[Block] = [TextBlock(head.name, Align.CENTER, Size.LARGE, bold=True)]
    if head.address:
        blocks.append(TextBlock(head.address, Align.CENTER, Size.SMALL))
    if head.tax_id:
        blocks.append(TextBlock(f"เลขประจำตัวผู้เสียภาษี {head.tax_id}", Align.CENTER, Size.SMALL))
    branch = f"{head.branch}  " if head.tax_id and head.branch else ""
    blocks.append(TextBlock(f"{branch}{TILL_LABEL} {head.pos_id}", Align.CENTER, Size.SMALL))
    approval = approval_line(head, doc.kind)
    if approval:
        blocks.append(TextBlock(approval, Align.CENTER, Size.SMALL))
    if head.phone:
        blocks.append(TextBlock(f"โทร {head.phone}", Align.CENTER, Size.SMALL))
    if doc.is_copy:
        blocks.append(TextBlock(COPY_MARK, Align.CENTER, Size.LARGE, bold=True, inverse=True))
    blocks.append(TextBlock(doc.kind.title_th, Align.CENTER, Size.LARGE, bold=True))
    blocks.append(TextBlock(doc.kind.title_en, Align.CENTER, Size.SMALL))
    if doc.kind is DocumentKind.ABBREVIATED_TAX_INVOICE:
        blocks.append(TextBlock("ราคารวมภาษีมูลค่าเพิ่มแล้ว", Align.CENTER, Size.SMALL))
        blocks.append(TextBlock("VAT included", Align.CENTER, Size.SMALL))
    return blocks


def _identity(doc: Document) -> list[Block]:
    return [
        RuleBlock(),
        RowBlock("เลขที่ No.", doc.number, bold=True),
        RowBlock("วันที่ Date", thai_datetime(doc.issued_at)),
        RowBlock("พนักงาน Cashier", doc.cashier),
    ]


def _buyer(doc: Document) -> list[Block]:
    if doc.buyer is None:
        return []
    buyer = doc.buyer
    blocks: list[Block] = [
        RuleBlock(),
        TextBlock(f"ผู้ซื้อ {buyer.name}", bold=True),
        TextBlock(f"ที่อยู่ {buyer.address}", size=Size.SMALL),
    ]
    if buyer.tax_id:
        blocks.append(TextBlock(f"เลขประจำตัวผู้เสียภาษี {buyer.tax_id}", size=Size.SMALL))
        if buyer.branch:
            blocks.append(TextBlock(buyer.branch, size=Size.SMALL))
    return blocks


def _credit_note_reference(doc: Document) -> list[Block]:
    if doc.refers_to is None:
        return []
    original = doc.refers_to
    credit_note = doc.kind is DocumentKind.CREDIT_NOTE
    blocks: list[Block] = [
        RuleBlock(),
        # short labels: on 58 mm paper a long one leaves no room for the number beside it
        RowBlock("อ้างถึง" if credit_note else "ออกแทน", original.number),
        RowBlock("ลงวันที่", thai_datetime(original.issued_at)),
    ]
    if original.total_satang is not None and credit_note:
        blocks += [
            RowBlock("มูลค่าตามเอกสารเดิม", money(original.total_satang)),
            RowBlock("มูลค่าที่ถูกต้อง", money(original.total_satang - doc.totals.total_satang)),
            RowBlock("ผลต่าง (ลดหนี้)", money(doc.totals.total_satang)),
        ]
    if doc.reason:
        blocks.append(TextBlock(f"เหตุผล {doc.reason}", size=Size.SMALL))
    return blocks


def grouped_by_producer(lines: tuple[DocumentLine, ...]) -> list[tuple[str, list[DocumentLine]]]:
    """Lines grouped by producer group, groups in order of first appearance."""
    groups: dict[str, list[DocumentLine]] = {}
    for line in lines:
        groups.setdefault(line.producer, []).append(line)
    return list(groups.items())


def quantity_text(line: DocumentLine) -> str:
    """``2 ผืน × 1,250.00`` or ``1.250 กก. × 120.00``."""
    quantity = format_quantity(line.quantity_milli, weighed=line.sold_by_weight)
    return f"{quantity} {line.unit_label} × {money(line.unit_price_satang)}"


def _goods(doc: Document) -> list[Block]:
    blocks: list[Block] = []
    # (N) marks goods without VAT, needed only when a document mixes both kinds
    non_vat_mark = len({line.vatable for line in doc.lines}) == 2
    for producer, lines in grouped_by_producer(doc.lines):
        blocks.append(TextBlock(f"▪ {producer}", size=Size.SMALL, bold=True))
        for line in lines:
            blocks += _line_blocks(line, mark_non_vat=non_vat_mark)
    item_count = len(doc.lines)
    blocks.append(TextBlock(f"{item_count} รายการ", Align.RIGHT, Size.SMALL))
    return blocks


def _line_blocks(line: DocumentLine, *, mark_non_vat: bool) -> list[Block]:
    # a no-break space: "(N)" never starts a line of its own
    name = line.name_th + ("\u00a0(N)" if mark_non_vat and not line.vatable else "")
    if line.is_single_unit and not line.discount_satang:
        return [RowBlock(name, money(line.gross_satang), indent=1)]
    blocks: list[Block] = [
        TextBlock(name, indent=1),
        RowBlock(quantity_text(line), money(line.gross_satang), indent=2, size=Size.SMALL),
    ]
    if line.discount_satang:
        label = line.discount_label or "ส่วนลด"
        blocks.append(RowBlock(label, money(-line.discount_satang), indent=2, size=Size.SMALL))
    return blocks


def _totals(doc: Document) -> list[Block]:
    totals = doc.totals
    blocks: list[Block] = []
    if totals.line_discounts_satang or totals.order_discount_satang:
        blocks.append(RowBlock("รวมเป็นเงิน", money(totals.subtotal_satang)))
        discount = totals.line_discounts_satang + totals.order_discount_satang
        blocks.append(RowBlock("ส่วนลดรวม", money(-discount)))
    label = "ยอดลดหนี้" if doc.kind is DocumentKind.CREDIT_NOTE else "ยอดสุทธิ"
    blocks.append(RowBlock(label, money(totals.total_satang), Size.LARGE, bold=True))
    if totals.cash_rounding_satang:
        blocks.append(RowBlock("ปัดเศษเงินสด", money(totals.cash_rounding_satang), Size.SMALL))
        paid = "ยอดคืนเงิน" if doc.kind is DocumentKind.CREDIT_NOTE else "ยอดชำระ"
        blocks.append(RowBlock(paid, money(totals.amount_due_satang), bold=True))
    if doc.kind in (DocumentKind.TAX_INVOICE, DocumentKind.CREDIT_NOTE):
        blocks.append(TextBlock(f"({doc.amount_in_words})", Align.CENTER, Size.SMALL))
    return blocks


def _vat(doc: Document) -> list[Block]:
    totals = doc.totals
    if not totals.vat_by_seller and not doc.kind.shows_vat:
        return []
    rate = totals.vat_rate_basis_points
    rate_text = f"{rate // 100}%" if rate % 100 == 0 else f"{rate // 100}.{rate % 100:02d}%"
    blocks: list[Block] = [RuleBlock()]
    several = len(totals.vat_by_seller) > 1
    for seller in totals.vat_by_seller:
        if several:
            blocks.append(TextBlock(seller.seller_name, size=Size.SMALL))
        blocks.append(RowBlock("มูลค่าสินค้าก่อนภาษี", money(seller.net_satang), Size.SMALL))
        blocks.append(RowBlock(f"ภาษีมูลค่าเพิ่ม VAT {rate_text}", money(seller.vat_satang), Size.SMALL))
    if totals.non_vat_satang:
        blocks.append(RowBlock("สินค้ายกเว้น/ไม่มีภาษี (N)", money(totals.non_vat_satang), Size.SMALL))
    return blocks


def share_labels(kind: DocumentKind) -> tuple[str, str]:
    """How a scheme tender's two shares are named: paid by, or (a refund) returned to."""
    if kind is DocumentKind.CREDIT_NOTE:
        return "คืนรัฐบาล (ผ่านแอป)", "คืนลูกค้า (เป๋าตัง)"
    return "รัฐบาลจ่าย", "ลูกค้าจ่าย"


def _tender_blocks(tender: Tender, kind: DocumentKind) -> list[Block]:
    blocks: list[Block] = [RowBlock(tender.label, money(tender.amount_satang))]
    if tender.kind is TenderKind.SCHEME:
        government, buyer = share_labels(kind)
        if tender.government_share_satang is not None:
            blocks.append(
                RowBlock(government, money(tender.government_share_satang), Size.SMALL, indent=1)
            )
        if tender.buyer_share_satang is not None:
            blocks.append(RowBlock(buyer, money(tender.buyer_share_satang), Size.SMALL, indent=1))
    if tender.reference:
        blocks.append(RowBlock("อ้างอิง", tender.reference, Size.SMALL, indent=1))
    return blocks


def _tenders(doc: Document) -> list[Block]:
    if not doc.tenders:
        return []
    blocks: list[Block] = [RuleBlock()]
    for tender in doc.tenders:
        blocks += _tender_blocks(tender, doc.kind)
    refund = doc.kind is DocumentKind.CREDIT_NOTE
    if doc.change_satang or (not refund and any(t.kind is TenderKind.CASH for t in doc.tenders)):
        blocks.append(RowBlock("เงินทอน CHANGE", money(doc.change_satang), bold=True))
    return blocks


def _footer(doc: Document) -> list[Block]:
    blocks: list[Block] = [RuleBlock()]
    blocks += [TextBlock(note, size=Size.SMALL) for note in doc.notes]
    blocks += [TextBlock(line, Align.CENTER) for line in doc.header.footer_lines]
    if doc.show_barcode:
        blocks.append(BarcodeBlock(doc.barcode_text))
    if doc.qr_payload:
        blocks.append(QrBlock(doc.qr_payload))
    if doc.is_copy:
        when = f" {thai_datetime(doc.copy_printed_at)}" if doc.copy_printed_at else ""
        blocks.append(TextBlock(f"พิมพ์สำเนา{when}", Align.CENTER, Size.SMALL))
        blocks.append(TextBlock(COPY_MARK, Align.CENTER, bold=True, inverse=True))
    return blocks
