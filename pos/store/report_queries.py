"""Report sums in SQL (:class:`pos.reports.ports.ReportQueries` on SQLite).

Every figure is an aggregation SQLite computes (``GROUP BY`` over the
indexed ``business_date``, ``business_day_id`` or ``shift_id`` of sales and
credit notes); Python only receives one row per group.  The statements go
straight to the sqlite3 cursor of the unit of work's connection, inside its
(read) transaction, so one report sees one consistent state of the store.
A sale is in scope by its own business date, day or shift; a credit note by
where it was issued.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from sqlalchemy.orm import Session

from pos.reports.domain.rows import (
    CategoryRow,
    CreditNoteListRow,
    CreditNoteSummary,
    DiscountRow,
    HourRow,
    KeyedAmount,
    ProducerRow,
    ProductRow,
    RefundRow,
    ReportScope,
    SalesSummary,
    SchemeDayRow,
    TenderRow,
)
from pos.store.database import driver_cursor
from pos.store.item_sums import ItemSums, item_sums
from pos.store.times import from_utc_text

_THAI_HOUR = "(CAST(substr(s.sold_at_utc, 12, 2) AS INTEGER) + 7) % 24"
# what the catalogue price would have charged for a line (half up), less what was charged
_OVERRIDE = "(l.catalogue_price_satang * l.quantity_milli + 500) / 1000 - l.gross_satang"


def scope_filter(scope: ReportScope, alias: str) -> tuple[str, list[Any]]:
    """A WHERE condition selecting the sales (``s``) or credit notes (``n``) of the scope."""
    if scope.start is not None and scope.end is not None:
        return (
            f"{alias}.business_date BETWEEN ? AND ?",
            [scope.start.isoformat(), scope.end.isoformat()],
        )
    if scope.business_day_id is not None:
        return (
            f"{alias}.business_day_id = (SELECT id FROM business_day WHERE day_uuid = ?)",
            [str(scope.business_day_id)],
        )
    return (
        f"{alias}.shift_id = (SELECT id FROM shift WHERE shift_uuid = ?)",
        [str(scope.shift_id)],
    )


class SqlReportQueries:
    def __init__(self, session: Session):
        self._session = session
        # sums per key of a date range, reused within the unit of work (one transaction)
        self._item_cache: dict[tuple[str, dt.date, dt.date], tuple[dt.date | None, list[ItemSums]]]
        self._item_cache = {}

    def _run(self, sql: str, parameters: list[Any]) -> list[tuple[Any, ...]]:
        cursor: sqlite3.Cursor = driver_cursor(self._session)
        return cursor.execute(sql, parameters).fetchall()

    def _sales(self, scope: ReportScope, sql: str, extra: list[Any] | None = None) -> list[Any]:
        where, parameters = scope_filter(scope, "s")
        return self._run(sql.format(where=where), [*(extra or []), *parameters])

    def _notes(self, scope: ReportScope, sql: str, extra: list[Any] | None = None) -> list[Any]:
        where, parameters = scope_filter(scope, "n")
        return self._run(sql.format(where=where), [*(extra or []), *parameters])

    # --- totals -------------------------------------------------------------------------
    def sales_summary(self, scope: ReportScope) -> SalesSummary:
        (row,) = self._sales(
            scope,
            """
            SELECT count(*), coalesce(sum(s.subtotal_satang), 0),
                   coalesce(sum(s.line_discounts_satang), 0),
                   coalesce(sum(s.order_discount_satang), 0), coalesce(sum(s.total_satang), 0),
                   coalesce(sum(s.non_vat_satang), 0), coalesce(sum(s.cash_rounding_satang), 0),
                   min(s.receipt_number), max(s.receipt_number)
            FROM sale s WHERE {where}""",
        )
        (vat,) = self._sales(
            scope,
            """
            SELECT coalesce(sum(v.vat_satang), 0) FROM sale s
            JOIN sale_vat v ON v.sale_id = s.id WHERE {where}""",
        )[0]
        count, subtotal, line, order, total, non_vat, rounding, first, last = row
        return SalesSummary(
            count, subtotal, line, order, total, vat, non_vat, rounding, first, last
        )

    def credit_note_summaries(self, scope: ReportScope) -> list[CreditNoteSummary]:
        vat = dict(
            self._notes(
                scope,
                """
            SELECT n.kind, coalesce(sum(v.vat_satang), 0) FROM credit_note n
            JOIN credit_note_vat v ON v.credit_note_id = n.id WHERE {where} GROUP BY n.kind""",
            )
        )
        rows = self._notes(
            scope,
            """
            SELECT n.kind, count(*), sum(n.total_satang), sum(n.non_vat_satang),
                   sum(n.cash_rounding_satang), min(n.number), max(n.number)
            FROM credit_note n WHERE {where} GROUP BY n.kind ORDER BY n.kind""",
        )
        return [
            CreditNoteSummary(kind, count, total, vat.get(kind, 0), non_vat, rounding, first, last)
            for kind, count, total, non_vat, rounding, first, last in rows
        ]

    def tenders(self, scope: ReportScope) -> list[TenderRow]:
        rows = self._sales(
            scope,
            """
            SELECT t.kind, t.scheme_code, count(*), sum(t.amount_satang), sum(t.tendered_satang),
                   sum(t.change_satang), sum(t.government_share_satang),
                   sum(t.buyer_share_satang)
            FROM sale s JOIN sale_tender t ON t.sale_id = s.id WHERE {where}
            GROUP BY t.kind, t.scheme_code ORDER BY t.kind, t.scheme_code""",
        )
        return [TenderRow(*row) for row in rows]

    def refunds(self, scope: ReportScope) -> list[RefundRow]:
        rows = self._notes(
            scope,
            """
            SELECT r.method, t.kind, t.scheme_code, count(*), sum(r.amount_satang)
            FROM credit_note n JOIN credit_note_refund r ON r.credit_note_id = n.id
            JOIN sale_tender t ON t.id = r.sale_tender_id WHERE {where}
            GROUP BY r.method, t.kind, t.scheme_code
            ORDER BY r.method, t.kind, t.scheme_code""",
        )
        return [RefundRow(*row) for row in rows]

    def cash_movement_totals(self, scope: ReportScope) -> tuple[int, int]:
        if scope.shift_id is not None:
            where, parameters = "sh.shift_uuid = ?", [str(scope.shift_id)]
        elif scope.business_day_id is not None:
            where, parameters = "d.day_uuid = ?", [str(scope.business_day_id)]
        else:
            assert scope.start is not None and scope.end is not None
            where = "d.business_date BETWEEN ? AND ?"
            parameters = [scope.start.isoformat(), scope.end.isoformat()]
        ((cash_in, cash_out),) = self._run(
            f"""
            SELECT coalesce(sum(CASE m.kind WHEN 'in' THEN m.amount_satang END), 0),
                   coalesce(sum(CASE m.kind WHEN 'out' THEN m.amount_satang END), 0)
            FROM cash_movement m JOIN shift sh ON sh.id = m.shift_id
            JOIN business_day d ON d.id = sh.business_day_id WHERE {where}""",
            parameters,
        )
        return int(cash_in), int(cash_out)

    # --- by category and by producer group ----------------------------------------------
    def _items(self, scope: ReportScope, key: str, since: dt.date | None = None) -> list[ItemSums]:
        assert scope.start is not None and scope.end is not None
        return list(
            item_sums(driver_cursor(self._session), key, scope.start, scope.end, since).values()
        )

    def categories(self, scope: ReportScope, since: dt.date | None = None) -> list[CategoryRow]:
        if scope.start is not None:  # closed days from the Z rollup, open days from the lines
            return [
                CategoryRow(
                    i.key,
                    i.lines,
                    i.gross_satang,
                    i.discounts_satang,
                    i.total_satang,
                    i.since_total_satang,
                )
                for i in self._items(scope, "category", since)
                if i.lines or i.since_total_satang
            ]
        return self._line_categories(scope, since)

    def _line_categories(self, scope: ReportScope, since: dt.date | None) -> list[CategoryRow]:
        wider = since is not None and scope.start is not None and since != scope.start
        if not wider:
            rows = self._sales(
                scope,
                """
                SELECT l.category, count(*), sum(l.gross_satang),
                       sum(l.line_discount_satang + l.order_discount_satang), sum(l.total_satang)
                FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE {where}
                GROUP BY l.category ORDER BY l.category""",
            )
            same = since is not None
            return [CategoryRow(c, n, g, d, t, t if same else 0) for c, n, g, d, t in rows]
        assert since is not None and scope.start is not None and scope.end is not None
        wide = ReportScope.dates(min(since, scope.start), scope.end)
        start, since_text = scope.start.isoformat(), since.isoformat()
        rows = self._sales(
            wide,
            """
            SELECT l.category, count(CASE WHEN s.business_date >= ? THEN 1 END),
                   coalesce(sum(CASE WHEN s.business_date >= ? THEN l.gross_satang END), 0),
                   coalesce(sum(CASE WHEN s.business_date >= ?
                            THEN l.line_discount_satang + l.order_discount_satang END), 0),
                   coalesce(sum(CASE WHEN s.business_date >= ? THEN l.total_satang END), 0),
                   coalesce(sum(CASE WHEN s.business_date >= ? THEN l.total_satang END), 0)
            FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE {where}
            GROUP BY l.category ORDER BY l.category""",
            [start] * 4 + [since_text],
        )
        return [CategoryRow(*row) for row in rows if row[1] or row[5]]

    def category_returns(self, scope: ReportScope) -> list[KeyedAmount]:
        return self._returns_by(scope, "l.category")

    def _returns_by(self, scope: ReportScope, key: str) -> list[KeyedAmount]:
        if scope.start is not None:
            return [
                KeyedAmount(i.key, i.returned_satang, i.returned_quantity_milli, i.returned_lines)
                for i in self._items(scope, key.removeprefix("l."))
                if i.returned_lines
            ]
        rows = self._notes(
            scope,
            f"""
            SELECT {key}, sum(cl.amount_satang), sum(cl.quantity_milli), count(*)
            FROM credit_note n JOIN credit_note_line cl ON cl.credit_note_id = n.id
            JOIN sale_line l ON l.id = cl.sale_line_id WHERE {{where}}
            GROUP BY {key} ORDER BY {key}""",
        )
        return [KeyedAmount(*row) for row in rows]

    def producers(self, scope: ReportScope) -> list[ProducerRow]:
        if scope.start is not None:
            return [
                ProducerRow(
                    i.key,
                    i.producer_tax_id,
                    i.lines,
                    i.gross_satang,
                    i.discounts_satang,
                    i.total_satang,
                    i.vatable_satang,
                )
                for i in self._items(scope, "producer_name")
                if i.lines
            ]
        rows = self._sales(
            scope,
            """
            SELECT l.producer_name, max(l.producer_tax_id), count(*), sum(l.gross_satang),
                   sum(l.line_discount_satang + l.order_discount_satang), sum(l.total_satang),
                   sum(CASE WHEN l.vatable THEN l.total_satang ELSE 0 END)
            FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE {where}
            GROUP BY l.producer_name ORDER BY l.producer_name""",
        )
        return [ProducerRow(*row) for row in rows]

    def producer_returns(self, scope: ReportScope) -> list[KeyedAmount]:
        return self._returns_by(scope, "l.producer_name")

    # --- schemes, hours, products -------------------------------------------------------
    def scheme_days(self, scope: ReportScope) -> list[SchemeDayRow]:
        sold = self._sales(
            scope,
            """
            SELECT s.business_date, t.scheme_code, count(*), sum(t.amount_satang),
                   sum(t.government_share_satang), sum(t.buyer_share_satang)
            FROM sale s JOIN sale_tender t ON t.sale_id = s.id
            WHERE t.kind = 'scheme' AND {where}
            GROUP BY s.business_date, t.scheme_code""",
        )
        refunded = self._notes(
            scope,
            """
            SELECT n.business_date, t.scheme_code,
                   coalesce(sum(CASE r.method WHEN 'scheme_government'
                                THEN r.amount_satang END), 0),
                   coalesce(sum(CASE r.method WHEN 'scheme' THEN r.amount_satang END), 0)
            FROM credit_note n JOIN credit_note_refund r ON r.credit_note_id = n.id
            JOIN sale_tender t ON t.id = r.sale_tender_id
            WHERE t.kind = 'scheme' AND r.method IN ('scheme', 'scheme_government') AND {where}
            GROUP BY n.business_date, t.scheme_code""",
        )
        rows: dict[tuple[str, str], list[int]] = {}
        for day, code, count, amount, government, buyer in sold:
            rows[(day, code)] = [count, amount, government, buyer, 0, 0]
        for day, code, government, buyer in refunded:
            row = rows.setdefault((day, code), [0, 0, 0, 0, 0, 0])
            row[4], row[5] = government, buyer
        return [
            SchemeDayRow(dt.date.fromisoformat(day), code, *values)
            for (day, code), values in sorted(rows.items())
        ]

    def hours(self, scope: ReportScope) -> list[HourRow]:
        rows = self._sales(
            scope,
            f"""
            SELECT {_THAI_HOUR} AS hour, count(*), sum(s.total_satang) FROM sale s
            WHERE {{where}} GROUP BY hour ORDER BY hour""",
        )
        return [HourRow(*row) for row in rows]

    def top_products(self, scope: ReportScope, limit: int) -> list[ProductRow]:
        if scope.start is not None:
            items = [i for i in self._items(scope, "sku") if i.lines]
            items.sort(key=lambda i: (-i.total_satang, i.key))
            return [
                ProductRow(
                    i.key,
                    i.name_th,
                    "",
                    "",
                    i.sold_by_weight,
                    i.sales,
                    i.quantity_milli,
                    i.total_satang,
                    i.returned_quantity_milli,
                    i.returned_satang,
                )
                for i in items[:limit]
            ]
        where, parameters = scope_filter(scope, "s")
        rows = self._run(
            f"""
            SELECT l.sku, max(l.name_th), max(l.category), max(l.producer_name),
                   max(l.sold_by_weight), count(DISTINCT l.sale_id), sum(l.quantity_milli),
                   sum(l.total_satang)
            FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE {where}
            GROUP BY l.sku ORDER BY sum(l.total_satang) DESC, l.sku LIMIT ?""",
            [*parameters, limit],
        )
        returned = {r.key: r for r in self._returns_by(scope, "l.sku")}
        result = []
        for sku, name, category, producer, weighed, sales, quantity, total in rows:
            back = returned.get(sku)
            result.append(
                ProductRow(
                    sku,
                    name,
                    category,
                    producer,
                    bool(weighed),
                    sales,
                    quantity,
                    total,
                    back.quantity_milli if back else 0,
                    back.amount_satang if back else 0,
                )
            )
        return result

    # --- who approved what ----------------------------------------------------------------
    def discounts(self, scope: ReportScope) -> list[DiscountRow]:
        rows = self._sales(
            scope,
            f"""
            SELECT s.receipt_number, s.sold_at_utc, cu.name, au.name, s.line_discounts_satang,
                   s.order_discount_satang,
                   (SELECT coalesce(sum({_OVERRIDE}), 0) FROM sale_line l
                    WHERE l.sale_id = s.id AND l.unit_price_satang <> l.catalogue_price_satang)
            FROM sale s JOIN app_user cu ON cu.id = s.cashier_id
            LEFT JOIN app_user au ON au.id = s.approved_by_user_id
            WHERE {{where}} AND (s.line_discounts_satang > 0 OR s.order_discount_satang > 0
                  OR s.id IN (SELECT sale_id FROM sale_line
                              WHERE unit_price_satang <> catalogue_price_satang))
            ORDER BY s.sold_at_utc, s.id""",
        )
        return [
            DiscountRow(number, from_utc_text(at), cashier, approver, line, order, override)
            for number, at, cashier, approver, line, order, override in rows
        ]

    def credit_notes(self, scope: ReportScope) -> list[CreditNoteListRow]:
        rows = self._notes(
            scope,
            """
            SELECT n.number, n.kind, n.issued_at_utc, s.receipt_number, n.total_satang,
                   (SELECT coalesce(sum(amount_satang), 0) FROM credit_note_refund
                    WHERE credit_note_id = n.id AND method = 'cash'),
                   n.cash_rounding_satang,
                   (SELECT coalesce(sum(amount_satang), 0) FROM credit_note_refund
                    WHERE credit_note_id = n.id AND method = 'scheme_government'),
                   n.reason, cu.name, au.name
            FROM credit_note n JOIN sale s ON s.id = n.sale_id
            JOIN app_user cu ON cu.id = n.cashier_id
            JOIN app_user au ON au.id = n.approved_by_user_id
            WHERE {where} ORDER BY n.issued_at_utc, n.id""",
        )
        result = []
        for number, kind, at, receipt, total, cash, rounding, *rest in rows:
            government, reason, cashier, approver = rest
            paid_out = cash + rounding if cash else 0
            result.append(
                CreditNoteListRow(
                    number,
                    kind,
                    from_utc_text(at),
                    receipt,
                    total,
                    paid_out,
                    government,
                    reason,
                    cashier,
                    approver,
                )
            )
        return result
