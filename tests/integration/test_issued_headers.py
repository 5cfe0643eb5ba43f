"""A copy reproduces the document as it was issued, not with today's header (issue 13).

A centre that was not VAT-registered sells; then it registers (tax ID, RD
approval number, a new name) through the real header service.  Its old
receipts still reprint — by ``otop-pos receipt`` (ESC/POS bytes decoded, PDF
read with pdftotext), by the sales history's reprint through the real print
worker to a printer emulator, by the document source — as the plain receipts
they were, with the old header; a sale made after the change is an
abbreviated tax invoice with the new header and the approval number.  Real
SQLite store, real checkout, returns and tax invoices.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from cli.main import main
from pos.bootstrap import open_context
from pos.clock import THAI_TIME, FakeClock, SystemClock
from pos.ids import SaleId
from pos.printing.domain.issued_header import HeaderSource
from pos.printing.domain.print_queue import RetryPolicy
from pos.printing.services.print_jobs import request_reprint
from pos.printing.services.receipt_settings import HeaderEntry, save_receipt_header
from pos.sale.domain.cart import Cart
from pos.sale.domain.schemes import SchemeBook
from pos.sale.domain.tenders import CashTender
from pos.sale.services.checkout import CheckoutRequest, commit_sale
from pos.sale.services.day_export import export_day
from pos.store.database import (
    DATABASE_FILENAME,
    MIGRATIONS_DIR,
    create_sqlite_engine,
    writer_engine,
)
from receipts.document import DocumentKind
from receipts.document_source import SaleDocumentSource
from receipts.emulator import PrinterEmulator
from receipts.escpos_decode import decode
from receipts.print_service import start_printing
from tests.integration.test_pdf_documents import pdf_text
from tests.receipt_helpers import network_printer, wait_until
from tools.sample_store import SALE_DAY, SampleStore, build_sample_store

OLD_NAME = "ศูนย์จำหน่ายสินค้า OTOP จังหวัดศรีสะเกษ"  # ReceiptHeader's default, as the store has
NEW_NAME = "ศูนย์ OTOP ศรีสะเกษ สาขาตลาดน้ำ"
NEW_TAX_ID = "0994000123451"
APPROVAL = "E051234567890"
NEW_FOOTER = "ขอบคุณที่ใช้บริการ"
CO_PAY, NEW_SCHEME_NAME = "khon_la_khrueng", "โครงการคนละครึ่งพลัส"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SampleStore]:
    sample = build_sample_store(
        tmp_path_factory.mktemp("issued") / "data", vat_registered=False, sales=40
    )
    yield sample
    sample.context.close()


@pytest.fixture(scope="module")
def export(store: SampleStore) -> dict[str, Any]:
    return export_day(store.context.uow_factory, store.day)


@pytest.fixture(scope="module")
def before(store: SampleStore, export: dict[str, Any]) -> dict[str, Any]:
    """Each kind of document's bytes before the change, then the centre registers for VAT."""
    sale = _plain_cash_sale(export)
    note = export["credit_notes"][0]
    co_pay = next(
        s for s in export["sales"] if any(t.get("scheme_code") == CO_PAY for t in s["tenders"])
    )
    taken = {
        "sale": sale,
        "note": note,
        "co_pay": co_pay,
        "receipt": _text_job(store, sale["receipt_number"]),
        "credit_note": _text_job(store, note["number"]),
        "co_pay_receipt": _text_job(store, co_pay["receipt_number"]),
    }
    _register_for_vat(store)
    return taken


def _plain_cash_sale(export: dict[str, Any]) -> dict[str, Any]:
    return next(
        sale
        for sale in export["sales"]
        if not sale["tax_invoices"] and any(t["kind"] == "cash" for t in sale["tenders"])
    )


def _cli(store: SampleStore, *args: str) -> int:
    return main(["--data-dir", str(store.context.data_dir), "receipt", *args])


def _text_job(store: SampleStore, number: str, *extra: str) -> bytes:
    assert store.context.data_dir is not None
    target = store.context.data_dir / f"{number}{''.join(extra)}.bin"
    assert _cli(store, number, "--to", str(target), "--width", "58", "--mode", "text", *extra) == 0
    return target.read_bytes()


def _words(data: bytes) -> str:
    """What the paper says, without spaces or line breaks (58 mm paper wraps long names)."""
    return flat(decode(data).text)


def flat(text: str) -> str:
    return "".join(text.split())


def _register_for_vat(store: SampleStore) -> None:
    header = store.context.settings().receipt_header
    entry = HeaderEntry(
        name=NEW_NAME,
        address=header.address,
        tax_id=NEW_TAX_ID,
        branch="สำนักงานใหญ่",
        pos_id="POS01",
        phone="045-000-000",
        vat_registered=True,
        footer=NEW_FOOTER,
        approval_number=APPROVAL.lower(),  # typed in small letters: stored as on the approval
    )
    save_receipt_header(store.context.uow_factory, entry, user_id=None, clock=SystemClock())
    assert store.context.settings().receipt_header.approval_number == APPROVAL
    with store.context.uow_factory() as uow:  # and the co-pay scheme is renamed
        settings = uow.settings.load()
        renamed = tuple(
            dataclasses.replace(s, name_th=NEW_SCHEME_NAME) if s.code == CO_PAY else s
            for s in settings.schemes.schemes
        )
        uow.settings.save(settings.replace(schemes=SchemeBook(renamed)))
        uow.commit()


def test_a_plain_receipt_reprints_as_the_plain_receipt_it_was(
    store: SampleStore, before: dict[str, Any]
) -> None:
    number = before["sale"]["receipt_number"]
    assert _text_job(store, number) == before["receipt"]  # the same bytes, after the change
    copy = _words(_text_job(store, number, "--copy"))
    assert flat("ใบเสร็จรับเงิน") in copy and flat("สำเนา / COPY") in copy
    assert flat(OLD_NAME) in copy and flat("มาหน้าร้านเราขาย สั่งออนไลน์เราส่ง") in copy
    for today in ("ใบกำกับภาษีอย่างย่อ", NEW_NAME, NEW_TAX_ID, APPROVAL, NEW_FOOTER, "VAT included"):
        assert flat(today) not in copy
    assert flat("เครื่อง POS01") in copy and flat("POS ID") not in copy


def test_a_scheme_renamed_since_keeps_its_name_on_the_copy(
    store: SampleStore, before: dict[str, Any]
) -> None:
    number = before["co_pay"]["receipt_number"]
    assert flat("คนละครึ่ง เฟส") in _words(before["co_pay_receipt"])
    assert _text_job(store, number) == before["co_pay_receipt"]
    sale = _sell(store)  # a document issued now freezes the names as they are now
    assert dict(_issued(store, sale.receipt_number).scheme_names)[CO_PAY] == NEW_SCHEME_NAME


def _issued(store: SampleStore, number: str) -> Any:
    with store.context.uow_factory() as uow:
        return uow.sales.issued_header("sale", number)


def test_a_credit_note_issued_before_keeps_its_header(
    store: SampleStore, before: dict[str, Any]
) -> None:
    number = before["note"]["number"]
    assert _text_job(store, number) == before["credit_note"]
    words = _words(before["credit_note"])
    assert flat(NEW_NAME) not in words and flat(OLD_NAME) in words


def test_the_pdf_of_an_old_receipt_has_the_old_header(
    store: SampleStore, before: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "old.pdf"
    assert _cli(store, before["sale"]["receipt_number"], "--to", str(target), "--copy") == 0
    text = pdf_text(target)
    assert "ใบเสร็จรับเงิน" in text and "สำเนา" in text and "ศูนย์จำหน่ายสินค้า" in text
    assert "ใบกำกับภาษีอย่างย่อ" not in text and "ตลาดน" not in text and APPROVAL not in text
    assert "เครื่อง / Till" in text and "POS ID" not in text


def test_the_sales_history_reprint_prints_the_old_header(
    store: SampleStore, before: dict[str, Any]
) -> None:
    context = store.context
    number = before["sale"]["receipt_number"]
    service = start_printing(context, policy=RetryPolicy(first_seconds=0.05, max_seconds=0.2))
    saved = context.settings().receipt_printer
    try:
        with PrinterEmulator(0) as printer:
            _use_printer(store, network_printer(printer.port, width=384, text=True))
            request_reprint(context.uow_factory, "sale", number, SystemClock())
            context.wake_printer()
            assert wait_until(lambda: _reprints(printer, number) != [])
        (job,) = _reprints(printer, number)  # the day's Z waiting in the queue prints too
    finally:
        service.stop()
        _use_printer(store, saved)
    words = flat(job.text)
    assert (
        flat("ใบเสร็จรับเงิน") in words and flat("สำเนา / COPY") in words and flat(OLD_NAME) in words
    )
    assert flat("ใบกำกับภาษีอย่างย่อ") not in words and flat(NEW_NAME) not in words


def _reprints(printer: PrinterEmulator, number: str) -> list[Any]:
    return [job for job in printer.printed_jobs() if number.encode() in b"".join(job.barcodes)]


def _use_printer(store: SampleStore, printer: Any) -> None:
    with store.context.uow_factory() as uow:
        uow.settings.save(uow.settings.load().replace(receipt_printer=printer))
        uow.commit()


def test_a_sale_after_the_change_is_an_abbreviated_tax_invoice_with_the_approval(
    store: SampleStore, before: dict[str, Any]
) -> None:
    sale = _sell(store)
    words = _words(_text_job(store, sale.receipt_number))
    assert (
        flat("ใบกำกับภาษีอย่างย่อ") in words and flat(NEW_NAME) in words and flat(NEW_FOOTER) in words
    )
    assert flat(f"POS ID เลขที่อนุมัติ {APPROVAL}") in words and flat("เครื่อง POS01") in words
    document = SaleDocumentSource(store.context.reader()).document("sale", sale.receipt_number)
    assert document.kind is DocumentKind.ABBREVIATED_TAX_INVOICE
    with store.context.uow_factory() as uow:
        issued = uow.sales.issued_header("sale", sale.receipt_number)
        old = uow.sales.issued_header("sale", before["sale"]["receipt_number"])
    assert issued is not None and issued.source is HeaderSource.ISSUED and issued.vat_registered
    assert old is not None and old.source is HeaderSource.ISSUED and not old.vat_registered


def test_the_approval_number_is_never_on_a_plain_receipt(
    store: SampleStore, before: dict[str, Any]
) -> None:
    """A centre that deregisters keeps its approval number in the header, but a receipt is no
    abbreviated tax invoice: the number is not printed on it."""
    header = store.context.settings().receipt_header
    with store.context.uow_factory() as uow:
        settings = uow.settings.load()
        plain = header.__class__(**{**header.to_setting(), "vat_registered": False})
        uow.settings.save(settings.replace(receipt_header=plain))
        uow.commit()
    try:
        sale = _sell(store)
        words = _words(_text_job(store, sale.receipt_number))
        assert flat("ใบเสร็จรับเงิน") in words and flat(NEW_NAME) in words
        assert flat(APPROVAL) not in words and flat("POS ID") not in words
    finally:
        with store.context.uow_factory() as uow:
            uow.settings.save(uow.settings.load().replace(receipt_header=header))
            uow.commit()


def _sell(store: SampleStore) -> Any:
    with store.context.uow_factory() as uow:
        silk = uow.catalog.product_by_sku("TX-SILK-0001")
        cashier = next(u for u in uow.users.active_users() if not u.is_manager)
    assert silk is not None and cashier.user_id is not None
    cart = Cart()
    cart.add_product(silk, 1000)
    total = cart.totals(700).total_satang
    request = CheckoutRequest(SaleId(uuid.uuid4()), cart, [CashTender(total)], cashier.user_id)
    clock = FakeClock(dt.datetime.combine(store.day, dt.time(19, 30), THAI_TIME))
    return commit_sale(store.context.uow_factory, clock, request)


# --- documents stored before 0013_issued_header ----------------------------------------------
MIGRATION_DAY_NAME = "ศูนย์ OTOP ศรีสะเกษ (วันปรับฐานข้อมูล)"


def _back_to_0011(data_dir: Path) -> None:
    """The store as a version without frozen headers left it; its header then renamed."""
    engine = create_sqlite_engine(data_dir / DATABASE_FILENAME)
    try:
        with writer_engine(engine).begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS_DIR))
            config.attributes["connection"] = connection
            command.downgrade(config, "0011_pin_lockout")
            (stored,) = connection.execute(
                text("SELECT value_json FROM setting WHERE key = 'receipt_header'")
            ).one()
            header = {**json.loads(stored), "name": MIGRATION_DAY_NAME}
            connection.execute(
                text("UPDATE setting SET value_json = :v WHERE key = 'receipt_header'"),
                {"v": json.dumps(header, ensure_ascii=False)},
            )
    finally:
        engine.dispose()


def test_documents_from_before_the_migration_get_the_header_of_that_day_marked_so(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    build_sample_store(data_dir, vat_registered=True, sales=40).context.close()
    _back_to_0011(data_dir)
    context = open_context(data_dir)  # migrates to the head, backfilling
    try:
        day = export_day(context.uow_factory, SALE_DAY)
        documents = [("sale", sale["receipt_number"]) for sale in day["sales"]]
        documents += [("tax_invoice", i["number"]) for s in day["sales"] for i in s["tax_invoices"]]
        documents += [("credit_note", note["number"]) for note in day["credit_notes"]]
        assert {kind for kind, _ in documents} == {"sale", "tax_invoice", "credit_note"}
        with context.uow_factory() as uow:
            found = [uow.sales.issued_header(kind, number) for kind, number in documents]
        assert all(h is not None and h.source is HeaderSource.MIGRATION for h in found)
        assert {h.header.name for h in found if h is not None} == {MIGRATION_DAY_NAME}
        assert all(h is not None and h.vat_registered for h in found)
        receipt = SaleDocumentSource(context.uow_factory).document(*documents[0])
        assert receipt.header.name == MIGRATION_DAY_NAME
        assert all(
            h is not None and dict(h.scheme_names)["khon_la_khrueng"] == "คนละครึ่ง" for h in found
        )
        assert context.engine is not None
        with pytest.raises(IntegrityError, match="cannot be updated"), context.engine.begin() as db:
            db.execute(text("UPDATE issued_header SET source = 'issued'"))  # as issued, for good
    finally:
        context.close()
