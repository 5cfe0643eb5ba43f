"""A document written to a file by its suffix: ``.pdf``, ``.png`` or ``.bin`` (exact ESC/POS bytes).

This is the body of the future ``otop-pos receipt RECEIPT_NO --to FILE`` command:
once the sale model can produce a :class:`Document` for a receipt number, the
command only looks it up and calls :func:`write_document`.
"""

from __future__ import annotations

from pathlib import Path

from pos.printing import PrinterSettings, PrintMode
from receipts.document import Document
from receipts.escpos_decode import decode
from receipts.escpos_output import document_to_escpos
from receipts.pdf import write_pdf

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
        raise ValueError("a PNG is made from a raster receipt: use a printer in raster mode")
    data = document_to_escpos(document, printer)
    if suffix == ".bin":
        target.write_bytes(data)
        return f"{document.number}: {len(data):,} bytes of ESC/POS → {target}"
    # .png: the paper as the printer would print it, decoded from those very bytes
    picture = decode(data).picture()
    picture.save(target, optimize=True)
    return f"{document.number}: {picture.width}×{picture.height} dots → {target}"
