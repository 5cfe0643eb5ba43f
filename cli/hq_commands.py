"""``otop-pos hq …``: run the head office and manage its terminals, catalogue and staff.

Every command takes the head-office database as ``--db postgresql://…`` or
from ``$OTOP_HQ_DB`` (which keeps a password off the command line), and
migrates it first (a database from a newer version is refused, exit 3).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from cli import hq_report_commands
from cli.common import EXIT_OK, EXIT_USAGE, CommandError, Subcommands
from hq.bootstrap import HqContext, open_hq
from hq.services.catalogue import import_producers, set_user_active
from hq.services.terminals import TerminalError, add_terminal, list_terminals, revoke_terminal
from pos.catalogue.domain.csv_format import decode_csv_bytes
from pos.catalogue.services.csv_import import CatalogImportError, import_catalog
from pos.catalogue.services.demo_data import load_demo
from pos.clock import THAI_TIME
from pos.staff.services.pins import ROLES, PinError, add_user

DB_ENV = "OTOP_HQ_DB"
DEFAULT_PORT = 8700

HQ_HELP = f"""\
The head-office server and its administration.  The database is --db
postgresql://user:password@host/dbname, or ${DB_ENV}.

  otop-pos hq init --demo                 create the schema, load the demo catalogue
  otop-pos hq serve --port {DEFAULT_PORT}           serve the sync API (docs/SYNC.md)
  otop-pos hq add-terminal POS01          issue a token for a counter (shown once)
  otop-pos hq catalog import goods.csv    change the catalogue; counters take it at sync
  otop-pos hq report sales --from 2021-03-01 --to 2021-03-31 [--terminal POS01]"""


def add_hq_parser(commands: Subcommands) -> None:
    hq = commands.add_parser(
        "hq",
        help="the head-office server (PostgreSQL): serve, terminals, catalogue, staff",
        description=HQ_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = hq.add_subparsers(dest="hq_command", metavar="ACTION", required=True)
    init = _action(actions, "init", "create or upgrade the head-office schema", _run_init)
    init.add_argument("--demo", action="store_true", help="load the demo catalogue and users")
    serve = _action(actions, "serve", "migrate the database, then serve the sync API", _run_serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help="port to listen on")
    serve.add_argument("--ssl-certfile", help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--ssl-keyfile", help="the certificate's private key (PEM)")
    add = _action(actions, "add-terminal", "issue a token for a counter", _run_add_terminal)
    add.add_argument("name", help="the terminal's name: its POS ID, e.g. POS01")
    add.add_argument(
        "--new-token",
        action="store_true",
        help="give an existing terminal a new token (the old one stops working)",
    )
    revoke = _action(actions, "revoke-terminal", "stop a terminal's token", _run_revoke)
    revoke.add_argument("name")
    _action(actions, "list-terminals", "terminals, their state and last batch", _run_list)
    _add_catalog_parsers(actions)
    hq_report_commands.add_actions(actions, _action, _open)  # reports and staff (issue 7)


def _action(
    actions: Subcommands, name: str, help_text: str, handler: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
    parser.add_argument("--db", metavar="URL", help=f"postgresql://… (default: ${DB_ENV})")
    parser.set_defaults(handler=handler)
    return parser


def _add_catalog_parsers(actions: Subcommands) -> None:
    catalog = actions.add_parser("catalog", help="change the catalogue counters download")
    catalog_actions = catalog.add_subparsers(dest="hq_catalog", metavar="ACTION", required=True)
    importing = _action(
        catalog_actions,
        "import",
        "add or update products from a catalogue CSV (all or nothing; "
        "see otop-pos catalog import --help)",
        _run_catalog_import,
    )
    importing.add_argument("file", type=Path, metavar="FILE.csv")
    _add_producer_parsers(actions)
    _add_user_parsers(actions)


def _add_producer_parsers(actions: Subcommands) -> None:
    producers = actions.add_parser("producers", help="producer groups (VAT status, tax ID)")
    producer_actions = producers.add_subparsers(dest="hq_prod", metavar="ACTION", required=True)
    importing = _action(
        producer_actions,
        "import",
        "add or update producer groups from a CSV: name_th,name_en,district,"
        "vat_registered,tax_id,branch",
        _run_producers_import,
    )
    importing.add_argument("file", type=Path, metavar="FILE.csv")


def _add_user_parsers(actions: Subcommands) -> None:
    user = actions.add_parser("user", help="staff who work the tills")
    user_actions = user.add_subparsers(dest="hq_user", metavar="ACTION", required=True)
    adding = _action(user_actions, "add", "add a user; the PIN is asked for", _run_user_add)
    adding.add_argument("name")
    adding.add_argument("--role", choices=ROLES, required=True)
    adding.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    for name, active in (("deactivate", False), ("activate", True)):
        parser = _action(
            user_actions,
            name,
            f"{name} a user on every counter",
            functools.partial(_run_user_active, active=active),
        )
        parser.add_argument("name")


def _open(args: argparse.Namespace) -> HqContext:
    url = args.db or os.environ.get(DB_ENV)
    if not url:
        raise CommandError(f"say which database: --db postgresql://… or ${DB_ENV}", EXIT_USAGE)
    return open_hq(url, pool_size=2)


def _run_init(args: argparse.Namespace) -> int:
    context = _open(args)
    try:
        migration = context.migration
        if migration.from_revision != migration.to_revision:
            print(
                f"head-office schema {migration.from_revision or 'empty'} → {migration.to_revision}"
            )
        else:
            print(f"head-office schema up to date ({migration.to_revision})")
        if args.demo:
            from pos.bootstrap import demo_files

            report = load_demo(context.uow_factory, demo_files())
            print(
                f"demo loaded: {report.summary()}"
                if report
                else "demo not loaded: the catalogue already has products or users"
            )
    finally:
        context.close()
    return EXIT_OK


def _run_serve(args: argparse.Namespace) -> int:
    from hq.server import serve

    url = args.db or os.environ.get(DB_ENV)
    if not url:
        raise CommandError(f"say which database: --db postgresql://… or ${DB_ENV}", EXIT_USAGE)
    serve(url, args.host, args.port, ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile)
    return EXIT_OK


def _run_add_terminal(args: argparse.Namespace) -> int:
    context = _open(args)
    try:
        issued = add_terminal(
            context.uow_factory, context.clock, args.name, new_token_=args.new_token
        )
    except (TerminalError, ValueError) as error:
        raise CommandError(str(error)) from None
    finally:
        context.close()
    verb = "new token for" if issued.replaced else "added"
    print(f"{verb} terminal {issued.terminal}; its token (shown only this once):\n")
    print(f"  {issued.token}\n")
    print("Enter it in that counter's sync settings. The head office keeps only a hash of it.")
    return EXIT_OK


def _run_revoke(args: argparse.Namespace) -> int:
    context = _open(args)
    try:
        terminal = revoke_terminal(context.uow_factory, context.clock, args.name)
    except TerminalError as error:
        raise CommandError(str(error)) from None
    finally:
        context.close()
    assert terminal.revoked_at is not None
    print(f"terminal {terminal.name} revoked at {_thai(terminal.revoked_at)}; what it sent is kept")
    return EXIT_OK


def _run_list(args: argparse.Namespace) -> int:
    context = _open(args)
    try:
        terminals = list_terminals(context.uow_factory)
    finally:
        context.close()
    if not terminals:
        print("no terminals yet: otop-pos hq add-terminal NAME")
    for terminal in terminals:
        revoked, last = terminal.revoked_at, terminal.last_batch_at
        state = "active" if revoked is None else f"revoked {_thai(revoked)}"
        print(f"{terminal.name:<12} {state:<35} last batch: {_thai(last) if last else 'never'}")
    return EXIT_OK


def _thai(moment: dt.datetime) -> str:
    return f"{moment.astimezone(THAI_TIME):%Y-%m-%d %H:%M:%S} (UTC+7)"


def _run_catalog_import(args: argparse.Namespace) -> int:
    try:
        stream = decode_csv_bytes(args.file.read_bytes())
    except OSError as error:
        raise CommandError(f"cannot read {args.file}: {error.strerror}") from None
    except ValueError as error:
        raise CommandError(f"{args.file}: {error}; nothing was imported") from None
    context = _open(args)
    try:
        report = import_catalog(context.uow_factory, stream)
    except CatalogImportError as error:
        raise CommandError(f"{args.file}: {error}") from None
    finally:
        context.close()
    print(f"imported {args.file}: {report.summary()}; counters take the changes at their next sync")
    return EXIT_OK


def _run_producers_import(args: argparse.Namespace) -> int:
    context = _open(args)
    try:
        changed = import_producers(context.uow_factory, args.file)
    except (OSError, ValueError, KeyError) as error:
        raise CommandError(f"{args.file}: {error}; nothing was imported") from None
    finally:
        context.close()
    print(f"imported {args.file}: {changed} producer group(s) new or changed")
    return EXIT_OK


def _run_user_add(args: argparse.Namespace) -> int:
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("PIN (4 to 8 digits): ")
    context = _open(args)
    try:
        with context.uow_factory() as uow:
            if uow.users.by_name(args.name.strip()) is not None:
                raise CommandError(f"there is already a user {args.name.strip()!r}")
        user = add_user(context.uow_factory, args.name, args.role, pin)
    except (PinError, ValueError) as error:
        raise CommandError(f"{error}; nothing was added") from None
    finally:
        context.close()
    print(f"added {user.role} {user.name}; counters take it at their next sync")
    return EXIT_OK


def _run_user_active(args: argparse.Namespace, active: bool) -> int:
    context = _open(args)
    try:
        user = set_user_active(context.uow_factory, args.name, active)
    finally:
        context.close()
    if user is None:
        raise CommandError(f"there is no user {args.name!r}")
    print(
        f"{user.name} is {'active' if active else 'deactivated'} on every counter "
        "from their next sync"
    )
    return EXIT_OK
