"""The keyboard focus is visible: Tab reaches a quick key and the style draws a ring round it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from pos.clock import FakeClock
from tests.gui.helpers import focused, logged_in
from tests.gui.test_shift_close_dialog import MORNING
from ui.app import create_application
from ui.finders import ProductKey
from ui.main_window import CounterWindow
from ui.manager_screen import ManagerScreen
from ui.style import FOCUS, STYLE_SHEET


def picture(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def tab_until(qtbot: QtBot, window: QWidget, wanted: type[QWidget], tries: int = 80) -> QWidget:
    for _ in range(tries):
        if isinstance(QApplication.focusWidget(), wanted):
            return focused()
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached a {wanted.__name__} in {tries} presses")


def test_the_style_rings_the_focus_of_buttons_inputs_and_lists() -> None:
    for rule in (
        "QPushButton:focus",
        "#quickKey:focus",
        "QLineEdit:focus",
        "QAbstractItemView:focus",
        "QAbstractItemView::item:focus",
    ):
        assert rule in STYLE_SHEET, rule
    assert f"border: 3px solid {FOCUS}" in STYLE_SHEET


def test_tab_reaches_a_quick_key_and_its_focus_shows(qtbot: QtBot, counter: CounterWindow) -> None:
    window = logged_in(qtbot, counter)
    scan_field = focused()
    key = tab_until(qtbot, window, ProductKey)
    assert key.isVisible() and key.hasFocus()
    ringed = picture(key)
    ring = ringed.pixelColor(1, ringed.height() // 2)  # the left edge, between the corners
    assert ring.name() == FOCUS
    scan_field.setFocus()
    qtbot.waitUntil(lambda: not key.hasFocus())
    plain = picture(key)
    assert plain != ringed
    assert plain.pixelColor(1, plain.height() // 2).name() != FOCUS


def test_a_click_on_a_quick_key_leaves_the_focus_in_the_scan_field(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    scan_field = focused()
    key = window.findChild(ProductKey)
    assert isinstance(key, QPushButton)
    qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    assert focused() is scan_field  # the scanner's keys still land in the scan field


def test_the_manager_screens_buttons_and_tables_show_the_focus(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    create_application()
    screen = ManagerScreen(demo_context, clock=FakeClock(MORNING))
    qtbot.addWidget(screen)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.waitUntil(lambda: screen.report is not None, timeout=20_000)
    button = screen.start  # the period's first date
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    ringed = picture(button)
    assert ringed.pixelColor(1, ringed.height() // 2).name() == FOCUS
    screen.tabs.setCurrentIndex(1)  # the categories' table
    table = tab_until(qtbot, screen, QTableWidget)
    edge = picture(table)
    assert edge.pixelColor(1, edge.height() // 2).name() == FOCUS
    assert picture(button).pixelColor(1, ringed.height() // 2).name() != FOCUS
