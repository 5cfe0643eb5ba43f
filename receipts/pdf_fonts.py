"""Thai for reportlab: the shipped Laksaman TrueType font, shaping, wrapping, searchable text.

* Font: TLWG Laksaman (resources/fonts, GPL-2+ with the font exception) has Thai,
  Latin and digits, so nothing falls back to a font without Thai (or without
  digits, like Noto Sans Thai).
* Shaping: reportlab only shapes through HarfBuzz (uharfbuzz) when asked —
  ``ParagraphStyle(shaping=1)`` here, or ``shapeStr`` for ``drawString``.
  Unshaped Thai stacks tone marks on top of upper vowels (ที่ reads ที).
* Wrapping: reportlab breaks Thai anywhere (it only knows spaces), so
  :func:`thai_paragraph` breaks lines itself at word boundaries
  (:mod:`receipts.thai_text`) and hands reportlab finished lines.
* Searchable text: HarfBuzz moves some marks to Laksaman's positioned variants
  (ไม้โท lowered on ผ้า, left-shifted marks on ป ฝ ฟ), whose only code points are
  in the Private Use Area (U+F700–U+F71A, the common Thai PUA layout).  reportlab
  would write those PUA code points into the PDF's ToUnicode map, and copied or
  extracted text would lose its marks ("ผ้า" → "ผ\\uf70bา").  :func:`install`
  wraps reportlab's ToUnicode writer to map them back to the real characters.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import Paragraph

from receipts.thai_text import wrap
from resources import resource_path

FONT, FONT_BOLD = "Laksaman", "Laksaman-Bold"
Alignment = Literal[0, 1, 2, 4]  # reportlab.lib.enums TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY

# Thai PUA (positioned variants of marks and of ญ ฐ without their descenders) → the character
_PUA_TO_THAI = {
    0xF700: 0x0E10,
    0xF701: 0x0E34,
    0xF702: 0x0E35,
    0xF703: 0x0E36,
    0xF704: 0x0E37,
    0xF705: 0x0E48,
    0xF706: 0x0E49,
    0xF707: 0x0E4A,
    0xF708: 0x0E4B,
    0xF709: 0x0E4C,
    0xF70A: 0x0E48,
    0xF70B: 0x0E49,
    0xF70C: 0x0E4A,
    0xF70D: 0x0E4B,
    0xF70E: 0x0E4C,
    0xF70F: 0x0E0D,
    0xF710: 0x0E31,
    0xF711: 0x0E4D,
    0xF712: 0x0E47,
    0xF713: 0x0E48,
    0xF714: 0x0E49,
    0xF715: 0x0E4A,
    0xF716: 0x0E4B,
    0xF717: 0x0E4C,
    0xF718: 0x0E38,
    0xF719: 0x0E39,
    0xF71A: 0x0E3A,
}


class _ThaiToUnicodeCMap:
    """reportlab's ToUnicode writer, given Laksaman's PUA code points as the real Thai ones."""

    def __init__(self, original: Callable[[str, list[int]], str]):
        self._original = original
        functools.update_wrapper(self, original)

    def __call__(self, fontname: str, subset: list[int]) -> str:
        return self._original(fontname, [_PUA_TO_THAI.get(code, code) for code in subset])


@functools.cache
def install() -> None:
    """Register the fonts with reportlab (once) and make extracted Thai text right."""
    pdfmetrics.registerFont(ttfonts.TTFont(FONT, str(resource_path("fonts", "Laksaman.ttf"))))
    bold = resource_path("fonts", "Laksaman-Bold.ttf")
    pdfmetrics.registerFont(ttfonts.TTFont(FONT_BOLD, str(bold)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD)
    if not isinstance(ttfonts.makeToUnicodeCMap, _ThaiToUnicodeCMap):
        ttfonts.makeToUnicodeCMap = _ThaiToUnicodeCMap(ttfonts.makeToUnicodeCMap)


def style(
    name: str,
    size: float = 10,  # ok-float
    *,
    bold: bool = False,
    alignment: Alignment = TA_LEFT,
    keep_with_next: bool = False,
) -> ParagraphStyle:
    """A shaped Thai paragraph style (leading 1.35 × size: room for stacked marks)."""
    install()
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=size * 1.35,
        shaping=1,
        alignment=alignment,
        keepWithNext=int(keep_with_next),
    )


def thai_paragraph(
    text: str, paragraph_style: ParagraphStyle, width: float
) -> Paragraph:  # ok-float
    """``text`` broken at Thai word boundaries into lines of at most ``width`` points."""
    font, size = paragraph_style.fontName, paragraph_style.fontSize

    def measure(piece: str) -> float:  # ok-float
        return float(pdfmetrics.stringWidth(piece, font, size))  # ok-float: points

    lines = wrap(text, width - 1, measure) if width > 0 else [text]
    return Paragraph("<br/>".join(escape(line) for line in lines), paragraph_style)


def shaped(text: str, *, bold: bool = False, size: float = 10) -> str:  # ok-float
    """``text`` shaped for ``canvas.drawString`` with the Thai font."""
    install()
    return str(ttfonts.shapeStr(text, FONT_BOLD if bold else FONT, size))
