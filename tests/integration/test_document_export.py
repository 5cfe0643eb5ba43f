"""Writing a document to .pdf, .png or .bin (the future `otop-pos receipt --to`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pos.printing import PrinterSettings, PrintMode
from receipts.document import DocumentKind
from receipts.escpos_output import document_to_escpos
from receipts.export import write_document
from receipts.samples import sample_document

PRINTER = PrinterSettings(paper_width_dots=384)


def test_each_suffix_gets_its_form(tmp_path: Path) -> None:
    document = sample_document(DocumentKind.TAX_INVOICE, line_count=4)
    write_document(document, tmp_path / "r.bin", PRINTER)
    assert (tmp_path / "r.bin").read_bytes() == document_to_escpos(document, PRINTER)
    write_document(document, tmp_path / "r.png", PRINTER)
    assert Image.open(tmp_path / "r.png").width == 384
    write_document(document, tmp_path / "r.pdf", PRINTER, page="A5")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_an_unknown_suffix_or_a_png_from_text_mode_is_refused(tmp_path: Path) -> None:
    document = sample_document()
    with pytest.raises(ValueError, match=r"\.pdf, \.png or \.bin"):
        write_document(document, tmp_path / "r.txt", PRINTER)
    with pytest.raises(ValueError, match="raster"):
        write_document(document, tmp_path / "r.png", PrinterSettings(mode=PrintMode.TEXT))
    assert not (tmp_path / "r.png").exists()
