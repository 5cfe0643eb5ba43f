"""Slow jobs off the GUI thread, their outcome back on it: the one way ``ui/`` runs background work.

In the spirit of Anki's ``aqt.operations.QueryOp``::

    task = run_in_background(self, work, on_done=self._show, on_error=self._failed)

``work()`` runs on a worker thread and must not touch widgets.  Its result goes to
``on_done(result)``, or its exception to ``on_error(error)``, always on the GUI
thread and never to a receiver that was deleted in the meantime (a manager screen
closed while its report was computing: the result has nobody to go to and is
dropped).  Without ``on_error`` an exception is reported as unhandled
(``sys.excepthook``), as an exception escaping a thread was before.

How it gets back: the worker emits a queued signal of one postbox, a QObject that
lives on the GUI thread for the whole run of the application.  The worker never
emits on the receiver itself, so a receiver being deleted on the GUI thread while
the worker finishes is no race: the GUI thread alone looks at whether the receiver
still exists (``shiboken6.isValid``), when the delivery arrives.

Why a plain daemon thread per task, not a QThreadPool: the slow jobs here are few
and long (a sync run waits on the network and its back-off for minutes, a test
print on a dead printer for its timeout), and a pool has as many threads as cores
(two on a counter PC), so one sync and one status read would leave a Z report
waiting.  A daemon thread also never keeps a closing app alive: at exit
:func:`shutdown` waits a bounded time for running tasks (so a report or a day
close in flight ends its transaction before the store closes), then abandons the
rest.  Work that must stop early takes its own stop signal (the sync run stops
at its next back-off wait when the window closes, see :mod:`ui.sync_panel`).
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal

T = TypeVar("T")

_running: set[BackgroundTask[Any]] = set()  # touched on the GUI thread only


def error_text(error: BaseException) -> str:
    """What a manager is shown of an error: its message, or its name when it has none."""
    return str(error) or type(error).__name__


def report_unhandled(error: Exception) -> None:
    """The default ``on_error``: an exception nobody handles, reported as unhandled."""
    sys.excepthook(type(error), error, error.__traceback__)


class _Postbox(QObject):
    """Lives on the GUI thread; a delivery emitted on any thread is opened there."""

    posted = Signal(object)  # a Callable[[], None], run on the GUI thread

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._open, Qt.ConnectionType.QueuedConnection)

    def _open(self, delivery: Callable[[], None]) -> None:
        delivery()


_postbox: _Postbox | None = None


def _gui_postbox() -> _Postbox:
    global _postbox
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("background tasks are started on the GUI thread of a running app")
    if _postbox is None or not shiboken6.isValid(_postbox):
        _postbox = _Postbox()
    return _postbox


class BackgroundTask(Generic[T]):
    """One job on its worker thread; see :func:`run_in_background`, which makes and starts it."""

    def __init__(
        self,
        receiver: QObject,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
        *,
        name: str,
    ) -> None:
        self._receiver, self._work = receiver, work
        self._on_done, self._on_error = on_done, on_error
        self._postbox = _gui_postbox()
        self._returned: tuple[T] | None = None  # (result,) once the work has returned
        self._error: Exception | None = None
        self._delivered = False  # or abandoned: nothing more goes to the receiver
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        _running.add(self)
        self._thread.start()

    @property
    def running(self) -> bool:
        """Started and neither delivered nor abandoned yet (on the GUI thread)."""
        return not self._delivered

    @property
    def finished(self) -> bool:
        """The work has returned or raised (its outcome may not be delivered yet)."""
        return not self._thread.is_alive() and self._thread.ident is not None

    def result(self) -> T | None:
        """The work's result once it has returned, else None (it raised, or is still running)."""
        returned = self._returned if self.finished else None
        return returned[0] if returned is not None else None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has finished; True if it has.  Delivery still waits for the
        event loop (or never comes, after :meth:`abandon`)."""
        self._thread.join(timeout)
        return self.finished

    def abandon(self) -> None:
        """Deliver nothing of this task (the thread itself runs on to the end of its work)."""
        self._delivered = True
        _running.discard(self)

    def _run(self) -> None:  # the worker thread
        try:
            self._returned = (self._work(),)
        except Exception as error:  # goes to on_error, on the GUI thread
            self._error = error
        with contextlib.suppress(RuntimeError):  # the app is gone (exit): nobody is left to tell
            self._postbox.posted.emit(self._deliver)

    def _deliver(self) -> None:  # the GUI thread
        if self._delivered:
            return
        self.abandon()
        if not shiboken6.isValid(self._receiver):
            return  # deleted while the work ran: the outcome has nobody to go to
        if self._returned is not None:
            self._on_done(self._returned[0])
        elif self._error is not None:
            self._on_error(self._error)


def run_in_background(
    receiver: QObject,
    work: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[Exception], None] = report_unhandled,
    *,
    name: str = "background",
) -> BackgroundTask[T]:
    """Start ``work`` on a worker thread; ``on_done``/``on_error`` run on the GUI thread
    unless ``receiver`` (whose callbacks they are) has been deleted by then."""
    task = BackgroundTask(receiver, work, on_done, on_error, name=name)
    task.start()
    return task


def running_tasks() -> list[BackgroundTask[Any]]:
    """Tasks started and not yet delivered or abandoned."""
    return list(_running)


def shutdown(timeout: float = 5.0) -> bool:
    """At exit: wait up to ``timeout`` seconds in all for running tasks, then abandon them all.

    True if every task's work had finished.  Their daemon threads end with the process.
    """
    deadline = time.monotonic() + timeout
    tasks = running_tasks()
    for task in tasks:
        task.wait(max(0.0, deadline - time.monotonic()))
    finished = all(task.finished for task in tasks)
    for task in tasks:
        task.abandon()
    return finished
