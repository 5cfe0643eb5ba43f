"""The left side of the payment screen: what is being paid, the tenders taken, due and change.

The total, then each tender as it will be recorded (a scheme tender with its
government and customer shares and the app's reference), what is still due
(and, when cash is rounded, how much that is in cash), and the change — the
largest figure on the screen, shown as soon as there is change to give and
kept after the sale until the next customer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QVBoxLayout, QWidget

from pos.money import format_baht
from pos.sale.domain.cart import CartTotals
from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.schemes import SchemeBook
from pos.sale.domain.tenders import (
    CardTender,
    CashTender,
    PaymentProgress,
    SchemeTender,
    SettledTender,
    Tender,
    TenderKind,
    settle_scheme_tender,
)
from ui.payment_texts import describe_tender
from ui.widgets import named


def settled_view(tender: Tender, book: SchemeBook, moment: dt.datetime) -> SettledTender:
    """A tender as the list shows it before the sale settles it (scheme shares worked out)."""
    if isinstance(tender, SchemeTender):
        return settle_scheme_tender(tender, book, moment)
    if isinstance(tender, CashTender):
        return SettledTender(TenderKind.CASH, tender.amount_satang, tender.amount_satang)
    if isinstance(tender, CardTender):
        code = tender.approval_code.strip().upper()
        return SettledTender(TenderKind.CARD, tender.amount_satang, tender.amount_satang, 0, code)
    amount = tender.amount_satang
    return SettledTender(TenderKind.PROMPTPAY, amount, amount, 0, tender.reference)


class PaymentSummary(QFrame):
    """Total, tenders, still due, change and the buyer of a full tax invoice."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        self.total_caption, self.total = named(QLabel(), "totalCaption"), QLabel()
        self.total.setObjectName("paymentTotal")
        self.breakdown = named(QLabel(wordWrap=True), "breakdown")
        self.tender_list = named(QListWidget(), "tenderList")
        self.tender_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.due_caption, self.due = named(QLabel(), "dueCaption"), named(QLabel(), "amountDue")
        self.change_caption = named(QLabel(), "changeCaption")
        self.change = named(QLabel(), "changeAmount")
        self.buyer_line = named(QLabel(wordWrap=True), "buyerLine")
        for amount in (self.total, self.due, self.change):
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        column = QVBoxLayout(self)
        widgets = (
            self.total_caption,
            self.total,
            self.breakdown,
            self.tender_list,
            self.due_caption,
            self.due,
            self.change_caption,
            self.change,
            self.buyer_line,
        )
        for widget in widgets:
            column.addWidget(widget, 1 if widget is self.tender_list else 0)
        self.total_caption.setText(self.tr("Total to pay"))
        self.change_caption.setText(self.tr("Change"))

    def show_totals(self, totals: CartTotals) -> None:
        self.total.setText(format_baht(totals.total_satang))
        parts = [self.tr("VAT included {vat}").format(vat=format_baht(totals.vat_satang))]
        if totals.non_vat_satang:
            amount = format_baht(totals.non_vat_satang)
            parts.append(self.tr("no VAT {amount}").format(amount=amount))
        if totals.discount_satang:
            amount = format_baht(totals.discount_satang)
            parts.append(self.tr("discount {amount}").format(amount=amount))
        self.breakdown.setText(" · ".join(parts))
        self.total_caption.setText(self.tr("Total to pay"))
        self.change_caption.setText(self.tr("Change"))

    def show_tenders(
        self, tenders: Sequence[SettledTender], scheme_name_of: Callable[[str], str]
    ) -> None:
        self.tender_list.clear()
        for tender in tenders:
            self.tender_list.addItem(describe_tender(tender, scheme_name_of))

    def show_progress(self, paid: PaymentProgress, *, change_satang: int | None = None) -> None:
        """What is due and the change; ``change_satang`` once the sale is stored (kept shown)."""
        due = 0 if paid.complete else paid.remaining_satang
        self.due.setText(format_baht(due))
        caption = self.tr("Still due")
        if due and paid.cash_due_satang and paid.cash_due_satang != due:
            caption += " · " + self.tr("in cash {amount}").format(
                amount=format_baht(paid.cash_due_satang)
            )
        self.due_caption.setText(caption)
        change = paid.change_satang if change_satang is None else change_satang
        self.change.setText(format_baht(change))
        for widget in (self.change_caption, self.change):
            widget.setVisible(change > 0)

    def show_buyer(self, name: str | None) -> None:
        self.buyer_line.setText(
            self.tr("Full tax invoice to: {name}").format(name=name) if name else ""
        )


class DonePanel(QWidget):
    """After the sale: its receipt (and tax invoice) number, until the next customer."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = named(QLabel(wordWrap=True), "doneTitle")
        self.detail = named(QLabel(wordWrap=True), "doneDetail")
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.title)
        column.addWidget(self.detail)
        column.addStretch(2)

    def show_sale(self, sale: Sale) -> None:
        self.title.setText(self.tr("Sale complete"))
        detail = [self.tr("Receipt {number}").format(number=sale.receipt_number)]
        if sale.tax_invoices:
            number = sale.tax_invoices[0].number
            detail.append(self.tr("Full tax invoice {number}").format(number=number))
        if sale.cash_rounding_satang:
            rounding = format_baht(sale.cash_rounding_satang)
            detail.append(self.tr("Cash rounding: {amount}").format(amount=rounding))
        if sale.change_satang:
            change = format_baht(sale.change_satang)
            detail.append(self.tr("Change: {change}").format(change=change))
        detail.append(self.tr("Next customer: scan the first item, or press Enter."))
        self.detail.setText("\n".join(detail))
