"""The counter app's nightly backup: on a worker thread, once a day, and a failure never stops
the till (pytest-qt, offscreen, a real store; the read-only folder is real too)."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, backups, open_till
from pos.clock import FakeClock
from tests.folders import read_only_folder
from tests.gui.helpers import GARLIC, logged_in, start_counter, wedge_scan
from ui.backup_keeper import BackupKeeper, backup_after_z
from ui.main_window import CounterWindow


def _window(qtbot: QtBot, context: AppContext) -> CounterWindow:
    return start_counter(qtbot, open_till(context), context)


def test_the_due_backup_runs_in_the_background_once_a_day(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    assert demo_context.data_dir is not None
    window = _window(qtbot, demo_context)
    clock = FakeClock()
    keeper = BackupKeeper(demo_context, window, clock=clock, start_delay_ms=0)
    with qtbot.waitSignal(keeper.finished, timeout=30_000) as first:
        pass  # the check a moment after start
    assert isinstance(first.args[0], Path)
    assert keeper.worked_on not in ("", threading.main_thread().name)  # not the GUI thread
    assert backups(demo_context.data_dir) == [first.args[0]]
    clock.advance(hours=5)
    with qtbot.waitSignal(keeper.finished, timeout=30_000) as again:
        assert keeper.check()
        assert keeper.running  # check() came back before the copy was delivered
        assert not keeper.check()  # and one runs at a time
    assert again.args == [None]  # not due five hours later
    clock.advance(hours=20)
    with qtbot.waitSignal(keeper.finished, timeout=30_000) as next_day:
        keeper.timer.timeout.emit()  # the hourly timer, a day later
    assert isinstance(next_day.args[0], Path)
    clock.advance(hours=1)
    with qtbot.waitSignal(keeper.finished, timeout=30_000) as after_z:
        backup_after_z(demo_context)  # a Z report copies the closed day, due or not
    assert after_z.args[0] is not None
    assert len(backups(demo_context.data_dir)) == 3
    assert not keeper.label.isVisible()
    window.close()


def test_a_failing_backup_is_a_message_and_the_till_sells_on(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    assert demo_context.data_dir is not None
    folder = demo_context.data_dir / "backups"
    window = _window(qtbot, demo_context)
    with read_only_folder(folder):
        keeper = BackupKeeper(demo_context, window, start_delay_ms=0)
        with qtbot.waitSignal(keeper.failed, timeout=30_000) as failed:
            pass
    label = keeper.label
    assert label.objectName() == "backupStatus"
    assert label.isVisible() and label.text() == "สำรองข้อมูลไม่สำเร็จ ⚠"
    assert str(folder) in failed.args[0] and "ขายต่อได้ตามปกติ" in failed.args[0]
    assert label.toolTip() == failed.args[0]
    assert window.sale.status.text() == failed.args[0]  # the sale screen's line, no dialog
    assert list(folder.iterdir()) == []  # not even a partial copy
    logged_in(qtbot, window)
    wedge_scan(qtbot, GARLIC)
    assert window.sale.cart_model.rowCount() == 1  # the till works on
    with qtbot.waitSignal(keeper.finished, timeout=30_000) as later:
        keeper.check()  # the folder writable again: the next hourly check makes the copy
    assert isinstance(later.args[0], Path)
    assert not label.isVisible()
    window.close()


class _Ticking:
    """A clock a minute later each time it is read: every copy gets a name of its own."""

    def __init__(self) -> None:
        self._clock = FakeClock()

    def now(self) -> dt.datetime:
        return self._clock.advance(minutes=1)


def test_a_z_during_a_check_is_copied_after_it(qtbot: QtBot, demo_context: AppContext) -> None:
    window = _window(qtbot, demo_context)
    keeper = BackupKeeper(demo_context, window, clock=_Ticking(), start_delay_ms=60_000)
    made: list[object] = []
    keeper.finished.connect(made.append)
    assert keeper.check()
    backup_after_z(demo_context)  # while the due check runs
    qtbot.waitUntil(lambda: len(made) == 2, timeout=30_000)
    assert made[0] is not None and made[1] is not None  # the Z's copy was not dropped
    assert made[0] != made[1]
    window.close()
