"""What a unit of work stored that the head office is sent: events collected until the commit.

The repositories that store a record the counter owns (a sale, tax invoice,
credit note, closed shift, Z report or audit event) append one of these to
their unit of work's ``events``, with what its outbox record needs that the
record itself does not hold (a tax invoice's receipt number, a credit
note's sold lines and tenders, a shift's cash movements).  On ``commit`` the
unit of work turns them into :class:`OutboxRecord` with :func:`records_of`
and queues them in the same transaction (docs/DECISIONS.md, "The outbox is
filled by the unit of work") — the SQLite one and the tests' fake alike, so
a unit test sees what would be sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pos.audit import AuditEvent
from pos.ids import SaleLineId, TenderId
from pos.sale.domain.completed_sale import Sale, TaxInvoice
from pos.sale.domain.credit_notes import CreditNote
from pos.shifts.domain.cash_control import CashMovement, Shift
from pos.shifts.domain.day_figures import ZRecord
from pos.sync.domain.records import (
    OutboxRecord,
    PaidTender,
    SoldLine,
    audit_record,
    credit_note_record,
    sale_record,
    shift_record,
    tax_invoice_record,
    z_report_record,
)


@dataclass(frozen=True)
class SaleStored:
    sale: Sale


@dataclass(frozen=True)
class TaxInvoiceStored:
    invoice: TaxInvoice
    sale_receipt_number: str


@dataclass(frozen=True)
class CreditNoteStored:
    note: CreditNote
    sold: Mapping[SaleLineId, SoldLine]
    paid: Mapping[TenderId, PaidTender]

    @classmethod
    def of_sale(cls, note: CreditNote, sale: Sale) -> CreditNoteStored:
        """The event of ``note``, with what it returns read off the sale it returns from."""
        sold = {
            line.line_id: SoldLine(
                line.sku, line.name_th, line.category, line.producer_name, line.producer_tax_id
            )
            for line in sale.lines
        }
        paid = {t.tender_id: PaidTender(t.kind.value, t.scheme_code) for t in sale.tenders}
        return cls(note, sold, paid)


@dataclass(frozen=True)
class ShiftClosed:
    shift: Shift  # as closed, before any later approval
    movements: Sequence[CashMovement]


@dataclass(frozen=True)
class DayClosed:
    report: ZRecord


@dataclass(frozen=True)
class AuditRecorded:
    event: AuditEvent


Stored = SaleStored | TaxInvoiceStored | CreditNoteStored | ShiftClosed | DayClosed | AuditRecorded


def record_of(event: Stored, names: Mapping[int, str]) -> OutboxRecord:
    """The outbox record of one stored thing; ``names`` are the users' names by id."""
    match event:
        case SaleStored(sale):
            return sale_record(sale, names)
        case TaxInvoiceStored(invoice, receipt):
            return tax_invoice_record(invoice, receipt, names)
        case CreditNoteStored(note, sold, paid):
            return credit_note_record(note, sold, paid, names)
        case ShiftClosed(shift, movements):
            return shift_record(shift, movements, names)
        case DayClosed(report):
            return z_report_record(report, names)
        case AuditRecorded(audit):
            return audit_record(audit, names)


def records_of(events: Sequence[Stored], names: Mapping[int, str]) -> list[OutboxRecord]:
    """The records of ``events``, in the order they were stored (the outbox keeps that order)."""
    return [record_of(event, names) for event in events]
