"""The ids that travel between the layers, each its own type so one cannot stand in for another.

They are :func:`typing.NewType`\\ s (as Anki does): at run time a ``UserId`` is
the plain ``int`` and a ``SaleId`` the plain :class:`uuid.UUID`, so rows,
JSON and the wire need no conversion; mypy refuses a shift's id where a
business day's is wanted, or a typed-in number where a user's id is.  Wrap a
raw value where it enters (a row read by hand, a command-line argument, a
field of a form): ``UserId(int(text))``.
"""

from __future__ import annotations

import uuid
from typing import NewType

# --- people and places ----------------------------------------------------------------------
UserId = NewType("UserId", int)
"""A member of staff (``users.user_id``): who sold, approved, counted, closed."""

TerminalId = NewType("TerminalId", str)
"""The counter's own code (``Settings.terminal_id``, e.g. ``"POS01"``), printed and synced."""

TerminalKey = NewType("TerminalKey", int)
"""The head office's row for a counter (``terminal.id`` in PostgreSQL), never sent to it."""

# --- the till -------------------------------------------------------------------------------
CartUuid = NewType("CartUuid", str)
"""A cart on the counter or held; a paid cart's uuid becomes its sale's :data:`SaleId`."""

CartLineId = NewType("CartLineId", int)
"""A line of the cart on the counter, numbered from 1 within its cart."""

# --- sales and returns ----------------------------------------------------------------------
SaleId = NewType("SaleId", uuid.UUID)
"""A completed sale (made by the till: the cart's uuid), the key a retried payment finds."""

SaleLineId = NewType("SaleLineId", uuid.UUID)
"""A line of a completed sale (``sale_line.line_uuid``), the line a return points back to."""

TenderId = NewType("TenderId", uuid.UUID)
"""One tender of a completed sale (``sale_tender.tender_uuid``), the one a refund goes back to."""

TaxInvoiceId = NewType("TaxInvoiceId", uuid.UUID)
"""A full tax invoice issued for a sale (``tax_invoice.invoice_uuid``)."""

CreditNoteId = NewType("CreditNoteId", uuid.UUID)
"""A return or a void: the credit note against a sale."""

CreditNoteLineId = NewType("CreditNoteLineId", uuid.UUID)
"""A line of a credit note (``credit_note_line.line_uuid``): what of one sale line came back."""

RefundId = NewType("RefundId", uuid.UUID)
"""Money going back against one original tender, one way (``credit_note_refund.refund_uuid``)."""

# --- shifts and days ------------------------------------------------------------------------
ShiftId = NewType("ShiftId", uuid.UUID)
"""One cashier's shift on one terminal, from the float to the blind count."""

BusinessDayId = NewType("BusinessDayId", uuid.UUID)
"""A trading day of a terminal, opened by its first shift and closed by its Z report."""

ZReportId = NewType("ZReportId", uuid.UUID)
"""The Z report that closed a business day."""

CashMovementId = NewType("CashMovementId", uuid.UUID)
"""Cash paid into or out of the drawer during a shift."""

# --- catalogue ----------------------------------------------------------------------------
ProducerId = NewType("ProducerId", int)
"""A producer group's row (``producer_group.id``) in the store holding it, counter or head office.

Each store numbers its own rows; the wire names a producer group by its Thai name, never this.
"""

# --- sync -----------------------------------------------------------------------------------
SyncBatchId = NewType("SyncBatchId", uuid.UUID)
"""A batch of outbox records sent to the head office together, the key its acknowledgement names."""

# --- printing -------------------------------------------------------------------------------
PrintJobId = NewType("PrintJobId", int)
"""A document queued for the printer (``print_job.job_id``)."""
