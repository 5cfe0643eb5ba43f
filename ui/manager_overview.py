"""The manager screen's first tab: the period's totals and four charts, and the yearly target.

::

    ┌ totals of the period ─────────────────────────────────────────────┐
    │ net sales by category (period)  │ the target category: sold so far │
    │                                 │ vs where it should be by today,  │
    │                                 │ and the target in words          │
    │ sales by hour (the period's     │ sales by day of that day's month │
    │ last day: today by default)     │                                  │
    └───────────────────────────────────────────────────────────────────┘

The figures arrive from the screen's background task (a
:class:`~pos.reports.services.range_reports.ManagerReport` and a
:class:`~pos.reports.services.trend.SalesTrend`); nothing here reads the store.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos.money import div_round_half_up, format_baht
from pos.reports.services.range_reports import ManagerReport, TargetProgress
from pos.reports.services.trend import SalesTrend
from pos.thai_dates import MONTHS_FULL, buddhist_year
from ui.charts import SalesChart
from ui.i18n import is_thai
from ui.messages import category_text, shown_date
from ui.style import GREEN
from ui.widgets import named

FULL = 10_000  # basis points


class ManagerOverview(QWidget):
    """Totals, the four charts and the target's sentence, filled by the screen's reports."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.totals = named(QLabel(wordWrap=True), "totals")
        self.category_chart = named(SalesChart(horizontal=True), "categoryChart")
        self.target_chart = named(SalesChart(horizontal=True), "targetChart")
        self.hour_chart = named(SalesChart(), "hourChart")
        self.day_chart = named(SalesChart(), "dayChart")
        self.target_text = named(QLabel(wordWrap=True), "targetText")
        # two columns, not a grid: the categories need more height than the target's chart
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.category_chart, 5)
        left.addWidget(self.hour_chart, 4)
        right.addWidget(self.target_chart, 3)
        right.addWidget(self.target_text)
        right.addWidget(self.day_chart, 4)
        self.category_chart.setMinimumHeight(220)  # Thai lines are tall: five names need it
        self.target_chart.setMinimumHeight(170)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.totals)
        layout.addLayout(columns, 1)

    def show_report(self, report: ManagerReport) -> None:
        cats = report.categories
        self.totals.setText(
            QCoreApplication.translate(
                "ManagerOverview", "%1 receipts — sales %2 baht, returns/voids %3, net %4 baht"
            )
            .replace("%1", f"{report.sales_count:,}")
            .replace("%2", format_baht(cats.sales_satang))
            .replace("%3", format_baht(cats.returns_satang))
            .replace("%4", format_baht(cats.net_satang))
        )
        self.category_chart.set_title(
            QCoreApplication.translate("ManagerOverview", "Net sales by category, %1 – %2")
            .replace("%1", shown_date(report.period.start))
            .replace("%2", shown_date(report.period.end))
        )
        lines = cats.lines
        target_rows = {i: GREEN for i, c in enumerate(lines) if c.category == cats.target.category}
        self.category_chart.set_bars(
            [(category_text(c.category, c.label_th), c.net_satang) for c in lines], target_rows
        )
        self._show_target(cats.target)

    def _show_target(self, target: TargetProgress) -> None:
        pace = div_round_half_up(target.yearly_satang * target.elapsed_basis_points, FULL)
        self.target_chart.set_title(
            QCoreApplication.translate("ManagerOverview", "Target: %1").replace(
                "%1", category_text(target.category, target.label_th)
            )
        )
        self.target_chart.set_bars(
            [
                (
                    QCoreApplication.translate("ManagerOverview", "Sold this year"),
                    target.sold_satang,
                ),
                (QCoreApplication.translate("ManagerOverview", "Target by today"), pace),
                (
                    QCoreApplication.translate("ManagerOverview", "Yearly target"),
                    target.yearly_satang,
                ),
            ],
            {0: GREEN},
        )
        self.target_text.setText(
            QCoreApplication.translate(
                "ManagerOverview",
                "Target %1 %2 baht (%3 – %4): sold %5 baht, %6% of the target; %7% of the year gone",  # noqa: E501 (one string for the translators)
            )
            .replace("%1", category_text(target.category, target.label_th))
            .replace("%2", format_baht(target.yearly_satang))
            .replace("%3", shown_date(target.year_start))
            .replace("%4", shown_date(target.year_end))
            .replace("%5", format_baht(target.sold_satang))
            .replace("%6", format_baht(target.progress_basis_points))
            .replace("%7", format_baht(target.elapsed_basis_points))
        )

    def show_trend(self, trend: SalesTrend) -> None:
        self.hour_chart.set_title(
            QCoreApplication.translate("ManagerOverview", "Sales by hour, %1").replace(
                "%1", shown_date(trend.day)
            )
        )
        self.hour_chart.set_bars([(f"{h.hour:02d}", h.total_satang) for h in trend.hours])
        start = trend.month.start
        thai_month = f"{MONTHS_FULL[start.month - 1]} {buddhist_year(start)}"
        month = thai_month if is_thai() else f"{start:%B %Y}"
        self.day_chart.set_title(
            QCoreApplication.translate("ManagerOverview", "Sales by day, %1").replace("%1", month)
        )
        self.day_chart.set_bars([(str(d.day.day), d.total_satang) for d in trend.days])
