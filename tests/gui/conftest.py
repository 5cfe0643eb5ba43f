"""GUI tests: the shipped Thai fonts, as the app draws (ui.fonts.install_fonts), and the counter
window on a real demo store, as the cashier sees it (offscreen, 1366×768)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos.bootstrap import AppContext, open_till
from tests.gui.helpers import start_counter
from ui.fonts import install_fonts
from ui.i18n import THAI, set_language
from ui.main_window import CounterWindow


@pytest.fixture(autouse=True)
def thai_fonts(qapp: QApplication) -> None:
    """The shipped fonts, and Thai on screen as the app starts (a test before may have left
    English: the dialogs word their texts in the language of the moment)."""
    qapp.setFont(install_fonts())
    set_language(THAI)


@pytest.fixture
def counter(qtbot: QtBot, demo_context: AppContext) -> Iterator[CounterWindow]:
    window = start_counter(qtbot, open_till(demo_context))
    yield window
    window.close()
