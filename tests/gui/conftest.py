"""GUI tests draw with the shipped Thai fonts, as the app does (ui.fonts.install_fonts)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui.fonts import install_fonts


@pytest.fixture(autouse=True)
def thai_fonts(qapp: QApplication) -> None:
    qapp.setFont(install_fonts())
