"""Sending jobs through python-escpos to the loopback printer emulator (and to a device file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.printing.domain.printer_settings import ConnectionKind, PrinterSettings
from receipts.connections import (
    ConnectionLostError,
    CoverOpenError,
    EscposTransport,
    PaperOutError,
    PrinterOfflineError,
)
from receipts.emulator import PrinterEmulator
from receipts.escpos_decode import decode
from receipts.escpos_output import document_to_escpos
from receipts.samples import sample_document
from tests.receipt_helpers import free_port, network_printer


def test_a_receipt_sent_over_tcp_arrives_whole_with_cut_and_drawer_kick() -> None:
    with PrinterEmulator(0) as printer:
        settings = network_printer(printer.port, width=384)
        data = document_to_escpos(sample_document(line_count=5), settings, open_drawer=True)
        EscposTransport(settings).send_job(data)
    (job,) = printer.printed_jobs()
    assert job.drawer_kicks == [2] and job.cuts == 1
    assert job.status_queries == [4, 2]  # before the job; its arrival is the printer's close
    assert job.picture().width == 384
    printed = b"".join(c.data for c in job.commands if c.name == "GS v 0")
    assert printed == b"".join(c.data for c in decode(data).commands if c.name == "GS v 0")


def test_text_mode_thai_arrives_as_cp874_bytes_after_esc_t() -> None:
    with PrinterEmulator(0) as printer:
        settings = network_printer(printer.port, text=True, slot=21)
        EscposTransport(settings).send_job(document_to_escpos(sample_document(), settings))
    (job,) = printer.printed_jobs()
    assert job.code_pages[0] == 21
    assert "น้ำพริกเผาหอมแดงสูตรโบราณ".encode("cp874") in job.text_bytes


def test_a_switched_off_printer_is_reported_as_off() -> None:
    settings = network_printer(free_port())
    with pytest.raises(PrinterOfflineError, match="เครื่องพิมพ์ปิดอยู่"):
        EscposTransport(settings).send_job(b"\x1b@")


def test_no_paper_or_an_open_cover_stops_the_job_before_it_is_sent() -> None:
    with PrinterEmulator(0) as printer:
        settings = network_printer(printer.port)
        printer.paper_out = True
        with pytest.raises(PaperOutError, match="กระดาษหมด"):
            EscposTransport(settings).send_job(b"\x1b@hello\x1dV\x00")
        printer.paper_out, printer.cover_open = False, True
        with pytest.raises(CoverOpenError, match="ฝา"):
            EscposTransport(settings).send_job(b"\x1b@hello\x1dV\x00")
    assert printer.jobs() == []


def test_a_connection_dropped_mid_job_is_noticed() -> None:
    data = document_to_escpos(sample_document(line_count=8), PrinterSettings())
    with PrinterEmulator(0) as printer:
        printer.drop_after_bytes, printer.drops = len(data) // 3, 1
        with pytest.raises(ConnectionLostError, match="การเชื่อมต่อขาด"):
            EscposTransport(network_printer(printer.port)).send_job(data)
    (cut_off,) = printer.jobs()
    assert not cut_off.complete


def test_a_device_file_gets_the_exact_bytes(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    device.touch()
    settings = PrinterSettings(connection=ConnectionKind.FILE, device_path=str(device))
    data = document_to_escpos(sample_document(line_count=2), settings)
    EscposTransport(settings).send_job(data)
    assert device.read_bytes() == data
