"""The centre's header and footer on every document, and the printers: checked, saved, audited.

What the header and printer settings dialogs call.  A header is checked as
the Revenue Code needs it on a tax invoice (notes §2): the centre's name, its
13-digit tax ID with a valid check digit, head office or the 5-digit branch,
the till's name (``Settings.terminal_id``, "POS ID" in messages: it prefixes
every document number, so a new one starts new number sequences and never
reuses the old ones), and the approval number the Revenue Department gave the
machine (ภ.พ.06), printed on abbreviated tax invoices.  Every change is an
audit record of who changed what from what.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pos.audit import AuditAction, AuditEvent
from pos.clock import Clock
from pos.ids import UserId
from pos.printing.domain.print_queue import PrinterRole
from pos.printing.domain.printer_settings import APPROVAL_NUMBER, PrinterSettings, ReceiptHeader
from pos.sale.domain.numbering import NumberingError, check_terminal_id
from pos.settings.domain.schema import SPECS, SettingError
from pos.settings.domain.shop_settings import Settings, settings_to_items
from pos.text import TextKind, first_text_problem
from pos.thai_id import ThaiIdError, validate_thai_id
from pos.unit_of_work import UnitOfWork

HEAD_OFFICE = "สำนักงานใหญ่"
_HEAD_OFFICE_WORDS = {HEAD_OFFICE, "HEAD OFFICE", "HO", "00000", "0"}
MAX_FOOTER_LINES = 6
MAX_LINE = 200


class ReceiptSettingsError(ValueError):
    """A header entry that cannot be used; ``field`` names it for the dialog."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True)
class HeaderEntry:
    """The header as typed in the dialog, before it is checked."""

    name: str
    address: str
    tax_id: str
    branch: str
    pos_id: str
    phone: str
    vat_registered: bool
    footer: str
    approval_number: str = ""


def branch_text(text: str) -> str:
    """``สำนักงานใหญ่`` for head office (also 00000), else ``สาขาที่ 00001`` from its number."""
    cleaned = " ".join(text.split())
    if cleaned.upper() in _HEAD_OFFICE_WORDS or not cleaned:
        return HEAD_OFFICE
    digits = cleaned.removeprefix("สาขาที่").strip()
    if not digits.isdigit() or len(digits) > 5 or int(digits) == 0:
        raise ReceiptSettingsError("branch", f"{text!r}: head office, or the branch's 5 digits")
    return f"สาขาที่ {digits.zfill(5)}"


# The header's text fields (HeaderEntry's names, which the dialog's widgets share), their kind
# of text and their names in messages: one table for the service's check and the dialog's.
HEADER_TEXT_FIELDS: tuple[tuple[str, TextKind, str, str], ...] = (
    ("name", TextKind.NAME, "name", "ชื่อศูนย์"),
    ("address", TextKind.ADDRESS, "address", "ที่อยู่"),
    ("tax_id", TextKind.TAX_ID, "tax ID", "เลขประจำตัวผู้เสียภาษี"),
    ("branch", TextKind.NAME, "branch", "สาขา"),
    ("pos_id", TextKind.CODE, "till name", "ชื่อเครื่อง"),
    ("phone", TextKind.PHONE, "phone", "โทรศัพท์"),
    ("footer", TextKind.RECEIPT_TEXT, "footer", "ข้อความท้ายใบเสร็จ"),
    ("approval_number", TextKind.CODE, "approval number", "เลขที่อนุมัติ POS (ภ.พ.06)"),
)


def checked_header(entry: HeaderEntry) -> tuple[ReceiptHeader, str]:
    """The header and the POS ID, or :class:`ReceiptSettingsError` naming the first bad field."""
    refused = first_text_problem(
        [
            (getattr(entry, field), kind, english, thai)
            for field, kind, english, thai in HEADER_TEXT_FIELDS
        ]
    )
    if refused is not None:
        raise ReceiptSettingsError(refused.field_en, f"{refused.english} / {refused.message_th()}")
    name = " ".join(entry.name.split())
    if not name or len(name) > MAX_LINE:
        raise ReceiptSettingsError("name", f"give the centre's name (1-{MAX_LINE} characters)")
    address = " ".join(entry.address.split())
    if len(address) > 2 * MAX_LINE:
        raise ReceiptSettingsError("address", f"at most {2 * MAX_LINE} characters")
    tax_id = ""
    if entry.tax_id.strip():
        try:
            tax_id = validate_thai_id(entry.tax_id)
        except ThaiIdError as error:
            raise ReceiptSettingsError("tax ID", str(error)) from None
    if entry.vat_registered and not tax_id:
        raise ReceiptSettingsError("tax ID", "a VAT-registered centre prints its 13-digit tax ID")
    try:
        pos_id = check_terminal_id(entry.pos_id.strip().upper())
    except NumberingError as error:
        raise ReceiptSettingsError("till name", str(error)) from None
    approval = approval_text(entry.approval_number)
    footer = [line.strip() for line in entry.footer.splitlines() if line.strip()]
    if len(footer) > MAX_FOOTER_LINES or any(len(line) > MAX_LINE for line in footer):
        raise ReceiptSettingsError(
            "footer", f"at most {MAX_FOOTER_LINES} lines of {MAX_LINE} characters"
        )
    header = _schema_checked(
        name=name,
        address=address,
        tax_id=tax_id,
        branch=branch_text(entry.branch),
        phone=" ".join(entry.phone.split()),
        vat_registered=entry.vat_registered,
        footer="\n".join(footer),
        approval_number=approval,
    )
    return header, pos_id


def approval_text(text: str) -> str:
    """The RD's approval number as printed: capitals, no spaces; "" when not given."""
    cleaned = "".join(text.split()).upper()
    if cleaned and not APPROVAL_NUMBER.fullmatch(cleaned):
        raise ReceiptSettingsError(
            "approval number", f"{text!r}: 1-30 of A-Z, 0-9, - and / as on the approval (ภ.พ.06)"
        )
    return cleaned


# the schema's field names as the dialog names them (FIELD_HINTS in ui/receipt_header_dialog.py)
_ENTRY_FIELDS = {"tax_id": "tax ID", "approval_number": "approval number"}


def _schema_checked(**fields: Any) -> ReceiptHeader:
    """The header, refused as the store would refuse it (control characters, lengths)."""
    spec = SPECS["receipt_header"]
    try:
        spec.decode(dict(fields))
    except SettingError as error:
        field = error.problem.split(" ", 1)[0].rstrip(":")
        raise ReceiptSettingsError(
            _ENTRY_FIELDS.get(field, field), f"{error.problem} (allowed: {error.allowed})"
        ) from None
    return ReceiptHeader(**fields)


def save_receipt_header(
    uow_factory: Callable[[], UnitOfWork],
    entry: HeaderEntry,
    *,
    user_id: UserId | None,
    clock: Clock,
) -> Settings:
    """Check and store the header and POS ID; one audit record per setting that changed."""
    header, pos_id = checked_header(entry)
    with uow_factory() as uow:
        before = uow.settings.load()
        after = before.replace(receipt_header=header, terminal_id=pos_id)
        _save_audited(uow, before, after, user_id, clock)
        uow.commit()
    return after


def save_printer(
    uow_factory: Callable[[], UnitOfWork],
    printer: PrinterSettings,
    *,
    role: PrinterRole = PrinterRole.RECEIPT,
    user_id: UserId | None,
    clock: Clock,
) -> Settings:
    """Store the receipt (or label) printer's settings, audited."""
    field = "label_printer" if role is PrinterRole.LABEL else "receipt_printer"
    with uow_factory() as uow:
        before = uow.settings.load()
        after = before.replace(**{field: printer})
        _save_audited(uow, before, after, user_id, clock)
        uow.commit()
    return after


def _save_audited(
    uow: UnitOfWork, before: Settings, after: Settings, user_id: UserId | None, clock: Clock
) -> None:
    old, new = settings_to_items(before), settings_to_items(after)
    uow.settings.save(after)
    moment = clock.now()
    for key in sorted(key for key in new if new[key] != old[key]):
        detail: dict[str, Any] = {"key": key, "before": old[key], "after": new[key]}
        uow.audit.record(AuditEvent(AuditAction.SETTINGS_CHANGED, moment, user_id, detail=detail))
