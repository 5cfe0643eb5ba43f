"""Shop settings: typed, with defaults, stored as key → JSON in the database.

Settings live in the store (table ``setting``) rather than a file so that they
change in the same durable transactions as everything else and can later come
down from the head office.  :class:`Settings` is the typed view; missing keys
take the defaults below, unknown keys are kept untouched for newer versions.
Each field is checked and converted by its entry in
:data:`pos.settings.domain.schema.SCHEMA`: add a field there and in the
dataclass to add a setting.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pos.catalogue.domain.barcodes import BarcodeRules
from pos.ids import TerminalId
from pos.money import CashRounding
from pos.printing.domain.printer_settings import PrinterSettings, ReceiptHeader
from pos.reports.domain.report_settings import CommissionRates, SalesTarget, ShiftRules
from pos.sale.domain.schemes import SchemeBook
from pos.sale.domain.vat import DEFAULT_VAT_SCHEDULE, VatSchedule
from pos.settings.domain.schema import SCHEMA, SettingError
from pos.sync.domain.sync_settings import SyncSettings
from pos.till.domain.idle_display import IdleDisplay

DEFAULT_TERMINAL_ID = TerminalId("POS01")  # the POS ID the Revenue Department approved (ภ.พ.06)


@dataclass(frozen=True)
class Settings:
    """Everything the counter can be configured with."""

    terminal_id: TerminalId = DEFAULT_TERMINAL_ID
    cash_rounding: CashRounding = CashRounding.NONE
    vat_schedule: VatSchedule = DEFAULT_VAT_SCHEDULE
    barcode_rules: BarcodeRules = field(default_factory=BarcodeRules)
    idle_lock_minutes: int = 5
    discount_limit_basis_points: int = 1000  # above 10% a manager approves
    # receipts and printing (issue 5)
    receipt_header: ReceiptHeader = field(default_factory=ReceiptHeader)
    receipt_printer: PrinterSettings = field(default_factory=PrinterSettings)
    label_printer: PrinterSettings = field(default_factory=PrinterSettings)
    # payments (issue 4): government schemes taken as tenders, the shop's PromptPay ID
    schemes: SchemeBook = field(default_factory=SchemeBook)
    promptpay_target: str = ""  # mobile number, tax ID or e-wallet ID; "" = no PromptPay
    # --- the sale screen (issue 3) ---
    scanner_serial_port: str = ""  # e.g. /dev/ttyUSB0 or /dev/ttyACM0; empty = no serial scanner
    scanner_serial_baudrate: int = 9600
    wedge_max_key_gap_ms: int = 35  # keys closer than this, then Enter, are a scanner's burst
    customer_display: bool = True  # on a second screen when one is connected
    # between sales: the shop's announcements in turn and a QR poster (issue 13)
    customer_display_idle: IdleDisplay = field(default_factory=IdleDisplay)
    # shifts and manager reports (issue 6): cash tolerance, day start, commission, targets
    shift_rules: ShiftRules = field(default_factory=ShiftRules)
    commission: CommissionRates = field(default_factory=CommissionRates)
    sales_target: SalesTarget = field(default_factory=SalesTarget)
    # the head office (issue 7): its address, the nightly time; the token is a file (sync_settings)
    sync: SyncSettings = field(default_factory=SyncSettings)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def settings_to_items(settings: Settings) -> dict[str, Any]:
    """Each setting as a JSON-serialisable value, keyed by field name."""
    return {spec.key: spec.encode(getattr(settings, spec.key)) for spec in SCHEMA}


def settings_from_items(items: Mapping[str, Any]) -> Settings:
    """Build settings from stored values; a bad value raises :class:`SettingError` naming it."""
    values = {spec.key: spec.decode(items[spec.key]) for spec in SCHEMA if spec.key in items}
    return Settings(**values)


def settings_from_stored(items: Mapping[str, Any]) -> tuple[Settings, list[SettingError]]:
    """Build settings from what the store holds, a bad value replaced by its default.

    The counter must start even when a value was stored by an older version, by
    hand or before the schema: each refused value is returned, for a warning.
    """
    values: dict[str, Any] = {}
    problems: list[SettingError] = []
    for spec in SCHEMA:
        if spec.key in items:
            try:
                values[spec.key] = spec.decode(items[spec.key])
            except SettingError as error:
                problems.append(error)
    return Settings(**values), problems


def checked_items(settings: Settings) -> dict[str, Any]:
    """The settings as JSON values, each checked by the schema (what the store saves).

    A value built in code (a dialog, a service) that the schema would refuse
    raises :class:`SettingError` here, before it is stored.
    """
    items = settings_to_items(settings)
    for spec in SCHEMA:
        spec.decode(items[spec.key])
    return items
