"""Receipt blocks in the printer's own font: fixed-width columns, Thai as CP874 bytes.

For printers whose firmware stacks Thai marks itself.  The code page is chosen
with ``ESC t n``, where ``n`` is the printer's slot for CP874 (a setting: 21 on
most Epson-style printers, 11, 47, 48 or 70 on others) — python-escpos's
``charcode("TIS-620")`` does not exist and its automatic encoding would pick
its own slot, so the bytes are encoded and sent here.  Columns are counted as
the printer counts them: Thai above/below vowels and tone marks take none.

Large text is double width and height (``GS ! 0x11``), so it has half the
columns; the title and the total use it.  The barcode is the printer's own
Code 128 (``GS k``); a QR code is sent as a picture.
"""

from __future__ import annotations

from escpos.escpos import Escpos

from receipts.blocks import (
    BarcodeBlock,
    Block,
    QrBlock,
    RowBlock,
    RuleBlock,
    Size,
    SpaceBlock,
    TextBlock,
)
from receipts.thai_text import display_columns, pad_columns, wrap, wrap_beside

ESC, GS = b"\x1b", b"\x1d"
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
INVERSE_ON, INVERSE_OFF = GS + b"B\x01", GS + b"B\x00"
DOUBLE_ON, DOUBLE_OFF = GS + b"!\x11", GS + b"!\x00"
ALIGN_LEFT = ESC + b"a\x00"

# Characters CP874 lacks, written with ones it has.
_SUBSTITUTES = str.maketrans({"×": "x", "▪": "*", "•": "*", "—": "-", "✓": "v", "·": "-"})


def select_code_page(slot: int) -> bytes:
    """``ESC t n``: make slot ``n`` (the printer's CP874) the active character table."""
    if not 0 <= slot <= 255:
        raise ValueError(f"code page slot must be 0-255, not {slot}")
    return ESC + b"t" + bytes((slot,))


def encode_thai(text: str) -> bytes:
    """Text as CP874 bytes; a character CP874 cannot show becomes ``?``."""
    return text.translate(_SUBSTITUTES).encode("cp874", errors="replace")


class _TextLayout:
    def __init__(self, columns: int):
        self.columns = columns
        self.out: list[bytes] = []

    def line(
        self, text: str, *, bold: bool = False, size: Size = Size.NORMAL, inverse: bool = False
    ) -> None:
        data = encode_thai(text if inverse else text.rstrip()) + b"\n"
        if inverse:
            data = INVERSE_ON + data + INVERSE_OFF
        if size is Size.LARGE:
            data = DOUBLE_ON + data + DOUBLE_OFF
        if bold:
            data = BOLD_ON + data + BOLD_OFF
        self.out.append(data)

    def width_for(self, size: Size) -> int:
        return self.columns // 2 if size is Size.LARGE else self.columns

    def text(self, block: TextBlock) -> None:
        width = self.width_for(block.size)
        indent = " " * (2 * block.indent)
        for piece in wrap(block.text, width - len(indent), display_columns):
            padded = pad_columns(indent + piece, width, align=block.align.value)
            self.line(padded, bold=block.bold, size=block.size, inverse=block.inverse)

    def row(self, block: RowBlock) -> None:
        width = self.width_for(block.size)
        indent = " " * (2 * block.indent)
        right = block.right
        pieces, beside = wrap_beside(
            block.left, width - len(indent), display_columns(right), 1, display_columns
        )
        if not beside:
            for piece in pieces:
                self.line(indent + piece, bold=block.bold, size=block.size)
            self.line(pad_columns(right, width, align="right"), bold=block.bold, size=block.size)
            return
        for piece in pieces[:-1]:
            self.line(indent + piece, bold=block.bold, size=block.size)
        last = pad_columns(indent + pieces[-1], width - display_columns(right))
        self.line(last + right, bold=block.bold, size=block.size)

    def add(self, block: Block) -> bool:
        """Lay out a text block; False for a barcode or QR code, which the caller sends."""
        match block:
            case TextBlock():
                self.text(block)
            case RowBlock():
                self.row(block)
            case RuleBlock():
                self.line(("=" if block.heavy else "-") * self.columns)
            case SpaceBlock():
                self.line("")
            case _:
                return False
        return True


def write_text_mode(printer: Escpos, blocks: list[Block], *, columns: int, code_page: int) -> None:
    """Send the blocks to ``printer`` as text in CP874 (the caller sends init, cut, drawer)."""
    printer._raw(select_code_page(code_page) + ALIGN_LEFT)
    layout = _TextLayout(columns)
    for block in blocks:
        if not layout.add(block):
            assert isinstance(block, BarcodeBlock | QrBlock)
            printer._raw(b"".join(layout.out))
            layout.out.clear()
            _code(printer, block)
            # python-escpos's qr() writes its newlines through its own encoder, which
            # selects code page 0: select CP874 again before any more Thai
            printer._raw(select_code_page(code_page) + ALIGN_LEFT)
    printer._raw(b"".join(layout.out))


def code128_command(data: str) -> bytes:
    """The printer's own Code 128 (``GS k 73``), code set B, 8 mm high, digits below.

    Written here rather than with python-escpos's ``barcode()``, which prints
    "Using hardware barcode renderer" to stdout on every call.
    """
    payload = b"{B" + data.encode("ascii")
    if len(payload) > 255:
        raise ValueError("a Code 128 barcode holds at most 253 characters")
    setup = GS + b"h\x40" + GS + b"w\x02" + GS + b"f\x00" + GS + b"H\x02" + ESC + b"a\x01"
    return setup + GS + b"k\x49" + bytes((len(payload),)) + payload + b"\n"


def _code(printer: Escpos, block: BarcodeBlock | QrBlock) -> None:
    if isinstance(block, BarcodeBlock):
        printer._raw(code128_command(block.data))
    else:
        printer.qr(block.data, size=5, native=False, center=False)


def text_lines_preview(blocks: list[Block], *, columns: int) -> list[tuple[str, bool]]:
    """The text-mode receipt as (line, is_double_size) pairs, as the printer would show it."""
    layout = _TextLayout(columns)
    for block in blocks:
        if not layout.add(block):
            label = f"|| {block.data} ||" if isinstance(block, BarcodeBlock) else "[QR]"
            layout.line(pad_columns(label[:columns], columns, align="center"))
    preview = []
    for chunk in layout.out:
        large = DOUBLE_ON in chunk
        text = _strip_controls(chunk).decode("cp874", errors="replace").rstrip("\n")
        preview.append((text, large))
    return preview


def _strip_controls(data: bytes) -> bytes:
    for code in (BOLD_ON, BOLD_OFF, DOUBLE_ON, DOUBLE_OFF, INVERSE_ON, INVERSE_OFF):
        data = data.replace(code, b"")
    return data
