"""The head-office sync inside the counter app, against ``otop-pos hq serve`` on PostgreSQL.

The header's status (last success in the Buddhist era, what waits) changes
after a run and the outbox empties; a run held up at the head office in the
middle of a batch leaves the till selling; the nightly time starts a run once;
closing the day with a Z report from its dialog starts one too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hq.bootstrap import HqContext, open_hq
from hq.services.terminals import add_terminal
from pos.adapters.token_file import write_token
from pos.bootstrap import AppContext, initialise, open_till
from pos.clock import THAI_TIME, FakeClock
from pos.simulation.trading_days import SimulationOptions, simulate
from tests.gui.helpers import SILK, logged_in, start_counter, wedge_scan
from tests.hq_server import HqProcess
from tests.integration.test_sync_hq import (
    _server_waits_holding_records,
    counter_for,
    hq_record_ids,
    hq_totals,
    point_at,
)
from tests.postgres import PostgresServer
from tests.sync_helpers import counter_totals, outbox_rows
from ui.day_close_dialog import DayCloseDialog
from ui.main_window import CounterWindow
from ui.sync_panel import SyncPanel

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(scope="module")
def database_url(postgres_server: PostgresServer, hq_template: str) -> Iterator[str]:
    url = postgres_server.create_database(template=hq_template)
    yield url
    postgres_server.drop_database(url)


@pytest.fixture(scope="module")
def hq(database_url: str) -> Iterator[HqContext]:
    context = open_hq(database_url, pool_size=2)
    yield context
    context.close()


@pytest.fixture(scope="module")
def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HqProcess]:
    process = HqProcess(database_url, tmp_path_factory.mktemp("hq") / "server.log")
    yield process
    process.stop()


def window_of(qtbot: QtBot, context: AppContext) -> tuple[CounterWindow, SyncPanel]:
    window = start_counter(qtbot, open_till(context), context)
    panel = window.sync_panel
    assert panel is not None
    panel.clock = FakeClock(dt.datetime(2026, 11, 24, 12, 0, tzinfo=THAI_TIME))  # not tonight yet
    qtbot.waitUntil(lambda: panel.status is not None, timeout=10_000)
    return window, panel


def waiting(context: AppContext) -> int:
    assert context.data_dir is not None
    return sum(row["state"] == "waiting" for row in outbox_rows(context.data_dir))


def synced(panel: SyncPanel) -> bool:
    return not panel.running and panel.label.text().endswith("รอส่ง 0")


def test_the_header_shows_the_last_sync_and_the_till_sells_on_while_the_head_office_is_slow(
    qtbot: QtBot, hq: HqContext, server: HqProcess, database_url: str, tmp_path: Path
) -> None:
    context = counter_for(hq, server.base_url, tmp_path / "c", days=1, sales_per_day=12)
    assert context.data_dir is not None
    window, panel = window_of(qtbot, context)
    try:
        before = waiting(context)
        assert before > 0
        assert panel.label.text() == f"ซิงก์ ยังไม่เคย · รอส่ง {before:,}"
        logged_in(qtbot, window)
        with psycopg.connect(database_url) as blocker:  # the head office stuck mid-batch
            blocker.execute("LOCK TABLE sync_batch IN EXCLUSIVE MODE")
            assert panel.start("test")
            qtbot.waitUntil(lambda: _server_waits_holding_records(database_url), timeout=30_000)
            assert panel.label.text().startswith("กำลังซิงก์")
            wedge_scan(qtbot, SILK)  # the GUI thread is free: the scan goes to the cart
            assert [line.product.barcode for line in window.till.cart.lines] == [SILK]
            blocker.rollback()
        qtbot.waitUntil(lambda: synced(panel), timeout=60_000)
        assert waiting(context) == 0
        # one line, the time alone (the day and month too when it was not today)
        assert re.fullmatch(r"ซิงก์ (\d\d/\d\d )?\d\d:\d\d · รอส่ง 0", panel.label.text())
        year = dt.datetime.now(THAI_TIME).year + 543  # the Buddhist era in the tooltip
        assert f"/{year} " in panel.label.toolTip()  # in full, with the seconds
        assert hq_totals(database_url, context.settings().terminal_id) == counter_totals(
            context.data_dir
        )
        assert window.width() == 1366  # the header fits the counter's screen, the name whole
        user = window.user_label
        assert user.width() >= user.fontMetrics().horizontalAdvance(user.text())
        window.grab().save(str(tmp_path / "header.png"))
    finally:
        window.close()
        context.close()


def test_the_nightly_time_starts_one_run_that_night(
    qtbot: QtBot, hq: HqContext, server: HqProcess, tmp_path: Path
) -> None:
    context = counter_for(hq, server.base_url, tmp_path / "c", days=1, sales_per_day=5)
    window, panel = window_of(qtbot, context)
    try:
        assert panel.status is not None and panel.status.settings.nightly_at == "23:30"
        clock = FakeClock(dt.datetime(2026, 11, 24, 23, 29, tzinfo=THAI_TIME))
        panel.clock = clock
        panel.check()
        assert not panel.running and waiting(context) > 0
        clock.set(dt.datetime(2026, 11, 24, 23, 31, tzinfo=THAI_TIME))
        panel.check()
        assert panel.running
        qtbot.waitUntil(lambda: synced(panel), timeout=60_000)
        assert waiting(context) == 0
        clock.set(dt.datetime(2026, 11, 24, 23, 45, tzinfo=THAI_TIME))
        panel.check()
        assert not panel.running  # once a night
        clock.set(dt.datetime(2026, 11, 25, 23, 30, tzinfo=THAI_TIME))
        panel.check()
        assert panel.running  # the next night again
        qtbot.waitUntil(lambda: not panel.running, timeout=60_000)
    finally:
        window.close()
        context.close()


def test_closing_the_day_with_a_z_report_sends_it_to_the_head_office(
    qtbot: QtBot, hq: HqContext, server: HqProcess, database_url: str, tmp_path: Path
) -> None:
    context, _ = initialise(tmp_path / "c", demo=True)
    assert context.data_dir is not None
    with context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(terminal_id="ZDAY"))
        uow.commit()
    simulate(context.uow_factory, SimulationOptions(days=1, sales_per_day=8, seed=9))  # day open
    write_token(context.data_dir, add_terminal(hq.uow_factory, hq.clock, "ZDAY").token)
    point_at(context, server.base_url)
    window, panel = window_of(qtbot, context)
    try:
        dialog = DayCloseDialog(
            context, window, clock=FakeClock(dt.datetime(2021, 3, 1, 19, 0, tzinfo=THAI_TIME))
        )
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.manager_pin.pin.setFocus()
        qtbot.keyClicks(dialog.manager_pin.pin, "5678")
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "ปิดวันแล้ว" in dialog.status.text(), timeout=15_000)
        qtbot.waitUntil(lambda: synced(panel), timeout=60_000)
        assert len(hq_record_ids(database_url, "ZDAY")["z_report"]) == 1
        assert waiting(context) == 0
    finally:
        window.close()
        context.close()
