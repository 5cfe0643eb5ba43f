"""The X or Z report as an A4 PDF: the same figures as the thermal print, as tables."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from pos.reports.services.range_reports import tender_label
from pos.sale.domain.schemes import SchemeBook
from pos.shifts.services.day_close import DayReport
from pos.thai_dates import thai_date, thai_datetime
from receipts.document import TILL_LABEL
from receipts.report_pdf_parts import (
    Cell,
    build,
    figures_table,
    generated_line,
    heading_block,
    section,
)


def _gap() -> Spacer:
    return Spacer(1, 4 * mm)


def _heading(report: DayReport, centre: str) -> list[Flowable]:
    figures = report.figures
    title = f"รายงานปิดวัน (Z) {report.z.number}" if report.z else "รายงานระหว่างวัน (X) — ยังไม่ปิดวัน"
    day = thai_date(figures.business_date, style="full")
    lines = [
        centre,
        f"{TILL_LABEL} {figures.terminal_id}  วันทำการ {day}",
        f"เปิดวัน {thai_datetime(figures.opened_at)}",
    ]
    if report.z is not None:
        lines.append(f"ปิดวัน {thai_datetime(report.z.closed_at)} โดย {report.closed_by or '-'}")
    lines.append(generated_line(report.generated_at))
    return heading_block(title, lines)


def _sales(report: DayReport) -> list[Flowable]:
    figures = report.figures
    sales = figures.sales
    vat = sales.vat_satang - figures.returns.vat_satang - figures.voids.vat_satang
    rows: list[list[Cell]] = [
        [
            f"ยอดขายก่อนส่วนลด ({sales.count:,} ใบเสร็จ {sales.first_receipt or ''} – "
            f"{sales.last_receipt or ''})",
            sales.subtotal_satang,
        ],
        ["ส่วนลด", -(sales.line_discounts_satang + sales.order_discounts_satang)],
        ["ยอดขาย", sales.total_satang],
        [f"รับคืนสินค้า ({figures.returns.count:,} ใบลดหนี้)", -figures.returns.total_satang],
        [f"ยกเลิกการขาย ({figures.voids.count:,} ใบลดหนี้)", -figures.voids.total_satang],
        ["ภาษีมูลค่าเพิ่ม (สุทธิ)", vat],
        ["ยอดขายที่ไม่มี VAT", sales.non_vat_satang],
        ["ปัดเศษเงินสด", sales.cash_rounding_satang],
    ]
    total: list[Cell] = ["ยอดขายสุทธิ", figures.net_satang]
    if report.z is not None:
        rows.append(["ยอดสะสม (GT) ของเครื่องนี้", report.z.grand_total_satang])
    return [section("ยอดขาย"), figures_table(["", "บาท"], rows, [0.7, 0.3], total=total), _gap()]


def _tenders(report: DayReport, schemes: SchemeBook) -> list[Flowable]:
    rows: list[list[Cell]] = [
        [
            tender_label(t.key, schemes),
            f"{t.sales_count:,}",
            t.sales_satang,
            t.refunds_satang,
            t.net_satang,
        ]
        for t in report.figures.tenders
    ]
    heads = ["การชำระ", "ครั้ง", "รับ", "คืน", "สุทธิ"]
    return [
        section("ตามประเภทการชำระ"),
        figures_table(heads, rows, [0.32, 0.1, 0.2, 0.18, 0.2]),
        _gap(),
    ]


def _drawer(report: DayReport) -> list[Flowable]:
    figures = report.figures
    cash = figures.cash
    rows: list[list[Cell]] = [
        ["เงินทอนตั้งต้นของทุกกะ (float)", cash.float_satang],
        ["รับเงินสดจากลูกค้า", cash.received_satang],
        ["ทอนเงิน", -cash.change_satang],
        ["คืนเงินสด (รวมปัดเศษ)", -cash.refunds_satang],
        ["นำเงินเข้า", cash.cash_in_satang],
        ["นำเงินออก", -cash.cash_out_satang],
        ["เงินสดที่ควรมี", cash.expected_satang],
    ]
    if figures.counted_cash_satang is not None:
        rows += [
            ["เงินสดที่นับได้", figures.counted_cash_satang],
            ["ผลต่าง (ขาด − / เกิน +)", figures.cash_difference_satang],
        ]
    return [section("ลิ้นชักเงินสด"), figures_table(["", "บาท"], rows, [0.7, 0.3]), _gap()]


def _shifts(report: DayReport, schemes: SchemeBook) -> list[Flowable]:
    rows: list[list[Cell]] = []
    for line in report.figures.shifts:
        until = f"{line.closed_at:%H:%M}" if line.closed_at else "เปิดอยู่"
        who = f"#{line.number} {line.opened_by} {line.opened_at:%H:%M}–{until}"
        people = f"นับ: {line.counted_by or '-'} อนุมัติ: {line.approved_by or '-'}"
        for index, result in enumerate(line.results):
            first = index == 0
            rows.append(
                [
                    who if first else "",
                    people if first else "",
                    tender_label(result.key, schemes),
                    result.expected_satang,
                    result.counted_satang,
                    result.difference_satang,
                ]
            )
    heads = ["กะ", "ผู้นับ / ผู้อนุมัติ", "การชำระ", "ควรมี", "นับได้", "ผลต่าง"]
    return [
        section("กะการขาย: ยอดที่ควรมีกับยอดที่นับได้"),
        figures_table(heads, rows, [0.2, 0.2, 0.15, 0.15, 0.15, 0.15]),
        _gap(),
    ]


def _schemes(report: DayReport) -> list[Flowable]:
    shares = report.figures.schemes
    if not shares:
        return []
    rows: list[list[Cell]] = [
        [
            s.name_th,
            f"{s.count:,}",
            s.government_satang,
            f"{thai_date(s.government_due_on)} {s.government_window}"
            if s.government_due_on
            else "",
            s.buyer_satang,
            f"{thai_date(s.buyer_due_on)} {s.buyer_window}" if s.buyer_due_on else "",
        ]
        for s in shares
    ]
    heads = ["โครงการ", "รายการ", "ส่วนรัฐ", "เข้าบัญชี", "ส่วนลูกค้า", "เข้าบัญชี"]
    return [
        section("โครงการรัฐ — ยอดรอรับ"),
        figures_table(heads, rows, [0.2, 0.08, 0.15, 0.21, 0.15, 0.21]),
    ]


def write_day_report_pdf(
    report: DayReport, target: Path | BytesIO, *, centre: str, schemes: SchemeBook
) -> None:
    story = _heading(report, centre) + _sales(report) + _tenders(report, schemes)
    story += _drawer(report) + _shifts(report, schemes) + _schemes(report)
    name = f"Z {report.z.number}" if report.z else f"X {report.figures.terminal_id}"
    build(story, target, title=name, footer=f"รายงาน {name}", author=centre)
