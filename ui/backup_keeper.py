"""The nightly backup in the counter app: shortly after start, then every hour, and after a Z.

:class:`BackupKeeper` belongs to the counter window (on a real store).  Each
check runs ``pos.bootstrap.back_up_if_due`` — the same as ``otop-pos backup
--if-due``, so the app, a cron job and a person share one rule and one folder:
a copy only when the newest backup is about a day old.  After a Z report the
day just closed is copied whether due or not (:func:`backup_after_z`, called
by the day-close dialog).

The copy is SQLite's online backup on a worker thread (:mod:`ui.background`):
the till sells on while it runs.  A backup that fails (the folder read-only,
the disk full) is a red line in the header and a warning on the sale screen,
never a dialog: the shop keeps working, and the next hourly check tries again.
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from pos.bootstrap import AppContext, back_up, back_up_if_due
from pos.clock import Clock
from ui.background import error_text, run_in_background
from ui.style import HEADER_PT
from ui.widgets import named

if TYPE_CHECKING:
    from ui.main_window import CounterWindow

START_DELAY_MS = 3_000  # after the log-in screen is up and the printer has started
CHECK_MS = 3_600_000  # hourly: a counter left on overnight makes its copy within the hour
_STYLE = f"font-size: {HEADER_PT}pt; color: #c62828; font-weight: bold; padding: 0; margin: 0;"

_KEEPERS: weakref.WeakValueDictionary[Path, BackupKeeper] = weakref.WeakValueDictionary()


class BackupKeeper(QObject):
    """The backup checks of one counter window: its timer, its task, its line in the header."""

    finished = Signal(object)  # the new backup's Path, or None when none was due
    failed = Signal(str)  # what the manager is shown

    def __init__(
        self,
        context: AppContext,
        window: CounterWindow,
        *,
        to: Path | None = None,
        clock: Clock | None = None,
        start_delay_ms: int = START_DELAY_MS,
    ):
        super().__init__(window)
        assert context.data_dir is not None
        self._data_dir, self._to, self._clock = context.data_dir, to, clock
        self._window = window
        self.running = False
        self._force_next = False
        self.worked_on = ""  # the thread the last copy ran on (the GUI thread never does)
        self.label = named(QLabel(), "backupStatus")
        self.label.setStyleSheet(_STYLE)
        self.label.hide()
        window.header_status_column.addWidget(self.label)
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(start_delay_ms, self, self.check)
        _KEEPERS[context.data_dir] = self

    def check(self, *, force: bool = False) -> bool:
        """Back up on a worker thread if due (``force``: in any case); False if one is running."""
        if self.running:
            self._force_next = self._force_next or force  # a Z while a check runs: copy after
            return False
        self.running, self._force_next = True, False
        run_in_background(self, lambda: self._copy(force), self._done, self._failed, name="backup")
        return True

    def _copy(self, force: bool) -> Path | None:  # the worker thread
        self.worked_on = threading.current_thread().name
        now = self._clock.now() if self._clock is not None else None
        if force:
            return back_up(self._data_dir, self._to, now=now)
        return back_up_if_due(self._data_dir, self._to, now=now)

    def _done(self, made: Path | None) -> None:
        self.running = False
        if made is not None:
            self.label.hide()
            self.label.setToolTip(self.tr("Last backup: {file}").format(file=made))
        self.finished.emit(made)
        self._again()

    def _failed(self, error: Exception) -> None:
        self.running = False
        text = self.tr("The backup failed; the shop can go on selling. {problem}").format(
            problem=error_text(error)
        )
        self.label.setText(self.tr("Backup failed ⚠"))
        self.label.setToolTip(text)
        self.label.show()
        self._window.sale.show_warning(text)
        self.failed.emit(text)
        self._again()

    def _again(self) -> None:
        if self._force_next:
            self.check(force=True)


def backup_after_z(context: AppContext) -> None:
    """A Z report was closed: the counter window's keeper copies the closed day."""
    keeper = _KEEPERS.get(context.data_dir) if context.data_dir is not None else None
    if keeper is not None:
        keeper.check(force=True)
