"""The in-memory fake of :class:`pos.sale.ports.SalesRepository`.

It keeps the rules the SQLite store enforces with constraints and triggers:
unique ids and document numbers, a scheme app reference used once, and never
more returned of a line than was sold.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from pos.printing.domain.issued_header import IssuedHeader
from pos.sale.domain.completed_sale import Sale, TaxInvoice
from pos.sale.domain.credit_notes import CreditNote, returned_quantities
from pos.sale.domain.tenders import TenderKind
from pos.sync.domain.stored import CreditNoteStored, SaleStored, Stored, TaxInvoiceStored


@dataclasses.dataclass
class FakeSalesData:
    sales: dict[uuid.UUID, Sale] = dataclasses.field(default_factory=dict)
    tax_invoices: list[TaxInvoice] = dataclasses.field(default_factory=list)
    credit_notes: dict[uuid.UUID, CreditNote] = dataclasses.field(default_factory=dict)
    headers: dict[tuple[str, str], IssuedHeader] = dataclasses.field(default_factory=dict)


class FakeSalesRepository:
    def __init__(self, data: FakeSalesData, events: list[Stored]):
        self._data = data
        self._events = events  # the unit of work queues them for the head office on commit

    def add_sale(self, sale: Sale) -> None:
        numbers = {s.receipt_number for s in self._data.sales.values()}
        if sale.sale_id in self._data.sales or sale.receipt_number in numbers:
            raise ValueError(f"sale {sale.sale_id} / {sale.receipt_number} exists")
        for tender in sale.scheme_tenders:
            if self.scheme_reference_receipt(tender.scheme_code or "", tender.reference or ""):
                raise ValueError(f"scheme reference {tender.reference} was used before")
        self._data.sales[sale.sale_id] = sale
        self._events.append(SaleStored(sale))

    def freeze_header(self, document_kind: str, number: str, issued: IssuedHeader) -> None:
        if (document_kind, number) in self._data.headers:  # the store's primary key
            raise ValueError(f"{document_kind} {number} already has its header")
        self._data.headers[(document_kind, number)] = issued

    def issued_header(self, document_kind: str, number: str) -> IssuedHeader | None:
        return self._data.headers.get((document_kind, number))

    def _with_invoices(self, sale: Sale) -> Sale:
        invoices = tuple(i for i in self._data.tax_invoices if i.sale_id == sale.sale_id)
        return dataclasses.replace(sale, tax_invoices=invoices)

    def sale_by_id(self, sale_id: uuid.UUID) -> Sale | None:
        sale = self._data.sales.get(sale_id)
        return self._with_invoices(sale) if sale else None

    def sale_by_receipt_number(self, receipt_number: str) -> Sale | None:
        found = [s for s in self._data.sales.values() if s.receipt_number == receipt_number]
        return self._with_invoices(found[0]) if found else None

    def sales_on(self, day: dt.date) -> list[Sale]:
        found = [s for s in self._data.sales.values() if s.business_date == day]
        ordered = sorted(found, key=lambda s: (s.terminal_id, s.receipt_serial))
        return [self._with_invoices(sale) for sale in ordered]

    def scheme_reference_receipt(self, scheme_code: str, reference: str) -> str | None:
        for sale in self._data.sales.values():
            for tender in sale.tenders:
                same = (tender.scheme_code, tender.reference) == (scheme_code, reference)
                if tender.kind is TenderKind.SCHEME and same:
                    return sale.receipt_number
        return None

    def add_tax_invoice(self, invoice: TaxInvoice) -> None:
        if any(i.number == invoice.number for i in self._data.tax_invoices):
            raise ValueError(f"tax invoice {invoice.number} exists")
        self._data.tax_invoices.append(invoice)
        receipt = self._data.sales[invoice.sale_id].receipt_number
        self._events.append(TaxInvoiceStored(invoice, receipt))

    def add_credit_note(self, note: CreditNote) -> None:
        if note.credit_note_id in self._data.credit_notes:
            raise ValueError(f"credit note {note.credit_note_id} exists")
        sale = self._data.sales[note.sale_id]
        returned = returned_quantities([*self.credit_notes_for(note.sale_id), note])
        if any(returned.get(line.line_id, 0) > line.quantity_milli for line in sale.lines):
            raise ValueError("cannot return more than was sold")
        self._data.credit_notes[note.credit_note_id] = note
        self._events.append(CreditNoteStored.of_sale(note, sale))

    def credit_note_by_id(self, credit_note_id: uuid.UUID) -> CreditNote | None:
        return self._data.credit_notes.get(credit_note_id)

    def credit_notes_for(self, sale_id: uuid.UUID) -> list[CreditNote]:
        notes = [n for n in self._data.credit_notes.values() if n.sale_id == sale_id]
        return sorted(notes, key=lambda n: (n.issued_at, n.serial))

    def credit_notes_on(self, day: dt.date) -> list[CreditNote]:
        notes = [n for n in self._data.credit_notes.values() if n.business_date == day]
        return sorted(notes, key=lambda n: (n.terminal_id, n.serial))

    def credit_note_by_number(self, number: str) -> CreditNote | None:
        return next((n for n in self._data.credit_notes.values() if n.number == number), None)

    def sale_by_tax_invoice_number(self, number: str) -> Sale | None:
        invoice = next((i for i in self._data.tax_invoices if i.number == number), None)
        return self.sale_by_id(invoice.sale_id) if invoice else None
