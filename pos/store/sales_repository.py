"""Sales, tax invoices and credit notes on SQLite (:class:`pos.sale.ports.SalesRepository`).

Writing a sale is on the checkout's commit path, so it goes straight to the
sqlite3 cursor of the unit of work's own connection (same transaction): one
INSERT for the sale and one ``executemany`` per child table, with no ORM
bookkeeping in between.  Reads use SQLAlchemy Core and load a whole business
day in one query per table, which keeps exports and reports fast.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Row, Select, Table, select
from sqlalchemy.orm import Session

from pos.ids import CreditNoteId, SaleId, SaleLineId, TenderId
from pos.printing.domain.issued_header import IssuedHeader
from pos.sale.domain.completed_sale import Sale, TaxInvoice
from pos.sale.domain.credit_notes import CreditNote, ReturnDraft
from pos.shifts.domain.cash_control import ShiftStamp
from pos.store.database import driver_cursor
from pos.store.issued_header_repository import freeze_header, issued_header
from pos.store.sales_models import (
    CreditNoteLineRow,
    CreditNoteRefundRow,
    CreditNoteRow,
    CreditNoteShareRow,
    CreditNoteVatRow,
    SaleAllocationRow,
    SaleLineRow,
    SaleRow,
    SaleTenderRow,
    SaleVatRow,
    TaxInvoiceRow,
)
from pos.store.sales_rows import (
    line_values,
    note_from_rows,
    sale_from_rows,
    sale_values,
    tender_values,
    vat_values,
)
from pos.store.shift_models import BusinessDayRow, ShiftRow
from pos.store.times import to_utc_text
from pos.sync.domain.records import PaidTender, SoldLine
from pos.sync.domain.stored import CreditNoteStored, SaleStored, Stored, TaxInvoiceStored

_sale = cast(Table, SaleRow.__table__)
_line = cast(Table, SaleLineRow.__table__)
_tender = cast(Table, SaleTenderRow.__table__)
_vat = cast(Table, SaleVatRow.__table__)
_allocation = cast(Table, SaleAllocationRow.__table__)
_invoice = cast(Table, TaxInvoiceRow.__table__)
_note = cast(Table, CreditNoteRow.__table__)
_note_line = cast(Table, CreditNoteLineRow.__table__)
_share = cast(Table, CreditNoteShareRow.__table__)
_refund = cast(Table, CreditNoteRefundRow.__table__)
_note_vat = cast(Table, CreditNoteVatRow.__table__)
_shift = cast(Table, ShiftRow.__table__)
_day = cast(Table, BusinessDayRow.__table__)


def _insert_sql(table: Table) -> str:
    columns = [column.name for column in table.columns if column.name != "id"]
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"


_INSERT = {table.name: _insert_sql(table) for table in (_sale, _line, _tender, _vat, _allocation)}


class SqlSalesRepository:
    def __init__(self, session: Session, events: list[Stored]):
        self._session = session
        self._events = events  # the unit of work queues them for the head office on commit

    def _cursor(self) -> sqlite3.Cursor:
        return driver_cursor(self._session)

    # --- writing --------------------------------------------------------------------------
    def add_sale(self, sale: Sale) -> None:
        cursor = self._cursor()
        cursor.execute(_INSERT["sale"], (*sale_values(sale), *_stamp_keys(cursor, sale.stamp)))
        key = cursor.lastrowid
        cursor.executemany(
            _INSERT["sale_line"], [line_values(key, i, line) for i, line in enumerate(sale.lines)]
        )
        cursor.executemany(
            _INSERT["sale_tender"], [tender_values(key, i, t) for i, t in enumerate(sale.tenders)]
        )
        cursor.executemany(
            _INSERT["sale_vat"], [vat_values(key, i, v) for i, v in enumerate(sale.vat)]
        )
        cursor.executemany(
            _INSERT["sale_allocation"],
            [
                (key, a.line_index, a.tender_index, a.amount_satang, a.government_share_satang)
                for a in sale.allocation
            ],
        )
        self._events.append(SaleStored(sale))

    def add_tax_invoice(self, invoice: TaxInvoice) -> None:
        cursor = self._cursor()
        sale_key = self._sale_key(cursor, invoice.sale_id)
        buyer = invoice.buyer
        cursor.execute(
            "INSERT INTO tax_invoice (invoice_uuid, sale_id, terminal_id, serial, number,"
            " issued_at_utc, issued_by_user_id, buyer_name, buyer_address, buyer_tax_id,"
            " buyer_branch, replaces_abbreviated, replaces_number, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(invoice.invoice_id),
                sale_key,
                invoice.terminal_id,
                invoice.serial,
                invoice.number,
                to_utc_text(invoice.issued_at),
                invoice.issued_by_user_id,
                buyer.name,
                buyer.address,
                buyer.tax_id,
                buyer.branch,
                invoice.replaces_abbreviated,
                invoice.replaces_number,
                invoice.reason,
            ),
        )
        (receipt,) = cursor.execute(
            "SELECT receipt_number FROM sale WHERE id = ?", (sale_key,)
        ).fetchone()
        self._events.append(TaxInvoiceStored(invoice, receipt))

    def add_credit_note(self, note: CreditNote) -> None:
        cursor = self._cursor()
        sale_key = self._sale_key(cursor, note.sale_id)
        draft = note.draft
        cursor.execute(
            "INSERT INTO credit_note (credit_note_uuid, sale_id, kind, terminal_id, serial, number,"
            " issued_at_utc, business_date, cashier_id, approved_by_user_id, reason, total_satang,"
            " non_vat_satang, cash_rounding_satang, shift_id, business_day_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(note.credit_note_id),
                sale_key,
                note.kind.value,
                note.terminal_id,
                note.serial,
                note.number,
                to_utc_text(note.issued_at),
                note.business_date.isoformat(),
                note.cashier_id,
                note.approved_by_user_id,
                note.reason,
                draft.total_satang,
                draft.non_vat_satang,
                draft.cash_rounding_satang,
                *_stamp_keys(cursor, note.stamp),
            ),
        )
        note_key = cursor.lastrowid
        paid = {
            TenderId(uuid.UUID(row[0])): (row[1], PaidTender(row[2], row[3]))
            for row in cursor.execute(
                "SELECT tender_uuid, id, kind, scheme_code FROM sale_tender WHERE sale_id = ?",
                (sale_key,),
            )
        }
        tenders = {str(tender_id): key for tender_id, (key, _) in paid.items()}
        note_lines, sold = self._add_credit_note_lines(cursor, sale_key, note_key, draft)
        cursor.executemany(
            "INSERT INTO credit_note_share (credit_note_line_id, sale_tender_id, amount_satang,"
            " government_share_satang) VALUES (?, ?, ?, ?)",
            [
                (
                    note_lines[s.sale_line_id],
                    tenders[str(s.tender_id)],
                    s.amount_satang,
                    s.government_share_satang,
                )
                for s in draft.shares
            ],
        )
        cursor.executemany(
            "INSERT INTO credit_note_refund (refund_uuid, credit_note_id, sale_tender_id, method,"
            " amount_satang) VALUES (?, ?, ?, ?, ?)",
            [
                (
                    str(r.refund_id),
                    note_key,
                    tenders[str(r.tender_id)],
                    r.method.value,
                    r.amount_satang,
                )
                for r in draft.refunds
            ],
        )
        cursor.executemany(
            "INSERT INTO credit_note_vat (credit_note_id, position, seller_name, seller_tax_id,"
            " gross_satang, net_satang, vat_satang) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    note_key,
                    i,
                    v.seller_name,
                    v.seller_tax_id,
                    v.gross_satang,
                    v.net_satang,
                    v.vat_satang,
                )
                for i, v in enumerate(draft.vat)
            ],
        )
        tender_of = {tender_id: tender for tender_id, (_, tender) in paid.items()}
        self._events.append(CreditNoteStored(note, sold, tender_of))

    @staticmethod
    def _add_credit_note_lines(
        cursor: sqlite3.Cursor, sale_key: int, note_key: int | None, draft: ReturnDraft
    ) -> tuple[dict[SaleLineId, int | None], dict[SaleLineId, SoldLine]]:
        """Insert the credit note's lines; the row id of each by its sale line, and what
        each sale line sold."""
        sale_lines, sold = {}, {}
        for line_uuid, key, *what in cursor.execute(
            "SELECT line_uuid, id, sku, name_th, category, producer_name, producer_tax_id"
            " FROM sale_line WHERE sale_id = ?",
            (sale_key,),
        ):
            sale_lines[line_uuid] = key
            sold[SaleLineId(uuid.UUID(line_uuid))] = SoldLine(*what)
        keys = {}
        for line in draft.lines:
            cursor.execute(
                "INSERT INTO credit_note_line (line_uuid, credit_note_id, sale_line_id,"
                " quantity_milli, amount_satang) VALUES (?, ?, ?, ?, ?)",
                (
                    str(line.line_id),
                    note_key,
                    sale_lines[str(line.sale_line_id)],
                    line.quantity_milli,
                    line.amount_satang,
                ),
            )
            keys[line.sale_line_id] = cursor.lastrowid
        return keys, sold

    @staticmethod
    def _sale_key(cursor: sqlite3.Cursor, sale_id: SaleId) -> int:
        row = cursor.execute("SELECT id FROM sale WHERE sale_uuid = ?", (str(sale_id),)).fetchone()
        if row is None:
            raise KeyError(f"there is no sale {sale_id}")
        return int(row[0])

    # --- the header each document was issued with (pos.printing.domain.issued_header) ------
    def freeze_header(self, document_kind: str, number: str, issued: IssuedHeader) -> None:
        freeze_header(self._cursor(), document_kind, number, issued)

    def issued_header(self, document_kind: str, number: str) -> IssuedHeader | None:
        return issued_header(self._cursor(), document_kind, number)

    # --- reading sales --------------------------------------------------------------------
    def sale_by_id(self, sale_id: SaleId) -> Sale | None:
        # checkout asks this of every new sale id first: answer "no" with one indexed lookup
        row = (
            self._cursor()
            .execute("SELECT id FROM sale WHERE sale_uuid = ?", (str(sale_id),))
            .fetchone()
        )
        if row is None:
            return None
        found = self._sales(select(_sale.c.id).where(_sale.c.id == row[0]))
        return found[0] if found else None

    def sale_by_receipt_number(self, receipt_number: str) -> Sale | None:
        found = self._sales(select(_sale.c.id).where(_sale.c.receipt_number == receipt_number))
        return found[0] if found else None

    def sales_on(self, day: dt.date) -> list[Sale]:
        return self._sales(select(_sale.c.id).where(_sale.c.business_date == day.isoformat()))

    def scheme_reference_receipt(self, scheme_code: str, reference: str) -> str | None:
        statement = (
            select(_sale.c.receipt_number)
            .join(_tender, _tender.c.sale_id == _sale.c.id)
            .where(_tender.c.kind == "scheme")
            .where(_tender.c.scheme_code == scheme_code, _tender.c.reference == reference)
        )
        return self._session.execute(statement).scalar_one_or_none()

    def _sales(self, ids: Select[Any]) -> list[Sale]:
        """Whole sales for the sale ids ``ids`` selects: one query per table."""
        statement = (
            select(_sale, _shift.c.shift_uuid, _day.c.day_uuid)
            .outerjoin(_shift, _shift.c.id == _sale.c.shift_id)
            .outerjoin(_day, _day.c.id == _sale.c.business_day_id)
            .where(_sale.c.id.in_(ids))
        )
        rows = list(
            self._session.execute(statement.order_by(_sale.c.terminal_id, _sale.c.receipt_serial))
        )
        if not rows:  # the common case on checkout's check for a retried sale id
            return []
        children = {
            name: _grouped(self._rows(table, ids, order))
            for name, table, order in (
                ("lines", _line, _line.c.position),
                ("tenders", _tender, _tender.c.position),
                ("vat", _vat, _vat.c.position),
                ("allocation", _allocation, _allocation.c.line_position),
                ("invoices", _invoice, _invoice.c.serial),
            )
        }
        return [
            sale_from_rows(row, {n: c.get(row.id, []) for n, c in children.items()}) for row in rows
        ]

    def _rows(self, table: Table, ids: Select[Any], order: Any) -> list[Row[Any]]:
        statement = select(table).where(table.c.sale_id.in_(ids)).order_by(table.c.sale_id, order)
        return list(self._session.execute(statement))

    # --- reading credit notes -------------------------------------------------------------
    def credit_note_by_id(self, credit_note_id: CreditNoteId) -> CreditNote | None:
        found = self._notes(_note.c.credit_note_uuid == str(credit_note_id))
        return found[0] if found else None

    def credit_notes_for(self, sale_id: SaleId) -> list[CreditNote]:
        sale_key = select(_sale.c.id).where(_sale.c.sale_uuid == str(sale_id)).scalar_subquery()
        return self._notes(_note.c.sale_id == sale_key)

    def credit_notes_on(self, day: dt.date) -> list[CreditNote]:
        return self._notes(_note.c.business_date == day.isoformat())

    # --- finding documents by their printed number (receipts/printing) ---------------------
    def credit_note_by_number(self, number: str) -> CreditNote | None:
        found = self._notes(_note.c.number == number)
        return found[0] if found else None

    def sale_by_tax_invoice_number(self, number: str) -> Sale | None:
        found = self._sales(select(_invoice.c.sale_id).where(_invoice.c.number == number))
        return found[0] if found else None

    def _notes(self, condition: Any) -> list[CreditNote]:
        ids = select(_note.c.id).where(condition)
        notes = list(
            self._session.execute(
                select(
                    _note,
                    _sale.c.sale_uuid,
                    _sale.c.receipt_number,
                    _shift.c.shift_uuid,
                    _day.c.day_uuid,
                )
                .join(_sale, _sale.c.id == _note.c.sale_id)
                .outerjoin(_shift, _shift.c.id == _note.c.shift_id)
                .outerjoin(_day, _day.c.id == _note.c.business_day_id)
                .where(_note.c.id.in_(ids))
                .order_by(_note.c.issued_at_utc, _note.c.id)
            )
        )
        if not notes:  # the common case on a return's check for a retried credit note id
            return []
        lines, shares, refunds, vat = (
            _grouped(self._session.execute(query), key="credit_note_id")
            for query in _note_children(ids)
        )
        return [
            note_from_rows(
                row,
                lines.get(row.id, []),
                shares.get(row.id, []),
                refunds.get(row.id, []),
                vat.get(row.id, []),
            )
            for row in notes
        ]


def _note_children(ids: Select[Any]) -> list[Select[Any]]:
    """Queries for the lines, shares, refunds and VAT of the credit notes ``ids`` selects."""
    return [
        select(_note_line, _line.c.line_uuid.label("sale_line_uuid"))
        .join(_line, _line.c.id == _note_line.c.sale_line_id)
        .where(_note_line.c.credit_note_id.in_(ids))
        .order_by(_note_line.c.id),
        select(
            _share,
            _note_line.c.credit_note_id,
            _line.c.line_uuid.label("sale_line_uuid"),
            _tender.c.tender_uuid,
        )
        .join(_note_line, _note_line.c.id == _share.c.credit_note_line_id)
        .join(_line, _line.c.id == _note_line.c.sale_line_id)
        .join(_tender, _tender.c.id == _share.c.sale_tender_id)
        .where(_note_line.c.credit_note_id.in_(ids))
        .order_by(_share.c.id),
        select(_refund, _tender.c.tender_uuid)
        .join(_tender, _tender.c.id == _refund.c.sale_tender_id)
        .where(_refund.c.credit_note_id.in_(ids))
        .order_by(_refund.c.id),
        select(_note_vat)
        .where(_note_vat.c.credit_note_id.in_(ids))
        .order_by(_note_vat.c.credit_note_id, _note_vat.c.position),
    ]


def _stamp_keys(cursor: sqlite3.Cursor, stamp: ShiftStamp | None) -> tuple[int | None, int | None]:
    """The row ids of the shift and business day a record is stamped with (None, None: none)."""
    if stamp is None:
        return (None, None)
    row = cursor.execute(
        "SELECT id, business_day_id FROM shift WHERE shift_uuid = ?", (str(stamp.shift_id),)
    ).fetchone()
    if row is None:
        raise KeyError(f"there is no shift {stamp.shift_id}")
    return (int(row[0]), int(row[1]))


def _grouped(rows: Iterable[Row[Any]], key: str = "sale_id") -> dict[int, list[Row[Any]]]:
    groups: dict[int, list[Row[Any]]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups
