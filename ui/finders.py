"""Finding goods without a barcode: instant search, and quick keys by category.

:class:`SearchPanel` searches as the cashier types (Thai or English name, or
SKU; the store's trigram index makes it a few milliseconds on 100,000
products), after a short pause so a fast typist does not run a query per key.
Up and Down move in the results, Enter takes the highlighted one.

:class:`QuickKeys` is a touch grid of the goods that have no GS1 barcode (the
shop's own in-store codes: loose produce, hand-made goods), one page of large
buttons per category, sorted in Thai dictionary order (QCollator) — a plain
code-point sort would put every name starting with เ แ โ ใ ไ at the end.
"""

from __future__ import annotations

from PySide6.QtCore import QCollator, QEvent, QLocale, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.catalogue.domain.products import Category, Product
from pos.money import format_baht
from pos.till.services.session import TillSession
from ui.elided import elide_to_lines
from ui.i18n import is_thai
from ui.live_text import ELIDES, mark_data
from ui.messages import product_name, unit_label
from ui.style import PAD_KEY_HEIGHT, QUICK_KEY_HEIGHT
from ui.widgets import key_button

SEARCH_PAUSE_MS = 60
SEARCH_LIMIT = 40
RESULT_ROW_HEIGHT = 64  # two lines, and a finger's height
KEYS_PER_ROW, MIN_ROWS = 3, 3
KEY_ROOM = QUICK_KEY_HEIGHT + 30  # a key is never stretched much beyond its height
PRODUCT_ROLE = Qt.ItemDataRole.UserRole


def price_text(product: Product) -> str:
    price = format_baht(product.unit_price_satang)
    return f"{price}/{unit_label(product)}" if product.sold_by_weight else price


class SearchPanel(QWidget):
    """A search field over the quick keys; typing replaces the keys by the results."""

    productChosen = Signal(object)
    closed = Signal()

    def __init__(self, till: TillSession, quick_keys: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self._till = till
        self.quick_keys = quick_keys
        self.search_input = QLineEdit()
        self.search_input.setObjectName("searchInput")
        self.search_input.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("resultsList")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setUniformItemSizes(True)
        self.results.itemClicked.connect(self._choose)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_input.textChanged.connect(self._typed)
        self.search_input.installEventFilter(self)
        self.below = QStackedWidget()
        self.below.addWidget(quick_keys)
        self.below.addWidget(self.results)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_input)
        layout.addWidget(self.below, 1)
        self.retranslate()

    def _typed(self, text: str) -> None:
        self.below.setCurrentWidget(self.results if text.strip() else self.quick_keys)
        self._timer.start()

    def show_quick_keys(self) -> None:
        self.search_input.clear()
        self.below.setCurrentWidget(self.quick_keys)

    def run_search(self) -> None:
        self._timer.stop()
        text = self.search_input.text().strip()
        products = self._till.search(text, SEARCH_LIMIT) if text else []
        self.results.clear()
        for product in products:
            text = f"{product_name(product)}\n{product.sku} · {price_text(product)}"
            item = QListWidgetItem(text)
            item.setData(PRODUCT_ROLE, product)
            item.setSizeHint(QSize(0, RESULT_ROW_HEIGHT))
            self.results.addItem(item)
        if products:
            self.results.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search_input and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return False
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.run_search()
                self._choose(self.results.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.search_input.clear()
                self.closed.emit()
                return True
        return False

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.productChosen.emit(item.data(PRODUCT_ROLE))

    def retranslate(self) -> None:
        self.search_input.setPlaceholderText(self.tr("Search: Thai or English name, or SKU (F2)"))
        if self.search_input.text():
            self.run_search()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ElidedName(QLabel):
    """A quick key's product name: as many lines as fit, then "…"; the whole name is the tooltip."""

    def __init__(self, text: str, owner: QWidget):
        super().__init__(text)
        self.full_text, self._owner = text, owner
        self.setWordWrap(True)
        self.setProperty(ELIDES, True)
        mark_data(self)  # a product's name
        # the key's height decides the lines, never the name's length
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        room = self.contentsRect()
        lines = room.height() // max(1, self.fontMetrics().lineSpacing())
        shown = elide_to_lines(self.full_text, self.font(), room.width(), lines)
        if shown != self.text():
            self.setText(shown)
        self._owner.setToolTip(self.full_text if shown != self.full_text else "")


class ProductKey(QPushButton):
    """A big quick-key button: the name on up to two lines, and the price."""

    def __init__(self, product: Product):
        super().__init__()
        self.setObjectName("quickKey")
        self.product = product
        # Tab reaches it (keyboard users; the style's focus ring shows where), a click or a
        # touch does not take the focus from the scan field; a scan while it has the focus
        # is still routed to the cart (ui.scan_router).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMinimumHeight(QUICK_KEY_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._name = ElidedName(product_name(product), self)
        self._name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._name.setStyleSheet("font-size: 11pt;")
        self._price = QLabel(price_text(product))
        self._price.setStyleSheet("font-size: 11pt; font-weight: bold; color: #4a2c5e;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 1, 6, 1)
        layout.setSpacing(0)
        layout.addWidget(self._name, 1)
        layout.addWidget(self._price, 0, Qt.AlignmentFlag.AlignRight)
        for label in (self._name, self._price):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(f"{product_name(product)} {price_text(product)}")


class QuickKeys(QWidget):
    """Category tabs over pages of product keys."""

    productChosen = Signal(object)

    def __init__(self, till: TillSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quickKeys")
        self._till = till
        self._products: dict[Category, list[Product]] = {}
        self.category = Category.TEXTILE
        self._page = 0
        self._rows = MIN_ROWS  # more on a taller screen (resizeEvent)
        self._tabs = QButtonGroup(self)
        self._tab_buttons: dict[Category, QPushButton] = {}
        self._grid = QGridLayout()
        self._grid.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._category_tabs())
        layout.addLayout(self._grid, 1)
        layout.addLayout(self._paging())
        self.retranslate()

    def _category_tabs(self) -> QHBoxLayout:
        """One checkable key per category, in the shop's order."""
        tabs = QHBoxLayout()
        tabs.setSpacing(4)
        for category in (
            Category.TEXTILE,
            Category.FOOD,
            Category.BEVERAGE,
            Category.HERBAL,
            Category.HOUSEHOLD,
        ):
            button = key_button(checkable=True)
            button.setObjectName(f"quickCategory_{category.value}")
            button.setMinimumHeight(PAD_KEY_HEIGHT)
            button.clicked.connect(lambda _=False, c=category: self.show_category(c))
            self._tabs.addButton(button)
            self._tab_buttons[category] = button
            tabs.addWidget(button)
        return tabs

    def _paging(self) -> QHBoxLayout:
        """◀ page n of m ▶ under the keys."""
        self._previous = key_button("◀")
        self._next = key_button("▶")
        for button in (self._previous, self._next):
            button.setMinimumSize(3 * PAD_KEY_HEIGHT // 2, PAD_KEY_HEIGHT)
        # two lines if need be: on one, the English fitted the side only of a 1366-px screen
        self._page_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self._previous.clicked.connect(lambda: self._turn(-1))
        self._next.clicked.connect(lambda: self._turn(1))
        paging = QHBoxLayout()
        paging.addWidget(self._previous)
        paging.addWidget(self._page_label, 1)
        paging.addWidget(self._next)
        return paging

    def show_category(self, category: Category) -> None:
        self.category, self._page = category, 0
        self._tab_buttons[category].setChecked(True)
        self._fill()

    def product_keys(self) -> list[ProductKey]:
        return [
            widget
            for index in range(self._grid.count())
            if (item := self._grid.itemAt(index)) is not None
            and isinstance(widget := item.widget(), ProductKey)
        ]

    def _turn(self, step: int) -> None:
        pages = max(1, -(-len(self._category_products()) // (KEYS_PER_ROW * self._rows)))
        self._page = (self._page + step) % pages
        self._fill()

    def _category_products(self) -> list[Product]:
        if self.category not in self._products:
            locale = QLocale(QLocale.Language.Thai if is_thai() else QLocale.Language.English)
            collator = QCollator(locale)
            found = self._till.quick_key_products(self.category)
            self._products[self.category] = sorted(
                found, key=lambda p: collator.sortKey(product_name(p))
            )
        return self._products[self.category]

    def _fill(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, deleted when the event loop gets to it
                widget.deleteLater()
        per_page = KEYS_PER_ROW * self._rows
        products = self._category_products()
        for index, product in enumerate(products[self._page * per_page :][:per_page]):
            key = ProductKey(product)
            key.clicked.connect(lambda _=False, p=product: self.productChosen.emit(p))
            self._grid.addWidget(key, index // KEYS_PER_ROW, index % KEYS_PER_ROW)
        pages = max(1, -(-len(products) // per_page))
        self._page_label.setText(
            self.tr("Quick keys (F3) · page {page} of {pages}").format(
                page=self._page + 1, pages=pages
            )
        )
        for button in (self._previous, self._next):
            button.setEnabled(pages > 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        fixed = 2 * (PAD_KEY_HEIGHT + 12)  # the category row and the paging row
        rows = max(MIN_ROWS, (event.size().height() - fixed) // KEY_ROOM)
        if rows != self._rows:
            first = self._page * KEYS_PER_ROW * self._rows
            self._rows = rows
            self._page = first // (KEYS_PER_ROW * rows)
            self._fill()

    def retranslate(self) -> None:
        labels = {
            Category.TEXTILE: self.tr("Fabrics"),
            Category.FOOD: self.tr("Food"),
            Category.BEVERAGE: self.tr("Drinks"),
            Category.HERBAL: self.tr("Herbal"),
            Category.HOUSEHOLD: self.tr("Crafts"),
        }
        for category, button in self._tab_buttons.items():
            button.setText(labels[category])
        self._products.clear()  # names and their order depend on the language
        self.show_category(self.category)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
