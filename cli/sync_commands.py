"""``otop-pos sync``: send what the counter owns to the head office, take back the catalogue.

For cron or a systemd timer: ``otop-pos sync`` runs one sync and prints one
line (what was sent, what waits, what came down).  Exit status:

  0  done: everything sent, the catalogue up to date
  4  the head office was not reached (or another sync is running): nothing
     is lost, the next run carries on where this one stopped
  5  not set up, or the head office refused the token: a person must act
  6  finished, but the head office refused something (records set aside, a
     batch or a catalogue change): see ``otop-pos sync status``
  3  the store cannot be opened

``sync status`` shows the last success, what waits, what was set aside and
why; ``sync configure`` sets the head office's address, the nightly time and
the token (read from standard input, never from the command line, where
other users could see it in the process list) and, with both set, continues
the head office's document numbers (a replaced counter); ``sync test`` checks
the address and token and shows the clock difference; ``sync retry`` queues
records set aside again (after the head office or the record was fixed).

``--give-up-after SECONDS`` is a deadline for the whole run, every request
and back-off included: a head office that accepts and never answers cannot
hold a run longer.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import uuid

from cli.common import EXIT_OK, EXIT_USAGE, CommandError, Subcommands, open_store
from pos.adapters.run_lock import exclusive
from pos.adapters.token_file import forget_token, read_token, write_token
from pos.audit import AuditAction, AuditEvent
from pos.bootstrap import AppContext, open_head_office, sync_now, sync_units
from pos.clock import SystemClock
from pos.settings.services.change import change_setting
from pos.sync.domain.protocol import (
    HeadOfficeError,
    RejectedRecord,
    RetryPolicy,
    TokenRefusedError,
)
from pos.sync.domain.reasons import reason_english, reason_thai
from pos.sync.services.provisioning import ProvisioningError, continue_numbers
from pos.sync.services.status import sync_status
from pos.sync.services.sync_run import SyncBusyError, SyncNotConfiguredError, SyncOutcome

EXIT_UNREACHABLE = 4
EXIT_SET_UP = 5
EXIT_ATTENTION = 6
NUMBERS_SECONDS = 30.0  # sync configure asks for the numbers at most this long
EXIT_FOR = {
    SyncOutcome.DONE: EXIT_OK,
    SyncOutcome.ATTENTION: EXIT_ATTENTION,
    SyncOutcome.UNREACHABLE: EXIT_UNREACHABLE,
    SyncOutcome.STOPPED: EXIT_UNREACHABLE,
    SyncOutcome.TOKEN: EXIT_SET_UP,
}
MAX_GIVE_UP = 86_400.0
SYNC_HELP = __doc__.split("\n\n", 1)[1] if __doc__ else ""


def add_sync_parser(commands: Subcommands) -> None:
    sync = commands.add_parser(
        "sync",
        help="send sales to the head office and take back the catalogue",
        description=SYNC_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sync.add_argument(
        "--give-up-after",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="end the whole run by then, however the head office behaves (default 600)",
    )
    sync.set_defaults(handler=run_sync)
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION")
    status = actions.add_parser("status", help="last success, what waits, what was set aside")
    status.add_argument("--json", action="store_true", help="as JSON")
    status.set_defaults(handler=run_status)
    _add_configure_parser(actions)
    actions.add_parser(
        "test", help="reach the head office with the token; clock difference"
    ).set_defaults(handler=run_test)
    retry = actions.add_parser(
        "retry", aliases=["retry-rejected"], help="queue the records set aside again"
    )
    retry.add_argument("record_ids", nargs="*", metavar="RECORD_ID", help="only these (UUIDs)")
    retry.set_defaults(handler=run_retry)


def _add_configure_parser(actions: Subcommands) -> None:
    configure = actions.add_parser("configure", help="the head office's address, token, time")
    configure.add_argument("--url", help="the head office, e.g. https://hq.example:8700")
    configure.add_argument("--nightly", metavar="HH:MM", help="nightly sync time, or 'off'")
    configure.add_argument("--after-z", choices=("yes", "no"), help="sync after each Z report")
    configure.add_argument(
        "--token-stdin", action="store_true", help="read the token (otop_…) from standard input"
    )
    configure.add_argument("--forget-token", action="store_true", help="remove the token")
    configure.add_argument(
        "--numbers",
        action="store_true",
        help="only fetch the head office's last numbers again and continue them",
    )
    configure.set_defaults(handler=run_configure)


def run_sync(args: argparse.Namespace) -> int:
    context = open_store(args)
    try:
        if not 0 < args.give_up_after <= MAX_GIVE_UP:
            raise CommandError(
                f"--give-up-after must be from 0 to {MAX_GIVE_UP:.0f} seconds", EXIT_USAGE
            )
        policy = RetryPolicy(give_up_after_seconds=args.give_up_after)
        report = sync_now(context, policy=policy, deadline_seconds=args.give_up_after)
    except SyncNotConfiguredError as error:
        raise CommandError(str(error), EXIT_SET_UP) from None
    except SyncBusyError as error:
        raise CommandError(str(error), EXIT_UNREACHABLE) from None
    finally:
        context.close()
    print(report.summary())
    return EXIT_FOR[report.outcome]


def run_status(args: argparse.Namespace) -> int:
    context = open_store(args)
    try:
        _, reader = sync_units(context)
        assert context.data_dir is not None
        with exclusive(context.data_dir) as free:  # held: a run is on its way now
            status = sync_status(reader, running=not free)
        token = read_token(context.data_dir)
    finally:
        context.close()
    if args.json:
        data = {
            "terminal": status.terminal,
            "hq_url": status.settings.hq_url,
            "token": token is not None,
            "nightly_at": status.settings.nightly_at,
            "last_success_at": status.state.last_success_at_utc,
            "last_attempt_at": status.state.last_attempt_at_utc,
            "last_outcome": status.last_outcome,
            "run_started_at": status.state.run_started_at_utc,
            "waiting": status.waiting.by_kind,
            "set_aside": status.waiting.rejected,
            "rejected": [_refused_json(record) for record in status.rejected],
            "to_resend": [_refused_json(record) for record in status.held],
            "catalogue_cursor": status.state.catalogue_cursor,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    for line in status.lines():
        print(line)
    print(f"token:           {'set' if token else 'NOT SET'}")
    return EXIT_OK


def _refused_json(record: RejectedRecord) -> dict[str, str]:
    return {
        "kind": record.kind,
        "record_id": str(record.record_id),
        "device_time": record.device_time_utc,
        "reason": record.reason,
        "reason_en": reason_english(record.reason),
        "reason_th": reason_thai(record.reason),
        "field": record.field,
        "detail": record.detail,
    }


def run_configure(args: argparse.Namespace) -> int:
    context = open_store(args)
    try:
        changed = _configure(args, context)
        for line in changed:
            print(line)
        if args.numbers or (args.url is not None or args.token_stdin):
            _continue_numbers(context, explicit=args.numbers)
        elif not changed:
            print("nothing to change (see otop-pos sync configure -h)")
    finally:
        context.close()
    return EXIT_OK


def _continue_numbers(context: AppContext, *, explicit: bool) -> None:
    """With the address and the token set: continue the head office's numbers (a replaced
    counter goes on from them).  Not set yet is fine, unless asked for (``--numbers``)."""
    assert context.data_dir is not None
    if not (context.settings().sync.hq_url and read_token(context.data_dir)):
        if explicit:
            raise CommandError("set the address and the token first", EXIT_SET_UP)
        return
    writer, _ = sync_units(context)
    office = open_head_office(context, deadline=time.monotonic() + NUMBERS_SECONDS)
    try:
        raised = continue_numbers(writer, office, SystemClock())
    except TokenRefusedError as error:
        raise CommandError(f"{error}; the numbers were not fetched", EXIT_SET_UP) from None
    except HeadOfficeError as error:
        raise CommandError(
            f"the head office's last numbers were not fetched ({error}); the settings are"
            " saved: run otop-pos sync configure --numbers before selling on a replaced counter",
            EXIT_UNREACHABLE,
        ) from None
    except ProvisioningError as error:
        raise CommandError(str(error), EXIT_USAGE) from None
    finally:
        office.close()
    for number in raised:
        what = (
            f"raised {number.before} → {number.after}"
            if number.after > number.before
            else (f"kept at {number.before}")
        )
        print(f"numbers: {number.counter} {what}")


def _configure(args: argparse.Namespace, context: AppContext) -> list[str]:
    assert context.data_dir is not None
    changed = []
    current = context.settings().sync.to_setting()
    if args.url is not None:
        current["hq_url"] = args.url
    if args.nightly is not None:
        current["nightly_at"] = "" if args.nightly.lower() == "off" else args.nightly
    if args.after_z is not None:
        current["after_z"] = args.after_z == "yes"
    if current != context.settings().sync.to_setting():
        try:
            change_setting(context.uow_factory, "sync", json.dumps(current))
        except ValueError as error:
            raise CommandError(f"{error}; nothing was changed", EXIT_USAGE) from None
        changed.append(f"sync settings: {json.dumps(current, ensure_ascii=False)}")
    if args.token_stdin or args.forget_token:
        token = sys.stdin.readline().strip() if args.token_stdin else ""
        try:
            path = write_token(context.data_dir, token) if token else None
        except ValueError as error:
            raise CommandError(f"{error}; the token was not changed", EXIT_USAGE) from None
        if path is None:
            forget_token(context.data_dir)
        _audit_token(context, "replaced" if path else "removed")
        changed.append(f"token {'stored in ' + str(path) + ' (0600)' if path else 'removed'}")
    return changed


def _audit_token(context: AppContext, what: str) -> None:
    """An auditor sees that the token changed and when — never the token itself."""
    event = AuditEvent(
        AuditAction.SETTINGS_CHANGED,
        SystemClock().now(),
        None,
        detail={"key": "hq_token", "after": what},
    )
    with context.uow_factory() as uow:
        uow.audit.record(event)
        uow.commit()


def run_test(args: argparse.Namespace) -> int:
    context = open_store(args)
    try:
        office = open_head_office(context)
        try:
            info = office.terminal()
        finally:
            office.close()
    except SyncNotConfiguredError as error:
        raise CommandError(str(error), EXIT_SET_UP) from None
    except TokenRefusedError as error:
        raise CommandError(str(error), EXIT_SET_UP) from None
    except HeadOfficeError as error:
        raise CommandError(str(error), EXIT_UNREACHABLE) from None
    finally:
        context.close()
    skew = (SystemClock().now() - info.server_time).total_seconds()
    side = "ahead" if skew > 0 else "behind"
    print(
        f"head office reached as terminal {info.terminal}; "
        f"this counter's clock is {abs(skew):.0f} s {side}"
    )
    if abs(skew) > 300:
        print("the clock is more than 5 minutes off: sales keep this counter's time; set the clock")
    return EXIT_OK


def run_retry(args: argparse.Namespace) -> int:
    try:
        record_ids = [uuid.UUID(text) for text in args.record_ids]
    except ValueError:
        raise CommandError(
            f"record ids are UUIDs (as sync status shows them): {' '.join(args.record_ids)}",
            EXIT_USAGE,
        ) from None
    context = open_store(args)
    try:
        writer, _ = sync_units(context)
        with writer() as uow:
            count = uow.outbox.requeue_rejected(record_ids)
            uow.commit()
    finally:
        context.close()
    print(f"{count} record(s) queued again; they go with the next sync")
    return EXIT_OK
