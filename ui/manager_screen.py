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

It looks like the till: the till's style sheet (:mod:`ui.style`, set on the
application) with the same purple ``#header`` and finger-sized buttons; the
charts are QtCharts (:mod:`ui.charts`, :mod:`ui.manager_overview`), which only
this screen imports, and the till imports this screen only when it opens it.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.clock import Clock, SystemClock
from pos.reports.services.export import write_csv
from pos.reports.services.range_reports import ManagerReport, ReportPeriod, manager_report
from pos.reports.services.trend import SalesTrend, sales_trend
from pos.shifts.services.day_close import DayCloseError, DayReport, x_report, z_reports_between
from ui.background import BackgroundTask, error_text, run_in_background
from ui.charts import SalesChart
from ui.day_close_dialog import DayCloseDialog, DayReportView
from ui.live_text import live, live_title, mark_data, status_label_follows, worded
from ui.manager_overview import ManagerOverview
from ui.manager_widgets import ThaiDateButton, big_button, new_table
from ui.messages import shown_date
from ui.report_tabs import fill_report_tabs
from ui.screen_fit import fit_to_screen
from ui.status_line import say
from ui.widgets import named

Reports = tuple[ManagerReport, list[DayReport], SalesTrend]

TABS = (  # the tabs' keys (ui.report_tabs fills them by key); their titles: tab_titles()
    "overview",
    "categories",
    "tenders",
    "hours",
    "products",
    "producers",
    "schemes",
    "approvals",
    "days",
)


def tab_titles() -> list[str]:
    """The tabs' titles in the screen's language, in the order of ``TABS``."""
    return [
        QCoreApplication.translate("ManagerScreen", "Overview"),
        QCoreApplication.translate("ManagerScreen", "Categories"),
        QCoreApplication.translate("ManagerScreen", "Payments"),
        QCoreApplication.translate("ManagerScreen", "Hours"),
        QCoreApplication.translate("ManagerScreen", "Best sellers"),
        QCoreApplication.translate("ManagerScreen", "Consignment"),
        QCoreApplication.translate("ManagerScreen", "Government schemes"),
        QCoreApplication.translate("ManagerScreen", "Discounts/returns/voids"),
        QCoreApplication.translate("ManagerScreen", "Business days (Z)"),
    ]


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
        self.setObjectName("managerScreen")  # the till's style sheet has its rules under this
        self._context, self._clock = context, clock or SystemClock()
        live_title(self, lambda: self.tr("OTOP Sisaket — manager's reports"))
        today = self._clock.now().date()
        period = period or ReportPeriod(today.replace(day=1), today)
        self.report: ManagerReport | None = None
        self._again = False
        self.z_reports: list[DayReport] = []
        self.trend: SalesTrend | None = None
        self._task: BackgroundTask[Reports] | None = None
        self._build(period)
        fit_to_screen(self, QSize(1180, 820))  # never larger than a 1024×768 screen
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.tabs.setFocus()  # not Close, the first in the Tab order: a Space would shut it
        self.refresh()

    # --- layout -----------------------------------------------------------------------------
    def _build(self, period: ReportPeriod) -> None:
        self.start = ThaiDateButton(period.start)
        self.end = ThaiDateButton(period.end)
        # in the header, right of the name
        self.status = status_label_follows(named(QLabel(wordWrap=True), "status"))
        bar = QHBoxLayout()
        for widget in (
            worded(QLabel(), lambda: self.tr("From")),
            self.start,
            worded(QLabel(), lambda: self.tr("to")),
            self.end,
            worded(big_button("", self._today), lambda: self.tr("Today")),
            worded(big_button("", self._month), lambda: self.tr("This month")),
            worded(big_button("", self.refresh), lambda: self.tr("Show the report")),
        ):
            bar.addWidget(widget)
        bar.addStretch()
        actions = QHBoxLayout()
        for widget in (
            worded(big_button("", self._ask_pdf), lambda: self.tr("Export PDF")),
            worded(big_button("", self._ask_csv), lambda: self.tr("Export CSV")),
            worded(big_button("", self.show_x), lambda: self.tr("X report")),
            worded(big_button("", self.close_day), lambda: self.tr("Close the day (Z)")),
        ):
            actions.addWidget(widget)
        actions.addStretch()
        self.tabs = QTabWidget()
        self.pages: dict[str, QWidget] = {}
        for name in TABS:
            page = QWidget()
            QVBoxLayout(page)
            self.tabs.addTab(page, name)
            self.pages[name] = page
        live(self.tabs, self._word_tabs)
        self._build_overview()
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self._header())
        for row in (bar, actions):
            row.setContentsMargins(8, 0, 8, 0)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.tables: dict[str, QTableWidget] = {}
        overview = self.overview
        self.charts: dict[str, SalesChart] = {
            "categories": overview.category_chart,
            "target": overview.target_chart,
            "today_hours": overview.hour_chart,
            "month_days": overview.day_chart,
        }

    def _header(self) -> QWidget:
        """The till's purple header: the centre's name, what this screen is, and Close."""
        header = named(QWidget(), "header")
        row = QHBoxLayout(header)
        row.setContentsMargins(10, 4, 10, 4)
        row.addWidget(named(worded(QLabel(), lambda: self.tr("Manager reports")), "managerTitle"))
        row.addWidget(mark_data(QLabel(self._context.settings().receipt_header.name)))
        row.addStretch()
        row.addWidget(self.status)
        self.close_button = named(
            worded(big_button("", self.close), lambda: self.tr("Close (Esc)")), "closeButton"
        )
        row.addWidget(self.close_button)
        return header

    def _build_overview(self) -> None:
        page = self.pages["overview"].layout()
        assert page is not None
        self.overview = ManagerOverview()
        page.setContentsMargins(4, 4, 4, 4)
        page.addWidget(self.overview)
        self.totals, self.target_text = self.overview.totals, self.overview.target_text
        self.category_chart = self.overview.category_chart

    def _word_tabs(self) -> None:
        for index, title in enumerate(tab_titles()):
            self.tabs.setTabText(index, title)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and self.report is not None:
            self._word_report()  # the figures' words, headings and status in the new language
        super().changeEvent(event)

    def table(self, tab: str, key: str) -> QTableWidget:
        """The table ``key`` on tab ``tab`` (made on first use)."""
        if key not in self.tables:
            table = new_table(key)
            layout = self.pages[tab].layout()
            assert layout is not None
            layout.addWidget(table)
            self.tables[key] = table
        return self.tables[key]

    def chart(self, tab: str, key: str, *, vertical: bool = False) -> SalesChart:
        if key not in self.charts:
            chart = SalesChart(horizontal=not vertical)
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
        say(
            self.status,
            lambda: self.tr("Making the report {start} – {end} …").format(
                start=shown_date(period.start), end=shown_date(period.end)
            ),
        )
        reader, clock = self._context.reader(), self._clock

        def work() -> Reports:
            report = manager_report(reader, period, clock.now())
            days = z_reports_between(reader, clock, period.start, period.end)
            return report, days, sales_trend(reader, period.end)

        self._task = run_in_background(self, work, self._show, self._failed, name="reports")

    def _show(self, result: Reports) -> None:
        if self._again:
            self._again = False
            self.refresh()
            return
        self.report, self.z_reports, self.trend = result
        self._word_report()

    def _word_report(self) -> None:
        """The report's sentences, charts, tables and status line in the screen's language."""
        report = self.report
        assert report is not None
        self.overview.show_report(report)
        if self.trend is not None:
            self.overview.show_trend(self.trend)
        fill_report_tabs(self, report, self.z_reports)
        say(
            self.status,
            lambda: self.tr("Report {start} – {end} at {time}").format(
                start=shown_date(report.period.start),
                end=shown_date(report.period.end),
                time=f"{report.generated_at:%H:%M:%S}",
            ),
        )

    def _failed(self, error: Exception) -> None:
        say(
            self.status,
            lambda: self.tr("The report could not be made: {problem}").format(
                problem=error_text(error)
            ),
        )
        if self._again:
            self._again = False
            self.refresh()

    # --- export, X and Z --------------------------------------------------------------------
    def _ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), "report.pdf", "PDF (*.pdf)"
        )
        if path:
            self.export_pdf(Path(path))

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save CSV"), "report.csv", "CSV (*.csv)"
        )
        if path:
            self.export_csv(Path(path))

    def export_pdf(self, path: Path) -> None:
        """Write the report shown as a PDF, off the GUI thread."""
        report = self.report
        if report is None:
            return

        saved = self.tr("PDF saved: {path}").format(path=path)  # tr() is for the GUI thread

        def work() -> str:
            from receipts.report_pdf import write_report_pdf

            write_report_pdf(report, path)
            return saved

        run_in_background(self, work, self.status.setText, self._failed, name="export")

    def export_csv(self, path: Path) -> None:
        report = self.report
        if report is None:
            return
        buffer = io.StringIO()
        rows = write_csv(report, buffer)
        path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")  # Excel reads Thai
        say(
            self.status,
            lambda: self.tr("CSV saved ({rows} rows): {path}").format(rows=rows, path=path),
        )

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
