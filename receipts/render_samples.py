"""Render the sample documents to PNG for people to look at.

Run ``python -m receipts.render_samples DIR`` (default docs/samples).

Thermal receipts are decoded back from the ESC/POS bytes a printer would get
(so the PNG is what the printer prints); PDFs are rendered with pdftoppm.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from pos.printing import DOTS_58MM, DOTS_80MM, PrinterSettings
from receipts.blocks import receipt_blocks
from receipts.document import DocumentKind
from receipts.escpos_decode import decode
from receipts.escpos_output import document_to_escpos
from receipts.label_raster import render_label
from receipts.labels import SHEET_LAYOUTS, Label, write_label_sheets
from receipts.pdf import write_pdf
from receipts.samples import sample_credit_note, sample_document
from receipts.text_preview import render_text_mode

LABELS = [
    Label("ผ้าไหมมัดหมี่ลายลูกแก้ว ย้อมสีธรรมชาติ ทอมือ", 185000, "2000000000015", "TX-0101"),
    Label("หอมแดงศรีสะเกษ (GI)", 8000, "2100001000004", "FD-0301", "กก."),
    Label("น้ำพริกเผาหอมแดงสูตรโบราณ", 6500, "8851943010012", "FD-0303"),
    Label("ยาหม่องสมุนไพรไพลสด", 4500, "8851943010029", "HB-0401"),
]


def _thermal(out: Path) -> None:
    receipt = sample_document(line_count=8)
    for name, document, width in (
        ("receipt-80mm", receipt, DOTS_80MM),
        ("receipt-58mm", receipt, DOTS_58MM),
        (
            "reprint-58mm",
            sample_document(line_count=3, scheme=False).as_copy(receipt.issued_at),
            DOTS_58MM,
        ),
        ("credit-note-80mm", sample_credit_note(), DOTS_80MM),
    ):
        job = decode(document_to_escpos(document, PrinterSettings(paper_width_dots=width)))
        job.picture().save(out / f"{name}.png", optimize=True)
    text = render_text_mode(receipt_blocks(receipt), columns=32)
    text.convertToFormat(text.Format.Format_Mono).save(str(out / "receipt-58mm-text-mode.png"))
    render_label(LABELS[0]).save(str(out / "label-thermal-50x30.png"))


def _pdfs(out: Path, work: Path) -> None:
    invoice = sample_document(DocumentKind.TAX_INVOICE, line_count=6)
    for name, document, page in (
        ("tax-invoice-A4", invoice, "A4"),
        ("tax-invoice-A5", invoice, "A5"),
        ("credit-note-A4", sample_credit_note(), "A4"),
    ):
        write_pdf(document, work / f"{name}.pdf", page=page)
        _to_png(work / f"{name}.pdf", out / name)
    for layout in ("3x8", "5x13"):
        write_label_sheets(LABELS * 6, work / f"labels-{layout}.pdf", SHEET_LAYOUTS[layout])
        _to_png(work / f"labels-{layout}.pdf", out / f"labels-{layout}")


def _to_png(pdf: Path, stem: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-r", "72", "-gray", "-png", "-singlefile", str(pdf), str(stem)], check=True
    )
    png = stem.with_suffix(".png")
    Image.open(png).quantize(16).save(png, optimize=True)  # 16 greys: a third of the size


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/samples")
    out.mkdir(parents=True, exist_ok=True)
    _thermal(out)
    with tempfile.TemporaryDirectory() as work:
        _pdfs(out, Path(work))
    print(f"samples written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
