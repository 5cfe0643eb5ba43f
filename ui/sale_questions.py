"""The questions of the sale screen: weight, quantity, discounts (and approval), cancelling.

Each asks in the :class:`ui.panels.EntryPanel` beside the cart and applies the
answer through the till.  A discount above the limit, entered by a cashier,
turns into a second question — the manager chooses their name and types their
PIN — and the discount is applied with that manager recorded as approver.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from pos.catalogue.domain.products import Product, format_quantity, parse_quantity
from pos.money import format_baht
from pos.sale.domain.cart import CartLine, Discount
from pos.staff.domain.users import User
from pos.thai_dates import thai_datetime
from pos.till.domain.rules import (
    SavedCart,
    TillError,
    cart_from_snapshot,
    format_discount,
    parse_discount,
)
from pos.till.services.session import TillSession
from ui.cart_view import quantity_text
from ui.i18n import is_thai
from ui.messages import problem_text, product_name, unit_label
from ui.panels import Answer, held_cart_text

if TYPE_CHECKING:
    from ui.sale_screen import SaleScreen


class SaleQuestions(QObject):
    """Asks, checks the answer, and applies it to the till of ``screen``."""

    def __init__(self, screen: SaleScreen):
        super().__init__(screen)
        self._screen = screen

    @property
    def _till(self) -> TillSession:
        return self._screen.till

    def _ask(self, prompt: str, hint: str, answer: Answer, **options: Any) -> None:
        self._screen.show_question()
        self._screen.entry.ask(prompt, hint, answer, **options)

    # --- weight and quantity --------------------------------------------------------------
    def ask_weight(self, product: Product) -> None:
        def answer(text: str, _: User | None) -> str | None:
            try:
                grams = parse_quantity(text)
                if grams <= 0:
                    raise ValueError(text)
            except ValueError:
                return self.tr("Type the weight in kg, e.g. 0.5 or 1.250")
            try:
                line = self._till.add_weighed(product, grams)
            except TillError as error:
                return problem_text(error)
            self._screen.line_added(line)
            weight = format_quantity(grams, weighed=True)
            text = self.tr("Added {name}, {weight} kg")
            self._screen.show_info(lambda: text.format(name=product_name(product), weight=weight))
            return None

        self._ask(
            self.tr("Weight of {name}").format(name=product_name(product)),
            self.tr("Type the weight shown on the scale, in kg (e.g. 1.250), then Enter."),
            answer,
        )

    def ask_quantity(self) -> None:
        line = self._line_or_complain()
        if line is None:
            return

        def answer(text: str, _: User | None) -> str | None:
            try:
                quantity = parse_quantity(text)
            except ValueError:
                return self.tr("Type a quantity such as 3, or 1.5 for weighed goods")
            return self._applied(lambda: self._till.set_quantity(line.line_id, quantity), line)

        self._ask(
            self.tr("Quantity of {name}").format(name=product_name(line.product)),
            self.tr("Now {quantity}. Type the new quantity ({unit}), then Enter.").format(
                quantity=quantity_text(line), unit=unit_label(line.product)
            ),
            answer,
        )

    # --- discounts ------------------------------------------------------------------------
    def ask_line_discount(self) -> None:
        line = self._line_or_complain()
        if line is None:
            return

        def answer(text: str, _: User | None) -> str | None:
            discount = self._parsed_discount(text)
            if isinstance(discount, str):
                return discount
            if self._till.line_discount_needs_approval(line.line_id, discount) and (
                self._till.needs_approval_for_discounts
            ):
                refused = _refusal(lambda: self._till.check_line_discount(line.line_id, discount))
                if refused:  # said before the PIN is asked, never after it
                    return refused
                what = self.tr("Discount {discount} on {name}").format(
                    discount=text.strip(), name=product_name(line.product)
                )
                self.ask_approval(
                    what,
                    lambda approver: self._till.set_line_discount(line.line_id, discount, approver),
                    line,
                )
                return None
            return self._applied(lambda: self._till.set_line_discount(line.line_id, discount), line)

        current = format_discount(line.discount) if line.discount else ""
        self._ask(
            self.tr("Discount on {name}").format(name=product_name(line.product)),
            self._discount_hint(),
            answer,
            kind="discount",
            initial=current,
        )

    def ask_order_discount(self) -> None:
        if self._till.cart.is_empty:
            self._screen.show_error(lambda: self.tr("The cart is empty."))
            return

        def answer(text: str, _: User | None) -> str | None:
            discount = self._parsed_discount(text)
            if isinstance(discount, str):
                return discount
            if self._till.order_discount_needs_approval(discount) and (
                self._till.needs_approval_for_discounts
            ):
                refused = _refusal(lambda: self._till.check_order_discount(discount))
                if refused:
                    return refused
                what = self.tr("Bill discount {discount}").format(discount=text.strip())
                self.ask_approval(
                    what, lambda approver: self._till.set_order_discount(discount, approver)
                )
                return None
            return self._applied(lambda: self._till.set_order_discount(discount))

        order = self._till.cart.order_discount
        self._ask(
            self.tr("Discount on the whole bill"),
            self._discount_hint(),
            answer,
            kind="discount",
            initial=format_discount(order) if order else "",
        )

    def ask_approval(
        self, what: str, apply: Callable[[User], object], keep: CartLine | None = None
    ) -> None:
        managers = [user for user in self._till.users() if user.is_manager]

        def answer(pin: str, manager: User | None) -> str | None:
            if manager is None or manager.user_id is None:
                return self.tr("Choose the manager who approves.")
            try:
                approver = self._till.approve(manager.user_id, pin)
            except TillError as error:
                return problem_text(error)
            error_text = self._applied(lambda: apply(approver), keep)
            if error_text is None:
                self._screen.show_info(
                    lambda: self.tr("{what}: approved by {manager}").format(
                        what=what, manager=approver.name
                    )
                )
            return error_text

        limit = _percent(self._till.settings.discount_limit_basis_points)
        hint = self.tr("{what} is above the limit of {limit}%. A manager types their PIN.")
        self._ask(
            self.tr("Manager approval needed"),
            hint.format(what=what, limit=limit),
            answer,
            kind="pin",
            managers=managers,
        )

    def _parsed_discount(self, text: str) -> Discount | str | None:
        """The discount typed; None when the field was emptied; an error text if unreadable."""
        if not text.strip():
            return None
        try:
            return parse_discount(text)
        except ValueError:
            return self.tr("Type 10% for a percentage, or an amount in baht such as 50")

    def _discount_hint(self) -> str:
        limit = _percent(self._till.settings.discount_limit_basis_points)
        return self.tr(
            "Type 10% or an amount in baht. Empty removes it. Above {limit}% a manager approves."
        ).format(limit=limit)

    # --- cancelling -----------------------------------------------------------------------
    def ask_clear(self) -> None:
        if self._till.cart.is_empty:
            return
        total = format_baht(self._till.totals().total_satang)

        def answer(_: str, __: User | None) -> str | None:
            error = self._applied(self._till.clear_cart)
            if error is None:
                self._screen.show_info(lambda: self.tr("Sale cancelled."))
            return error

        self._ask(
            self.tr("Cancel the whole sale ({total})?").format(total=total),
            self.tr("Enter cancels the sale; Esc goes back to it."),
            answer,
            kind="confirm",
        )

    # --- shared ---------------------------------------------------------------------------
    def _applied(self, change: Callable[[], object], keep: CartLine | None = None) -> str | None:
        try:
            change()
        except TillError as error:
            return problem_text(error)
        self._screen.refresh(keep)
        return None

    def _line_or_complain(self) -> CartLine | None:
        line = self._screen.selected_line()
        if line is None:
            self._screen.show_error(lambda: self.tr("The cart is empty."))
        return line

    def describe_held(self, cart: SavedCart) -> str:
        when = cart.held_at or cart.last_change
        time_text = thai_datetime(when) if is_thai() else when.strftime("%d %b %Y %H:%M")
        live, _ = cart_from_snapshot(cart)
        total = live.totals(self._till.vat_rate_basis_points).total_satang
        items = self.tr("%n item(s)", "", cart.item_count)
        return held_cart_text(cart, time_text, total, items)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        return [
            ("Enter", self.tr("Add the code scanned or typed")),
            ("↑ ↓", self.tr("Choose a line in the cart")),
            ("+  −", self.tr("One more / one fewer of the line")),
            ("Del", self.tr("Remove the line")),
            ("F1", self.tr("This list of shortcuts")),
            ("F2", self.tr("Search by name or SKU")),
            ("F3", self.tr("Quick keys (goods without a barcode)")),
            ("F4", self.tr("Set the quantity or weight of the line")),
            ("F5", self.tr("Discount on the line")),
            ("F6", self.tr("Discount on the whole bill")),
            ("F7", self.tr("Hold (park) the cart")),
            ("F8", self.tr("Bring back a held cart")),
            ("F9", self.tr("Language: Thai / English")),
            ("F10", self.tr("Returns and voids (scan the receipt)")),
            ("F11", self.tr("Menu: returns, voids, tax invoice, no sale")),
            ("F12", self.tr("Pay")),
            ("Shift+F10", self.tr("Void the last sale")),
            ("Ctrl+I", self.tr("Full tax invoice for a past sale")),
            ("Ctrl+D", self.tr("Open the drawer without a sale")),
            ("Ctrl+O", self.tr("Open a shift (count the float)")),
            ("Ctrl+Del", self.tr("Cancel the whole sale")),
            ("Ctrl+L", self.tr("Lock the screen")),
            ("Esc", self.tr("Back to the scan field")),
        ]


def _percent(basis_points: int) -> str:
    whole, fraction = divmod(basis_points, 100)
    return str(whole) if not fraction else f"{whole}.{fraction:02d}".rstrip("0")


def _refusal(check: Callable[[], None]) -> str | None:
    """What the till would refuse, in the cashier's words, or None."""
    try:
        check()
    except TillError as error:
        return problem_text(error)
    return None
