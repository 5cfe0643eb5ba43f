"""Every screen fits 1024×768 and 1366×768 with its buttons in view, and closes (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from pos.clock import FakeClock
from tests.gui.helpers import logged_in
from tests.gui.test_shift_close_dialog import MORNING, cashier, open_and_sell
from ui.main_window import CounterWindow
from ui.manager_screen import ManagerScreen
from ui.screen_fit import FRAME_ALLOWANCE, fit_to_screen
from ui.shift_dialogs import ShiftCloseDialog

SCREENS = [QRect(0, 0, 1024, 768), QRect(0, 0, 1366, 768)]


def inside(window: QWidget, button: QWidget) -> bool:
    corner = button.mapTo(window, QPoint(button.width(), button.height()))
    return corner.x() <= window.width() and corner.y() <= window.height()


@pytest.mark.parametrize("screen", SCREENS, ids=["1024x768", "1366x768"])
def test_the_shift_close_dialog_fits_with_its_buttons_in_view(
    qtbot: QtBot, demo_context: AppContext, screen: QRect
) -> None:
    clock = FakeClock(MORNING)
    open_and_sell(demo_context, clock)
    dialog = ShiftCloseDialog(demo_context, cashier(demo_context), clock=clock)
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, dialog.size().expandedTo(dialog.sizeHint()), screen)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = screen.size() - FRAME_ALLOWANCE
    assert dialog.height() <= room.height() and dialog.width() <= room.width()
    for button in (dialog.confirm_button, dialog.cancel_button):
        assert button.isVisible() and inside(dialog, button)
    dialog.pages.setCurrentIndex(1)  # the result page: its button in view too
    assert dialog.done_button.isVisible() and inside(dialog, dialog.done_button)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_reports_window_fits_1024_by_768_and_closes(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    screen = ManagerScreen(demo_context, clock=FakeClock(MORNING))
    qtbot.addWidget(screen)
    fit_to_screen(screen, screen.size().expandedTo(screen.sizeHint()), SCREENS[0])
    screen.show()
    screen.activateWindow()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(screen.isActiveWindow)
    assert screen.height() <= 768 and screen.width() <= 1024
    assert screen.minimumSizeHint().height() <= 768 - FRAME_ALLOWANCE.height()
    assert screen.close_button.isVisible() and inside(screen, screen.close_button)
    QTest.keyClick(screen, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not screen.isVisible())


def test_the_shortcut_list_does_not_grow_the_window_past_768(
    qtbot: QtBot, counter: CounterWindow
) -> None:
    window = logged_in(qtbot, counter)
    window.sale.show_help()
    qtbot.wait(50)
    assert window.minimumSizeHint().height() <= 768
    assert window.height() <= 768
