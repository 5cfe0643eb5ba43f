"""A first window: search the catalogue by Thai or English name, SKU or barcode."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.bootstrap import AppContext
from pos.money import format_baht

COLUMNS = ("รหัส", "ชื่อสินค้า", "Name", "ราคา (บาท)", "หน่วย")


class CatalogueWindow(QMainWindow):
    def __init__(self, context: AppContext):
        super().__init__()
        self._context = context
        self.setWindowTitle("OTOP ศรีสะเกษ — ค้นหาสินค้า")
        self.search_input = QLineEdit(placeholderText="ค้นหาชื่อสินค้า / SKU …")
        self.search_input.setObjectName("searchInput")
        self.search_input.textChanged.connect(self._search)
        self.results = QTableWidget(0, len(COLUMNS))
        self.results.setObjectName("searchResults")
        self.results.setHorizontalHeaderLabels(COLUMNS)
        self.results.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout()
        layout.addWidget(self.search_input)
        layout.addWidget(self.results)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.resize(1024, 700)

    def _search(self, text: str) -> None:
        with self._context.uow_factory() as uow:
            products = uow.catalog.search_products(text, limit=100)
        self.results.setRowCount(len(products))
        for row, product in enumerate(products):
            values = (
                product.sku,
                product.name_th,
                product.name_en,
                format_baht(product.unit_price_satang),
                product.unit.label_th,
            )
            for column, value in enumerate(values):
                self.results.setItem(row, column, QTableWidgetItem(value))
        self.results.resizeColumnsToContents()
