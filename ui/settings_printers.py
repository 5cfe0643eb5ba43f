"""The settings screen's Printers page: how each printer is reached, and its dialog.

The receipt and label printers keep their own dialog
(:class:`ui.printer_settings_dialog.PrinterSettingsDialog`: connection, paper,
mode, a test print), opened from here; it saves and audits by itself, and
then the print worker is woken (waiting receipts go to the new printer at
once) and the running counter is told (:meth:`pos.bootstrap.AppContext.settings_changed`).
The page itself has nothing to save.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from pos.bootstrap import AppContext
from pos.ids import UserId
from pos.printing.domain.print_queue import PrinterRole
from pos.printing.domain.printer_settings import ConnectionKind, PrinterSettings
from ui.printer_settings_dialog import PrinterSettingsDialog
from ui.settings_common import SettingsPage, hint_label
from ui.style import TOUCH_HEIGHT
from ui.widgets import named

ROLES = (PrinterRole.RECEIPT, PrinterRole.LABEL)


class PrintersPage(SettingsPage):
    """What each printer is set to, and a button to its settings."""

    def __init__(self, context: AppContext, user_id: UserId, parent: QWidget | None = None):
        super().__init__(context, user_id, parent)
        self.summaries: dict[PrinterRole, QLabel] = {}
        self.buttons: dict[PrinterRole, QPushButton] = {}
        for role in ROLES:
            button = named(QPushButton(), f"{role.value}PrinterButton")
            button.setMinimumHeight(TOUCH_HEIGHT)
            button.clicked.connect(lambda _=False, role=role: self.open_printer(role))
            self.buttons[role], self.summaries[role] = button, hint_label()
            self.column.addWidget(button)
            self.column.addWidget(self.summaries[role])
        self.column.addStretch(1)
        self.dialog: PrinterSettingsDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Printers"))
        self.buttons[PrinterRole.RECEIPT].setText(self.tr("Receipt printer and cash drawer…"))
        self.buttons[PrinterRole.LABEL].setText(self.tr("Barcode label printer…"))
        self.show_summaries()

    def show_summaries(self) -> None:
        settings = self.context.settings()
        for role, printer in (
            (PrinterRole.RECEIPT, settings.receipt_printer),
            (PrinterRole.LABEL, settings.label_printer),
        ):
            self.summaries[role].setText(self._summary(printer))

    def _summary(self, printer: PrinterSettings) -> str:
        where = {
            ConnectionKind.NONE: self.tr("Not set up: documents wait in the print queue."),
            ConnectionKind.NETWORK: self.tr("Network: {host}:{port}"),
            ConnectionKind.USB: self.tr("USB: {vendor:04x}:{product:04x}"),
            ConnectionKind.SERIAL: self.tr("Serial port: {device}"),
            ConnectionKind.FILE: self.tr("Device file: {path}"),
        }[printer.connection]
        return where.format(
            host=printer.host,
            port=printer.port,
            vendor=printer.usb_vendor_id,
            product=printer.usb_product_id,
            device=printer.serial_device,
            path=printer.device_path,
        )

    def open_printer(self, role: PrinterRole) -> PrinterSettingsDialog:
        dialog = PrinterSettingsDialog(self.context, self, role=role, user_id=self.user_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settings_saved.connect(lambda _: self._printer_saved())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _printer_saved(self) -> None:
        self.context.wake_printer()
        self.context.settings_changed()
        self.show_summaries()
