"""ESC/POS bytes of a receipt, collected with python-escpos's Dummy printer and read back."""

from __future__ import annotations

import pytest
from escpos.printer import Dummy
from PIL import ImageChops

from pos.printing.domain.printer_settings import PrinterSettings, PrintMode
from receipts.blocks import receipt_blocks
from receipts.escpos_decode import decode
from receipts.escpos_output import SLICE_ROWS, document_to_escpos, drawer_only, raster_commands
from receipts.raster import render_blocks, to_bilevel
from receipts.samples import sample_document


@pytest.mark.parametrize("width", [384, 576])
def test_raster_mode_sends_the_rendered_receipt_as_gs_v_0_then_cuts(width: int) -> None:
    document = sample_document(line_count=8)
    data = document_to_escpos(document, PrinterSettings(paper_width_dots=width))
    job = decode(data)
    assert data.startswith(b"\x1b@")
    assert job.complete and job.cuts == 1 and job.drawer_kicks == []
    assert all(image.width == width and image.height <= SLICE_ROWS for image in job.images)
    expected = to_bilevel(render_blocks(receipt_blocks(document), width))
    printed = job.picture()
    assert printed.size == expected.size
    # the printed dots are exactly the rendered picture
    assert ImageChops.difference(printed.convert("L"), expected.convert("L")).getbbox() is None


def test_the_drawer_is_kicked_first_and_only_when_asked() -> None:
    settings = PrinterSettings(drawer_pin=5)
    job = decode(document_to_escpos(sample_document(line_count=2), settings, open_drawer=True))
    assert job.drawer_kicks == [5]
    assert [c.name for c in job.commands[:2]] == ["ESC @", "ESC p"]
    assert decode(drawer_only(PrinterSettings())).drawer_kicks == [2]
    no_drawer = PrinterSettings(drawer_pin=0)
    assert (
        decode(document_to_escpos(sample_document(), no_drawer, open_drawer=True)).drawer_kicks
        == []
    )


@pytest.mark.parametrize("slot", [21, 70])
def test_text_mode_selects_the_printers_cp874_slot_and_sends_thai_as_cp874(slot: int) -> None:
    settings = PrinterSettings(mode=PrintMode.TEXT, code_page=slot, paper_width_dots=384)
    job = decode(document_to_escpos(sample_document(line_count=4), settings))
    assert job.code_pages[0] == slot and job.code_pages[-1] == slot
    assert job.images == [] or all(image.height < 400 for image in job.images)  # only the QR
    assert "ผ้าไหมมัดหมี่ลายลูกแก้ว".encode("cp874") in job.text_bytes
    assert "ยอดสุทธิ" in job.text and "ใบกำกับภาษีอย่างย่อ" in job.text
    assert job.barcodes == [b"{BE01-2569-000123"]
    assert job.complete


def test_charcode_tis620_really_is_missing_from_python_escpos() -> None:
    """Why text mode sends ESC t itself: the library has no TIS-620 (CP874) name."""
    printer = Dummy()
    with pytest.raises(KeyError):
        printer.charcode("TIS-620")


def test_nothing_is_drawn_outside_the_margins_on_58_mm() -> None:
    document = sample_document(line_count=10)
    picture = to_bilevel(render_blocks(receipt_blocks(document), 384))
    left, right = (
        picture.crop((0, 0, 3, picture.height)),
        picture.crop((381, 0, 384, picture.height)),
    )
    for strip in (left, right):
        assert strip.convert("L").getextrema() == (255, 255), "ink at the paper's edge"


def test_our_raster_commands_are_byte_for_byte_what_python_escpos_image_writes() -> None:
    picture = to_bilevel(render_blocks(receipt_blocks(sample_document(line_count=12)), 576))
    assert picture.height > SLICE_ROWS  # several slices
    library = Dummy()
    for top in range(0, picture.height, SLICE_ROWS):
        piece = picture.crop((0, top, 576, min(picture.height, top + SLICE_ROWS)))
        library.image(piece, impl="bitImageRaster", center=False)
    assert raster_commands(picture) == bytes(library.output)
