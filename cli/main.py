"""``otop-pos``: parse the command line and dispatch.

Exit status: 0 done, 1 the input was refused (nothing changed), 2 bad usage,
3 the store cannot be opened or used (not initialised, from a newer version, damaged,
read-only, locked by another program, or the disk is full): one line names the file
and what to do; 141 (as a program stopped by SIGPIPE) when the output's reader
closed it early (``| head``), without a message.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from cli import (
    catalog_commands,
    hq_commands,
    label_commands,
    receipt_commands,
    report_commands,
    sales_commands,
    settings_commands,
    shift_commands,
    store_commands,
    sync_commands,
    user_commands,
)
from cli.common import EXIT_PIPE_CLOSED, EXIT_STORE, CommandError
from pos import __version__
from pos.adapters.data_dir import ENV_VAR, resolve_data_dir
from pos.bootstrap import StoreError, explain_store_failure

DESCRIPTION = """\
Point of sale for the counter of the Sisaket provincial OTOP centre.
Without a command, opens the counter app (a window)."""

EPILOG = f"""\
data directory: --data-dir, else ${ENV_VAR}, else ~/.local/share/otop-pos.
examples:
  otop-pos init --demo                 create the store with the demo catalogue
  otop-pos catalog import goods.csv    add or update products (all or nothing)
  otop-pos catalog export goods.csv    write the whole catalogue as CSV
  otop-pos labels --sku TX-0101 --copies 3 --pdf labels.pdf   barcode labels
  otop-pos receipt POS01-00000042 --to receipt.png   a stored receipt as .png/.pdf/.bin
  otop-pos sales export --date 2021-07-05 --format csv   a day's sales and credit notes
  otop-pos simulate --days 3 --sales-per-day 300 --seed 1 (use a separate --data-dir)
  otop-pos shift open --user NAME --float 2000   a cashier's shift (shift --help)
  otop-pos report x                    the open business day so far
  otop-pos report z --close --manager NAME   close the day (Z report, asks the PIN)
  otop-pos report sales --from 2021-03-01 --to 2021-03-31 --pdf march.pdf
  otop-pos hq --help                   the head-office server (PostgreSQL)
  otop-pos sync                        send sales to the head office (sync --help)
  otop-pos settings set scanner_serial_port /dev/ttyACM0
  otop-pos users add --first-manager --name NAME   a new shop's first manager (asks the PIN)
  otop-pos users add --name NAME --manager NAME    add a cashier (users --help)"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="otop-pos",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"otop-pos {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where the store lives")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    init = commands.add_parser("init", help="create (or upgrade) the store in the data directory")
    init.add_argument("--demo", action="store_true", help="load the demo catalogue and users")
    init.set_defaults(handler=catalog_commands.run_init)
    catalog_commands.add_catalog_parser(commands)
    label_commands.add_labels_parser(commands)
    receipt_commands.add_receipt_parser(commands)
    sales_commands.add_sales_parsers(commands)
    shift_commands.add_shift_parser(commands)  # shifts, X/Z and reports (issue 6)
    report_commands.add_report_parser(commands)
    hq_commands.add_hq_parser(commands)
    settings_commands.add_settings_parser(commands)
    store_commands.add_store_parsers(commands)
    sync_commands.add_sync_parser(commands)  # the head office (issue 7)
    user_commands.add_users_parser(commands)  # staff at the counter (issue 13)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        return _pipe_closed()


def _run(args: argparse.Namespace) -> int:
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return _launch_gui(args)
        status = int(handler(args))
        sys.stdout.flush()  # here, not at exit: a reader that went away is a BrokenPipeError
        return status
    except BrokenPipeError:
        raise  # the reader (| head) went away: not the store's, not a bug
    except CommandError as error:
        print(f"otop-pos: {error}", file=sys.stderr)
        return error.exit_code
    except StoreError as error:
        print(f"otop-pos: {error}", file=sys.stderr)
        return EXIT_STORE
    except Exception as error:
        problem = explain_store_failure(error, resolve_data_dir(args.data_dir))
        if problem is None:
            raise  # not the store's: a bug, and its traceback is for the developer
        print(f"otop-pos: {problem}", file=sys.stderr)
        return EXIT_STORE


def _pipe_closed() -> int:
    """The output's reader closed it (``otop-pos settings show | head -1``): stop quietly.

    Python's advice: point stdout at /dev/null so the flush at exit cannot
    raise again, and exit as a program stopped by SIGPIPE does (128 + 13).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_PIPE_CLOSED


def _launch_gui(args: argparse.Namespace) -> int:
    from ui.app import run_app  # Qt is loaded only when a window is wanted

    return run_app(args.data_dir)


if __name__ == "__main__":
    sys.exit(main())
