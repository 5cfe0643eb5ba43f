"""Printer settings: how to reach the receipt (or label) printer, paper width, mode, a test print.

Open it from anywhere with the app context::

    PrinterSettingsDialog(context, parent=window).exec()

``settings_saved`` is emitted after a save (connect the print worker's
``wake`` so waiting receipts are tried on the new printer at once).  Saving is
audited (``user_id``: who changed it).  The test
print runs on a worker thread (:mod:`ui.background`) and reports back on the
GUI thread, so a dead printer never freezes the till.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.clock import SystemClock
from pos.ids import UserId
from pos.printing.domain.print_queue import PrinterRole
from pos.printing.domain.printer_settings import (
    CP874_SLOTS,
    ConnectionKind,
    PrinterSettings,
    PrintMode,
)
from pos.printing.services.receipt_settings import save_printer
from pos.settings.domain.rules import IntRule, Rule
from pos.settings.domain.schema import BAUD_RATES, PRINTER_FIELDS, SPECS, SettingError
from receipts.connections import EscposTransport, PrinterError
from receipts.escpos_output import document_to_escpos
from receipts.samples import header_from_settings, test_print_document
from ui.background import report_unhandled, run_in_background
from ui.live_text import live, live_title, live_tooltip, status_label_follows, worded
from ui.status_line import say

Items = list[tuple[object, str]]


def connections() -> Items:
    """The kinds of connection, worded in the screen's language (as are papers(), modes())."""
    return [
        (
            ConnectionKind.NONE,
            QCoreApplication.translate("PrinterSettingsDialog", "No printer yet"),
        ),
        (
            ConnectionKind.NETWORK,
            QCoreApplication.translate("PrinterSettingsDialog", "Network (LAN, port 9100)"),
        ),
        (ConnectionKind.USB, "USB"),
        (ConnectionKind.SERIAL, QCoreApplication.translate("PrinterSettingsDialog", "Serial port")),
        (
            ConnectionKind.FILE,
            QCoreApplication.translate("PrinterSettingsDialog", "File/device (/dev/usb/lp0)"),
        ),
    ]


def papers() -> Items:
    return [
        (576, QCoreApplication.translate("PrinterSettingsDialog", "80 mm (576 dots)")),
        (384, QCoreApplication.translate("PrinterSettingsDialog", "58 mm (384 dots)")),
        (512, QCoreApplication.translate("PrinterSettingsDialog", "80 mm, narrow head (512 dots)")),
    ]


def modes() -> Items:
    return [
        (
            PrintMode.RASTER,
            QCoreApplication.translate("PrinterSettingsDialog", "Picture (Thai always right)"),
        ),
        (PrintMode.TEXT, QCoreApplication.translate("PrinterSettingsDialog", "Text (CP874)")),
    ]


def drawers() -> Items:
    return [
        (2, QCoreApplication.translate("PrinterSettingsDialog", "Pin 2")),
        (5, QCoreApplication.translate("PrinterSettingsDialog", "Pin 5")),
        (0, QCoreApplication.translate("PrinterSettingsDialog", "No drawer")),
    ]


BUTTON_HEIGHT = 48


class PrinterSettingsDialog(QDialog):
    settings_saved = Signal(object)  # the PrinterSettings saved

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        role: PrinterRole = PrinterRole.RECEIPT,
        user_id: UserId | None = None,  # who changes it, for the audit trail
    ):
        super().__init__(parent)
        self._context, self._role, self._user_id = context, role, user_id
        live_title(
            self,
            lambda: (
                self.tr("Receipt printer settings")
                if role is PrinterRole.RECEIPT
                else self.tr("Label printer settings")
            ),
        )
        self.setMinimumWidth(520)
        self._build()
        self._show(self._stored())

    # --- widgets --------------------------------------------------------------------------
    def _build(self) -> None:
        self._build_connection()
        self._build_output()
        self._lay_out()

    def _build_connection(self) -> None:
        """How the printer is reached: one page of fields per kind of connection."""
        self.connection = _combo(connections)
        self.host = QLineEdit(placeholderText="192.168.1.50")
        self.port = _spin(PRINTER_FIELDS["port"])
        self.usb_vendor = QLineEdit(placeholderText="04b8")
        self.usb_product = QLineEdit(placeholderText="0e15")
        self.serial_device = QLineEdit(placeholderText="/dev/ttyUSB0")
        self.baudrate = _combo(lambda: [(b, str(b)) for b in BAUD_RATES])
        self.device_path = QLineEdit(placeholderText="/dev/usb/lp0")
        self.pages = QStackedWidget()
        usb: Rows = [
            (lambda: self.tr("USB vendor ID"), self.usb_vendor),
            (lambda: self.tr("USB product ID"), self.usb_product),
        ]
        serial: Rows = [
            (lambda: self.tr("Device"), self.serial_device),
            (lambda: self.tr("Speed"), self.baudrate),
        ]
        network: Rows = [
            (lambda: self.tr("Address (IP)"), self.host),
            (lambda: self.tr("Port"), self.port),
        ]
        self._pages = {
            ConnectionKind.NONE: _page([]),
            ConnectionKind.NETWORK: _page(network),
            ConnectionKind.USB: _page(usb),
            ConnectionKind.SERIAL: _page(serial),
            ConnectionKind.FILE: _page([(lambda: self.tr("File/device"), self.device_path)]),
        }
        for page in self._pages.values():
            self.pages.addWidget(page)
        self.connection.currentIndexChanged.connect(self._connection_changed)

    def _build_output(self) -> None:
        """What it prints on and how, and the buttons."""
        self.paper = _combo(papers)
        self.mode = _combo(modes)
        self.code_page = _spin(PRINTER_FIELDS["code_page"])
        slots = ", ".join(map(str, CP874_SLOTS))
        live_tooltip(
            self.code_page, lambda: self.tr("The printer's CP874 slot: {slots}").format(slots=slots)
        )
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.cut = worded(QCheckBox(), lambda: self.tr("Cut the paper at the end"))
        self.drawer = _combo(drawers)
        self.check_status = worded(
            QCheckBox(),
            lambda: self.tr("Ask the printer's state (paper, cover) before and after printing"),
        )
        self.status = status_label_follows(QLabel(wordWrap=True))
        self.status.setObjectName("printerStatus")
        self.test_button = worded(_button("", self._test_print), lambda: self.tr("Test print"))
        self.save_button = worded(_button("", self._save), lambda: self.tr("Save"))
        self.cancel_button = worded(_button("", self.reject), lambda: self.tr("Cancel"))

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(worded(QLabel(), lambda: self.tr("Connection")), self.connection)
        form.addRow(self.pages)
        form.addRow(worded(QLabel(), lambda: self.tr("Paper")), self.paper)
        form.addRow(worded(QLabel(), lambda: self.tr("Print mode")), self.mode)
        form.addRow(worded(QLabel(), lambda: self.tr("Code page (ESC t)")), self.code_page)
        form.addRow(worded(QLabel(), lambda: self.tr("Cash drawer")), self.drawer)
        form.addRow(self.cut)
        form.addRow(self.check_status)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.save_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def _connection_changed(self) -> None:
        self.pages.setCurrentWidget(self._pages[ConnectionKind(self.connection.currentData())])

    def _mode_changed(self) -> None:
        self.code_page.setEnabled(self.mode.currentData() == PrintMode.TEXT.value)

    # --- settings in and out --------------------------------------------------------------
    def _stored(self) -> PrinterSettings:
        settings = self._context.settings()
        return (
            settings.label_printer if self._role is PrinterRole.LABEL else settings.receipt_printer
        )

    def _show(self, printer: PrinterSettings) -> None:
        _select(self.connection, printer.connection)
        self.host.setText(printer.host)
        self.port.setValue(printer.port)
        self.usb_vendor.setText(f"{printer.usb_vendor_id:04x}")
        self.usb_product.setText(f"{printer.usb_product_id:04x}")
        self.serial_device.setText(printer.serial_device)
        _select(self.baudrate, printer.baudrate)
        self.device_path.setText(printer.device_path)
        _select(self.paper, printer.paper_width_dots)
        _select(self.mode, printer.mode)
        self.code_page.setValue(printer.code_page)
        self.cut.setChecked(printer.cut)
        _select(self.drawer, printer.drawer_pin)
        self.check_status.setChecked(printer.check_status)
        self._connection_changed()
        self._mode_changed()

    def entered_settings(self) -> PrinterSettings:
        """The settings as entered, checked by the schema; ValueError names what is wrong."""
        printer = self._entered()
        key = "label_printer" if self._role is PrinterRole.LABEL else "receipt_printer"
        try:
            SPECS[key].decode(printer.to_setting())  # the ranges the store holds it to
        except SettingError as error:
            raise ValueError(f"{error.problem} (allowed: {error.allowed})") from None
        return printer

    def _entered(self) -> PrinterSettings:
        try:
            vendor, product = int(self.usb_vendor.text(), 16), int(self.usb_product.text(), 16)
        except ValueError:
            raise ValueError("USB vendor/product ID: 4 hex digits, e.g. 04b8") from None
        return PrinterSettings(
            connection=ConnectionKind(self.connection.currentData()),
            host=self.host.text().strip(),
            port=self.port.value(),
            usb_vendor_id=vendor,
            usb_product_id=product,
            serial_device=self.serial_device.text().strip(),
            baudrate=self.baudrate.currentData(),
            device_path=self.device_path.text().strip(),
            paper_width_dots=self.paper.currentData(),
            mode=PrintMode(self.mode.currentData()),
            code_page=self.code_page.value(),
            cut=self.cut.isChecked(),
            drawer_pin=self.drawer.currentData(),
            check_status=self.check_status.isChecked(),
            timeout_seconds=self._stored().timeout_seconds,
        )

    def _entered_or_say_why(self) -> PrinterSettings | None:
        try:
            return self.entered_settings()
        except ValueError as error:
            problem = str(error)  # kept: the line is worded again at F9
            say(
                self.status,
                lambda: self.tr("The settings are not right: {problem}").format(problem=problem),
            )
            return None

    def _save(self) -> None:
        printer = self._entered_or_say_why()
        if printer is None:
            return
        save_printer(
            self._context.uow_factory,
            printer,
            role=self._role,
            user_id=self._user_id,
            clock=SystemClock(),
        )
        self.settings_saved.emit(printer)
        self.accept()

    # --- test print -----------------------------------------------------------------------
    def _test_print(self) -> None:
        printer = self._entered_or_say_why()
        if printer is None:
            return
        if printer.connection is ConnectionKind.NONE:
            say(self.status, lambda: self.tr("Choose the connection before a test print"))
            return
        settings = self._context.settings()
        header = header_from_settings(settings.receipt_header, pos_id=settings.terminal_id)
        document = test_print_document(printer, header, SystemClock().now())
        data = document_to_escpos(document, printer)  # drawn here: Qt fonts on this thread
        self.test_button.setEnabled(False)
        say(
            self.status,
            lambda: self.tr("Test printing on {printer} …").format(printer=printer.describe()),
        )
        done = self.tr("Test print done ({size} bytes)").format(size=f"{len(data):,}")
        run_in_background(
            self,
            lambda: EscposTransport(printer).send_job(data),
            lambda _: self._on_test_finished(True, done),
            self._test_failed,
            name="test-print",
        )

    def _test_failed(self, error: Exception) -> None:
        if not isinstance(error, PrinterError):
            report_unhandled(error)  # a bug, not the printer: reported as before, not shown
            return
        self._on_test_finished(False, str(error))

    def _on_test_finished(self, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        failed = self.tr("Cannot print: {problem}").format(problem=message)
        self.status.setText(message if ok else failed)


def _combo(items: Callable[[], Items]) -> QComboBox:
    """A combo box whose items carry values (enums are stored as their plain value); their
    words are asked of ``items`` again at F9, the choice stays."""
    combo = QComboBox()
    combo.setMinimumHeight(BUTTON_HEIGHT - 8)
    for value, label in items():
        combo.addItem(label, _plain(value))

    def reword() -> None:
        for index, (_, label) in enumerate(items()):
            combo.setItemText(index, label)

    live(combo, reword)
    return combo


def _plain(value: object) -> object:
    return value.value if isinstance(value, enum.Enum) else value


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(_plain(value))
    combo.setCurrentIndex(max(0, index))


def _spin(rule: Rule) -> QSpinBox:
    """A spin box over the schema's range for the field (an IntRule)."""
    assert isinstance(rule, IntRule)
    spin = QSpinBox()
    spin.setRange(rule.low, rule.high)
    spin.setMinimumHeight(BUTTON_HEIGHT - 8)
    return spin


Rows = Sequence[tuple[Callable[[], str], QWidget]]


def _page(rows: Rows) -> QWidget:
    page = QWidget()
    form = QFormLayout(page)
    form.setContentsMargins(0, 0, 0, 0)
    for label, widget in rows:
        form.addRow(worded(QLabel(), label), widget)
    return page


def _button(text: str, slot: object) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(BUTTON_HEIGHT)
    button.clicked.connect(slot)
    return button


def open_printer_settings(context: AppContext, parent: QWidget | None = None) -> bool:
    """Show the dialog modally; True if the settings were saved."""
    return PrinterSettingsDialog(context, parent).exec() == QDialog.DialogCode.Accepted
