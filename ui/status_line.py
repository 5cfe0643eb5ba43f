"""The line under a screen that says what just happened: info, a warning, or an error in red.

Never a dialog: a message box would take the keyboard and swallow the next
scan.  The severity is a dynamic property the style sheets colour by.  The
message is kept as given (:data:`ui.live_text.Text`): one given as a function
that words it is worded again at F9, so the line never stays in the language
it was shown in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel

from ui.live_text import Text, word


def say(label: QLabel, text: Text) -> None:
    """``label`` says ``text``, and again at F9 when it is a function (see :func:`reword`)."""
    label.setProperty("message_source", text if callable(text) else None)
    label.setText(word(text))


def show_on(label: QLabel, text: Text, severity: str) -> None:
    """``label`` says ``text`` (again at F9 when it is a function), coloured by ``severity``."""
    say(label, text)
    if label.property("severity") != severity:  # re-styling costs; only on change
        label.setProperty("severity", severity)
        label.style().unpolish(label)
        label.style().polish(label)


def reword(label: QLabel) -> None:
    """At a language change: the message again, from its source."""
    source = label.property("message_source")
    if callable(source):
        label.setText(source())


class StatusLine(QLabel):
    def __init__(self, object_name: str):
        super().__init__(wordWrap=True)
        self.setObjectName(object_name)

    def show_message(self, text: Text, severity: str = "info") -> None:
        show_on(self, text, severity)

    @property
    def severity(self) -> str:
        return str(self.property("severity") or "info")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            reword(self)
        super().changeEvent(event)
