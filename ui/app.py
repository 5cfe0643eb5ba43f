"""Start the counter app: open the store, restore the open cart, show the log-in screen.

The store's context holds the store lock for the app's whole run (a restore refuses
meanwhile); the nightly backup starts a few seconds after the window (ui.backup_keeper).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from pos.adapters.data_dir import resolve_data_dir
from pos.bootstrap import (
    AppContext,
    StoreError,
    explain_store_failure,
    open_context,
    open_till,
)
from pos.till.services.session import TillSession
from receipts.qt_runtime import ensure_qt
from ui import background
from ui.background import BackgroundTask, run_in_background
from ui.backup_keeper import BackupKeeper
from ui.fonts import install_fonts
from ui.i18n import THAI, set_language
from ui.main_window import CounterWindow
from ui.screen_fit import available_geometry
from ui.staff_forms import offer_first_manager
from ui.style import STYLE_SHEET

if TYPE_CHECKING:
    from receipts.print_service import PrintService


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
    printing: PrintStarter | None = None
    backups: BackupKeeper | None = None  # the nightly backup (issue 12)

    def close(self) -> None:
        self.window.close()  # writes what the journal still holds; a sync stops at its next wait
        if self.printing is not None:
            self.printing.stop()  # a receipt being sent is finished; waiting ones stay queued
        background.shutdown()  # work in flight ends its transaction before the store closes
        self.context.close()


class PrintStarter(QObject):
    """Starts the receipt printer's worker (issue 5) shortly after start-up, off the GUI thread.

    Importing python-escpos and the renderers takes ~0.2 s of the interpreter: done
    on a thread once the log-in screen is up (nobody sells in the first seconds), it
    never slows the log-in screen or the first scans.  Receipts queued before it
    runs (from the last session) print when it does.
    """

    started = Signal(object)  # the PrintService, delivered on the GUI thread

    def __init__(self, context: AppContext, window: CounterWindow, delay_ms: int = 1500):
        super().__init__(window)
        self._context = context
        self.service: PrintService | None = None
        self._task: BackgroundTask[PrintService] | None = None
        if window.back_office is not None:
            self.started.connect(window.back_office.attach)
        ensure_qt()  # fonts for the worker's rendering: registered here, on the GUI thread
        QTimer.singleShot(delay_ms, self, self._begin)

    def _begin(self) -> None:
        context = self._context

        def start() -> PrintService:
            from receipts.print_service import start_printing

            return start_printing(context)

        self._task = run_in_background(self, start, self._started, name="print-start")

    def _started(self, service: PrintService) -> None:
        self.service = service
        self.started.emit(service)

    def stop(self) -> None:
        task = self._task
        if task is not None:
            if task.wait(timeout=10) and self.service is None:
                self.service = task.result()  # started, but the event loop has ended
            task.abandon()  # a service being stopped is attached to nothing
        if self.service is not None:
            self.service.stop()


def start_counter(data_dir_option: str | None) -> Counter:
    """Open the store, the till (restoring an open cart) and the window, on screen."""
    app = create_application()
    context = open_context(resolve_data_dir(data_dir_option), check=True)
    till = open_till(context)
    window = CounterWindow(till, context=context)
    window.setMaximumSize(available_geometry(window).size())  # never past the screen
    window.showMaximized()
    window.start()
    offer_first_manager(window, context)  # a new shop: no manager yet (issue 13)
    printing = PrintStarter(context, window)
    return Counter(app, context, till, window, printing, BackupKeeper(context, window))


def _store_problem(error: Exception, data_dir_option: str | None) -> StoreError | None:
    """The store's problem behind a failed start (shown in a window), or None for a bug."""
    if isinstance(error, StoreError):
        return error
    return explain_store_failure(error, resolve_data_dir(data_dir_option))


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
    except Exception as error:
        problem = _store_problem(error, data_dir_option)
        if problem is None:
            raise
        create_application()
        QMessageBox.critical(None, "OTOP POS", str(problem))
        print(f"otop-pos: {problem}", file=sys.stderr)
        return 3
    try:
        return counter.app.exec()
    finally:
        counter.close()
