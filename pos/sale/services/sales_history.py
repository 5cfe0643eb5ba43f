"""The sales history the till shows: a day's documents with their print status, found by number.

For the sales history screen: every sale of a business day, the full tax
invoices issued for them and the day's credit notes, in the order they were
issued, each with what the customer paid or got back, how, and what the
print queue did with it (printed, waiting and why, failed, copies).  A
document is reprinted as a copy with :func:`pos.printing.services.print_jobs.request_reprint`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pos.clock import Clock
from pos.ids import TerminalId
from pos.money import format_baht
from pos.printing.domain.print_queue import JobState, PrintJob
from pos.printing.services.print_jobs import (
    CREDIT_NOTE_DOCUMENT,
    SALE_DOCUMENT,
    TAX_INVOICE_DOCUMENT,
    document_for_number,
)
from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.credit_notes import CreditNote, CreditNoteKind, RefundMethod
from pos.sale.domain.schemes import SchemeBook
from pos.sale.domain.tenders import TenderKind
from pos.shifts.services.stamping import trading_day
from pos.unit_of_work import UnitOfWork

_REFUNDS_TH = {
    RefundMethod.CASH: "เงินสด",
    RefundMethod.PROMPTPAY: "พร้อมเพย์",
    RefundMethod.CARD: "บัตร",
    RefundMethod.SCHEME: "แอปโครงการ",
    RefundMethod.SCHEME_GOVERNMENT: "คืนรัฐ",
}


@dataclass(frozen=True)
class PrintStatus:
    """What the print queue did with one document (original and copies)."""

    printed_at: dt.datetime | None  # when the original printed
    waiting: int  # jobs still pending
    failed: int  # jobs that can never print
    copies: int  # reprints printed
    last_error: str = ""

    @classmethod
    def of(cls, jobs: Sequence[PrintJob]) -> PrintStatus:
        originals = [job for job in jobs if not job.is_copy]
        printed = [job.printed_at for job in originals if job.state is JobState.PRINTED]
        waiting = [job for job in jobs if job.state is JobState.PENDING]
        failed = [job for job in jobs if job.state is JobState.FAILED]
        errors = [job.last_error for job in [*waiting, *failed] if job.last_error]
        return cls(
            printed_at=min((at for at in printed if at is not None), default=None),
            waiting=len(waiting),
            failed=len(failed),
            copies=sum(1 for job in jobs if job.is_copy and job.state is JobState.PRINTED),
            last_error=errors[-1] if errors else "",
        )


@dataclass(frozen=True)
class HistoryRow:
    """One document of the day, as the history lists it."""

    kind: str  # the print-job kind: "sale", "tax_invoice", "credit_note"
    number: str
    at: dt.datetime
    amount_satang: int  # paid for a sale or tax invoice, paid back for a credit note
    tenders: str  # how, e.g. "เงินสด 500.00 + คนละครึ่ง 150.00"
    refers_to: str  # the sale's receipt number for a tax invoice or credit note
    note: str  # "คืนสินค้า", "ยกเลิกการขาย", "มีใบลดหนี้", …
    printing: PrintStatus
    business_date: dt.date  # the day the history lists it under (past midnight: the open day)


def day_history(uow_factory: Callable[[], UnitOfWork], day: dt.date) -> list[HistoryRow]:
    """The day's sales, their tax invoices and the day's credit notes, oldest first."""
    with uow_factory() as uow:
        sales = uow.sales.sales_on(day)
        notes = uow.sales.credit_notes_on(day)
        schemes = uow.settings.load().schemes
        rows = [_sale_row(uow, sale, schemes) for sale in sales]
        for sale in sales:
            rows += [_invoice_row(uow, sale, invoice.number) for invoice in sale.tax_invoices]
        rows += [_note_row(uow, note) for note in notes]
    return sorted(rows, key=lambda row: (row.at, row.number))


def trading_date(uow_factory: Callable[[], UnitOfWork], clock: Clock) -> dt.date:
    """The date the till trades in (:func:`pos.shifts.services.stamping.trading_day`): the history's
    "today"."""
    with uow_factory() as uow:
        return trading_day(uow, clock)[1]


def find_document(
    uow_factory: Callable[[], UnitOfWork], text: str, terminal_id: TerminalId
) -> HistoryRow | None:
    """The document whose number was typed or scanned (any day), or ``None``."""
    wanted = document_for_number(text, terminal_id)
    if wanted is None:
        return None
    kind, number = wanted
    with uow_factory() as uow:
        if kind == SALE_DOCUMENT:
            sale = uow.sales.sale_by_receipt_number(number)
            if sale is None:
                return None
            return _sale_row(uow, sale, uow.settings.load().schemes)
        if kind == TAX_INVOICE_DOCUMENT:
            sale = uow.sales.sale_by_tax_invoice_number(number)
            return _invoice_row(uow, sale, number) if sale is not None else None
        note = uow.sales.credit_note_by_number(number)
        return _note_row(uow, note) if note is not None else None


def _printing(uow: UnitOfWork, kind: str, number: str) -> PrintStatus:
    return PrintStatus.of(uow.print_jobs.for_document(kind, number))


def sale_tenders_text(sale: Sale, schemes: SchemeBook) -> str:
    """``เงินสด 500.00 + คนละครึ่ง 150.00``: each tender by its Thai name and amount."""
    names = {scheme.code: scheme.name_th for scheme in schemes.schemes}
    parts = []
    for tender in sale.tenders:
        label = tender.kind.label_th
        if tender.kind is TenderKind.SCHEME:
            label = names.get(tender.scheme_code or "", label)
        parts.append(f"{label} {format_baht(tender.amount_satang)}")
    return " + ".join(parts)


def _sale_row(uow: UnitOfWork, sale: Sale, schemes: SchemeBook) -> HistoryRow:
    has_credit_notes = bool(uow.sales.credit_notes_for(sale.sale_id))
    return HistoryRow(
        kind=SALE_DOCUMENT,
        number=sale.receipt_number,
        at=sale.sold_at,
        amount_satang=sale.paid_satang,
        tenders=sale_tenders_text(sale, schemes),
        refers_to="",
        note="มีใบลดหนี้" if has_credit_notes else "",
        printing=_printing(uow, SALE_DOCUMENT, sale.receipt_number),
        business_date=sale.business_date,
    )


def _invoice_row(uow: UnitOfWork, sale: Sale, number: str) -> HistoryRow:
    invoice = next(i for i in sale.tax_invoices if i.number == number)
    in_force = sale.current_tax_invoice == invoice
    return HistoryRow(
        kind=TAX_INVOICE_DOCUMENT,
        number=number,
        at=invoice.issued_at,
        amount_satang=sale.paid_satang,
        tenders=invoice.buyer.name,
        refers_to=sale.receipt_number,
        note="ใบกำกับภาษีเต็มรูป" + ("" if in_force else " (ยกเลิกแล้ว)"),
        printing=_printing(uow, TAX_INVOICE_DOCUMENT, number),
        business_date=sale.business_date,
    )


def _note_row(uow: UnitOfWork, note: CreditNote) -> HistoryRow:
    refunds = " + ".join(
        f"{_REFUNDS_TH[refund.method]} {format_baht(refund.amount_satang)}"
        for refund in note.draft.refunds
    )
    return HistoryRow(
        kind=CREDIT_NOTE_DOCUMENT,
        number=note.number,
        at=note.issued_at,
        amount_satang=-note.refunded_to_customer_satang,
        tenders=refunds,
        refers_to=note.sale_receipt_number,
        note="ยกเลิกการขาย" if note.kind is CreditNoteKind.VOID else "คืนสินค้า",
        printing=_printing(uow, CREDIT_NOTE_DOCUMENT, note.number),
        business_date=note.business_date,
    )
