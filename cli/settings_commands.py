"""``otop-pos settings show`` and ``otop-pos settings set KEY VALUE``."""

from __future__ import annotations

import argparse
import json

from cli.common import EXIT_OK, CommandError, Subcommands, open_store
from pos.settings.services.change import change_setting, described_settings

SET_HELP = """\
Change one setting; a counter app already running reads it when it starts again
(the manager's settings screen in the app applies a change at once).  Each setting's allowed
range is in `otop-pos settings show`; a value outside it is refused (exit 1) and
nothing is changed.  Examples:
  otop-pos settings set scanner_serial_port /dev/ttyACM0   a scanner on USB (CDC-ACM)
  otop-pos settings set scanner_serial_baudrate 9600
  otop-pos settings set scanner_serial_port ""            no serial scanner
  otop-pos settings set idle_lock_minutes 3                0 = never lock
  otop-pos settings set discount_limit_basis_points 1500   15%: above, a manager approves
  otop-pos settings set customer_display false
  otop-pos settings set schemes [] --confirm-empty         no co-pay schemes at all"""


def add_settings_parser(commands: Subcommands) -> None:
    settings = commands.add_parser("settings", help="show or change the shop's settings")
    actions = settings.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    actions.add_parser(
        "show", help="every setting, its value, what it is for and what it allows"
    ).set_defaults(handler=run_show)
    changing = actions.add_parser(
        "set",
        help="change one setting",
        description=SET_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    changing.add_argument("key")
    changing.add_argument("value", help="JSON (5, true, [...]) or plain text")
    changing.add_argument(
        "--confirm-empty",
        action="store_true",
        help="allow an empty value where it removes everything (schemes [])",
    )
    changing.set_defaults(handler=run_set)


def run_show(args: argparse.Namespace) -> int:
    context = open_store(args)
    try:
        shown = described_settings(context.uow_factory)
    finally:
        context.close()
    for setting in shown:
        print(f"{setting.key} = {json.dumps(setting.value, ensure_ascii=False)}")
        print(f"    {setting.description_en}")
        print(f"    {setting.description_th}")
        print(f"    allowed: {setting.allowed}")
    return EXIT_OK


def run_set(args: argparse.Namespace) -> int:
    context = open_store(args)
    try:
        change_setting(context.uow_factory, args.key, args.value, confirm_empty=args.confirm_empty)
    except ValueError as error:
        raise CommandError(f"{error}; nothing was changed") from None
    finally:
        context.close()
    # another process: a running counter app hears nothing (its settings screen applies at once)
    print(f"{args.key} set; restart the counter app for it to take effect")
    return EXIT_OK
