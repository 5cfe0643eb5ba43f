"""What the return screen shows of a sale: its lines with what was returned, and the refund.

:class:`ReturnLinesTable` lists the sale's lines — sold, returned before, to
return now, and what that refunds.  :func:`sale_summary` and
:func:`refund_summary` word the sale and a credit note's refund by tender for
the cashier (rich text); the government's share of a scheme tender is shown
apart, as it never goes back to the customer in cash.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from pos.catalogue.domain.products import Unit, format_quantity
from pos.ids import SaleLineId
from pos.money import format_baht
from pos.sale.domain.completed_sale import SaleLine
from pos.sale.domain.credit_notes import CreditNote, RefundMethod, ReturnDraft
from pos.sale.services.returns_and_voids import SaleHistory
from pos.thai_dates import thai_datetime
from ui.i18n import is_thai
from ui.payment_texts import describe_tender, refund_method_name

ROW_HEIGHT = 52


def line_quantity(quantity_milli: int, line: SaleLine) -> str:
    unit = Unit(line.unit)
    label = unit.label_th if is_thai() else unit.value
    return f"{format_quantity(quantity_milli, weighed=line.sold_by_weight)} {label}"


def line_name(line: SaleLine) -> str:
    return line.name_th if is_thai() or not line.name_en else line.name_en


class ReturnLinesTable(QTableWidget):
    """The sale's lines; the selected row is the one F3/F4 act on."""

    def __init__(self) -> None:
        super().__init__(0, 6)
        self.setObjectName("returnLines")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the screen's fields
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Sold"),
                self.tr("Amount"),
                self.tr("Returned"),
                self.tr("Return now"),
                self.tr("Refund"),
            ]
        )

    def fill(
        self,
        history: SaleHistory,
        chosen: Mapping[SaleLineId, int],
        refunds: Mapping[SaleLineId, int],
    ) -> None:
        row_before = self.currentRow()
        left = history.returnable
        self.setRowCount(len(history.sale.lines))
        for row, line in enumerate(history.sale.lines):
            returned = line.quantity_milli - left[line.line_id]
            now = chosen.get(line.line_id, 0)
            cells = (
                line_name(line),
                line_quantity(line.quantity_milli, line),
                format_baht(line.total_satang),
                line_quantity(returned, line) if returned else "—",
                line_quantity(now, line) if now else "",
                format_baht(refunds[line.line_id]) if line.line_id in refunds else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(row, column, item)
        self.selectRow(min(max(row_before, 0), len(history.sale.lines) - 1))

    def move_selection(self, step: int) -> None:
        if self.rowCount():
            self.selectRow(min(max(self.currentRow() + step, 0), self.rowCount() - 1))


def sale_summary(history: SaleHistory, scheme_name_of: Callable[[str], str]) -> str:
    """Receipt, time, total and tenders (with scheme shares), and what happened to it since."""
    sale = history.sale
    when = thai_datetime(sale.sold_at) if is_thai() else sale.sold_at.strftime("%d %b %Y %H:%M")
    rows = [
        f"<b>{sale.receipt_number}</b> · {when} · "
        + QCoreApplication.translate("ReturnTexts", "total {total}").format(
            total=format_baht(sale.total_satang)
        )
    ]
    rows += [describe_tender(t, scheme_name_of).replace("\n", " · ") for t in sale.tenders]
    for note in history.credit_notes:
        rows.append(
            QCoreApplication.translate("ReturnTexts", "Credit note {number}: {total}").format(
                number=note.number, total=format_baht(note.total_satang)
            )
        )
    invoice = sale.current_tax_invoice
    if invoice is not None:
        rows.append(
            QCoreApplication.translate("ReturnTexts", "Full tax invoice {number} to {name}").format(
                number=invoice.number, name=invoice.buyer.name
            )
        )
    if history.voided:
        rows.append("<b>" + QCoreApplication.translate("ReturnTexts", "VOIDED") + "</b>")
    return "<br>".join(rows)


def refund_summary(draft: ReturnDraft) -> str:
    """The refund by tender; cash paid out (after rounding) first and largest."""
    cash = sum(r.amount_satang for r in draft.refunds if r.method is RefundMethod.CASH)
    rows = [
        QCoreApplication.translate("ReturnTexts", "Refund {total}").format(
            total=format_baht(draft.total_satang)
        )
    ]
    if cash:
        paid_out = cash + draft.cash_rounding_satang
        rows.append(
            "<span style='font-size:26pt; font-weight:bold; color:#1e7d32'>"
            + QCoreApplication.translate("ReturnTexts", "Pay out in cash: {amount}").format(
                amount=format_baht(paid_out)
            )
            + "</span>"
        )
    for refund in draft.refunds:
        if refund.method is RefundMethod.CASH:
            continue
        text = f"{refund_method_name(refund.method)}: {format_baht(refund.amount_satang)}"
        if refund.method is RefundMethod.SCHEME_GOVERNMENT:
            text = f"<span style='color:#c62828'>{text}</span>"
        rows.append(text)
    return "<br>".join(rows)


def credit_note_text(note: CreditNote, printing: str) -> str:
    """The credit note just stored: its number, what to pay out in cash (large), its printing."""
    cash = note.cash_paid_out_satang
    rows = [
        QCoreApplication.translate("ReturnTexts", "Credit note {number}").format(number=note.number)
    ]
    paid_out = (
        QCoreApplication.translate("ReturnTexts", "Pay out in cash: {amount}").format(
            amount=format_baht(cash)
        )
        if cash
        else QCoreApplication.translate("ReturnTexts", "No cash to pay out")
    )
    rows.append(f"<span style='font-size:40pt; color:#1e7d32'>{paid_out}</span>")
    small = [
        f"{refund_method_name(refund.method)}: {format_baht(refund.amount_satang)}"
        for refund in note.draft.refunds
        if refund.method not in (RefundMethod.CASH, RefundMethod.SCHEME_GOVERNMENT)
    ]
    if note.returned_to_government_satang:
        small.append(
            QCoreApplication.translate(
                "ReturnTexts",
                "{amount} goes back to the scheme (government share), not to the customer.",
            ).format(amount=format_baht(note.returned_to_government_satang))
        )
    small.append(printing)  # the print queue's word (ui.document_printing), not a hope
    small.append(QCoreApplication.translate("ReturnTexts", "Scan another receipt, or Esc."))
    rows += [f"<span style='font-size:14pt'>{text}</span>" for text in small]
    return "<br>".join(rows)
