"""Queueing the records a store held before it had an outbox (upgraded by ``0008_sync``).

The migration marks such a store (``sync_state.backfill_pending``); the first
sync then queues, business date by business date, every sale, tax invoice,
credit note, closed shift and Z report that is not in the outbox yet, and
then the audit trail month by month — with the same payload builders as new
records (:mod:`pos.sync.domain.records`), so the head office cannot tell them apart.
Each date is read through the reader (no write lock) and queued in one short
write transaction; a record queued already is left as it is, so an
interrupted backfill simply goes on where it stopped.  Shifts still open are
not queued here: closing them queues them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pos.sale.domain.completed_sale import Sale
from pos.sale.domain.credit_notes import CreditNote
from pos.sync.domain.records import (
    OutboxRecord,
    audit_record,
    sale_record,
    shift_record,
    tax_invoice_record,
    z_report_record,
)
from pos.sync.domain.stored import CreditNoteStored, record_of
from pos.sync.ports import SyncUnitOfWork

AUDIT_SPAN = dt.timedelta(days=31)


def backfill(
    uow_factory: Callable[[], SyncUnitOfWork], reader: Callable[[], SyncUnitOfWork]
) -> int:
    """Queue what was stored before the outbox; returns how many records were looked at."""
    with reader() as uow:
        if not uow.outbox.state().backfill_pending:
            return 0
        dates = uow.outbox.unqueued_dates()
        span = uow.outbox.unqueued_audit_span()
    seen = 0
    for day in dates:
        seen += _queue(uow_factory, _records_of(reader, day))
    if span is not None:
        start, end = span
        while start <= end:
            with reader() as uow:
                names = uow.outbox.names()
                events = uow.audit.between(start, min(start + AUDIT_SPAN, end + dt.timedelta(1)))
            seen += _queue(uow_factory, [audit_record(event, names) for event in events])
            start += AUDIT_SPAN
    with uow_factory() as uow:
        if not uow.outbox.unqueued_dates() and uow.outbox.unqueued_audit_span() is None:
            uow.outbox.set_backfill_pending(False)
            uow.commit()
    return seen


def _queue(uow_factory: Callable[[], SyncUnitOfWork], records: list[OutboxRecord]) -> int:
    if records:
        with uow_factory() as uow:
            uow.outbox.queue(records)
            uow.commit()
    return len(records)


def _records_of(reader: Callable[[], SyncUnitOfWork], day: dt.date) -> list[OutboxRecord]:
    """Every record of one business date, built as it would have been when it was made."""
    with reader() as uow:
        names = uow.outbox.names()
        sales = uow.sales.sales_on(day)
        by_id = {sale.sale_id: sale for sale in sales}
        notes = uow.sales.credit_notes_on(day)
        for note in notes:
            if note.sale_id not in by_id:  # a return of an older sale
                older = uow.sales.sale_by_id(note.sale_id)
                if older is not None:
                    by_id[older.sale_id] = older
        shifts = [(s, uow.shifts.cash_movements(s.shift_id)) for s in uow.shifts.shifts_on(day)]
        z_reports = uow.shifts.z_reports_between(day, day)
    records = []
    for sale in sales:
        records.append(sale_record(sale, names))
        records += [tax_invoice_record(i, sale.receipt_number, names) for i in sale.tax_invoices]
    records += [_credit_note(note, by_id[note.sale_id], names) for note in notes]
    records += [shift_record(s, moved, names) for s, moved in shifts if s.closing is not None]
    records += [z_report_record(z, names) for z in z_reports]
    return records


def _credit_note(note: CreditNote, sale: Sale, names: dict[int, str]) -> OutboxRecord:
    return record_of(CreditNoteStored.of_sale(note, sale), names)
