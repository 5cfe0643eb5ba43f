"""Buyer details on a sale: full tax invoices and receipts in the buyer's name (Shop Dee Mee Kuen).

The payment dialog passes :class:`pos.sale.domain.completed_sale.BuyerDetails` to checkout when the
buyer asks at the counter; afterwards (the same day or later) the sales
history calls :func:`issue_tax_invoice`.  Each invoice has its own gap-free
number (``POS01-TI-00000001``).  Rules from the Revenue Code (notes §2):

* issued after the sale, it replaces the abbreviated tax invoice already
  printed, and says so (``replaces_abbreviated``);
* a full invoice is never corrected: a new one is issued that names the one
  it replaces (``replaces_number``), with the reason, and only the newest is
  in force (:attr:`pos.sale.domain.completed_sale.Sale.current_tax_invoice`).

With ``print_invoice`` the invoice's print job (``"tax_invoice"`` + its
number) is queued in the transaction that issues it.  An invoice issued at
payment is printed as the sale's document (the ``"sale"`` job), not twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from pos.clock import Clock
from pos.ids import SaleId, TaxInvoiceId, UserId
from pos.printing.domain.issued_header import IssuedHeader
from pos.printing.services.print_jobs import queue_document
from pos.sale.domain.completed_sale import BuyerDetails, Sale, TaxInvoice, buyer_text_problem
from pos.sale.domain.numbering import DocumentKind, counter_name, document_number
from pos.text import TextKind, text_problem
from pos.unit_of_work import UnitOfWork

TAX_INVOICE_DOCUMENT = "tax_invoice"  # print job kind; the reference is the invoice number


class TaxInvoiceError(ValueError):
    """A tax invoice that cannot be issued; the message says why."""


def issue_tax_invoice(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    *,
    sale_id: SaleId,
    buyer: BuyerDetails,
    user_id: UserId,
    reason: str | None = None,
    print_invoice: bool = False,
) -> TaxInvoice:
    """Issue a full tax invoice for a completed sale (replacing the one in force, if any)."""
    with uow_factory() as uow:
        sale = uow.sales.sale_by_id(sale_id)
        if sale is None:
            raise TaxInvoiceError(f"there is no sale {sale_id}")
        invoice = add_tax_invoice(uow, sale, buyer, user_id, clock.now(), reason=reason)
        if print_invoice:
            queue_document(uow, TAX_INVOICE_DOCUMENT, invoice.number, clock)
        uow.commit()
        return invoice


def add_tax_invoice(
    uow: UnitOfWork,
    sale: Sale,
    buyer: BuyerDetails,
    user_id: UserId,
    moment: dt.datetime,
    *,
    reason: str | None = None,
    with_the_sale: bool = False,
) -> TaxInvoice:
    """Number and store a tax invoice inside the caller's unit of work."""
    current = sale.current_tax_invoice
    # details built without BuyerDetails.checked (another program, a test) are held to it too
    refused = buyer_text_problem(buyer.name, buyer.address, buyer.tax_id, buyer.branch)
    refused = refused or text_problem(reason or "", TextKind.REASON)
    if refused is not None:
        raise TaxInvoiceError(str(refused))
    cleaned_reason = (reason or "").strip() or None
    if current is not None and cleaned_reason is None:
        raise TaxInvoiceError(
            f"receipt {sale.receipt_number} already has tax invoice {current.number}:"
            " give the reason for replacing it"
        )
    settings = uow.settings.load()
    terminal_id = settings.terminal_id
    serial = uow.counters.next_value(counter_name(DocumentKind.TAX_INVOICE, terminal_id))
    invoice = TaxInvoice(
        invoice_id=TaxInvoiceId(uuid.uuid4()),
        number=document_number(DocumentKind.TAX_INVOICE, terminal_id, serial),
        terminal_id=terminal_id,
        serial=serial,
        sale_id=sale.sale_id,
        issued_at=moment,
        issued_by_user_id=user_id,
        buyer=buyer,
        replaces_abbreviated=not with_the_sale and current is None,
        replaces_number=current.number if current else None,
        reason=cleaned_reason,
    )
    uow.sales.add_tax_invoice(invoice)
    uow.sales.freeze_header(TAX_INVOICE_DOCUMENT, invoice.number, IssuedHeader.of(settings))
    return invoice
