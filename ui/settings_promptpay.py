"""The settings screen's PromptPay page: the shop's PromptPay ID (setting ``promptpay_target``).

A mobile number, a 13-digit tax or national ID (check digit verified) or a
15-digit e-wallet ID, checked by the settings schema
(:func:`pos.sale.domain.promptpay.checked_target_setting`); empty means the
counter takes no PromptPay.  A valid ID is drawn as a QR without an amount,
so the manager can scan it with a banking app and see the shop's account
name before the first customer pays.  The payment screen reads the ID at
each payment, so a saved ID works at the next QR, without a restart.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from pos.bootstrap import AppContext
from pos.ids import UserId
from pos.sale.domain.promptpay import PromptPayError, payload
from pos.settings.domain.schema import SettingError
from pos.settings.services.change import save_settings
from ui.qr_image import qr_image
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

KEY = "promptpay_target"
CHECK_QR_PIXELS = 200


class PromptPaySettingsPage(SettingsPage):
    """The shop's PromptPay ID, with a QR to check it."""

    def __init__(self, context: AppContext, user_id: UserId, parent: QWidget | None = None):
        super().__init__(context, user_id, parent)
        self.target = named(QLineEdit(), "promptPayTarget")
        self.target.setMaxLength(60)  # the schema's limit (40) is said, not cut; this stops a paste
        self.hint = hint_label()
        self.error = error_label()
        self.label = QLabel()
        form = new_form()
        form.addRow(self.label, field_with_error(self.target, self.error, self.hint))
        self.column.addLayout(form)
        self.qr = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "promptPayCheckQr")
        self.qr.setMinimumSize(CHECK_QR_PIXELS, CHECK_QR_PIXELS)
        self.qr_caption = hint_label()
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(self.qr)
        self.column.addWidget(self.qr_caption)
        self.column.addStretch(1)
        self.target.setText(context.settings().promptpay_target)
        self.target.textChanged.connect(self._draw_check_qr)
        self.target.textChanged.connect(lambda _: say(self.error, ""))  # said for what was typed
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("PromptPay"))
        self.label.setText(self.tr("PromptPay ID"))
        self.target.setPlaceholderText(self.tr("e.g. 0812345678"))
        self.hint.setText(
            self.tr(
                "The shop's mobile number, 13-digit tax ID or 15-digit e-wallet ID."
                " Leave it empty to take no PromptPay."
            )
        )
        self._draw_check_qr()

    def _draw_check_qr(self) -> None:
        text = self.target.text().strip()
        try:
            image = qr_image(payload(text), CHECK_QR_PIXELS) if text else None
        except PromptPayError:
            image = None
        self.qr.setPixmap(QPixmap.fromImage(image) if image is not None else QPixmap())
        self.qr_caption.setText(
            self.tr("Scan this with a banking app: it must show the shop's account name.")
            if image is not None
            else ""
        )

    def save(self) -> bool:
        say(self.error, "")
        try:
            saved = save_settings(
                self.context.uow_factory, {KEY: self.target.text()}, user_id=self.user_id
            )
        except SettingError as error:
            self._refused(error)
            return False
        self.target.setText(saved.promptpay_target)
        return True

    def _refused(self, error: SettingError) -> None:
        advice = self.tr(
            "This is not a PromptPay ID: use a mobile number (e.g. 081-234-5678),"
            " a 13-digit tax or national ID, or a 15-digit e-wallet ID."
        )
        detail = setting_error_text(error, self.tr("PromptPay ID"))
        say(self.error, f"{advice}\n{detail}")
        self.target.setFocus()
