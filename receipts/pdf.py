"""Full tax invoices, credit notes and their copies as A4 or A5 PDFs (reportlab).

Layout of a full tax invoice (s.86/4 Revenue Code), top to bottom: the seller
(name, address, tax ID, head office/branch; the RD's approval number on an
abbreviated tax invoice) beside the title in a box and "ต้นฉบับ / ORIGINAL"
or "สำเนา / COPY"; the buyer (name, address, tax ID, branch) beside the
number, date (Buddhist era), the till and the cashier; the goods
(no., description with the producer group, quantity, unit, unit price,
discount, amount); totals with VAT shown separately; the amount in Thai words;
how it was paid; signatures.  A credit note (s.86/10) adds the original
document, the reason, and the original value, correct value and difference.
Copies carry a grey "สำเนา COPY" across the page.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pos.catalogue.domain.products import format_quantity
from pos.thai_dates import thai_date
from receipts.blocks import money, share_labels
from receipts.document import (
    TILL_LABEL,
    TILL_LABEL_EN,
    Document,
    DocumentKind,
    Tender,
    TenderKind,
    approval_line,
)
from receipts.pdf_fonts import FONT, shaped, style, thai_paragraph

PAGE_SIZES = {"A4": A4, "A5": A5}
_GRID = colors.Color(0.55, 0.55, 0.55)


class _Styles:
    def __init__(self, page: str):
        base = 10 if page == "A4" else 8
        self.base = base
        self.text = style("text", base)
        self.small = style("small", base - 1.5)
        self.bold = style("bold", base, bold=True)
        self.right = style("right", base, alignment=TA_RIGHT)
        self.right_bold = style("right-bold", base, bold=True, alignment=TA_RIGHT)
        self.title = style(
            "title", base + (6 if page == "A4" else 3), bold=True, alignment=TA_CENTER
        )
        self.heading = style("heading", base - 1, bold=True, alignment=TA_CENTER)
        self.center = style("center", base, alignment=TA_CENTER)
        self.seller = style("seller", base + 3, bold=True)


def write_pdf(document: Document, target: Path | BytesIO, *, page: str = "A4") -> None:
    """Write ``document`` as a PDF on A4 or A5 paper."""
    if page not in PAGE_SIZES:
        raise ValueError(f"page must be A4 or A5, not {page!r}")
    size = PAGE_SIZES[page]
    margin = 15 * mm if page == "A4" else 9 * mm
    template = SimpleDocTemplate(
        target if isinstance(target, BytesIO) else str(target),
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"{document.kind.title_th} {document.number}",
        author=document.header.name,
    )
    width = size[0] - 2 * margin
    s = _Styles(page)
    story: list[Flowable] = [
        _head(document, s, width),
        Spacer(1, 3 * mm),
        _parties(document, s, width),
        *_reference(document, s, width),
        Spacer(1, 3 * mm),
        _goods(document, s, width),
        _totals(document, s, width),
        Spacer(1, 2 * mm),
        *_payment(document, s, width),
        *[thai_paragraph(note, s.small, width) for note in document.notes],
        Spacer(1, 10 * mm),
        _signatures(document, s, width),
    ]

    def decorate(canvas: Canvas, _doc: Any) -> None:
        _page_furniture(canvas, document, size, margin)

    template.build(story, onFirstPage=decorate, onLaterPages=decorate)


def pdf_bytes(document: Document, *, page: str = "A4") -> bytes:
    buffer = BytesIO()
    write_pdf(document, buffer, page=page)
    return buffer.getvalue()


def _table(
    rows: list[list[Any]], widths: list[float], extra: list[Any] | None = None
) -> Table:  # ok-float
    table = Table(rows, colWidths=widths)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    table.setStyle(TableStyle(commands + (extra or [])))
    return table


def _head(doc: Document, s: _Styles, width: float) -> Table:  # ok-float
    left, right = width * 0.6, width * 0.4
    head = doc.header
    seller = [thai_paragraph(head.name, s.seller, left - 6)]
    seller.append(thai_paragraph(head.address, s.text, left - 6))
    if head.tax_id:  # a centre without one prints no empty label (nor a branch, as on paper)
        line = f"เลขประจำตัวผู้เสียภาษีอากร {head.tax_id}  {head.branch}"
        seller.append(thai_paragraph(line, s.text, left - 6))
    approval = approval_line(head, doc.kind)
    if approval:
        seller.append(thai_paragraph(approval, s.text, left - 6))
    if head.phone:
        seller.append(thai_paragraph(f"โทร {head.phone}", s.text, left - 6))
    original = "สำเนา / COPY" if doc.is_copy else "ต้นฉบับ / ORIGINAL"
    title = [
        thai_paragraph(doc.kind.title_th, s.title, right - 6),
        Paragraph(doc.kind.title_en, s.center),
        Paragraph(original, s.center),
    ]
    box = [("BOX", (1, 0), (1, 0), 1, colors.black), ("VALIGN", (1, 0), (1, 0), "MIDDLE")]
    return _table([[seller, title]], [left, right], box)


def _parties(doc: Document, s: _Styles, width: float) -> Table:  # ok-float
    left, right = width * 0.6, width * 0.4
    buyer_cell: list[Flowable] = []
    if doc.buyer is not None:
        buyer = doc.buyer
        buyer_cell.append(thai_paragraph(f"ผู้ซื้อ / Buyer: {buyer.name}", s.bold, left - 6))
        buyer_cell.append(thai_paragraph(f"ที่อยู่ {buyer.address}", s.text, left - 6))
        if buyer.tax_id:
            line = f"เลขประจำตัวผู้เสียภาษีอากร {buyer.tax_id}  {buyer.branch}".rstrip()
            buyer_cell.append(thai_paragraph(line, s.text, left - 6))
    facts = [
        ("เลขที่ / No.", doc.number),
        ("วันที่ / Date", thai_date(doc.issued_at.date(), style="full")),
        ("เวลา / Time", doc.issued_at.strftime("%H:%M")),
        (f"{TILL_LABEL} / {TILL_LABEL_EN}", doc.header.pos_id),
        ("พนักงาน / Cashier", doc.cashier),
    ]
    rows = [[Paragraph(k, s.small), thai_paragraph(v, s.text, right * 0.6 - 6)] for k, v in facts]
    facts_table = _table(rows, [right * 0.4, right * 0.6])
    grid = [("BOX", (0, 0), (0, 0), 0.6, _GRID), ("BOX", (1, 0), (1, 0), 0.6, _GRID)]
    return _table([[buyer_cell, facts_table]], [left, right], grid)


def _reference(doc: Document, s: _Styles, width: float) -> list[Flowable]:  # ok-float
    if doc.refers_to is None:
        return []
    original = doc.refers_to
    credit_note = doc.kind is DocumentKind.CREDIT_NOTE
    text = (
        f"{'อ้างถึงใบกำกับภาษี' if credit_note else 'ออกแทนเอกสาร'}เลขที่ {original.number} "
        f"ลงวันที่ {thai_date(original.issued_at.date(), style='full')}"
    )
    flowables: list[Flowable] = [Spacer(1, 2 * mm), thai_paragraph(text, s.bold, width)]
    if doc.reason:
        label = "เหตุที่ลดหนี้" if credit_note else "เหตุที่ออกแทน"
        flowables.append(thai_paragraph(f"{label}: {doc.reason}", s.text, width))
    return flowables


_GOODS_HEADINGS = ("ลำดับ", "รายการ", "จำนวน", "หน่วย", "ราคาต่อหน่วย", "ส่วนลด", "จำนวนเงิน")
_GOODS_SHARES = (0.07, 0.41, 0.1, 0.08, 0.12, 0.1, 0.12)


def _goods(doc: Document, s: _Styles, width: float) -> Table:  # ok-float
    widths = [width * share for share in _GOODS_SHARES]
    rows: list[list[Any]] = [
        [thai_paragraph(h, s.heading, w - 6) for h, w in zip(_GOODS_HEADINGS, widths, strict=True)]
    ]
    for number, line in enumerate(doc.lines, start=1):
        description: list[Flowable] = [thai_paragraph(line.name_th, s.text, widths[1] - 6)]
        producer = line.producer + ("" if line.vatable else "  (ยกเว้น/ไม่มี VAT)")
        description.append(thai_paragraph(producer, s.small, widths[1] - 6))
        rows.append(
            [
                Paragraph(str(number), s.center),
                description,
                Paragraph(
                    format_quantity(line.quantity_milli, weighed=line.sold_by_weight), s.right
                ),
                Paragraph(line.unit_label, s.center),
                Paragraph(money(line.unit_price_satang), s.right),
                Paragraph(money(line.discount_satang) if line.discount_satang else "-", s.right),
                Paragraph(money(line.amount_satang), s.right),
            ]
        )
    grid = [
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
    ]
    table = _table(rows, widths, grid)
    table.repeatRows = 1
    return table


def _rate_text(basis_points: int) -> str:
    whole, rest = divmod(basis_points, 100)
    return f"{whole}%" if rest == 0 else f"{whole}.{rest:02d}%"


def _total_rows(doc: Document) -> list[tuple[str, int, bool]]:
    totals = doc.totals
    rows: list[tuple[str, int, bool]] = [("รวมเป็นเงิน / Subtotal", totals.subtotal_satang, False)]
    discount = totals.line_discounts_satang + totals.order_discount_satang
    if discount:
        rows.append(("ส่วนลด / Discount", -discount, False))
    if doc.kind is DocumentKind.CREDIT_NOTE and doc.refers_to and doc.refers_to.total_satang:
        original = doc.refers_to.total_satang
        rows += [
            ("มูลค่าตามใบกำกับภาษีเดิม", original, False),
            ("มูลค่าที่ถูกต้อง", original - totals.total_satang, False),
            ("ผลต่าง (มูลค่าที่ลดหนี้)", totals.total_satang, False),
        ]
    rows.append(("มูลค่าสินค้าที่มีภาษี (ก่อน VAT)", totals.net_of_vat_satang, False))
    rows.append(
        (f"ภาษีมูลค่าเพิ่ม / VAT {_rate_text(totals.vat_rate_basis_points)}", totals.vat_satang, False)
    )
    if totals.non_vat_satang:
        rows.append(("มูลค่าสินค้ายกเว้นภาษี / ไม่มี VAT", totals.non_vat_satang, False))
    label = "รวมลดหนี้ทั้งสิ้น" if doc.kind is DocumentKind.CREDIT_NOTE else "จำนวนเงินรวมทั้งสิ้น / Total"
    rows.append((label, totals.total_satang, True))
    return rows


def _totals(doc: Document, s: _Styles, width: float) -> Table:  # ok-float
    words_width, label_width, amount_width = width * 0.45, width * 0.37, width * 0.18
    rows = []
    for label, amount, strong in _total_rows(doc):
        rows.append(
            [
                "",
                thai_paragraph(label, s.bold if strong else s.text, label_width - 6),
                Paragraph(money(amount), s.right_bold if strong else s.right),
            ]
        )
    words = thai_paragraph(f"({doc.amount_in_words})", s.bold, words_width - 8)
    rows[-1][0] = words
    grid = [
        ("GRID", (1, 0), (-1, -1), 0.5, _GRID),
        ("BOX", (0, -1), (0, -1), 0.5, _GRID),
        ("VALIGN", (0, -1), (0, -1), "MIDDLE"),
        ("BACKGROUND", (1, -1), (-1, -1), colors.Color(0.92, 0.92, 0.92)),
    ]
    return _table(rows, [words_width, label_width, amount_width], grid)


def _tender_text(tender: Tender, kind: DocumentKind) -> str:
    text = f"{tender.label} {money(tender.amount_satang)}"
    if tender.kind is TenderKind.SCHEME and tender.government_share_satang is not None:
        government_label, buyer_label = share_labels(kind)
        shares = f"{government_label} {money(tender.government_share_satang)}"
        if tender.buyer_share_satang is not None:
            shares += f" {buyer_label} {money(tender.buyer_share_satang)}"
        text += f" ({shares})"
    if tender.reference:
        text += f" อ้างอิง {tender.reference}"
    return text


def _payment(doc: Document, s: _Styles, width: float) -> list[Flowable]:  # ok-float
    if not doc.tenders:
        return []
    verb = "คืนเงินโดย" if doc.kind is DocumentKind.CREDIT_NOTE else "ชำระโดย"
    text = f"{verb}: " + ", ".join(_tender_text(t, doc.kind) for t in doc.tenders)
    if doc.change_satang:
        text += f"  เงินทอน {money(doc.change_satang)}"
    return [thai_paragraph(text, s.text, width)]


def _signatures(doc: Document, s: _Styles, width: float) -> Table:  # ok-float
    left = "ผู้รับสินค้า / Received by" if doc.kind is not DocumentKind.CREDIT_NOTE else "ผู้รับคืนเงิน"
    cells = [
        [Paragraph("ลงชื่อ ........................................", s.center)] * 2,
        [Paragraph(left, s.center), Paragraph("ผู้รับเงิน / ผู้มีอำนาจลงนาม", s.center)],
    ]
    return _table(cells, [width / 2, width / 2])


def _page_furniture(
    canvas: Canvas, doc: Document, size: tuple[float, float], margin: float
) -> None:  # ok-float
    canvas.saveState()
    if doc.is_copy:
        canvas.setFillColor(colors.Color(0.82, 0.82, 0.82))
        canvas.setFont(FONT, size[0] / 7)
        canvas.translate(size[0] / 2, size[1] / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, shaped("สำเนา COPY", size=size[0] / 7))
        canvas.rotate(-35)
        canvas.translate(-size[0] / 2, -size[1] / 2)
    canvas.setFillColor(colors.black)
    canvas.setFont(FONT, 7)
    footer = f"{doc.kind.title_th} {doc.number} — หน้า {canvas.getPageNumber()}"
    canvas.drawRightString(size[0] - margin, margin / 2, shaped(footer, size=7))
    canvas.restoreState()
