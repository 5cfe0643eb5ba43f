"""Receipt figures: an 80 mm, 20-line Thai receipt rendered to printer bytes; bytes per receipt.

The render is the whole path a print job takes before the wire: document →
blocks → QPainter picture (Thai shaped, wrapped at word boundaries) → 1-bit →
python-escpos ``image()`` (GS v 0) with init, cut and drawer kick; text mode
is the CP874 path.  The receipt has a scheme tender, a discount, weighed goods,
the Code 128 number and a QR code.
"""

from __future__ import annotations

from argparse import Namespace

from bench.stats import Figure, percentile, time_each
from pos.printing import DOTS_58MM, DOTS_80MM, PrinterSettings, PrintMode
from receipts.document import DocumentKind
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
        samples = time_each(
            lambda _, settings=settings: document_to_escpos(document, settings, open_drawer=True),
            list(range(RUNS)),
        )
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
    return figures
