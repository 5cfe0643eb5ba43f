"""``otop-pos sales export`` and ``otop-pos simulate``."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import sys
from pathlib import Path

from cli.common import EXIT_OK, CommandError, Subcommands, business_date, open_store
from pos.bootstrap import demo_files
from pos.sale.services.day_export import export_day, write_csv, write_json
from pos.simulation.trading_days import SimulationError, SimulationOptions, simulate

EXPORT_HELP = """\
Write every sale and credit note of one business day (Thai date) with its
lines, tenders, government-scheme shares, VAT per seller and buyer details.

--format json   one object: {"format", "date", "sales", "credit_notes",
                "totals"}; money in integer satang (*_satang), quantities in
                thousandths (*_milli), times ISO 8601 in Thai time.
--format csv    one row per record, the record kind in the first column
                (sale, line, tender, vat, tax_invoice, credit_note,
                credit_line, refund, credit_vat); money in baht, 2 decimals.
The full field lists are in pos/sale/services/day_export.py."""

SIMULATE_HELP = """\
Ring up realistic sales through the same checkout the counter uses, for
training, demos and benchmarks: baskets of silk, snacks, weighed shallots and
garlic; cash, PromptPay, card, Khon La Khrueng co-pay and split tenders; a few
returns and voids (approved with the manager's PIN). Sales are spread over
the opening hours 08:30-18:00 of consecutive days from --start (default
2021-03-01, when the 2021 schemes were open). Each day runs two shifts (counted
floats, cash in and out, blind counts) and ends with a Z report, which needs the
manager's PIN: without one only a single day is simulated. The same --seed gives the same
sales; running it again after an interruption does not sell anything twice.
Use a separate data directory: the sales are real records."""


def add_sales_parsers(commands: Subcommands) -> None:
    sales = commands.add_parser("sales", help="export the sales of a day")
    actions = sales.add_subparsers(dest="sales_command", metavar="ACTION", required=True)
    exporting = actions.add_parser(
        "export",
        help="every sale and credit note of a day as JSON or CSV",
        description=EXPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    exporting.add_argument("--date", required=True, type=business_date, metavar="YYYY-MM-DD")
    exporting.add_argument("--format", choices=("json", "csv"), default="json")
    exporting.add_argument("--output", type=Path, metavar="FILE", help="default: standard output")
    exporting.set_defaults(handler=run_export)
    simulating = commands.add_parser(
        "simulate",
        help="ring up simulated sales (training, demos, benchmarks)",
        description=SIMULATE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    simulating.add_argument("--days", type=_positive, required=True)
    simulating.add_argument("--sales-per-day", type=_positive, required=True)
    simulating.add_argument("--seed", type=int, default=1)
    simulating.add_argument(
        "--start", type=business_date, default=dt.date(2021, 3, 1), metavar="DATE"
    )
    simulating.add_argument("--return-rate", type=_fraction, default=0.003, metavar="FRACTION")
    simulating.add_argument("--void-rate", type=_fraction, default=0.001, metavar="FRACTION")
    simulating.add_argument(
        "--manager-pin", help="to approve returns and voids (default: the demo manager's PIN)"
    )
    simulating.set_defaults(handler=run_simulate)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a fraction between 0 and 1")
    return value


def run_export(args: argparse.Namespace) -> int:
    context = open_store(args)
    try:
        export = export_day(context.uow_factory, args.date)
    finally:
        context.close()
    buffer = io.StringIO()
    if args.format == "json":
        write_json(export, buffer)
    else:
        write_csv(export, buffer)
    if args.output is None:
        sys.stdout.write(buffer.getvalue())
        return EXIT_OK
    partial = args.output.with_name(args.output.name + ".partial")
    try:
        partial.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        os.replace(partial, args.output)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CommandError(f"cannot write {args.output}: {error.strerror}") from None
    totals = export["totals"]
    print(
        f"exported {totals['sales']} sales and {totals['credit_notes']} credit notes"
        f" of {args.date.isoformat()} to {args.output}",
        file=sys.stderr,
    )
    return EXIT_OK


def _demo_manager_pin() -> str | None:
    with demo_files().users_csv.open(encoding="utf-8", newline="") as stream:
        return next((r["pin"] for r in csv.DictReader(stream) if r["role"] == "manager"), None)


def run_simulate(args: argparse.Namespace) -> int:
    options = SimulationOptions(
        days=args.days,
        sales_per_day=args.sales_per_day,
        seed=args.seed,
        start=args.start,
        return_rate=args.return_rate,
        void_rate=args.void_rate,
        manager_pin=args.manager_pin or _demo_manager_pin(),
    )
    context = open_store(args)
    try:
        report = simulate(
            context.uow_factory,
            options,
            on_day=lambda day, r: print(f"{day.isoformat()}: {r.sales} sales so far", flush=True),
        )
    except SimulationError as error:
        raise CommandError(str(error)) from None
    finally:
        context.close()
    print(f"simulated {report.summary()}")
    for note in report.notes:
        print(f"note: {note}")
    return EXIT_OK
