"""The line under a screen that says what just happened: info, a warning, or an error in red.

Never a dialog: a message box would take the keyboard and swallow the next
scan.  The severity is a dynamic property the style sheets colour by.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class StatusLine(QLabel):
    def __init__(self, object_name: str):
        super().__init__(wordWrap=True)
        self.setObjectName(object_name)

    def show_message(self, text: str, severity: str = "info") -> None:
        self.setText(text)
        if self.property("severity") != severity:  # re-styling costs; only on change
            self.setProperty("severity", severity)
            self.style().unpolish(self)
            self.style().polish(self)

    @property
    def severity(self) -> str:
        return str(self.property("severity") or "info")
