"""The sample documents in docs/samples, printed from real stored sales.

    .venv/bin/python -m tools.receipt_samples docs/samples

Builds two demo stores in a temporary directory — the centre VAT-registered
and not — trades a simulated day in each through the real checkout
(:mod:`tools.sample_store`), then writes what the counter would print for
chosen sales: thermal receipts decoded back from the ESC/POS bytes the
printer is sent (58 mm and 80 mm), PDFs drawn with pdftoppm, a text-mode
preview, and the label samples of :mod:`receipts.render_samples`.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from pos.printing.domain.printer_settings import DOTS_58MM, DOTS_80MM, PrinterSettings
from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.tenders import TenderKind
from receipts.blocks import receipt_blocks
from receipts.document import Document
from receipts.document_source import SaleDocumentSource
from receipts.escpos_decode import decode
from receipts.escpos_output import document_to_escpos
from receipts.pdf import write_pdf
from receipts.render_samples import labels as label_samples
from receipts.render_samples import to_png
from receipts.text_preview import render_text_mode
from tools.sample_store import SampleStore, build_sample_store

WIDTHS = {"58mm": DOTS_58MM, "80mm": DOTS_80MM}


def _pick(sales: list[Sale], wanted: Callable[[Sale], bool], score: Callable[[Sale], int]) -> Sale:
    return max((sale for sale in sales if wanted(sale)), key=score)


def _kinds(sale: Sale) -> set[TenderKind]:
    return {tender.kind for tender in sale.tenders}


def _documents(vat: SampleStore, plain: SampleStore) -> dict[str, Document]:
    """The documents to show, chosen from the stored day for what each must show."""
    with vat.context.uow_factory() as uow:
        sales = [s for s in uow.sales.sales_on(vat.day) if not s.tax_invoices]
        notes = uow.sales.credit_notes_on(vat.day)
    with plain.context.uow_factory() as uow:
        plain_sales = [s for s in uow.sales.sales_on(plain.day) if not s.tax_invoices]
    source, plain_source = (
        SaleDocumentSource(vat.context.uow_factory),
        SaleDocumentSource(plain.context.uow_factory),
    )
    mixed = _pick(
        sales,
        lambda s: bool(s.vat) and s.non_vat_satang > 0 and s.change_satang > 0,
        lambda s: len({line.producer_name for line in s.lines}) * 10 + len(s.lines),
    )
    co_pay = _pick(  # Khon La Khrueng: the government's half and the buyer's half
        sales,
        lambda s: any(t.scheme_code == "khon_la_khrueng" for t in s.tenders),
        lambda s: len(_kinds(s)) * 10 + len(s.lines),
    )
    weighed = _pick(
        sales,
        lambda s: _kinds(s) == {TenderKind.CASH} and s.cash_rounding_satang != 0,
        lambda s: sum(line.sold_by_weight for line in s.lines) * 10 + len(s.lines),
    )
    plain_sale = _pick(plain_sales, lambda s: TenderKind.CASH in _kinds(s), lambda s: len(s.lines))
    refund = next(n for n in notes if n.returned_to_government_satang and n.cash_paid_out_satang)
    invoice = vat.with_buyer_at_payment.tax_invoices[0]
    abbreviated = source.document("sale", mixed.receipt_number)
    return {
        "abbreviated-tax-invoice": abbreviated,
        "receipt": plain_source.document("sale", plain_sale.receipt_number),
        "co-pay": source.document("sale", co_pay.receipt_number),
        "weighed": source.document("sale", weighed.receipt_number),
        "credit-note": source.document("credit_note", refund.number),
        "reprint": abbreviated.as_copy(abbreviated.issued_at.replace(hour=17, minute=42)),
        "tax-invoice": source.document("tax_invoice", invoice.number),
    }


def _thermal(name: str, document: Document, out: Path) -> list[str]:
    written = []
    for suffix, dots in WIDTHS.items():
        job = decode(document_to_escpos(document, PrinterSettings(paper_width_dots=dots)))
        target = out / f"{name}-{suffix}.png"
        job.picture().save(target, optimize=True)
        written.append(target.name)
    return written


def write_samples(out: Path, work: Path) -> list[str]:
    vat = build_sample_store(work / "vat", vat_registered=True)
    plain = build_sample_store(work / "plain", vat_registered=False, sales=60)
    try:
        documents = _documents(vat, plain)
    finally:
        vat.context.close()
        plain.context.close()
    written = []
    for name, document in documents.items():
        written += _thermal(name, document, out)
    for name, document, page in (
        ("tax-invoice-A4", documents["tax-invoice"], "A4"),
        ("tax-invoice-A5", documents["tax-invoice"], "A5"),
        ("credit-note-A4", documents["credit-note"], "A4"),
    ):
        write_pdf(document, work / f"{name}.pdf", page=page)
        to_png(work / f"{name}.pdf", out / name)
        written.append(f"{name}.png")
    preview = render_text_mode(receipt_blocks(documents["co-pay"]), columns=32)
    mono = preview.convertToFormat(preview.Format.Format_Mono)
    mono.save(str(out / "receipt-58mm-text-mode.png"))
    written.append("receipt-58mm-text-mode.png")
    written += label_samples(out, work)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/samples")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        written = write_samples(out, Path(work))
    for name in written:
        with Image.open(out / name) as picture:
            size = (out / name).stat().st_size
            print(f"{name}: {picture.width}×{picture.height}, {size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
