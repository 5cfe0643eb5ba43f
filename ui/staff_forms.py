"""The staff list's small forms (issue 13): a new user, a new PIN, my own PIN, the first manager.

One :class:`StaffForm` serves them all: the fields asked depend on the form
(name, role, old PIN), the new PIN is always typed twice and never shown.  OK
runs the service off the GUI thread (a PIN's Argon2id hash is a tenth of a
second, checking the old one another), and a refusal is said in red under the
fields, the field at fault outlined, the form kept open with what was typed —
nothing is changed.  :func:`offer_first_manager` is what a new shop's window
shows at its first start, when the store has no active manager.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.clock import SystemClock
from pos.staff.services import staff_admin
from pos.staff.services.pin_check import PinLockedError, PinRefusedError
from pos.staff.services.staff_admin import StaffError
from ui.background import error_text, run_in_background
from ui.live_text import Text, live, live_title, word, worded
from ui.style import RED, TOUCH_HEIGHT
from ui.widgets import named

if TYPE_CHECKING:
    from ui.main_window import CounterWindow

FORM_STYLE = "QLabel { font-size: 13pt; } QComboBox { font-size: 14pt; }"


@dataclass(frozen=True)
class StaffEntry:
    """What was typed in a form (fields it does not ask are empty)."""

    name: str = ""
    role: str = "cashier"
    old_pin: str = ""
    new_pin: str = ""


def problem_text(error: Exception) -> str:
    """A refusal as a cashier reads it, in the language on screen."""
    if isinstance(error, PinLockedError):
        return str(error)  # already Thai and English, with the time to wait
    if isinstance(error, PinRefusedError):
        return QCoreApplication.translate(
            "Staff", "The old PIN is wrong: {left} tries left."
        ).format(left=error.tries_left)
    if not isinstance(error, StaffError):
        return error_text(error)
    texts = {
        "name_empty": QCoreApplication.translate("Staff", "Type the name."),
        "name_text": QCoreApplication.translate(
            "Staff", "The name has a character the till cannot take: type it again."
        ),
        "name_long": QCoreApplication.translate(
            "Staff", "The name is too long: at most 100 characters."
        ),
        "name_taken": QCoreApplication.translate("Staff", "There is already a user called {name}."),
        "role": QCoreApplication.translate("Staff", "Choose cashier or manager."),
        "pin_rule": QCoreApplication.translate("Staff", "A PIN is 4 to 8 digits."),
        "has_manager": QCoreApplication.translate(
            "Staff", "There is already a manager: ask them to add you."
        ),
        "already": QCoreApplication.translate("Staff", "Nothing to change: {name} is already so."),
        "last_manager": QCoreApplication.translate(
            "Staff", "{name} is the last active manager: add another manager first."
        ),
        "same_pin": QCoreApplication.translate(
            "Staff", "The new PIN is the old one: choose another."
        ),
        "not_manager": QCoreApplication.translate(
            "Staff", "Only a manager changes the staff list."
        ),
        "no_user": QCoreApplication.translate("Staff", "That user is not known here."),
        "head_office": QCoreApplication.translate("Staff", "Staff are managed at the head office."),
    }
    return texts.get(error.code, str(error)).format(name=error.subject)


def _pin_field() -> QLineEdit:
    field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    field.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
    return field


def _button(text: Callable[[], str]) -> QPushButton:
    button = QPushButton()
    worded(button, text)
    button.setMinimumHeight(TOUCH_HEIGHT)
    button.setMinimumWidth(160)
    return button


class StaffForm(QDialog):
    """Name / role / old PIN (as the form asks), the new PIN twice, OK and Cancel."""

    def __init__(
        self,
        title: Text,
        submit: Callable[[StaffEntry], object],
        parent: QWidget | None = None,
        *,
        name: bool = False,
        role: bool = False,
        old_pin: bool = False,
        hint: Text = "",
    ):
        super().__init__(parent)
        live_title(self, lambda: word(title))  # every text follows F9, the form open
        self.setStyleSheet(FORM_STYLE)
        self._submit = submit
        self.outcome: object = None  # what the service returned, once accepted
        self.name_input = QLineEdit(maxLength=100)
        self.role_box = QComboBox()
        self.role_box.setMinimumHeight(TOUCH_HEIGHT)
        self.role_box.addItem("", "cashier")
        self.role_box.addItem("", "manager")
        live(self.role_box, self._word_roles)
        self.old_pin, self.new_pin, self.again = _pin_field(), _pin_field(), _pin_field()
        self.error = named(QLabel(wordWrap=True), "staffFormError")
        self.error.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.ok_button, self.cancel_button = (
            _button(lambda: QCoreApplication.translate("Staff", "OK")),
            _button(lambda: QCoreApplication.translate("Staff", "Cancel")),
        )
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        self._lay_out(title, hint, name=name, role=role, old_pin=old_pin)
        self.setMinimumWidth(560)

    def _word_roles(self) -> None:
        self.role_box.setItemText(0, QCoreApplication.translate("Staff", "Cashier"))
        self.role_box.setItemText(1, QCoreApplication.translate("Staff", "Manager"))

    def _lay_out(self, title: Text, hint: Text, *, name: bool, role: bool, old_pin: bool) -> None:
        heading = worded(QLabel(), lambda: word(title))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        form = QFormLayout()
        rows = [
            (name, lambda: QCoreApplication.translate("Staff", "Name"), self.name_input),
            (role, lambda: QCoreApplication.translate("Staff", "Role"), self.role_box),
            (old_pin, lambda: QCoreApplication.translate("Staff", "Old PIN"), self.old_pin),
            (
                True,
                lambda: QCoreApplication.translate("Staff", "New PIN (4 to 8 digits)"),
                self.new_pin,
            ),
            (True, lambda: QCoreApplication.translate("Staff", "New PIN again"), self.again),
        ]
        self._fields = [widget for wanted, _, widget in rows if wanted]
        for wanted, label, widget in rows:
            if wanted:
                form.addRow(worded(QLabel(), label), widget)
            else:
                widget.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        if hint:
            column.addWidget(worded(QLabel(wordWrap=True), lambda: word(hint)))
        column.addLayout(form)
        column.addWidget(self.error)
        column.addLayout(buttons)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)  # type: ignore[arg-type]
        self._fields[0].setFocus()

    def entry(self) -> StaffEntry:
        return StaffEntry(
            name=self.name_input.text(),
            role=str(self.role_box.currentData()),
            old_pin=self.old_pin.text(),
            new_pin=self.new_pin.text(),
        )

    def confirm(self) -> None:
        """Check the two new PINs agree, then run the service off the GUI thread."""
        self._mark(None)
        if self.new_pin.text() != self.again.text():
            self.error.setText(
                QCoreApplication.translate("Staff", "The two new PINs differ: type them again.")
            )
            self._mark(self.again)
            return
        entry = self.entry()
        self.ok_button.setEnabled(False)
        self.error.setText(QCoreApplication.translate("Staff", "Saving…"))
        run_in_background(self, lambda: self._submit(entry), self._done, self._refused)

    def _done(self, outcome: object) -> None:
        self.outcome = outcome
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        self.error.setText(problem_text(error))
        field = getattr(error, "field", "old PIN" if isinstance(error, PinRefusedError) else "")
        widget = {"name": self.name_input, "old PIN": self.old_pin, "role": self.role_box}.get(
            field, self.new_pin if "PIN" in field else None
        )
        self._mark(widget)

    def _mark(self, widget: QWidget | None) -> None:
        for field in (self.name_input, self.old_pin, self.new_pin, self.again):
            field.setProperty("refused", field is widget)
            field.style().polish(field)
        if widget is not None:
            widget.setFocus()


def offer_first_manager(window: CounterWindow, context: AppContext) -> StaffForm | None:
    """A new shop (no active manager, no head office): ask for the first manager, at once."""
    factory = context.uow_factory
    if not staff_admin.needs_first_manager(factory) or not staff_admin.managed_here(factory):
        return None
    form = StaffForm(
        lambda: QCoreApplication.translate("Staff", "Welcome: the shop's first manager"),
        lambda entry: staff_admin.add_first_manager(
            factory, SystemClock(), name=entry.name, pin=entry.new_pin
        ),
        window.window(),
        name=True,
        hint=lambda: QCoreApplication.translate(
            "Staff", "There is no manager yet. Add the first one; they then add the cashiers."
        ),
    )

    def finished(result: int) -> None:
        window.login.load_users()
        if result != QDialog.DialogCode.Accepted:
            window.login.message.setText(
                QCoreApplication.translate(
                    "Staff", "No manager yet: start the app again to add one, or ask for help."
                )
            )
        window.activateWindow()
        window.login.pin_input.setFocus()  # the new manager types the PIN and is in

    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    form.finished.connect(finished)
    form.open()
    return form
