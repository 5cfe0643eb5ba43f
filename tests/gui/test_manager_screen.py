"""The manager screen on a simulated day: reports made off the GUI thread fill the tabs."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from pos.clock import THAI_TIME, FakeClock
from pos.money import div_round_half_up, format_baht
from pos.reports.services.range_reports import ReportPeriod
from pos.simulation.trading_days import SimulationOptions, simulate
from ui.manager_screen import open_manager_screen

DAY = dt.date(2021, 3, 1)


def simulated(context: AppContext) -> None:
    options = SimulationOptions(
        days=1, sales_per_day=40, seed=8, manager_pin="5678", return_rate=0.05, void_rate=0.03
    )
    simulate(context.uow_factory, options)


def column(table: object, index: int) -> list[str]:
    rows = table.rowCount()  # type: ignore[attr-defined]
    return [
        table.item(row, index).text() if table.item(row, index) else ""  # type: ignore[attr-defined]
        for row in range(rows)
    ]


def test_the_manager_screen_shows_a_simulated_days_reports(
    qtbot: QtBot, demo_context: AppContext, tmp_path: Path
) -> None:
    simulated(demo_context)
    clock = FakeClock(dt.datetime(2021, 3, 2, 9, 0, tzinfo=THAI_TIME))
    screen = open_manager_screen(demo_context, clock=clock, period=ReportPeriod(DAY, DAY))
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.report is not None, timeout=20_000)
    report = screen.report
    assert report is not None and report.sales_count == 40
    assert screen.start.text() == "1 มี.ค. 2564"  # the Buddhist era
    assert format_baht(report.categories.net_satang) in screen.totals.text()
    assert screen.category_chart.bars() == [
        (c.label_th, c.net_satang) for c in report.categories.lines
    ]
    producers = screen.tables["producers"]
    assert column(producers, 0)[:-1] == [p.producer_name for p in report.producers.lines]
    assert column(producers, 6)[-1] == format_baht(report.producers.total("owed_satang"))
    assert column(screen.tables["tenders"], 4)[0] == format_baht(report.tenders.lines[0].net_satang)
    assert screen.category_chart.series_values() == [  # QtCharts holds whole baht
        float(div_round_half_up(c.net_satang, 100)) for c in report.categories.lines
    ]
    hours = screen.charts["hours"]
    assert hours.bars()[0][0] == f"{report.hours[0].hour:02d}"
    assert hours.axis_labels() == [f"{h.hour:02d}" for h in report.hours]
    first = report.hours[0]  # "09: 1,234.50 baht", or บาท when a test before switched to Thai
    assert hours.tooltip(0).startswith(f"{first.hour:02d}: {format_baht(first.total_satang)} ")
    (z_number,) = column(screen.tables["z_reports"], 0)
    assert z_number == "POS01-Z-00000001"
    assert len(column(screen.tables["credit_notes"], 0)) == len(report.returns.lines) >= 1
    for index in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(index)
        if index in (0, 5):
            screen.grab().save(str(tmp_path / f"manager-screen-{index}.png"))

    pdf, csv_file = tmp_path / "report.pdf", tmp_path / "report.csv"
    screen.export_pdf(pdf)
    qtbot.waitUntil(lambda: "บันทึก PDF แล้ว" in screen.status.text(), timeout=20_000)
    assert pdf.read_bytes().startswith(b"%PDF")
    screen.export_csv(csv_file)
    assert csv_file.read_text(encoding="utf-8-sig").startswith("section,")


def test_another_period_refreshes_and_the_x_and_z_buttons_say_what_they_can(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    simulated(demo_context)
    clock = FakeClock(dt.datetime(2021, 3, 2, 9, 0, tzinfo=THAI_TIME))
    screen = open_manager_screen(demo_context, clock=clock, period=ReportPeriod(DAY, DAY))
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.report is not None, timeout=20_000)
    screen.set_period(dt.date(2021, 3, 2), dt.date(2021, 3, 2))
    qtbot.waitUntil(
        lambda: screen.report is not None and screen.report.sales_count == 0, timeout=20_000
    )
    assert column(screen.tables["z_reports"], 0) == []
    assert screen.show_x() is None and "no business day is open" in screen.status.text()
    dialog = screen.close_day()
    qtbot.addWidget(dialog)
    assert "ไม่มีวันทำการที่เปิดอยู่" in dialog.problems.text()
    assert not dialog.close_button.isEnabled()


def test_the_x_report_prints_and_the_day_closes_from_the_dialog(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    from pos.shifts.domain.cash_control import CashCount
    from pos.shifts.services.shift_lifecycle import (
        CloseShiftRequest,
        OpenShiftRequest,
        close_shift,
        open_shift,
    )
    from receipts.emulator import PrinterEmulator
    from tests.receipt_helpers import network_printer

    clock = FakeClock(dt.datetime(2021, 3, 1, 8, 0, tzinfo=THAI_TIME))
    shift = open_shift(
        demo_context.uow_factory,
        clock,
        OpenShiftRequest(uuid.uuid4(), 1, float_count=CashCount.parse("100x5")),
    )
    screen = open_manager_screen(demo_context, clock=clock, period=ReportPeriod(DAY, DAY))
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.report is not None, timeout=20_000)
    with PrinterEmulator(0) as printer:
        with demo_context.uow_factory() as uow:
            uow.settings.save(
                uow.settings.load().replace(
                    receipt_printer=network_printer(printer.port, width=384)
                )
            )
            uow.commit()
        view = screen.show_x()
        assert view is not None
        qtbot.addWidget(view)
        assert view.table.item(len(day_rows_of(view)) - 1, 1).text() == "500.00"  # cash expected
        qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "พิมพ์รายงาน X แล้ว" in view.status.text(), timeout=15_000)
        (job,) = printer.printed_jobs()
        assert job.picture().width == 384
    close_shift(
        demo_context.uow_factory,
        clock,
        CloseShiftRequest(shift.shift_id, 1, CashCount.parse("100x5")),
    )
    dialog = screen.close_day()
    qtbot.addWidget(dialog)
    assert dialog.close_button.isEnabled() and "วันทำการ 1 มีนาคม 2564" in dialog.problems.text()
    dialog.manager_pin.pin.setFocus()
    qtbot.keyClicks(dialog.manager_pin.pin, "5678")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ปิดวันแล้ว" in dialog.status.text(), timeout=15_000)
    assert "POS01-Z-00000001" in dialog.status.text() and dialog.figures.isVisible()
    assert "ส่งพิมพ์แล้ว" in dialog.status.text()  # a printer is set up: it was sent
    with demo_context.uow_factory() as uow:
        (queued,) = uow.print_jobs.pending()
    assert (queued.document_kind, queued.reference) == ("z_report", "POS01-Z-00000001")


def day_rows_of(view: object) -> list[str]:
    return column(view.table, 0)  # type: ignore[attr-defined]
