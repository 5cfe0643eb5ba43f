"""The cashier's shift dialogs: open with a float, cash in/out, and the blind close.

Open any of them from the till with the app context and the logged-in user::

    ShiftOpenDialog(context, user, parent=window).exec()
    CashMovementDialog(context, user, CashMovementKind.CASH_OUT, parent=window).exec()
    ShiftCloseDialog(context, user, parent=window).exec()

The close is **blind**: the dialog shows the notes and coins counted and
their total, never what is expected, until the count is stored
(:func:`pos.shifts.services.shift_lifecycle.close_shift`); then it shows expected against
counted per tender, and asks a manager to approve a difference above the
tolerance.  Slow work (the store, a manager's PIN check) runs off the GUI
thread.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.clock import Clock, SystemClock
from pos.ids import CashMovementId, ShiftId, UserId
from pos.money import MoneyFormatError, format_baht, parse_baht
from pos.shifts.domain.cash_control import (
    CashMovementKind,
    Shift,
    TenderKey,
)
from pos.shifts.services.shift_lifecycle import (
    CashMovementRequest,
    CloseShiftRequest,
    OpenShiftRequest,
    approve_shift,
    close_shift,
    current_shift,
    open_shift,
    record_cash_movement,
)
from pos.staff.domain.users import User
from pos.text import TextKind
from ui import text_fields
from ui.background import error_text, run_in_background
from ui.denomination_counter import DenominationCounter
from ui.live_text import (
    live,
    live_placeholder,
    live_text,
    live_title,
    mark_data,
    status_label_follows,
    worded,
)
from ui.manager_widgets import (
    BUTTON_HEIGHT,
    ManagerPin,
    big_button,
    fill_table,
    new_table,
)
from ui.payment_texts import tender_text
from ui.screen_fit import fit_to_screen, scrolling
from ui.status_line import say
from ui.widgets import named


def _user_id(user: User) -> UserId:
    assert user.user_id is not None, "a logged-in user has an id"
    return user.user_id


def confirm_count(parent: QWidget, text: str) -> bool:
    """Ask before the blind count is stored, with Thai buttons (Qt ships no Thai for Yes/No)."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    title = QCoreApplication.translate("ShiftCloseDialog", "Confirm the count")
    box = QMessageBox(QMessageBox.Icon.Question, title, text, yes | no, parent)
    box.button(yes).setText(
        QCoreApplication.translate("ShiftCloseDialog", "Confirm, store the count")
    )
    box.button(no).setText(QCoreApplication.translate("ShiftCloseDialog", "Go back and correct"))
    box.setDefaultButton(yes)
    return box.exec() == yes


def _status_label() -> QLabel:
    label = named(QLabel(wordWrap=True), "status")
    label.setStyleSheet("color: #a40000")
    return status_label_follows(label)


class ShiftOpenDialog(QDialog):
    """Open a shift: the float counted by denomination, or just its amount."""

    shift_opened = Signal(object)  # Shift

    def __init__(
        self,
        context: AppContext,
        user: User,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ):
        super().__init__(parent)
        self._context, self._user, self._clock = context, user, clock or SystemClock()
        live_title(self, lambda: self.tr("Open a shift — the float"))
        self.counter = DenominationCounter()
        self.amount = QLineEdit()
        live_placeholder(self.amount, lambda: self.tr("or type the total, e.g. 2000"))
        self.amount.setMinimumHeight(BUTTON_HEIGHT - 8)
        self.status = _status_label()
        self.open_button = worded(big_button("", self._open), lambda: self.tr("Open the shift"))
        form = QWidget()
        fields = QVBoxLayout(form)
        opener = QHBoxLayout()
        opener.addWidget(worded(QLabel(), lambda: self.tr("Opened by:")))
        opener.addWidget(mark_data(QLabel(user.name)), 1)  # a person's name
        fields.addLayout(opener)
        fields.addWidget(self.counter)
        fields.addWidget(self.amount)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(form))  # the buttons below stay on a 768-px screen
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(worded(big_button("", self.reject), lambda: self.tr("Cancel")))
        layout.addLayout(buttons)
        fit_to_screen(self, QSize(560, form.sizeHint().height() + 2 * BUTTON_HEIGHT))

    def _request(self) -> OpenShiftRequest:
        text = self.amount.text().strip()
        if text:
            return OpenShiftRequest(
                ShiftId(uuid.uuid4()), _user_id(self._user), float_satang=parse_baht(text)
            )
        return OpenShiftRequest(
            ShiftId(uuid.uuid4()), _user_id(self._user), float_count=self.counter.count()
        )

    def _open(self) -> None:
        try:
            shift = open_shift(self._context.uow_factory, self._clock, self._request())
        except (ValueError, MoneyFormatError) as error:
            self.status.setText(str(error))
            return
        self.shift_opened.emit(shift)
        self.accept()


class CashMovementDialog(QDialog):
    """Cash in (change brought in) or cash out (to the safe, petty cash), with its reason."""

    def reasons(self) -> list[str]:
        """The usual reasons offered (any other can be typed), in the screen's language."""
        if self._kind is CashMovementKind.CASH_IN:
            return [self.tr("Change coins brought in"), self.tr("Topping up the float")]
        return [self.tr("Cash taken to the safe"), self.tr("Petty cash expense")]

    def __init__(
        self,
        context: AppContext,
        user: User,
        kind: CashMovementKind,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ):
        super().__init__(parent)
        self._context, self._user, self._kind = context, user, kind
        self._clock = clock or SystemClock()
        live_title(
            self,
            lambda: (
                self.tr("Cash into the drawer")
                if kind is CashMovementKind.CASH_IN
                else self.tr("Cash out of the drawer")
            ),
        )
        self.amount = QLineEdit()
        live_placeholder(self.amount, lambda: self.tr("Amount (baht)"))
        self.reason = QComboBox(editable=True)
        live(self.reason, self._offer_reasons)
        reason_field = self.reason.lineEdit()
        assert reason_field is not None  # an editable combo box always has its line edit
        self.reason_field: QLineEdit = reason_field
        text_fields.watch(self.reason_field, TextKind.REASON, "reason", "เหตุผล")
        self.status = _status_label()
        for widget in (self.amount, self.reason):
            widget.setMinimumHeight(BUTTON_HEIGHT - 8)
        layout = QVBoxLayout(self)
        layout.addWidget(self.amount)
        layout.addWidget(self.reason)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()  # a way out for a finger too, not only Esc
        buttons.addWidget(worded(big_button("", self._save), lambda: self.tr("Save")))
        buttons.addWidget(worded(big_button("", self.reject), lambda: self.tr("Cancel")))
        layout.addLayout(buttons)
        fit_to_screen(self, QSize(480, self.sizeHint().height()))

    def _offer_reasons(self) -> None:
        """The offered reasons in the new language; a reason being typed stays as it is."""
        typed = self.reason.currentText() if self.reason.count() else ""
        offered = typed in [self.reason.itemText(i) for i in range(self.reason.count())]
        self.reason.clear()
        self.reason.addItems(self.reasons())
        if typed and not offered:
            self.reason.setEditText(typed)

    def _save(self) -> None:
        if text_fields.checked(self.reason_field, self.status) is None:
            return
        try:
            request = CashMovementRequest(
                CashMovementId(uuid.uuid4()),
                self._kind,
                parse_baht(self.amount.text()),
                self.reason.currentText(),
                _user_id(self._user),
            )
            record_cash_movement(self._context.uow_factory, self._clock, request)
        except (ValueError, MoneyFormatError) as error:
            self.status.setText(str(error))
            return
        self.accept()


class ShiftCloseDialog(QDialog):
    """The blind count, then expected against counted (see the module docstring)."""

    shift_closed = Signal(object)  # Shift, with its closing

    def __init__(
        self,
        context: AppContext,
        user: User,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ):
        super().__init__(parent)
        self._context, self._user, self._clock = context, user, clock or SystemClock()
        live_title(self, lambda: self.tr("Close the shift — count the drawer"))
        self.setMinimumWidth(560)
        self.shift = current_shift(context.uow_factory)
        self.settings = context.settings()
        self.ask_confirmation: Callable[[str], bool] = self._confirm
        self.pages = QStackedWidget()
        self.pages.addWidget(self._count_page())
        self.pages.addWidget(self._result_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        form = getattr(self, "count_form", None)
        tall = form.sizeHint().height() if form is not None else 0
        fit_to_screen(self, QSize(640, tall + 3 * BUTTON_HEIGHT))  # all of it, if the screen allows

    # --- page 1: the blind count ------------------------------------------------------------
    def _count_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        if self.shift is None:
            outer.addWidget(worded(QLabel(), lambda: self.tr("No shift is open")))
            outer.addWidget(worded(big_button("", self.reject), lambda: self.tr("Close")))
            return page
        self.count_form = QWidget()
        layout = QVBoxLayout(self.count_form)
        outer.addWidget(scrolling(self.count_form))  # the form scrolls, the buttons stay
        opened, number = f"{self.shift.opened_at:%H:%M}", self.shift.number
        intro = QLabel(wordWrap=True)
        live_text(
            intro,
            lambda: self.tr(
                "Shift {number}, opened at {opened} — count all the cash in the drawer"
                " (the float too), then enter how many of each note and coin"
            ).format(number=number, opened=opened),
        )
        layout.addWidget(intro)
        self.counter = DenominationCounter()
        layout.addWidget(self.counter)
        layout.addWidget(self._others_box())
        self.note = QLineEdit()
        live_placeholder(self.note, lambda: self.tr("Note (if any)"))
        text_fields.watch(self.note, TextKind.NOTE, "note", "หมายเหตุ")
        layout.addWidget(self.note)
        self.status = _status_label()
        outer.addWidget(self.status)
        self.confirm_button = worded(
            big_button("", self._submit), lambda: self.tr("Confirm the count")
        )
        self.confirm_button.setObjectName("confirmCount")
        self.cancel_button = named(
            worded(big_button("", self.reject), lambda: self.tr("Cancel")), "cancelCount"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        outer.addLayout(buttons)
        return page

    def _others_box(self) -> QGroupBox:
        box = QGroupBox()
        live(
            box,
            lambda: box.setTitle(
                self.tr("From the card terminal / bank / scheme app (the manager enters, if any)")
            ),
        )
        grid = QGridLayout(box)
        keys = [TenderKey.CARD, TenderKey.PROMPTPAY]
        keys += [TenderKey.scheme(s.code) for s in self.settings.schemes.schemes]
        self.other_fields: dict[str, QLineEdit] = {}
        for row, key in enumerate(keys):
            field = QLineEdit()
            live_placeholder(field, lambda: self.tr("not counted"))
            field.setObjectName(f"other_{key}")
            name = worded(QLabel(), partial(tender_text, key, self.settings.schemes))
            grid.addWidget(name, row, 0)
            grid.addWidget(field, row, 1)
            self.other_fields[key] = field
        return box

    def _confirm(self, text: str) -> bool:
        return confirm_count(self, text)

    def request(self) -> CloseShiftRequest:
        assert self.shift is not None
        others = {
            key: parse_baht(field.text())
            for key, field in self.other_fields.items()
            if field.text().strip()
        }
        return CloseShiftRequest(
            self.shift.shift_id,
            _user_id(self._user),
            self.counter.count(),
            others,
            self.note.text(),
        )

    def _submit(self) -> None:
        if text_fields.checked(self.note, self.status) is None:
            return
        try:
            request = self.request()
        except MoneyFormatError as error:
            self.status.setText(str(error))
            return
        total = format_baht(request.cash_count.total_satang)
        if not self.ask_confirmation(
            self.tr(
                "Cash counted: {total} baht. Confirm? Once confirmed the count cannot be changed."
            ).format(total=total)
        ):
            return
        self.confirm_button.setEnabled(False)
        say(self.status, lambda: self.tr("Saving …"))
        uow_factory, clock = self._context.uow_factory, self._clock
        run_in_background(
            self, lambda: close_shift(uow_factory, clock, request), self._closed, self._failed
        )

    def _failed(self, error: Exception) -> None:
        message = error_text(error)
        self.confirm_button.setEnabled(True)
        self.approve_button.setEnabled(True)
        self.status.setText(message)
        self.result_status.setText(message)

    # --- page 2: the result -----------------------------------------------------------------
    def _result_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QWidget()
        layout = QVBoxLayout(form)
        outer.addWidget(scrolling(form))  # a long tender list scrolls, the button stays
        self.headline = named(QLabel(wordWrap=True), "headline")
        self.headline.setStyleSheet("font-size: 16pt; font-weight: bold")
        self.results: QTableWidget = new_table("results")
        self.approval_box = QGroupBox()
        live(
            self.approval_box,
            lambda: self.approval_box.setTitle(
                self.tr("Difference over the limit: a manager approves")
            ),
        )
        box = QVBoxLayout(self.approval_box)
        self.manager_pin = ManagerPin(self._context)
        self.approve_button = worded(
            big_button("", self._approve), lambda: self.tr("Approve the difference")
        )
        box.addWidget(self.manager_pin)
        box.addWidget(self.approve_button)
        self.result_status = _status_label()
        layout.addWidget(self.headline)
        layout.addWidget(self.results)
        layout.addWidget(self.approval_box)
        outer.addWidget(self.result_status)
        self.done_button = named(
            worded(big_button("", self.accept), lambda: self.tr("Done")), "doneButton"
        )
        outer.addWidget(self.done_button)
        return page

    def _closed(self, shift: Shift) -> None:
        self.shift = shift
        self.pages.setCurrentIndex(1)
        self._show_result(shift)
        self.shift_closed.emit(shift)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        changed = event.type() == QEvent.Type.LanguageChange and self.pages.currentIndex() == 1
        if changed and self.shift is not None and self.shift.closing is not None:
            self._show_result(self.shift)  # the result in the new language
        super().changeEvent(event)

    def _show_result(self, shift: Shift) -> None:
        closing = shift.closing
        assert closing is not None
        rows: list[list[Any]] = [
            [
                tender_text(r.key, self.settings.schemes),
                r.expected_satang,
                r.counted_satang,
                r.difference_satang,
            ]
            for r in closing.results
        ]
        heads = [self.tr("Tender"), self.tr("Expected"), self.tr("Counted"), self.tr("Difference")]
        fill_table(self.results, heads, rows)
        difference = closing.cash.difference_satang or 0
        expected = format_baht(closing.cash.expected_satang)
        if difference == 0:
            text = self.tr("The cash matches what was expected ({expected} baht)")
        elif difference < 0:
            text = self.tr("Cash short by {amount} baht (expected {expected})")
        else:
            text = self.tr("Cash over by {amount} baht (expected {expected})")
        amount = format_baht(abs(difference))
        self.headline.setText(text.format(amount=amount, expected=expected))
        tolerance = self.settings.shift_rules.cash_tolerance_satang
        self.approval_box.setVisible(shift.needs_approval(tolerance))
        if closing.approved_by_user_id is not None:
            say(self.result_status, lambda: self.tr("A manager approved the difference"))

    def _approve(self) -> None:
        approval = self.manager_pin.approval()
        if approval is None or self.shift is None:
            say(self.result_status, lambda: self.tr("Choose the manager and type the PIN"))
            return
        self.approve_button.setEnabled(False)
        uow_factory, clock, shift_id = self._context.uow_factory, self._clock, self.shift.shift_id
        run_in_background(
            self,
            lambda: approve_shift(uow_factory, clock, shift_id, approval),
            self._approved,
            self._failed,
        )

    def _approved(self, shift: Shift) -> None:
        self.shift = shift
        self.approve_button.setEnabled(True)
        self._show_result(shift)
        self.approval_box.setVisible(False)
