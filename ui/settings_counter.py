"""The settings screen's page for the counter's habits: cash rounding and the idle lock.

``cash_rounding``: none, to 25 satang or to the baht (the payment's cash due
and the change; the quote is read at each payment).  ``idle_lock_minutes``:
the screen locks after that long without a key or a touch, 0 = never; its
range is the schema's, and the counter window's idle timer takes the new
value as soon as it is saved (:mod:`pos.settings.services.notices`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QWidget

from pos.bootstrap import AppContext
from pos.ids import UserId
from pos.money import CashRounding
from pos.settings.domain.rules import IntRule
from pos.settings.domain.schema import SPECS, SettingError
from pos.settings.services.change import save_settings
from ui.settings_common import (
    SettingsPage,
    error_label,
    field_with_error,
    hint_label,
    new_form,
    say,
    setting_error_text,
)
from ui.widgets import named

ROUNDINGS = (CashRounding.NONE, CashRounding.QUARTER_BAHT, CashRounding.BAHT)


class CounterPage(SettingsPage):
    """Cash rounding and the minutes before the screen locks."""

    def __init__(self, context: AppContext, user_id: UserId, parent: QWidget | None = None):
        super().__init__(context, user_id, parent)
        settings = context.settings()
        self.rounding = named(QComboBox(), "cashRounding")
        for rounding in ROUNDINGS:
            self.rounding.addItem("", rounding)
        self.rounding.setCurrentIndex(ROUNDINGS.index(settings.cash_rounding))
        self.idle_minutes = named(QSpinBox(), "idleLockMinutes")
        rule = SPECS["idle_lock_minutes"].rule
        assert isinstance(rule, IntRule)
        self.idle_minutes.setRange(rule.low, rule.high)  # the schema's range, nothing else
        self.idle_minutes.setValue(settings.idle_lock_minutes)
        self.rounding_label, self.idle_label = QLabel(), QLabel()
        self.rounding_hint, self.idle_hint = hint_label(), hint_label()
        self.errors = {"cash_rounding": error_label(), "idle_lock_minutes": error_label()}
        form = new_form()
        form.addRow(
            self.rounding_label,
            field_with_error(self.rounding, self.errors["cash_rounding"], self.rounding_hint),
        )
        form.addRow(
            self.idle_label,
            field_with_error(self.idle_minutes, self.errors["idle_lock_minutes"], self.idle_hint),
        )
        self.column.addLayout(form)
        self.column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Cash rounding and screen lock"))
        self.rounding_label.setText(self.tr("Cash rounding"))
        self.idle_label.setText(self.tr("Lock the screen after"))
        names = (self.tr("No rounding"), self.tr("To 25 satang"), self.tr("To the baht"))
        for index, name in enumerate(names):
            self.rounding.setItemText(index, name)
        self.rounding_hint.setText(
            self.tr("Cash totals are rounded this way; card and PromptPay pay the exact amount.")
        )
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.idle_hint.setText(
            self.tr("Minutes without a key or a touch before the screen locks; 0 = never.")
        )

    def values(self) -> dict[str, object]:
        rounding = self.rounding.currentData()
        assert isinstance(rounding, CashRounding)
        return {
            "cash_rounding": rounding.as_setting(),
            "idle_lock_minutes": self.idle_minutes.value(),
        }

    def save(self) -> bool:
        for label in self.errors.values():
            say(label, "")
        try:
            save_settings(self.context.uow_factory, self.values(), user_id=self.user_id)
        except SettingError as error:
            name = self.rounding_label if error.key == "cash_rounding" else self.idle_label
            say(self.errors[error.key], setting_error_text(error, name.text()))
            return False
        return True
