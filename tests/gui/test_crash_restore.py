"""The open cart survives the process being killed (SIGKILL: no clean-up at all)."""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from pos.bootstrap import initialise, open_context, open_till
from tests.gui.helpers import GARLIC, SHALLOT_LABEL, SILK, logged_in, start_counter

CHILD = Path(__file__).with_name("crash_child.py")
TORTURE_CODES = [SILK, GARLIC, SHALLOT_LABEL, "8857717001026", "8857717001033", GARLIC] * 12


@pytest.fixture
def store(data_dir: Path) -> Path:
    context, _ = initialise(data_dir, demo=True)
    context.close()
    return data_dir


def _start(data_dir: Path, mode: str, codes: list[str]) -> subprocess.Popen[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), mode, *codes],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=environment,
    )


def _lines_of(child: subprocess.Popen[str]) -> Iterator[str]:
    assert child.stdout is not None
    yield from iter(child.stdout.readline, "")


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(10) == -signal.SIGKILL
    if child.stdout is not None:  # the pipe outlives the process; warnings are errors
        child.stdout.close()


def test_a_killed_counter_comes_back_with_its_cart(qtbot: QtBot, store: Path) -> None:
    child = _start(store, "steady", [SILK, GARLIC, GARLIC, SHALLOT_LABEL])
    try:
        report = next(_lines_of(child)).split()
    finally:
        _kill(child)
    assert report[0] == "saved" and report[2] == "3"
    context = open_context(store)
    window = start_counter(qtbot, open_till(context))
    try:
        logged_in(qtbot, window)
        assert window.sale.cart_model.rowCount() == 3
        assert window.findChild(QLabel, "totalLabel").text().replace(",", "") == (
            f"{int(report[3]) // 100}.{int(report[3]) % 100:02d}"
        )
        assert window.till.cart.lines[2].discount is not None  # the 5% given with F5
        assert window.sale.status.text() == "กู้คืนบิลที่ค้างไว้แล้ว (4 ชิ้น)"
        assert window.till.revision == int(report[1])
    finally:
        window.close()
        context.close()


def _state_after(scans: int) -> dict[str, int]:
    """Quantity (thousandths) per code after the first ``scans`` scans of the torture run."""
    counts: collections.Counter[str] = collections.Counter()
    for code in TORTURE_CODES[:scans]:
        counts[code] += 1250 if code == SHALLOT_LABEL else 1000
    return dict(counts)


def test_killed_in_the_middle_of_scanning_it_restores_a_state_it_really_had(store: Path) -> None:
    child = _start(store, "torture", TORTURE_CODES)
    last_durable = 0
    try:
        for line in _lines_of(child):
            last_durable = max(last_durable, int(line.split()[1]))
            if last_durable >= 25:
                break
    finally:
        _kill(child)
    context = open_context(store)
    try:
        till = open_till(context)
        restored = till.restore()
        till.close()
    finally:
        context.close()
    assert restored is not None
    assert restored.revision >= last_durable  # nothing reported durable was lost
    quantities: collections.Counter[str] = collections.Counter()
    for line in restored.lines:
        barcode = line.product.barcode or ""
        code = SHALLOT_LABEL if barcode.startswith("21") else barcode
        quantities[code] += line.quantity_milli
    assert dict(quantities) == _state_after(restored.revision)  # exactly that scan's state


def test_the_restored_cart_is_announced_also_over_a_printer_without_set_up(
    qtbot: QtBot, store: Path
) -> None:
    """As the app runs: the store's menu and printer status, receipts waiting, no printer."""
    from pos.clock import SystemClock
    from pos.printing.services.print_jobs import queue_document
    from receipts.print_service import start_printing

    child = _start(store, "steady", [SILK, GARLIC])
    try:
        next(_lines_of(child))
    finally:
        _kill(child)
    context = open_context(store)
    with context.uow_factory() as uow:  # a receipt from before the crash, waiting
        queue_document(uow, "sale", "POS01-00000099", SystemClock())
        uow.commit()
    printing = start_printing(context)
    window = start_counter(qtbot, open_till(context), context)
    try:
        logged_in(qtbot, window)
        qtbot.wait(300)  # the status line's later messages (the printer's) have come
        text = window.sale.status.text()
        assert text.startswith("กู้คืนบิลที่ค้างไว้แล้ว (2 ชิ้น)") and "รอพิมพ์ 1 ใบ" in text
    finally:
        printing.stop()
        window.close()
        context.close()
