"""``otop-pos users``: the counter's staff list (issue 13).

``list`` shows everyone; ``add``, ``pin`` (a reset), ``deactivate`` and
``activate`` are a manager's, whose PIN is checked first as every manager
command does (:func:`cli.people.manager_approval`: the shared lock-out, refusals
audited).  ``pin NAME`` without ``--manager`` is the user changing their own
PIN: the old one first.  ``add --first-manager`` makes a new shop's first
manager and needs no PIN while there is no active manager.

PINs are never arguments (they would stay in the shell's history and be seen
in the process list): they are asked on the terminal without echo (a new one
twice), or read one a line from standard input with ``--pin-stdin``, in the
order the help says.  A counter linked to a head office refuses every change:
its staff are managed at the head office (docs/DECISIONS.md).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TypeVar

from cli.common import EXIT_OK, CommandError, Subcommands, open_store
from cli.people import add_manager_options, manager_approval
from pos.bootstrap import AppContext
from pos.clock import SystemClock
from pos.ids import UserId
from pos.staff.domain.users import User
from pos.staff.services import staff_admin
from pos.staff.services.pin_check import PinRefusedError
from pos.staff.services.pins import ROLES

T = TypeVar("T")
PIN_ORDER = {
    "add": "the manager's PIN, then the new user's (with --first-manager: the new PIN only)",
    "pin": "with --manager: the manager's PIN, then the new PIN; else the old PIN, then the new",
    "deactivate": "the manager's PIN",
    "activate": "the manager's PIN",
}


def add_users_parser(commands: Subcommands) -> None:
    users = commands.add_parser("users", help="the counter's staff: list, add, PINs, deactivate")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every user with role and whether active")
    listing.set_defaults(handler=_run_list)
    add = actions.add_parser("add", help="add a cashier or a manager (a manager's)")
    add.add_argument("--name", required=True, help="the name shown on the log-in screen")
    add.add_argument("--role", choices=ROLES, default="cashier")
    add.add_argument(
        "--first-manager",
        action="store_true",
        help="a new shop's first manager: no manager's PIN, only while there is no manager",
    )
    add.set_defaults(handler=_run_add)
    pin = actions.add_parser("pin", help="reset a user's PIN (--manager) or change your own")
    pin.add_argument("user", metavar="USER", help="name or user id")
    pin.set_defaults(handler=_run_pin)
    for name, active in (("deactivate", False), ("activate", True)):
        action = actions.add_parser(name, help=f"{name} a user (a manager's)")
        action.add_argument("user", metavar="USER", help="name or user id")
        action.set_defaults(handler=_run_active, active=active)
    for name, parser in (("add", add), ("pin", pin)):
        _pin_options(parser, name, required=False)
    for name in ("deactivate", "activate"):
        _pin_options(actions.choices[name], name, required=True)


def _pin_options(parser: argparse.ArgumentParser, name: str, *, required: bool) -> None:
    add_manager_options(parser, required=required)
    parser.epilog = f"PINs on standard input (--pin-stdin), one a line: {PIN_ORDER[name]}"


# --- the commands ---------------------------------------------------------------------------
def _run_list(args: argparse.Namespace) -> int:
    context = open_store(args)
    try:
        users = staff_admin.list_staff(context.reader())
        here = staff_admin.managed_here(context.reader())
    finally:
        context.close()
    print(f"{'id':>4}  {'role':<8}  {'state':<11}  name")
    for user in users:
        state = "active" if user.active else "deactivated"
        print(f"{user.user_id:>4}  {user.role:<8}  {state:<11}  {user.name}")
    if not here:
        print(f"({staff_admin.HEAD_OFFICE_MESSAGE}: otop-pos hq user ...)")
    return EXIT_OK


def _run_add(args: argparse.Namespace) -> int:
    context = open_store(args)
    try:
        if args.first_manager:
            return _add_first_manager(context, args)
        if not args.manager:
            raise CommandError("give --manager NAME (or --first-manager for a new shop)")
        _refuse_if_head_office(context)
        approval = manager_approval(context, args, "users add")
        pin = _new_pin(args)
        user = _refused_as_command(
            lambda: staff_admin.add_staff(
                context.uow_factory,
                SystemClock(),
                by=approval.manager_id,
                name=args.name,
                role=args.role,
                pin=pin,
            )
        )
    finally:
        context.close()
    print(f"added {user.role} {user.name} (user {user.user_id})")
    return EXIT_OK


def _add_first_manager(context: AppContext, args: argparse.Namespace) -> int:
    if args.manager:
        raise CommandError("--first-manager needs no --manager: it is the shop's first manager")
    _refuse_if_head_office(context)
    if not staff_admin.needs_first_manager(context.uow_factory):
        raise CommandError("manager: there is already a manager; add users with --manager NAME")
    pin = _new_pin(args)
    user = _refused_as_command(
        lambda: staff_admin.add_first_manager(
            context.uow_factory, SystemClock(), name=args.name, pin=pin
        )
    )
    print(f"added the first manager {user.name} (user {user.user_id}); log in with the new PIN")
    return EXIT_OK


def _run_pin(args: argparse.Namespace) -> int:
    context = open_store(args)
    try:
        _refuse_if_head_office(context)
        target = _target(context, args.user)
        if args.manager:
            _reset_pin(context, args, target)
            print(f"the PIN of {target.name} is reset; their wrong tries are forgotten")
        else:
            _change_own_pin(context, args, target)
            print(f"the PIN of {target.name} is changed")
    finally:
        context.close()
    return EXIT_OK


def _reset_pin(context: AppContext, args: argparse.Namespace, target: User) -> None:
    approval = manager_approval(context, args, "users pin")
    pin = _new_pin(args)
    _refused_as_command(
        lambda: staff_admin.reset_pin(
            context.uow_factory, SystemClock(), by=approval.manager_id, user_id=_id(target), pin=pin
        )
    )


def _change_own_pin(context: AppContext, args: argparse.Namespace, target: User) -> None:
    old = _read(args, f"old PIN of {target.name}: ")
    pin = _new_pin(args)
    _refused_as_command(
        lambda: staff_admin.change_own_pin(
            context.uow_factory,
            SystemClock(),
            user_id=_id(target),
            old_pin=old,
            new_pin=pin,
            where="cli:users pin",
        )
    )


def _run_active(args: argparse.Namespace) -> int:
    verb = "activate" if args.active else "deactivate"
    context = open_store(args)
    try:
        _refuse_if_head_office(context)
        target = _target(context, args.user)
        approval = manager_approval(context, args, f"users {verb}")
        user = _refused_as_command(
            lambda: staff_admin.set_active(
                context.uow_factory,
                SystemClock(),
                by=approval.manager_id,
                user_id=_id(target),
                active=args.active,
            )
        )
    finally:
        context.close()
    print(f"{user.name} is {'active' if user.active else 'deactivated'}")
    return EXIT_OK


# --- helpers --------------------------------------------------------------------------------
def _refuse_if_head_office(context: AppContext) -> None:
    """Said before any PIN is asked: the change could not be made anyway."""
    if not staff_admin.managed_here(context.uow_factory):
        raise CommandError(
            f"{staff_admin.HEAD_OFFICE_MESSAGE}: add and change users there "
            "(otop-pos hq user ...); this counter takes them at its next sync"
        )


def _target(context: AppContext, text: str) -> User:
    """Any user (active or not) by name or id."""
    wanted = " ".join(text.split())
    users = staff_admin.list_staff(context.uow_factory)
    found = [u for u in users if u.name == wanted or str(u.user_id) == wanted]
    if not found:
        names = ", ".join(f"{u.name} ({u.user_id})" for u in users) or "none"
        raise CommandError(f"user: there is no user {text!r}; users: {names}")
    return found[0]


def _id(user: User) -> UserId:
    assert user.user_id is not None  # read from the store
    return user.user_id


def _read(args: argparse.Namespace, prompt: str) -> str:
    """One PIN: the next line of standard input with --pin-stdin, else asked without echo."""
    if args.pin_stdin:
        return sys.stdin.readline().strip()
    if not sys.stdin.isatty():
        raise CommandError("give the PINs on standard input with --pin-stdin")
    return getpass.getpass(prompt)


def _new_pin(args: argparse.Namespace) -> str:
    """The new PIN; asked twice on a terminal, so a typing slip is caught before it is kept."""
    pin = _read(args, "new PIN (4 to 8 digits): ")
    if not args.pin_stdin and _read(args, "the new PIN again: ") != pin:
        raise CommandError("new PIN: the two PINs differ; nothing was changed")
    return pin


def _refused_as_command(action: Callable[[], T]) -> T:
    try:
        return action()
    except (staff_admin.StaffError, PinRefusedError) as refused:
        raise CommandError(f"{refused}; nothing was changed") from None
