"""Start the counter app: open the store, restore the open cart, show the log-in screen."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from pos.bootstrap import open_context, open_till
from pos.datadir import resolve_data_dir
from pos.store.database import StoreError
from ui.fonts import install_fonts
from ui.i18n import THAI, set_language
from ui.main_window import CounterWindow
from ui.style import STYLE_SHEET

READY_ENV = "OTOP_POS_REPORT_READY"  # benchmarks: print when the first screen is up


def _has_display() -> bool:
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def create_application() -> QApplication:
    """The QApplication with the shipped fonts, the style and Thai as the language."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("OTOP POS")
    app.setFont(install_fonts())
    app.setStyleSheet(STYLE_SHEET)
    set_language(THAI)
    return app


def run_app(data_dir_option: str | None) -> int:
    if not _has_display():
        print(
            "otop-pos: no screen to open the window on (DISPLAY is not set). "
            "Run it on the counter's desktop, or under a virtual screen: xvfb-run ./run.sh",
            file=sys.stderr,
        )
        return 3
    app = create_application()
    try:
        context = open_context(resolve_data_dir(data_dir_option))
    except StoreError as error:
        QMessageBox.critical(None, "OTOP POS", str(error))
        print(f"otop-pos: {error}", file=sys.stderr)
        return 3
    till = open_till(context)
    window = CounterWindow(till)
    window.showMaximized()
    window.start()
    if os.environ.get(READY_ENV):
        print("ready", flush=True)
    try:
        return app.exec()
    finally:
        till.close()
        context.close()
