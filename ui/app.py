"""Start the counter app: open the store, restore the open cart, show the log-in screen."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication, QMessageBox

from pos.bootstrap import AppContext, open_context, open_till
from pos.datadir import resolve_data_dir
from pos.services.till import TillSession
from pos.store.database import StoreError
from receipts.print_service import PrintService, start_printing
from ui.fonts import install_fonts
from ui.i18n import THAI, set_language
from ui.main_window import CounterWindow
from ui.style import STYLE_SHEET


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


@dataclass
class Counter:
    """A started counter: what ``run_app`` runs, and what the benchmarks measure."""

    app: QApplication
    context: AppContext
    till: TillSession
    window: CounterWindow
    printing: PrintService | None = None

    def close(self) -> None:
        self.window.close()  # writes what the journal still holds
        if self.printing is not None:
            self.printing.stop()  # a receipt being sent is finished; waiting ones stay queued
        self.context.close()


def start_counter(data_dir_option: str | None) -> Counter:
    """Open the store, the till (restoring an open cart) and the window, on screen."""
    app = create_application()
    context = open_context(resolve_data_dir(data_dir_option))
    printing = start_printing(context)  # the receipt printer's worker thread (issue 5)
    till = open_till(context)
    window = CounterWindow(till, context=context)
    window.showMaximized()
    window.start()
    return Counter(app, context, till, window, printing)


def run_app(data_dir_option: str | None) -> int:
    if not _has_display():
        print(
            "otop-pos: no screen to open the window on (DISPLAY is not set). "
            "Run it on the counter's desktop, or under a virtual screen: xvfb-run ./run.sh",
            file=sys.stderr,
        )
        return 3
    try:
        counter = start_counter(data_dir_option)
    except StoreError as error:
        create_application()
        QMessageBox.critical(None, "OTOP POS", str(error))
        print(f"otop-pos: {error}", file=sys.stderr)
        return 3
    try:
        return counter.app.exec()
    finally:
        counter.close()
