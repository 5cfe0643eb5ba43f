"""What the till's parts share: its adapters, who is logged in, and the cart on the counter.

:class:`pos.till.services.session.TillSession` is a facade over parts with one
job each (log-in and lock, cart editing and discounts, held carts, checkout
hand-over).  They all work on one :class:`Counter`, so they see the same cart
and the same cashier; nothing else holds till state.

Every change to the cart goes through :meth:`Counter.changed`: a new revision,
saved durably by the :class:`pos.till.services.cart_journal.CartJournal`
(with its audit events), or removed from the store when nothing is left.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from pos.audit import AuditAction, AuditEvent
from pos.clock import Clock
from pos.ids import CartUuid, UserId
from pos.sale.domain.cart import Cart, CartTotals
from pos.settings.domain.shop_settings import Settings
from pos.staff.domain.users import User
from pos.till.domain.rules import (
    Approvals,
    CartStatus,
    SavedCart,
    TillError,
    TillProblem,
    cart_from_snapshot,
    snapshot_lines,
)
from pos.till.services.cart_journal import CartJournal
from pos.unit_of_work import UnitOfWork


class Counter:
    """One till's adapters and settings, the cashier, and the cart with its approvals."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        read_uow_factory: Callable[[], UnitOfWork],
        journal: CartJournal,
        clock: Clock,
        settings: Settings,
    ):
        self.uow_factory = uow_factory
        self.read = read_uow_factory
        self.journal = journal
        self.clock = clock
        self.settings = settings
        self.user: User | None = None
        self.cart = Cart()
        self.cart_uuid = CartUuid("")
        self.revision = 0
        self.opened_at: dt.datetime = clock.now()
        self.approvals = Approvals({})
        self.new_cart()

    # --- the cart on the counter ----------------------------------------------------------
    def new_cart(self) -> None:
        self.cart = Cart()
        self.cart_uuid = CartUuid(str(uuid.uuid4()))
        self.revision = 0
        self.opened_at = self.clock.now()
        self.approvals = Approvals({})

    def load(self, saved: SavedCart) -> None:
        self.cart, self.approvals = cart_from_snapshot(saved)
        self.cart_uuid, self.revision, self.opened_at = (
            saved.cart_uuid,
            saved.revision,
            saved.opened_at,
        )

    @property
    def is_blank(self) -> bool:
        """No lines and no bill discount: nothing worth keeping in the store."""
        return self.cart.is_empty and self.cart.order_discount is None

    def snapshot(self) -> SavedCart:
        return SavedCart(
            cart_uuid=self.cart_uuid,
            terminal_id=self.settings.terminal_id,
            status=CartStatus.OPEN,
            user_id=self.user.user_id if self.user else None,
            opened_at=self.opened_at,
            revision=self.revision,
            lines=snapshot_lines(self.cart, self.approvals),
            order_discount=self.cart.order_discount,
            order_discount_approved_by=self.approvals.order,
            changed_at=self.clock.now(),
        )

    def changed(self, events: list[AuditEvent] | None = None) -> None:
        """Every change: a new revision, saved durably by the journal (or removed when empty)."""
        self.revision += 1
        if self.is_blank:
            self.journal.remove(self.cart_uuid, events or [])
        else:
            self.journal.save(self.snapshot(), events or [])

    # --- totals ---------------------------------------------------------------------------
    @property
    def vat_rate_basis_points(self) -> int:
        return self.settings.vat_schedule.rate_on(self.clock.now().date())

    def totals(self) -> CartTotals:
        return self.cart.totals(self.vat_rate_basis_points)

    # --- who -----------------------------------------------------------------------------
    def require_user(self) -> User:
        if self.user is None:
            raise TillError(TillProblem.NOT_LOGGED_IN, "log in first")
        return self.user

    def event(self, action: AuditAction, *, user_id: UserId | None = None, **kw: Any) -> AuditEvent:
        """An audit event now, by ``user_id`` or else whoever is logged in."""
        who = user_id if user_id is not None else (self.user.user_id if self.user else None)
        return AuditEvent(action, self.clock.now(), who, **kw)
