"""Document numbers typed or scanned, the header's checks, print status summaries (no I/O)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.audit import AuditAction
from pos.clock import THAI_TIME, FakeClock
from pos.printing.domain.issued_header import IssuedHeader
from pos.printing.domain.print_queue import JobState, PrinterRole, RetryPolicy, new_print_job
from pos.printing.domain.printer_settings import ConnectionKind, PrinterSettings, ReceiptHeader
from pos.printing.services.print_jobs import document_for_number, request_reprint
from pos.printing.services.receipt_settings import (
    HeaderEntry,
    ReceiptSettingsError,
    branch_text,
    checked_header,
    save_printer,
    save_receipt_header,
)
from pos.sale.domain.schemes import SchemeBook
from pos.sale.services.sales_history import PrintStatus
from receipts.sale_documents import discount_label, scheme_label, unit_label
from tests.fakes.context import fake_context

NOW = dt.datetime(2021, 3, 1, 10, 0, tzinfo=THAI_TIME)
ENTRY = HeaderEntry(
    name="  ศูนย์จำหน่ายสินค้า   OTOP ศรีสะเกษ ",
    address="ศาลากลาง\nจ.ศรีสะเกษ",
    tax_id="0-9940-00123-45-1",
    branch="",
    pos_id="pos02",
    phone="045 611 234",
    vat_registered=True,
    footer="ขอบคุณค่ะ\n\n  มาอีกนะ  ",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("POS01-00000042", ("sale", "POS01-00000042")),
        (" pos01-42 ", ("sale", "POS01-00000042")),
        ("42", ("sale", "POS01-00000042")),
        ("POS01-CN-7", ("credit_note", "POS01-CN-00000007")),
        ("pos01-cn-00000007", ("credit_note", "POS01-CN-00000007")),
        ("E0512345678901-TI-3", ("tax_invoice", "E0512345678901-TI-00000003")),
        ("POS01-CN-0", None),
        ("POS01-XX-1", None),
        ("8850999220017", None),  # a product barcode is no document number
        ("", None),
    ],
)
def test_document_numbers_as_typed_or_scanned(text: str, expected: tuple[str, str]) -> None:
    assert document_for_number(text, "POS01") == expected


@given(st.integers(1, 99_999_999), st.sampled_from(["", "CN-", "TI-"]))
def test_a_printed_number_reads_back_as_itself(serial: int, infix: str) -> None:
    number = f"POS01-{infix}{serial:08d}"
    found = document_for_number(number, "POS01")
    assert found is not None and found[1] == number


def test_the_header_is_tidied_and_checked() -> None:
    header, pos_id = checked_header(ENTRY)
    assert header.name == "ศูนย์จำหน่ายสินค้า OTOP ศรีสะเกษ"
    assert (header.tax_id, header.branch, pos_id) == ("0994000123451", "สำนักงานใหญ่", "POS02")
    assert header.address == "ศาลากลาง จ.ศรีสะเกษ" and header.footer_lines == ("ขอบคุณค่ะ", "มาอีกนะ")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": " "}, "name"),
        ({"tax_id": "0994000123452"}, "tax ID"),  # wrong check digit
        ({"tax_id": "12345"}, "tax ID"),
        ({"tax_id": ""}, "tax ID"),  # VAT-registered without one
        ({"branch": "สาขา 1"}, "branch"),
        ({"pos_id": "POS 01"}, "till name"),
        ({"footer": "\n".join("บรรทัด" for _ in range(7))}, "footer"),
        ({"approval_number": "E05 ก123"}, "approval number"),  # Thai letters
        ({"approval_number": "-E051"}, "approval number"),
        ({"approval_number": "E" * 31}, "approval number"),
        ({"approval_number": "E051\x00"}, "approval number"),  # the shared text check
    ],
)
def test_a_bad_entry_names_its_field(changes: dict[str, str], field: str) -> None:
    with pytest.raises(ReceiptSettingsError) as refused:
        checked_header(replace(ENTRY, **changes))
    assert refused.value.field == field


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("", "สำนักงานใหญ่"),
        ("00000", "สำนักงานใหญ่"),
        ("head office", "สำนักงานใหญ่"),
        ("1", "สาขาที่ 00001"),
        ("สาขาที่ 00012", "สาขาที่ 00012"),
    ],
)
def test_branches(typed: str, printed: str) -> None:
    assert branch_text(typed) == printed


def test_saving_the_header_and_the_printer_is_audited_field_by_field() -> None:
    context = fake_context()
    clock = FakeClock(NOW)
    save_receipt_header(context.uow_factory, ENTRY, user_id=7, clock=clock)
    printer = PrinterSettings(connection=ConnectionKind.NETWORK, host="10.0.0.9")
    save_printer(context.uow_factory, printer, user_id=7, clock=clock)
    save_printer(context.uow_factory, printer, role=PrinterRole.LABEL, user_id=None, clock=clock)
    settings = context.settings()
    assert settings.terminal_id == "POS02" and settings.receipt_header.vat_registered
    assert settings.receipt_printer == printer == settings.label_printer
    with context.uow_factory() as uow:
        events = uow.audit.between(NOW - dt.timedelta(1), NOW + dt.timedelta(1))
    assert [(e.detail["key"], e.user_id) for e in events] == [
        ("receipt_header", 7),
        ("terminal_id", 7),
        ("receipt_printer", 7),
        ("label_printer", None),
    ]
    assert {e.action for e in events} == {AuditAction.SETTINGS_CHANGED}


def test_a_reprint_is_a_copy_job_and_an_audit_record() -> None:
    context = fake_context()
    job = request_reprint(context.uow_factory, "sale", "POS01-00000042", FakeClock(NOW), user_id=3)
    assert job.is_copy and not job.open_drawer
    with context.uow_factory() as uow:
        (event,) = uow.audit.between(NOW - dt.timedelta(1), NOW + dt.timedelta(1))
    assert (event.action, event.reference, event.user_id) == (
        AuditAction.DOCUMENT_REPRINTED,
        "POS01-00000042",
        3,
    )


def test_print_status_of_a_documents_jobs() -> None:
    original = new_print_job("sale", "POS01-1", NOW)
    copy = new_print_job("sale", "POS01-1", NOW, is_copy=True)
    assert PrintStatus.of([]) == PrintStatus(None, 0, 0, 0)
    printed = original.printed(NOW)
    waiting = copy.retried("กระดาษหมด", NOW, RetryPolicy())
    status = PrintStatus.of([printed, waiting])
    assert (status.printed_at, status.waiting, status.copies, status.last_error) == (
        NOW,
        1,
        0,
        "กระดาษหมด",
    )
    status = PrintStatus.of([printed, copy.printed(NOW), copy.failed("KeyError")])
    assert (status.copies, status.failed, status.last_error) == (1, 1, "KeyError")
    assert waiting.state is JobState.PENDING


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("", ""),
        ("  ", ""),
        ("e051234567890", "E051234567890"),
        ("ภพ06 ", None),
        ("12/2566-A", "12/2566-A"),
    ],
)
def test_the_approval_number_is_stored_as_on_the_approval(typed: str, stored: str | None) -> None:
    if stored is None:
        with pytest.raises(ReceiptSettingsError):
            checked_header(replace(ENTRY, approval_number=typed))
        return
    header, _ = checked_header(replace(ENTRY, approval_number=typed))
    assert header.approval_number == stored
    assert ReceiptHeader.from_setting(header.to_setting()) == header  # the setting keeps it


def test_a_stored_header_with_a_bad_approval_number_is_refused() -> None:
    with pytest.raises(ValueError, match="approval number"):
        ReceiptHeader(approval_number="E05 123")


def test_labels_on_documents() -> None:
    assert unit_label("cloth") == "ผืน" and unit_label("ลัง") == "ลัง"
    assert discount_label(18_500, 185_000) == "ส่วนลด 10%"
    assert discount_label(1_000, 185_000) == "ส่วนลด" and discount_label(0, 0) == "ส่วนลด"
    assert scheme_label("khon_la_khrueng", "3", SchemeBook()) == "คนละครึ่ง เฟส 3"
    assert scheme_label("rao_chana", "2021", SchemeBook()) == "เราชนะ"
    assert scheme_label("gone", None, SchemeBook()) == "gone"


def test_a_frozen_header_reads_back_as_issued_even_if_today_would_refuse_it() -> None:
    issued = IssuedHeader(
        ReceiptHeader(tax_id="0994000123451", vat_registered=True),
        scheme_names=(("khon_la_khrueng", "คนละครึ่ง"),),
    )
    assert IssuedHeader.from_json(issued.header_json(), "issued") == issued
    refused_today = {"name": "ศูนย์ OTOP", "approval_number": "E05 123", "vat_registered": True}
    header = IssuedHeader.from_json(json.dumps({"header": refused_today}), "migration").header
    assert (header.name, header.approval_number, header.vat_registered) == (
        "ศูนย์ OTOP",
        "E05 123",
        True,
    )
    assert header.footer == ReceiptHeader().footer  # what it did not say: the defaults
