"""The screen tour behind docs/screenshots: every screen of the both-languages table, in
Thai and in English, saved as the whole screen shows it.

Not part of the suite (its name is not ``test_*``): ``tools/screen_tour.py`` runs it under
Xvfb at each screen size, so each PNG is what a cashier sees on a 1024×768 or 1366×768
screen, the dialog over the till where it is a dialog.  Each case still asserts what it
can see: the screen holds the window whole.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext
from tests.gui.test_languages_complete import SCREENS
from ui.i18n import ENGLISH, THAI, set_language
from ui.main_window import CounterWindow

TOUR_DIR = os.environ.get("OTOP_TOUR_DIR", "")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@pytest.mark.skipif(not TOUR_DIR, reason="run by tools/screen_tour.py")
@pytest.mark.parametrize("language", [THAI, ENGLISH])
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(qtbot: QtBot, demo_context: AppContext, name: str, language: str) -> None:
    set_language(language)
    top = SCREENS[name](qtbot, demo_context)
    set_language(language)  # an opener may have switched: the screen as the cashier set it
    for window in QApplication.topLevelWidgets():
        if isinstance(window, CounterWindow):  # the tests' counter is 1366×768; the app's is
            # maximised on its screen (ui.app); Xvfb has no window manager to do it
            window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    qtbot.wait(600)  # laid out, painted, the print and sync lines reported
    screen = QGuiApplication.primaryScreen()
    size = screen.size()
    path = Path(TOUR_DIR) / f"{_slug(name)}-{language}-{size.width()}x{size.height()}.png"
    assert screen.grabWindow(0).save(str(path))  # kept to look at, whatever follows
    frame = top.window().frameGeometry()
    assert screen.geometry().contains(frame), f"{name}: {frame} is not inside {size}"
