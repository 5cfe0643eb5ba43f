"""Filling the manager screen's tabs from a
:class:`pos.reports.services.range_reports.ManagerReport`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from pos.catalogue.domain.products import format_quantity
from pos.money import format_baht
from pos.reports.services.range_reports import ManagerReport
from pos.shifts.services.day_close import DayReport
from pos.thai_dates import thai_date, thai_datetime
from ui.manager_widgets import fill_table

if TYPE_CHECKING:
    from ui.manager_screen import ManagerScreen

KINDS = {"discount": "ส่วนลด/เปลี่ยนราคา", "return": "รับคืน", "void": "ยกเลิก"}
SHARES = {"government": "ส่วนรัฐ", "buyer": "ส่วนลูกค้า"}


def _percent(basis_points: int) -> str:
    return f"{format_baht(basis_points)}%"


def fill_report_tabs(
    screen: ManagerScreen, report: ManagerReport, z_reports: list[DayReport]
) -> None:
    _categories(screen, report)
    _tenders(screen, report)
    _hours(screen, report)
    _products(screen, report)
    _producers(screen, report)
    _schemes(screen, report)
    _approvals(screen, report)
    _days(screen, z_reports)


def _categories(screen: ManagerScreen, report: ManagerReport) -> None:
    rows: list[list[Any]] = [
        [
            c.label_th,
            f"{c.lines:,}",
            c.gross_satang,
            c.discounts_satang,
            c.sales_satang,
            c.returns_satang,
            c.net_satang,
            _percent(c.share_basis_points),
        ]
        for c in report.categories.lines
    ]
    heads = ["ประเภท", "รายการ", "ราคาขาย", "ส่วนลด", "ยอดขาย", "รับคืน", "สุทธิ", "สัดส่วน"]
    fill_table(screen.table("ประเภทสินค้า", "categories"), heads, rows)


def _tenders(screen: ManagerScreen, report: ManagerReport) -> None:
    tenders = report.tenders
    rows: list[list[Any]] = [
        [t.label, f"{t.count:,}", t.sales_satang, t.refunds_satang, t.net_satang]
        for t in tenders.lines
    ]
    rows.append(
        ["เงินสด: รับจากลูกค้า / ทอน", "", tenders.cash_received_satang, tenders.change_satang, None]
    )
    fill_table(screen.table("การชำระเงิน", "tenders"), ["การชำระ", "ครั้ง", "รับ", "คืน", "สุทธิ"], rows)
    chart = screen.chart("การชำระเงิน", "tenders")
    chart.set_title(QCoreApplication.translate("ManagerOverview", "Net takings by tender"))
    chart.set_bars([(t.label, t.net_satang) for t in tenders.lines])


def _hours(screen: ManagerScreen, report: ManagerReport) -> None:
    chart = screen.chart("ช่วงเวลา", "hours", vertical=True)
    chart.set_title(
        QCoreApplication.translate("ManagerOverview", "Sales by hour, %1 – %2")
        .replace("%1", thai_date(report.period.start))
        .replace("%2", thai_date(report.period.end))
    )
    chart.set_bars([(f"{h.hour:02d}", h.total_satang) for h in report.hours])
    rows: list[list[Any]] = [
        [f"{h.hour:02d}:00–{h.hour:02d}:59", f"{h.count:,}", h.total_satang] for h in report.hours
    ]
    fill_table(screen.table("ช่วงเวลา", "hours"), ["ช่วงเวลา", "ใบเสร็จ", "ยอดขาย"], rows)


def _products(screen: ManagerScreen, report: ManagerReport) -> None:
    rows: list[list[Any]] = [
        [
            str(i),
            p.sku,
            p.name_th,
            p.producer_name,
            format_quantity(p.quantity_milli, weighed=p.sold_by_weight),
            p.total_satang,
            p.returned_satang,
        ]
        for i, p in enumerate(report.products, start=1)
    ]
    heads = ["ที่", "SKU", "สินค้า", "กลุ่มผู้ผลิต", "จำนวน", "ยอดขาย", "รับคืน"]
    fill_table(screen.table("สินค้าขายดี", "products"), heads, rows)


def _producers(screen: ManagerScreen, report: ManagerReport) -> None:
    statement = report.producers
    rows: list[list[Any]] = [
        [
            p.producer_name,
            p.sales_satang,
            p.returns_satang,
            p.net_satang,
            _percent(p.commission_basis_points),
            p.commission_satang,
            p.owed_satang,
        ]
        for p in statement.lines
    ]
    rows.append(
        [
            "รวม",
            statement.total("sales_satang"),
            statement.total("returns_satang"),
            statement.total("net_satang"),
            "",
            statement.total("commission_satang"),
            statement.total("owed_satang"),
        ]
    )
    heads = ["กลุ่มผู้ผลิต", "ยอดขาย", "รับคืน", "สุทธิ", "อัตรา", "ค่าคอมมิชชั่น", "ค้างจ่ายกลุ่ม"]
    fill_table(screen.table("ฝากขาย", "producers"), heads, rows)


def _schemes(screen: ManagerScreen, report: ManagerReport) -> None:
    lines = report.schemes.lines
    rows: list[list[Any]] = [
        [
            thai_date(s.sale_date),
            s.name_th,
            f"{s.count:,}",
            s.government_satang,
            thai_date(s.government_due_on) if s.government_due_on else "",
            s.buyer_satang,
            thai_date(s.buyer_due_on) if s.buyer_due_on else "",
        ]
        for s in lines
    ]
    heads = ["วันที่ขาย", "โครงการ", "รายการ", "ส่วนรัฐ", "เข้าบัญชี", "ส่วนลูกค้า", "เข้าบัญชี"]
    fill_table(screen.table("โครงการรัฐ", "schemes"), heads, rows)
    due: list[list[Any]] = [
        [thai_date(d.due_on), d.window, d.name_th, SHARES.get(d.share, d.share), d.amount_satang]
        for d in report.schemes.due
    ]
    fill_table(
        screen.table("โครงการรัฐ", "bank_due"),
        ["วันที่เงินเข้า", "ช่วงเวลา", "โครงการ", "ส่วน", "บาท"],
        due,
    )


def _approvals(screen: ManagerScreen, report: ManagerReport) -> None:
    totals = [*report.discounts.by_approver, *report.returns.by_approver]
    rows: list[list[Any]] = [
        [
            KINDS.get(t.kind, t.kind),
            t.approved_by or "ภายในวงเงินแคชเชียร์",
            f"{t.count:,}",
            t.amount_satang,
        ]
        for t in totals
    ]
    tab = "ส่วนลด/คืน/ยกเลิก"
    fill_table(screen.table(tab, "approvers"), ["รายการ", "ผู้อนุมัติ", "ครั้ง", "บาท"], rows)
    notes: list[list[Any]] = [
        [
            n.number,
            KINDS.get(n.kind, n.kind),
            thai_datetime(n.issued_at),
            n.sale_receipt_number,
            n.total_satang,
            n.cash_paid_out_satang,
            n.reason,
            n.cashier,
            n.approved_by,
        ]
        for n in report.returns.lines
    ]
    heads = ["ใบลดหนี้", "ชนิด", "เวลา", "ใบเสร็จเดิม", "บาท", "คืนเงินสด", "เหตุผล", "แคชเชียร์", "ผู้อนุมัติ"]
    fill_table(screen.table(tab, "credit_notes"), heads, notes)
    discounts: list[list[Any]] = [
        [
            d.receipt_number,
            thai_datetime(d.sold_at),
            d.cashier,
            d.approved_by or "-",
            d.line_discounts_satang + d.order_discount_satang,
            d.price_override_satang,
        ]
        for d in report.discounts.lines
    ]
    fill_table(
        screen.table(tab, "discounts"),
        ["ใบเสร็จ", "เวลา", "แคชเชียร์", "ผู้อนุมัติ", "ส่วนลด", "ลดราคา"],
        discounts,
    )


def _days(screen: ManagerScreen, z_reports: list[DayReport]) -> None:
    rows: list[list[Any]] = []
    for z in z_reports:
        assert z.z is not None
        figures = z.figures
        rows.append(
            [
                z.z.number,
                thai_date(figures.business_date),
                thai_datetime(z.z.closed_at),
                z.closed_by or "",
                f"{figures.sales.count:,}",
                figures.net_satang,
                figures.cash.expected_satang,
                figures.counted_cash_satang,
                figures.cash_difference_satang,
            ]
        )
    heads = ["เลขที่ Z", "วันทำการ", "ปิดเมื่อ", "ผู้ปิด", "ใบเสร็จ", "สุทธิ", "เงินสดควรมี", "นับได้", "ผลต่าง"]
    fill_table(screen.table("วันทำการ (Z)", "z_reports"), heads, rows)
