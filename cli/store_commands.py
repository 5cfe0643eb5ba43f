"""``otop-pos check``, ``backup`` and ``restore``: the store file itself.

``check [--full]``: is the store whole?  One line, and the exit status says.

Exit 0 when SQLite finds nothing wrong; 3 (the store's problems, as everywhere)
with the file named and what to do when it is damaged.  ``--full`` runs
``integrity_check`` (every index against its table) instead of ``quick_check``.
The file is opened read-only: checking never changes it.

``backup [--to DIR] [--keep N] [--list]``: an online copy (the till may be
selling), kept with the newest N; ``restore FILE``: the backup in place of
the store, the replaced store kept beside it (see :mod:`pos.store.backup`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import EXIT_OK, EXIT_USAGE, CommandError, Subcommands
from pos.adapters.data_dir import resolve_data_dir
from pos.bootstrap import DEFAULT_KEEP, back_up, backups, check_store, restore


def add_store_parsers(commands: Subcommands) -> None:
    check = commands.add_parser("check", help="check that the store is whole (read-only)")
    check.add_argument("--full", action="store_true", help="also every index (slower)")
    check.set_defaults(handler=run_check)
    backup = commands.add_parser("backup", help="an online copy of the store, rotated")
    backup.add_argument("--to", type=Path, help="the folder (default: DATA_DIR/backups)")
    backup.add_argument("--keep", type=int, default=DEFAULT_KEEP, help="newest copies kept")
    backup.add_argument("--list", action="store_true", help="list the backups, newest first")
    backup.set_defaults(handler=run_backup)
    restoring = commands.add_parser("restore", help="put a backup in place of the store")
    restoring.add_argument("file", type=Path, help="a backup (see: otop-pos backup --list)")
    restoring.set_defaults(handler=run_restore)


def run_check(args: argparse.Namespace) -> int:
    path = check_store(resolve_data_dir(args.data_dir), full=args.full)
    print(f"{path}: whole ({'integrity_check' if args.full else 'quick_check'} found nothing)")
    return EXIT_OK


def run_backup(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    if args.list:
        for path in backups(data_dir, args.to):
            print(f"{path}  {path.stat().st_size} bytes")
        return EXIT_OK
    if args.keep < 1:
        raise CommandError(f"--keep must be at least 1 (got {args.keep})", EXIT_USAGE)
    print(f"backed up to {back_up(data_dir, args.to, keep=args.keep)}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such backup (otop-pos backup --list shows them)")
    aside = restore(resolve_data_dir(args.data_dir), args.file)
    kept = f"; the replaced store is kept as {aside}" if aside else ""
    print(f"restored {args.file}{kept}")
    return EXIT_OK
