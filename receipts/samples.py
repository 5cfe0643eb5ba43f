"""Sample documents: the printer test page, and realistic receipts for tests, benchmarks, docs.

Samples are built the way real documents will be: goods in a
:class:`pos.sale.domain.cart.Cart`, totals from the cart, then a :class:`Document`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from pos.catalogue.domain.products import Category, ProducerGroup, Product, Unit
from pos.clock import THAI_TIME
from pos.money import CashRounding, round_cash
from pos.printing.domain.printer_settings import PrinterSettings, ReceiptHeader
from pos.sale.domain.cart import Cart, Discount, DiscountKind
from receipts.document import (
    Buyer,
    Document,
    DocumentKind,
    Header,
    Reference,
    Tender,
    TenderKind,
    Totals,
)
from receipts.from_cart import lines_and_totals

VAT_RATE = 700
SAMPLE_TIME = dt.datetime(2026, 11, 24, 14, 5, tzinfo=THAI_TIME)

_SILK = ProducerGroup("กลุ่มทอผ้าไหมบ้านหนองบัว")
_SAEW = ProducerGroup("กลุ่มแส่วผ้าบ้านโนนสัง")
_FARM = ProducerGroup("วิสาหกิจชุมชนหอมแดงกระเทียมยางชุมน้อย")
_FOODS = ProducerGroup("บริษัท ศรีลำดวน ฟู้ดส์ จำกัด", vat_registered=True, tax_id="0335561000011")
_HERBS = ProducerGroup("กลุ่มสมุนไพรบ้านโพธิ์ศรี")

_GOODS = (
    ("TX-0101", "ผ้าไหมมัดหมี่ลายลูกแก้ว ย้อมสีธรรมชาติ ทอมือ", _SILK, 185000, Unit.CLOTH, False, True),
    ("TX-0102", "ผ้าขาวม้าทอมือลายตาหมากรุก", _SILK, 25000, Unit.CLOTH, False, True),
    ("TX-0201", "เสื้อแส่วลายดอกไม้ปักมือ", _SAEW, 89000, Unit.GARMENT, False, True),
    ("FD-0301", "หอมแดงศรีสะเกษ", _FARM, 8000, Unit.KG, True, False),
    ("FD-0302", "กระเทียมดำ บรรจุขวดแก้ว", _FOODS, 18500, Unit.JAR, False, True),
    ("FD-0303", "น้ำพริกเผาหอมแดงสูตรโบราณ", _FOODS, 6500, Unit.JAR, False, True),
    ("FD-0304", "ทุเรียนภูเขาไฟศรีสะเกษ", _FARM, 22000, Unit.KG, True, False),
    ("HB-0401", "ยาหม่องสมุนไพรไพลสด", _HERBS, 4500, Unit.JAR, False, True),
    ("FD-0305", "น้ำผึ้งดอกลำไยแท้ 100%", _FOODS, 15000, Unit.BOTTLE, False, True),
    ("HH-0501", "ตะกร้าสานไม้ไผ่ ใส่ของที่ระลึก", _HERBS, 12000, Unit.BASKET, False, True),
)


def sample_header(*, vat_registered: bool = True) -> Header:
    settings = ReceiptHeader(
        tax_id="0994000123456", vat_registered=vat_registered, phone="045-611-234"
    )
    return header_from_settings(settings, pos_id="E0512345678901")


def header_from_settings(settings: ReceiptHeader, *, pos_id: str) -> Header:
    """The document header from the centre's header and the till's name (``terminal_id``)."""
    return Header(
        name=settings.name,
        address=settings.address,
        tax_id=settings.tax_id,
        branch=settings.branch,
        pos_id=pos_id,
        phone=settings.phone,
        footer_lines=settings.footer_lines,
        approval_number=settings.approval_number,
    )


def _product(entry: tuple[str, str, ProducerGroup, int, Unit, bool, bool], index: int) -> Product:
    sku, name, producer, price, unit, weighed, vat = entry
    sku = f"{sku}-{index // len(_GOODS)}" if index >= len(_GOODS) else sku
    category = Category.FOOD if sku.startswith("FD") else Category.TEXTILE
    return Product(sku, None, name, "", category, producer, price, unit, weighed, vat)


def sample_cart(line_count: int = 8) -> Cart:
    """A cart of ``line_count`` lines of Sisaket goods, weighed ones and one discount."""
    cart = Cart()
    for index, entry in zip(range(line_count), itertools.cycle(_GOODS), strict=False):
        product = _product(entry, index)
        if product.sold_by_weight:
            line = cart.add_weighed(product, 750 + 125 * index)
        else:
            line = cart.add_product(product, 1000 * (1 + index % 3))
        if index == 0:
            cart.set_line_discount(line.line_id, Discount(DiscountKind.PERCENT, 1000))
    return cart


def sample_document(
    kind: DocumentKind = DocumentKind.ABBREVIATED_TAX_INVOICE,
    *,
    line_count: int = 8,
    scheme: bool = True,
    buyer: bool = False,
) -> Document:
    """A realistic document; with ``scheme`` part is paid through คนละครึ่ง."""
    lines, totals = lines_and_totals(sample_cart(line_count), VAT_RATE)
    tenders = _tenders(totals, scheme=scheme)
    change = sum(t.amount_satang for t in tenders) - totals.amount_due_satang
    if tenders and tenders[-1].kind is TenderKind.CASH:
        rounded = round_cash(totals.total_satang, CashRounding.QUARTER_BAHT)
        totals = _with_rounding(totals, rounded - totals.total_satang)
        change = sum(t.amount_satang for t in tenders) - totals.amount_due_satang
    return Document(
        kind=kind,
        number="E01-2569-000123",
        issued_at=SAMPLE_TIME,
        header=sample_header(vat_registered=kind is not DocumentKind.RECEIPT),
        cashier="สมหญิง ใจดี",
        lines=lines,
        totals=totals,
        tenders=tenders,
        change_satang=change,
        buyer=_sample_buyer() if buyer or kind is DocumentKind.TAX_INVOICE else None,
        qr_payload="https://otop-sisaket.example/r/E01-2569-000123" if line_count > 3 else None,
    )


def _with_rounding(totals: Totals, rounding: int) -> Totals:
    return dataclasses.replace(totals, cash_rounding_satang=rounding)


def _tenders(totals: Totals, *, scheme: bool) -> tuple[Tender, ...]:
    due = totals.total_satang
    if not scheme:
        cash = ((due + 99_99) // 100_00) * 100_00  # the next 100 baht note
        return (Tender(TenderKind.CASH, "เงินสด", cash),)
    scheme_part = min(due, 600_00)
    government = min(150_00, scheme_part // 2)
    co_pay = Tender(
        TenderKind.SCHEME,
        "คนละครึ่ง (เป๋าตัง)",
        scheme_part,
        reference="KLK-7F3A91",
        government_share_satang=government,
        buyer_share_satang=scheme_part - government,
    )
    rest = due - scheme_part
    if rest <= 0:
        return (co_pay,)
    cash = ((rest + 99_99) // 100_00) * 100_00
    return (co_pay, Tender(TenderKind.CASH, "เงินสด", cash))


def _sample_buyer() -> Buyer:
    return Buyer(
        name="บริษัท กันทรลักษ์ท่องเที่ยว จำกัด",
        address="99/9 ถนนกสิกรรม ตำบลเมืองใต้ อำเภอเมืองศรีสะเกษ จังหวัดศรีสะเกษ 33000",
        tax_id="0335559000123",
        branch="สำนักงานใหญ่",
    )


def sample_credit_note() -> Document:
    """A credit note for two returned items of the sample sale."""
    lines, totals = lines_and_totals(sample_cart(2), VAT_RATE)
    return Document(
        kind=DocumentKind.CREDIT_NOTE,
        number="CN01-2569-000007",
        issued_at=SAMPLE_TIME + dt.timedelta(days=1),
        header=sample_header(),
        cashier="ประเสริฐ ทองดี",
        lines=lines,
        totals=totals,
        tenders=(Tender(TenderKind.CASH, "คืนเงินสด", totals.total_satang),),
        buyer=_sample_buyer(),
        refers_to=Reference(
            "E01-2569-000123", SAMPLE_TIME, total_satang=totals.total_satang + 1_234_50
        ),
        reason="สินค้าชำรุด (ผ้ามีตำหนิ) ลูกค้าขอคืน",
    )


def test_print_document(settings: PrinterSettings, header: Header, now: dt.datetime) -> Document:
    """The page the Test print button prints: Thai marks, columns, the code page, a barcode."""
    lines, totals = lines_and_totals(sample_cart(3), VAT_RATE)
    notes = (
        f"เครื่องพิมพ์ {settings.describe()} กระดาษ {settings.paper_mm} มม."
        f" ({settings.paper_width_dots} จุด) โหมด {settings.mode.value}"
        + (f" code page {settings.code_page}" if settings.mode.value == "text" else ""),
        "ทดสอบสระและวรรณยุกต์: ที่ ผ้า น้ำ กุ้ง ปู่ ญี่ปุ่น ฐาน ฤๅษี ฎีกา",
        "0123456789 ABCDEFGHIJ abcdefghij ฿ ๐๑๒๓๔๕๖๗๘๙",
    )
    return Document(
        kind=DocumentKind.TEST_PRINT,
        number="TEST-" + now.strftime("%H%M%S"),
        issued_at=now,
        header=header,
        cashier="-",
        lines=lines,
        totals=totals,
        notes=notes,
    )
