"""Questions the sale screen asks without a modal dialog: weight, quantity, discount, PIN.

A modal dialog would take the keyboard, and a scan arriving while it is open
would be typed into it or lost.  These panels take the place of the search and
quick keys beside the cart instead; the cart stays in view, and the scan
router still recognises a scanner's burst typed into their field and sends it
to the cart.  :class:`EntryPanel` asks one thing at a time; what to do with the
answer is a callback that returns an error text to show, or ``None`` to close.

:class:`RecallPanel` lists the held carts as large buttons; :class:`HelpPanel`
is the cashier's shortcut sheet (F1).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.money import format_baht
from pos.staff.domain.users import User
from pos.text import TextKind
from pos.till.domain.rules import SavedCart
from ui import text_fields
from ui.screen_fit import scrolling
from ui.style import TOUCH_HEIGHT
from ui.widgets import NumberPad, key_button

HELD_ROW_HEIGHT = 72
Answer = Callable[[str, User | None], str | None]  # the text, the chosen manager → error or None


class EntryPanel(QWidget):
    """One question with a field, a number pad, OK and Cancel (Enter and Esc)."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.prompt = QLabel(wordWrap=True)
        self.prompt.setObjectName("entryPrompt")
        self.hint = QLabel(wordWrap=True)
        self.hint.setObjectName("entryHint")
        self.field = QLineEdit()
        self.field.setObjectName("entryInput")
        self.field.installEventFilter(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a yes/no question has no field
        self.installEventFilter(self)
        self._managers = QButtonGroup(self)
        self._manager_row = QHBoxLayout()
        self.pad = NumberPad(self)
        self.pad.keyPressed.connect(self.field.insert)
        self.pad.backspace.connect(self.field.backspace)
        self.pad.accepted.connect(self.accept)
        self.cancel_button = key_button()
        self.cancel_button.setObjectName("entryCancel")
        self.cancel_button.setMinimumHeight(TOUCH_HEIGHT)
        self.cancel_button.clicked.connect(self.cancel)
        self._lay_out()
        self._answer: Answer | None = None
        self._free_text = False  # kind "text": a reason, checked by pos.text
        self._manager_list: list[User] = []
        self.retranslate()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.prompt, self.hint):
            layout.addWidget(widget)
        layout.addLayout(self._manager_row)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addWidget(self.pad, 1)

    def ask(
        self,
        prompt: str,
        hint: str,
        answer: Answer,
        *,
        kind: str = "number",
        managers: Sequence[User] = (),
        initial: str = "",
    ) -> None:
        """Show the question; ``kind`` is number, discount, pin, text (no pad) or confirm."""
        self._answer = answer
        self._free_text = kind == "text"
        self.prompt.setText(prompt)
        self.hint.setText(hint)
        self.hint.setProperty("error", False)
        self.field.setEchoMode(
            QLineEdit.EchoMode.Password if kind == "pin" else QLineEdit.EchoMode.Normal
        )
        self.field.setText(initial)
        self.field.selectAll()
        self.field.setVisible(kind != "confirm")
        self.pad.setVisible(kind not in ("confirm", "text"))
        self.pad.point.setVisible(kind in ("number", "discount"))
        self.pad.percent.setVisible(kind == "discount")
        self._set_managers(managers)
        (self if kind == "confirm" else self.field).setFocus()

    def _set_managers(self, managers: Sequence[User]) -> None:
        for button in self._managers.buttons():
            self._managers.removeButton(button)
            button.deleteLater()
        self._manager_list = list(managers)
        for index, manager in enumerate(self._manager_list):
            button = key_button(manager.name, checkable=True)
            button.setMinimumHeight(TOUCH_HEIGHT)
            button.setChecked(index == 0)
            self._managers.addButton(button, index)
            self._manager_row.addWidget(button)

    def chosen_manager(self) -> User | None:
        index = self._managers.checkedId()
        return self._manager_list[index] if 0 <= index < len(self._manager_list) else None

    def accept(self) -> None:
        answer = self._answer
        if answer is None:
            return
        if self._free_text and text_fields.checked(self.field, self.hint, TextKind.REASON) is None:
            return
        error = answer(self.field.text(), self.chosen_manager())
        if error is None:
            if self._answer is answer:  # not followed by another question (an approval)
                self._answer = None
                self.finished.emit()
        else:
            self.hint.setText(error)
            self.field.selectAll()

    def cancel(self) -> None:
        self._answer = None
        self.finished.emit()

    @property
    def is_asking(self) -> bool:
        return self._answer is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
                return True
        return False

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.pad.ok_button.setText(self.tr("OK (Enter)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class RecallPanel(QWidget):
    """The held carts, oldest first; a tap or Enter brings one back."""

    chosen = Signal(str)  # the cart's uuid
    finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("entryPrompt")
        self.list = QListWidget()
        self.list.setObjectName("heldCarts")
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)
        self.list.installEventFilter(self)
        self.back = key_button()
        self.back.setMinimumHeight(TOUCH_HEIGHT)
        self.back.clicked.connect(self.finished.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.back)
        self.retranslate()

    def show_carts(self, carts: Sequence[SavedCart], describe: Callable[[SavedCart], str]) -> None:
        self.list.clear()
        for cart in carts:
            item = QListWidgetItem(describe(cart))
            item.setData(Qt.ItemDataRole.UserRole, cart.cart_uuid)
            item.setSizeHint(QSize(0, HELD_ROW_HEIGHT))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
        if escape and event.type() == QEvent.Type.KeyPress:
            self.finished.emit()
            return True
        return False

    def retranslate(self) -> None:
        self.title.setText(self.tr("Held carts — choose one to bring back"))
        self.back.setText(self.tr("Back (Esc)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def held_cart_text(cart: SavedCart, time_text: str, total_satang: int, items: str) -> str:
    first = cart.lines[0].product.name_th if cart.lines else ""
    return f"{time_text} · {items} · {format_baht(total_satang)}\n{first}"


class HelpPanel(QWidget):
    """Every shortcut of the sale screen, as on the cashier's cheat sheet (F1)."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("entryPrompt")
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self.back = key_button()
        self.back.setMinimumHeight(TOUCH_HEIGHT)
        self.back.clicked.connect(self.finished.emit)
        keys = QWidget()
        keys_layout = QVBoxLayout(keys)
        keys_layout.addLayout(self._grid)
        keys_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        # The list scrolls: laid out in full it made the window 782 px tall on a 768-px screen.
        layout.addWidget(scrolling(keys), 1)
        layout.addWidget(self.back)

    def show_keys(self, rows: Sequence[tuple[str, str]]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, deleted when the event loop gets to it
                widget.deleteLater()
        per_column = (len(rows) + 1) // 2
        for index, (keys, what) in enumerate(rows):
            key = QLabel(keys)
            key.setObjectName("shortcutHint")
            row, column = index % per_column, 2 * (index // per_column)
            self._grid.addWidget(
                key, row, column, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            )
            text = QLabel(what, wordWrap=True)
            text.setStyleSheet("font-size: 11pt;")
            self._grid.addWidget(text, row, column + 1)
        self.title.setText(self.tr("Keyboard shortcuts"))
        self.back.setText(self.tr("Back (Esc)"))
