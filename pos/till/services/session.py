"""The till session: the facade the sale screen talks to, over the till's focused parts.

:class:`TillSession` has no Qt in it, so it is tested on the in-memory fakes.
It holds no logic of its own; each call goes to the part whose job it is:

* :attr:`TillSession.login` (:mod:`pos.till.services.login`): log-in, unlock,
  log-out, a manager's approval;
* :attr:`TillSession.editor` (:mod:`pos.till.services.cart_editing`): goods,
  quantities, discounts (above the limit with a manager's approval), clearing;
* :attr:`TillSession.carts` (:mod:`pos.till.services.held_carts`): hold, recall,
  and :meth:`TillSession.restore` of the open cart after a crash;
* :attr:`TillSession.checkout` (:mod:`pos.till.services.pay`): the draft a
  payment step takes and :meth:`TillSession.record_and_clear_cart`, which writes
  the sale and removes the cart in one transaction.

The parts share one :class:`pos.till.services.counter.Counter` (the cashier
and the cart on the counter); every change to the cart is handed to the
:class:`pos.till.services.cart_journal.CartJournal`, which writes it durably
off the scan path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from pos.catalogue.domain.products import MILLI, Category, Product
from pos.clock import Clock
from pos.ids import CartLineId, CartUuid, UserId
from pos.sale.domain.cart import Cart, CartLine, CartTotals, Discount
from pos.settings.domain.shop_settings import Settings
from pos.staff.domain.users import User
from pos.till.domain.rules import SavedCart
from pos.till.services.cart_editing import CartEditor
from pos.till.services.cart_journal import CartJournal
from pos.till.services.counter import Counter
from pos.till.services.held_carts import HeldCarts
from pos.till.services.login import TillLogin
from pos.till.services.pay import CheckoutHandOver, SaleDraft
from pos.till.services.scanning import ScanOutcome
from pos.unit_of_work import UnitOfWork

__all__ = ["SaleDraft", "TillSession"]

T = TypeVar("T")


class TillSession:
    """One till: who is logged in, the cart on the counter, and everything done to it."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        journal: CartJournal,
        clock: Clock,
        *,
        read_uow_factory: Callable[[], UnitOfWork] | None = None,
        settings: Settings | None = None,
    ):
        read = read_uow_factory or uow_factory
        if settings is None:
            with read() as uow:
                settings = uow.settings.load()
        self._counter = Counter(uow_factory, read, journal, clock, settings)
        self.login = TillLogin(self._counter)
        self.editor = CartEditor(self._counter)
        self.carts = HeldCarts(self._counter)
        self.checkout = CheckoutHandOver(self._counter)

    # --- the state the screens show -------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._counter.settings

    def use_settings(self, settings: Settings) -> None:
        """The settings as just stored (the settings screen's change): used from the next
        scan, discount or document on, without a restart."""
        self._counter.settings = settings

    @property
    def user(self) -> User | None:
        return self._counter.user

    @property
    def cart(self) -> Cart:
        return self._counter.cart

    @property
    def cart_uuid(self) -> CartUuid:
        return self._counter.cart_uuid

    @property
    def revision(self) -> int:
        return self._counter.revision

    @property
    def opened_at(self) -> dt.datetime:
        return self._counter.opened_at

    # --- people ---------------------------------------------------------------------------
    def users(self) -> list[User]:
        return self.login.users()

    def log_in(self, user_id: UserId, pin: str) -> User:
        return self.login.log_in(user_id, pin)

    def log_out(self) -> None:
        self.login.log_out()

    def approve(self, manager_id: UserId, pin: str) -> User:
        return self.login.approve(manager_id, pin)

    @property
    def needs_approval_for_discounts(self) -> bool:
        return self.login.needs_approval_for_discounts

    # --- the cart -------------------------------------------------------------------------
    def scan(self, raw_code: str) -> ScanOutcome:
        return self.editor.scan(raw_code)

    def add_product(self, product: Product, quantity_milli: int = MILLI) -> CartLine:
        return self.editor.add_product(product, quantity_milli)

    def add_weighed(self, product: Product, weight_grams: int) -> CartLine:
        return self.editor.add_weighed(product, weight_grams)

    def search(self, text: str, limit: int = 50) -> list[Product]:
        return self.editor.search(text, limit)

    def quick_key_products(self, category: Category, limit: int = 240) -> list[Product]:
        return self.editor.quick_key_products(category, limit)

    def change_quantity(self, line_id: CartLineId, delta_milli: int) -> None:
        self.editor.change_quantity(line_id, delta_milli)

    def set_quantity(self, line_id: CartLineId, quantity_milli: int) -> None:
        self.editor.set_quantity(line_id, quantity_milli)

    def remove_line(self, line_id: CartLineId) -> None:
        self.editor.remove_line(line_id)

    def line_discount_needs_approval(self, line_id: CartLineId, discount: Discount | None) -> bool:
        return self.editor.line_discount_needs_approval(line_id, discount)

    def set_line_discount(
        self, line_id: CartLineId, discount: Discount | None, approver: User | None = None
    ) -> None:
        self.editor.set_line_discount(line_id, discount, approver)

    def check_line_discount(self, line_id: CartLineId, discount: Discount | None) -> None:
        self.editor.check_line_discount(line_id, discount)

    def order_discount_needs_approval(self, discount: Discount | None) -> bool:
        return self.editor.order_discount_needs_approval(discount)

    def check_order_discount(self, discount: Discount | None) -> None:
        self.editor.check_order_discount(discount)

    def set_order_discount(self, discount: Discount | None, approver: User | None = None) -> None:
        self.editor.set_order_discount(discount, approver)

    def clear_cart(self) -> None:
        self.editor.clear_cart()

    # --- hold and recall ------------------------------------------------------------------
    def hold(self, note: str = "") -> SavedCart:
        return self.carts.hold(note)

    def held_carts(self) -> list[SavedCart]:
        return self.carts.held_carts()

    def recall(self, cart_uuid: CartUuid) -> SavedCart | None:
        return self.carts.recall(cart_uuid)

    def restore(self) -> SavedCart | None:
        return self.carts.restore()

    # --- totals and checkout --------------------------------------------------------------
    @property
    def vat_rate_basis_points(self) -> int:
        return self._counter.vat_rate_basis_points

    def totals(self) -> CartTotals:
        return self._counter.totals()

    def sale_draft(self) -> SaleDraft:
        return self.checkout.sale_draft()

    def record_and_clear_cart(
        self, draft: SaleDraft, record: Callable[[UnitOfWork, SaleDraft], T]
    ) -> T:
        return self.checkout.record_and_clear_cart(draft, record)

    # --- what the payment and return screens use besides the cart -------------------------
    @property
    def journal(self) -> CartJournal:
        return self._counter.journal

    @property
    def clock(self) -> Clock:
        return self._counter.clock

    @property
    def uow_factory(self) -> Callable[[], UnitOfWork]:
        """Write units of work (checkout, returns, the audit trail)."""
        return self._counter.uow_factory

    @property
    def read_uow_factory(self) -> Callable[[], UnitOfWork]:
        """Units of work that only read and never wait for the write lock."""
        return self._counter.read

    def close(self) -> None:
        """Write what is still queued and stop the journal's writer (at exit)."""
        self._counter.journal.close()
