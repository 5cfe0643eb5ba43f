"""Printer and receipt-header settings: plain dataclasses stored in the shop's ``Settings``.

The till has a receipt printer and may have a label printer, both ESC/POS
thermal printers reached by USB, the network (raw TCP, port 9100), a serial
port or a device file.  :class:`PrinterSettings` says how to reach one and how
to drive it:

* ``paper_width_dots`` — 384 for 58 mm paper, 576 for 80 mm (203 dpi heads);
  512 for the 80 mm printers whose head is narrower;
* ``mode`` — ``raster`` (default: the document is drawn as a picture, so Thai
  is always shaped right) or ``text`` (the printer's own Thai font, for
  firmware that stacks Thai marks);
* ``code_page`` — the ``ESC t n`` slot of CP874 in text mode: it differs per
  printer (21 on most Epson-style ones; 11, 47, 48 or 70 on others).

:class:`ReceiptHeader` is the centre's own block at the top of every document
(name, address, tax ID, head office or branch), the footer, and the number the
Revenue Department gave this machine when it approved it (form ภ.พ.06): it
prints on every abbreviated tax invoice, and is not the till's own name
(``Settings.terminal_id``, which prefixes document numbers).  Nothing here
talks to a printer: ``receipts/`` does.
"""

from __future__ import annotations

import enum
import re
from dataclasses import asdict, dataclass, fields
from typing import Any

PAPER_WIDTHS_DOTS = (384, 512, 576)
DOTS_58MM = 384
DOTS_80MM = 576
CP874_SLOTS = (21, 11, 47, 48, 70)  # where printer profiles put CP874, the first is most common
# The RD's approval number of the machine: its format is not in the notes, so letters, digits,
# "-" and "/" (as it is written on the approval), no spaces, at most 30.
APPROVAL_NUMBER = re.compile(r"[A-Z0-9][A-Z0-9/-]{0,29}")


class ConnectionKind(enum.StrEnum):
    NONE = "none"  # not set up: receipts wait in the print queue
    USB = "usb"
    NETWORK = "network"
    SERIAL = "serial"
    FILE = "file"  # a device file such as /dev/usb/lp0, or a plain file


class PrintMode(enum.StrEnum):
    RASTER = "raster"
    TEXT = "text"


@dataclass(frozen=True)
class PrinterSettings:
    """How to reach one ESC/POS printer and how to print on it."""

    connection: ConnectionKind = ConnectionKind.NONE
    host: str = ""
    port: int = 9100
    usb_vendor_id: int = 0x04B8  # Epson; most clones keep a vendor id of their own
    usb_product_id: int = 0x0E15
    serial_device: str = "/dev/ttyUSB0"
    baudrate: int = 9600
    device_path: str = "/dev/usb/lp0"
    paper_width_dots: int = DOTS_80MM
    mode: PrintMode = PrintMode.RASTER
    code_page: int = CP874_SLOTS[0]
    cut: bool = True
    drawer_pin: int = 2  # the cash drawer's kick pin (2 or 5); 0 = no drawer on this printer
    check_status: bool = True  # ask the printer for paper/cover status before and after a job
    timeout_seconds: int = 5

    def __post_init__(self) -> None:
        problems = []
        if self.paper_width_dots not in PAPER_WIDTHS_DOTS:
            problems.append(f"paper width must be one of {PAPER_WIDTHS_DOTS} dots")
        if not 0 <= self.code_page <= 255:
            problems.append("code page slot must be 0-255")
        if not 1 <= self.port <= 65535:
            problems.append("port must be 1-65535")
        if self.drawer_pin not in (0, 2, 5):
            problems.append("drawer pin must be 2, 5 or 0 (none)")
        if not 1 <= self.timeout_seconds <= 120:
            problems.append("timeout must be 1-120 seconds")
        if self.connection is ConnectionKind.NETWORK and not self.host.strip():
            problems.append("a network printer needs a host name or IP address")
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def text_columns(self) -> int:
        """Characters per line of the printer's font A (12 × 24 dots)."""
        return self.paper_width_dots // 12

    @property
    def paper_mm(self) -> int:
        return 58 if self.paper_width_dots == DOTS_58MM else 80

    def describe(self) -> str:
        """Where the printer is, for status lines: ``network 192.168.1.50:9100``."""
        where = {
            ConnectionKind.NONE: "",
            ConnectionKind.USB: f"{self.usb_vendor_id:04x}:{self.usb_product_id:04x}",
            ConnectionKind.NETWORK: f"{self.host}:{self.port}",
            ConnectionKind.SERIAL: f"{self.serial_device} {self.baudrate} baud",
            ConnectionKind.FILE: self.device_path,
        }[self.connection]
        return f"{self.connection.value} {where}".strip()

    def to_setting(self) -> dict[str, Any]:
        data = asdict(self)
        data["connection"] = self.connection.value
        data["mode"] = self.mode.value
        return data

    @classmethod
    def from_setting(cls, value: dict[str, Any]) -> PrinterSettings:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(value) - known)
        if unknown:
            raise ValueError(f"unknown printer setting(s): {', '.join(unknown)}")
        converted = dict(value)
        if "connection" in converted:
            converted["connection"] = ConnectionKind(converted["connection"])
        if "mode" in converted:
            converted["mode"] = PrintMode(converted["mode"])
        return cls(**converted)


@dataclass(frozen=True)
class ReceiptHeader:
    """The centre's block printed at the top of every document, and the footer."""

    name: str = "ศูนย์จำหน่ายสินค้า OTOP จังหวัดศรีสะเกษ"
    address: str = "ศาลากลางจังหวัดศรีสะเกษ ถ.หลักเมือง อ.เมือง จ.ศรีสะเกษ 33000"
    tax_id: str = ""  # 13 digits once the centre has one
    branch: str = "สำนักงานใหญ่"  # or "สาขาที่ 00001"
    phone: str = ""
    vat_registered: bool = False  # True: abbreviated tax invoices; False: plain receipts
    footer: str = "ขอบคุณที่อุดหนุนสินค้าชุมชน\nมาหน้าร้านเราขาย สั่งออนไลน์เราส่ง"
    approval_number: str = ""  # the RD's number for this machine (ภ.พ.06), "" until approved

    def __post_init__(self) -> None:
        digits = self.tax_id.replace("-", "").replace(" ", "")
        if digits and (len(digits) != 13 or not digits.isdigit()):
            raise ValueError(f"the centre's tax ID must have 13 digits, not {self.tax_id!r}")
        if self.vat_registered and not digits:
            raise ValueError("a VAT-registered centre needs its 13-digit tax ID")
        if not self.name.strip():
            raise ValueError("the centre's name cannot be empty")
        if self.approval_number and not APPROVAL_NUMBER.fullmatch(self.approval_number):
            raise ValueError(
                "the POS approval number (ภ.พ.06) is 1-30 of A-Z, 0-9, - and /,"
                f" not {self.approval_number!r}"
            )

    @property
    def footer_lines(self) -> tuple[str, ...]:
        return tuple(line for line in self.footer.splitlines() if line.strip())

    def to_setting(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_setting(cls, value: dict[str, Any]) -> ReceiptHeader:
        known = {f.name for f in fields(cls)}
        return cls(**{key: item for key, item in value.items() if key in known})
