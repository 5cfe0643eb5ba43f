"""Read ESC/POS bytes back: enough of the command set to check what a printer was sent.

Used by the tests and by the printer emulator (which must find status queries
in the stream without mistaking raster data for commands, as a real printer
does).  :func:`parse` walks the stream command by command and stops before an
incomplete command at the end, so it can be fed a stream as it arrives.
:func:`decode` summarises a whole job: raster pictures (with their sizes, and
as Pillow images), cuts, drawer kicks, code-page selections, barcodes, and the
text (bytes ≥ 0x80 read as CP874, the only Thai code page we send).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C

# ESC x with a fixed number of argument bytes
_ESC_ARGS = {
    ord("@"): 0,
    ord("t"): 1,
    ord("a"): 1,
    ord("E"): 1,
    ord("d"): 1,
    ord("p"): 3,
    ord("2"): 0,
    ord("3"): 1,
    ord("!"): 1,
    ord("-"): 1,
    ord("M"): 1,
    ord("G"): 1,
    ord("J"): 1,
    ord("R"): 1,
    ord("V"): 1,
    ord("{"): 1,
    ord("c"): 2,
    ord("="): 1,
}
# GS x with a fixed number of argument bytes (GS V, GS v 0, GS k, GS ( are special)
_GS_ARGS = {
    ord("!"): 1,
    ord("B"): 1,
    ord("h"): 1,
    ord("w"): 1,
    ord("H"): 1,
    ord("f"): 1,
    ord("L"): 2,
    ord("W"): 2,
    ord("a"): 1,
    ord("r"): 1,
    ord("I"): 1,
}


@dataclass(frozen=True)
class Command:
    """One command: ``name`` like ``"ESC t"``, its argument bytes and any data."""

    name: str
    args: bytes = b""
    data: bytes = b""


class IncompleteError(Exception):
    """The stream ends in the middle of a command."""


def _need(stream: bytes, end: int) -> None:
    if end > len(stream):
        raise IncompleteError


def _esc(stream: bytes, i: int) -> tuple[Command, int]:
    _need(stream, i + 2)
    code = stream[i + 1]
    if code == ord("*"):  # ESC * m nL nH: column bit image
        _need(stream, i + 5)
        mode, width = stream[i + 2], stream[i + 3] | stream[i + 4] << 8
        size = width * (3 if mode in (32, 33) else 1)
        _need(stream, i + 5 + size)
        return Command("ESC *", stream[i + 2 : i + 5], stream[i + 5 : i + 5 + size]), i + 5 + size
    count = _ESC_ARGS.get(code, 0)
    _need(stream, i + 2 + count)
    return Command(f"ESC {chr(code)}", stream[i + 2 : i + 2 + count]), i + 2 + count


def _gs_raster(stream: bytes, i: int) -> tuple[Command, int]:
    _need(stream, i + 8)
    width_bytes = stream[i + 4] | stream[i + 5] << 8
    height = stream[i + 6] | stream[i + 7] << 8
    end = i + 8 + width_bytes * height
    _need(stream, end)
    return Command("GS v 0", stream[i + 3 : i + 8], stream[i + 8 : end]), end


def _gs_barcode(stream: bytes, i: int) -> tuple[Command, int]:
    _need(stream, i + 3)
    kind = stream[i + 2]
    if kind <= 6:  # function A: data ends with NUL
        end = stream.find(b"\x00", i + 3)
        if end < 0:
            raise IncompleteError
        return Command("GS k", bytes((kind,)), stream[i + 3 : end]), end + 1
    _need(stream, i + 4)
    length = stream[i + 3]
    _need(stream, i + 4 + length)
    return Command("GS k", bytes((kind,)), stream[i + 4 : i + 4 + length]), i + 4 + length


def _gs(stream: bytes, i: int) -> tuple[Command, int]:
    _need(stream, i + 2)
    code = stream[i + 1]
    if code == ord("v"):
        return _gs_raster(stream, i)
    if code == ord("k"):
        return _gs_barcode(stream, i)
    if code == ord("V"):
        _need(stream, i + 3)
        count = 2 if stream[i + 2] in (65, 66, 97, 98, 103, 104) else 1
        _need(stream, i + 2 + count)
        return Command("GS V", stream[i + 2 : i + 2 + count]), i + 2 + count
    if code == ord("("):  # GS ( x pL pH data
        _need(stream, i + 5)
        length = stream[i + 3] | stream[i + 4] << 8
        _need(stream, i + 5 + length)
        name = f"GS ( {chr(stream[i + 2])}"
        return Command(name, stream[i + 2 : i + 5], stream[i + 5 : i + 5 + length]), i + 5 + length
    count = _GS_ARGS.get(code, 0)
    _need(stream, i + 2 + count)
    return Command(f"GS {chr(code)}", stream[i + 2 : i + 2 + count]), i + 2 + count


def _one(stream: bytes, i: int) -> tuple[Command, int]:
    byte = stream[i]
    if byte == ESC:
        return _esc(stream, i)
    if byte == GS:
        return _gs(stream, i)
    if byte == DLE:
        _need(stream, i + 3)
        name = "DLE EOT" if stream[i + 1] == 0x04 else f"DLE {stream[i + 1]:02x}"
        return Command(name, stream[i + 2 : i + 3]), i + 3
    if byte == FS:
        _need(stream, i + 2)
        return Command(f"FS {chr(stream[i + 1])}"), i + 2
    if byte == 0x0A:
        return Command("LF"), i + 1
    end = i
    while end < len(stream) and stream[end] not in (ESC, GS, DLE, FS, 0x0A):
        end += 1
    return Command("TEXT", data=stream[i:end]), end


def parse(stream: bytes) -> tuple[list[Command], int]:
    """The complete commands at the start of ``stream`` and how many bytes they take."""
    commands, i = [], 0
    while i < len(stream):
        try:
            command, i_next = _one(stream, i)
        except IncompleteError:
            break
        commands.append(command)
        i = i_next
    return commands, i


@dataclass(frozen=True)
class RasterImage:
    width: int
    height: int
    data: bytes

    def to_pil(self) -> Image.Image:
        """The picture as printed: black where the printer puts a dot."""
        return Image.frombytes("1", (self.width, self.height), self.data, "raw", "1;I")


@dataclass
class Decoded:
    commands: list[Command]
    trailing: bytes = b""  # an incomplete command at the end (a cut-off job)
    images: list[RasterImage] = field(default_factory=list)
    cuts: int = 0
    drawer_kicks: list[int] = field(default_factory=list)  # pins
    code_pages: list[int] = field(default_factory=list)
    barcodes: list[bytes] = field(default_factory=list)
    status_queries: list[int] = field(default_factory=list)
    text: str = ""
    text_bytes: bytes = b""

    @property
    def complete(self) -> bool:
        """Nothing was cut off and the job ended with a cut (status questions aside)."""
        printing = [command for command in self.commands if command.name != "DLE EOT"]
        return not self.trailing and bool(printing) and printing[-1].name == "GS V"

    def picture(self) -> Image.Image:
        """All raster slices stacked into the one picture they make on paper."""
        if not self.images:
            raise ValueError("the job has no raster picture")
        width = max(image.width for image in self.images)
        stacked = Image.new("1", (width, sum(image.height for image in self.images)), 1)
        top = 0
        for image in self.images:
            stacked.paste(image.to_pil(), (0, top))
            top += image.height
        return stacked


def decode(stream: bytes) -> Decoded:
    commands, used = parse(stream)
    result = Decoded(commands=commands, trailing=stream[used:])
    text = bytearray()
    for command in commands:
        match command.name:
            case "GS v 0":
                width_bytes = command.args[1] | command.args[2] << 8
                height = command.args[3] | command.args[4] << 8
                result.images.append(RasterImage(width_bytes * 8, height, command.data))
            case "GS V":
                result.cuts += 1
            case "ESC p":
                result.drawer_kicks.append(5 if command.args[0] in (1, 49) else 2)
            case "ESC t":
                result.code_pages.append(command.args[0])
            case "GS k":
                result.barcodes.append(command.data)
            case "DLE EOT":
                result.status_queries.append(command.args[0])
            case "TEXT":
                text += command.data
            case "LF":
                text += b"\n"
    result.text_bytes = bytes(text)
    result.text = bytes(text).decode("cp874", errors="replace")
    return result
