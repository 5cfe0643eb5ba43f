"""Writing a document to .pdf, .png or .bin (the future `otop-pos receipt --to`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.printing.domain.printer_settings import PrinterSettings, PrintMode
from receipts.document import DocumentKind
from receipts.escpos_output import document_to_escpos
from receipts.export import write_document
from receipts.samples import sample_document
from tests.receipt_helpers import open_png

PRINTER = PrinterSettings(paper_width_dots=384)


def test_each_suffix_gets_its_form(tmp_path: Path) -> None:
    document = sample_document(DocumentKind.TAX_INVOICE, line_count=4)
    write_document(document, tmp_path / "r.bin", PRINTER)
    assert (tmp_path / "r.bin").read_bytes() == document_to_escpos(document, PRINTER)
    write_document(document, tmp_path / "r.png", PRINTER)
    assert open_png(tmp_path / "r.png").width == 384
    write_document(document, tmp_path / "r.pdf", PRINTER, page="A5")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_an_unknown_suffix_is_refused(tmp_path: Path) -> None:
    document = sample_document()
    with pytest.raises(ValueError, match=r"\.pdf, \.png or \.bin"):
        write_document(document, tmp_path / "r.txt", PRINTER)
    assert not (tmp_path / "r.txt").exists()


def test_a_png_in_text_mode_previews_the_printer_columns(tmp_path: Path) -> None:
    document = sample_document()
    text_58 = PrinterSettings(paper_width_dots=384, mode=PrintMode.TEXT)
    said = write_document(document, tmp_path / "r.png", text_58)
    assert "32 columns" in said
    picture = open_png(tmp_path / "r.png")
    assert picture.width == 32 * 12  # one 12-dot cell per column of font A
    assert picture.convert("L").getextrema() == (0, 255)  # something is drawn on white
