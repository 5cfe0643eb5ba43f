"""Receipt figures: an 80 mm, 20-line Thai receipt rendered to printer bytes; bytes per receipt.

The render is the whole path a print job takes before the wire: document →
blocks → QPainter picture (Thai shaped, wrapped at word boundaries) → 1-bit →
python-escpos ``image()`` (GS v 0) with init, cut and drawer kick; text mode
is the CP874 path.  The receipt has a scheme tender, a discount, weighed goods,
the Code 128 number and a QR code.

"Stored sale → printer bytes" is what the print worker does for a real job: a
20-line sale committed by the checkout to a SQLite store (co-pay and cash,
weighed goods, a discount) is read back by its receipt number, mapped to its
document (:class:`receipts.document_source.SaleDocumentSource`) and rendered.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from argparse import Namespace
from collections.abc import Callable
from pathlib import Path

from bench.stats import Figure, percentile, time_each
from pos.bootstrap import AppContext, initialise
from pos.clock import THAI_TIME, FakeClock
from pos.ids import SaleId, ShiftId
from pos.printing.domain.printer_settings import DOTS_58MM, DOTS_80MM, PrinterSettings, PrintMode
from pos.sale.domain.cart import Cart, Discount, DiscountKind
from pos.sale.domain.tenders import CashTender, SchemeTender, Tender
from pos.sale.services.checkout import CheckoutRequest, commit_sale
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, open_shift
from receipts.document import Document, DocumentKind
from receipts.document_source import SaleDocumentSource
from receipts.escpos_output import document_to_escpos
from receipts.pdf import pdf_bytes
from receipts.qt_runtime import ensure_qt
from receipts.samples import sample_document

RUNS = 200


def run(_options: Namespace) -> list[Figure]:
    ensure_qt()
    document = sample_document(line_count=20)
    raster_80 = PrinterSettings(paper_width_dots=DOTS_80MM)
    raster_58 = PrinterSettings(paper_width_dots=DOTS_58MM)
    text_80 = PrinterSettings(paper_width_dots=DOTS_80MM, mode=PrintMode.TEXT)
    figures = []
    for name, settings, goal in (
        ("80 mm 20-line Thai receipt → bytes, p95", raster_80, 50.0),
        ("58 mm 20-line Thai receipt → bytes, p95", raster_58, None),
        ("80 mm text mode (CP874) → bytes, p95", text_80, None),
    ):
        samples = time_each(_escpos_of(document, settings), list(range(RUNS)))
        median = percentile(samples, 0.5)
        figures.append(
            Figure(name, percentile(samples, 0.95), "ms", goal, note=f"median {median:.1f} ms")
        )
    for name, settings in (
        ("bytes per receipt, raster 80 mm", raster_80),
        ("bytes per receipt, raster 58 mm", raster_58),
        ("bytes per receipt, text mode 80 mm", text_80),
    ):
        size = len(document_to_escpos(document, settings))
        figures.append(Figure(name, size / 1024, "kB", note=f"{size:,} bytes, 20 lines"))
    invoice = sample_document(DocumentKind.TAX_INVOICE, line_count=20)
    samples = time_each(lambda _: pdf_bytes(invoice), list(range(30)))
    figures.append(Figure("A4 tax invoice PDF, 20 lines, p95", percentile(samples, 0.95), "ms"))
    with tempfile.TemporaryDirectory() as work:
        figures += _stored_sale(Path(work), raster_80)
    return figures


def _escpos_of(document: Document, settings: PrinterSettings) -> Callable[[object], bytes]:
    """The receipt's bytes for ``settings``, as an operation for :func:`time_each`."""
    return lambda _: document_to_escpos(document, settings, open_drawer=True)


def _stored_sale(work: Path, printer: PrinterSettings) -> list[Figure]:
    context, _ = initialise(work / "store", demo=True)
    try:
        number = _twenty_line_sale(context)
        source = SaleDocumentSource(context.reader())
        lookup = time_each(lambda _: source.document("sale", number), list(range(RUNS)))

        def job(_: object) -> bytes:  # what the worker does for the job "sale", number
            return document_to_escpos(source.document("sale", number), printer, open_drawer=True)

        to_bytes = time_each(job, list(range(RUNS)))
    finally:
        context.close()
    return [
        Figure(
            "stored 20-line sale → document, p95",
            percentile(lookup, 0.95),
            "ms",
            note=f"median {percentile(lookup, 0.5):.1f} ms",
        ),
        Figure(
            "stored 20-line sale → 80 mm bytes, p95",
            percentile(to_bytes, 0.95),
            "ms",
            50.0,
            note=f"median {percentile(to_bytes, 0.5):.1f} ms",
        ),
    ]


def _twenty_line_sale(context: AppContext) -> str:
    """A 20-line sale on 5 July 2021 (co-pay open) paid by Khon La Khrueng and cash."""
    with context.uow_factory() as uow:
        goods = [p for p in uow.catalog.all_products() if p.unit_price_satang > 0]
        cashier = next(u for u in uow.users.active_users() if not u.is_manager)
    cart = Cart()
    for index, product in enumerate(goods[::9][:20]):
        if product.sold_by_weight:
            cart.add_weighed(product, 750 + 25 * index)
        else:
            cart.add_product(product, 1000 * (1 + index % 2))
    cart.set_line_discount(cart.lines[0].line_id, Discount(DiscountKind.PERCENT, 500))
    total = cart.totals(700).total_satang
    tenders: list[Tender] = [
        SchemeTender("khon_la_khrueng", 30_000, "BENCH-KLK-1"),
        CashTender((total - 30_000) // 100_000 * 100_000 + 100_000),
    ]
    clock = FakeClock(dt.datetime(2021, 7, 5, 11, 0, tzinfo=THAI_TIME))
    assert cashier.user_id is not None
    # nothing is sold without an open shift (issue 6)
    opening = OpenShiftRequest(ShiftId(uuid.uuid4()), cashier.user_id, float_satang=200_000)
    open_shift(context.uow_factory, clock, opening)
    request = CheckoutRequest(SaleId(uuid.uuid4()), cart, tenders, cashier.user_id)
    return commit_sale(context.uow_factory, clock, request).receipt_number
