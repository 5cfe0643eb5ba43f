"""The print queue's state as the till shows it (light: no printer library, no Qt).

:class:`receipts.print_worker.PrintWorker` reports a :class:`QueueStatus` after
every change; the GUI imports only this module until printing starts, which
keeps python-escpos out of the counter's start-up.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class QueueState(enum.StrEnum):
    IDLE = "idle"  # nothing waiting
    PRINTING = "printing"
    WAITING = "waiting"  # jobs wait for the printer
    FAILED = "failed"  # a job can never print; a person must look


@dataclass(frozen=True)
class QueueStatus:
    state: QueueState
    pending: int
    message: str  # for the till's status line, in Thai
    last_error: str = ""
    printer_set_up: bool = True  # False: no receipt printer chosen, whatever waits stays waiting
