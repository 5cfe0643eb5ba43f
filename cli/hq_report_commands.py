"""``otop-pos hq report …`` and ``hq add-staff``: the head office's reports over all counters.

``hq report sales|producers|tenders|schemes --from D --to D [--terminal POS01]``
prints the counter's own report (same code, same layout) made from every
counter's records — or one terminal's — as text, ``--json`` (satang) or
``--csv FILE`` (baht).  ``hq report z`` lists the Z reports the counters sent,
with totals per terminal.  ``hq add-staff NAME`` issues a staff token for the
report API (``/v1/reports/…``); ``hq revoke-staff NAME`` stops it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from cli.common import EXIT_OK, CommandError, Subcommands, business_date
from cli.report_text import Cell, section_text, table
from hq.bootstrap import HqContext
from hq.ports import UnknownTerminalError
from hq.services.reports import REPORTS, ZListing, hq_report, hq_z_reports
from hq.services.staff import StaffError, add_staff, revoke_staff
from pos.money import format_baht
from pos.reports.domain.rows import ReportError, ReportPeriod
from pos.reports.services.export import report_json, write_csv

Action = Callable[
    [Subcommands, str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser
]
Opener = Callable[[argparse.Namespace], HqContext]


def add_actions(actions: Subcommands, action: Action, opener: Opener) -> None:
    report = action(
        actions,
        "report",
        "the counters' reports: sales, producers, tenders, schemes, z",
        lambda args: _run_report(args, opener),
    )
    report.add_argument("name", choices=[*REPORTS, "z"])
    report.add_argument(
        "--from", dest="start", type=business_date, required=True, metavar="YYYY-MM-DD"
    )
    report.add_argument("--to", dest="end", type=business_date, required=True, metavar="YYYY-MM-DD")
    report.add_argument("--terminal", help="one terminal's figures (default: all terminals)")
    report.add_argument("--json", action="store_true", help="JSON on stdout (money in satang)")
    report.add_argument("--csv", type=Path, metavar="FILE", help="also write CSV (baht)")
    staff = action(
        actions,
        "add-staff",
        "issue a staff token for the report API (shown once)",
        lambda args: _run_add_staff(args, opener),
    )
    staff.add_argument("name")
    revoke = action(
        actions, "revoke-staff", "stop a staff token", lambda args: _run_revoke_staff(args, opener)
    )
    revoke.add_argument("name")


def _run_report(args: argparse.Namespace, opener: Opener) -> int:
    try:
        period = ReportPeriod(args.start, args.end)
    except ReportError as error:
        raise CommandError(str(error)) from None
    context = opener(args)
    try:
        if args.name == "z":
            _print_z(hq_z_reports(context.uow_factory, period, args.terminal), args.json)
            return EXIT_OK
        report = hq_report(context.uow_factory, args.name, period, args.terminal)
    except UnknownTerminalError as error:
        raise CommandError(str(error)) from None
    finally:
        context.close()
    if args.csv:
        with args.csv.open("w", encoding="utf-8", newline="") as stream:
            write_csv(report, stream)
    if args.json:
        json.dump(report_json(report), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        who = args.terminal or "ทุกเครื่อง (all terminals)"
        print(f"{who}: {period.start.isoformat()} – {period.end.isoformat()}\n")
        for line in section_text(report):
            print(line)
    return EXIT_OK


def _print_z(listing: ZListing, as_json: bool) -> None:
    if as_json:
        from hq.api.schemas import ZListingOut

        print(ZListingOut.of(listing).model_dump_json(indent=2))
        return
    rows: list[list[Cell]] = [
        [
            r.terminal,
            r.number,
            r.business_date.isoformat(),
            str(r.sales_count),
            r.net_satang,
            r.grand_total_satang,
        ]
        for r in listing.rows
    ]
    for line in table(["เครื่อง", "เลขที่ Z", "วันที่", "บิล", "สุทธิ", "GT"], rows):
        print(line)
    for terminal, (count, sales, net) in sorted(listing.by_terminal().items()):
        print(f"{terminal}: {count} Z, {sales} sales, net {format_baht(net)} baht")
    print(f"all: {listing.sales_count} sales, net {format_baht(listing.net_satang)} baht")


def _run_add_staff(args: argparse.Namespace, opener: Opener) -> int:
    context = opener(args)
    try:
        token = add_staff(context.uow_factory, context.clock, args.name)
    except StaffError as error:
        raise CommandError(str(error)) from None
    finally:
        context.close()
    print(f"staff token for {args.name} (shown only this once):\n\n  {token}\n")
    print("Send it as 'Authorization: Bearer …' to /v1/reports/…; only a hash is kept.")
    return EXIT_OK


def _run_revoke_staff(args: argparse.Namespace, opener: Opener) -> int:
    context = opener(args)
    try:
        revoke_staff(context.uow_factory, context.clock, args.name)
    except StaffError as error:
        raise CommandError(str(error)) from None
    finally:
        context.close()
    print(f"{args.name}'s staff token no longer works")
    return EXIT_OK
