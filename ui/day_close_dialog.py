"""Closing the business day (the Z report), and showing an X or Z report on screen.

``DayCloseDialog(context, parent=window).exec()`` lists what still stands in
the way (open shifts, differences not approved), takes the manager's PIN and
closes the day off the GUI thread (:func:`pos.shifts.services.day_close.close_day`,
which also queues the Z for the receipt printer).  ``DayReportView`` shows an
X or Z report's figures and can print an X directly (an X changes nothing, so
it is not queued).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from pos.bootstrap import AppContext
from pos.clock import Clock, SystemClock
from pos.ids import ZReportId
from pos.money import format_baht
from pos.printing.services.print_jobs import request_reprint
from pos.reports.services.range_reports import tender_label
from pos.shifts.services.day_close import Z_DOCUMENT_KIND, DayReport, close_day, closing_problems
from pos.thai_dates import thai_date
from receipts.connections import EscposTransport
from receipts.day_report_print import day_report_escpos
from receipts.samples import header_from_settings
from ui.background import error_text, run_in_background
from ui.backup_keeper import backup_after_z
from ui.manager_widgets import ManagerPin, big_button, fill_table, new_table
from ui.print_status import receipt_printer_set_up
from ui.screen_fit import fit_to_screen
from ui.sync_panel import sync_after_z
from ui.widgets import named


def day_rows(report: DayReport, context: AppContext) -> list[list[Any]]:
    """The report's main figures as (label, amount) rows for a table."""
    figures = report.figures
    schemes = context.settings().schemes
    rows: list[list[Any]] = [
        [f"ยอดขาย ({figures.sales.count} ใบเสร็จ)", figures.sales.total_satang],
        [f"รับคืน ({figures.returns.count})", -figures.returns.total_satang],
        [f"ยกเลิก ({figures.voids.count})", -figures.voids.total_satang],
        ["ยอดขายสุทธิ", figures.net_satang],
    ]
    rows += [[tender_label(t.key, schemes), t.net_satang] for t in figures.tenders]
    rows.append(["เงินสดที่ควรมีในลิ้นชัก", figures.cash.expected_satang])
    if figures.counted_cash_satang is not None:
        rows.append(["เงินสดที่นับได้", figures.counted_cash_satang])
        rows.append(["ผลต่าง", figures.cash_difference_satang])
    if report.z is not None:
        rows.append(["ยอดสะสม (GT)", report.z.grand_total_satang])
    return rows


class DayReportView(QDialog):
    """An X or Z report on screen, and on the receipt printer.

    An X is sent to the printer directly (off the GUI thread; it changes
    nothing, so it is not queued); a Z is queued again as a copy ("สำเนา").
    """

    def __init__(self, context: AppContext, report: DayReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.report, self._context = report, context
        title = f"รายงาน Z {report.z.number}" if report.z else "รายงาน X (ยังไม่ปิดวัน)"
        self.setWindowTitle(title)
        self.table = new_table("dayFigures")
        fill_table(self.table, ["รายการ", "บาท"], day_rows(report, context))
        self.status = named(QLabel(wordWrap=True), "status")
        self.print_button = big_button("พิมพ์", self.print_report)
        layout = QVBoxLayout(self)
        day = thai_date(report.figures.business_date, style="full")
        layout.addWidget(QLabel(f"{title} — วันทำการ {day}"))
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(self.print_button)
        layout.addWidget(big_button("ปิด", self.accept))
        fit_to_screen(self, QSize(520, 600))  # the table scrolls on a smaller screen

    def print_report(self) -> None:
        if self.report.z is not None:
            request_reprint(
                self._context.uow_factory, Z_DOCUMENT_KIND, self.report.z.number, SystemClock()
            )
            self.status.setText("ส่งพิมพ์สำเนารายงาน Z แล้ว (รอคิวเครื่องพิมพ์)")
            return
        settings = self._context.settings()
        header = header_from_settings(settings.receipt_header, pos_id=settings.terminal_id)
        data = day_report_escpos(self.report, header, settings.schemes, settings.receipt_printer)

        def send() -> str:  # drawn above on the GUI thread; only the sending waits
            EscposTransport(settings.receipt_printer).send_job(data)
            return "พิมพ์รายงาน X แล้ว"

        self.status.setText("กำลังพิมพ์ …")
        run_in_background(self, send, self.status.setText, self._print_failed, name="print-x")

    def _print_failed(self, error: Exception) -> None:
        self.status.setText(f"พิมพ์ไม่ได้: {error_text(error)}")


class DayCloseDialog(QDialog):
    day_closed = Signal(object)  # DayReport (the Z)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, clock: Clock | None = None
    ):
        super().__init__(parent)
        self._context, self._clock = context, clock or SystemClock()
        self.setWindowTitle("ปิดวัน — รายงาน Z")
        self.setMinimumWidth(520)
        self.problems = named(QLabel(wordWrap=True), "problems")
        self.manager_pin = ManagerPin(context)
        self.close_button = big_button("ปิดวัน (พิมพ์รายงาน Z)", self._close)
        self.close_button.setObjectName("closeDay")
        self.status = named(QLabel(wordWrap=True), "status")
        self.figures = new_table("zFigures")
        self.figures.hide()
        layout = QVBoxLayout(self)
        for widget in (
            self.problems,
            self.manager_pin,
            self.close_button,
            self.status,
            self.figures,
        ):
            layout.addWidget(widget)
        layout.addWidget(big_button("ปิดหน้าต่าง", self.reject))
        self.refresh()

    def refresh(self) -> None:
        """Say what must happen before the day can be closed."""
        with self._context.reader()() as uow:
            settings = uow.settings.load()
            day = uow.shifts.open_day(settings.terminal_id)
            problems = closing_problems(uow, day, settings) if day else []
        if day is None:
            self.problems.setText("ไม่มีวันทำการที่เปิดอยู่ (ยังไม่มีการเปิดกะหลังรายงาน Z ล่าสุด)")
            self.close_button.setEnabled(False)
            return
        text = f"วันทำการ {thai_date(day.business_date, style='full')}"
        if problems:
            text += "\nต้องทำก่อนปิดวัน:\n• " + "\n• ".join(problems)
        self.problems.setText(text)
        self.close_button.setEnabled(not problems)

    def _close(self) -> None:
        approval = self.manager_pin.approval()
        if approval is None:
            self.status.setText("เลือกผู้จัดการและกรอก PIN")
            return
        self.close_button.setEnabled(False)
        self.status.setText("กำลังปิดวัน …")
        uow_factory, clock = self._context.uow_factory, self._clock
        run_in_background(
            self,
            lambda: close_day(uow_factory, clock, ZReportId(uuid.uuid4()), approval),
            self._closed,
            self._failed,
            name="close-day",
        )

    def _failed(self, error: Exception) -> None:
        self.status.setText(error_text(error))
        self.refresh()

    def _closed(self, report: DayReport) -> None:
        assert report.z is not None
        net = format_baht(report.figures.net_satang)
        if receipt_printer_set_up(self._context.settings()):
            self.status.setText(f"ปิดวันแล้ว: {report.z.number} ยอดขายสุทธิ {net} บาท — ส่งพิมพ์แล้ว")
        else:  # "sent to print" would be untrue: the Z waits in the queue
            text = self.tr("Day closed: {number}, net {net} baht; the Z waits for a printer.")
            self.status.setText(text.format(number=report.z.number, net=net))
        fill_table(self.figures, ["รายการ", "บาท"], day_rows(report, self._context))
        self.figures.show()
        self.close_button.setEnabled(False)
        self.day_closed.emit(report)
        sync_after_z(self._context)  # the day's records to the head office (issue 7)
        backup_after_z(self._context)  # and a copy of the closed day (issue 12)
