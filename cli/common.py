"""Helpers shared by the command modules: exit codes and opening the store."""

from __future__ import annotations

import argparse
from typing import TypeAlias

from pos.adapters.data_dir import resolve_data_dir
from pos.bootstrap import AppContext, open_context

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
