"""Sales, tax invoices and credit notes on SQLite (:class:`pos.sales_ports.SalesRepository`).

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

from pos.cart import SellerVat
from pos.payment import AllocatedShare
from pos.returns import (
    CreditNote,
    CreditNoteKind,
    CreditNoteLine,
    Refund,
    RefundMethod,
    RefundShare,
    ReturnDraft,
)
from pos.sale import BuyerDetails, Sale, SaleLine, TaxInvoice
from pos.store.database import driver_cursor
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
from pos.store.times import from_utc_text, to_utc_text
from pos.tenders import SettledTender, TenderKind

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


def _insert_sql(table: Table) -> str:
    columns = [column.name for column in table.columns if column.name != "id"]
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"


_INSERT = {table.name: _insert_sql(table) for table in (_sale, _line, _tender, _vat, _allocation)}


class SqlSalesRepository:
    def __init__(self, session: Session):
        self._session = session

    def _cursor(self) -> sqlite3.Cursor:
        return driver_cursor(self._session)

    # --- writing --------------------------------------------------------------------------
    def add_sale(self, sale: Sale) -> None:
        cursor = self._cursor()
        cursor.execute(_INSERT["sale"], _sale_values(sale))
        key = cursor.lastrowid
        cursor.executemany(
            _INSERT["sale_line"], [_line_values(key, i, line) for i, line in enumerate(sale.lines)]
        )
        cursor.executemany(
            _INSERT["sale_tender"], [_tender_values(key, i, t) for i, t in enumerate(sale.tenders)]
        )
        cursor.executemany(
            _INSERT["sale_vat"], [_vat_values(key, i, v) for i, v in enumerate(sale.vat)]
        )
        cursor.executemany(
            _INSERT["sale_allocation"],
            [(key, a.line_index, a.tender_index, a.amount_satang, a.government_share_satang)
             for a in sale.allocation],
        )  # fmt: skip

    def add_tax_invoice(self, invoice: TaxInvoice) -> None:
        cursor = self._cursor()
        sale_key = self._sale_key(cursor, invoice.sale_id)
        buyer = invoice.buyer
        cursor.execute(
            "INSERT INTO tax_invoice (invoice_uuid, sale_id, terminal_id, serial, number,"
            " issued_at_utc, issued_by_user_id, buyer_name, buyer_address, buyer_tax_id,"
            " buyer_branch, replaces_abbreviated, replaces_number, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (str(invoice.invoice_id), sale_key, invoice.terminal_id, invoice.serial,
             invoice.number, to_utc_text(invoice.issued_at), invoice.issued_by_user_id,
             buyer.name, buyer.address, buyer.tax_id, buyer.branch,
             invoice.replaces_abbreviated, invoice.replaces_number, invoice.reason),
        )  # fmt: skip

    def add_credit_note(self, note: CreditNote) -> None:
        cursor = self._cursor()
        sale_key = self._sale_key(cursor, note.sale_id)
        line_keys = dict(
            cursor.execute("SELECT line_uuid, id FROM sale_line WHERE sale_id = ?", (sale_key,))
        )
        tender_keys = dict(
            cursor.execute("SELECT tender_uuid, id FROM sale_tender WHERE sale_id = ?", (sale_key,))
        )
        draft = note.draft
        cursor.execute(
            "INSERT INTO credit_note (credit_note_uuid, sale_id, kind, terminal_id, serial, number,"
            " issued_at_utc, business_date, cashier_id, approved_by_user_id, reason, total_satang,"
            " non_vat_satang, cash_rounding_satang)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (str(note.credit_note_id), sale_key, note.kind.value, note.terminal_id, note.serial,
             note.number, to_utc_text(note.issued_at), note.business_date.isoformat(),
             note.cashier_id, note.approved_by_user_id, note.reason, draft.total_satang,
             draft.non_vat_satang, draft.cash_rounding_satang),
        )  # fmt: skip
        note_key = cursor.lastrowid
        note_line_keys = {}
        for line in draft.lines:
            cursor.execute(
                "INSERT INTO credit_note_line (line_uuid, credit_note_id, sale_line_id,"
                " quantity_milli, amount_satang) VALUES (?, ?, ?, ?, ?)",
                (str(line.line_id), note_key, line_keys[str(line.sale_line_id)],
                 line.quantity_milli, line.amount_satang),
            )  # fmt: skip
            note_line_keys[line.sale_line_id] = cursor.lastrowid
        cursor.executemany(
            "INSERT INTO credit_note_share (credit_note_line_id, sale_tender_id, amount_satang,"
            " government_share_satang) VALUES (?, ?, ?, ?)",
            [(note_line_keys[s.sale_line_id], tender_keys[str(s.tender_id)], s.amount_satang,
              s.government_share_satang) for s in draft.shares],
        )  # fmt: skip
        cursor.executemany(
            "INSERT INTO credit_note_refund (refund_uuid, credit_note_id, sale_tender_id, method,"
            " amount_satang) VALUES (?, ?, ?, ?, ?)",
            [(str(r.refund_id), note_key, tender_keys[str(r.tender_id)], r.method.value,
              r.amount_satang) for r in draft.refunds],
        )  # fmt: skip
        cursor.executemany(
            "INSERT INTO credit_note_vat (credit_note_id, position, seller_name, seller_tax_id,"
            " gross_satang, net_satang, vat_satang) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(note_key, i, v.seller_name, v.seller_tax_id, v.gross_satang, v.net_satang,
              v.vat_satang) for i, v in enumerate(draft.vat)],
        )  # fmt: skip

    @staticmethod
    def _sale_key(cursor: sqlite3.Cursor, sale_id: uuid.UUID) -> int:
        row = cursor.execute("SELECT id FROM sale WHERE sale_uuid = ?", (str(sale_id),)).fetchone()
        if row is None:
            raise KeyError(f"there is no sale {sale_id}")
        return int(row[0])

    # --- reading sales --------------------------------------------------------------------
    def sale_by_id(self, sale_id: uuid.UUID) -> Sale | None:
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
        statement = select(_sale).where(_sale.c.id.in_(ids))
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
            _sale_from_rows(row, {n: c.get(row.id, []) for n, c in children.items()})
            for row in rows
        ]

    def _rows(self, table: Table, ids: Select[Any], order: Any) -> list[Row[Any]]:
        statement = select(table).where(table.c.sale_id.in_(ids)).order_by(table.c.sale_id, order)
        return list(self._session.execute(statement))

    # --- reading credit notes -------------------------------------------------------------
    def credit_note_by_id(self, credit_note_id: uuid.UUID) -> CreditNote | None:
        found = self._notes(_note.c.credit_note_uuid == str(credit_note_id))
        return found[0] if found else None

    def credit_notes_for(self, sale_id: uuid.UUID) -> list[CreditNote]:
        sale_key = select(_sale.c.id).where(_sale.c.sale_uuid == str(sale_id)).scalar_subquery()
        return self._notes(_note.c.sale_id == sale_key)

    def credit_notes_on(self, day: dt.date) -> list[CreditNote]:
        return self._notes(_note.c.business_date == day.isoformat())

    def _notes(self, condition: Any) -> list[CreditNote]:
        ids = select(_note.c.id).where(condition)
        lines = _grouped(self._session.execute(
            select(_note_line, _line.c.line_uuid.label("sale_line_uuid"))
            .join(_line, _line.c.id == _note_line.c.sale_line_id)
            .where(_note_line.c.credit_note_id.in_(ids)).order_by(_note_line.c.id)
        ), key="credit_note_id")  # fmt: skip
        shares = _grouped(self._session.execute(
            select(_share, _note_line.c.credit_note_id, _line.c.line_uuid.label("sale_line_uuid"),
                   _tender.c.tender_uuid)
            .join(_note_line, _note_line.c.id == _share.c.credit_note_line_id)
            .join(_line, _line.c.id == _note_line.c.sale_line_id)
            .join(_tender, _tender.c.id == _share.c.sale_tender_id)
            .where(_note_line.c.credit_note_id.in_(ids)).order_by(_share.c.id)
        ), key="credit_note_id")  # fmt: skip
        refunds = _grouped(self._session.execute(
            select(_refund, _tender.c.tender_uuid)
            .join(_tender, _tender.c.id == _refund.c.sale_tender_id)
            .where(_refund.c.credit_note_id.in_(ids)).order_by(_refund.c.id)
        ), key="credit_note_id")  # fmt: skip
        vat = _grouped(self._session.execute(
            select(_note_vat).where(_note_vat.c.credit_note_id.in_(ids))
            .order_by(_note_vat.c.credit_note_id, _note_vat.c.position)
        ), key="credit_note_id")  # fmt: skip
        notes = self._session.execute(
            select(_note, _sale.c.sale_uuid, _sale.c.receipt_number)
            .join(_sale, _sale.c.id == _note.c.sale_id)
            .where(_note.c.id.in_(ids)).order_by(_note.c.issued_at_utc, _note.c.id)
        )  # fmt: skip
        return [
            _note_from_rows(row, lines.get(row.id, []), shares.get(row.id, []),
                            refunds.get(row.id, []), vat.get(row.id, []))
            for row in notes
        ]  # fmt: skip


def _grouped(rows: Iterable[Row[Any]], key: str = "sale_id") -> dict[int, list[Row[Any]]]:
    groups: dict[int, list[Row[Any]]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


# --- rows to values and back -----------------------------------------------------------------
def _sale_values(sale: Sale) -> tuple[object, ...]:
    return (
        str(sale.sale_id), sale.terminal_id, sale.receipt_serial, sale.receipt_number,
        to_utc_text(sale.sold_at), sale.business_date.isoformat(), sale.cashier_id,
        sale.approved_by_user_id, sale.vat_rate_basis_points, sale.subtotal_satang,
        sale.line_discounts_satang, sale.order_discount_satang, sale.total_satang,
        sale.non_vat_satang, sale.cash_rounding_satang, sale.change_satang,
    )  # fmt: skip


def _line_values(sale_key: int | None, position: int, line: SaleLine) -> tuple[object, ...]:
    return (
        str(line.line_id), sale_key, position, line.sku, line.barcode, line.name_th, line.name_en,
        line.category, line.unit, line.sold_by_weight, line.producer_name, line.producer_tax_id,
        line.vatable, line.quantity_milli, line.unit_price_satang, line.catalogue_price_satang,
        line.label_price_satang, line.gross_satang, line.line_discount_satang,
        line.order_discount_satang, line.total_satang,
    )  # fmt: skip


def _tender_values(
    sale_key: int | None, position: int, tender: SettledTender
) -> tuple[object, ...]:
    return (
        str(tender.tender_id), sale_key, position, tender.kind.value, tender.amount_satang,
        tender.tendered_satang, tender.change_satang, tender.reference, tender.scheme_code,
        tender.scheme_phase, tender.government_share_satang, tender.buyer_share_satang,
    )  # fmt: skip


def _vat_values(sale_key: int | None, position: int, vat: SellerVat) -> tuple[object, ...]:
    return (sale_key, position, vat.seller_name, vat.seller_tax_id, vat.gross_satang,
            vat.net_satang, vat.vat_satang)  # fmt: skip


def _sale_from_rows(row: Row[Any], children: dict[str, list[Row[Any]]]) -> Sale:
    return Sale(
        sale_id=uuid.UUID(row.sale_uuid),
        terminal_id=row.terminal_id,
        receipt_serial=row.receipt_serial,
        receipt_number=row.receipt_number,
        sold_at=from_utc_text(row.sold_at_utc),
        cashier_id=row.cashier_id,
        approved_by_user_id=row.approved_by_user_id,
        vat_rate_basis_points=row.vat_rate_basis_points,
        subtotal_satang=row.subtotal_satang,
        line_discounts_satang=row.line_discounts_satang,
        order_discount_satang=row.order_discount_satang,
        total_satang=row.total_satang,
        non_vat_satang=row.non_vat_satang,
        cash_rounding_satang=row.cash_rounding_satang,
        change_satang=row.change_satang,
        lines=tuple(_line_from_row(line) for line in children["lines"]),
        tenders=tuple(_tender_from_row(tender) for tender in children["tenders"]),
        vat=tuple(_seller_vat(vat) for vat in children["vat"]),
        allocation=tuple(
            AllocatedShare(
                a.line_position, a.tender_position, a.amount_satang, a.government_share_satang
            )
            for a in children["allocation"]
        ),
        tax_invoices=tuple(_invoice_from_row(row.sale_uuid, i) for i in children["invoices"]),
    )


def _line_from_row(row: Row[Any]) -> SaleLine:
    return SaleLine(
        line_id=uuid.UUID(row.line_uuid),
        sku=row.sku,
        barcode=row.barcode,
        name_th=row.name_th,
        name_en=row.name_en,
        category=row.category,
        unit=row.unit,
        sold_by_weight=bool(row.sold_by_weight),
        producer_name=row.producer_name,
        producer_tax_id=row.producer_tax_id,
        vatable=bool(row.vatable),
        quantity_milli=row.quantity_milli,
        unit_price_satang=row.unit_price_satang,
        catalogue_price_satang=row.catalogue_price_satang,
        label_price_satang=row.label_price_satang,
        gross_satang=row.gross_satang,
        line_discount_satang=row.line_discount_satang,
        order_discount_satang=row.order_discount_satang,
        total_satang=row.total_satang,
    )


def _tender_from_row(row: Row[Any]) -> SettledTender:
    return SettledTender(
        kind=TenderKind(row.kind),
        amount_satang=row.amount_satang,
        tendered_satang=row.tendered_satang,
        change_satang=row.change_satang,
        reference=row.reference,
        scheme_code=row.scheme_code,
        scheme_phase=row.scheme_phase,
        government_share_satang=row.government_share_satang,
        buyer_share_satang=row.buyer_share_satang,
        tender_id=uuid.UUID(row.tender_uuid),
    )


def _seller_vat(row: Row[Any]) -> SellerVat:
    return SellerVat(row.seller_name, row.seller_tax_id, row.gross_satang, row.net_satang,
                     row.vat_satang)  # fmt: skip


def _invoice_from_row(sale_uuid: str, row: Row[Any]) -> TaxInvoice:
    return TaxInvoice(
        invoice_id=uuid.UUID(row.invoice_uuid),
        number=row.number,
        terminal_id=row.terminal_id,
        serial=row.serial,
        sale_id=uuid.UUID(sale_uuid),
        issued_at=from_utc_text(row.issued_at_utc),
        issued_by_user_id=row.issued_by_user_id,
        buyer=BuyerDetails(row.buyer_name, row.buyer_address, row.buyer_tax_id, row.buyer_branch),
        replaces_abbreviated=bool(row.replaces_abbreviated),
        replaces_number=row.replaces_number,
        reason=row.reason,
    )


def _note_from_rows(
    row: Row[Any],
    lines: list[Row[Any]],
    shares: list[Row[Any]],
    refunds: list[Row[Any]],
    vat: list[Row[Any]],
) -> CreditNote:
    draft = ReturnDraft(
        lines=tuple(
            CreditNoteLine(uuid.UUID(n.line_uuid), uuid.UUID(n.sale_line_uuid), n.quantity_milli,
                           n.amount_satang)
            for n in lines
        ),
        shares=tuple(
            RefundShare(uuid.UUID(s.sale_line_uuid), uuid.UUID(s.tender_uuid), s.amount_satang,
                        s.government_share_satang)
            for s in shares
        ),
        refunds=tuple(
            Refund(uuid.UUID(r.refund_uuid), uuid.UUID(r.tender_uuid), RefundMethod(r.method),
                   r.amount_satang)
            for r in refunds
        ),
        vat=tuple(_seller_vat(v) for v in vat),
        total_satang=row.total_satang,
        non_vat_satang=row.non_vat_satang,
        cash_rounding_satang=row.cash_rounding_satang,
    )  # fmt: skip
    return CreditNote(
        credit_note_id=uuid.UUID(row.credit_note_uuid),
        number=row.number,
        terminal_id=row.terminal_id,
        serial=row.serial,
        kind=CreditNoteKind(row.kind),
        sale_id=uuid.UUID(row.sale_uuid),
        sale_receipt_number=row.receipt_number,
        issued_at=from_utc_text(row.issued_at_utc),
        cashier_id=row.cashier_id,
        approved_by_user_id=row.approved_by_user_id,
        reason=row.reason,
        draft=draft,
    )
