"""The print queue's status on the till's status line, safely across threads.

The print worker reports from its own thread; widgets may only be touched on
the GUI thread.  :class:`PrintStatusBridge` turns the worker's callback into a
Qt signal, which Qt delivers on the GUI thread (queued connection)::

    bridge = PrintStatusBridge()
    printing.subscribe(bridge.report)       # receipts.print_service.PrintService
    bridge.status_changed.connect(status_line.show_status)

:class:`PrintStatusLine` is the indicator in the till's header, in a few
words: "printer ready", how many receipts wait (amber; the queue retries by
itself, a touch tries at once), or that a document can never print (red; a
touch acknowledges it).  The full message is its tooltip and goes to the sale
screen's status line.  It never takes the keyboard focus, so a scan goes on
reaching the cart.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from pos.printing.domain.printer_settings import ConnectionKind
from pos.settings.domain.shop_settings import Settings
from receipts.queue_status import QueueState, QueueStatus
from ui.widgets import ShortenedButton


class PrintStatusBridge(QObject):
    status_changed = Signal(object)  # QueueStatus

    def report(self, status: QueueStatus) -> None:
        """Called from the worker thread."""
        self.status_changed.emit(status)


def receipt_printer_set_up(settings: Settings) -> bool:
    """Whether a receipt can print at all; without a printer it waits in the queue."""
    return settings.receipt_printer.connection is not ConnectionKind.NONE


def needs_attention(status: QueueStatus) -> bool:
    """Whether the status line should stand out (receipts waiting or a job failed)."""
    return status.state in (QueueState.WAITING, QueueState.FAILED)


STATUS_STYLE = """
#printStatus { font-size: 12pt; padding: 0 6px; border-radius: 6px; }
#printStatus[severity="warning"] { background: #fff3cd; color: #5c4400; font-weight: bold; }
#printStatus[severity="error"] { background: #c62828; color: white; font-weight: bold; }
"""
_SEVERITY = {
    QueueState.IDLE: "info",
    QueueState.PRINTING: "info",
    QueueState.WAITING: "warning",
    QueueState.FAILED: "error",
}


def short_text(status: QueueStatus) -> str:
    """What fits in the till's header; the whole message is the tooltip."""
    if status.state is QueueState.WAITING:
        if status.pending:
            return QCoreApplication.translate("PrintStatusLine", "{count} waiting to print").format(
                count=status.pending
            )
        return QCoreApplication.translate("PrintStatusLine", "Printer not ready")
    if status.state is QueueState.FAILED:
        return QCoreApplication.translate("PrintStatusLine", "Cannot print (touch)")
    if status.state is QueueState.PRINTING:
        return QCoreApplication.translate("PrintStatusLine", "Printing")
    return QCoreApplication.translate("PrintStatusLine", "Printer ready")


class PrintStatusLine(ShortenedButton):
    """The printer's state in a few words; touching it acts on it.

    Receipts waiting (printer off, no paper): it tries them now.  A document
    that can never print: it acknowledges it.  The full message is the tooltip
    and, through ``on_message``, goes to the sale screen's status line.
    """

    def __init__(
        self,
        retry: Callable[[], None],
        acknowledge: Callable[[], None],
        on_message: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("printStatus")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFlat(True)
        self.setStyleSheet(STATUS_STYLE)
        self._retry, self._acknowledge, self._on_message = retry, acknowledge, on_message
        self.clicked.connect(self._act)
        self.status: QueueStatus | None = None
        self.show_starting()

    def show_starting(self) -> None:
        """Before the print worker runs nothing is known: neither "ready" nor "no printer"."""
        self.status = None
        self.set_full_text(self.tr("Printer: starting…"))
        self.setToolTip(self.tr("The print queue starts a moment after the till."))

    def show_status(self, status: QueueStatus) -> None:
        self.status = status
        # "no printer set up · 3 waiting" is cut with "…" rather than widen the header
        self.set_full_text(self._no_printer_text(status) or short_text(status))
        self.setToolTip(status.message)
        severity = _SEVERITY[status.state]
        if self.property("severity") != severity:
            self.setProperty("severity", severity)
            self.style().unpolish(self)
            self.style().polish(self)

    def _no_printer_text(self, status: QueueStatus) -> str:
        """Without a printer "ready" or "printing" would be untrue: say what is missing."""
        if status.printer_set_up:
            return ""
        if status.pending:
            return self.tr("No printer set up · %n waiting", "", status.pending)
        return self.tr("No printer set up")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            if self.status is None:
                self.show_starting()
            else:
                self.show_status(self.status)
        super().changeEvent(event)

    def _act(self) -> None:
        if self.status is None:
            return
        if self._on_message is not None:
            self._on_message(self.status.message)
        if self.status.state is QueueState.WAITING:
            self._retry()
        elif self.status.state is QueueState.FAILED:
            self._acknowledge()
