"""Qt for drawing without a window: the application object and the shipped fonts.

QPainter on a QImage needs a QGuiApplication (for fonts) but no screen.  The
GUI already has one; the command line, the benchmarks and tests get one on the
``offscreen`` platform.  Call :func:`ensure_qt` from the main thread before
rendering anywhere (the print worker's thread then draws safely on QImages).
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from resources import resource_path

RECEIPT_FAMILY = "Loma"
_FONT_FILES = ("Loma.ttf", "Loma-Bold.ttf")
_lock = threading.Lock()
_fonts_loaded = False
_app: QGuiApplication | None = None  # kept referenced for the life of the program


def ensure_qt() -> None:
    """Make sure a QGuiApplication exists and the receipt fonts are registered."""
    global _fonts_loaded, _app
    with _lock:
        if QCoreApplication.instance() is None:
            if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            # a QApplication (not just QGuiApplication), so widgets can come later in the
            # same process (tests, a CLI that opens a dialog)
            _app = QApplication([])
        if not _fonts_loaded:
            from PySide6.QtGui import QFontDatabase

            for name in _FONT_FILES:
                if QFontDatabase.addApplicationFont(str(resource_path("fonts", name))) < 0:
                    raise RuntimeError(f"Qt could not load the font {name}")
            _fonts_loaded = True
