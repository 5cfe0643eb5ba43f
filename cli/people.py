"""Who is doing it at the command line: a user by name or id, and a manager's PIN from stdin."""

from __future__ import annotations

import argparse
import getpass
import sys

from cli.common import CommandError
from pos.bootstrap import AppContext
from pos.sale.services.returns_and_voids import ManagerApproval
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


def manager_approval(context: AppContext, args: argparse.Namespace) -> ManagerApproval:
    manager = find_user(context, args.manager)
    if not manager.is_manager:
        raise CommandError(f"{manager.name} is not a manager")
    assert manager.user_id is not None
    return ManagerApproval(manager.user_id, read_pin(args, manager))


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
