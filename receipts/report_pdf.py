"""The manager's reports as an A4 PDF (reportlab, shaped Thai, charts).

:func:`write_report_pdf` writes a :class:`pos.reports.services.range_reports.ManagerReport`,
all of it or some ``parts``:

* ``sales`` — totals; by category with a bar chart and the textile target's
  progress bar; by tender (chart); by hour of the day (chart); top products;
  discounts and returns/voids with who approved them;
* ``producers`` — the consignment statement: each group's sales, returns,
  net, commission and what is owed, with totals;
* ``schemes`` — each scheme's shares per sale date and what is due in the
  bank on which date and in which window.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from pos.catalogue.domain.products import format_quantity
from pos.reports.services.activity import DiscountReport, ReturnsReport
from pos.reports.services.range_reports import (
    CategoryReport,
    ManagerReport,
    SchemeReport,
    TargetProgress,
)
from pos.thai_dates import thai_date, thai_datetime
from receipts.report_pdf_parts import (
    Cell,
    build,
    figures_table,
    generated_line,
    heading_block,
    horizontal_bars,
    keep,
    percent,
    period_text,
    progress_bar,
    section,
    vertical_bars,
)

PARTS = ("sales", "producers", "schemes")
_SHARE_LABEL = {"government": "ส่วนรัฐ", "buyer": "ส่วนลูกค้า"}


def _gap() -> Spacer:
    return Spacer(1, 4 * mm)


def _summary(report: ManagerReport) -> list[Flowable]:
    categories = report.categories
    rows: list[list[Cell]] = [
        ["จำนวนใบเสร็จ", f"{report.sales_count:,}"],
        ["ยอดขาย (หลังส่วนลด)", categories.sales_satang],
        ["รับคืน/ยกเลิก", -categories.returns_satang],
        ["ยอดขายสุทธิ", categories.net_satang],
    ]
    return [figures_table(["", "จำนวน / บาท"], rows, [0.5, 0.5]), _gap()]


def _categories(report: ManagerReport) -> list[Flowable]:
    cats = report.categories
    chart = horizontal_bars([(line.label_th, line.net_satang) for line in cats.lines])
    return [
        keep(section("ยอดขายตามประเภทสินค้า"), _category_table(cats), _gap(), chart),
        _gap(),
        _target(cats.target),
        _gap(),
    ]


def _category_table(cats: CategoryReport) -> Table:
    rows: list[list[Cell]] = [
        [
            line.label_th,
            f"{line.lines:,}",
            line.gross_satang,
            line.discounts_satang,
            line.sales_satang,
            line.returns_satang,
            line.net_satang,
            percent(line.share_basis_points),
        ]
        for line in cats.lines
    ]
    total: list[Cell] = [
        "รวม",
        f"{sum(line.lines for line in cats.lines):,}",
        sum(line.gross_satang for line in cats.lines),
        sum(line.discounts_satang for line in cats.lines),
        cats.sales_satang,
        cats.returns_satang,
        cats.net_satang,
        "100.00%" if cats.net_satang else "",
    ]
    heads = ["ประเภทสินค้า", "รายการ", "ราคาขาย", "ส่วนลด", "ยอดขาย", "รับคืน", "สุทธิ", "สัดส่วน"]
    return figures_table(heads, rows, [0.24, 0.07, 0.13, 0.09, 0.13, 0.11, 0.13, 0.1], total=total)


def _target(target: TargetProgress) -> Flowable:
    year = f"{thai_date(target.year_start)} – {thai_date(target.year_end)}"
    lines: list[list[Cell]] = [
        ["เป้าหมายทั้งปี", target.yearly_satang],
        [
            f"ขายสุทธิตั้งแต่ {thai_date(target.year_start)} ถึง {thai_date(target.as_of)}",
            target.sold_satang,
        ],
        ["คงเหลือถึงเป้า", target.remaining_satang],
        [
            "ความคืบหน้า / เวลาที่ผ่านไป",
            f"{percent(target.progress_basis_points)} / {percent(target.elapsed_basis_points)}",
        ],
    ]
    return keep(
        section(f"เป้าหมาย{target.label_th} ปีเป้าหมาย {year}"),
        figures_table(["", "บาท"], lines, [0.6, 0.4]),
        progress_bar(target.progress_basis_points, target.elapsed_basis_points),
    )


def _tenders(report: ManagerReport) -> list[Flowable]:
    tenders = report.tenders
    rows: list[list[Cell]] = [
        [line.label, f"{line.count:,}", line.sales_satang, line.refunds_satang, line.net_satang]
        for line in tenders.lines
    ]
    total: list[Cell] = [
        "รวม",
        f"{sum(line.count for line in tenders.lines):,}",
        sum(line.sales_satang for line in tenders.lines),
        sum(line.refunds_satang for line in tenders.lines),
        tenders.net_satang,
    ]
    table = figures_table(
        ["การชำระ", "ครั้ง", "รับ", "คืน", "สุทธิ"], rows, [0.32, 0.1, 0.2, 0.18, 0.2], total=total
    )
    cash = figures_table(
        ["เงินสด", "บาท"],
        [
            ["รับจากลูกค้า", tenders.cash_received_satang],
            ["ทอนเงิน", tenders.change_satang],
            ["ปัดเศษเงินสด", tenders.cash_rounding_satang],
        ],
        [0.6, 0.4],
    )
    chart = horizontal_bars([(line.label, line.net_satang) for line in tenders.lines])
    return [keep(section("ยอดขายตามประเภทการชำระเงิน"), table, _gap(), chart), _gap(), cash, _gap()]


def _hours(report: ManagerReport) -> list[Flowable]:
    if not report.hours:
        return []
    items = [(f"{row.hour:02d}", row.total_satang) for row in report.hours]
    rows: list[list[Cell]] = [
        [f"{row.hour:02d}:00–{row.hour:02d}:59", f"{row.count:,}", row.total_satang]
        for row in report.hours
    ]
    chart = vertical_bars(items, "ยอดขาย (บาท) ตามชั่วโมง")
    table = figures_table(["ช่วงเวลา", "ใบเสร็จ", "ยอดขาย"], rows, [0.4, 0.2, 0.4])
    return [keep(section("ยอดขายตามช่วงเวลา"), chart), table, _gap()]


def _products(report: ManagerReport) -> list[Flowable]:
    rows: list[list[Cell]] = [
        [
            str(i),
            f"{p.name_th} ({p.sku})",
            p.producer_name,
            format_quantity(p.quantity_milli, weighed=p.sold_by_weight),
            p.total_satang,
            p.returned_satang,
        ]
        for i, p in enumerate(report.products, start=1)
    ]
    heads = ["ที่", "สินค้า", "กลุ่มผู้ผลิต", "จำนวน", "ยอดขาย", "รับคืน"]
    table = figures_table(heads, rows, [0.05, 0.35, 0.26, 0.1, 0.13, 0.11])
    return [section(f"สินค้าขายดี {len(report.products)} อันดับ"), table, _gap()]


def _approvals(report: ManagerReport) -> list[Flowable]:
    kinds = {"discount": "ส่วนลด/เปลี่ยนราคา", "return": "รับคืนสินค้า", "void": "ยกเลิกการขาย"}
    totals = [*report.discounts.by_approver, *report.returns.by_approver]
    rows: list[list[Cell]] = [
        [
            kinds.get(t.kind, t.kind),
            t.approved_by or "ภายในวงเงินของแคชเชียร์",
            f"{t.count:,}",
            t.amount_satang,
        ]
        for t in totals
    ]
    return [
        section("ส่วนลด การรับคืน และการยกเลิก — ผู้อนุมัติ"),
        figures_table(["รายการ", "ผู้อนุมัติ", "ครั้ง", "บาท"], rows, [0.3, 0.4, 0.1, 0.2]),
        _gap(),
        *_discount_lines(report.discounts),
        *_credit_notes(report.returns),
    ]


def _discount_lines(report: DiscountReport) -> list[Flowable]:
    discounts: list[list[Cell]] = [
        [
            d.receipt_number,
            thai_datetime(d.sold_at),
            d.cashier,
            d.approved_by or "-",
            d.line_discounts_satang + d.order_discount_satang,
            d.price_override_satang,
        ]
        for d in report.lines
    ]
    if not discounts:
        return []
    heads = ["ใบเสร็จ", "เวลา", "แคชเชียร์", "ผู้อนุมัติ", "ส่วนลด", "ลดราคา"]
    return [figures_table(heads, discounts, [0.2, 0.18, 0.18, 0.18, 0.13, 0.13]), _gap()]


def _credit_notes(report: ReturnsReport) -> list[Flowable]:
    notes: list[list[Cell]] = [
        [
            n.number,
            "ยกเลิก" if n.kind == "void" else "คืน",
            thai_datetime(n.issued_at),
            n.sale_receipt_number,
            n.total_satang,
            n.reason,
            n.approved_by,
        ]
        for n in report.lines
    ]
    if not notes:
        return []
    heads = ["ใบลดหนี้", "ชนิด", "เวลา", "ใบเสร็จเดิม", "บาท", "เหตุผล", "ผู้อนุมัติ"]
    return [figures_table(heads, notes, [0.2, 0.07, 0.15, 0.16, 0.1, 0.16, 0.16])]


def _producers(report: ManagerReport) -> list[Flowable]:
    statement = report.producers
    rows: list[list[Cell]] = [
        [
            line.producer_name,
            line.sales_satang,
            line.returns_satang,
            line.net_satang,
            percent(line.commission_basis_points),
            line.commission_satang,
            line.owed_satang,
        ]
        for line in statement.lines
    ]
    total: list[Cell] = [
        "รวม",
        statement.total("sales_satang"),
        statement.total("returns_satang"),
        statement.total("net_satang"),
        "",
        statement.total("commission_satang"),
        statement.total("owed_satang"),
    ]
    heads = ["กลุ่มผู้ผลิต", "ยอดขาย", "รับคืน", "สุทธิ", "อัตรา", "ค่าคอมมิชชั่น", "ค้างจ่ายกลุ่ม"]
    return [
        section("ใบแจ้งยอดสินค้าฝากขาย (Consignment statement)"),
        figures_table(heads, rows, [0.3, 0.12, 0.1, 0.12, 0.08, 0.13, 0.15], total=total),
    ]


def _schemes(report: ManagerReport) -> list[Flowable]:
    schemes = report.schemes
    rows: list[list[Cell]] = [
        [
            thai_date(line.sale_date),
            line.name_th,
            f"{line.count:,}",
            line.amount_satang,
            line.government_satang,
            line.buyer_satang,
        ]
        for line in schemes.lines
    ]
    total: list[Cell] = [
        "รวม",
        "",
        "",
        sum(line.amount_satang for line in schemes.lines),
        schemes.government_satang,
        schemes.buyer_satang,
    ]
    heads = ["วันที่ขาย", "โครงการ", "รายการ", "ยอด", "ส่วนรัฐ", "ส่วนลูกค้า"]
    return [
        section("โครงการรัฐ — ยอดรอรับ"),
        figures_table(heads, rows, [0.15, 0.25, 0.1, 0.17, 0.17, 0.16], total=total),
        _gap(),
        section("กำหนดเงินเข้าบัญชี (วันทำการถัดไป เสาร์-อาทิตย์เลื่อนเป็นวันจันทร์)"),
        _bank_due(schemes),
    ]


def _bank_due(schemes: SchemeReport) -> Table:
    due: list[list[Cell]] = [
        [
            thai_date(d.due_on),
            d.window,
            d.name_th,
            _SHARE_LABEL.get(d.share, d.share),
            d.amount_satang,
        ]
        for d in schemes.due
    ]
    heads = ["วันที่", "ช่วงเวลา", "โครงการ", "ส่วน", "บาท"]
    return figures_table(heads, due, [0.2, 0.17, 0.28, 0.15, 0.2])


def write_report_pdf(
    report: ManagerReport, target: Path | BytesIO, parts: tuple[str, ...] = PARTS
) -> None:
    """Write the report (or some of its ``parts``) as an A4 PDF."""
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise ValueError(f"unknown report part(s): {', '.join(sorted(unknown))}")
    period = period_text(report.period.start, report.period.end)
    story: list[Flowable] = heading_block(
        "รายงานผู้จัดการ — ยอดขาย",
        [report.centre_name, f"ช่วงวันที่ {period}", generated_line(report.generated_at)],
    )
    builders = {
        "sales": [_summary, _categories, _tenders, _hours, _products, _approvals],
        "producers": [_producers],
        "schemes": [_schemes],
    }
    for index, part in enumerate(p for p in PARTS if p in parts):
        if index:
            story.append(PageBreak())
        for builder in builders[part]:
            story += builder(report)
    build(
        story,
        target,
        title=f"รายงานยอดขาย {period}",
        footer=f"รายงาน {period}",
        author=report.centre_name,
    )


def report_pdf_bytes(report: ManagerReport, parts: tuple[str, ...] = PARTS) -> bytes:
    buffer = BytesIO()
    write_report_pdf(report, buffer, parts)
    return buffer.getvalue()
