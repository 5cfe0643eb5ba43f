"""The manager's screen: the reports of any date range, with charts, PDF and CSV export, X and Z.

Open it from the till's menu with the app context::

    screen = open_manager_screen(context, parent=window)   # a QMainWindow, already shown

Dates are shown in the Buddhist era.  Reports are made off the GUI thread
from the context's read unit of work (:func:`pos.reports.services.range_reports.manager_report`),
so the window stays responsive and the till keeps selling while a year is
summed.  Tabs: overview (totals, categories chart, the textile target),
categories, tenders, hours, top products, consignment (producers), schemes,
approvals (discounts, returns, voids), and the business days with their Z
reports.  The X report and closing the day (Z) open their dialogs.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.clock import Clock, SystemClock
from pos.money import format_baht
from pos.reports.services.export import write_csv
from pos.reports.services.range_reports import ManagerReport, ReportPeriod, manager_report
from pos.shifts.services.day_close import DayCloseError, DayReport, x_report, z_reports_between
from pos.thai_dates import thai_date
from ui.background import BackgroundTask, error_text, run_in_background
from ui.day_close_dialog import DayCloseDialog, DayReportView
from ui.manager_widgets import (
    BarChart,
    ThaiDateButton,
    big_button,
    new_table,
)
from ui.report_tabs import fill_report_tabs
from ui.screen_fit import fit_to_screen
from ui.widgets import named

TABS = (
    "ภาพรวม",
    "ประเภทสินค้า",
    "การชำระเงิน",
    "ช่วงเวลา",
    "สินค้าขายดี",
    "ฝากขาย",
    "โครงการรัฐ",
    "ส่วนลด/คืน/ยกเลิก",
    "วันทำการ (Z)",
)


class ManagerScreen(QMainWindow):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        period: ReportPeriod | None = None,
    ):
        super().__init__(parent)
        self._context, self._clock = context, clock or SystemClock()
        self.setWindowTitle("OTOP ศรีสะเกษ — รายงานผู้จัดการ")
        today = self._clock.now().date()
        period = period or ReportPeriod(today.replace(day=1), today)
        self.report: ManagerReport | None = None
        self._again = False
        self.z_reports: list[DayReport] = []
        self._task: BackgroundTask[tuple[ManagerReport, list[DayReport]]] | None = None
        self._build(period)
        fit_to_screen(self, QSize(1180, 820))  # never larger than a 1024×768 screen
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.refresh()

    # --- layout -----------------------------------------------------------------------------
    def _build(self, period: ReportPeriod) -> None:
        self.start = ThaiDateButton(period.start)
        self.end = ThaiDateButton(period.end)
        self.status = named(QLabel(wordWrap=True), "status")
        bar = QHBoxLayout()
        for widget in (
            QLabel("ตั้งแต่"),
            self.start,
            QLabel("ถึง"),
            self.end,
            big_button("วันนี้", self._today),
            big_button("เดือนนี้", self._month),
            big_button("แสดงรายงาน", self.refresh),
        ):
            bar.addWidget(widget)
        bar.addStretch()
        actions = QHBoxLayout()
        for widget in (
            big_button("ส่งออก PDF", self._ask_pdf),
            big_button("ส่งออก CSV", self._ask_csv),
            big_button("รายงาน X", self.show_x),
            big_button("ปิดวัน (Z)", self.close_day),
        ):
            actions.addWidget(widget)
        actions.addStretch()
        self.close_button = named(big_button("ปิด (Esc)", self.close), "closeButton")
        actions.addWidget(self.close_button)
        self.tabs = QTabWidget()
        self.pages: dict[str, QWidget] = {}
        for name in TABS:
            page = QWidget()
            QVBoxLayout(page)
            self.tabs.addTab(page, name)
            self.pages[name] = page
        self._build_overview()
        layout = QVBoxLayout()
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.tables: dict[str, QTableWidget] = {}
        self.charts: dict[str, BarChart] = {"categories": self.category_chart}

    def _build_overview(self) -> None:
        page = self.pages["ภาพรวม"].layout()
        assert page is not None
        self.totals = named(QLabel(wordWrap=True), "totals")
        self.totals.setStyleSheet("font-size: 15pt")
        self.category_chart = BarChart()
        self.target = named(QProgressBar(), "target")
        self.target.setRange(0, 10_000)
        self.target_text = named(QLabel(wordWrap=True), "targetText")
        for widget in (
            self.totals,
            QLabel("ยอดขายสุทธิตามประเภทสินค้า"),
            self.category_chart,
            self.target_text,
            self.target,
        ):
            page.addWidget(widget)

    def table(self, tab: str, key: str) -> QTableWidget:
        """The table ``key`` on tab ``tab`` (made on first use)."""
        if key not in self.tables:
            table = new_table(key)
            layout = self.pages[tab].layout()
            assert layout is not None
            layout.addWidget(table)
            self.tables[key] = table
        return self.tables[key]

    def chart(self, tab: str, key: str, *, vertical: bool = False) -> BarChart:
        if key not in self.charts:
            chart = BarChart(vertical=vertical)
            layout = self.pages[tab].layout()
            assert layout is not None
            layout.addWidget(chart)
            self.charts[key] = chart
        return self.charts[key]

    # --- periods and refreshing ---------------------------------------------------------------
    def period(self) -> ReportPeriod:
        return ReportPeriod(self.start.date(), self.end.date())

    def set_period(self, start: dt.date, end: dt.date) -> None:
        self.start.set_date(start)
        self.end.set_date(end)
        self.refresh()

    def _today(self) -> None:
        today = self._clock.now().date()
        self.set_period(today, today)

    def _month(self) -> None:
        today = self._clock.now().date()
        self.set_period(today.replace(day=1), today)

    def refresh(self) -> None:
        """Make the period's reports on a worker thread; the tabs fill when they are ready."""
        try:
            period = self.period()
        except ValueError as error:
            self.status.setText(str(error))
            return
        if self._task is not None and self._task.running:
            self._again = True  # made again with the new dates once this one is in
            return
        self.status.setText(f"กำลังสร้างรายงาน {thai_date(period.start)} – {thai_date(period.end)} …")
        reader, clock = self._context.reader(), self._clock

        def work() -> tuple[ManagerReport, list[DayReport]]:
            report = manager_report(reader, period, clock.now())
            return report, z_reports_between(reader, clock, period.start, period.end)

        self._task = run_in_background(self, work, self._show, self._failed, name="reports")

    def _show(self, result: tuple[ManagerReport, list[DayReport]]) -> None:
        if self._again:
            self._again = False
            self.refresh()
            return
        self.report, self.z_reports = result
        report = self.report
        cats = report.categories
        self.totals.setText(
            f"{report.sales_count:,} ใบเสร็จ — ยอดขาย {format_baht(cats.sales_satang)} บาท,"
            f" รับคืน/ยกเลิก {format_baht(cats.returns_satang)},"
            f" สุทธิ {format_baht(cats.net_satang)} บาท"
        )
        self.category_chart.set_bars([(line.label_th, line.net_satang) for line in cats.lines])
        target = cats.target
        self.target.setValue(min(10_000, target.progress_basis_points))
        self.target.setFormat(f"{format_baht(target.progress_basis_points)}%")
        self.target_text.setText(
            f"เป้าหมาย{target.label_th} {format_baht(target.yearly_satang)} บาท"
            f" ({thai_date(target.year_start)} – {thai_date(target.year_end)}): ขายแล้ว"
            f" {format_baht(target.sold_satang)} บาท, เวลาผ่านไป"
            f" {format_baht(target.elapsed_basis_points)}% ของปี"
        )
        fill_report_tabs(self, report, self.z_reports)
        self.status.setText(
            f"รายงาน {thai_date(report.period.start)} – {thai_date(report.period.end)}"
            f" ณ {report.generated_at:%H:%M:%S}"
        )

    def _failed(self, error: Exception) -> None:
        self.status.setText(f"ทำรายงานไม่ได้: {error_text(error)}")
        if self._again:
            self._again = False
            self.refresh()

    # --- export, X and Z --------------------------------------------------------------------
    def _ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "บันทึก PDF", "report.pdf", "PDF (*.pdf)")
        if path:
            self.export_pdf(Path(path))

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "บันทึก CSV", "report.csv", "CSV (*.csv)")
        if path:
            self.export_csv(Path(path))

    def export_pdf(self, path: Path) -> None:
        """Write the report shown as a PDF, off the GUI thread."""
        report = self.report
        if report is None:
            return

        def work() -> str:
            from receipts.report_pdf import write_report_pdf

            write_report_pdf(report, path)
            return f"บันทึก PDF แล้ว: {path}"

        run_in_background(self, work, self.status.setText, self._failed, name="export")

    def export_csv(self, path: Path) -> None:
        report = self.report
        if report is None:
            return
        buffer = io.StringIO()
        rows = write_csv(report, buffer)
        path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")  # Excel reads Thai
        self.status.setText(f"บันทึก CSV แล้ว ({rows} แถว): {path}")

    def show_x(self) -> DayReportView | None:
        try:
            report = x_report(self._context.reader(), self._clock)
        except DayCloseError as error:
            self.status.setText(str(error))
            return None
        view = DayReportView(self._context, report, self)
        view.finished.connect(lambda _: self.activateWindow())  # Esc again closes this screen
        view.show()
        return view

    def close_day(self) -> DayCloseDialog:
        dialog = DayCloseDialog(self._context, self, clock=self._clock)
        dialog.day_closed.connect(lambda _report: self.refresh())
        dialog.finished.connect(lambda _: self.activateWindow())
        dialog.show()
        return dialog


def open_manager_screen(
    context: AppContext, parent: QWidget | None = None, **options: Any
) -> ManagerScreen:
    """Make and show the manager's screen (options: ``clock``, ``period``)."""
    screen = ManagerScreen(context, parent, **options)
    screen.show()
    return screen
