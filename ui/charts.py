"""The manager screen's charts: bars of (label, satang) drawn by QtCharts.

QtCharts (PySide6-Addons) is the same toolkit and licence as the rest of the
app and has axes, value labels and hover signals built in, with no numpy.  It
is big (it loads the graphics-view machinery), so only the manager screen
imports this module, and the till opens it lazily: the till's cold start never
loads QtCharts (``python -X importtime -c "import ui.app"`` shows no QtCharts).

Amounts are int satang in and baht on the chart; an axis of millions (the
yearly target is 1,000 million baht) is shown in millions, so its labels stay
short.  The tooltip always says the exact amount in baht.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from pos.money import div_round_half_up, format_baht
from ui.fonts import UI_FAMILY
from ui.style import GOLD, GRID, INK, MUTED, PURPLE

MILLION_SATANG = 100_000_000 * 100  # from a hundred million baht up the axis is in millions
MANY_BARS = 12  # more bars than this (a month's days): no value labels, every 5th date named


def nice_scale(largest: float, ticks: int = 3) -> tuple[float, float]:
    """An axis' top and step of 1, 2 or 5 times a power of ten, at most ``ticks`` steps.

    Few ticks: a chart a third of a 768-pixel screen high elides a value axis of six.
    """
    if largest <= 0:
        return 1.0, 1.0
    step = 10 ** math.floor(math.log10(largest / ticks))
    for factor in (1, 2, 5, 10):
        if largest <= factor * step * ticks:
            step *= factor
            break
    return math.ceil(largest / step) * step, step


def _font(points: int, *, bold: bool = False) -> QFont:
    """The till's Thai font (Loma covers Thai, Latin and digits): no boxes on the axes."""
    font = QFont(UI_FAMILY, points)
    font.setBold(bold)
    return font


class SalesChart(QChartView):
    """Vertical (default) or horizontal bars of (label, satang), with axes, labels and tooltips."""

    def __init__(
        self,
        title: str = "",
        *,
        horizontal: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._horizontal = horizontal
        self._bars: list[tuple[str, int]] = []
        self._colours: dict[int, str] = {}
        self._unit = QCoreApplication.translate("SalesChart", "Baht")
        self._title = title
        self.tooltip_text = ""  # the last tooltip shown (the tests read it)
        chart = QChart()
        chart.legend().hide()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitleFont(_font(11, bold=True))
        chart.setTitleBrush(QColor(PURPLE))
        chart.setLocalizeNumbers(True)  # 150,000 on the axes and the bars, not 150000
        chart.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do with keys: Tab passes it by
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.set_title(title)

    # --- what the screen calls --------------------------------------------------------------
    def set_title(self, title: str) -> None:
        """The chart's title (before :meth:`set_bars`, which adds the unit or "no sales")."""
        self._title = title
        self.chart().setTitle(title)

    def title(self) -> str:
        return self.chart().title()

    def set_unit(self, unit: str) -> None:
        """The value axis' title when the amounts are below a hundred million baht."""
        self._unit = unit

    def set_bars(
        self, bars: Sequence[tuple[str, int]], colours: dict[int, str] | None = None
    ) -> None:
        """Show ``bars``; ``colours`` colours bars by index (one colour; else the largest gold)."""
        self._bars = list(bars)
        self._colours = dict(colours or {})
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        if self._bars:
            self._draw()
        else:  # an empty plot says why, rather than looking broken
            nothing = QCoreApplication.translate("SalesChart", "no sales")
            chart.setTitle(f"{self._title}: {nothing}" if self._title else nothing)

    def bars(self) -> list[tuple[str, int]]:
        return list(self._bars)

    def series_values(self) -> list[float]:
        """The values the chart's bar set holds, in the order of :meth:`bars` (baht or millions)."""
        sets = self._bar_set()
        values = [sets.at(i) for i in range(sets.count())] if sets is not None else []
        return values[::-1] if self._horizontal else values

    def axis_labels(self) -> list[str]:
        """The category axis' labels, in the order of :meth:`bars` (a month's: 1, 5, 10 … only)."""
        axis = self._category_axis()
        if isinstance(axis, QCategoryAxis):
            return list(axis.categoriesLabels())
        labels = list(axis.categories()) if axis is not None else []
        return labels[::-1] if self._horizontal else labels

    def value_axis_title(self) -> str:
        axis = self._value_axis()
        return axis.titleText() if axis is not None else ""

    def tooltip(self, index: int) -> str:
        label, satang = self._bars[index]
        return (
            QCoreApplication.translate("SalesChart", "%1: %2 baht")
            .replace("%1", label)
            .replace("%2", format_baht(satang))
        )

    # --- drawing ----------------------------------------------------------------------------
    def _scale(self) -> tuple[float, str]:
        largest = max(abs(v) for _, v in self._bars)
        if largest >= MILLION_SATANG:
            return 100_000_000.0, QCoreApplication.translate("SalesChart", "Million baht")
        return 100.0, self._unit

    def _shown(self) -> list[tuple[str, int]]:
        """The bars bottom to top: QtCharts puts a horizontal chart's first bar at the bottom."""
        return self._bars[::-1] if self._horizontal else self._bars

    def _draw(self) -> None:
        divisor, unit = self._scale()
        shown = self._shown()
        many = len(shown) > MANY_BARS and not self._horizontal
        series = self._bar_series(shown, divisor, many)
        chart = self.chart()
        chart.addSeries(series)
        categories = self._sparse_axis(shown) if many else QBarCategoryAxis()
        if isinstance(categories, QBarCategoryAxis):
            categories.append([label for label, _ in shown])
        largest = max(0.0, *(value / divisor for _, value in shown))
        values = self._value_scale(largest * 1.3, unit)  # room for the labels past the bars
        if self._horizontal:  # the unit in the title: the chart's height is for the labels
            values.setTitleVisible(False)
            chart.setTitle(f"{self._title} ({unit})" if self._title else unit)
        for axis in (categories, values):
            self._style_axis(axis)
        category_side, value_side = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
        if self._horizontal:
            category_side, value_side = value_side, category_side
        chart.addAxis(categories, category_side)
        chart.addAxis(values, value_side)
        series.attachAxis(categories)
        series.attachAxis(values)

    def _bar_series(
        self, shown: list[tuple[str, int]], divisor: float, many: bool
    ) -> QAbstractBarSeries:
        bar_set = QBarSet("")
        # whole baht (tenths of a million) on the bars: the tooltip has the exact amount
        rounding = int(divisor) // (10 if divisor > 100 else 1)
        bar_set.append(
            [div_round_half_up(value, rounding) * rounding / divisor for _, value in shown]
        )
        bar_set.setColor(QColor(PURPLE))
        bar_set.setBorderColor(QColor(PURPLE))
        bar_set.setLabelColor(QColor(INK))
        bar_set.setLabelFont(_font(9))
        self._colour_bars(bar_set)
        series: QAbstractBarSeries = QHorizontalBarSeries() if self._horizontal else QBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.7)
        # a month's 31 numbers do not fit above 31 thin bars: there the tooltip says each
        series.setLabelsVisible(not many)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(15)  # never 1.2e+05: the values are already rounded
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.hovered.connect(self._hovered)
        return series

    @staticmethod
    def _value_scale(largest: float, unit: str) -> QValueAxis:
        values = QValueAxis()
        top, step = nice_scale(largest)
        values.setRange(0, top)
        values.setTickCount(round(top / step) + 1)
        values.setLabelFormat("%.0f" if step >= 1 else "%.1f")
        values.setTitleText(unit)
        return values

    @staticmethod
    def _sparse_axis(shown: list[tuple[str, int]]) -> QCategoryAxis:
        """A month's dates: 31 labels do not fit under 31 thin bars; 1, 5, 10 … and the last."""
        axis = QCategoryAxis()
        axis.setRange(-0.5, len(shown) - 0.5)
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        last = len(shown) - 1
        for index, (label, _) in enumerate(shown):
            if index == 0 or index == last or ((index + 1) % 5 == 0 and last - index >= 2):
                axis.append(label, index)
        return axis

    def _colour_bars(self, bar_set: QBarSet) -> None:
        """A bar's own colour is QtCharts' 'selected' colour: the largest bar, or the chosen."""
        chosen = self._colours
        if not chosen:
            largest = max(v for _, v in self._bars)
            chosen = {i: GOLD for i, (_, v) in enumerate(self._bars) if v == largest and v > 0}
        if len(set(chosen.values())) == 1:  # QtCharts has one selected colour per bar set
            bar_set.setSelectedColor(QColor(next(iter(chosen.values()))))
            count = len(self._bars)
            bar_set.selectBars([count - 1 - i if self._horizontal else i for i in chosen])

    @staticmethod
    def _style_axis(axis: QAbstractAxis) -> None:
        axis.setLabelsFont(_font(9))
        axis.setLabelsColor(QColor(INK))
        axis.setTitleFont(_font(10))
        axis.setTitleBrush(QColor(MUTED))
        axis.setGridLineColor(QColor(GRID))

    def _hovered(self, inside: bool, index: int, _bar_set: QBarSet) -> None:
        if not inside:
            QToolTip.hideText()
            return
        shown = len(self._bars) - 1 - index if self._horizontal else index
        self.tooltip_text = self.tooltip(shown)
        QToolTip.showText(QCursor.pos(), self.tooltip_text, self)

    # --- what the tests look at ------------------------------------------------------------
    def _series(self) -> QAbstractBarSeries | None:
        found = [s for s in self.chart().series() if isinstance(s, QAbstractBarSeries)]
        return found[0] if found else None

    def _bar_set(self) -> QBarSet | None:
        series = self._series()
        return series.barSets()[0] if series is not None and series.count() else None

    def _category_axis(self) -> QBarCategoryAxis | QCategoryAxis | None:
        found = [a for a in self.chart().axes() if isinstance(a, QBarCategoryAxis | QCategoryAxis)]
        return found[0] if found else None

    def _value_axis(self) -> QValueAxis | None:
        found = [
            a
            for a in self.chart().axes()
            if isinstance(a, QValueAxis) and not isinstance(a, QCategoryAxis)
        ]
        return found[0] if found else None
