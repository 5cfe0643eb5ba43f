"""Driving the counter like a cashier: log in, scan as a wedge scanner does, press keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from pos.till.services.session import TillSession
from ui.app import create_application
from ui.i18n import THAI, set_language
from ui.main_window import CounterWindow
from ui.sound import ErrorSound

CASHIER_PIN, MANAGER_PIN = "1234", "5678"
SILK = "8855512010014"  # ผ้าไหมมัดหมี่ลายลูกแก้ว สีม่วงเปลือกมังคุด, 2,450.00
GARLIC = "8857717001019"  # กระเทียมดำศรีสะเกษ แบบแกะกลีบ 100 กรัม, 159.00
SHALLOT_LABEL = "2100004012509"  # หอมแดงศรีสะเกษ GI คัดพิเศษ, 1.250 kg × 120.00
SHALLOT_BASE = "2100004000001"  # the same, no weight: the cashier is asked


def start_counter(
    qtbot: QtBot, till: TillSession, context: AppContext | None = None
) -> CounterWindow:
    """The counter window on screen; with ``context`` it has the menu and the printer status."""
    create_application()
    set_language(THAI)
    window = CounterWindow(till, ErrorSound(silent=True), context=context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.start()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key on the keyboard: it goes to whatever has the focus."""
    qtbot.keyClick(focused(), key, modifier)


def type_digits(qtbot: QtBot, digits: str) -> None:
    for digit in digits:
        qtbot.keyClick(focused(), digit)


def wedge_scan(qtbot: QtBot, code: str) -> None:
    """What a keyboard-wedge scanner does: the digits, fast, then Enter, to the focused widget."""
    type_digits(qtbot, code)
    press(qtbot, Qt.Key.Key_Return)


def log_in(qtbot: QtBot, window: CounterWindow, pin: str = CASHIER_PIN, user: int = 0) -> None:
    button = window.login.findChildren(QPushButton, f"user_{user + 1}")[0]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    type_digits(qtbot, pin)
    press(qtbot, Qt.Key.Key_Return)


def logged_in(qtbot: QtBot, window: CounterWindow) -> CounterWindow:
    log_in(qtbot, window)
    assert window.pages.currentWidget() is window.sale
    return window
