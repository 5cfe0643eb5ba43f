"""The manager screen's QtCharts hold the store's figures, name their axes, say each amount."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from pos.clock import THAI_TIME, FakeClock
from pos.money import div_round_half_up, format_baht
from pos.reports.services.range_reports import ReportPeriod
from pos.simulation.trading_days import SimulationOptions, simulate
from ui.app import create_application
from ui.charts import SalesChart, nice_scale
from ui.i18n import ENGLISH, THAI, set_language
from ui.manager_screen import ManagerScreen, open_manager_screen
from ui.messages import category_text
from ui.style import PAD_KEY_HEIGHT, PURPLE

DAY = dt.date(2021, 3, 1)


def opened(qtbot: QtBot, context: AppContext) -> ManagerScreen:
    create_application()  # the till's fonts and style sheet, as the app has them
    set_language(ENGLISH)  # the source strings; the Thai test switches
    simulate(context.uow_factory, SimulationOptions(days=1, sales_per_day=30, seed=4))
    clock = FakeClock(dt.datetime(2021, 3, 1, 18, 0, tzinfo=THAI_TIME))
    screen = open_manager_screen(context, clock=clock, period=ReportPeriod(DAY, DAY))
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.report is not None, timeout=20_000)
    return screen


def whole_baht(satang: int) -> float:
    return float(div_round_half_up(satang, 100))


def test_the_category_chart_holds_the_periods_net_sales_in_the_screens_language(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    screen = opened(qtbot, demo_context)
    report = screen.report
    assert report is not None and report.sales_count == 30
    chart = screen.charts["categories"]
    lines = report.categories.lines
    names = [category_text(c.category, c.label_th) for c in lines]  # English: the source's
    assert chart.bars() == [(name, c.net_satang) for name, c in zip(names, lines, strict=True)]
    assert chart.series_values() == [whole_baht(c.net_satang) for c in lines]
    assert chart.axis_labels() == names and "อาหาร" not in names
    assert chart.value_axis_title() == "Baht"
    textile = next(i for i, c in enumerate(lines) if c.category == "textile")
    expected = f"{names[textile]}: {format_baht(lines[textile].net_satang)} baht"
    assert chart.tooltip(textile) == expected
    set_language(THAI)  # F9: the chart is drawn again with the catalogue's Thai names
    try:
        qtbot.waitUntil(lambda: "อาหาร" in chart.axis_labels(), timeout=5_000)
        assert chart.axis_labels() == [c.label_th for c in lines]
    finally:
        set_language(ENGLISH)


def test_the_target_chart_puts_the_years_sales_against_the_yearly_target(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    screen = opened(qtbot, demo_context)
    assert screen.report is not None
    target = screen.report.categories.target
    chart = screen.charts["target"]
    sold, pace, yearly = (satang for _, satang in chart.bars())
    assert (sold, yearly) == (target.sold_satang, target.yearly_satang) and sold > 0
    assert yearly * target.elapsed_basis_points // 10_000 <= pace <= yearly
    assert chart.value_axis_title() == "Million baht"  # 1,000 million baht: short labels
    assert chart.series_values()[2] == yearly / 100_000_000
    assert chart.axis_labels() == ["Sold this year", "Target by today", "Yearly target"]


def test_the_hour_and_day_charts_show_the_days_sales_from_the_store(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    screen = opened(qtbot, demo_context)
    report = screen.report
    assert report is not None and screen.trend is not None
    hours = screen.charts["today_hours"]
    assert hours.bars() == [(f"{h.hour:02d}", h.total_satang) for h in report.hours]
    assert hours.axis_labels() == [f"{h.hour:02d}" for h in report.hours]
    assert "1 Mar 2021" in hours.title()  # English: the common era
    days = screen.charts["month_days"]
    day_totals = days.bars()
    assert len(day_totals) == 31 and day_totals[0][0] == "1"
    # the day's figure (one SQL sum per date) is the hours' (grouped by hour) added up
    assert day_totals[0][1] == sum(h.total_satang for h in report.hours) > 0
    assert all(satang == 0 for _, satang in day_totals[1:])
    assert days.series_values()[0] == whole_baht(day_totals[0][1])
    assert days.axis_labels() == ["1", "5", "10", "15", "20", "25", "31"]
    assert "March 2021" in days.title()
    set_language(THAI)
    try:  # in Thai, the Buddhist era (the language change is an event: the screen words anew)
        qtbot.waitUntil(lambda: "1 มี.ค. 2564" in hours.title(), timeout=5_000)
        assert "มีนาคม 2564" in days.title()
    finally:
        set_language(ENGLISH)


def test_hovering_a_bar_shows_its_exact_amount(qtbot: QtBot, demo_context: AppContext) -> None:
    screen = opened(qtbot, demo_context)
    chart = screen.charts["today_hours"]
    qtbot.waitExposed(screen)
    qtbot.wait(50)  # the chart lays its plot out once it has its size
    (series,) = chart.chart().series()
    index = max(range(len(chart.bars())), key=lambda i: chart.bars()[i][1])
    label, satang = chart.bars()[index]
    middle = chart.chart().mapToPosition(QPointF(index, satang / 200), series)
    where = chart.mapFromScene(middle)
    QTest.mouseMove(chart.viewport(), where + QPoint(0, 1))
    QTest.mouseMove(chart.viewport(), where)
    qtbot.waitUntil(lambda: chart.tooltip_text != "", timeout=5_000)
    assert chart.tooltip_text == f"{label}: {format_baht(satang)} baht"


def test_the_charts_speak_thai_and_english(qtbot: QtBot, demo_context: AppContext) -> None:
    screen = opened(qtbot, demo_context)
    try:
        set_language(THAI)
        screen.refresh()
        qtbot.waitUntil(lambda: screen.charts["target"].axis_labels()[0] != "Sold this year")
        target = screen.charts["target"]
        assert target.axis_labels() == ["ขายแล้วปีนี้", "เป้าถึงวันนี้", "เป้าทั้งปี"]
        assert target.value_axis_title() == "ล้านบาท"
        assert screen.charts["categories"].tooltip(0).endswith(" บาท")
    finally:
        set_language(ENGLISH)


def test_an_empty_chart_has_no_bars_and_no_axes(qtbot: QtBot) -> None:
    set_language(ENGLISH)
    chart = SalesChart("Nothing sold")
    qtbot.addWidget(chart)
    chart.set_bars([("09", 100_00)])
    chart.set_bars([])
    assert chart.bars() == [] and chart.axis_labels() == [] and chart.series_values() == []
    assert chart.chart().series() == [] and chart.chart().axes() == []
    assert chart.title() == "Nothing sold: no sales"


def test_a_value_axis_has_at_most_three_round_steps_and_reaches_past_the_largest() -> None:
    for largest in (0.3, 7, 99, 100, 101, 2_999, 88_493, 1_300_000.5):
        top, step = nice_scale(largest)
        assert top >= largest and round(top / step) <= 3
        assert f"{step:.0e}"[0] in "125"  # 1, 2 or 5 times a power of ten
    assert nice_scale(0) == (1.0, 1.0)


def test_the_screen_has_the_tills_header_and_readable_text(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    screen = opened(qtbot, demo_context)
    header = screen.findChild(QWidget, "header")
    assert header is not None and screen.close_button.parentWidget() is header
    labels = header.findChildren(QLabel)
    assert {label.objectName() for label in labels} >= {"managerTitle", "status"}
    assert all(label.font().pointSize() >= 12 for label in labels)
    assert screen.tabs.tabBar().font().pointSize() >= 12
    assert screen.close_button.minimumHeight() >= PAD_KEY_HEIGHT
    purple = header.grab().toImage().pixelColor(2, 2).name()
    assert purple == PURPLE  # the till's header colour, from the one style sheet
