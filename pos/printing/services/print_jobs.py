"""Use cases of the print queue: queue a document, reprint it as a copy, cancel a job.

The sale service calls :func:`queue_document` (or :func:`queue_sale_receipt`)
inside the unit of work that completes the sale, so the sale and its receipt
job commit together: a power cut can never leave a sale without its receipt
waiting to print.  After the commit the caller wakes the printer
(``AppContext.wake_printer()``), so the receipt prints at once.

A job names its document by kind and printed number; the kinds of sale
documents (the print worker's :class:`receipts.sale_documents.SaleDocumentSource`
prints them):

=====================  ==========================  ===========================
``"sale"``             the receipt number           abbreviated tax invoice, or
                       ``POS01-00000042``           a receipt (centre not VAT-registered)
``"credit_note"``      ``POS01-CN-00000007``        credit note of a return or void
``"tax_invoice"``      ``POS01-TI-00000003``        full tax invoice (buyer's details)
=====================  ==========================  ===========================
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pos.audit import AuditAction, AuditEvent
from pos.clock import Clock
from pos.ids import PrintJobId, TerminalId, UserId
from pos.printing.domain.print_queue import JobState, PrinterRole, PrintJob, new_print_job
from pos.sale.domain.completed_sale import Sale, TaxInvoice
from pos.sale.domain.credit_notes import CreditNote
from pos.sale.domain.numbering import (
    SERIAL_DIGITS,
    DocumentKind,
    document_number,
    receipt_number_from_text,
)
from pos.sale.domain.tenders import TenderKind
from pos.unit_of_work import UnitOfWork

SALE_DOCUMENT = "sale"
CREDIT_NOTE_DOCUMENT = "credit_note"
TAX_INVOICE_DOCUMENT = "tax_invoice"
SALE_DOCUMENT_KINDS = (SALE_DOCUMENT, CREDIT_NOTE_DOCUMENT, TAX_INVOICE_DOCUMENT)
_OTHER_NUMBER = re.compile(r"^(?P<terminal>[A-Z0-9]{1,16})-(?P<infix>CN|TI)-(?P<serial>\d{1,8})$")


class PrintJobError(ValueError):
    """A request about a print job that cannot be done; the message says why."""


def queue_document(
    uow: UnitOfWork,
    document_kind: str,
    reference: str,
    clock: Clock,
    *,
    open_drawer: bool = False,
    printer: PrinterRole = PrinterRole.RECEIPT,
) -> PrintJob:
    """Add a job inside the caller's unit of work (the caller commits)."""
    job = new_print_job(
        document_kind, reference, clock.now(), printer=printer, open_drawer=open_drawer
    )
    return uow.print_jobs.add(job)


def queue_sale_receipt(uow: UnitOfWork, sale: Sale, clock: Clock) -> PrintJob:
    """The receipt of a sale just stored in ``uow``; the drawer opens when cash was taken.

    Once per sale: a retried checkout that returns the sale already stored must not
    queue it again.  With the buyer's details given at payment, this job prints the
    full tax invoice (it is that sale's receipt): do not queue the invoice as well.
    """
    cash = any(tender.kind is TenderKind.CASH for tender in sale.tenders)
    return queue_document(uow, SALE_DOCUMENT, sale.receipt_number, clock, open_drawer=cash)


def queue_credit_note(uow: UnitOfWork, note: CreditNote, clock: Clock) -> PrintJob:
    """The credit note just stored in ``uow``; the drawer opens when cash is paid out."""
    cash = note.cash_paid_out_satang > 0
    return queue_document(uow, CREDIT_NOTE_DOCUMENT, note.number, clock, open_drawer=cash)


def queue_tax_invoice(uow: UnitOfWork, invoice: TaxInvoice, clock: Clock) -> PrintJob:
    """A full tax invoice just stored in ``uow`` (never opens the drawer)."""
    return queue_document(uow, TAX_INVOICE_DOCUMENT, invoice.number, clock)


def request_reprint(
    uow_factory: Callable[[], UnitOfWork],
    document_kind: str,
    reference: str,
    clock: Clock,
    *,
    user_id: UserId | None = None,
) -> PrintJob:
    """Queue a copy of a document ("สำเนา"), audited; the drawer is never opened for a copy."""
    moment = clock.now()
    with uow_factory() as uow:
        job = uow.print_jobs.add(new_print_job(document_kind, reference, moment, is_copy=True))
        detail = {"document_kind": document_kind, "job_id": job.job_id}
        event = AuditEvent(
            AuditAction.DOCUMENT_REPRINTED,
            moment,
            user_id,
            None,
            reference=reference,
            detail=detail,
        )
        uow.audit.record(event)
        uow.commit()
    return job


def cancel_job(uow_factory: Callable[[], UnitOfWork], job_id: PrintJobId) -> PrintJob:
    """Take a waiting job out of the queue (a manager's decision; the document stays)."""
    with uow_factory() as uow:
        job = uow.print_jobs.get(job_id)
        if job is None:
            raise PrintJobError(f"there is no print job {job_id}")
        if job.state is not JobState.PENDING:
            raise PrintJobError(f"print job {job_id} is {job.state.value}, not waiting")
        cancelled = job.cancelled()
        uow.print_jobs.save(cancelled)
        uow.commit()
    return cancelled


def document_for_number(text: str, terminal_id: TerminalId) -> tuple[str, str] | None:
    """The print-job kind and the number as printed, for what was typed or scanned.

    ``POS01-00000042``, ``pos01-42`` or ``42`` (this terminal) are receipts;
    ``POS01-CN-7`` credit notes; ``POS01-TI-3`` full tax invoices.  ``None`` if
    the text is none of these.
    """
    cleaned = text.strip().upper().replace(" ", "")
    match = _OTHER_NUMBER.match(cleaned)
    if match is not None:
        serial = int(match["serial"])
        if serial == 0 or len(match["serial"]) > SERIAL_DIGITS:
            return None
        if match["infix"] == "CN":
            number = document_number(DocumentKind.CREDIT_NOTE, match["terminal"], serial)
            return CREDIT_NOTE_DOCUMENT, number
        return TAX_INVOICE_DOCUMENT, document_number(
            DocumentKind.TAX_INVOICE, match["terminal"], serial
        )
    receipt = receipt_number_from_text(cleaned, terminal_id)
    return (SALE_DOCUMENT, receipt) if receipt else None
