"""Shop settings: typed, with defaults, stored as key → JSON in the database.

Settings live in the store (table ``setting``) rather than a file so that they
change in the same durable transactions as everything else and can later come
down from the head office.  :class:`Settings` is the typed view; missing keys
take the defaults below, unknown keys are kept untouched for newer versions.
Each field is converted by its entry in ``_CODECS``: add a field there and in
the dataclass to add a setting.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pos.catalogue.domain.barcodes import BarcodeRules
from pos.ids import TerminalId
from pos.money import CashRounding
from pos.printing.domain.printer_settings import PrinterSettings, ReceiptHeader
from pos.reports.domain.report_settings import CommissionRates, SalesTarget, ShiftRules
from pos.sale.domain.promptpay import checked_target_setting
from pos.sale.domain.schemes import SchemeBook
from pos.sale.domain.vat import DEFAULT_VAT_SCHEDULE, VatSchedule
from pos.sync.domain.sync_settings import SyncSettings

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
    # shifts and manager reports (issue 6): cash tolerance, day start, commission, targets
    shift_rules: ShiftRules = field(default_factory=ShiftRules)
    commission: CommissionRates = field(default_factory=CommissionRates)
    sales_target: SalesTarget = field(default_factory=SalesTarget)
    # the head office (issue 7): its address, the nightly time; the token is a file (sync_settings)
    sync: SyncSettings = field(default_factory=SyncSettings)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _identity(value: Any) -> Any:
    return value


def _strict_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, not {value!r}")
    return value


_Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]  # (to JSON, from JSON)

_CODECS: dict[str, _Codec] = {
    "terminal_id": (_identity, str),
    "cash_rounding": (lambda v: v.as_setting(), lambda j: CashRounding.from_setting(str(j))),
    "vat_schedule": (lambda v: v.to_setting(), VatSchedule.from_setting),
    "barcode_rules": (lambda v: v.to_setting(), BarcodeRules.from_setting),
    "idle_lock_minutes": (_identity, int),
    "discount_limit_basis_points": (_identity, int),
    "receipt_header": (lambda v: v.to_setting(), ReceiptHeader.from_setting),
    "receipt_printer": (lambda v: v.to_setting(), PrinterSettings.from_setting),
    "label_printer": (lambda v: v.to_setting(), PrinterSettings.from_setting),
    "schemes": (lambda v: v.to_setting(), SchemeBook.from_setting),
    "promptpay_target": (_identity, lambda j: checked_target_setting(str(j))),
    "scanner_serial_port": (_identity, str),
    "scanner_serial_baudrate": (_identity, int),
    "wedge_max_key_gap_ms": (_identity, int),
    "customer_display": (_identity, _strict_bool),
    "shift_rules": (lambda v: v.to_setting(), ShiftRules.from_setting),
    "commission": (lambda v: v.to_setting(), CommissionRates.from_setting),
    "sales_target": (lambda v: v.to_setting(), SalesTarget.from_setting),
    "sync": (lambda v: v.to_setting(), SyncSettings.from_setting),
}


def settings_to_items(settings: Settings) -> dict[str, Any]:
    """Each setting as a JSON-serialisable value, keyed by field name."""
    return {name: to_json(getattr(settings, name)) for name, (to_json, _) in _CODECS.items()}


def settings_from_items(items: Mapping[str, Any]) -> Settings:
    """Build settings from stored values; a bad value raises ValueError naming its key."""
    values: dict[str, Any] = {}
    for name, (_, from_json) in _CODECS.items():
        if name in items:
            try:
                values[name] = from_json(items[name])
            except (ValueError, TypeError, KeyError, AssertionError) as error:
                raise ValueError(f"setting {name!r} has a bad value: {error}") from error
    return Settings(**values)
