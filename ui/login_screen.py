"""Logging in, and unlocking a locked till, with a PIN.

The people who may use the till are big buttons (a finger or ↑/↓ chooses);
the PIN is typed on the keyboard or the number pad and never shown.  Locked,
the screen names who locked it and has them chosen; the same person unlocks
and carries on, or someone else logs in and takes the till over (the cart
stays; the audit trail records both).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos.staff.domain.users import User
from pos.till.domain.rules import TillError
from pos.till.services.session import TillSession
from ui.live_text import mark_data
from ui.messages import problem_text
from ui.scan_router import KeyBurst, key_time_ms
from ui.style import BIG_TOUCH_HEIGHT
from ui.widgets import NumberPad, key_button, named


class LoginScreen(QWidget):
    """Choose who you are, type your PIN, Enter."""

    loggedIn = Signal(object)  # the User

    def __init__(self, till: TillSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self._till = till
        self._users: list[User] = []
        self.locked_user: User | None = None
        self.title = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "loginTitle")
        self.banner = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "lockBanner")
        self.prompt = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.prompt.setStyleSheet("font-size: 15pt;")
        self._group = QButtonGroup(self)
        self._group.idClicked.connect(lambda _: self.pin_input.setFocus())
        self._user_row = QHBoxLayout()
        self._make_pin_input()
        self._burst = KeyBurst(till.settings.wedge_max_key_gap_ms)
        self.message = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "loginMessage")
        self._lay_out()
        self.set_locked(None)

    def _make_pin_input(self) -> None:
        self.pin_input: QLineEdit = named(
            QLineEdit(echoMode=QLineEdit.EchoMode.Password), "pinInput"
        )
        self.pin_input.setMaxLength(8)
        self.pin_input.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
        self.pin_input.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_input.returnPressed.connect(self.submit)
        self.pin_input.installEventFilter(self)

    def _lay_out(self) -> None:
        pad = NumberPad(decimal=False)
        pad.keyPressed.connect(self.pin_input.insert)
        pad.backspace.connect(self.pin_input.backspace)
        pad.accepted.connect(self.submit)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addStretch(1)
        column.addWidget(self.title)
        column.addWidget(self.banner)
        column.addWidget(self.prompt)
        column.addLayout(self._user_row)
        column.addWidget(self.pin_input)
        column.addWidget(self.message)
        column.addWidget(pad)
        column.addStretch(1)
        centred = QHBoxLayout(self)
        centred.addStretch(1)
        centred.addLayout(column, 2)
        centred.addStretch(1)

    def load_users(self) -> None:
        users = self._till.users()
        if users == self._users:
            self._choose(self.locked_user)
            return
        for button in self._group.buttons():
            self._group.removeButton(button)
            button.setParent(None)
            button.deleteLater()
        self._users = users
        for index, user in enumerate(self._users):
            button = mark_data(key_button(user.name, checkable=True))  # a person's name
            button.setObjectName(f"user_{user.user_id}")
            button.setMinimumHeight(BIG_TOUCH_HEIGHT)
            self._group.addButton(button, index)
            self._user_row.addWidget(button)
        self._choose(self.locked_user)

    def set_locked(self, user: User | None) -> None:
        """Locked by ``user`` (None: a plain log-in screen)."""
        self.locked_user = user
        self.banner.setVisible(user is not None)
        self.pin_input.clear()
        self.message.clear()
        self._choose(user)
        self.retranslate()

    def _choose(self, user: User | None) -> None:
        for index, known in enumerate(self._users):
            if user is None or known.user_id == user.user_id:
                self._group.button(index).setChecked(True)
                return

    def chosen_user(self) -> User | None:
        index = self._group.checkedId()
        return self._users[index] if 0 <= index < len(self._users) else None

    def submit(self) -> None:
        user, pin = self.chosen_user(), self.pin_input.text()
        if user is None or user.user_id is None:
            self.message.setText(self.tr("Choose your name first."))
            return
        try:
            logged_in = self._till.log_in(user.user_id, pin)
        except TillError as error:
            self.message.setText(problem_text(error))
            self.pin_input.clear()
            return
        self.pin_input.clear()
        self.message.clear()
        self.loggedIn.emit(logged_in)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if self._scanner_burst(event):
                return True
            step = {
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_Left: -1,
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Right: 1,
            }.get(Qt.Key(event.key()))
            if step and self._users:
                index = (max(0, self._group.checkedId()) + step) % len(self._users)
                self._group.button(index).setChecked(True)
                return True
        return False

    def _scanner_burst(self, event: QKeyEvent) -> bool:
        """A scan at this screen is not a PIN: drop it (it would count as a wrong PIN)."""
        at = key_time_ms(event)
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._burst.key(event.text(), at, self.pin_input)
            return False
        if self._burst.take(at, self.pin_input) is None:
            return False
        self.pin_input.clear()
        self.message.setText(self.tr("That was a scan. Log in first, then scan."))
        return True

    def retranslate(self) -> None:
        self.title.setText(self.tr("OTOP Sisaket — counter"))
        if self.locked_user is not None:
            self.banner.setText(self.tr("Locked — {name}").format(name=self.locked_user.name))
            self.prompt.setText(self.tr("Type your PIN to carry on, or choose another name."))
        else:
            self.prompt.setText(self.tr("Choose your name and type your PIN, then Enter."))
        self.pin_input.setPlaceholderText(self.tr("PIN"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
