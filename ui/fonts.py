"""Register the shipped Thai fonts with Qt so the screen never depends on the machine's fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from resources import resource_path

UI_FONT_FILES = ("Loma.ttf", "Loma-Bold.ttf")
UI_FAMILY = "Loma"


def install_fonts() -> QFont:
    """Load the fonts from resources/fonts and return the default UI font."""
    for name in UI_FONT_FILES:
        if QFontDatabase.addApplicationFont(str(resource_path("fonts", name))) < 0:
            raise RuntimeError(f"Qt could not load the font {name}")
    font = QFont(UI_FAMILY)
    font.setPointSize(12)
    return font
