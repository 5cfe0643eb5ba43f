"""The background-task helper: work off the GUI thread, its outcome back on it, or to nobody."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.background import error_text, run_in_background, running_tasks, shutdown


class Receiver(QObject):
    """What a screen is to a task: it gets the outcome, and notes on which thread."""

    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []
        self.errors: list[Exception] = []
        self.threads: list[QThread] = []

    def done(self, result: object) -> None:
        self.threads.append(QThread.currentThread())
        self.results.append(result)

    def failed(self, error: Exception) -> None:
        self.threads.append(QThread.currentThread())
        self.errors.append(error)


def test_the_work_runs_off_the_gui_thread_and_its_result_arrives_on_it(
    qtbot: QtBot, qapp: QApplication
) -> None:
    receiver = Receiver()
    worker: list[threading.Thread] = []

    def work() -> int:
        worker.append(threading.current_thread())
        return 42

    task = run_in_background(receiver, work, receiver.done, receiver.failed, name="answer")
    qtbot.waitUntil(lambda: receiver.results == [42])
    assert worker[0] is not threading.main_thread() and worker[0].name == "answer"
    assert receiver.threads == [qapp.thread()] and receiver.errors == []
    assert not task.running and task.finished and task.result() == 42
    assert task not in running_tasks()


def test_an_exception_goes_to_on_error_on_the_gui_thread(qtbot: QtBot, qapp: QApplication) -> None:
    receiver = Receiver()

    def work() -> int:
        raise ValueError("the printer is off")

    task = run_in_background(receiver, work, receiver.done, receiver.failed)
    qtbot.waitUntil(lambda: bool(receiver.errors))
    assert isinstance(receiver.errors[0], ValueError) and receiver.results == []
    assert receiver.threads == [qapp.thread()]
    assert error_text(receiver.errors[0]) == "the printer is off"
    assert error_text(KeyError()) == "KeyError"  # no message: its name
    assert task.result() is None


def test_without_on_error_an_exception_is_reported_as_unhandled(qtbot: QtBot) -> None:
    receiver = Receiver()

    def work() -> None:
        raise OSError("disk full")

    with qtbot.captureExceptions() as exceptions:
        task = run_in_background(receiver, work, receiver.done)
        qtbot.waitUntil(lambda: not task.running)
    assert [str(error) for _, error, _ in exceptions] == ["disk full"]


def test_nothing_is_delivered_to_a_receiver_deleted_while_the_work_ran(qtbot: QtBot) -> None:
    """A manager screen closed while its report computes: the result has nobody to go to."""
    receiver, release = Receiver(), threading.Event()
    results = receiver.results  # still readable once the receiver is gone
    task = run_in_background(receiver, lambda: release.wait(10), receiver.done, receiver.failed)
    shiboken6.delete(receiver)
    release.set()
    assert task.wait(10)
    qtbot.waitUntil(lambda: not task.running)  # delivered to nobody, and forgotten
    assert results == [] and task not in running_tasks()


def test_an_abandoned_task_delivers_nothing(qtbot: QtBot) -> None:
    receiver, release = Receiver(), threading.Event()
    task = run_in_background(receiver, lambda: release.wait(10), receiver.done)
    task.abandon()
    release.set()
    assert task.wait(10) and task.result() is True
    qtbot.wait(50)
    assert receiver.results == [] and not task.running


def test_shutdown_waits_a_bounded_time_then_abandons_what_still_runs(qtbot: QtBot) -> None:
    receiver, release = Receiver(), threading.Event()
    quick = run_in_background(receiver, lambda: "report", receiver.done)
    slow = run_in_background(receiver, lambda: release.wait(10), receiver.done)
    assert not shutdown(timeout=0.3)  # the slow one did not finish in time
    assert quick.finished and not slow.finished
    assert not quick.running and not slow.running and running_tasks() == []
    release.set()
    assert slow.wait(10)
    qtbot.wait(50)
    assert receiver.results == []  # both abandoned: a closing app is told nothing more


def test_tasks_are_started_on_the_gui_thread_only(qtbot: QtBot) -> None:
    receiver, problems = Receiver(), []

    def from_a_thread() -> None:
        try:
            run_in_background(receiver, lambda: 1, receiver.done)
        except RuntimeError as error:
            problems.append(error)

    thread = threading.Thread(target=from_a_thread)
    thread.start()
    thread.join(10)
    assert len(problems) == 1
