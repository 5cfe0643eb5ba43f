"""``otop-pos receipt NUMBER --to FILE`` on real stored sales: bytes, paper and PDF.

The PDFs of a full tax invoice and of credit notes made from the store are
read back with pdftotext (Thai words, totals, VAT, the amount in words, the
buyer's tax ID) and drawn with pdftoppm.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import ImageChops

from cli.main import main
from pos.money import bahttext, format_baht
from pos.printing.domain.printer_settings import DOTS_58MM, DOTS_80MM, PrinterSettings, PrintMode
from pos.sale.services.day_export import export_day
from receipts.blocks import receipt_blocks
from receipts.escpos_decode import decode
from receipts.escpos_output import document_to_escpos
from receipts.raster import render_blocks, to_bilevel
from tests.integration.test_pdf_documents import pdf_text, render_png
from tests.receipt_helpers import open_png
from tools.sample_store import (
    APPROVAL_NUMBER,
    BUYER,
    CENTRE_TAX_ID,
    PERSON,
    SampleStore,
    build_sample_store,
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SampleStore]:
    sample = build_sample_store(tmp_path_factory.mktemp("cli") / "data", vat_registered=True)
    yield sample
    sample.context.close()


@pytest.fixture(scope="module")
def export(store: SampleStore) -> dict[str, Any]:
    return export_day(store.context.uow_factory, store.day)


def receipt(store: SampleStore, *args: str) -> int:
    return main(["--data-dir", str(store.context.data_dir), "receipt", *args])


def _source(store: SampleStore) -> Any:
    from receipts.document_source import SaleDocumentSource

    return SaleDocumentSource(store.context.uow_factory)


def _weighed_cash_sale(export: dict[str, Any]) -> dict[str, Any]:
    return next(
        sale
        for sale in export["sales"]
        if any(line["sold_by_weight"] for line in sale["lines"])
        and any(t["kind"] == "cash" for t in sale["tenders"])
        and not sale["tax_invoices"]
    )


def test_bin_is_the_exact_job_for_the_receipt_printer(
    store: SampleStore, export: dict[str, Any], tmp_path: Path
) -> None:
    sale = _weighed_cash_sale(export)
    number = sale["receipt_number"]
    document = _source(store).document("sale", number)
    printer = store.context.settings().receipt_printer
    assert receipt(store, number, "--to", str(tmp_path / "r.bin")) == 0
    data = (tmp_path / "r.bin").read_bytes()
    assert data == document_to_escpos(document, printer)  # no drawer kick: not a live sale
    job = decode(data)
    assert job.complete and job.cuts == 1 and job.drawer_kicks == []
    assert job.picture().width == printer.paper_width_dots


def test_text_mode_58mm_carries_the_thai_words_and_the_number_as_code128(
    store: SampleStore, export: dict[str, Any], tmp_path: Path
) -> None:
    sale = _weighed_cash_sale(export)
    serial = str(sale["receipt_serial"])  # the short form a cashier types
    target = tmp_path / "r.bin"
    assert receipt(store, serial, "--to", str(target), "--width", "58", "--mode", "text") == 0
    job = decode(target.read_bytes())
    text = " ".join(job.text.split())
    assert "ใบกำกับภาษีอย่างย่อ" in text and "ราคารวมภาษีมูลค่าเพิ่มแล้ว" in text
    assert f"เครื่อง {sale['terminal_id']}" in text and CENTRE_TAX_ID in text
    # the till's name is not the RD's number, which has the label (the sample store's machine)
    assert f"POS ID เลขที่อนุมัติ {APPROVAL_NUMBER}" in text and text.count("POS ID") == 1
    weighed = next(line for line in sale["lines"] if line["sold_by_weight"])
    kilos = f"{weighed['quantity_milli'] // 1000}.{weighed['quantity_milli'] % 1000:03d} กก."
    assert kilos in text
    assert format_baht(sale["total_satang"]) in text
    assert "2564" in text  # Buddhist era
    assert job.barcodes and job.barcodes[-1].endswith(sale["receipt_number"].encode())
    assert "สำเนา" not in text


def test_png_is_the_paper_the_printer_prints(
    store: SampleStore, export: dict[str, Any], tmp_path: Path
) -> None:
    number = export["sales"][5]["receipt_number"]
    document = _source(store).document("sale", number)
    for width, dots in (("58", DOTS_58MM), ("80", DOTS_80MM)):
        target = tmp_path / f"r{width}.png"
        assert receipt(store, number, "--to", str(target), "--width", width) == 0
        paper = open_png(target).convert("1")
        expected = to_bilevel(render_blocks(receipt_blocks(document), dots))
        assert paper.size == expected.size
        assert ImageChops.difference(paper.convert("L"), expected.convert("L")).getbbox() is None


def test_a_copy_says_so(store: SampleStore, export: dict[str, Any], tmp_path: Path) -> None:
    number = export["sales"][0]["receipt_number"]
    target = tmp_path / "copy.bin"
    assert receipt(store, number, "--to", str(target), "--copy", "--mode", "text") == 0
    text = decode(target.read_bytes()).text
    assert text.count("สำเนา / COPY") == 2 and "พิมพ์สำเนา" in text


def test_unknown_numbers_and_files_are_refused_and_nothing_is_written(
    store: SampleStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in ("POS01-09999999", "POS01-CN-999", "hello"):
        target = tmp_path / "nothing.png"
        assert receipt(store, number, "--to", str(target)) == 1
        assert not target.exists()
    error = capsys.readouterr().err
    assert "there is no receipt POS01-09999999" in error
    assert "there is no credit note POS01-CN-00000999" in error
    assert "'hello' is not a receipt, tax invoice or credit note number" in error
    assert receipt(store, "1", "--to", str(tmp_path / "r.txt")) == 2


def skeleton(text: str) -> str:
    """Letters and digits in order, without marks and spaces: pdftotext lists a mark over an
    upper vowel after the next letter (ที่ถูก → ทีถ ่ ูก), and wraps table cells."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn" and not ch.isspace())


def _pdf(store: SampleStore, number: str, path: Path, page: str = "A4") -> str:
    assert receipt(store, number, "--to", str(path), "--page", page) == 0
    picture = render_png(path, path.with_suffix(""))
    assert picture.size[0] > 300 and ImageChops.invert(picture.convert("L")).getbbox()
    return skeleton(pdf_text(path))


@pytest.mark.parametrize("page", ["A4", "A5"])
def test_full_tax_invoice_pdf_from_a_stored_sale(
    store: SampleStore, export: dict[str, Any], tmp_path: Path, page: str
) -> None:
    sale = next(
        sale
        for sale in export["sales"]
        if sale["receipt_number"] == store.with_buyer_at_payment.receipt_number
    )
    invoice = sale["tax_invoices"][0]
    text = _pdf(store, invoice["number"].lower(), tmp_path / f"invoice-{page}.pdf", page)
    for expected in (
        "ใบกำกับภาษี",
        "ต้นฉบับ",
        invoice["number"],
        CENTRE_TAX_ID,
        "สำนักงานใหญ่",
        BUYER.name,
        BUYER.tax_id,
        "VAT 7%",
        format_baht(sale["vat_satang"]),
        format_baht(sale["total_satang"]),
        bahttext(sale["total_satang"]),
        "2564",
        f"ใบเสร็จเลขที่ {sale['receipt_number']}",
        sale["lines"][0]["name_th"],
    ):
        assert skeleton(expected) in text, expected


def test_a_replacement_tax_invoice_names_the_one_it_cancels(
    store: SampleStore, export: dict[str, Any], tmp_path: Path
) -> None:
    sale = next(sale for sale in export["sales"] if len(sale["tax_invoices"]) == 2)
    first, second = sale["tax_invoices"]
    text = _pdf(store, second["number"], tmp_path / "replacement.pdf")
    assert skeleton(f"ออกแทนเอกสารเลขที่ {first['number']}") in text
    assert skeleton("เหตุที่ออกแทน: แก้ไขที่อยู่ผู้ซื้อ") in text and PERSON.tax_id in text
    old = _pdf(store, first["number"], tmp_path / "replaced.pdf")
    assert skeleton(f"ออกแทนเอกสารเลขที่ {sale['receipt_number']}") in old  # the receipt
    assert skeleton(f"ออกใบใหม่แทน เลขที่ {second['number']}") in old


def test_credit_note_pdfs_from_stored_returns(
    store: SampleStore, export: dict[str, Any], tmp_path: Path
) -> None:
    sales = {sale["sale_id"]: sale for sale in export["sales"]}
    co_pay = next(
        n
        for n in export["credit_notes"]
        if n["returned_to_government_satang"] and n["cash_paid_out_satang"]
    )
    for note in (co_pay, next(n for n in export["credit_notes"] if n["kind"] == "void")):
        text = _pdf(store, note["number"], tmp_path / f"{note['number']}.pdf")
        sale = sales[note["sale_id"]]
        for expected in (
            "ใบลดหนี้",
            note["number"],
            sale["receipt_number"],
            note["reason"],
            format_baht(note["total_satang"]),
            format_baht(note["vat_satang"]),
            bahttext(note["total_satang"]),
            "มูลค่าที่ถูกต้อง",
            format_baht(sale["total_satang"]),
        ):
            assert skeleton(expected) in text, (note["number"], expected)
    text = skeleton(pdf_text(tmp_path / f"{co_pay['number']}.pdf"))
    government = format_baht(co_pay["returned_to_government_satang"])
    assert skeleton(f"(คืนรัฐบาล (ผ่านแอป) {government})") in text  # the buyer's half: cash
    assert skeleton(f"คืนเงินสด {format_baht(co_pay['cash_paid_out_satang'])}") in text


def test_text_mode_png_is_a_preview_of_the_columns(
    store: SampleStore, export: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "text.png"
    number = export["credit_notes"][0]["number"]
    assert receipt(store, number, "--to", str(target), "--mode", "text", "--width", "80") == 0
    assert open_png(target).width == PrinterSettings(mode=PrintMode.TEXT).text_columns * 12
