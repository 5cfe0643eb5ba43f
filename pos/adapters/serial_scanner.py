"""A barcode scanner on a serial port (RS-232, or USB in CDC-ACM "virtual COM" mode).

Such a scanner sends each code followed by a suffix, CR or CR LF by default
(some add STX/ETX framing).  :class:`CodeFramer` turns the byte stream into
codes; :class:`SerialScanner` reads the port with pyserial on its own thread
and calls ``on_code`` from that thread (the screen hands it to its own thread).
A scanner unplugged and plugged back in is reopened every
:data:`REOPEN_SECONDS`, and ``on_status`` says so, so the cashier sees it.

PySide6-Essentials has no QtSerialPort (it is in the much larger Addons
package), and pyserial is small, well kept and works on any POSIX tty — which
is also how it is tested, on a pseudo-terminal pair from ``os.openpty()``.

The port is configured in the settings ``scanner_serial_port`` (empty: none)
and ``scanner_serial_baudrate``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol

import serial

REOPEN_SECONDS = 2.0
READ_TIMEOUT_SECONDS = 0.2
MAX_CODE_LENGTH = 64  # longer without a terminator is line noise, not a code
_FRAMING = bytes([0x02, 0x03])  # STX, ETX


class CodeSource(Protocol):
    """Anything that delivers scanned codes by callback once started."""

    def start(self) -> None: ...
    def stop(self) -> None: ...


class CodeFramer:
    """Splits a scanner's bytes into codes at CR or LF; CR LF counts once."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._discarding = False  # an overlong run: dropped up to the next terminator

    def feed(self, data: bytes) -> list[str]:
        codes = []
        for byte in data:
            if byte in (0x0D, 0x0A):
                if self._buffer and not self._discarding:
                    codes.append(self._buffer.decode("ascii", errors="replace").strip())
                self._buffer.clear()
                self._discarding = False
            elif byte in _FRAMING or self._discarding:
                continue
            elif len(self._buffer) >= MAX_CODE_LENGTH:
                self._buffer.clear()
                self._discarding = True
            else:
                self._buffer.append(byte)
        return [code for code in codes if code]


class SerialScanner:
    """Reads codes from a serial port on a background thread until stopped."""

    def __init__(
        self,
        port: str,
        baudrate: int,
        on_code: Callable[[str], None],
        on_status: Callable[[bool, str], None] | None = None,
        *,
        reopen_seconds: float = REOPEN_SECONDS,
    ):
        self.port = port
        self._baudrate = baudrate
        self._on_code = on_code
        self._on_status = on_status or (lambda connected, message: None)
        self._reopen_seconds = reopen_seconds
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="serial-scanner", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(READ_TIMEOUT_SECONDS * 5)
            self._thread = None

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                connection = serial.Serial(self.port, self._baudrate, timeout=READ_TIMEOUT_SECONDS)
            except (serial.SerialException, OSError, ValueError) as error:
                self._on_status(False, f"{self.port}: {error}")
                self._stopping.wait(self._reopen_seconds)
                continue
            self._on_status(True, self.port)
            try:
                self._read(connection)
            except (serial.SerialException, OSError) as error:
                self._on_status(False, f"{self.port}: {error}")
                self._stopping.wait(self._reopen_seconds)
            finally:
                connection.close()

    def _read(self, connection: Any) -> None:
        framer = CodeFramer()
        while not self._stopping.is_set():
            data = connection.read(connection.in_waiting or 1)
            for code in framer.feed(data):
                self._on_code(code)
