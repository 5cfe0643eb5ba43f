"""Barcode labels: check digits, A4 sheet PDF, thermal ESC/POS, the CLI on the demo store."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest

from cli.main import main
from pos.bootstrap import AppContext
from pos.catalogue.domain.barcodes import BarcodeError, canonical_gtin
from pos.catalogue.services.labels import LabelError, products_for_labels
from pos.printing.domain.printer_settings import PrinterSettings
from receipts.escpos_decode import decode
from receipts.label_raster import labels_to_escpos
from receipts.labels import SHEET_LAYOUTS, Label, bar_modules, write_label_sheets


def _pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFC", text.stdout.replace("\u0e4d\u0e32", "\u0e33"))


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def test_a_wrong_check_digit_is_refused_not_silently_fixed() -> None:
    with pytest.raises(BarcodeError, match="should be 2"):
        bar_modules("8851943010019")
    modules, digits = bar_modules("8851943010012")
    assert digits == "8851943010012" and len(modules) == 95


@pytest.mark.parametrize("layout", sorted(SHEET_LAYOUTS))
def test_a_label_sheet_has_the_names_prices_and_codes(tmp_path: Path, layout: str) -> None:
    labels = [
        Label("หอมแดงศรีสะเกษ", 8000, "2100001000004", "FD-0301", "กก."),
        Label("ผ้าขาวม้าทอมือ", 25000, "2000000000015", "TX-0102"),
    ] * 20
    path = tmp_path / f"{layout}.pdf"
    per_sheet = SHEET_LAYOUTS[layout].per_sheet
    pages = write_label_sheets(labels, path, SHEET_LAYOUTS[layout], skip=3)
    assert pages == _pages(path) == -(-(len(labels) + 3) // per_sheet)
    text = _pdf_text(path)
    assert text.count("หอมแดงศรีสะเกษ") == 20 and text.count("฿250.00") == 20
    assert "฿80.00/กก." in text and "2100001000004" in text


def test_thermal_labels_are_one_picture_and_one_cut_each() -> None:
    labels = [Label("กระเทียมดำ บรรจุขวดแก้ว", 18500, "8851943010012")] * 3
    job = decode(labels_to_escpos(labels, PrinterSettings(), width_mm=50, height_mm=30))
    assert job.cuts == 3
    assert [(image.width, image.height) for image in job.images] == [(400, 240)] * 3


def test_goods_without_a_barcode_get_an_in_store_code_that_the_store_keeps(
    demo_context: AppContext,
) -> None:
    import dataclasses

    with demo_context.uow_factory() as uow:
        product = uow.catalog.product_by_sku("TX-GIFT-0001")
        assert product is not None
        uow.catalog.save_products([dataclasses.replace(product, barcode=None)], {})
        uow.commit()
    (labelled,) = products_for_labels(demo_context.uow_factory, ["tx-gift-0001"])
    assert labelled.barcode is not None and labelled.barcode.startswith("20")
    assert canonical_gtin(labelled.barcode) == labelled.barcode
    with demo_context.uow_factory() as uow:
        assert uow.catalog.product_by_barcode(labelled.barcode) == labelled


def test_an_unknown_sku_refuses_the_whole_request(demo_context: AppContext) -> None:
    with pytest.raises(LabelError, match="NO-SUCH"):
        products_for_labels(demo_context.uow_factory, ["TX-GIFT-0001", "NO-SUCH"])


def test_the_labels_command_on_the_demo_store(
    demo_context: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = str(demo_context.data_dir)
    pdf, escpos = tmp_path / "labels.pdf", tmp_path / "labels.bin"
    code = main(
        [
            "--data-dir",
            data_dir,
            "labels",
            "--sku",
            "FD-GIFT-0001",
            "--sku",
            "FD-DURI-0002",
            "--copies",
            "5",
            "--pdf",
            str(pdf),
            "--layout",
            "3x7",
            "--escpos",
            str(escpos),
        ]
    )
    assert code == 0
    assert "10 labels on 1 sheet(s) (3x7)" in capsys.readouterr().out
    text = _pdf_text(pdf)
    assert text.count("฿390.00") == 5 and "/กก." in text  # durian is sold by the kg
    assert decode(escpos.read_bytes()).cuts == 10
    assert main(["--data-dir", data_dir, "labels", "--sku", "NOPE", "--pdf", str(pdf)]) == 1
    assert "unknown SKU(s): NOPE" in capsys.readouterr().err
