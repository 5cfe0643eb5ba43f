"""The port for sales, tax invoices and credit notes (see :mod:`pos.unit_of_work` for the others).

Everything here is append-only: a committed sale, tax invoice or credit note is
never changed or deleted, so the repository has no update or delete.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from pos.ids import CreditNoteId, SaleId
from pos.printing.domain.issued_header import IssuedHeader
from pos.sale.domain.completed_sale import Sale, TaxInvoice
from pos.sale.domain.credit_notes import CreditNote


class SalesRepository(Protocol):
    def add_sale(self, sale: Sale) -> None:
        """Store a completed sale with its lines, tenders, VAT and allocation."""
        ...

    def sale_by_id(self, sale_id: SaleId) -> Sale | None: ...
    def sale_by_receipt_number(self, receipt_number: str) -> Sale | None: ...
    def sales_on(self, day: dt.date) -> list[Sale]:
        """The sales of a business day (Thai date of sale), by terminal and receipt serial."""
        ...

    def scheme_reference_receipt(self, scheme_code: str, reference: str) -> str | None:
        """The receipt number that already used this scheme app reference, if any."""
        ...

    def add_tax_invoice(self, invoice: TaxInvoice) -> None: ...
    def add_credit_note(self, note: CreditNote) -> None: ...
    def credit_note_by_id(self, credit_note_id: CreditNoteId) -> CreditNote | None: ...
    def credit_notes_for(self, sale_id: SaleId) -> list[CreditNote]:
        """The credit notes of a sale, oldest first."""
        ...

    def credit_notes_on(self, day: dt.date) -> list[CreditNote]: ...

    # --- finding documents by their printed number (receipts/printing, issue 5) --------------
    def credit_note_by_number(self, number: str) -> CreditNote | None: ...
    def sale_by_tax_invoice_number(self, number: str) -> Sale | None:
        """The sale a full tax invoice was issued for (with all its tax invoices)."""
        ...

    # --- the header each document was issued with (issue 13) ----------------------------------
    def freeze_header(self, document_kind: str, number: str, issued: IssuedHeader) -> None:
        """Store the header a document (print-job kind, printed number) is issued with, once."""
        ...

    def issued_header(self, document_kind: str, number: str) -> IssuedHeader | None:
        """The header frozen with the document; ``None`` if a service did not store it."""
        ...
