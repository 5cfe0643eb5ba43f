"""Document numbers: receipts, credit notes and full tax invoices, gap-free per terminal.

Each kind of document has its own sequence per terminal, kept in the named
``counter`` table and advanced inside the transaction that stores the
document, so a number is used exactly when its document is committed: no gaps,
no repeats, never reused.  The terminal's POS ID (``Settings.terminal_id``, the
number the Revenue Department approved) is the prefix:

=====================  =====================  =========================
receipt (sale)         ``POS01-00000042``     counter ``receipt:POS01``
credit note            ``POS01-CN-00000007``  counter ``credit_note:POS01``
full tax invoice       ``POS01-TI-00000003``  counter ``tax_invoice:POS01``
=====================  =====================  =========================

The receipt's barcode (Code 128, printed by the receipts module) carries the
receipt number exactly as printed, so the return screen can take either a scan
or the number typed; :func:`receipt_number_from_text` also accepts the bare
serial of this terminal ("42").
"""

from __future__ import annotations

import enum
import re

from pos.ids import TerminalId

SERIAL_DIGITS = 8
_TERMINAL = re.compile(r"^[A-Z0-9]{1,16}$")
_RECEIPT = re.compile(r"^(?P<terminal>[A-Z0-9]{1,16})-(?P<serial>\d{1,8})$")


class NumberingError(ValueError):
    """A terminal ID or document number that does not have the expected form."""


class NumberBehindError(NumberingError):
    """The next number of a sequence is one the head office already holds for this terminal
    (a replaced counter not re-provisioned): taking it would repeat a document number."""

    def __init__(self, counter: str, serial: int, hq_last: int):
        super().__init__(
            f"number {serial} of {counter} is already at the head office (its last is"
            f" {hq_last}): run otop-pos sync configure to continue the head office's numbers"
            f" / เลขที่ {serial} ของ {counter} ซ้ำกับที่สำนักงานใหญ่มีแล้ว (ล่าสุด {hq_last}):"
            " ตั้งค่าการซิงก์ใหม่ (otop-pos sync configure) เพื่อเดินเลขต่อจากสำนักงานใหญ่"
        )
        self.counter, self.serial, self.hq_last = counter, serial, hq_last


class DocumentKind(enum.StrEnum):
    RECEIPT = "receipt"
    CREDIT_NOTE = "credit_note"
    TAX_INVOICE = "tax_invoice"

    @property
    def infix(self) -> str:
        return {"receipt": "", "credit_note": "CN-", "tax_invoice": "TI-"}[self.value]


def check_terminal_id(terminal_id: str) -> TerminalId:
    if not _TERMINAL.match(terminal_id):
        raise NumberingError(
            f"terminal ID {terminal_id!r} must be 1-16 capital letters or digits"
            " (it prefixes every receipt number and goes into the receipt barcode)"
        )
    return TerminalId(terminal_id)


def counter_name(kind: DocumentKind, terminal_id: TerminalId) -> str:
    return f"{kind.value}:{check_terminal_id(terminal_id)}"


def document_number(kind: DocumentKind, terminal_id: str, serial: int) -> str:
    if serial <= 0:
        raise NumberingError("document serials start at 1")
    return f"{check_terminal_id(terminal_id)}-{kind.infix}{serial:0{SERIAL_DIGITS}d}"


def receipt_number_from_text(text: str, terminal_id: TerminalId) -> str | None:
    """The receipt number in a scan or in what the cashier typed, or ``None`` if there is none.

    Accepts ``POS01-00000042`` (any case, spaces around), ``POS01-42`` and,
    for this terminal, the bare serial ``42``.
    """
    cleaned = text.strip().upper().replace(" ", "")
    if cleaned.isdigit() and 0 < len(cleaned) <= SERIAL_DIGITS and int(cleaned) > 0:
        return document_number(DocumentKind.RECEIPT, terminal_id, int(cleaned))
    match = _RECEIPT.match(cleaned)
    if match is None or int(match["serial"]) == 0:
        return None
    return document_number(DocumentKind.RECEIPT, match["terminal"], int(match["serial"]))
