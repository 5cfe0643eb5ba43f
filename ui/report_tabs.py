"""Filling the manager screen's tabs from a
:class:`pos.reports.services.range_reports.ManagerReport`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from pos.catalogue.domain.products import format_quantity
from pos.money import format_baht
from pos.reports.services.range_reports import ManagerReport
from pos.shifts.services.day_close import DayReport
from pos.thai_dates import thai_datetime
from ui.manager_widgets import fill_table
from ui.messages import shown_date

if TYPE_CHECKING:
    from ui.manager_screen import ManagerScreen


def _kinds() -> dict[str, str]:
    return {
        "discount": QCoreApplication.translate("ReportTabs", "Discount / price change"),
        "return": QCoreApplication.translate("ReportTabs", "Returns"),
        "void": QCoreApplication.translate("ReportTabs", "Void"),
    }


def _shares() -> dict[str, str]:
    return {
        "government": QCoreApplication.translate("ReportTabs", "Government share"),
        "buyer": QCoreApplication.translate("ReportTabs", "Customer share"),
    }


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
    heads = [
        QCoreApplication.translate("ReportTabs", "Category"),
        QCoreApplication.translate("ReportTabs", "Lines"),
        QCoreApplication.translate("ReportTabs", "Gross"),
        QCoreApplication.translate("ReportTabs", "Discounts"),
        QCoreApplication.translate("ReportTabs", "Sales"),
        QCoreApplication.translate("ReportTabs", "Returns"),
        QCoreApplication.translate("ReportTabs", "Net"),
        QCoreApplication.translate("ReportTabs", "Share"),
    ]
    fill_table(screen.table("categories", "categories"), heads, rows)


def _tenders(screen: ManagerScreen, report: ManagerReport) -> None:
    tenders = report.tenders
    rows: list[list[Any]] = [
        [t.label, f"{t.count:,}", t.sales_satang, t.refunds_satang, t.net_satang]
        for t in tenders.lines
    ]
    rows.append(
        [
            QCoreApplication.translate("ReportTabs", "Cash: received / change"),
            "",
            tenders.cash_received_satang,
            tenders.change_satang,
            None,
        ]
    )
    fill_table(
        screen.table("tenders", "tenders"),
        [
            QCoreApplication.translate("ReportTabs", "Tender"),
            QCoreApplication.translate("ReportTabs", "Times"),
            QCoreApplication.translate("ReportTabs", "Received"),
            QCoreApplication.translate("ReportTabs", "Refunded"),
            QCoreApplication.translate("ReportTabs", "Net"),
        ],
        rows,
    )
    chart = screen.chart("tenders", "tenders")
    chart.set_title(QCoreApplication.translate("ManagerOverview", "Net takings by tender"))
    chart.set_bars([(t.label, t.net_satang) for t in tenders.lines])


def _hours(screen: ManagerScreen, report: ManagerReport) -> None:
    chart = screen.chart("hours", "hours", vertical=True)
    chart.set_title(
        QCoreApplication.translate("ManagerOverview", "Sales by hour, %1 – %2")
        .replace("%1", shown_date(report.period.start))
        .replace("%2", shown_date(report.period.end))
    )
    chart.set_bars([(f"{h.hour:02d}", h.total_satang) for h in report.hours])
    rows: list[list[Any]] = [
        [f"{h.hour:02d}:00–{h.hour:02d}:59", f"{h.count:,}", h.total_satang] for h in report.hours
    ]
    fill_table(
        screen.table("hours", "hours"),
        [
            QCoreApplication.translate("ReportTabs", "Hour"),
            QCoreApplication.translate("ReportTabs", "Receipts"),
            QCoreApplication.translate("ReportTabs", "Sales"),
        ],
        rows,
    )


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
    heads = [
        QCoreApplication.translate("ReportTabs", "No."),
        QCoreApplication.translate("ReportTabs", "SKU"),
        QCoreApplication.translate("ReportTabs", "Product"),
        QCoreApplication.translate("ReportTabs", "Producer group"),
        QCoreApplication.translate("ReportTabs", "Quantity"),
        QCoreApplication.translate("ReportTabs", "Sales"),
        QCoreApplication.translate("ReportTabs", "Returns"),
    ]
    fill_table(screen.table("products", "products"), heads, rows)


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
            QCoreApplication.translate("ReportTabs", "Total"),
            statement.total("sales_satang"),
            statement.total("returns_satang"),
            statement.total("net_satang"),
            "",
            statement.total("commission_satang"),
            statement.total("owed_satang"),
        ]
    )
    heads = [
        QCoreApplication.translate("ReportTabs", "Producer group"),
        QCoreApplication.translate("ReportTabs", "Sales"),
        QCoreApplication.translate("ReportTabs", "Returns"),
        QCoreApplication.translate("ReportTabs", "Net"),
        QCoreApplication.translate("ReportTabs", "Rate"),
        QCoreApplication.translate("ReportTabs", "Commission"),
        QCoreApplication.translate("ReportTabs", "Owed to the group"),
    ]
    fill_table(screen.table("producers", "producers"), heads, rows)


def _schemes(screen: ManagerScreen, report: ManagerReport) -> None:
    lines = report.schemes.lines
    rows: list[list[Any]] = [
        [
            shown_date(s.sale_date),
            s.name_th,
            f"{s.count:,}",
            s.government_satang,
            shown_date(s.government_due_on) if s.government_due_on else "",
            s.buyer_satang,
            shown_date(s.buyer_due_on) if s.buyer_due_on else "",
        ]
        for s in lines
    ]
    heads = [
        QCoreApplication.translate("ReportTabs", "Sale date"),
        QCoreApplication.translate("ReportTabs", "Scheme"),
        QCoreApplication.translate("ReportTabs", "Lines"),
        QCoreApplication.translate("ReportTabs", "Government share"),
        QCoreApplication.translate("ReportTabs", "Paid in on"),
        QCoreApplication.translate("ReportTabs", "Customer share"),
        QCoreApplication.translate("ReportTabs", "Paid in on"),
    ]
    fill_table(screen.table("schemes", "schemes"), heads, rows)
    due: list[list[Any]] = [
        [
            shown_date(d.due_on),
            d.window,
            d.name_th,
            _shares().get(d.share, d.share),
            d.amount_satang,
        ]
        for d in report.schemes.due
    ]
    fill_table(
        screen.table("schemes", "bank_due"),
        [
            QCoreApplication.translate("ReportTabs", "Paid in on"),
            QCoreApplication.translate("ReportTabs", "Hour"),
            QCoreApplication.translate("ReportTabs", "Scheme"),
            QCoreApplication.translate("ReportTabs", "Share"),
            QCoreApplication.translate("ReportTabs", "Baht"),
        ],
        due,
    )


def _approvals(screen: ManagerScreen, report: ManagerReport) -> None:
    totals = [*report.discounts.by_approver, *report.returns.by_approver]
    rows: list[list[Any]] = [
        [
            _kinds().get(t.kind, t.kind),
            t.approved_by or QCoreApplication.translate("ReportTabs", "Within the cashier's limit"),
            f"{t.count:,}",
            t.amount_satang,
        ]
        for t in totals
    ]
    tab = "approvals"
    fill_table(
        screen.table(tab, "approvers"),
        [
            QCoreApplication.translate("ReportTabs", "Lines"),
            QCoreApplication.translate("ReportTabs", "Approved by"),
            QCoreApplication.translate("ReportTabs", "Times"),
            QCoreApplication.translate("ReportTabs", "Baht"),
        ],
        rows,
    )
    notes: list[list[Any]] = [
        [
            n.number,
            _kinds().get(n.kind, n.kind),
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
    heads = [
        QCoreApplication.translate("ReportTabs", "Credit note"),
        QCoreApplication.translate("ReportTabs", "Kind"),
        QCoreApplication.translate("ReportTabs", "Time"),
        QCoreApplication.translate("ReportTabs", "Original receipt"),
        QCoreApplication.translate("ReportTabs", "Baht"),
        QCoreApplication.translate("ReportTabs", "Cash refunded"),
        QCoreApplication.translate("ReportTabs", "Reason"),
        QCoreApplication.translate("ReportTabs", "Cashier"),
        QCoreApplication.translate("ReportTabs", "Approved by"),
    ]
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
        [
            QCoreApplication.translate("ReportTabs", "Receipts"),
            QCoreApplication.translate("ReportTabs", "Time"),
            QCoreApplication.translate("ReportTabs", "Cashier"),
            QCoreApplication.translate("ReportTabs", "Approved by"),
            QCoreApplication.translate("ReportTabs", "Discounts"),
            QCoreApplication.translate("ReportTabs", "Price cut"),
        ],
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
                shown_date(figures.business_date),
                thai_datetime(z.z.closed_at),
                z.closed_by or "",
                f"{figures.sales.count:,}",
                figures.net_satang,
                figures.cash.expected_satang,
                figures.counted_cash_satang,
                figures.cash_difference_satang,
            ]
        )
    heads = [
        QCoreApplication.translate("ReportTabs", "Z number"),
        QCoreApplication.translate("ReportTabs", "Business day"),
        QCoreApplication.translate("ReportTabs", "Closed at"),
        QCoreApplication.translate("ReportTabs", "Closed by"),
        QCoreApplication.translate("ReportTabs", "Receipts"),
        QCoreApplication.translate("ReportTabs", "Net"),
        QCoreApplication.translate("ReportTabs", "Cash expected"),
        QCoreApplication.translate("ReportTabs", "Counted"),
        QCoreApplication.translate("ReportTabs", "Difference"),
    ]
    fill_table(screen.table("days", "z_reports"), heads, rows)
