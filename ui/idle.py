"""Locking the till after a time without anyone touching it (setting ``idle_lock_minutes``).

Any key, click, touch or wheel anywhere in the program restarts the count
(:meth:`IdleLock.activity`, called by the application's input filter); so does
a scan from the serial scanner (:meth:`IdleLock.poke`).  0 minutes: never.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class IdleLock(QObject):
    """Calls ``lock`` after ``interval_ms`` without activity (while ``armed``)."""

    def __init__(self, interval_ms: int, lock: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(lock)
        self.armed = False
        self.set_interval(interval_ms)

    def set_interval(self, interval_ms: int) -> None:
        self._timer.setInterval(max(0, interval_ms))
        self.poke()

    def arm(self, armed: bool) -> None:
        self.armed = armed
        self.poke()

    def poke(self) -> None:
        if self.armed and self._timer.interval() > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def activity(self) -> None:
        """Someone pressed a key, clicked or touched (see :class:`ui.scan_router.InputTap`)."""
        if self.armed:
            self._timer.start()

    @property
    def remaining_ms(self) -> int:
        return self._timer.remainingTime()
