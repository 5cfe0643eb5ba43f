"""Render the shift and report samples to PNG for people to look at.

Run ``python -m ui.report_samples DIR`` (default docs/samples): a throwaway
demo store gets two simulated days (shifts, floats, blind counts, Z reports),
then:

* ``z-report-58mm.png`` — a Z report as the thermal printer prints it (decoded
  back from the ESC/POS bytes);
* ``manager-report-A4.png`` — the first page of the manager's report PDF
  (categories chart, textile target), via pdftoppm;
* ``manager-screen.png`` and ``shift-close-dialog.png`` — the screens,
  grabbed offscreen.  Qt's offscreen screen is 800×600 unless told otherwise: for
  the manager screen at 1024×768 give it a bigger one,
  ``QT_QPA_PLATFORM=offscreen:configfile=screen.json`` with
  ``{"screens": [{"name": "s", "x": 0, "y": 0, "width": 1366, "height": 768}]}``.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from pos.ids import ShiftId

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtWidgets import QApplication

from pos.bootstrap import AppContext, initialise
from pos.clock import THAI_TIME, FakeClock, SystemClock
from pos.printing.domain.printer_settings import DOTS_58MM, PrinterSettings
from pos.reports.services.range_reports import ReportPeriod, manager_report
from pos.shifts.services.day_close import z_report
from pos.shifts.services.shift_lifecycle import OpenShiftRequest, open_shift
from pos.simulation.trading_days import SimulationOptions, simulate
from receipts.day_report_print import day_report_escpos
from receipts.escpos_decode import decode
from receipts.report_pdf import write_report_pdf
from receipts.samples import header_from_settings
from ui.fonts import install_fonts
from ui.manager_screen import ManagerScreen
from ui.shift_dialogs import ShiftCloseDialog
from ui.style import STYLE_SHEET

PERIOD = ReportPeriod(dt.date(2021, 3, 1), dt.date(2021, 3, 2))


def _small(path: Path, colours: int = 32) -> None:
    Image.open(path).convert("RGB").quantize(colours).save(path, optimize=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/samples")
    out.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    app.setFont(install_fonts())
    app.setStyleSheet(STYLE_SHEET)  # the screens as the counter shows them
    with tempfile.TemporaryDirectory() as work:
        context, _ = initialise(Path(work) / "store", demo=True)
        options = SimulationOptions(
            days=2, sales_per_day=60, seed=3, manager_pin="5678", return_rate=0.04, void_rate=0.02
        )
        simulate(context.uow_factory, options)
        _z_report_sample(context, out)
        _manager_report_sample(context, Path(work), out)
        clock = FakeClock(dt.datetime(2021, 3, 3, 9, 0, tzinfo=THAI_TIME))
        screen = _manager_screen_sample(app, context, clock, out)
        dialog = _shift_close_sample(app, context, clock, out)
        screen.close()
        dialog.close()
        context.close()
    print(f"samples written to {out}")
    return 0


def _z_report_sample(context: AppContext, out: Path) -> None:
    """The Z report as the 58 mm printer prints it, decoded back from its ESC/POS bytes."""
    settings = context.settings()
    header = header_from_settings(settings.receipt_header, pos_id=settings.terminal_id)
    z = z_report(context.reader(), SystemClock(), "POS01-Z-00000002")
    printer = PrinterSettings(paper_width_dots=DOTS_58MM)
    picture = decode(day_report_escpos(z, header, settings.schemes, printer)).picture()
    picture.save(out / "z-report-58mm.png", optimize=True)


def _manager_report_sample(context: AppContext, work: Path, out: Path) -> None:
    """The first page of the manager's report PDF, through pdftoppm."""
    report = manager_report(context.reader(), PERIOD, SystemClock().now())
    write_report_pdf(report, work / "report.pdf")
    stem = out / "manager-report-A4"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            str(work / "report.pdf"),
            str(stem),
        ],
        check=True,
    )
    _small(stem.with_suffix(".png"))


def _manager_screen_sample(
    app: QApplication, context: AppContext, clock: FakeClock, out: Path
) -> ManagerScreen:
    """The manager's screen once its report has loaded (left open, as the dialog is drawn)."""
    screen = ManagerScreen(context, clock=clock, period=PERIOD)
    screen.show()
    deadline = time.monotonic() + 30
    while screen.report is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    screen.resize(1008, 728)  # a 1024×768 screen less the frame
    app.processEvents()
    screen.grab().save(str(out / "manager-screen.png"))
    _small(out / "manager-screen.png")
    return screen


def _shift_close_sample(
    app: QApplication, context: AppContext, clock: FakeClock, out: Path
) -> ShiftCloseDialog:
    """A cashier's shift opened with a float, then the close dialog with a count typed in."""
    with context.uow_factory() as uow:
        cashier = next(u for u in uow.users.active_users() if u.role == "cashier")
    assert cashier.user_id is not None
    open_shift(
        context.uow_factory,
        clock,
        OpenShiftRequest(ShiftId(uuid.uuid4()), cashier.user_id, float_satang=200_000),
    )
    dialog = ShiftCloseDialog(context, cashier, clock=clock)
    dialog.counter.spins[100_000].setValue(1)
    dialog.counter.spins[10_000].setValue(9)
    dialog.counter.spins[2_000].setValue(5)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / "shift-close-dialog.png"))
    _small(out / "shift-close-dialog.png")
    return dialog


if __name__ == "__main__":
    raise SystemExit(main())
