"""Who is doing it at the command line: a user by name or id, and a manager's PIN from stdin.

A PIN typed here is checked at once, by the same check as the counter app's
(:func:`pos.sale.services.returns_and_voids.authorise`: the shared lock-out kept
in the store, every refusal audited with ``where`` = ``cli:<command>``), before
the command does anything else; a refusal is exit 1 (input refused).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from cli.common import CommandError
from pos.bootstrap import AppContext
from pos.clock import SystemClock
from pos.sale.services.returns_and_voids import ApprovalRefusedError, ManagerApproval, authorise
from pos.staff.domain.users import User


def find_user(context: AppContext, text: str) -> User:
    """The active user named ``text`` (or with that id)."""
    with context.uow_factory() as uow:
        users = uow.users.active_users()
    wanted = " ".join(text.split())
    found = [u for u in users if u.name == wanted or str(u.user_id) == wanted]
    if not found:
        names = ", ".join(f"{u.name} ({u.user_id})" for u in users) or "none"
        raise CommandError(f"there is no active user {text!r}; active users: {names}")
    return found[0]


def read_pin(args: argparse.Namespace, who: User) -> str:
    """The PIN: one line of standard input with --pin-stdin, else asked on the terminal."""
    if getattr(args, "pin_stdin", False):
        pin = sys.stdin.readline().strip()
    elif sys.stdin.isatty():
        pin = getpass.getpass(f"PIN of {who.name}: ")
    else:
        raise CommandError("give the manager's PIN on standard input with --pin-stdin")
    if not pin:
        raise CommandError("no PIN was given")
    return pin


def manager_approval(context: AppContext, args: argparse.Namespace, where: str) -> ManagerApproval:
    """The manager's approval, its PIN checked now (``where``: the command, ``shift approve``)."""
    manager = find_user(context, args.manager)
    if not manager.is_manager:
        raise CommandError(f"{manager.name} is not a manager")
    assert manager.user_id is not None
    approval = ManagerApproval(manager.user_id, read_pin(args, manager), where=f"cli:{where}")
    try:
        authorise(context.uow_factory, SystemClock(), approval)
    except ApprovalRefusedError as refused:
        raise CommandError(str(refused)) from None
    return approval


def add_manager_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--manager",
        required=required,
        metavar="NAME",
        help="the approving manager (name or user id)",
    )
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the manager's PIN from standard input (else it is asked)",
    )
