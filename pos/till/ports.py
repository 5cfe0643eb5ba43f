"""The port of the till's open and held carts."""

from __future__ import annotations

from typing import Protocol

from pos.ids import CartUuid, TerminalId
from pos.till.domain.rules import SavedCart


class CartRepository(Protocol):
    """The till's open and held carts (see :mod:`pos.till.domain.rules`)."""

    def save(self, cart: SavedCart, previous: SavedCart | None) -> None:
        """Write ``cart``; ``previous`` is what was last written of it, so only changes are."""
        ...

    def delete(self, cart_uuid: CartUuid) -> None: ...
    def get(self, cart_uuid: CartUuid) -> SavedCart | None: ...
    def open_carts(self, terminal_id: TerminalId) -> list[SavedCart]:
        """The terminal's open carts, newest first (normally at most one)."""
        ...

    def held_carts(self, terminal_id: TerminalId) -> list[SavedCart]:
        """The terminal's held carts, oldest first."""
        ...
