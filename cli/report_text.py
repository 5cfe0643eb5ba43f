"""Reports as plain text for a terminal: aligned columns that count Thai marks as no width."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pos.catalogue.domain.products import format_quantity
from pos.money import format_baht
from pos.reports.services.range_reports import (
    CategoryReport,
    ManagerReport,
    ProducerStatement,
    SchemeReport,
    TenderReport,
)
from pos.thai_dates import thai_date
from receipts.blocks import Block
from receipts.text_mode import text_lines_preview
from receipts.thai_text import display_columns, pad_columns

Cell = str | int


def _text(cell: Cell) -> str:
    return format_baht(cell) if isinstance(cell, int) else cell


def table(headings: Sequence[str], rows: Sequence[Sequence[Cell]]) -> Iterator[str]:
    """Columns as wide as their widest cell; amounts (ints) right-aligned as baht."""
    texts = [[_text(c) for c in row] for row in rows]
    widths = [
        max([display_columns(h)] + [display_columns(r[i]) for r in texts])
        for i, h in enumerate(headings)
    ]
    right = [bool(rows) and isinstance(rows[0][i], int) for i in range(len(headings))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            pad_columns(c, w, align="right" if r else "left")
            for c, w, r in zip(cells, widths, right, strict=True)
        ).rstrip()

    yield line(list(headings))
    yield "  ".join("-" * w for w in widths)
    for row in texts:
        yield line(row)


def blocks_text(blocks: list[Block], columns: int = 56) -> Iterator[str]:
    for text, _double in text_lines_preview(blocks, columns=columns):
        yield text.rstrip()


def _categories(report: CategoryReport) -> Iterator[str]:
    yield "ยอดขายตามประเภทสินค้า"
    rows: list[list[Cell]] = [
        [
            c.label_th,
            str(c.lines),
            c.sales_satang,
            c.returns_satang,
            c.net_satang,
            format_baht(c.share_basis_points) + "%",
        ]
        for c in report.lines
    ]
    rows.append(["รวม", "", report.sales_satang, report.returns_satang, report.net_satang, ""])
    yield from table(["ประเภท", "รายการ", "ยอดขาย", "รับคืน", "สุทธิ", "สัดส่วน"], rows)
    t = report.target
    yield ""
    yield (
        f"เป้าหมาย{t.label_th} {thai_date(t.year_start)}–{thai_date(t.year_end)}:"
        f" {format_baht(t.yearly_satang)} บาท, ขายแล้ว {format_baht(t.sold_satang)}"
        f" ({format_baht(t.progress_basis_points)}%), เวลาผ่านไป"
        f" {format_baht(t.elapsed_basis_points)}%"
    )


def _tenders(report: TenderReport) -> Iterator[str]:
    yield "ยอดขายตามประเภทการชำระ"
    rows: list[list[Cell]] = [
        [t.label, str(t.count), t.sales_satang, t.refunds_satang, t.net_satang]
        for t in report.lines
    ]
    yield from table(["การชำระ", "ครั้ง", "รับ", "คืน", "สุทธิ"], rows)
    yield (
        f"เงินสด: รับ {format_baht(report.cash_received_satang)} ทอน"
        f" {format_baht(report.change_satang)}"
    )


def _producers(report: ProducerStatement) -> Iterator[str]:
    yield "ใบแจ้งยอดสินค้าฝากขาย"
    rows: list[list[Cell]] = [
        [
            p.producer_name,
            p.sales_satang,
            p.returns_satang,
            p.net_satang,
            format_baht(p.commission_basis_points) + "%",
            p.commission_satang,
            p.owed_satang,
        ]
        for p in report.lines
    ]
    rows.append(
        [
            "รวม",
            report.total("sales_satang"),
            report.total("returns_satang"),
            report.total("net_satang"),
            "",
            report.total("commission_satang"),
            report.total("owed_satang"),
        ]
    )
    heads = ["กลุ่มผู้ผลิต", "ยอดขาย", "รับคืน", "สุทธิ", "อัตรา", "คอมมิชชั่น", "ค้างจ่าย"]
    yield from table(heads, rows)


def _schemes(report: SchemeReport) -> Iterator[str]:
    yield "โครงการรัฐ: ยอดรอรับตามวันที่ขาย"
    rows: list[list[Cell]] = [
        [thai_date(s.sale_date), s.name_th, str(s.count), s.government_satang, s.buyer_satang]
        for s in report.lines
    ]
    yield from table(["วันที่ขาย", "โครงการ", "รายการ", "ส่วนรัฐ", "ส่วนลูกค้า"], rows)
    yield ""
    yield "กำหนดเงินเข้าบัญชี"
    due: list[list[Cell]] = [
        [thai_date(d.due_on), d.window, d.name_th, d.share, d.amount_satang] for d in report.due
    ]
    yield from table(["วันที่", "เวลา", "โครงการ", "ส่วน", "บาท"], due)


def _sales(report: ManagerReport) -> Iterator[str]:
    yield from _categories(report.categories)
    yield ""
    yield from _tenders(report.tenders)
    yield ""
    yield "ยอดขายตามชั่วโมง"
    yield from table(
        ["ชั่วโมง", "ใบเสร็จ", "ยอดขาย"],
        [[f"{h.hour:02d}:00", str(h.count), h.total_satang] for h in report.hours],
    )
    yield ""
    yield "สินค้าขายดี"
    rows: list[list[Cell]] = [
        [
            p.sku,
            p.name_th,
            format_quantity(p.quantity_milli, weighed=p.sold_by_weight),
            p.total_satang,
        ]
        for p in report.products
    ]
    yield from table(["SKU", "สินค้า", "จำนวน", "ยอดขาย"], rows)
    yield ""
    yield "ส่วนลด การรับคืน และการยกเลิก ตามผู้อนุมัติ"
    totals = [*report.discounts.by_approver, *report.returns.by_approver]
    yield from table(
        ["รายการ", "ผู้อนุมัติ", "ครั้ง", "บาท"],
        [[t.kind, t.approved_by or "-", str(t.count), t.amount_satang] for t in totals],
    )


def manager_text(report: ManagerReport, part: str) -> Iterator[str]:
    period = report.period
    yield f"{report.centre_name} — {thai_date(period.start)} ถึง {thai_date(period.end)}"
    yield ""
    if part == "producers":
        yield from _producers(report.producers)
    elif part == "schemes":
        yield from _schemes(report.schemes)
    else:
        yield from _sales(report)


def section_text(
    report: CategoryReport | ProducerStatement | TenderReport | SchemeReport,
) -> Iterator[str]:
    """One date-range report on its own (the head office prints them so, per terminal or all)."""
    if isinstance(report, CategoryReport):
        yield from _categories(report)
    elif isinstance(report, ProducerStatement):
        yield from _producers(report)
    elif isinstance(report, TenderReport):
        yield from _tenders(report)
    else:
        yield from _schemes(report)
