"""Texts that follow the language: set now, and set again at every F9.

Qt sends every widget a ``LanguageChange`` event when the translator changes
(:func:`ui.i18n.set_language`).  A widget given a literal at construction keeps
it; instead, a screen registers *how* to word a text::

    live_text(self.close_button, lambda: self.tr("Close"))
    live_title(self, lambda: self.tr("Sales history"))
    live(self, lambda: self.table.setHorizontalHeaderLabels(self._heads()))

Each ``apply`` runs at once and again whenever the widget receives a
``LanguageChange`` (an event filter on the widget), so an open dialog re-reads
its texts with the rest of the window and no dialog needs a retranslate method
of its own.  A status message is a :data:`Text`: a string (kept as it is) or a
function that words it (asked again at F9); see :class:`ui.status_line.StatusLine`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

W = TypeVar("W", bound=QWidget)
Text = str | Callable[[], str]  # a literal, or how to word it in the current language
FOLLOWER_NAME = "liveTexts"


def word(text: Text) -> str:
    return text() if callable(text) else text


class _Follower(QObject):
    """Runs its widget's text setters again at each LanguageChange the widget receives."""

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.setObjectName(FOLLOWER_NAME)
        self.appliers: list[Callable[[], object]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            for apply in self.appliers:
                apply()
        return False


def live(widget: QWidget, apply: Callable[[], object]) -> None:
    """Run ``apply`` now and at every language change of ``widget``."""
    follower = widget.findChild(_Follower, FOLLOWER_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if follower is None:
        follower = _Follower(widget)
    follower.appliers.append(apply)
    apply()


def live_text(widget: QLabel | QAbstractButton, text: Callable[[], str]) -> None:
    live(widget, lambda: widget.setText(text()))


def live_title(widget: QWidget, text: Callable[[], str]) -> None:
    live(widget, lambda: widget.setWindowTitle(text()))


def live_placeholder(widget: QLineEdit, text: Callable[[], str]) -> None:
    live(widget, lambda: widget.setPlaceholderText(text()))


def live_tooltip(widget: QWidget, text: Callable[[], str]) -> None:
    live(widget, lambda: widget.setToolTip(text()))


DATA_TEXT = "data_text"  # dynamic property: the text is data (a name, a number), not wording
ELIDES = "elides"  # dynamic property: the widget shortens its text itself; the tooltip has it all


def mark_data(widget: W) -> W:
    """Say that ``widget`` shows data (a product, a person, the shop): no language to check."""
    widget.setProperty(DATA_TEXT, True)
    return widget


B = TypeVar("B", QLabel, QAbstractButton)


def worded(widget: B, text: Callable[[], str]) -> B:
    """``widget`` with its text set by ``text`` now and at every F9 (for building layouts)."""
    live_text(widget, text)
    return widget


def status_label_follows(label: QLabel) -> QLabel:
    """A dialog's status label: a message shown with ui.status_line.show_on is re-worded at F9."""
    from ui.status_line import reword  # ui.status_line builds on this module

    live(label, lambda: reword(label))
    return label
