"""Terminals: issuing, replacing and revoking tokens, and finding who a token belongs to.

A token is shown once, when issued, and never stored (only its SHA-256, see
:mod:`hq.tokens`).  Revoking keeps the terminal and everything it sent; its
token simply stops working.  ``add_terminal(..., new_token=True)`` gives an
existing terminal a fresh token (a counter replaced, a token leaked): the old
one stops working at once and a revoked terminal is active again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hq.ports import HqUnitOfWork, Terminal
from hq.tokens import new_token, token_digest, validate_terminal_name
from pos.clock import Clock
from pos.sync.wire import TOKEN_PREFIX, TerminalNumbers


class TerminalError(ValueError):
    """A terminal command that cannot be carried out; nothing was changed."""


@dataclass(frozen=True)
class IssuedToken:
    terminal: str
    token: str
    replaced: bool


def add_terminal(
    uow_factory: Callable[[], HqUnitOfWork], clock: Clock, name: str, *, new_token_: bool = False
) -> IssuedToken:
    validate_terminal_name(name)
    token = new_token()
    with uow_factory() as uow:
        existing = uow.terminals.by_name(name)
        if existing is not None and not new_token_:
            state = "active" if existing.active else "revoked"
            raise TerminalError(
                f"terminal {name!r} exists ({state}); to give it a new token, add --new-token"
            )
        if existing is None:
            uow.terminals.add(name, token_digest(token), clock.now())
        else:
            uow.terminals.replace_token(name, token_digest(token))
        uow.commit()
    return IssuedToken(name, token, replaced=existing is not None)


def revoke_terminal(uow_factory: Callable[[], HqUnitOfWork], clock: Clock, name: str) -> Terminal:
    with uow_factory() as uow:
        terminal = uow.terminals.by_name(name)
        if terminal is None:
            raise TerminalError(f"there is no terminal {name!r} (see hq list-terminals)")
        if terminal.active:
            uow.terminals.revoke(name, clock.now())
            uow.commit()
        revoked = uow.terminals.by_name(name)
    assert revoked is not None
    return revoked


def list_terminals(uow_factory: Callable[[], HqUnitOfWork]) -> list[Terminal]:
    with uow_factory() as uow:
        return uow.terminals.all()


def authenticate(uow_factory: Callable[[], HqUnitOfWork], token: str) -> Terminal | None:
    """The active terminal whose token this is, else ``None`` (unknown or revoked)."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    with uow_factory() as uow:
        terminal = uow.terminals.by_token_digest(token_digest(token))
    return terminal if terminal is not None and terminal.active else None


def terminal_numbers(
    uow_factory: Callable[[], HqUnitOfWork], terminal: Terminal
) -> TerminalNumbers:
    """The terminal's last serial of each sequence the head office holds (``GET
    /v1/terminal/numbers``): a replaced counter continues from them (``sync configure``)."""
    with uow_factory() as uow:
        return TerminalNumbers(terminal.name, uow.numbers.last_serials(terminal.terminal_id))
