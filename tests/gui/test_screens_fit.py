"""Every screen fits 1024×768 and 1366×768 with its buttons in view, and closes (issue 13).

One row of :data:`ROWS` per window, dialog or panel: how the cashier opens it
(the till's own handler, on a counter window of the screen's size), and where
the keyboard is after Esc.  Each row is checked at both sizes for

* its frame inside the screen (the screen's available geometry is simulated:
  Qt's offscreen screen is one size per session, so :func:`ui.screen_fit.available_geometry`
  is replaced, and the windows size themselves from it as on a real screen);
* every push button shown being inside the window, or in a scroll area (reached by scrolling);
* Esc closing it, and the keyboard going back to where the cashier was (the scan field
  for everything opened from the sale screen).

A new screen is one more :class:`Row`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cli.main import main
from pos.bootstrap import AppContext, open_till
from pos.clock import FakeClock
from pos.shifts.domain.cash_control import CashMovementKind
from receipts.queue_status import QueueState, QueueStatus
from tests.gui.helpers import CASHIER_PIN, MANAGER_PIN, SILK, log_in, logged_in, start_counter
from tests.gui.payment_helpers import open_a_shift
from tests.gui.test_shift_close_dialog import MORNING, cashier, open_and_sell
from ui import screen_fit
from ui.app import run_app
from ui.main_window import CounterWindow
from ui.manager_screen import ManagerScreen
from ui.screen_fit import FRAME_ALLOWANCE, fit_to_screen
from ui.settings_screen import SECTIONS
from ui.shift_dialogs import ShiftCloseDialog

SCREENS = [QRect(0, 0, 1024, 768), QRect(0, 0, 1366, 768)]
SCREEN_IDS = ["1024x768", "1366x768"]
Open = Callable[[CounterWindow], QWidget | None]


@dataclass(frozen=True)
class Row:
    """One screen: its name, how it is opened, and what has the keyboard after it."""

    name: str
    open: Open  # returns the window, dialog or panel opened
    manager: bool = False  # opened by a manager (log in with the manager's PIN)
    shift: bool = True  # a shift is open first
    back_to: Callable[[CounterWindow], QWidget] = lambda window: window.sale.scan_input


def _manager_screen(window: CounterWindow) -> ManagerScreen:
    screen = window.checkout.menu.shifts.open_manager_screen()
    assert screen is not None
    return screen


def _in_manager_screen(window: CounterWindow) -> QWidget:
    screen = window.checkout.menu.shifts.manager_screen
    assert screen is not None
    return screen


def _opened_x(window: CounterWindow) -> QWidget | None:
    screen = _manager_screen(window)
    QTest.qWait(50)
    return screen.show_x()


def _opened_z(window: CounterWindow) -> QWidget:
    return _manager_screen(window).close_day()


def _scanned(window: CounterWindow) -> CounterWindow:
    window.sale.submit_scan(SILK)
    return window


def _payment(window: CounterWindow) -> QWidget:
    _scanned(window).sale.pay()
    return window.checkout.payment


def _buyer(window: CounterWindow) -> QWidget:
    _payment(window)
    window.checkout.payment.ask_buyer()
    return window.checkout.payment.buyer_panel


def _returns(window: CounterWindow) -> QWidget:
    window.checkout.open_returns()
    return window.checkout.returns


def _side(show: Callable[[CounterWindow], object]) -> Open:
    """A panel beside the cart (it takes the place of the search and quick keys)."""

    def open_panel(window: CounterWindow) -> QWidget | None:
        show(window)
        return window.sale.side.currentWidget()

    return open_panel


def _search_results(window: CounterWindow) -> QWidget:
    """The search's results (the search field over the quick keys is the side's home)."""
    window.sale.show_search()
    window.sale.search.search_input.setText("หอม")  # as typed: the results replace the keys
    window.sale.search.run_search()
    return window.sale.search.results


def _held(window: CounterWindow) -> None:
    _scanned(window).sale.hold()
    window.sale.show_held_carts()


def _payment_screen(window: CounterWindow) -> QWidget:
    return window.checkout.payment


def _history(window: CounterWindow) -> QWidget | None:
    return window.back_office.open_history() if window.back_office else None


def _printer(window: CounterWindow) -> QWidget | None:
    return window.back_office.open_printer_settings() if window.back_office else None


def _header(window: CounterWindow) -> QWidget | None:
    return window.back_office.open_header_settings() if window.back_office else None


def _staff(window: CounterWindow) -> QWidget | None:
    return window.back_office.open_staff() if window.back_office else None


def _my_pin(window: CounterWindow) -> QWidget | None:
    return window.back_office.open_change_my_pin() if window.back_office else None


def _settings(section: str) -> Open:
    def open_screen(window: CounterWindow) -> QWidget | None:
        return window.back_office.open_settings(section) if window.back_office else None

    return open_screen


ROWS = [
    Row("shift open", lambda w: w.checkout.menu.shifts.open_shift(), shift=False),
    Row("cash in", lambda w: w.checkout.menu.shifts.move_cash(CashMovementKind.CASH_IN)),
    Row("cash out", lambda w: w.checkout.menu.shifts.move_cash(CashMovementKind.CASH_OUT)),
    Row("shift close", lambda w: w.checkout.menu.shifts.close_shift()),
    Row("sales history", _history),
    Row("printer settings", _printer),
    Row("receipt header", _header, manager=True),
    Row("manager screen", _manager_screen, manager=True),
    Row("X view", _opened_x, manager=True, back_to=_in_manager_screen),
    Row("day close (Z)", _opened_z, manager=True, back_to=_in_manager_screen),
    Row("payment", _payment),
    Row("buyer details", _buyer, back_to=_payment_screen),
    Row("returns", _returns),
    Row("search", _search_results),
    Row("sale question", _side(lambda w: _scanned(w).sale.questions.ask_quantity())),
    Row("held carts", _side(_held)),
    Row("help", _side(lambda w: w.sale.show_help())),
    Row("menu", _side(lambda w: w.checkout.menu.show_menu())),
    Row("staff", _staff, manager=True),
    Row("change my PIN", _my_pin),
    *(Row(f"settings: {s.key}", _settings(s.key), manager=True) for s in SECTIONS),
]


@pytest.fixture(params=SCREENS, ids=SCREEN_IDS)
def screen(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> QRect:
    """The counter's screen: every window that sizes itself to the screen sees this one."""
    geometry: QRect = request.param
    monkeypatch.setattr(screen_fit, "available_geometry", lambda window: geometry)
    return geometry


def room(screen: QRect) -> QRect:
    """What a window may take: the screen less the window manager's title bar and borders."""
    return QRect(QPoint(0, 0), screen.size() - FRAME_ALLOWANCE)


def reachable(frame: QWidget, button: QWidget) -> bool:
    """The button is inside the window, or in a scroll area that is (scrolling reaches it)."""
    shown: QWidget = button
    parent = button.parentWidget()
    while parent is not None and parent is not frame:
        if isinstance(parent, QAbstractScrollArea):
            shown = parent
        parent = parent.parentWidget()
    corner = shown.mapTo(frame, QPoint(0, 0))
    return frame.rect().contains(QRect(corner, shown.size()))


def has_keyboard(widget: QWidget) -> None:
    """The keyboard is in ``widget`` (or, for a window without a field, the window is active)."""
    focus, active = QApplication.focusWidget(), QApplication.activeWindow()
    if focus is None:
        assert widget.isWindow() and active is widget, f"no focus; active window {active}"
        return
    assert focus is widget or widget.isAncestorOf(focus), f"focus on {focus} in {focus.window()}"


def shown(widget: QWidget) -> bool:
    return shiboken6.isValid(widget) and widget.isVisible()


def counter_on(
    qtbot: QtBot, context: AppContext, screen: QRect, *, manager: bool = False
) -> CounterWindow:
    """A counter window as big as the screen allows, someone logged in."""
    window = start_counter(qtbot, open_till(context), context)
    fit_to_screen(window, screen.size())
    qtbot.waitUntil(lambda: window.width() <= room(screen).width())
    if manager:
        log_in(qtbot, window, MANAGER_PIN, user=1)
    else:
        log_in(qtbot, window, CASHIER_PIN)
    assert window.pages.currentWidget() is window.sale
    return window


def assert_fits(window: CounterWindow, opened: QWidget, screen: QRect) -> None:
    frame = opened.window()
    space = room(screen)
    assert frame.width() <= space.width() and frame.height() <= space.height(), frame.size()
    assert window.width() <= space.width() and window.height() <= space.height()
    for cannot_shrink in (window, frame):  # laid out at their least, they still fit
        minimum = cannot_shrink.minimumSizeHint()
        assert minimum.width() <= space.width() and minimum.height() <= space.height(), minimum
    buttons = [button for button in frame.findChildren(QPushButton) if button.isVisible()]
    assert buttons, "a screen with no button in view"
    hidden = [b.objectName() or b.text() for b in buttons if not reachable(frame, b)]
    assert not hidden, f"buttons off the window: {hidden}"


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_every_screen_fits_closes_with_esc_and_gives_the_keyboard_back(
    qtbot: QtBot, demo_context: AppContext, screen: QRect, row: Row
) -> None:
    if row.shift:
        open_a_shift(demo_context)
    window = counter_on(qtbot, demo_context, screen, manager=row.manager)
    try:
        opened = row.open(window)
        assert opened is not None, window.sale.status.text()
        qtbot.waitUntil(opened.isVisible)
        frame = opened.window()
        frame.activateWindow()
        qtbot.waitUntil(frame.isActiveWindow)
        QApplication.processEvents()
        assert_fits(window, opened, screen)
        QTest.keyClick(QApplication.focusWidget() or frame, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not shown(opened))
        qtbot.waitUntil(lambda: has_keyboard(row.back_to(window)))  # asserts, says where
    finally:
        window.close()


@pytest.mark.parametrize("screen_size", SCREENS, ids=SCREEN_IDS)
def test_the_counter_window_fits_the_screen(
    qtbot: QtBot, demo_context: AppContext, screen_size: QRect, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In English too, with the printer's and the sync's longest lines, every button in view."""
    monkeypatch.setattr(screen_fit, "available_geometry", lambda window: screen_size)
    window = counter_on(qtbot, demo_context, screen_size)
    assert window.back_office is not None
    status = window.back_office.status_line
    status.show_status(QueueStatus(QueueState.WAITING, 12, "รอพิมพ์", printer_set_up=False))
    assert window.sync_panel is not None  # and the longest line the sync can show
    window.sync_panel.label.set_full_text("ซิงก์ 24/11 23:30 · รอส่ง 12,345 · ไม่รับ 1,234 ⚠")
    try:
        for _language in ("th", "en"):
            QApplication.processEvents()
            assert_fits(window, window.sale, screen_size)
            header = window.findChild(QWidget, "header")
            assert header is not None and header.width() <= window.width()
            for line in (status, window.sync_panel.label):  # cut with "…", never clipped
                assert line.fontMetrics().horizontalAdvance(line.text()) <= line.width()
            assert status.text().endswith("…") or screen_size.width() > 1024
            window.switch_language()  # and back to Thai
    finally:
        window.close()


@pytest.mark.parametrize("screen_size", SCREENS, ids=SCREEN_IDS)
def test_the_shift_close_dialogs_result_page_fits_too(
    qtbot: QtBot, demo_context: AppContext, screen_size: QRect
) -> None:
    clock = FakeClock(MORNING)
    open_and_sell(demo_context, clock)
    dialog = ShiftCloseDialog(demo_context, cashier(demo_context), clock=clock)
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, dialog.size().expandedTo(dialog.sizeHint()), screen_size)
    dialog.show()
    qtbot.waitExposed(dialog)
    space = room(screen_size)
    assert dialog.height() <= space.height() and dialog.width() <= space.width()
    for button in (dialog.confirm_button, dialog.cancel_button):
        assert button.isVisible() and reachable(dialog, button)
    dialog.pages.setCurrentIndex(1)  # the result page: its button in view too
    assert dialog.done_button.isVisible() and reachable(dialog, dialog.done_button)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_shortcut_list_does_not_grow_the_window_past_768(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    window.sale.show_help()
    qtbot.wait(50)
    assert window.minimumSizeHint().height() <= 768
    assert window.height() <= 768


def test_the_store_problem_window_fits_and_esc_closes_it(qtbot: QtBot, tmp_path: Path) -> None:
    """Shown before the till opens; Esc closes it and the app ends (exit 3): no scan field."""
    assert main(["--data-dir", str(tmp_path), "init"]) == 0
    store = tmp_path / "pos.sqlite3"
    with store.open("r+b") as file:
        file.truncate(store.stat().st_size // 2)
    seen: list[tuple[QRect, QRect, bool]] = []  # the box, the room it had, its buttons in view

    def measure_and_escape() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, measure_and_escape)
            return
        buttons = box.findChildren(QPushButton)
        in_view = bool(buttons) and all(reachable(box, button) for button in buttons)
        seen.append((box.geometry(), room(screen_fit.available_geometry(box)), in_view))
        QTest.keyClick(box, Qt.Key.Key_Escape)  # a box left open would hang the test

    QTimer.singleShot(20, measure_and_escape)
    assert run_app(str(tmp_path)) == 3
    ((box, space, in_view),) = seen
    assert box.width() <= space.width() and box.height() <= space.height(), box
    assert in_view
