"""The print queue's status on the till's status line, safely across threads.

The print worker reports from its own thread; widgets may only be touched on
the GUI thread.  :class:`PrintStatusBridge` turns the worker's callback into a
Qt signal, which Qt delivers on the GUI thread (queued connection)::

    bridge = PrintStatusBridge()
    worker = PrintWorker(context.uow_factory, source, on_status=bridge.report)
    bridge.status_changed.connect(lambda status: status_bar.showMessage(status.message))
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from receipts.print_worker import QueueState, QueueStatus


class PrintStatusBridge(QObject):
    status_changed = Signal(object)  # QueueStatus

    def report(self, status: QueueStatus) -> None:
        """Called from the worker thread."""
        self.status_changed.emit(status)


def needs_attention(status: QueueStatus) -> bool:
    """Whether the status line should stand out (receipts waiting or a job failed)."""
    return status.state in (QueueState.WAITING, QueueState.FAILED)
