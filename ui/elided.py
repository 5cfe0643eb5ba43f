"""Texts that may be longer than their room: cut with "…" and given whole in the tooltip.

:class:`ElidedLabel` is a one-line label that the layout may squeeze: it
paints as much of its text as fits, then "…", and its tooltip is the whole
text (a person's name in the header, say).  :func:`elide_to_lines` does the
same over several word-wrapped lines (the quick keys' product names).
Both carry the dynamic property ``elides`` (ui.live_text.ELIDES), which tells
the fitting check that the widget shortens its text itself.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent, QTextLayout
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.live_text import ELIDES

MIN_CHARACTERS = 6  # squeezed, a label still shows this many characters' worth


def elide_to_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """``text`` word-wrapped to ``width``, cut with "…" at the end of line ``lines`` if longer."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    end = start = 0
    for _ in range(max(1, lines)):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, end = line.textStart(), line.textStart() + line.textLength()
    layout.endLayout()
    if end >= len(text):
        return text
    tail = QFontMetrics(font).elidedText(text[start:], Qt.TextElideMode.ElideRight, width)
    return text[:start] + tail


class ElidedLabel(QLabel):
    """One line: as much as fits, then "…"; the whole text is the tooltip when it is cut."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setProperty(ELIDES, True)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().averageCharWidth() * MIN_CHARACTERS, hint.height())

    def shown_text(self) -> str:
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._update_tip()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_tip()

    def _update_tip(self) -> None:
        self.setToolTip(self.text() if self.shown_text() != self.text() else "")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        shown = self.shown_text()
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )


def keep_its_width(widget: QWidget) -> None:
    """A header button keeps the width of its text; a full header squeezes the elided name."""
    widget.setSizePolicy(QSizePolicy.Policy.Fixed, widget.sizePolicy().verticalPolicy())
