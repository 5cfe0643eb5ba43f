"""The head-office sync in the counter app: its status in the header, the nightly run, after a Z.

:class:`SyncPanel` belongs to the counter window (on a real store).  Its label
(``syncStatus``) says when the last sync succeeded (Buddhist-era date and
time) and how many records wait to be sent, how many the head office refused and
whether the last run was interrupted; its tooltip lists the refused records
(kind, record, reason in Thai and English, field, detail).  It is refreshed
after every run and every minute (records wait from the moment a sale is stored).

Every run and every read happens on a worker thread of its own
(:mod:`ui.background`), with its own SQLite connections (the store's engine
hands each thread its own) and short transactions: the till never waits for
the network, and a scan during a sync goes to the cart as always.  The run is
``pos.bootstrap.sync_now`` — the same as ``otop-pos sync``, with its lock, so a
cron job and the app never overlap.
Closing the window stops a run at its next back-off wait; nothing is lost
(the outbox keeps what was not acknowledged).

When it runs: at ``Settings.sync.nightly_at`` (``pos.sync.domain.schedule``; a timer
checks every 30 s, so a changed setting or a clock put right counts), after a
Z report when ``after_z`` is set (:func:`sync_after_z`, called by the day-close
dialog), and from the label's button.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer

from pos.bootstrap import AppContext, sync_now, sync_units
from pos.clock import THAI_TIME, Clock, SystemClock
from pos.sync.domain.reasons import reason_english, reason_thai
from pos.sync.domain.schedule import nightly_done_on, nightly_due
from pos.sync.services.status import SyncStatus, sync_status
from pos.sync.services.sync_run import SyncBusyError, SyncNotConfiguredError, SyncReport
from pos.thai_dates import thai_datetime
from ui.background import run_in_background
from ui.live_text import live
from ui.style import HEADER_PT
from ui.widgets import ShortenedButton, named

CHECK_MS = 30_000  # the nightly time and the waiting count are looked at this often
REFRESH_EVERY = 2  # checks: the waiting count is read again every minute
REFUSED_SHOWN = 5  # refused records listed in the tooltip (sync status lists them all)

_PANELS: weakref.WeakValueDictionary[Path, SyncPanel] = weakref.WeakValueDictionary()


def status_text(
    status: SyncStatus | None, running: bool = False, *, now: dt.datetime | None = None
) -> str:
    """The header's one line, in the screen's language: when the last sync succeeded, what waits.

    The time alone when that was today, else the day and month too (``24/11 23:30``).
    """
    if status is None:
        return QCoreApplication.translate("SyncPanel", "Sync: reading the status …")
    if not status.settings.hq_url:
        return QCoreApplication.translate("SyncPanel", "Sync: not set up")
    count = QCoreApplication.translate("SyncPanel", "{count} to send").format(
        count=f"{status.waiting.total:,}"
    )
    if running:
        return QCoreApplication.translate("SyncPanel", "Syncing … · {count}").format(count=count)
    last = status.last_success
    if last is None:
        text = QCoreApplication.translate("SyncPanel", "Sync never · {count}").format(count=count)
    else:
        local = last.astimezone(THAI_TIME)
        today = (now or dt.datetime.now(THAI_TIME)).astimezone(THAI_TIME).date()
        when = f"{local:%H:%M}" if local.date() == today else f"{local:%d/%m %H:%M}"
        text = QCoreApplication.translate("SyncPanel", "Sync {when} · {count}").format(
            when=when, count=count
        )
    if status.interrupted:
        text += QCoreApplication.translate("SyncPanel", " · interrupted ⚠")
    elif status.waiting.rejected:
        refused = QCoreApplication.translate("SyncPanel", " · {count} refused ⚠")
        text += refused.format(count=f"{status.waiting.rejected:,}")
    elif status.state.last_outcome not in ("", "done"):
        text += " ⚠"
    return text


def refused_lines(status: SyncStatus) -> list[str]:
    """Each record the head office refused: kind, record, reason in Thai and English, field
    and detail; those set aside first, then those sent again at the next sync."""
    lines = []
    for title, records in (
        ("สำนักงานใหญ่ไม่รับ (set aside; otop-pos sync retry)", status.rejected),
        ("จะส่งใหม่ครั้งถัดไป (sent again at the next sync)", status.held),
    ):
        if records:
            lines.append(title)
        for record in records:
            field = f" ช่อง/field {record.field}" if record.field else ""
            lines.append(
                f"• {record.kind} {str(record.record_id)[:8]}: {reason_thai(record.reason)}"
                f" / {reason_english(record.reason)}{field}"
                f"{f' — {record.detail}' if record.detail else ''}"
            )
    return lines


def _tooltip(status: SyncStatus, problem: str) -> str:
    """The label's tooltip in the screen's language (the refused records in both, as logged)."""
    last = status.last_success
    when = thai_datetime(last.astimezone(THAI_TIME), seconds=True) if last else "-"
    lines = [
        QCoreApplication.translate(
            "SyncPanel", "Last successful sync with the head office: {when}"
        ).format(when=when),
        QCoreApplication.translate(
            "SyncPanel", "{count} records to send (touch to sync now)"
        ).format(count=f"{status.waiting.total:,}"),
        QCoreApplication.translate("SyncPanel", "Head office: {url}").format(
            url=status.settings.hq_url or "-"
        ),
    ]
    if status.settings.nightly_at:
        nightly = QCoreApplication.translate("SyncPanel", "Syncs by itself every night at {time}")
        lines.append(nightly.format(time=status.settings.nightly_at))
    if status.settings.after_z:
        lines.append(
            QCoreApplication.translate("SyncPanel", "and after the day is closed (Z report)")
        )
    if status.interrupted:
        lines.append(
            QCoreApplication.translate(
                "SyncPanel",
                "The last sync was interrupted: the next one carries on, nothing is lost",
            )
        )
    if status.waiting.rejected:
        refused = QCoreApplication.translate(
            "SyncPanel", "The head office refused {count} records: otop-pos sync status"
        )
        lines.append(refused.format(count=status.waiting.rejected))
    lines += refused_lines(status)
    if problem:
        lines.append(problem)
    return "\n".join(lines)


class SyncPanel(QObject):
    """The sync status button of one counter window, its timer and its background tasks."""

    def __init__(self, context: AppContext, parent: QObject, *, clock: Clock | None = None):
        super().__init__(parent)
        assert context.data_dir is not None
        self.context, self.clock = context, clock or SystemClock()
        _, self._reader = sync_units(context)
        self.label = named(ShortenedButton(), "syncStatus")  # "…" if the header is short
        self.label.setFlat(True)
        self.label.set_full_text(status_text(None))
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        self.label.setStyleSheet(  # a line of text that can be clicked, not a finger-sized key
            f"font-size: {HEADER_PT}pt; padding: 0; margin: 0; border: none; min-height: 0;"
            " background: transparent; text-align: left;"
        )
        self.label.clicked.connect(lambda: self.start("button"))
        self.status: SyncStatus | None = None
        live(self.label, self._reword)
        self.last_report: SyncReport | None = None
        self.problem = ""
        self.running = False
        self._nightly_known = False  # the first status says whether tonight's run happened
        self._nightly_done: dt.date | None = None  # the day the nightly run last started
        self._stop = threading.Event()
        self._checks = 0
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        _PANELS[context.data_dir] = self
        parent.installEventFilter(self)  # the window closing stops a run at its next wait
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Close:
            self.stop()
        return False

    # --- reading the status (off the GUI thread) ---------------------------------------
    def refresh(self) -> None:
        reader = self._reader
        run_in_background(
            self,
            lambda: sync_status(reader, rejected_limit=REFUSED_SHOWN, running=self.running),
            self._show,
            lambda _: None,  # the store closed under us at shutdown: nothing to show
            name="sync-status",
        )

    def _show(self, status: SyncStatus) -> None:
        self.status = status
        if not self._nightly_known:
            self._nightly_known = True
            self._nightly_done = nightly_done_on(status.last_success, status.settings.nightly_at)
        self._say(status_text(status, self.running, now=self.clock.now()))
        self.label.setToolTip(_tooltip(status, self.problem))

    def _reword(self) -> None:
        """At F9: the line again, in the new language."""
        if hasattr(self, "running"):  # not while __init__ is still setting up
            self._say(status_text(self.status, self.running, now=self.clock.now()))
            if self.status is not None:
                self.label.setToolTip(_tooltip(self.status, self.problem))

    def _say(self, text: str) -> None:
        self.label.set_full_text(text)

    # --- when to run ---------------------------------------------------------------------
    def check(self) -> None:
        """The timer: start the nightly run when due; now and then read the count again."""
        self._checks += 1
        status = self.status
        if status is not None and status.settings.hq_url and self._nightly_known:
            now = self.clock.now().astimezone(THAI_TIME)
            if nightly_due(now, status.settings.nightly_at, self._nightly_done):
                self._nightly_done = now.date()
                self.start("nightly")
                return
        if self._checks % REFRESH_EVERY == 0 and not self.running:
            self.refresh()

    def after_z(self) -> None:
        if self.status is None or self.status.settings.after_z:
            self.start("after Z")

    # --- running (off the GUI thread) --------------------------------------------------------
    def start(self, reason: str) -> bool:
        """Start a run on a worker thread; False if one is running already."""
        if self.running:
            return False
        self.running = True
        self._say(status_text(self.status, running=True, now=self.clock.now()))
        run_in_background(self, lambda: self._run(reason), self._finished, name="sync")
        return True

    def _run(self, reason: str) -> tuple[SyncReport | None, str]:
        """On the worker thread: the run, and what went wrong (never raises: the till goes on)."""
        report, problem = None, ""
        try:
            report = sync_now(self.context, wait=self._stop.wait)
            problem = report.problem
        except (SyncNotConfiguredError, SyncBusyError) as error:
            problem = str(error)
        except Exception as error:  # the till must go on; the manager sees why in the tooltip
            problem = f"{reason}: {error}"
        return report, problem

    def _finished(self, outcome: tuple[SyncReport | None, str]) -> None:
        self.running = False
        self.last_report, self.problem = outcome
        self.refresh()

    def stop(self) -> None:
        """The window closes: a run stops at its next wait (nothing is lost)."""
        self._stop.set()
        self.timer.stop()


def sync_after_z(context: AppContext) -> None:
    """A Z report was closed: the counter window's panel syncs, if the setting says so."""
    panel = _PANELS.get(context.data_dir) if context.data_dir is not None else None
    if panel is not None:
        panel.after_z()
