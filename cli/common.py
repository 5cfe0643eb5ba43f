"""Helpers shared by the command modules: exit codes and opening the store."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TypeAlias

from pos.adapters.data_dir import resolve_data_dir
from pos.bootstrap import AppContext, open_context
from pos.reports.domain.report_days import report_day_problem

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_STORE = 3
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE: what a shell sees when a program's reader went away

# what ``add_subparsers()`` returns, that each command module adds its commands to
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CommandError(Exception):
    """A command that could not do its job; the message is for the person at the terminal."""

    def __init__(self, message: str, exit_code: int = EXIT_REFUSED):
        super().__init__(message)
        self.exit_code = exit_code


def open_store(args: argparse.Namespace) -> AppContext:
    """The context on the data directory the command line names (which must exist)."""
    return open_context(resolve_data_dir(args.data_dir))


def business_date(text: str) -> dt.date:
    """An argparse type: a YYYY-MM-DD business date in the range reports accept."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2021-07-05") from None
    problem = report_day_problem(day)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return day
