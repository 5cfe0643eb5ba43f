"""``otop-pos labels``: barcode labels with Thai name and price, as A4 sheet PDF or ESC/POS."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import EXIT_OK, EXIT_USAGE, CommandError, Subcommands, open_store
from pos.catalogue.domain.barcodes import BarcodeError
from pos.catalogue.services.labels import LabelError, products_for_labels
from receipts.labels import SHEET_LAYOUTS, Label, write_label_sheets

LABELS_HELP = """\
Print labels for products: the Thai name (two lines at most), the price (per kg
for goods sold by weight), the SKU and the barcode.  Goods without a barcode
are given an in-store EAN-13 (prefix 20) first, saved in the catalogue.

A4 label sheets (--pdf):
  3x8   70 x 37 mm, 24 per sheet (edge to edge)
  3x7   63.5 x 38.1 mm, 21 per sheet
  5x13  38.1 x 21.2 mm, 65 per sheet
--skip N leaves the first N labels of a part-used sheet empty.
A thermal label printer (--escpos FILE): ESC/POS raster, one label per cut,
--label-size WxH in millimetres (default 50x30); send the file to the printer
(e.g. cat FILE > /dev/usb/lp0, or nc PRINTER 9100 < FILE).

examples:
  otop-pos labels --sku TX-0101 --sku FD-0301 --copies 3 --pdf labels.pdf
  otop-pos labels --sku TX-0101 --copies 10 --pdf small.pdf --layout 5x13 --skip 12"""


def add_labels_parser(commands: Subcommands) -> None:
    labels = commands.add_parser(
        "labels",
        help="barcode labels with Thai name and price (A4 sheet PDF or thermal printer)",
        description=LABELS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    labels.add_argument("--sku", action="append", required=True, metavar="SKU")
    labels.add_argument("--copies", type=int, default=1, metavar="N", help="labels per SKU")
    labels.add_argument("--pdf", type=Path, metavar="FILE.pdf", help="write A4 label sheets")
    labels.add_argument("--layout", choices=sorted(SHEET_LAYOUTS), default="3x8")
    labels.add_argument("--skip", type=int, default=0, metavar="N")
    labels.add_argument("--escpos", type=Path, metavar="FILE.bin", help="write thermal ESC/POS")
    labels.add_argument("--label-size", default="50x30", metavar="WxH")
    labels.set_defaults(handler=run_labels)


def run_labels(args: argparse.Namespace) -> int:
    if args.pdf is None and args.escpos is None:
        raise CommandError(
            "say where the labels go: --pdf FILE.pdf and/or --escpos FILE.bin", EXIT_USAGE
        )
    if not 1 <= args.copies <= 1000:
        raise CommandError("--copies must be 1-1000", EXIT_USAGE)
    layout = SHEET_LAYOUTS[args.layout]
    if not 0 <= args.skip < layout.per_sheet:
        raise CommandError(f"--skip must be 0-{layout.per_sheet - 1} for {args.layout}", EXIT_USAGE)
    context = open_store(args)
    try:
        products = products_for_labels(context.uow_factory, args.sku)
        labels = [Label.for_product(p) for p in products for _ in range(args.copies)]
    except (LabelError, BarcodeError) as error:
        raise CommandError(str(error)) from None
    finally:
        context.close()
    if args.pdf is not None:
        pages = write_label_sheets(labels, args.pdf, layout, skip=args.skip)
        print(f"{len(labels)} labels on {pages} sheet(s) ({args.layout}) written to {args.pdf}")
    if args.escpos is not None:
        _write_escpos(labels, args.escpos, args.label_size)
    return EXIT_OK


def _write_escpos(labels: list[Label], path: Path, size: str) -> None:
    from pos.printing.domain.printer_settings import PrinterSettings
    from receipts.label_raster import labels_to_escpos

    try:
        width, height = (int(part) for part in size.lower().split("x"))
    except ValueError:
        raise CommandError(
            f"--label-size {size!r}: write it as WIDTHxHEIGHT in mm, e.g. 50x30", EXIT_USAGE
        ) from None
    if not (20 <= width <= 104 and 10 <= height <= 200):
        raise CommandError("--label-size: 20-104 mm wide, 10-200 mm high", EXIT_USAGE)
    path.write_bytes(labels_to_escpos(labels, PrinterSettings(), width_mm=width, height_mm=height))
    print(f"{len(labels)} labels ({width}x{height} mm) written as ESC/POS to {path}")
