"""A document written to a file by its suffix: ``.pdf``, ``.png`` or ``.bin`` (exact ESC/POS bytes).

The body of ``otop-pos receipt NUMBER --to FILE`` (:mod:`cli.receipt_commands`):

* ``.bin`` — the bytes the print worker sends for this printer (without a
  drawer kick), byte for byte;
* ``.png`` — in raster mode the paper as the printer prints it, decoded back
  from those bytes; in text mode a preview of the CP874 columns
  (:mod:`receipts.text_preview`; the printer's own font will differ);
* ``.pdf`` — the A4 or A5 document (:mod:`receipts.pdf`).
"""

from __future__ import annotations

from pathlib import Path

from pos.printing.domain.printer_settings import PrinterSettings, PrintMode
from receipts.blocks import receipt_blocks
from receipts.document import Document
from receipts.escpos_decode import decode
from receipts.escpos_output import document_to_escpos
from receipts.pdf import write_pdf
from receipts.text_preview import render_text_mode

SUFFIXES = (".pdf", ".png", ".bin")


def write_document(
    document: Document, target: Path, printer: PrinterSettings, *, page: str = "A4"
) -> str:
    """Write ``document``; returns a one-line description of what was written."""
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        write_pdf(document, target, page=page)
        return f"{document.kind.title_th} {document.number}: PDF ({page}) → {target}"
    if suffix not in SUFFIXES:
        raise ValueError(f"{target.name}: write to a .pdf, .png or .bin file")
    if suffix == ".png" and printer.mode is not PrintMode.RASTER:
        preview = render_text_mode(receipt_blocks(document), columns=printer.text_columns)
        preview.convertToFormat(preview.Format.Format_Mono).save(str(target))
        return f"{document.number}: text-mode preview, {printer.text_columns} columns → {target}"
    data = document_to_escpos(document, printer)
    if suffix == ".bin":
        target.write_bytes(data)
        return f"{document.number}: {len(data):,} bytes of ESC/POS → {target}"
    # .png: the paper as the printer would print it, decoded from those very bytes
    picture = decode(data).picture()
    picture.save(target, optimize=True)
    return f"{document.number}: {picture.width}×{picture.height} dots → {target}"
