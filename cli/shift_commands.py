"""``otop-pos shift open|cash-in|cash-out|close|approve|status``: the drawer without the GUI.

For headless tills, scripts and tests.  The close is blind here too: the
expected amounts are shown only after the count is stored.
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Callable

from cli.common import EXIT_OK, CommandError, Subcommands, open_store
from cli.people import add_manager_options, find_user, manager_approval
from pos.bootstrap import AppContext
from pos.clock import SystemClock
from pos.ids import CashMovementId, ShiftId
from pos.money import MoneyFormatError, format_baht, parse_baht
from pos.sale.services.returns_and_voids import ApprovalRefusedError
from pos.shifts.domain.cash_control import CashCount, CashMovementKind, Shift, ShiftError, TenderKey
from pos.shifts.services.shift_lifecycle import (
    CashMovementRequest,
    CloseShiftRequest,
    OpenShiftRequest,
    approve_shift,
    close_shift,
    current_shift,
    open_shift,
    record_cash_movement,
)
from pos.thai_dates import thai_date, thai_datetime

SHIFT_HELP = """\
A shift is one cashier's time on the drawer: it opens with a float, takes
cash in and out with a reason, and closes with a blind count by denomination
(write notes and coins as VALUExCOUNT: 1000x2 500x1 100x7 20x15 1x12 0.25x4).
Nothing can be sold or refunded without an open shift.  The first shift after
a Z report opens the next business day."""


def add_shift_parser(commands: Subcommands) -> None:
    shift = commands.add_parser(
        "shift",
        help="open, move cash, close (blind count) and approve shifts",
        description=SHIFT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = shift.add_subparsers(dest="shift_command", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="the open shift and business day (no amounts)")
    status.set_defaults(handler=run_status)
    opening = actions.add_parser("open", help="open a shift with a float")
    opening.add_argument("--user", required=True, metavar="NAME", help="the cashier")
    group = opening.add_mutually_exclusive_group(required=True)
    group.add_argument("--float", dest="float_amount", metavar="BAHT", help="e.g. 2000")
    group.add_argument("--float-count", metavar="PIECES", help='e.g. "100x10 20x40 1x50"')
    opening.set_defaults(handler=run_open)
    for name, kind in (("cash-in", "in"), ("cash-out", "out")):
        moving = actions.add_parser(name, help=f"record cash {kind} with its reason (audited)")
        moving.add_argument("--user", required=True, metavar="NAME")
        moving.add_argument("--amount", required=True, metavar="BAHT")
        moving.add_argument("--reason", required=True)
        moving.set_defaults(handler=run_cash, kind=kind)
    _add_close_parser(actions)
    approving = actions.add_parser("approve", help="a manager approves a closed shift's difference")
    approving.add_argument("--number", type=int, required=True, help="the shift number")
    add_manager_options(approving, required=True)
    approving.set_defaults(handler=run_approve)


def _add_close_parser(actions: Subcommands) -> None:
    closing = actions.add_parser("close", help="close the open shift with a blind count")
    closing.add_argument("--user", required=True, metavar="NAME", help="who counted")
    closing.add_argument(
        "--count", required=True, metavar="PIECES", help="the drawer's notes/coins"
    )
    closing.add_argument("--card", metavar="BAHT", help="the card terminal's total, if read")
    closing.add_argument("--promptpay", metavar="BAHT", help="the bank's PromptPay total")
    closing.add_argument(
        "--scheme",
        action="append",
        default=[],
        metavar="CODE=BAHT",
        help="a scheme app's total, e.g. khon_la_khrueng=1234.50",
    )
    closing.add_argument("--note", default="")
    add_manager_options(closing, required=False)
    closing.set_defaults(handler=run_close)


def _baht(text: str, what: str) -> int:
    try:
        return parse_baht(text)
    except MoneyFormatError as error:
        raise CommandError(f"{what}: {error}") from None


def _count(text: str) -> CashCount:
    try:
        return CashCount.parse(text)
    except ShiftError as error:
        raise CommandError(str(error)) from None


def _describe(shift: Shift) -> str:
    text = (
        f"shift #{shift.number} on {shift.terminal_id}, business day"
        f" {thai_date(shift.business_date)}, opened {thai_datetime(shift.opened_at)}"
    )
    return text + ("" if shift.is_open else " (closed)")


def _with_store(args: argparse.Namespace, action: Callable[[AppContext], None]) -> int:
    context = open_store(args)
    try:
        action(context)
    except (ShiftError, ApprovalRefusedError) as error:
        raise CommandError(str(error)) from None
    finally:
        context.close()
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    def show(context: AppContext) -> None:
        shift = current_shift(context.uow_factory)
        print(_describe(shift) if shift else "no shift is open: nothing can be sold")

    return _with_store(args, show)


def run_open(args: argparse.Namespace) -> int:
    def act(context: AppContext) -> None:
        user = find_user(context, args.user)
        assert user.user_id is not None
        count = _count(args.float_count) if args.float_count else None
        amount = None if count else _baht(args.float_amount, "--float")
        request = OpenShiftRequest(ShiftId(uuid.uuid4()), user.user_id, amount, count)
        shift = open_shift(context.uow_factory, SystemClock(), request)
        print(f"opened {_describe(shift)} with a float of {format_baht(shift.float_satang)}")

    return _with_store(args, act)


def run_cash(args: argparse.Namespace) -> int:
    def act(context: AppContext) -> None:
        user = find_user(context, args.user)
        assert user.user_id is not None
        kind = CashMovementKind(args.kind)
        request = CashMovementRequest(
            CashMovementId(uuid.uuid4()),
            kind,
            _baht(args.amount, "--amount"),
            args.reason,
            user.user_id,
        )
        movement = record_cash_movement(context.uow_factory, SystemClock(), request)
        print(f"cash {kind.value}: {format_baht(movement.amount_satang)} ({movement.reason})")

    return _with_store(args, act)


def _other_counts(args: argparse.Namespace) -> dict[str, int]:
    counts = {}
    if args.card:
        counts[TenderKey.CARD] = _baht(args.card, "--card")
    if args.promptpay:
        counts[TenderKey.PROMPTPAY] = _baht(args.promptpay, "--promptpay")
    for item in args.scheme:
        code, _, amount = item.partition("=")
        if not code or not amount:
            raise CommandError(f"--scheme {item!r}: write CODE=BAHT")
        counts[TenderKey.scheme(code.strip())] = _baht(amount, f"--scheme {code}")
    return counts


def run_close(args: argparse.Namespace) -> int:
    def act(context: AppContext) -> None:
        user = find_user(context, args.user)
        assert user.user_id is not None
        shift = current_shift(context.uow_factory)
        if shift is None:
            raise CommandError("no shift is open: there is nothing to close")
        approval = manager_approval(context, args, "shift close") if args.manager else None
        request = CloseShiftRequest(
            shift.shift_id, user.user_id, _count(args.count), _other_counts(args), args.note
        )
        closed = close_shift(context.uow_factory, SystemClock(), request, approval)
        assert closed.closing is not None
        print(f"closed {_describe(closed)}; counted by {user.name}")
        for result in closed.closing.results:
            counted = "-" if result.counted_satang is None else format_baht(result.counted_satang)
            difference = result.difference_satang
            print(
                f"  {result.key:<28} expected {format_baht(result.expected_satang):>14}"
                f"  counted {counted:>14}"
                f"  difference {'' if difference is None else format_baht(difference):>10}"
            )
        tolerance = context.settings().shift_rules.cash_tolerance_satang
        if closed.needs_approval(tolerance):
            print(
                "  the difference needs a manager: otop-pos shift approve"
                f" --number {closed.number} --manager NAME"
            )

    return _with_store(args, act)


def run_approve(args: argparse.Namespace) -> int:
    def act(context: AppContext) -> None:
        approval = manager_approval(context, args, "shift approve")
        with context.uow_factory() as uow:
            terminal = uow.settings.load().terminal_id
            open_day = uow.shifts.open_day(terminal)
            shifts = uow.shifts.shifts_of_day(open_day.day_id) if open_day else []
        found = next((s for s in shifts if s.number == args.number), None)
        if found is None:
            raise CommandError(f"shift #{args.number} is not a shift of the open business day")
        approve_shift(context.uow_factory, SystemClock(), found.shift_id, approval)
        print(f"approved the difference of shift #{found.number}")

    return _with_store(args, act)
