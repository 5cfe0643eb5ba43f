"""A document as the exact ESC/POS bytes for one printer, built with python-escpos.

The bytes of a job are built in full first (python-escpos's ``Dummy`` printer
collects them) and then sent in one go by :mod:`receipts.connections`, so a
job that fails half-way is simply sent again whole.  A job is::

    ESC @                      initialise (forget any half-received job's state)
    ESC p m t1 t2              kick the cash drawer (only when asked: the print queue never
                               asks, it kicks the drawer as a job of its own once the receipt
                               has arrived, so a receipt sent again does not open it again)
    GS v 0 … | ESC t n + text  the document: raster picture, or CP874 text
    ESC d 6, GS V 0            feed past the cutter and cut

Raster pictures are ``GS v 0`` commands in slices of at most 960 rows (which
every printer's buffer accepts), byte for byte what python-escpos's
``image(impl="bitImageRaster")`` writes — a test holds them equal — but packed
straight from the 1-bit picture: ``image()`` converts every picture through
RGBA, greyscale and a dithering pass, 25 ms of a 45 ms receipt, for a picture
that is already black and white.
"""

from __future__ import annotations

import copy
import struct

from escpos.printer import Dummy
from PIL import Image

from pos.printing.domain.printer_settings import PrinterSettings, PrintMode
from receipts.blocks import Block, receipt_blocks
from receipts.document import Document
from receipts.raster import render_blocks, to_bilevel
from receipts.text_mode import write_text_mode

INIT = b"\x1b@"
SLICE_ROWS = 960  # rows per GS v 0 command: every printer's buffer takes this much


def raster_commands(picture: Image.Image) -> bytes:
    """``GS v 0`` commands printing a 1-bit picture, in slices of at most 960 rows."""
    if picture.mode != "1" or picture.width % 8:
        raise ValueError("a raster picture is 1-bit and a multiple of 8 dots wide")
    width_bytes = picture.width // 8
    commands = []
    for top in range(0, picture.height, SLICE_ROWS):
        rows = min(SLICE_ROWS, picture.height - top)
        piece = picture.crop((0, top, picture.width, top + rows))
        header = b"\x1dv0\x00" + struct.pack("<HH", width_bytes, rows)
        commands.append(header + piece.tobytes("raw", "1;I"))  # 1 = a black dot
    return b"".join(commands)


def drawer_kick(pin: int) -> bytes:
    """``ESC p``: a 100 ms pulse on drawer pin 2 or 5."""
    if pin not in (2, 5):
        raise ValueError(f"a cash drawer is on pin 2 or 5, not {pin}")
    printer = Dummy()
    printer.cashdraw(pin)
    return bytes(printer.output)


def escpos_collector(width_dots: int) -> Dummy:
    """A Dummy printer that knows the paper width (python-escpos checks pictures against it)."""
    printer = Dummy()
    # the profile object is shared by every printer of its kind: change a copy
    printer.profile.profile_data = copy.deepcopy(printer.profile.profile_data)
    media = printer.profile.profile_data["media"]
    media["width"] = {"pixels": width_dots, "mm": width_dots // 8}
    media["dpi"] = 203
    return printer


def blocks_to_escpos(
    blocks: list[Block], settings: PrinterSettings, *, open_drawer: bool = False
) -> bytes:
    printer = escpos_collector(settings.paper_width_dots)
    printer._raw(INIT)
    if open_drawer and settings.drawer_pin:
        printer._raw(drawer_kick(settings.drawer_pin))
    if settings.mode is PrintMode.RASTER:
        picture = to_bilevel(render_blocks(blocks, settings.paper_width_dots))
        printer._raw(raster_commands(picture))
    else:
        write_text_mode(
            printer, blocks, columns=settings.text_columns, code_page=settings.code_page
        )
    if settings.cut:
        printer.cut()
    else:
        printer.print_and_feed(6)
    return bytes(printer.output)


def document_to_escpos(
    document: Document, settings: PrinterSettings, *, open_drawer: bool = False
) -> bytes:
    """The whole job for ``document`` on the printer ``settings`` describe."""
    return blocks_to_escpos(receipt_blocks(document), settings, open_drawer=open_drawer)


def drawer_only(settings: PrinterSettings) -> bytes:
    """Open the drawer and print nothing ("no sale", which the caller audits)."""
    if not settings.drawer_pin:
        raise ValueError("no cash drawer is set up on this printer")
    return INIT + drawer_kick(settings.drawer_pin)
