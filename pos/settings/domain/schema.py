"""Every setting in one place: its rule (type and bounds), its codec, and what it is for.

``otop-pos settings set`` checks a value here before anything is stored, and
``settings show`` prints each description and allowed range from here; the
store decodes what it reads through here (a bad stored value becomes the
default, with a warning, so the counter still starts); the settings dialogs
take their field ranges from here and check what was typed here.

Plain dataclasses rather than pydantic: the domain is plain dataclasses with
their own ``to_setting``/``from_setting`` (which keep their checks), pydantic
is only a dependency of the head office's FastAPI, and what is needed — a
rule that names its range in words, per key, used by three callers — is a
few small classes (DECISIONS.md, "Settings have a schema").

To add a setting: a field in :class:`pos.settings.domain.shop_settings.Settings`
and its :class:`SettingSpec` in ``SCHEMA`` (a test fails if they differ).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pos.catalogue.domain.barcodes import BarcodeRules
from pos.catalogue.domain.products import Category
from pos.ids import TerminalId
from pos.money import CashRounding
from pos.printing.domain.printer_settings import (
    PAPER_WIDTHS_DOTS,
    ConnectionKind,
    PrinterSettings,
    PrintMode,
    ReceiptHeader,
)
from pos.reports.domain.report_settings import CommissionRates, SalesTarget, ShiftRules
from pos.sale.domain.numbering import check_terminal_id
from pos.sale.domain.promptpay import checked_target_setting
from pos.sale.domain.schemes import SchemeBook
from pos.sale.domain.vat import VatSchedule
from pos.settings.domain.rules import (
    BoolRule,
    ChoiceRule,
    IntRule,
    ObjectRule,
    Rule,
    RuleError,
    ShapeRule,
    TextRule,
    check_json_texts,
)
from pos.sync.domain.sync_settings import SyncSettings
from pos.till.domain.idle_display import (
    MAX_ANNOUNCEMENT,
    MAX_ANNOUNCEMENTS,
    MAX_CAPTION,
    MAX_POSTER_TEXT,
    IdleDisplay,
)

_BUILD_ERRORS = (ValueError, TypeError, KeyError, AttributeError, AssertionError)
_HH_MM = r"([01]\d|2[0-3]):[0-5]\d"


class SettingError(ValueError):
    """A value refused for ``key``; the message names the key, the problem and the range."""

    def __init__(self, key: str, problem: str, allowed: str):
        self.key, self.problem, self.allowed = key, problem, allowed
        super().__init__(f"setting {key!r} has a bad value: {problem} (allowed: {allowed})")


@dataclass(frozen=True)
class SettingSpec:
    """One setting: its rule, how it becomes the domain's value and back, and what it is for."""

    key: str
    rule: Rule
    description_en: str
    description_th: str
    build: Callable[[Any], Any] = lambda value: value  # checked JSON → the domain's value
    encode: Callable[[Any], Any] = lambda value: value  # the domain's value → JSON
    empty_needs_confirm: bool = False  # [] would remove everything (the co-pay schemes)

    @property
    def allowed(self) -> str:
        return self.rule.allowed

    def decode(self, value: Any) -> Any:
        """The domain's value for this JSON value, or :class:`SettingError`."""
        try:
            checked = self.rule.check(value)  # first: a wrong kind is refused naming the range
            check_json_texts(checked, multiline=getattr(self.rule, "multiline", True))
            return self.build(checked)
        except RuleError as error:
            raise SettingError(self.key, error.problem, error.allowed) from None
        except RecursionError:  # JSON nested deeper than the checks can walk
            raise SettingError(self.key, "the JSON is nested too deeply", self.allowed) from None
        except _BUILD_ERRORS as error:
            problem = f"missing key {error}" if isinstance(error, KeyError) else str(error)
            raise SettingError(self.key, problem, self.allowed) from None


def _to_setting(value: Any) -> Any:
    return value.to_setting()


def _text(max_length: int, pattern: str | None = None, hint: str = "") -> TextRule:
    return TextRule(max_length, pattern=pattern, hint=hint)


def _object(fields: Mapping[str, Rule], shape: str) -> ObjectRule:
    return ObjectRule(fields, shape)


# serial speeds a scanner or printer may use (pyserial's standard rates from 1200 up)
BAUD_RATES: tuple[int, ...] = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
MAX_HEADER_LINE = 200  # the header dialog's limit for one line of the header or footer
MAX_FOOTER_LINES = 6
# the fields of ``receipt_printer`` and ``label_printer``; the printer dialog's ranges are these
PRINTER_FIELDS: dict[str, Rule] = {
    "connection": ChoiceRule(tuple(kind.value for kind in ConnectionKind)),
    "host": _text(253, r"[^\s/]*", "a host name or IP address"),
    "port": IntRule(1, 65535),
    "usb_vendor_id": IntRule(0, 0xFFFF, "0000-ffff in hex"),
    "usb_product_id": IntRule(0, 0xFFFF, "0000-ffff in hex"),
    "serial_device": _text(255, r"(/\S*|COM\d{1,3})?", "a device such as /dev/ttyUSB0"),
    "baudrate": ChoiceRule(BAUD_RATES),
    "device_path": _text(255, r"(/\S*)?", "a path such as /dev/usb/lp0"),
    "paper_width_dots": ChoiceRule(PAPER_WIDTHS_DOTS),
    "mode": ChoiceRule(tuple(mode.value for mode in PrintMode)),
    "code_page": IntRule(0, 255),
    "cut": BoolRule(),
    "drawer_pin": ChoiceRule((2, 5, 0)),
    "check_status": BoolRule(),
    "timeout_seconds": IntRule(1, 120, "seconds"),
}
HEADER_FIELDS: dict[str, Rule] = {
    "name": _text(MAX_HEADER_LINE),
    "address": _text(2 * MAX_HEADER_LINE),
    "tax_id": _text(17, r"[\d -]*", "13 digits"),
    "branch": _text(40),
    "phone": _text(40),
    "vat_registered": BoolRule(),
    "footer": TextRule(MAX_FOOTER_LINES * (MAX_HEADER_LINE + 1), multiline=True),
    "approval_number": _text(30, r"([A-Z0-9][A-Z0-9/-]*)?", "A-Z, 0-9, - and / (ภ.พ.06)"),
}
_SHIFT_FIELDS: dict[str, Rule] = {
    "cash_tolerance_satang": IntRule(0, 100_000, "satang"),
    "day_starts_at": _text(5, _HH_MM, "HH:MM"),
}
_COMMISSION_FIELDS: dict[str, Rule] = {
    "default_basis_points": IntRule(0, 10_000, "basis points, 1000 = 10%"),
    "by_producer": ShapeRule((dict,), "an object: producer group name → basis points 0-10000"),
}
_TARGET_FIELDS: dict[str, Rule] = {
    "category": ChoiceRule(tuple(c.value for c in Category)),
    "yearly_satang": IntRule(0, 10**14, "satang"),
    "year_starts_month": IntRule(1, 12),
}
_SYNC_FIELDS: dict[str, Rule] = {
    "hq_url": _text(200, r"(https?://\S+)?", "empty, or https://host:port"),
    "nightly_at": _text(5, f"({_HH_MM})?", "HH:MM, or empty for none"),
    "after_z": BoolRule(),
}
_BARCODE_FIELDS: dict[str, Rule] = {
    "embedded": ShapeRule((list,), 'a list of ["2x", "weight" or "price"]', list),
    "instore_prefix": _text(2, r"2\d", "two digits 20-29"),
}
_IDLE_DISPLAY_FIELDS: dict[str, Rule] = {
    "announcements": ShapeRule(
        (list,),
        f"a list of at most {MAX_ANNOUNCEMENTS} one-line texts of {MAX_ANNOUNCEMENT} characters",
        str,
    ),
    "poster_text": _text(MAX_POSTER_TEXT),
    "poster_caption": _text(MAX_CAPTION),
    "seconds_each": IntRule(3, 60, "seconds"),
}
_SERIAL_PORT = r"(|/\S*|COM\d{1,3}|[a-z][a-z0-9+.-]*://\S*)"


def _terminal(value: str) -> TerminalId:
    return check_terminal_id(value)


SCHEMA: tuple[SettingSpec, ...] = (
    SettingSpec(
        "terminal_id",
        _text(16, r"[A-Z0-9]{1,16}", "1-16 capital letters or digits"),
        "the POS ID the Revenue Department approved; prefixes every document number",
        "หมายเลขเครื่อง POS ที่กรมสรรพากรอนุมัติ ขึ้นต้นเลขที่เอกสารทุกใบ",
        build=_terminal,
    ),
    SettingSpec(
        "cash_rounding",
        ShapeRule((str, int), "none, 25 or 100 (satang)"),
        "how cash totals are rounded: none, to 25 satang or to the baht",
        "การปัดเศษยอดเงินสด: ไม่ปัด, 25 สตางค์ หรือ 1 บาท",
        build=lambda value: CashRounding.from_setting(str(value)),
        encode=lambda value: value.as_setting(),
    ),
    SettingSpec(
        "vat_schedule",
        ShapeRule((list,), 'a list of ["YYYY-MM-DD", basis points 0-10000], at least one', list),
        "VAT rates by the date they start (700 = 7%)",
        "อัตราภาษีมูลค่าเพิ่มตามวันที่เริ่มใช้ (700 = 7%)",
        build=VatSchedule.from_setting,
        encode=_to_setting,
    ),
    SettingSpec(
        "barcode_rules",
        _object(_BARCODE_FIELDS, 'an object with "embedded" and "instore_prefix"'),
        "the shop's own barcode prefixes: scale labels (weight or price) and in-store codes",
        "รหัสบาร์โค้ดของร้าน: ฉลากตาชั่ง (น้ำหนักหรือราคา) และรหัสภายในร้าน",
        build=BarcodeRules.from_setting,
        encode=_to_setting,
    ),
    SettingSpec(
        "idle_lock_minutes",
        IntRule(0, 720, "minutes; 0 = never lock"),
        "minutes without a key or a touch before the screen locks; 0 = never",
        "ล็อกหน้าจอเมื่อไม่มีการกดหรือแตะครบกี่นาที (0 = ไม่ล็อก)",
    ),
    SettingSpec(
        "discount_limit_basis_points",
        IntRule(0, 10_000, "basis points, 1000 = 10%"),
        "a discount above this needs a manager's PIN",
        "ส่วนลดที่เกินค่านี้ต้องให้ผู้จัดการอนุมัติด้วย PIN",
    ),
    SettingSpec(
        "receipt_header",
        _object(HEADER_FIELDS, "an object: name, address, tax_id, branch, phone, ..."),
        "the centre's name, address, tax ID and branch at the top of documents, and the footer",
        "ชื่อ ที่อยู่ เลขผู้เสียภาษี และสาขาของศูนย์ที่หัวเอกสาร และข้อความท้ายใบเสร็จ",
        build=ReceiptHeader.from_setting,
        encode=_to_setting,
    ),
    SettingSpec(
        "receipt_printer",
        _object(PRINTER_FIELDS, "an object: connection, host, port, baudrate, ..."),
        "how to reach the receipt printer (and the cash drawer on it) and print on it",
        "การเชื่อมต่อและการพิมพ์ของเครื่องพิมพ์ใบเสร็จ (และลิ้นชักเก็บเงิน)",
        build=PrinterSettings.from_setting,
        encode=_to_setting,
    ),
    SettingSpec(
        "label_printer",
        _object(PRINTER_FIELDS, "an object: connection, host, port, baudrate, ..."),
        "how to reach the barcode label printer",
        "การเชื่อมต่อเครื่องพิมพ์ฉลากบาร์โค้ด",
        build=PrinterSettings.from_setting,
        encode=_to_setting,
    ),
    SettingSpec(
        "schemes",
        ShapeRule((list,), "a list of scheme objects ([] only with --confirm-empty)", dict),
        "the government co-pay schemes taken as tenders, with their phases and hours",
        "โครงการรัฐที่รับชำระ (เช่น คนละครึ่ง) พร้อมระยะเวลาและช่วงเวลาที่ใช้ได้",
        build=SchemeBook.from_setting,
        encode=_to_setting,
        empty_needs_confirm=True,
    ),
    SettingSpec(
        "promptpay_target",
        _text(40),
        "the shop's PromptPay ID (mobile number, tax ID or e-wallet); empty = no PromptPay",
        "พร้อมเพย์ของร้าน (เบอร์มือถือ เลขผู้เสียภาษี หรือ e-wallet) ว่าง = ไม่รับพร้อมเพย์",
        build=checked_target_setting,
    ),
    SettingSpec(
        "scanner_serial_port",
        _text(255, _SERIAL_PORT, "empty, a device such as /dev/ttyACM0, or COM3"),
        "the serial (RS-232 or USB virtual COM) barcode scanner; empty = none",
        "พอร์ตอนุกรมของเครื่องสแกนบาร์โค้ด ว่าง = ไม่มี",
    ),
    SettingSpec(
        "scanner_serial_baudrate",
        ChoiceRule(BAUD_RATES),
        "the serial scanner's speed (baud)",
        "ความเร็วพอร์ตอนุกรมของเครื่องสแกน (บอด)",
    ),
    SettingSpec(
        "wedge_max_key_gap_ms",
        IntRule(5, 150, "milliseconds"),
        "keys closer together than this, ended by Enter, are a keyboard scanner's burst",
        "ปุ่มที่กดห่างกันไม่เกินค่านี้แล้วตามด้วย Enter ถือว่ามาจากเครื่องสแกน (มิลลิวินาที)",
    ),
    SettingSpec(
        "customer_display",
        BoolRule(),
        "show the customer display on a second screen when one is connected",
        "แสดงจอลูกค้าบนจอที่สองเมื่อต่ออยู่",
    ),
    SettingSpec(
        "customer_display_idle",
        _object(_IDLE_DISPLAY_FIELDS, "an object: announcements, poster_text, poster_caption, ..."),
        "what the customer display shows between sales: announcements in turn and a QR poster",
        "สิ่งที่จอลูกค้าแสดงระหว่างรอลูกค้า: ประกาศของร้านสลับกัน และโปสเตอร์คิวอาร์",
        build=IdleDisplay.from_setting,
        encode=_to_setting,
    ),
    SettingSpec(
        "shift_rules",
        _object(_SHIFT_FIELDS, "an object: cash_tolerance_satang, day_starts_at"),
        "the cash difference a shift closes with without a manager, and when a day starts",
        "ส่วนต่างเงินสดที่ปิดกะได้โดยไม่ต้องมีผู้จัดการ และเวลาเริ่มวันทำการ",
        build=ShiftRules.from_setting,
        encode=_to_setting,
    ),
    SettingSpec(
        "commission",
        _object(_COMMISSION_FIELDS, "an object: default_basis_points, by_producer"),
        "the centre's commission on consignment sales, with per-group rates",
        "ค่าคอมมิชชันของศูนย์จากสินค้าฝากขาย และอัตราเฉพาะกลุ่มผู้ผลิต",
        build=CommissionRates.from_setting,
        encode=_to_setting,
    ),
    SettingSpec(
        "sales_target",
        _object(_TARGET_FIELDS, "an object: category, yearly_satang, year_starts_month"),
        "the yearly sales target of one category and the month its year starts",
        "เป้ายอดขายรายปีของหมวดสินค้า และเดือนที่เริ่มปี",
        build=SalesTarget.from_setting,
        encode=_to_setting,
    ),
    SettingSpec(
        "sync",
        _object(_SYNC_FIELDS, "an object: hq_url, nightly_at, after_z"),
        "the head office's address, the nightly sync time, and whether a Z report syncs",
        "ที่อยู่สำนักงานใหญ่ เวลาส่งข้อมูลทุกคืน และส่งข้อมูลหลังปิดวัน (Z) หรือไม่",
        build=SyncSettings.from_setting,
        encode=_to_setting,
    ),
)
SPECS: dict[str, SettingSpec] = {spec.key: spec for spec in SCHEMA}


def spec_for(key: str) -> SettingSpec:
    """The setting called ``key``; an unknown key raises ValueError listing the known ones."""
    try:
        return SPECS[key]
    except KeyError:
        raise ValueError(
            f"there is no setting {key!r} (known: {', '.join(sorted(SPECS))})"
        ) from None


def parse_value(key: str, text: str) -> Any:
    """A value as typed on the command line: JSON if it parses, else the text itself.

    Text that looks like JSON (starts with ``{``, ``[`` or ``"``) but does not
    parse is refused with the parser's words, rather than stored as text.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        if text.lstrip()[:1] in ("{", "[", '"'):
            problem = f"that is not valid JSON ({error.msg}, character {error.pos + 1})"
            raise SettingError(key, problem, spec_for(key).allowed) from None
        return text
    except RecursionError:
        raise SettingError(key, "the JSON is nested too deeply", spec_for(key).allowed) from None


def is_empty(value: Any) -> bool:
    """Whether a JSON value holds nothing: the case ``empty_needs_confirm`` guards."""
    return value in ([], {}, "", None)
