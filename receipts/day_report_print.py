"""The X and Z reports on the thermal printer: blocks → raster or text ESC/POS, via the print queue.

:func:`day_report_blocks` lays a :class:`pos.shifts.services.day_close.DayReport` out
as receipt blocks (the same blocks the sale receipts use, so raster and text
mode both work): the centre, the title and Z number, the business day, sales,
discounts, returns and voids, the net; each tender; the drawer (floats, cash
received, change, refunds, cash in and out, expected, counted, difference);
every shift with who counted and who approved; the schemes' shares with the
dates they are due in the bank; the grand total.

A Z report is printed through the durable print queue (``close_day`` queues
kind ``z_report`` with the Z number in its transaction); the worker gets it
from :class:`ZReportSource`, which recomputes the closed day's figures.  An X
report changes nothing, so it is not queued: :func:`day_report_escpos` gives
its bytes to send directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from pos.clock import Clock, SystemClock
from pos.printing.domain.printer_settings import PrinterSettings
from pos.reports.services.range_reports import tender_label
from pos.sale.domain.schemes import SchemeBook
from pos.shifts.domain.day_figures import DayFigures, ShiftLine
from pos.shifts.services.day_close import Z_DOCUMENT_KIND, DayCloseError, DayReport, z_report
from pos.thai_dates import thai_date, thai_datetime
from pos.unit_of_work import UnitOfWork
from receipts.blocks import (
    COPY_MARK,
    Align,
    Block,
    RowBlock,
    RuleBlock,
    Size,
    TextBlock,
    money,
)
from receipts.document import TILL_LABEL, Header
from receipts.escpos_output import blocks_to_escpos
from receipts.print_worker import DocumentNotFoundError, DocumentSource, Printable
from receipts.samples import header_from_settings


@dataclass(frozen=True)
class BlocksDocument:
    """A printable made of ready blocks (reports), for the print worker beside sale documents."""

    number: str
    blocks: tuple[Block, ...]
    is_copy: bool = False

    def as_copy(self, printed_at: dt.datetime | None = None) -> BlocksDocument:
        when = f" {thai_datetime(printed_at)}" if printed_at else ""
        mark: tuple[Block, ...] = (
            TextBlock(COPY_MARK, Align.CENTER, Size.LARGE, bold=True, inverse=True),
            TextBlock(f"พิมพ์สำเนา{when}", Align.CENTER, Size.SMALL),
        )
        return replace(self, blocks=mark + self.blocks, is_copy=True)

    def receipt_blocks(self) -> list[Block]:
        return list(self.blocks)


def _title(report: DayReport) -> list[Block]:
    if report.z is not None:
        return [
            TextBlock("รายงานปิดวัน (Z)", Align.CENTER, Size.LARGE, bold=True),
            TextBlock("Z REPORT — END OF DAY", Align.CENTER, Size.SMALL),
            RowBlock("เลขที่ Z", report.z.number, bold=True),
        ]
    return [
        TextBlock("รายงานระหว่างวัน (X)", Align.CENTER, Size.LARGE, bold=True),
        TextBlock("X REPORT — DAY NOT CLOSED", Align.CENTER, Size.SMALL),
    ]


def _identity(report: DayReport, header: Header) -> list[Block]:
    figures = report.figures
    blocks: list[Block] = [
        TextBlock(header.name, Align.CENTER, Size.NORMAL, bold=True),
        TextBlock(f"{TILL_LABEL} {figures.terminal_id}", Align.CENTER, Size.SMALL),
        *_title(report),
        RowBlock("วันทำการ", thai_date(figures.business_date, style="full")),
        RowBlock("เปิดวัน", thai_datetime(figures.opened_at)),
    ]
    if report.z is not None:
        blocks.append(RowBlock("ปิดวัน", thai_datetime(report.z.closed_at)))
        blocks.append(RowBlock("ผู้ปิดวัน", report.closed_by or "-"))
    blocks.append(RowBlock("พิมพ์เมื่อ", thai_datetime(report.generated_at)))
    return blocks


def _sales(figures: DayFigures) -> list[Block]:
    sales = figures.sales
    discounts = sales.line_discounts_satang + sales.order_discounts_satang
    vat = sales.vat_satang - figures.returns.vat_satang - figures.voids.vat_satang
    blocks: list[Block] = [RuleBlock(), TextBlock("ยอดขาย SALES", bold=True)]
    blocks.append(RowBlock(f"ก่อนส่วนลด ({sales.count} ใบเสร็จ)", money(sales.subtotal_satang)))
    if sales.first_receipt:
        blocks.append(
            TextBlock(f"{sales.first_receipt} – {sales.last_receipt}", size=Size.SMALL, indent=1)
        )
    blocks += [
        RowBlock("ส่วนลด", money(-discounts)),
        RowBlock("ยอดขาย", money(sales.total_satang)),
        RowBlock(f"รับคืนสินค้า {figures.returns.count} ใบ", money(-figures.returns.total_satang)),
        RowBlock(f"ยกเลิกการขาย {figures.voids.count} ใบ", money(-figures.voids.total_satang)),
        RowBlock("ยอดขายสุทธิ NET", money(figures.net_satang), Size.LARGE, bold=True),
        RowBlock("ภาษีมูลค่าเพิ่ม (สุทธิ)", money(vat), Size.SMALL),
        RowBlock("ยอดขายไม่มี VAT", money(sales.non_vat_satang), Size.SMALL),
    ]
    if sales.cash_rounding_satang:
        blocks.append(RowBlock("ปัดเศษเงินสด", money(sales.cash_rounding_satang), Size.SMALL))
    return blocks


def _tenders(figures: DayFigures, schemes: SchemeBook) -> list[Block]:
    blocks: list[Block] = [RuleBlock(), TextBlock("ตามประเภทการชำระ TENDERS", bold=True)]
    for tender in figures.tenders:
        label = f"{tender_label(tender.key, schemes)} ({tender.sales_count})"
        blocks.append(RowBlock(label, money(tender.net_satang)))
        if tender.refunds_satang:
            detail = f"ขาย {money(tender.sales_satang)} คืน {money(tender.refunds_satang)}"
            blocks.append(TextBlock(detail, size=Size.SMALL, indent=1))
    return blocks


def _drawer(figures: DayFigures) -> list[Block]:
    cash = figures.cash
    blocks: list[Block] = [RuleBlock(), TextBlock("ลิ้นชักเงินสด CASH DRAWER", bold=True)]
    rows = [
        ("เงินทอนตั้งต้น (float)", cash.float_satang),
        ("รับเงินสดจากลูกค้า", cash.received_satang),
        ("ทอนเงิน", -cash.change_satang),
        ("คืนเงินสด", -cash.refunds_satang),
        ("นำเงินเข้า (cash in)", cash.cash_in_satang),
        ("นำเงินออก (cash out)", -cash.cash_out_satang),
    ]
    blocks += [RowBlock(label, money(amount), Size.SMALL) for label, amount in rows]
    blocks.append(RowBlock("เงินสดที่ควรมี", money(cash.expected_satang), bold=True))
    counted = figures.counted_cash_satang
    if counted is not None:
        blocks.append(RowBlock("เงินสดที่นับได้", money(counted), bold=True))
        blocks.append(RowBlock("ผลต่าง (ขาด−/เกิน+)", money(figures.cash_difference_satang or 0)))
    return blocks


def _shift(line: ShiftLine, schemes: SchemeBook) -> list[Block]:
    until = f"{line.closed_at:%H:%M}" if line.closed_at else "ยังเปิดอยู่"
    blocks: list[Block] = [
        TextBlock(f"กะที่ {line.number} {line.opened_by} {line.opened_at:%H:%M}–{until}", bold=True),
        RowBlock("เงินทอนตั้งต้น", money(line.float_satang), Size.SMALL, indent=1),
    ]
    for result in line.results:
        label = tender_label(result.key, schemes)
        blocks.append(
            RowBlock(f"{label} ควรมี", money(result.expected_satang), Size.SMALL, indent=1)
        )
        if result.counted_satang is not None:
            blocks.append(RowBlock("นับได้", money(result.counted_satang), Size.SMALL, indent=2))
            blocks.append(
                RowBlock("ผลต่าง", money(result.difference_satang or 0), Size.SMALL, indent=2)
            )
    if line.counted_by:
        blocks.append(TextBlock(f"ผู้นับ {line.counted_by}", size=Size.SMALL, indent=1))
    if line.approved_by:
        blocks.append(TextBlock(f"ผู้อนุมัติผลต่าง {line.approved_by}", size=Size.SMALL, indent=1))
    return blocks


def _schemes(figures: DayFigures) -> list[Block]:
    if not figures.schemes:
        return []
    blocks: list[Block] = [RuleBlock(), TextBlock("โครงการรัฐ รอรับเงินเข้าบัญชี", bold=True)]
    for share in figures.schemes:
        blocks.append(TextBlock(f"{share.name_th} ({share.count} รายการ)", size=Size.SMALL))
        for label, amount, due, window in (
            ("ส่วนรัฐ", share.government_satang, share.government_due_on, share.government_window),
            ("ส่วนลูกค้า", share.buyer_satang, share.buyer_due_on, share.buyer_window),
        ):
            if amount:
                when = f" เข้า {thai_date(due)} {window}" if due else ""
                blocks.append(RowBlock(f"{label}{when}", money(amount), Size.SMALL, indent=1))
    return blocks


def day_report_blocks(report: DayReport, header: Header, schemes: SchemeBook) -> list[Block]:
    """Every block of the X or Z report for a roll of paper, top to bottom."""
    figures = report.figures
    blocks = [*_identity(report, header), *_sales(figures), *_tenders(figures, schemes)]
    blocks += _drawer(figures)
    if figures.shifts:
        blocks.append(RuleBlock())
        blocks.append(TextBlock("กะการขาย SHIFTS", bold=True))
        for line in figures.shifts:
            blocks += _shift(line, schemes)
    blocks += _schemes(figures)
    blocks.append(RuleBlock(heavy=True))
    if report.z is not None:
        blocks.append(RowBlock("ยอดสะสม (GT)", money(report.z.grand_total_satang), bold=True))
    else:
        blocks.append(TextBlock("รายงาน X ไม่ปิดวัน ไม่เปลี่ยนข้อมูล", Align.CENTER, Size.SMALL))
    return blocks


def day_report_document(report: DayReport, header: Header, schemes: SchemeBook) -> BlocksDocument:
    number = report.z.number if report.z else f"X-{report.figures.terminal_id}"
    return BlocksDocument(number, tuple(day_report_blocks(report, header, schemes)))


def day_report_escpos(
    report: DayReport, header: Header, schemes: SchemeBook, printer: PrinterSettings
) -> bytes:
    """The exact bytes for the printer (raster or text mode, by ``printer``)."""
    return blocks_to_escpos(day_report_blocks(report, header, schemes), printer)


class ZReportSource:
    """The print worker's source for ``z_report`` jobs: the stored Z, recomputed."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock | None = None):
        self._uow_factory, self._clock = uow_factory, clock or SystemClock()

    def document(self, kind: str, reference: str) -> BlocksDocument:
        if kind != Z_DOCUMENT_KIND:
            raise DocumentNotFoundError(f"no {kind} document {reference}")
        try:
            report = z_report(self._uow_factory, self._clock, reference)
        except DayCloseError as error:
            raise DocumentNotFoundError(str(error)) from None
        with self._uow_factory() as uow:
            settings = uow.settings.load()
        header = header_from_settings(settings.receipt_header, pos_id=settings.terminal_id)
        return day_report_document(report, header, settings.schemes)


class SourcesByKind:
    """One document source for the print worker made of one source per job kind::

    SourcesByKind({"sale": sale_source, Z_DOCUMENT_KIND: ZReportSource(context.reader())})
    """

    def __init__(self, sources: dict[str, DocumentSource]):
        self._sources = dict(sources)

    def document(self, kind: str, reference: str) -> Printable:
        source = self._sources.get(kind)
        if source is None:
            raise DocumentNotFoundError(f"no source prints {kind} documents")
        return source.document(kind, reference)
