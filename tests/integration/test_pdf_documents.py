"""Tax invoices, credit notes and copies as PDF: the text in them, and rendered by pdftoppm."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from pos.money import bahttext, format_baht
from receipts.document import DocumentKind
from receipts.pdf import write_pdf
from receipts.samples import sample_credit_note, sample_document
from tests.receipt_helpers import open_png


def pdf_text(path: Path) -> str:
    """pdftotext's reading of the PDF, in canonical order.

    Shaping splits SARA AM into NIKHAHIT + SARA AA, and pdftotext lists stacked marks
    in drawing order (ไม้เอก before สระอุ): both are put back as typed.  It also lists a
    tone mark over SARA AM or a short vowel after the next letter (น้ำ → นํา้), so the
    tests look for words without that pair.
    """
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return unicodedata.normalize("NFC", text.replace("\u0e4d\u0e32", "\u0e33"))


def render_png(path: Path, out: Path) -> Image.Image:
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(path), str(out)], check=True)
    return open_png(out.with_suffix(".png"))


@pytest.mark.parametrize("page", ["A4", "A5"])
def test_a_full_tax_invoice_says_what_the_revenue_code_asks(tmp_path: Path, page: str) -> None:
    document = sample_document(DocumentKind.TAX_INVOICE, line_count=6, scheme=True)
    path = tmp_path / f"invoice-{page}.pdf"
    write_pdf(document, path, page=page)
    text = pdf_text(path)
    totals = document.totals
    for expected in (
        "ใบกำกับภาษี",
        "TAX INVOICE",
        "ต้นฉบับ",
        document.number,
        document.header.tax_id,
        "สำนักงานใหญ่",
        "บริษัท กันทรลักษ์",  # the buyer
        "0335559000123",  # the buyer's tax ID
        "ผ้าขาวม้าทอมือลายตาหมากรุก",
        "กลุ่มทอผ้าไหมบ้านหนองบัว",
        "VAT 7%",
        format_baht(totals.vat_satang),
        format_baht(totals.total_satang),
        bahttext(totals.total_satang),
        "2569",  # Buddhist era
        "รัฐบาลจ่าย 150.00",
    ):
        assert expected in text, expected
    picture = render_png(path, tmp_path / f"invoice-{page}")
    expected_width = 496 if page == "A4" else 349  # 210 mm / 148 mm at 60 dpi
    assert abs(picture.width - expected_width) <= 1
    assert picture.convert("L").getextrema()[0] < 50  # something dark was drawn


def test_a_credit_note_names_the_original_and_the_difference(tmp_path: Path) -> None:
    note = sample_credit_note()
    path = tmp_path / "credit-note.pdf"
    write_pdf(note, path)
    text = pdf_text(path)
    assert note.refers_to is not None and note.refers_to.total_satang is not None
    for expected in (
        "ใบลดหนี้",
        "CREDIT NOTE",
        note.refers_to.number,
        "สินค้าชำรุด",
        "มูลค่าตามใบกำกับภาษีเดิม",
        format_baht(note.refers_to.total_satang),
        format_baht(note.totals.total_satang),
        bahttext(note.totals.total_satang),
    ):
        assert expected in text, expected


def test_a_reprint_is_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "copy.pdf"
    write_pdf(sample_document(DocumentKind.TAX_INVOICE, line_count=2).as_copy(), path, page="A5")
    text = pdf_text(path)
    assert "สำเนา / COPY" in text and "ต้นฉบับ" not in text


def test_extracted_thai_keeps_its_tone_marks(tmp_path: Path) -> None:
    """Shaped marks use Laksaman's private-use glyphs; the PDF maps them back to Thai."""
    path = tmp_path / "marks.pdf"
    write_pdf(sample_document(DocumentKind.TAX_INVOICE, line_count=9), path)
    text = pdf_text(path)
    assert "ผ้าขาวม้าทอมือ" in text and "ยาหม่องสมุนไพร" in text and "ศูนย์จำหน่าย" in text
    assert not any("\uf700" <= ch <= "\uf71a" for ch in text)
