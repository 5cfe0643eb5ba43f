"""The till session: who is logged in, the cart on the counter, scans, edits, hold and recall.

:class:`TillSession` is what the sale screen presents; it has no Qt in it, so it
is tested on the in-memory fakes.  Every change to the cart is handed to the
:class:`pos.till.services.cart_journal.CartJournal` (with its audit events), which
writes it durably off the scan path; :meth:`TillSession.restore` brings the open
cart back after a crash.

Discounts above ``Settings.discount_limit_basis_points`` need a manager:
:meth:`TillSession.approve` checks the manager's PIN and the approver is passed
back with the discount, recorded on the line and in the audit trail.  A manager
logged in approves their own.  A change that would push an unapproved discount
over the limit (fewer pieces under an amount discount) is refused.

Checkout (issue 4) takes :meth:`TillSession.sale_draft` and finishes with
:meth:`TillSession.complete_sale`, which writes the sale and removes the cart in
one transaction, so a sale is never both recorded and still open.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from pos.audit import AuditAction, AuditEvent
from pos.catalogue.domain.products import MILLI, Category, Product
from pos.clock import Clock
from pos.sale.domain.cart import Cart, CartError, CartLine, CartTotals, Discount
from pos.settings.domain.shop_settings import Settings
from pos.staff.domain.users import User
from pos.till.domain.rules import (
    Approvals,
    CartStatus,
    SavedCart,
    TillError,
    TillProblem,
    cart_from_snapshot,
    check_still_within_limits,
    discount_approver,
    discount_detail,
    exceeds_discount_limit,
    goods_after_line_discounts,
    problem_of,
    snapshot_lines,
)
from pos.till.services.cart_journal import CartJournal
from pos.till.services.login import PinGuard
from pos.till.services.scanning import ScanOutcome, scan_code
from pos.unit_of_work import UnitOfWork

T = TypeVar("T")


@dataclass(frozen=True)
class SaleDraft:
    """What a payment step needs: the cart as it is now, its totals, and who is selling."""

    cart: SavedCart
    totals: CartTotals
    cashier: User
    vat_rate_basis_points: int


class TillSession:
    """The state of one till and everything the cashier does to it."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        journal: CartJournal,
        clock: Clock,
        *,
        read_uow_factory: Callable[[], UnitOfWork] | None = None,
        settings: Settings | None = None,
    ):
        self._uow_factory = uow_factory
        self._read = read_uow_factory or uow_factory
        self._journal = journal
        self._clock = clock
        if settings is None:
            with self._read() as uow:
                settings = uow.settings.load()
        self.settings = settings
        self._pins = PinGuard(self._read, clock)
        self.user: User | None = None
        self.cart = Cart()
        self._approvals = Approvals({})
        self._new_cart()

    # --- people ---------------------------------------------------------------------------
    def users(self) -> list[User]:
        with self._read() as uow:
            return uow.users.active_users()

    def log_in(self, user_id: int, pin: str) -> User:
        """Log in (or unlock, or take over the till) with a PIN; records who and when."""
        user = self._checked(user_id, pin, manager=False, purpose="login")
        events = []
        if self.user is not None and self.user.user_id != user.user_id:
            events.append(self._event(AuditAction.LOGOUT, user_id=self.user.user_id))
        if self.user is None or self.user.user_id != user.user_id:
            events.append(self._event(AuditAction.LOGIN, user_id=user.user_id))
        self._journal.record(events)
        self.user = user
        return user

    def log_out(self) -> None:
        if not self.cart.is_empty:
            raise TillError(TillProblem.CART_NOT_EMPTY, "hold or finish the sale first")
        if self.user is not None:
            self._journal.record([self._event(AuditAction.LOGOUT)])
        self.user = None

    def approve(self, manager_id: int, pin: str) -> User:
        """A manager's approval: their PIN, and they must be a manager."""
        return self._checked(manager_id, pin, manager=True, purpose="approval")

    def _checked(self, user_id: int, pin: str, *, manager: bool, purpose: str) -> User:
        try:
            return self._pins.check(user_id, pin, manager=manager)
        except TillError as error:
            if error.problem is TillProblem.WRONG_PIN:
                event = self._event(AuditAction.LOGIN_FAILED, user_id=user_id)
                self._journal.record([dataclasses.replace(event, detail={"purpose": purpose})])
            raise

    @property
    def needs_approval_for_discounts(self) -> bool:
        return self.user is None or not self.user.is_manager

    # --- the cart: adding goods -----------------------------------------------------------
    def scan(self, raw_code: str) -> ScanOutcome:
        """A code from a scanner or typed: adds the goods, or says why not (never raises)."""
        self._require_user()
        with self._read() as uow:
            outcome = scan_code(raw_code, uow.catalog, self.settings.barcode_rules, self.cart)
        if outcome.line is not None:
            self._changed()
        return outcome

    def add_product(self, product: Product, quantity_milli: int = MILLI) -> CartLine:
        self._require_user()
        with self._cart_errors():
            line = self.cart.add_product(product, quantity_milli)
        self._changed()
        return line

    def add_weighed(self, product: Product, weight_grams: int) -> CartLine:
        self._require_user()
        with self._cart_errors():
            line = self.cart.add_weighed(product, weight_grams)
        self._changed()
        return line

    def search(self, text: str, limit: int = 50) -> list[Product]:
        with self._read() as uow:
            return uow.catalog.search_products(text, limit)

    def quick_key_products(self, category: Category, limit: int = 240) -> list[Product]:
        """Goods without a GS1 barcode (the shop's own codes) in a category."""
        with self._read() as uow:
            return uow.catalog.instore_products(category, 0, limit)

    # --- the cart: changing lines ---------------------------------------------------------
    def change_quantity(self, line_id: int, delta_milli: int) -> None:
        line = self._line(line_id)
        self.set_quantity(line_id, line.quantity_milli + delta_milli)

    def set_quantity(self, line_id: int, quantity_milli: int) -> None:
        """Set a line's quantity; zero or less removes the line."""
        line = self._line(line_id)
        if quantity_milli <= 0:
            self.remove_line(line_id)
            return
        before = line.quantity_milli
        with self._cart_errors():
            self.cart.set_quantity(line_id, quantity_milli)
        self._keep_within_limits(lambda: setattr(line, "quantity_milli", before))
        self._changed()

    def remove_line(self, line_id: int) -> None:
        line = self._line(line_id)
        index = self.cart.lines.index(line)
        self.cart.remove(line_id)
        self._keep_within_limits(lambda: self.cart.lines.insert(index, line))
        self._approvals.lines.pop(line_id, None)
        event = self._event(AuditAction.LINE_REMOVED, reference=line.product.sku)
        detail = {
            "cart": self.cart_uuid,
            "line": line_id,
            "quantity_milli": line.quantity_milli,
            "amount_satang": line.gross_satang - line.discount_satang,
        }
        if self.cart.is_empty:
            self.cart.order_discount, self._approvals = None, Approvals({})
        self._changed([dataclasses.replace(event, detail=detail)])

    def line_discount_needs_approval(self, line_id: int, discount: Discount | None) -> bool:
        line = self._line(line_id)
        limit = self.settings.discount_limit_basis_points
        return discount is not None and exceeds_discount_limit(discount, line.gross_satang, limit)

    def set_line_discount(
        self, line_id: int, discount: Discount | None, approver: User | None = None
    ) -> None:
        """A line discount (None removes it); above the limit ``approver`` must be a manager."""
        line = self._line(line_id)
        needed = self.line_discount_needs_approval(line_id, discount)
        approved_by = self._approver(needed, approver)
        with self._cart_errors():
            self.cart.set_line_discount(line_id, discount)
        if approved_by is None:
            self._approvals.lines.pop(line_id, None)
        else:
            self._approvals.lines[line_id] = approved_by
        event = self._discount_event(
            AuditAction.LINE_DISCOUNT, discount, line.gross_satang, approved_by
        )
        self._changed([dataclasses.replace(event, reference=line.product.sku)])

    def order_discount_needs_approval(self, discount: Discount | None) -> bool:
        limit = self.settings.discount_limit_basis_points
        return discount is not None and exceeds_discount_limit(
            discount, self._goods_satang(), limit
        )

    def set_order_discount(self, discount: Discount | None, approver: User | None = None) -> None:
        if self.cart.is_empty and discount is not None:
            raise TillError(TillProblem.CART_EMPTY, "the cart is empty")
        needed = self.order_discount_needs_approval(discount)
        approved_by = self._approver(needed, approver)
        with self._cart_errors():
            self.cart.set_order_discount(discount)
        self._approvals = Approvals(self._approvals.lines, approved_by)
        event = self._discount_event(
            AuditAction.ORDER_DISCOUNT, discount, self._goods_satang(), approved_by
        )
        self._changed([event])

    def clear_cart(self) -> None:
        """Abandon the whole cart (the customer left); recorded in the audit trail."""
        self._require_user()
        if self.cart.is_empty and self.cart.order_discount is None:
            return
        detail = {
            "cart": self.cart_uuid,
            "lines": len(self.cart.lines),
            "total_satang": self.totals().total_satang,
        }
        event = dataclasses.replace(self._event(AuditAction.CART_CLEARED), detail=detail)
        self._journal.remove(self.cart_uuid, [event])
        self._new_cart()

    # --- hold and recall ------------------------------------------------------------------
    def hold(self, note: str = "") -> SavedCart:
        """Park the cart and start an empty one."""
        self._require_user()
        if self.cart.is_empty:
            raise TillError(TillProblem.CART_EMPTY, "there is nothing to hold")
        self.revision += 1
        now = self._clock.now()
        held = dataclasses.replace(
            self._snapshot(), status=CartStatus.HELD, held_at=now, note=note.strip()
        )
        detail = {
            "cart": self.cart_uuid,
            "lines": len(held.lines),
            "note": held.note,
            "total_satang": self.totals().total_satang,
        }
        event = dataclasses.replace(self._event(AuditAction.CART_HELD), detail=detail)
        self._journal.save(held, [event])
        self._new_cart()
        return held

    def held_carts(self) -> list[SavedCart]:
        self._journal.flush(timeout=2.0)
        with self._read() as uow:
            return uow.carts.held_carts(self.settings.terminal_id)

    def recall(self, cart_uuid: str) -> SavedCart | None:
        """Bring back a held cart; a cart on the counter is held first (returned), not lost."""
        self._require_user()
        self._journal.flush(timeout=2.0)
        with self._read() as uow:
            saved = uow.carts.get(cart_uuid)
        if saved is None or saved.status is not CartStatus.HELD:
            raise TillError(TillProblem.NO_SUCH_HELD_CART, "that cart is no longer held")
        parked = self.hold() if not self.cart.is_empty else None
        if parked is None:
            self._journal.remove(self.cart_uuid)  # an order discount alone is not worth keeping
        self._journal.known(saved)
        self._load(saved)
        detail = {"cart": cart_uuid, "lines": len(saved.lines)}
        self._changed([dataclasses.replace(self._event(AuditAction.CART_RECALLED), detail=detail)])
        return parked

    def restore(self) -> SavedCart | None:
        """At start: the open cart left by a crash, back on the counter (others are held)."""
        with self._read() as uow:
            found = uow.carts.open_carts(self.settings.terminal_id)
        if not found:
            return None
        newest, *others = found
        for other in others:
            self._journal.known(other)
            held_at = self._clock.now()
            self._journal.save(dataclasses.replace(other, status=CartStatus.HELD, held_at=held_at))
        self._journal.known(newest)
        self._load(newest)
        return newest

    # --- totals and checkout --------------------------------------------------------------
    @property
    def vat_rate_basis_points(self) -> int:
        return self.settings.vat_schedule.rate_on(self._clock.now().date())

    def totals(self) -> CartTotals:
        return self.cart.totals(self.vat_rate_basis_points)

    def sale_draft(self) -> SaleDraft:
        user = self._require_user()
        if self.cart.is_empty:
            raise TillError(TillProblem.CART_EMPTY, "the cart is empty")
        rate = self.vat_rate_basis_points
        return SaleDraft(self._snapshot(), self.cart.totals(rate), user, rate)

    def complete_sale(self, draft: SaleDraft, record: Callable[[UnitOfWork, SaleDraft], T]) -> T:
        """Run ``record`` (write the sale) and remove the cart in ONE transaction, then clear.

        Refused if the cart changed since ``draft`` was taken; if ``record`` raises,
        nothing is written and the cart stays as it was.
        """
        if (draft.cart.cart_uuid, draft.cart.revision) != (self.cart_uuid, self.revision):
            raise TillError(TillProblem.CART_CHANGED, "the cart changed; take a new draft")
        with self._journal.exclusive():
            with self._uow_factory() as uow:
                result = record(uow, draft)
                uow.carts.delete(draft.cart.cart_uuid)
                uow.commit()
            self._journal.forget(draft.cart.cart_uuid)
        self._new_cart()
        return result

    @property
    def journal(self) -> CartJournal:
        return self._journal

    # --- what the payment and return screens use besides the cart (issue 4) ---------------
    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def uow_factory(self) -> Callable[[], UnitOfWork]:
        """Write units of work (checkout, returns, the audit trail)."""
        return self._uow_factory

    @property
    def read_uow_factory(self) -> Callable[[], UnitOfWork]:
        """Units of work that only read and never wait for the write lock."""
        return self._read

    def close(self) -> None:
        """Write what is still queued and stop the journal's writer (at exit)."""
        self._journal.close()

    # --- inside ---------------------------------------------------------------------------
    def _new_cart(self) -> None:
        self.cart = Cart()
        self.cart_uuid = str(uuid.uuid4())
        self.revision = 0
        self.opened_at = self._clock.now()
        self._approvals = Approvals({})

    def _load(self, saved: SavedCart) -> None:
        self.cart, self._approvals = cart_from_snapshot(saved)
        self.cart_uuid, self.revision, self.opened_at = (
            saved.cart_uuid,
            saved.revision,
            saved.opened_at,
        )

    def _snapshot(self) -> SavedCart:
        return SavedCart(
            cart_uuid=self.cart_uuid,
            terminal_id=self.settings.terminal_id,
            status=CartStatus.OPEN,
            user_id=self.user.user_id if self.user else None,
            opened_at=self.opened_at,
            revision=self.revision,
            lines=snapshot_lines(self.cart, self._approvals),
            order_discount=self.cart.order_discount,
            order_discount_approved_by=self._approvals.order,
            changed_at=self._clock.now(),
        )

    def _changed(self, events: list[AuditEvent] | None = None) -> None:
        """Every change: a new revision, saved durably by the journal (or removed when empty)."""
        self.revision += 1
        if self.cart.is_empty and self.cart.order_discount is None:
            self._journal.remove(self.cart_uuid, events or [])
        else:
            self._journal.save(self._snapshot(), events or [])

    def _require_user(self) -> User:
        if self.user is None:
            raise TillError(TillProblem.NOT_LOGGED_IN, "log in first")
        return self.user

    def _line(self, line_id: int) -> CartLine:
        self._require_user()
        try:
            return self.cart.line(line_id)
        except CartError:
            raise TillError(TillProblem.NO_SUCH_LINE, f"no line {line_id}") from None

    def _goods_satang(self) -> int:
        return goods_after_line_discounts(self.cart)

    def _approver(self, needed: bool, approver: User | None) -> int | None:
        limit = self.settings.discount_limit_basis_points
        return discount_approver(self._require_user(), needed, approver, limit)

    def _keep_within_limits(self, undo: Callable[[], None]) -> None:
        """After a change that lowers what discounts come off: undo it if one goes over."""
        limit, alone = self.settings.discount_limit_basis_points, self.needs_approval_for_discounts
        try:
            check_still_within_limits(self.cart, self._approvals, limit, cashier_alone=alone)
        except TillError:
            undo()
            raise

    def _discount_event(
        self, action: AuditAction, discount: Discount | None, base_satang: int, approved: int | None
    ) -> AuditEvent:
        limit = self.settings.discount_limit_basis_points
        detail = discount_detail(self.cart_uuid, discount, base_satang, limit)
        event = self._event(action)
        return dataclasses.replace(event, approved_by_user_id=approved, detail=detail)

    def _event(self, action: AuditAction, *, user_id: int | None = None, **kw: Any) -> AuditEvent:
        who = user_id if user_id is not None else (self.user.user_id if self.user else None)
        return AuditEvent(action, self._clock.now(), who, **kw)

    @contextmanager
    def _cart_errors(self) -> Iterator[None]:
        """The cart's refusals as till problems the screen can show in Thai."""
        try:
            yield
        except CartError as error:
            raise TillError(problem_of(error), str(error)) from None
