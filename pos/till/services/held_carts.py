"""Held carts: parking the cart on the counter, recalling one, and restoring after a crash.

:class:`HeldCarts` is the till's part for carts that are not being rung up
right now.  A held cart is saved with the status ``HELD`` by the journal; a
recall first holds whatever is on the counter, so no cart is ever lost.
:meth:`HeldCarts.restore` runs at start: the open cart a crash left behind
comes back on the counter, and any other open carts are held.
"""

from __future__ import annotations

import dataclasses

from pos.audit import AuditAction
from pos.ids import CartUuid
from pos.till.domain.rules import CartStatus, SavedCart, TillError, TillProblem
from pos.till.services.counter import Counter

JOURNAL_FLUSH_SECONDS = 2.0  # the held carts are read from the store: let pending writes land


class HeldCarts:
    """Hold, list, recall and restore the till's carts."""

    def __init__(self, counter: Counter):
        self._counter = counter

    def hold(self, note: str = "") -> SavedCart:
        """Park the cart and start an empty one."""
        counter = self._counter
        counter.require_user()
        if counter.cart.is_empty:
            raise TillError(TillProblem.CART_EMPTY, "there is nothing to hold")
        counter.revision += 1
        now = counter.clock.now()
        held = dataclasses.replace(
            counter.snapshot(), status=CartStatus.HELD, held_at=now, note=note.strip()
        )
        detail = {
            "cart": counter.cart_uuid,
            "lines": len(held.lines),
            "note": held.note,
            "total_satang": counter.totals().total_satang,
        }
        event = dataclasses.replace(counter.event(AuditAction.CART_HELD), detail=detail)
        counter.journal.save(held, [event])
        counter.new_cart()
        return held

    def held_carts(self) -> list[SavedCart]:
        self._counter.journal.flush(timeout=JOURNAL_FLUSH_SECONDS)
        with self._counter.read() as uow:
            return uow.carts.held_carts(self._counter.settings.terminal_id)

    def recall(self, cart_uuid: CartUuid) -> SavedCart | None:
        """Bring back a held cart; a cart on the counter is held first (returned), not lost."""
        counter = self._counter
        counter.require_user()
        counter.journal.flush(timeout=JOURNAL_FLUSH_SECONDS)
        with counter.read() as uow:
            saved = uow.carts.get(cart_uuid)
        if saved is None or saved.status is not CartStatus.HELD:
            raise TillError(TillProblem.NO_SUCH_HELD_CART, "that cart is no longer held")
        parked = self.hold() if not counter.cart.is_empty else None
        if parked is None:
            counter.journal.remove(
                counter.cart_uuid
            )  # an order discount alone is not worth keeping
        counter.journal.known(saved)
        counter.load(saved)
        detail = {"cart": cart_uuid, "lines": len(saved.lines)}
        event = dataclasses.replace(counter.event(AuditAction.CART_RECALLED), detail=detail)
        counter.changed([event])
        return parked

    def restore(self) -> SavedCart | None:
        """At start: the open cart left by a crash, back on the counter (others are held)."""
        counter = self._counter
        with counter.read() as uow:
            found = uow.carts.open_carts(counter.settings.terminal_id)
        if not found:
            return None
        newest, *others = found
        for other in others:
            counter.journal.known(other)
            held_at = counter.clock.now()
            counter.journal.save(
                dataclasses.replace(other, status=CartStatus.HELD, held_at=held_at)
            )
        counter.journal.known(newest)
        counter.load(newest)
        return newest
