"""``otop-pos check``, ``backup`` and ``restore``: the store file itself.

``check [--full]``: is the store whole?  One line, and the exit status says.

Exit 0 when SQLite finds nothing wrong; 3 (the store's problems, as everywhere)
with the file named and what to do when it is damaged.  ``--full`` runs
``integrity_check`` (every index against its table) instead of ``quick_check``.
The file is opened read-only: checking never changes it.

``backup [--to DIR] [--keep N] [--list]``: an online copy (the till may be
selling), kept with the newest N; ``backup --if-due [--every HOURS]`` copies
only when the newest backup is about that old (24 h: the nightly backup, for
cron or a systemd timer; ``--now`` stands in for the clock in tests and
scripts); ``restore FILE``: the backup in place of the store, the replaced store
kept beside it, refused while the counter app has the store open (see
:mod:`pos.store.backup` and :mod:`pos.store.store_lock`).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from cli.common import EXIT_OK, EXIT_USAGE, CommandError, Subcommands
from pos.adapters.data_dir import resolve_data_dir
from pos.bootstrap import (
    DEFAULT_INTERVAL,
    DEFAULT_KEEP,
    back_up,
    back_up_if_due,
    backups,
    check_store,
    restore,
)

DEFAULT_HOURS = DEFAULT_INTERVAL.total_seconds() / 3600


def _moment(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a time like 2026-12-03T23:30: {text!r}") from None


def add_store_parsers(commands: Subcommands) -> None:
    check = commands.add_parser("check", help="check that the store is whole (read-only)")
    check.add_argument("--full", action="store_true", help="also every index (slower)")
    check.set_defaults(handler=run_check)
    backup = commands.add_parser("backup", help="an online copy of the store, rotated")
    backup.add_argument("--to", type=Path, help="the folder (default: DATA_DIR/backups)")
    backup.add_argument("--keep", type=int, default=DEFAULT_KEEP, help="newest copies kept")
    backup.add_argument("--list", action="store_true", help="list the backups, newest first")
    backup.add_argument(
        "--if-due", action="store_true", help="only if the newest backup is --every hours old"
    )
    backup.add_argument(
        "--every", type=float, default=DEFAULT_HOURS, metavar="HOURS", help="(default: 24)"
    )
    backup.add_argument(
        "--now", type=_moment, metavar="TIME", help="take the time as this (tests, scripts)"
    )
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
    if not 0 < args.every <= 24 * 366:
        raise CommandError(
            f"--every must be more than 0 and at most 8784 hours (got {args.every})", EXIT_USAGE
        )
    if args.if_due:
        interval = dt.timedelta(hours=args.every)
        made = back_up_if_due(data_dir, args.to, keep=args.keep, interval=interval, now=args.now)
        if made is None:
            newest = backups(data_dir, args.to)[0]
            print(f"not due: the newest backup is {newest} (one every {args.every:g} h)")
            return EXIT_OK
    else:
        made = back_up(data_dir, args.to, keep=args.keep, now=args.now)
    print(f"backed up to {made}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such backup (otop-pos backup --list shows them)")
    aside = restore(resolve_data_dir(args.data_dir), args.file)
    kept = f"; the replaced store is kept as {aside}" if aside else ""
    print(f"restored {args.file}{kept}")
    return EXIT_OK
