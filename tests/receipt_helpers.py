"""Helpers for the receipt and printer tests: a free port, printer settings, waiting."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from pos.printing.domain.printer_settings import ConnectionKind, PrinterSettings, PrintMode
from receipts.emulator import PrinterEmulator


def free_port() -> int:
    """A loopback port nobody listens on (a printer that is switched off)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def network_printer(
    port: int, *, width: int = 576, text: bool = False, slot: int = 21
) -> PrinterSettings:
    return PrinterSettings(
        connection=ConnectionKind.NETWORK,
        host="127.0.0.1",
        port=port,
        paper_width_dots=width,
        mode=PrintMode.TEXT if text else PrintMode.RASTER,
        code_page=slot,
        timeout_seconds=2,
    )


def drawer_kicks(printer: PrinterEmulator) -> list[int]:
    """The pins of every drawer kick the printer got, in any connection (the kick is its own)."""
    return [pin for job in printer.jobs() for pin in job.drawer_kicks]


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def open_png(path: Path) -> Image.Image:
    """A picture read whole and its file closed (an open file would be a ResourceWarning)."""
    with Image.open(path) as image:
        return image.copy()
