"""Building blocks of the report PDFs: Thai styles, tables of figures, bar charts, the page.

Charts are drawn with reportlab.graphics shapes (rectangles and strings)
rather than its chart widgets, because every label must be shaped Thai
(``shaped()`` strings in ``String``): the widgets draw their own labels
unshaped.  Amounts are right-aligned with two decimals and thousands
separators; dates in the Buddhist era.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pos.money import format_baht
from pos.thai_dates import thai_date, thai_datetime
from receipts.pdf_fonts import FONT, shaped, style, thai_paragraph

MARGIN = 14 * mm
PAGE_WIDTH = A4[0] - 2 * MARGIN
GRID = colors.Color(0.6, 0.6, 0.6)
HEAD = colors.Color(0.9, 0.92, 0.95)
BAR = colors.Color(0.16, 0.38, 0.62)
BAR_LIGHT = colors.Color(0.75, 0.83, 0.92)
ACCENT = colors.Color(0.85, 0.45, 0.1)


class Styles:
    text = style("r-text", 9)
    small = style("r-small", 8)
    bold = style("r-bold", 9, bold=True)
    right = style("r-right", 9, alignment=TA_RIGHT)
    right_bold = style("r-right-bold", 9, bold=True, alignment=TA_RIGHT)
    head = style("r-head", 8.5, bold=True, alignment=TA_CENTER)
    title = style("r-title", 16, bold=True)
    section = style("r-section", 12, bold=True, keep_with_next=True)
    center = style("r-center", 9, alignment=TA_CENTER)


def money(satang: int) -> str:
    return format_baht(satang)


def percent(basis_points: int) -> str:
    return f"{format_baht(basis_points)}%"


def period_text(start: dt.date, end: dt.date) -> str:
    if start == end:
        return thai_date(start, style="full")
    return f"{thai_date(start, style='full')} – {thai_date(end, style='full')}"


def section(title: str) -> Flowable:
    return thai_paragraph(title, Styles.section, PAGE_WIDTH)


def heading_block(title: str, lines: Sequence[str]) -> list[Flowable]:
    parts: list[Flowable] = [thai_paragraph(title, Styles.title, PAGE_WIDTH)]
    parts += [thai_paragraph(line, Styles.text, PAGE_WIDTH) for line in lines]
    parts.append(Spacer(1, 3 * mm))
    return parts


Cell = str | int | None


def figures_table(
    headings: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    shares: Sequence[float],  # ok-float: column widths as fractions of the page
    *,
    total: Sequence[Cell] | None = None,
) -> Table:
    """A table: text columns left (wrapped Thai), int columns as baht on the right."""
    widths = [PAGE_WIDTH * share for share in shares]
    body: list[list[Any]] = [
        [thai_paragraph(h, Styles.head, w - 6) for h, w in zip(headings, widths, strict=True)]
    ]
    for row in [*rows, *([total] if total else [])]:
        strong = row is total
        body.append([_cell(value, width, strong) for value, width in zip(row, widths, strict=True)])
    table = Table(body, colWidths=widths, repeatRows=1)
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if total:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), HEAD))
    table.setStyle(TableStyle(commands))
    return table


def _cell(value: Cell, width: float, strong: bool) -> Flowable | str:  # ok-float
    if value is None:
        return ""
    if isinstance(value, int):
        return Paragraph(money(value), Styles.right_bold if strong else Styles.right)
    if value[:1].isdigit() or value[:1] == "-":  # already-formatted numbers, counts, percents
        return Paragraph(value, Styles.right_bold if strong else Styles.right)
    return thai_paragraph(value, Styles.bold if strong else Styles.text, width - 6)


Anchor = Literal["start", "middle", "end"]


def _label(
    x: float, y: float, text: str, size: float, anchor: Anchor = "start"
) -> String:  # ok-float
    return String(x, y, shaped(text, size=size), fontName=FONT, fontSize=size, textAnchor=anchor)


def _box(
    x: float, y: float, width: float, height: float, fill: Color, stroke: Color | None = None
) -> Rect:  # ok-float
    """A filled rectangle (a bar), outlined only in ``stroke``."""
    # stub gap: types-reportlab declares Rect's **kw as the TypedDict, not Unpack[...] of it
    return Rect(x, y, width, height, fillColor=fill, strokeColor=stroke)  # type: ignore[arg-type]


def _text_width(text: str, size: float) -> float:  # ok-float
    return float(pdfmetrics.stringWidth(text, FONT, size))  # ok-float: points


def horizontal_bars(
    items: Sequence[tuple[str, int]], width: float = PAGE_WIDTH
) -> Drawing:  # ok-float
    """One bar per item (label, satang), longest = the largest; the amount at the bar's end."""
    size, row = 8.5, 15
    label_width = min(width * 0.38, max((_text_width(t, size) for t, _ in items), default=0) + 6)
    amount_width = 70
    drawing = Drawing(width, row * len(items) + 4)
    largest = max((abs(v) for _, v in items), default=0) or 1
    span = width - label_width - amount_width
    for index, (text, value) in enumerate(items):
        y = drawing.height - (index + 1) * row
        drawing.add(_label(label_width - 4, y + 4, text, size, "end"))
        length = span * max(0, value) / largest
        drawing.add(_box(label_width, y + 2, max(length, 0.5), row - 5, BAR))
        drawing.add(_label(label_width + length + 3, y + 4, money(value), size))
    return drawing


def vertical_bars(
    items: Sequence[tuple[str, int]],
    caption: str,
    width: float = PAGE_WIDTH,
    height: float = 120,  # ok-float
) -> Drawing:
    """Bars over labels (hours); the largest value is written above its bar."""
    drawing = Drawing(width, height + 30)
    if not items:
        return drawing
    base, top = 16, height + 10
    largest = max(v for _, v in items) or 1
    slot = (width - 20) / len(items)
    drawing.add(Line(10, base, width - 10, base, strokeColor=GRID))
    for index, (text, value) in enumerate(items):
        x = 10 + index * slot
        bar = (top - base - 14) * max(0, value) / largest
        colour = ACCENT if value == largest else BAR
        drawing.add(_box(x + slot * 0.15, base, slot * 0.7, max(bar, 0.5), colour))
        drawing.add(_label(x + slot / 2, base - 11, text, 8, "middle"))
        if value == largest:
            drawing.add(_label(x + slot / 2, base + bar + 3, money(value), 7.5, "middle"))
    drawing.add(_label(10, height + 20, caption, 9))
    return drawing


def progress_bar(
    progress_bp: int, elapsed_bp: int, width: float = PAGE_WIDTH
) -> Drawing:  # ok-float
    """The target's progress (filled) against the share of the year gone by (a tick)."""
    drawing = Drawing(width, 30)
    drawing.add(_box(0, 10, width, 12, BAR_LIGHT, GRID))
    drawing.add(_box(0, 10, width * min(progress_bp, 10_000) / 10_000, 12, BAR))
    tick = width * min(elapsed_bp, 10_000) / 10_000
    drawing.add(Line(tick, 6, tick, 26, strokeColor=ACCENT, strokeWidth=2))
    drawing.add(_label(0, 0, f"ขายได้ {percent(progress_bp)} ของเป้า", 8))
    drawing.add(_label(width, 0, f"เวลาผ่านไป {percent(elapsed_bp)} ของปี", 8, "end"))
    return drawing


def keep(*parts: Flowable) -> Flowable:
    return KeepTogether(list(parts))


def build(
    story: list[Flowable], target: Path | BytesIO, *, title: str, footer: str, author: str
) -> None:
    """Write an A4 PDF with a footer (title, page number) on every page."""
    template = SimpleDocTemplate(
        target if isinstance(target, BytesIO) else str(target),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author,
    )

    def decorate(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        text = f"{footer} — หน้า {canvas.getPageNumber()}"
        canvas.drawRightString(A4[0] - MARGIN, MARGIN / 2, shaped(text, size=7))
        canvas.restoreState()

    template.build(story, onFirstPage=decorate, onLaterPages=decorate)


def generated_line(moment: dt.datetime) -> str:
    return f"พิมพ์เมื่อ {thai_datetime(moment)}"
