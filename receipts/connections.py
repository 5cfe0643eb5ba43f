"""Reaching a printer through python-escpos (USB, network, serial, device file) and sending a job.

:class:`EscposTransport` sends one whole job per connection and turns every
failure into a :class:`PrinterError` whose message a cashier understands:
the printer is off or unplugged, out of paper, its cover is open, or the
connection broke in the middle of a job.

What "sent" means.  On a network printer a job has arrived only when the
printer took it all: after the last byte we half-close the connection
(``shutdown(SHUT_WR)``: "that is the whole job") and read until the printer
closes its side.  A printer closes after it has read everything before our
end-of-job, so its close is the receipt that the job arrived; a reset, or no
close within ``4 × timeout_seconds``, is a failure and the job is sent again
whole.  This works for printers that never answer status queries (many cheap
ones): ``sendall`` returning only means the bytes are in our kernel's buffers,
which is how a printer that died after 2,000 of 145,976 bytes used to count as
printed.  On Linux the printer must also have acknowledged every byte we sent
(the socket's send queue is empty): a printer that closes its side before it
has taken the job is not mistaken for one that has.

Status (``DLE EOT``): before a job we ask for the paper sensor and the offline
cause, so a job is not sent into a printer without paper (it would be lost on
many models); a printer that does not answer is printed to blind.  USB and
serial links have no half-close: there we ask again after the job, and the
reply (which comes back only after the printer has read everything before it)
proves the job arrived.  A file is written and closed.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import time
from typing import Any, Protocol

from escpos.escpos import Escpos
from escpos.exceptions import DeviceNotFoundError, USBNotFoundError

from pos.printing.domain.printer_settings import ConnectionKind, PrinterSettings

DLE_EOT = b"\x10\x04"
STATUS_OFFLINE_CAUSE, STATUS_PAPER = 2, 4
_COVER_OPEN, _PAPER_END_STOP = 0x04, 0x20
_PAPER_END = 0x60
_ACK_GRACE_SECONDS = 1.0


class PrinterError(Exception):
    """The printer could not print the job; the job stays queued and is retried."""


class PrinterOfflineError(PrinterError):
    pass


class PaperOutError(PrinterError):
    pass


class CoverOpenError(PrinterError):
    pass


class ConnectionLostError(PrinterError):
    pass


class NotConfirmedError(ConnectionLostError):
    """The printer did not close the connection in time: nothing says the job arrived."""


class PrinterTransport(Protocol):
    def send_job(self, data: bytes) -> None:
        """Deliver the whole job or raise :class:`PrinterError`."""
        ...


def make_printer(settings: PrinterSettings) -> Escpos:
    """The python-escpos printer object for the settings (not yet connected)."""
    timeout = settings.timeout_seconds
    match settings.connection:
        case ConnectionKind.NETWORK:
            return _network_printer(settings.host, settings.port, timeout)
        case ConnectionKind.USB:
            from escpos.printer import Usb

            return Usb(settings.usb_vendor_id, settings.usb_product_id, timeout=timeout * 1000)
        case ConnectionKind.SERIAL:
            from escpos.printer import Serial

            return Serial(settings.serial_device, baudrate=settings.baudrate, timeout=timeout)
        case ConnectionKind.FILE:
            from escpos.printer import File

            return File(settings.device_path)
    raise PrinterOfflineError("ยังไม่ได้ตั้งค่าเครื่องพิมพ์ (no printer is set up)")


class EscposTransport:
    """:class:`PrinterTransport` over a python-escpos connection."""

    def __init__(self, settings: PrinterSettings):
        self.settings = settings

    def send_job(self, data: bytes) -> None:
        where = self.settings.describe()
        printer = make_printer(self.settings)
        try:
            printer.open()
        except (DeviceNotFoundError, USBNotFoundError, OSError) as error:
            raise PrinterOfflineError(
                f"เครื่องพิมพ์ปิดอยู่หรือไม่ได้เชื่อมต่อ ({where}): {_reason(error)}"
            ) from error
        try:
            answers = self._can_ask_status() and self._check_ready(printer)
            try:
                printer._raw(data)
            except (OSError, ValueError) as error:
                raise ConnectionLostError(
                    f"การเชื่อมต่อขาดระหว่างพิมพ์ จะพิมพ์ใหม่ทั้งใบ ({where}): {_reason(error)}"
                ) from error
            # the printer has taken in the whole job only later, which can take a while
            wait = 4 * self.settings.timeout_seconds
            if isinstance(printer.device, socket.socket):
                await_printer_close(printer.device, wait, where)
            elif answers and self._status(printer, STATUS_PAPER, wait=wait) is None:
                raise ConnectionLostError(f"เครื่องพิมพ์ไม่ตอบหลังส่งงาน จะพิมพ์ใหม่ทั้งใบ ({where})")
        finally:
            _close_quietly(printer)

    def _can_ask_status(self) -> bool:
        return self.settings.check_status and self.settings.connection is not ConnectionKind.FILE

    def _check_ready(self, printer: Escpos) -> bool:
        """Raise if the printer says it cannot print; False if it does not answer at all."""
        paper = self._status(printer, STATUS_PAPER)
        if paper is None:
            return False
        cause = self._status(printer, STATUS_OFFLINE_CAUSE)
        if paper & _PAPER_END == _PAPER_END or (cause or 0) & _PAPER_END_STOP:
            raise PaperOutError(f"กระดาษหมด ใส่กระดาษใหม่ ({self.settings.describe()})")
        if (cause or 0) & _COVER_OPEN:
            raise CoverOpenError(f"ฝาเครื่องพิมพ์เปิดอยู่ ({self.settings.describe()})")
        return True

    def _status(self, printer: Escpos, query: int, *, wait: int | None = None) -> int | None:
        """The status byte for ``DLE EOT query``, or None when the printer does not answer."""
        try:
            printer._raw(DLE_EOT + bytes((query,)))
            reply = _read_one(printer, wait or self.settings.timeout_seconds)
        except TimeoutError:
            return None
        except OSError as error:
            if type(error).__name__ == "USBTimeoutError":  # pyusb: no answer, not a fault
                return None
            raise ConnectionLostError(
                f"การเชื่อมต่อขาดระหว่างพิมพ์ ({self.settings.describe()}): {_reason(error)}"
            ) from error
        return reply[-1] if reply else None


def _read_one(printer: Escpos, wait_seconds: int) -> bytes:
    device: Any = printer.device
    if isinstance(device, socket.socket):
        device.settimeout(wait_seconds)
        reply = device.recv(1)
        if not reply:
            raise ConnectionResetError("the printer closed the connection")
        return reply
    return bytes(printer._read())


def await_printer_close(connection: socket.socket, wait_seconds: int, where: str) -> None:
    """Half-close ``connection`` and read until the printer closes its side (the job arrived).

    Raises :class:`ConnectionLostError` on a reset (or a close before the printer
    acknowledged every byte) and :class:`NotConfirmedError` when it does not close
    within ``wait_seconds``.  What the printer still says (late status replies) is read
    and dropped.
    """
    deadline = time.monotonic() + wait_seconds
    try:
        connection.shutdown(socket.SHUT_WR)
        while True:
            connection.settimeout(max(0.001, deadline - time.monotonic()))
            if not connection.recv(4096):
                break
    except TimeoutError:
        raise NotConfirmedError(
            f"เครื่องพิมพ์ไม่ยืนยันว่ารับงานครบ (ไม่ปิดการเชื่อมต่อภายใน {wait_seconds} วินาที)"
            f" จะพิมพ์ใหม่ทั้งใบ ({where})"
        ) from None
    except OSError as error:
        raise ConnectionLostError(
            f"การเชื่อมต่อขาดระหว่างพิมพ์ จะพิมพ์ใหม่ทั้งใบ ({where}): {_reason(error)}"
        ) from error
    _check_acknowledged(connection, deadline, where)


def _check_acknowledged(connection: socket.socket, deadline: float, where: str) -> None:
    """Raise unless the printer that closed its side acknowledged every byte we sent."""
    # the printer's ack of our end of job may trail its close by a moment, no more
    grace = min(deadline, time.monotonic() + _ACK_GRACE_SECONDS)
    unacknowledged = _unacknowledged_bytes(connection)
    while unacknowledged and time.monotonic() < grace:
        time.sleep(0.01)
        unacknowledged = _unacknowledged_bytes(connection)
    if unacknowledged:
        raise ConnectionLostError(
            f"เครื่องพิมพ์ปิดการเชื่อมต่อก่อนรับงานครบ (ขาด {unacknowledged} ไบต์) จะพิมพ์ใหม่ทั้งใบ ({where})"
        )


def _unacknowledged_bytes(connection: socket.socket) -> int:
    """Bytes (and our end-of-job) the printer has not acknowledged; 0 where we cannot ask.

    SIOCOUTQ (= TIOCOUTQ) is Linux's; elsewhere the printer's close alone is trusted.
    """
    try:
        import fcntl
        import termios

        answer = fcntl.ioctl(connection.fileno(), termios.TIOCOUTQ, b"\0\0\0\0")
    except (ImportError, AttributeError, OSError):
        return 0
    return int(struct.unpack("i", answer)[0])


def _network_printer(host: str, port: int, timeout: int) -> Escpos:
    from escpos.printer import Network  # python-escpos only where a printer is used

    class _Network(Network):  # type: ignore[misc]
        """Network whose open() closes the socket of a refused connection.

        python-escpos 3.1 drops it unclosed: a ResourceWarning on every retry to a printer
        that is off, which the tests turn into errors.
        """

        def open(self, raise_not_found: bool = True) -> None:
            if self._device:
                self.close()
            self.device: socket.socket | None = None
            try:  # create_connection closes its socket when the connect fails
                connection = socket.create_connection((self.host, self.port), self.timeout)
            except OSError as error:
                raise DeviceNotFoundError(
                    f"Could not open socket for {self.host}:\n{error}"
                ) from error
            self.device = connection

    return _Network(host, port=port, timeout=timeout)


def _close_quietly(printer: Escpos) -> None:
    with contextlib.suppress(Exception):
        printer.close()


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[-1] if text else type(error).__name__
