"""A serial-port scanner, for real: pyserial on one end of a pseudo-terminal pair."""

from __future__ import annotations

import os
import queue
from collections.abc import Iterator

import pytest

from pos.adapters.serial_scanner import CodeFramer, SerialScanner


def test_the_framer_splits_at_cr_or_lf_and_drops_framing_and_noise() -> None:
    framer = CodeFramer()
    assert framer.feed(b"88555120") == []
    assert framer.feed(b"10014\r\n\x028857717001019\x03\r") == ["8855512010014", "8857717001019"]
    assert framer.feed(b"\n\n" + b"9" * 200 + b"12345670\n12345670\n") == ["12345670"]


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, str]]:
    """The writing end (the 'scanner') and the path of the end the program opens."""
    controller, device = os.openpty()
    yield controller, os.ttyname(device)
    os.close(controller)
    os.close(device)


def test_codes_sent_down_the_line_arrive_in_order(pty_pair: tuple[int, str]) -> None:
    controller, path = pty_pair
    codes: queue.Queue[str] = queue.Queue()
    statuses: queue.Queue[tuple[bool, str]] = queue.Queue()
    scanner = SerialScanner(path, 9600, codes.put, lambda ok, text: statuses.put((ok, text)))
    scanner.start()
    try:
        assert statuses.get(timeout=5) == (True, path)
        os.write(controller, b"8855512010014\r\n2100004012509\r")
        os.write(controller, b"88577170")  # a code split over two reads
        os.write(controller, b"01019\r\n")
        assert [codes.get(timeout=5) for _ in range(3)] == [
            "8855512010014",
            "2100004012509",
            "8857717001019",
        ]
    finally:
        scanner.stop()


def test_a_missing_port_is_reported_and_retried() -> None:
    statuses: queue.Queue[tuple[bool, str]] = queue.Queue()
    report = lambda ok, text: statuses.put((ok, text))  # noqa: E731
    scanner = SerialScanner("/dev/no-such-scanner", 9600, print, report, reopen_seconds=0.05)
    scanner.start()
    try:
        first, second = statuses.get(timeout=5), statuses.get(timeout=5)
    finally:
        scanner.stop()
    assert first[0] is False and "/dev/no-such-scanner" in first[1] and second[0] is False
