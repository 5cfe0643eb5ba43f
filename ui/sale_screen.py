"""The cashier's sale screen: scan field, cart, total, search and quick keys, actions.

It presents a :class:`pos.till.services.session.TillSession` and holds no sale logic of
its own.  Layout (1366×768 and up): the cart on the left under the scan field,
with the line actions below it; on the right the total, then search / quick
keys (or the question being asked: weight, quantity, discount, manager PIN, or
the held carts), then hold / recall / cancel and the big Pay button.

Keyboard first: focus lives in the scan field (``scanInput``); buttons never
take it.  Enter adds the code typed or scanned; ↑/↓ choose a line; + and −
change its quantity and Del removes it while the scan field is empty; every
other action has a function key shown on its button (F1 lists them all).
Scans arriving while the focus is elsewhere are routed here by
:class:`ui.scan_router.ScanRouter`.

Pay (F12) emits :attr:`SaleScreen.payRequested` with a :class:`PaymentRequest`;
the payment step (issue 4) finishes the sale with
``request.till.record_and_clear_cart(request.draft, record)`` and then calls
:meth:`SaleScreen.sale_completed`.  Nothing here pays, prints or closes a sale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.catalogue.domain.products import Product
from pos.ids import CartUuid
from pos.money import format_baht
from pos.sale.domain.cart import CartLine
from pos.till.domain.rules import TillError, count_items
from pos.till.services.scanning import ScanKind
from pos.till.services.session import SaleDraft, TillSession
from ui.cart_view import CartModel, CartTable, TotalPanel
from ui.finders import QuickKeys, SearchPanel
from ui.live_text import Text
from ui.messages import problem_text, product_name, scan_text
from ui.panels import EntryPanel, HelpPanel, RecallPanel
from ui.sale_questions import SaleQuestions
from ui.status_line import reword, show_on
from ui.style import STATUS_HEIGHT
from ui.widgets import ActionButton, bind_shortcut, named, steady

PAGE_FINDERS, PAGE_ENTRY, PAGE_RECALL, PAGE_HELP = range(4)


@dataclass(frozen=True)
class PaymentRequest:
    """What the Pay button hands to the payment step: the till, and the cart as it is now."""

    till: TillSession
    draft: SaleDraft


class SaleScreen(QWidget):
    """The sale screen; ``sound`` is played with every error message."""

    payRequested = Signal(object)  # PaymentRequest
    cartChanged = Signal()  # lines or totals changed (the customer display follows)
    menuRequested = Signal()  # the menu (F11: returns, voids, no sale), see ui.sale_menu

    def __init__(self, till: TillSession, sound: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("saleScreen")
        self.till = till
        self._sound = sound
        self.scan_input = named(QLineEdit(), "scanInput")
        self.scan_input.returnPressed.connect(self.submit_scan)
        self.scan_input.installEventFilter(self)
        self.cart_model = CartModel(till)
        self.cart_table = CartTable(self.cart_model)
        self.totals = TotalPanel()
        self.status = named(QLabel(wordWrap=True), "statusMessage")
        self.quick_keys = QuickKeys(till)
        self.search = SearchPanel(till, self.quick_keys)
        for finder in (self.search, self.quick_keys):
            finder.productChosen.connect(self.choose_product)
        self.search.closed.connect(self.focus_scan)
        self.entry, self.recall_panel, self.help_panel = EntryPanel(), RecallPanel(), HelpPanel()
        self.entry.finished.connect(self.back_to_finders)
        self.recall_panel.finished.connect(self.back_to_finders)
        self.help_panel.finished.connect(self.back_to_finders)
        self.recall_panel.chosen.connect(self._recall)
        self.questions = SaleQuestions(self)
        self.buttons: dict[str, ActionButton] = {}
        self._build()
        self._bind_keys()
        self.retranslate()
        self.refresh()

    # --- layout ---------------------------------------------------------------------------
    def _button(self, name: str, shortcut: str, handler: Callable[[], None]) -> ActionButton:
        button = ActionButton(name, shortcut)
        button.clicked.connect(handler)
        self.buttons[name] = button
        return button

    def _build(self) -> None:
        line_actions = QHBoxLayout()
        for name, key, handler in (
            ("minusButton", "−", lambda: self.step_quantity(-1)),
            ("plusButton", "+", lambda: self.step_quantity(1)),
            ("quantityButton", "F4", self.questions.ask_quantity),
            ("removeButton", "Del", self.remove_line),
            ("lineDiscountButton", "F5", self.questions.ask_line_discount),
            ("orderDiscountButton", "F6", self.questions.ask_order_discount),
        ):
            line_actions.addWidget(self._button(name, key, handler))  # by their width: all fit
        left = QVBoxLayout()
        left.addWidget(self.scan_input)
        left.addWidget(self.cart_table, 1)
        left.addLayout(line_actions)
        left.addWidget(steady(self.status, STATUS_HEIGHT))
        self.side = QStackedWidget()
        for page in (self.search, self.entry, self.recall_panel, self.help_panel):
            self.side.addWidget(page)
        cart_actions = QHBoxLayout()
        cart_actions.addWidget(self._button("holdButton", "F7", self.hold))
        cart_actions.addWidget(self._button("recallButton", "F8", self.show_held_carts))
        cart_actions.addWidget(self._button("clearButton", "Ctrl+Del", self.questions.ask_clear))
        cart_actions.addWidget(self._button("menuButton", "F11", self.menuRequested.emit))
        self.pay_button = self._button("payButton", "F12", self.pay)
        right = QVBoxLayout()
        right.addWidget(self.totals)
        right.addWidget(self.side, 1)
        right.addLayout(cart_actions)
        right.addWidget(self.pay_button)
        body = QHBoxLayout()
        body.addLayout(left, 58)
        body.addLayout(right, 42)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(body, 1)

    def _bind_keys(self) -> None:
        for keys, handler in (
            ("F1", self.show_help),
            ("F2", self.show_search),
            ("F3", self.show_quick_keys),
            ("F4", self.questions.ask_quantity),
            ("F5", self.questions.ask_line_discount),
            ("F6", self.questions.ask_order_discount),
            ("F7", self.hold),
            ("F8", self.show_held_carts),
            ("F12", self.pay),
            ("Ctrl+Del", self.questions.ask_clear),
        ):
            bind_shortcut(self, keys, handler)

    # --- scanning and adding goods --------------------------------------------------------
    def submit_scan(self, code: str | None = None) -> None:
        """Enter in the scan field, or a code routed here from the scanner."""
        if code is None:
            code = self.scan_input.text()
            self.scan_input.clear()
        if not code.strip():
            return
        try:
            outcome = self.till.scan(code)
        except TillError as error:
            self.show_error(partial(problem_text, error))
            return
        if outcome.kind is ScanKind.ADDED and outcome.line is not None:
            self.line_added(outcome.line)
            self.show_info(lambda: scan_text(outcome))
        elif outcome.kind is ScanKind.WEIGHT_NEEDED and outcome.product is not None:
            self.questions.ask_weight(outcome.product)
        else:
            self.show_error(lambda: scan_text(outcome))

    def choose_product(self, product: Product) -> None:
        """A product picked from the search results or the quick keys."""
        if product.sold_by_weight:
            self.questions.ask_weight(product)
            return
        try:
            line = self.till.add_product(product)
        except TillError as error:
            self.show_error(partial(problem_text, error))
            return
        self.line_added(line)
        self.show_info(lambda: self.tr("Added {name}").format(name=product_name(product)))
        self.focus_scan()

    def line_added(self, line: CartLine) -> None:
        """Show a new line (one row inserted) or more of a line (one row repainted)."""
        lines = self.till.cart.lines
        if lines and lines[-1] is line and self.cart_model.rowCount() < len(lines):
            self.cart_model.sync_rows()
            row = len(lines) - 1
        else:
            row = lines.index(line)
            self.cart_model.line_changed(row)
        self.cart_table.select_row(row)
        self._totals_changed()

    # --- line actions ---------------------------------------------------------------------
    def selected_line(self) -> CartLine | None:
        row = self.cart_table.selected_row()
        lines = self.till.cart.lines
        if row is None or row >= len(lines):
            return lines[-1] if lines else None
        return lines[row]

    def step_quantity(self, step: int) -> None:
        line = self.selected_line()
        if line is None:
            self.show_error(lambda: self.tr("The cart is empty."))
            return
        if line.product.sold_by_weight or line.label_price_satang is not None:
            self.show_error(lambda: self.tr("Weighed goods: set the weight with F4."))
            return
        self.apply(lambda: self.till.change_quantity(line.line_id, step * 1000), keep=line)

    def remove_line(self) -> None:
        line = self.selected_line()
        if line is not None:
            name = product_name(line.product)
            if self.apply(lambda: self.till.remove_line(line.line_id)):
                self.show_info(lambda: self.tr("Removed {name}").format(name=name))

    def apply(self, change: Callable[[], object], keep: CartLine | None = None) -> bool:
        """Run a change to the cart; show the refusal if there is one.  True if it was done."""
        try:
            change()
        except TillError as error:
            self.show_error(partial(problem_text, error))
            return False
        self.refresh(keep)
        return True

    # --- hold, recall, pay ----------------------------------------------------------------
    def hold(self) -> None:
        total = self.till.totals().total_satang
        try:
            held = self.till.hold()
        except TillError as error:
            self.show_error(partial(problem_text, error))
            return
        self.refresh()
        self.show_info(
            lambda: self.tr(
                "Cart held: %n item(s), {total}. F8 brings it back.", "", held.item_count
            ).format(total=format_baht(total))
        )

    def show_held_carts(self) -> None:
        carts = self.till.held_carts()
        if not carts:
            self.show_info(lambda: self.tr("No carts are held."))
            return
        self.recall_panel.show_carts(carts, self.questions.describe_held)
        self.side.setCurrentIndex(PAGE_RECALL)
        self.recall_panel.list.setFocus()

    def _recall(self, cart_uuid: CartUuid) -> None:
        try:
            parked = self.till.recall(cart_uuid)
        except TillError as error:
            self.show_error(partial(problem_text, error))
            return
        self.back_to_finders()
        self.refresh()
        text = self.tr("Cart brought back.")
        if parked is not None:
            text += " " + self.tr("The cart that was on the counter is held (F8).")
        self.show_info(text)

    def pay(self) -> None:
        try:
            draft = self.till.sale_draft()
        except TillError as error:
            self.show_error(partial(problem_text, error))
            return
        self.payRequested.emit(PaymentRequest(self.till, draft))

    def sale_completed(self) -> None:
        """The payment step finished the sale (and cleared the cart): show the empty cart."""
        self.refresh()
        self.show_info(lambda: self.tr("Sale complete. Next customer."))

    # --- the right-hand side --------------------------------------------------------------
    def show_search(self) -> None:
        self.side.setCurrentIndex(PAGE_FINDERS)
        self.search.search_input.setFocus()
        self.search.search_input.selectAll()

    def show_quick_keys(self) -> None:
        self.back_to_finders()
        self.search.show_quick_keys()

    def show_question(self) -> None:
        """The question panel (weight, quantity, discount, PIN) in place of the finders."""
        self.side.setCurrentIndex(PAGE_ENTRY)

    def show_help(self) -> None:
        self.help_panel.show_keys(self.questions.shortcut_rows())
        self.side.setCurrentIndex(PAGE_HELP)

    def back_to_finders(self) -> None:
        if self.entry.is_asking:
            self.entry.cancel()  # calls back here once it has forgotten the question
            return
        self.side.setCurrentIndex(PAGE_FINDERS)
        self.focus_scan()

    def focus_scan(self) -> None:
        self.scan_input.setFocus()

    # --- showing state --------------------------------------------------------------------
    def refresh(self, keep: CartLine | None = None) -> None:
        """Redraw the whole cart (after edits; scans use :meth:`line_added`)."""
        self.cart_model.reset()
        lines = self.till.cart.lines
        if keep is not None and keep in lines:
            self.cart_table.select_row(lines.index(keep))
        elif lines:
            self.cart_table.select_row(len(lines) - 1)
        self._totals_changed()

    def _totals_changed(self) -> None:
        totals = self.till.totals()
        self.totals.show_totals(
            totals, self.till.vat_rate_basis_points, count_items(self.till.cart.lines)
        )
        self.pay_button.setEnabled(not self.till.cart.is_empty)
        self.cartChanged.emit()

    def show_info(self, text: Text) -> None:
        self._status(text, "info")

    def show_error(self, text: Text) -> None:
        self._status(text, "error")
        self._sound()

    def show_warning(self, text: Text) -> None:
        self._status(text, "warning")
        self._sound()

    def _status(self, text: Text, severity: str) -> None:
        """A message given as a function is worded again at F9 (ui.status_line)."""
        show_on(self.status, text, severity)

    # --- keys in the scan field -----------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is not self.scan_input or not isinstance(event, QKeyEvent):
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        key, empty = event.key(), not self.scan_input.text()
        moves: dict[int, int] = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -10,
            Qt.Key.Key_PageDown: 10,
        }
        if key in moves:
            self.cart_table.move_selection(moves[key])
        elif empty and key == Qt.Key.Key_Plus:
            self.step_quantity(1)
        elif empty and key == Qt.Key.Key_Minus:
            self.step_quantity(-1)
        elif empty and key == Qt.Key.Key_Delete:
            self.remove_line()
        elif key == Qt.Key.Key_Escape:
            self.scan_input.clear()
            self.back_to_finders()
        else:
            return False
        return True

    def retranslate(self) -> None:
        self.scan_input.setPlaceholderText(self.tr("Scan or type a barcode or SKU, then Enter"))
        labels = {
            "minusButton": self.tr("One fewer"),
            "plusButton": self.tr("One more"),
            "quantityButton": self.tr("Quantity"),
            "removeButton": self.tr("Remove"),
            "lineDiscountButton": self.tr("Line discount"),
            "orderDiscountButton": self.tr("Bill discount"),
            "holdButton": self.tr("Hold"),
            "recallButton": self.tr("Recall"),
            "clearButton": self.tr("Cancel sale"),
            "payButton": self.tr("Pay"),
            "menuButton": self.tr("Menu"),
        }
        for name, text in labels.items():
            self.buttons[name].set_label(text)
        self._totals_changed()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            reword(self.status)
            if self.side.currentIndex() == PAGE_HELP:
                self.show_help()  # the list of keys in the new language
        super().changeEvent(event)
