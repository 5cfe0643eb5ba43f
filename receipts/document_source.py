"""The print worker's source of sale documents: receipts, full tax invoices and credit notes.

:class:`SaleDocumentSource` answers the print worker (and ``otop-pos receipt``,
and the sales history) for the kinds of :mod:`pos.printing.services.print_jobs`:
``"sale"``, ``"tax_invoice"`` and ``"credit_note"``, each by its printed
number.  It reads the store each time it is asked, so a reprint shows exactly
what was stored, with the header the document was issued with (see
:mod:`receipts.sale_documents` for what each document says).  Other kinds
(the Z report of issue 6) come from sources of their own, which
:class:`receipts.print_service.PrintService` puts beside this one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pos.ids import UserId
from pos.printing.services.print_jobs import (
    CREDIT_NOTE_DOCUMENT,
    SALE_DOCUMENT,
    TAX_INVOICE_DOCUMENT,
)
from pos.unit_of_work import UnitOfWork
from receipts.credit_note_document import credit_note_document
from receipts.document import Document
from receipts.print_worker import DocumentNotFoundError
from receipts.sale_documents import (
    DocumentSettings,
    issued_with_the_sale,
    receipt_document,
    tax_invoice_document,
)

T = TypeVar("T")


class SaleDocumentSource:
    """Documents of the sales in the store, by print-job kind and printed number."""

    KINDS = (SALE_DOCUMENT, CREDIT_NOTE_DOCUMENT, TAX_INVOICE_DOCUMENT)

    def __init__(self, uow_factory: Callable[[], UnitOfWork]):
        self._uow_factory = uow_factory

    def document(self, kind: str, reference: str) -> Document:
        if kind not in self.KINDS:
            raise DocumentNotFoundError(f"no source prints {kind} documents")
        with self._uow_factory() as uow:
            issued = uow.sales.issued_header(kind, reference)  # as issued, not today's
            settings = DocumentSettings.of(uow.settings.load()).as_issued(issued, reference)
            names = UserNames(uow)
            if kind == SALE_DOCUMENT:
                return _sale(uow, reference, settings, names)
            if kind == TAX_INVOICE_DOCUMENT:
                sale = _found(
                    uow.sales.sale_by_tax_invoice_number(reference), "tax invoice", reference
                )
                invoice = next(i for i in sale.tax_invoices if i.number == reference)
                issuer = names(invoice.issued_by_user_id)
                return tax_invoice_document(sale, invoice, settings, issuer)
            note = _found(uow.sales.credit_note_by_number(reference), "credit note", reference)
            sale = _found(uow.sales.sale_by_id(note.sale_id), "sale for", reference)
            notes = uow.sales.credit_notes_for(sale.sale_id)  # oldest first
            position = [n.credit_note_id for n in notes].index(note.credit_note_id)
            return credit_note_document(note, sale, notes[:position], settings, names)


def _sale(uow: UnitOfWork, number: str, settings: DocumentSettings, names: UserNames) -> Document:
    sale = _found(uow.sales.sale_by_receipt_number(number), "receipt", number)
    instead = issued_with_the_sale(sale)
    if instead is not None:  # the counter issued the full tax invoice as the receipt
        return tax_invoice_document(sale, instead, settings, names(instead.issued_by_user_id))
    return receipt_document(sale, settings, names(sale.cashier_id))


class UserNames:
    """Users' names by id, looked up once each (a cashier's name on every document)."""

    def __init__(self, uow: UnitOfWork):
        self._uow = uow
        self._names: dict[UserId, str] = {}

    def __call__(self, user_id: UserId | None) -> str:
        if user_id is None:
            return "-"
        if user_id not in self._names:
            user = self._uow.users.by_id(user_id)
            self._names[user_id] = user.name if user is not None else f"#{user_id}"
        return self._names[user_id]


def _found(value: T | None, what: str, reference: str) -> T:
    if value is None:
        raise DocumentNotFoundError(f"there is no {what} {reference}")
    return value
