"""``otop-pos report x|z|sales|producers|schemes``: the manager's reports without the GUI.

* ``report x`` — the open business day so far; changes nothing.
* ``report z`` — Z reports already taken (``--date``/``--from``/``--to`` or
  ``--number``), to read or reprint; ``report z --close --manager NAME``
  closes the open day: it asks for the manager's PIN (or reads it with
  ``--pin-stdin``), refuses while a shift is open or a difference waits for
  approval, and queues the Z for the receipt printer.  Closing is never the
  default: a Z cannot be undone, so reading one must not risk taking one.
* ``report sales|producers|schemes --from D --to D`` — the date-range reports.

Every report prints as text on standard output, or as ``--json`` (satang),
and can be written with ``--csv FILE`` (baht) and ``--pdf FILE`` (A4, Thai,
charts); X and Z also as ``--escpos FILE`` (the printer's exact bytes), and
``report x --print`` sends the X to the receipt printer at once.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from cli.common import EXIT_OK, CommandError, Subcommands, business_date, open_store
from cli.people import add_manager_options, manager_approval
from cli.report_text import blocks_text, manager_text
from pos.bootstrap import AppContext, sync_now
from pos.clock import SystemClock
from pos.ids import ZReportId
from pos.reports.services.export import Report, write_csv, write_json
from pos.reports.services.range_reports import ReportError, ReportPeriod, manager_report
from pos.sale.services.returns_and_voids import ApprovalRefusedError
from pos.settings.domain.shop_settings import Settings
from pos.shifts.services.day_close import (
    DayCloseError,
    DayReport,
    close_day,
    x_report,
    z_report,
    z_reports_between,
)
from pos.sync.domain.protocol import RetryPolicy
from pos.sync.services.sync_run import SyncBusyError, SyncNotConfiguredError

REPORT_HELP = __doc__.split("\n\n", 1)[1] if __doc__ else ""


def add_report_parser(commands: Subcommands) -> None:
    report = commands.add_parser(
        "report",
        help="X and Z reports, sales, producers (consignment), schemes",
        description=REPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    kinds = report.add_subparsers(dest="report_kind", metavar="REPORT", required=True)
    x = kinds.add_parser("x", help="the open business day so far (changes nothing)")
    _outputs(x, escpos=True)
    x.add_argument("--print", action="store_true", help="print it on the receipt printer now")
    x.set_defaults(handler=run_x)
    _add_z_parser(kinds)
    for name, text in (
        ("sales", "sales by category (target), tender, hour, product; approvals"),
        ("producers", "the consignment statement: commission and amounts owed"),
        ("schemes", "government schemes: shares and when each is due in the bank"),
    ):
        parser = kinds.add_parser(name, help=text)
        _range(parser, required=True)
        parser.add_argument("--top", type=int, default=20, help="top products listed")
        _outputs(parser, escpos=False)
        parser.set_defaults(handler=run_period, part=name)


def _add_z_parser(kinds: Subcommands) -> None:
    z = kinds.add_parser("z", help="Z reports taken; --close takes one (closes the day)")
    z.add_argument("--date", type=business_date, metavar="YYYY-MM-DD", help="Z reports of a day")
    _range(z, required=False)
    z.add_argument("--number", metavar="Z-NUMBER", help="one Z report, e.g. POS01-Z-00000012")
    z.add_argument("--close", action="store_true", help="close the open business day now")
    z.add_argument(
        "--no-sync",
        action="store_true",
        help="with --close: do not send the day to the head office now"
        " (by default it is sent when sync is set up with after_z)",
    )
    add_manager_options(z, required=False)
    _outputs(z, escpos=True)
    z.set_defaults(handler=run_z)


def _range(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--from", dest="start", type=business_date, required=required, metavar="DATE"
    )
    parser.add_argument("--to", dest="end", type=business_date, required=required, metavar="DATE")


def _outputs(parser: argparse.ArgumentParser, *, escpos: bool) -> None:
    parser.add_argument("--json", action="store_true", help="JSON on standard output")
    parser.add_argument("--csv", type=Path, metavar="FILE")
    parser.add_argument("--pdf", type=Path, metavar="FILE")
    if escpos:
        parser.add_argument("--escpos", type=Path, metavar="FILE", help="the printer's bytes")


def _write(target: Path, write: Callable[[Path], object]) -> None:
    """Write through a .partial file, so a failed write never leaves half a report."""
    partial = target.with_name(target.name + ".partial")
    try:
        write(partial)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CommandError(f"cannot write {target}: {error.strerror}") from None


def _text_file(report: Report) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        buffer = io.StringIO()
        write_csv(report, buffer)
        path.write_text(buffer.getvalue(), encoding="utf-8", newline="")

    return write


def _emit(
    args: argparse.Namespace, report: Report, text: list[str], pdf: Callable[[Path], None]
) -> None:
    if args.csv:
        _write(args.csv, _text_file(report))
        print(f"CSV → {args.csv}", file=sys.stderr)
    if args.pdf:
        _write(args.pdf, pdf)
        print(f"PDF → {args.pdf}", file=sys.stderr)
    if args.json:
        write_json(report, sys.stdout)
    elif not (args.csv or args.pdf or getattr(args, "escpos", None)):
        print("\n".join(text))


def _run(args: argparse.Namespace, body: Callable[[AppContext], None]) -> int:
    context = open_store(args)
    try:
        body(context)
    except (DayCloseError, ReportError, ApprovalRefusedError) as error:
        raise CommandError(str(error)) from None
    finally:
        context.close()
    return EXIT_OK


# --- X and Z ----------------------------------------------------------------------------------
def _day_output(args: argparse.Namespace, context: AppContext, report: DayReport) -> None:
    from receipts.day_report_pdf import write_day_report_pdf  # reportlab/Qt only when needed
    from receipts.day_report_print import day_report_blocks, day_report_escpos
    from receipts.qt_runtime import ensure_qt
    from receipts.samples import header_from_settings

    settings: Settings = context.settings()
    header = header_from_settings(settings.receipt_header, pos_id=settings.terminal_id)
    blocks = day_report_blocks(report, header, settings.schemes)

    def pdf(path: Path) -> None:
        write_day_report_pdf(report, path, centre=header.name, schemes=settings.schemes)

    if getattr(args, "escpos", None) or getattr(args, "print", False):
        ensure_qt()
        data = day_report_escpos(report, header, settings.schemes, settings.receipt_printer)
        if args.escpos:
            _write(args.escpos, lambda path: path.write_bytes(data))
            print(f"{len(data):,} bytes of ESC/POS → {args.escpos}", file=sys.stderr)
        if getattr(args, "print", False):
            _send(settings, data)
    _emit(args, report, list(blocks_text(blocks)), pdf)


def _send(settings: Settings, data: bytes) -> None:
    from receipts.connections import EscposTransport, PrinterError

    try:
        EscposTransport(settings.receipt_printer).send_job(data)
    except PrinterError as error:
        raise CommandError(f"the X report was not printed: {error}") from None
    print("printed on the receipt printer", file=sys.stderr)


def run_x(args: argparse.Namespace) -> int:
    def body(context: AppContext) -> None:
        _day_output(args, context, x_report(context.reader(), SystemClock()))

    return _run(args, body)


def run_z(args: argparse.Namespace) -> int:
    def body(context: AppContext) -> None:
        if args.close:
            if not args.manager:
                raise CommandError("closing the day needs --manager NAME (and the PIN)")
            report = close_day(
                context.uow_factory,
                SystemClock(),
                ZReportId(uuid.uuid4()),
                manager_approval(context, args, "report z --close"),
            )
            assert report.z is not None
            print(
                f"closed business day {report.figures.business_date}: {report.z.number};"
                " queued for the receipt printer",
                file=sys.stderr,
            )
            _day_output(args, context, report)
            if not args.no_sync:
                _sync_after_z(context)
            return
        for report in _stored(args, context):
            _day_output(args, context, report)

    return _run(args, body)


def _sync_after_z(context: AppContext) -> None:
    """The closed day to the head office, as the app does after a Z (``after_z``).

    The day is closed whatever happens here: an unreachable head office is said
    on stderr and the records wait in the outbox for the next run (nightly or cron).
    """
    settings = context.settings().sync
    if not (settings.after_z and settings.hq_url):
        return
    try:
        policy = RetryPolicy(give_up_after_seconds=AFTER_Z_PATIENCE)
        report = sync_now(context, policy=policy, deadline_seconds=AFTER_Z_PATIENCE)
    except (SyncNotConfiguredError, SyncBusyError) as error:
        print(f"sync after the Z report: not run: {error}", file=sys.stderr)
        return
    print(f"sync after the Z report: {report.summary()}", file=sys.stderr)


AFTER_Z_PATIENCE = 60.0  # seconds of retries before the records are left for the next run


def _stored(args: argparse.Namespace, context: AppContext) -> list[DayReport]:
    if args.number:
        return [z_report(context.reader(), SystemClock(), args.number)]
    start = args.date or args.start
    end = args.date or args.end or start
    if start is None:
        raise CommandError("name the Z report: --number, --date or --from/--to (or --close)")
    reports = z_reports_between(context.reader(), SystemClock(), start, end)
    if not reports:
        raise CommandError(f"no Z report was taken for {start}..{end} (an open day: report x)")
    if len(reports) > 1 and (args.pdf or args.csv or args.escpos or args.json):
        raise CommandError(
            f"{len(reports)} Z reports match: choose one with --number "
            + ", ".join(r.z.number for r in reports if r.z)
        )
    return reports


# --- date ranges ------------------------------------------------------------------------------
def run_period(args: argparse.Namespace) -> int:
    def body(context: AppContext) -> None:
        period = ReportPeriod(args.start, args.end)
        report = manager_report(context.reader(), period, SystemClock().now(), top=args.top)
        parts: dict[str, Report] = {
            "sales": report,
            "producers": report.producers,
            "schemes": report.schemes,
        }

        def pdf(path: Path) -> None:
            from receipts.report_pdf import write_report_pdf

            write_report_pdf(report, path, (args.part,))

        _emit(args, parts[args.part], list(manager_text(report, args.part)), pdf)

    return _run(args, body)
