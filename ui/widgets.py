"""Small widgets the screens share: a button that shows its shortcut, and a number pad.

:class:`ActionButton` is a big touch button whose label carries the keyboard
shortcut in a key cap beside the text ("พักบิล [F7]"), so the cashier learns the
keys by using the mouse or the touch screen.  It never takes the keyboard focus:
focus stays in the scan field, where the scanner's keystrokes belong.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ui.style import PAD_KEY_HEIGHT, TOUCH_HEIGHT

W = TypeVar("W", bound=QWidget)
KEY_GAP = 6  # between a button's text and its key cap
SIDE_MARGIN, STACKED_MARGIN = 8, 3  # a button's text from its edges; with the key under it


class ActionButton(QPushButton):
    """A touch button with its shortcut shown in a key cap, bound to a window-wide action."""

    def __init__(
        self, object_name: str, shortcut: str, parent: QWidget | None = None, *, wrap: bool = False
    ):
        super().__init__(parent)
        self._wrap = wrap  # a tall button: long text on two lines beside the key, never under
        self.setObjectName(object_name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(TOUCH_HEIGHT)
        self.shortcut_text = shortcut
        self._label = QLabel()
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setWordWrap(True)
        self._key = QLabel(shortcut)
        self._key.setObjectName("shortcutHint")
        self._key.setVisible(bool(shortcut))
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(SIDE_MARGIN, 2, SIDE_MARGIN, 2)
        self._row.setSpacing(KEY_GAP)
        self._row.addWidget(self._label, 1)
        self._row.addWidget(self._key, 0, Qt.AlignmentFlag.AlignVCenter)
        for label in (self._label, self._key):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

        # Narrower than text and key side by side (a 1024-px screen), the key goes under the text.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, self.sizePolicy().verticalPolicy())

    def _one_line(self) -> int:
        """The text's width on one line (the label's own hint varies with its wrapping)."""
        return self._label.fontMetrics().horizontalAdvance(self._label.text()) + 4

    def _side_by_side(self) -> int:
        """The width that text and key cap need beside each other."""
        width = self._one_line() + 2 * SIDE_MARGIN
        if self._key.isVisibleTo(self):
            width += KEY_GAP + self._key.sizeHint().width()
        return width

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self._side_by_side(), max(self._row.sizeHint().height(), TOUCH_HEIGHT))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        if self._wrap:
            return QSize(self._row.minimumSize().width(), TOUCH_HEIGHT)
        text = max(self._one_line(), self._key.sizeHint().width())
        return QSize(text + 2 * STACKED_MARGIN, TOUCH_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        stacked = not self._wrap and event.size().width() < self._side_by_side()
        direction = (
            QHBoxLayout.Direction.TopToBottom if stacked else QHBoxLayout.Direction.LeftToRight
        )
        if self._row.direction() != direction:
            self._row.setDirection(direction)
            self._label.setWordWrap(not stacked)  # over its key the text keeps to one line
            self._row.setSpacing(0 if stacked else KEY_GAP)
            side = STACKED_MARGIN if stacked else SIDE_MARGIN
            self._row.setContentsMargins(side, 2, side, 2)
            self._row.setAlignment(
                self._key,
                Qt.AlignmentFlag.AlignCenter if stacked else Qt.AlignmentFlag.AlignVCenter,
            )
        super().resizeEvent(event)

    def set_label(self, text: str) -> None:
        self._label.setText(text)
        self.setAccessibleName(f"{text} ({self.shortcut_text})" if self.shortcut_text else text)
        self.setToolTip(self.accessibleName())

    def label(self) -> str:
        return self._label.text()


def bind_shortcut(
    owner: QWidget, keys: str | QKeySequence.StandardKey, handler: Callable[[], object]
) -> QAction:
    """A shortcut active anywhere in ``owner``'s window while ``owner`` is shown."""
    action = QAction(owner)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(handler)
    owner.addAction(action)
    return action


def named(widget: W, object_name: str) -> W:
    """``widget`` with its object name set (the style sheets and the tests find it by name).

    PySide6 takes ``objectName=`` in any widget's constructor, but its stubs do
    not, so the screens name their widgets through this instead.
    """
    widget.setObjectName(object_name)
    return widget


def key_button(text: str = "", *, checkable: bool = False) -> QPushButton:
    """A push button that never takes the keyboard focus, so typing stays in the field."""
    button = QPushButton(text)
    button.setCheckable(checkable)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class NumberPad(QWidget):
    """Digits, back-space and OK (and optionally "." and "%") in four rows, for touch entry.

    ::

        7 8 9 ⌫
        4 5 6 %
        1 2 3 OK
        0   . OK
    """

    keyPressed = Signal(str)  # a digit, "." or "%"
    backspace = Signal()
    accepted = Signal()

    def __init__(self, parent: QWidget | None = None, *, decimal: bool = True):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, keys in enumerate(("789", "456", "123")):
            for column, key in enumerate(keys):
                grid.addWidget(self._button(key), row, column)
        grid.addWidget(self._button("0"), 3, 0, 1, 1 if decimal else 3)
        self.point = self._button(".")
        self.point.setVisible(decimal)
        if decimal:
            grid.addWidget(self.point, 3, 1, 1, 2)
        grid.addWidget(self._button("⌫"), 0, 3)
        self.percent = self._button("%")
        self.percent.setVisible(False)
        grid.addWidget(self.percent, 1, 3)
        self.ok_button = self._button("OK")
        self.ok_button.setObjectName("padOk")
        grid.addWidget(self.ok_button, 2, 3, 2, 1)
        self.ok_button.setSizePolicy(
            self.ok_button.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Expanding
        )

    def _button(self, key: str) -> QPushButton:
        button = QPushButton(key)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(PAD_KEY_HEIGHT)
        if key == "⌫":
            button.clicked.connect(self.backspace.emit)
        elif key == "OK":
            button.clicked.connect(self.accepted.emit)
        else:
            button.clicked.connect(lambda: self.keyPressed.emit(key))
        return button


class SteadyHolder(QWidget):
    """Holds a label whose text changes often, so that its changes never re-lay the window out.

    A label in a layout asks that layout to run again whenever its text changes;
    on the scan path that costs most of a millisecond for the whole window.
    Here the label is a child placed by hand: the holder has the layout slot (a
    fixed height, any width) and the label just follows the holder's size.
    """

    def __init__(self, label: QLabel, height: int):
        super().__init__()
        self.label = label
        label.setParent(self)
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)


def steady(label: QLabel, height: int) -> SteadyHolder:
    return SteadyHolder(label, height)


class ShortenedButton(QPushButton):
    """A header status that is cut with "…" when the header is short of room (1024 px).

    It asks for its whole text, but may be given :data:`SHORTEST` px; the
    whole text then stays in the tooltip the owner sets.
    """

    TEXT_ROOM = 20  # the padding and border either side of the text
    SHORTEST = 120

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, self.sizePolicy().verticalPolicy())
        self.setProperty("elides", True)  # ui.live_text.ELIDES: cut on purpose, whole as tooltip

    def set_full_text(self, text: str) -> None:
        self._full_text = text
        self._shorten()  # at the width it has now: a whole text is never painted past its edge
        QTimer.singleShot(0, self, self._shorten)  # and again once the header has laid it out
        self.updateGeometry()
        holder = self.parentWidget()
        if holder is not None:  # a column in the header: else its layout keeps the old width
            holder.updateGeometry()

    def full_text(self) -> str:
        return self._full_text

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = self.fontMetrics().horizontalAdvance(self._full_text) + self.TEXT_ROOM
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = self.sizeHint()
        return QSize(min(hint.width(), self.SHORTEST), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._shorten()

    def _shorten(self) -> None:
        room = self.width() - self.TEXT_ROOM
        short = self.fontMetrics().elidedText(self._full_text, Qt.TextElideMode.ElideRight, room)
        cut = self.isVisible() and self.width() < self.sizeHint().width()
        self.setText(short if cut else self._full_text)
