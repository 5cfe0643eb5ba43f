"""Render the label samples to PNG for people to look at; documents come from real sales.

``python -m tools.receipt_samples DIR`` (default docs/samples) draws every
sample: receipts, tax invoices and credit notes printed from sales stored by a
simulated day (see there), and the labels below.  This module only draws the
labels (``python -m receipts.render_samples DIR`` for just those) and turns a
PDF into a small PNG.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from receipts.label_raster import render_label
from receipts.labels import SHEET_LAYOUTS, Label, write_label_sheets

LABELS = [
    Label("ผ้าไหมมัดหมี่ลายลูกแก้ว ย้อมสีธรรมชาติ ทอมือ", 185000, "2000000000015", "TX-0101"),
    Label("หอมแดงศรีสะเกษ (GI)", 8000, "2100001000004", "FD-0301", "กก."),
    Label("น้ำพริกเผาหอมแดงสูตรโบราณ", 6500, "8851943010012", "FD-0303"),
    Label("ยาหม่องสมุนไพรไพลสด", 4500, "8851943010029", "HB-0401"),
]


def labels(out: Path, work: Path) -> list[str]:
    """The thermal label and two A4 sheets; returns the file names written."""
    render_label(LABELS[0]).save(str(out / "label-thermal-50x30.png"))
    written = ["label-thermal-50x30.png"]
    for layout in ("3x8", "5x13"):
        write_label_sheets(LABELS * 6, work / f"labels-{layout}.pdf", SHEET_LAYOUTS[layout])
        to_png(work / f"labels-{layout}.pdf", out / f"labels-{layout}")
        written.append(f"labels-{layout}.png")
    return written


def to_png(pdf: Path, stem: Path) -> None:
    """The first page at 72 dpi in 16 greys (a third of the size): ``stem``.png."""
    subprocess.run(
        ["pdftoppm", "-r", "72", "-gray", "-png", "-singlefile", str(pdf), str(stem)], check=True
    )
    png = stem.with_suffix(".png")
    Image.open(png).quantize(16).save(png, optimize=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/samples")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        labels(out, Path(work))
    print(f"label samples written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
