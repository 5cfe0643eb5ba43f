"""``otop-pos receipt NUMBER --to FILE``: a stored receipt, tax invoice or credit note as a file."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from cli.common import EXIT_OK, EXIT_USAGE, CommandError, Subcommands, open_store
from pos.clock import SystemClock
from pos.printing.domain.printer_settings import DOTS_58MM, DOTS_80MM, PrinterSettings, PrintMode
from pos.printing.services.print_jobs import document_for_number

RECEIPT_HELP = """\
Write a stored document — a sale's receipt (abbreviated tax invoice, or plain
receipt when the centre is not VAT-registered), a full tax invoice or a credit
note — to a file; the form follows the file's suffix:

  .bin   the exact ESC/POS bytes the receipt printer is sent (as the print
         queue sends them, without opening the cash drawer)
  .png   the paper as the printer prints it (raster mode), or a preview of
         the printer's columns (text mode)
  .pdf   an A4 or A5 page (--page)

NUMBER is as printed (POS01-00000042, POS01-CN-00000007, POS01-TI-00000003),
or shortened (POS01-42, POS01-CN-7, or 42 for a receipt of this terminal).
Paper width and mode default to the receipt printer's settings.

examples:
  otop-pos receipt POS01-00000042 --to receipt.png --width 58
  otop-pos receipt POS01-TI-00000003 --to invoice.pdf --page A5
  otop-pos receipt 42 --to copy.bin --copy      # then: nc PRINTER 9100 < copy.bin"""

WIDTHS = {"58": DOTS_58MM, "80": DOTS_80MM}


def add_receipt_parser(commands: Subcommands) -> None:
    receipt = commands.add_parser(
        "receipt",
        help="write a stored receipt, tax invoice or credit note as .pdf, .png or .bin",
        description=RECEIPT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    receipt.add_argument("number", metavar="NUMBER", help="receipt, tax invoice or credit note")
    receipt.add_argument("--to", required=True, type=Path, metavar="FILE.pdf|FILE.png|FILE.bin")
    receipt.add_argument("--copy", action="store_true", help='mark it "สำเนา / COPY" (a reprint)')
    receipt.add_argument("--width", choices=sorted(WIDTHS), help="paper width in mm")
    receipt.add_argument("--mode", choices=[m.value for m in PrintMode], help="raster or text")
    receipt.add_argument("--page", choices=("A4", "A5"), default="A4", help="PDF page size")
    receipt.set_defaults(handler=run_receipt)


def run_receipt(args: argparse.Namespace) -> int:
    from receipts.document_source import SaleDocumentSource
    from receipts.export import SUFFIXES, write_document
    from receipts.print_worker import DocumentNotFoundError

    if args.to.suffix.lower() not in SUFFIXES:
        raise CommandError(f"--to {args.to}: write to a .pdf, .png or .bin file", EXIT_USAGE)
    context = open_store(args)
    try:
        settings = context.settings()
        wanted = document_for_number(args.number, settings.terminal_id)
        if wanted is None:
            raise CommandError(
                f"{args.number!r} is not a receipt, tax invoice or credit note number"
                f" (e.g. {settings.terminal_id}-00000042)"
            )
        try:
            document = SaleDocumentSource(context.uow_factory).document(*wanted)
        except DocumentNotFoundError as error:
            raise CommandError(f"{error} in this store") from None
    finally:
        context.close()
    printer = _printer(args, settings.receipt_printer)
    if args.copy:
        document = document.as_copy(SystemClock().now())
    try:
        print(write_document(document, args.to, printer, page=args.page))
    except OSError as error:
        raise CommandError(f"cannot write {args.to}: {error.strerror}") from None
    return EXIT_OK


def _printer(args: argparse.Namespace, printer: PrinterSettings) -> PrinterSettings:
    """The store's receipt printer, with the paper width or mode the command line asks for."""
    if args.width:
        printer = dataclasses.replace(printer, paper_width_dots=WIDTHS[args.width])
    if args.mode:
        printer = dataclasses.replace(printer, mode=PrintMode(args.mode))
    return printer
