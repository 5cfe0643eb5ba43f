"""The counter's report sums over every counter's records, on PostgreSQL.

:class:`HqReportQueries` is a :class:`pos.reports.ports.SalesReportQueries`
over the typed tables (:mod:`hq.store.report_models`): the same ``GROUP BY``
s the counter runs on its own store (:mod:`pos.store.report_queries`), for
one terminal or all of them.  The counter's report code
(:mod:`pos.reports.services.range_reports`) turns them into the same reports, so the head
office's figures for a terminal are the counter's own, satang for satang.
Orderings use the C collation, as SQLite compares text byte by byte.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from hq.ports import ZRow
from pos.ids import TerminalKey
from pos.reports.domain.rows import (
    CategoryRow,
    CreditNoteSummary,
    KeyedAmount,
    ProducerRow,
    RefundRow,
    ReportScope,
    SalesSummary,
    SchemeDayRow,
    TenderRow,
)

_C = 'COLLATE "C"'


class HqReportQueries:
    def __init__(self, session: Session, terminal_id: TerminalKey | None):
        self._session = session
        self._terminal_id = terminal_id

    def _where(self, scope: ReportScope, alias: str) -> tuple[str, dict[str, Any]]:
        if scope.start is not None and scope.end is not None:
            where = f"{alias}.business_date BETWEEN :start AND :end"
            parameters: dict[str, Any] = {"start": scope.start, "end": scope.end}
        elif scope.business_day_id is not None:
            where, parameters = f"{alias}.business_day_id = :day", {"day": scope.business_day_id}
        else:
            where, parameters = f"{alias}.shift_id = :shift", {"shift": scope.shift_id}
        if self._terminal_id is not None:
            where += f" AND {alias}.terminal_id = :terminal"
            parameters["terminal"] = self._terminal_id
        return where, parameters

    def _rows(self, scope: ReportScope, alias: str, sql: str, **extra: Any) -> list[Any]:
        where, parameters = self._where(scope, alias)
        statement = text(sql.format(where=where))
        return list(self._session.execute(statement, {**parameters, **extra}).all())

    # --- totals -------------------------------------------------------------------------
    def sales_summary(self, scope: ReportScope) -> SalesSummary:
        ((count, subtotal, line, order, total, vat, non_vat, rounding, first, last),) = self._rows(
            scope,
            "s",
            f"""
            SELECT count(*), coalesce(sum(s.subtotal_satang), 0),
                   coalesce(sum(s.line_discounts_satang), 0),
                   coalesce(sum(s.order_discount_satang), 0), coalesce(sum(s.total_satang), 0),
                   coalesce(sum(s.vat_satang), 0), coalesce(sum(s.non_vat_satang), 0),
                   coalesce(sum(s.cash_rounding_satang), 0),
                   min(s.receipt_number {_C}), max(s.receipt_number {_C})
            FROM sale s WHERE {{where}}""",
        )
        return SalesSummary(
            count,
            int(subtotal),
            int(line),
            int(order),
            int(total),
            int(vat),
            int(non_vat),
            int(rounding),
            first,
            last,
        )

    def credit_note_summaries(self, scope: ReportScope) -> list[CreditNoteSummary]:
        rows = self._rows(
            scope,
            "n",
            f"""
            SELECT n.kind, count(*), sum(n.total_satang), sum(n.vat_satang), sum(n.non_vat_satang),
                   sum(n.cash_rounding_satang), min(n.number {_C}), max(n.number {_C})
            FROM credit_note n WHERE {{where}} GROUP BY n.kind ORDER BY n.kind {_C}""",
        )
        return [
            CreditNoteSummary(
                kind, count, int(total), int(vat), int(non_vat), int(rounding), first, last
            )
            for kind, count, total, vat, non_vat, rounding, first, last in rows
        ]

    def tenders(self, scope: ReportScope) -> list[TenderRow]:
        rows = self._rows(
            scope,
            "s",
            f"""
            SELECT t.kind, t.scheme_code, count(*), sum(t.amount_satang), sum(t.tendered_satang),
                   sum(t.change_satang), sum(t.government_share_satang),
                   sum(t.buyer_share_satang)
            FROM sale s JOIN sale_tender t ON t.sale_id = s.record_id WHERE {{where}}
            GROUP BY t.kind, t.scheme_code
            ORDER BY t.kind {_C}, t.scheme_code {_C} NULLS FIRST""",
        )
        return [
            TenderRow(kind, code, count, *(int(v) for v in sums))
            for kind, code, count, *sums in rows
        ]

    def refunds(self, scope: ReportScope) -> list[RefundRow]:
        rows = self._rows(
            scope,
            "n",
            f"""
            SELECT r.method, r.tender_kind, r.scheme_code, count(*), sum(r.amount_satang)
            FROM credit_note n JOIN credit_note_refund r ON r.credit_note_id = n.record_id
            WHERE {{where}} GROUP BY r.method, r.tender_kind, r.scheme_code
            ORDER BY r.method {_C}, r.tender_kind {_C},
                     r.scheme_code {_C} NULLS FIRST""",
        )
        return [RefundRow(m, k, c, n, int(a)) for m, k, c, n, a in rows]

    # --- by category and by producer group ----------------------------------------------
    def categories(self, scope: ReportScope, since: dt.date | None = None) -> list[CategoryRow]:
        wider = since is not None and scope.start is not None and since != scope.start
        if not wider:
            rows = self._rows(
                scope,
                "s",
                f"""
                SELECT l.category, count(*), sum(l.gross_satang),
                       sum(l.line_discount_satang + l.order_discount_satang), sum(l.total_satang)
                FROM sale s JOIN sale_line l ON l.sale_id = s.record_id WHERE {{where}}
                GROUP BY l.category ORDER BY l.category {_C}""",
            )
            same = since is not None
            return [
                CategoryRow(c, n, int(g), int(d), int(t), int(t) if same else 0)
                for c, n, g, d, t in rows
            ]
        assert since is not None and scope.start is not None and scope.end is not None
        wide = ReportScope.dates(min(since, scope.start), scope.end)
        rows = self._rows(
            wide,
            "s",
            f"""
            SELECT l.category, count(*) FILTER (WHERE s.business_date >= :from_),
                   coalesce(sum(l.gross_satang) FILTER (WHERE s.business_date >= :from_), 0),
                   coalesce(sum(l.line_discount_satang + l.order_discount_satang)
                            FILTER (WHERE s.business_date >= :from_), 0),
                   coalesce(sum(l.total_satang) FILTER (WHERE s.business_date >= :from_), 0),
                   coalesce(sum(l.total_satang) FILTER (WHERE s.business_date >= :since), 0)
            FROM sale s JOIN sale_line l ON l.sale_id = s.record_id WHERE {{where}}
            GROUP BY l.category ORDER BY l.category {_C}""",
            from_=scope.start,
            since=since,
        )
        return [
            CategoryRow(c, n, int(g), int(d), int(t), int(y)) for c, n, g, d, t, y in rows if n or y
        ]

    def _returns_by(self, scope: ReportScope, key: str) -> list[KeyedAmount]:
        rows = self._rows(
            scope,
            "n",
            f"""
            SELECT cl.{key}, sum(cl.amount_satang), sum(cl.quantity_milli), count(*)
            FROM credit_note n JOIN credit_note_line cl ON cl.credit_note_id = n.record_id
            WHERE {{where}} GROUP BY cl.{key} ORDER BY cl.{key} {_C}""",
        )
        return [KeyedAmount(k, int(a), int(q), n) for k, a, q, n in rows]

    def category_returns(self, scope: ReportScope) -> list[KeyedAmount]:
        return self._returns_by(scope, "category")

    def producers(self, scope: ReportScope) -> list[ProducerRow]:
        rows = self._rows(
            scope,
            "s",
            f"""
            SELECT l.producer_name, max(l.producer_tax_id), count(*), sum(l.gross_satang),
                   sum(l.line_discount_satang + l.order_discount_satang), sum(l.total_satang),
                   coalesce(sum(l.total_satang) FILTER (WHERE l.vatable), 0)
            FROM sale s JOIN sale_line l ON l.sale_id = s.record_id WHERE {{where}}
            GROUP BY l.producer_name ORDER BY l.producer_name {_C}""",
        )
        return [
            ProducerRow(name, tax_id, n, *(int(v) for v in sums)) for name, tax_id, n, *sums in rows
        ]

    def producer_returns(self, scope: ReportScope) -> list[KeyedAmount]:
        return self._returns_by(scope, "producer_name")

    # --- schemes --------------------------------------------------------------------------
    def scheme_days(self, scope: ReportScope) -> list[SchemeDayRow]:
        sold = self._rows(
            scope,
            "s",
            """
            SELECT s.business_date, t.scheme_code, count(*), sum(t.amount_satang),
                   sum(t.government_share_satang), sum(t.buyer_share_satang)
            FROM sale s JOIN sale_tender t ON t.sale_id = s.record_id
            WHERE t.kind = 'scheme' AND {where}
            GROUP BY s.business_date, t.scheme_code""",
        )
        refunded = self._rows(
            scope,
            "n",
            """
            SELECT n.business_date, r.scheme_code,
                   coalesce(sum(r.amount_satang) FILTER (WHERE r.method = 'scheme_government'), 0),
                   coalesce(sum(r.amount_satang) FILTER (WHERE r.method = 'scheme'), 0)
            FROM credit_note n JOIN credit_note_refund r ON r.credit_note_id = n.record_id
            WHERE r.tender_kind = 'scheme' AND r.method IN ('scheme', 'scheme_government')
              AND {where}
            GROUP BY n.business_date, r.scheme_code""",
        )
        rows: dict[tuple[dt.date, str], list[int]] = {}
        for day, code, count, amount, government, buyer in sold:
            rows[(day, code)] = [count, int(amount), int(government), int(buyer), 0, 0]
        for day, code, government, buyer in refunded:
            row = rows.setdefault((day, code), [0, 0, 0, 0, 0, 0])
            row[4], row[5] = int(government), int(buyer)
        return [SchemeDayRow(day, code, *values) for (day, code), values in sorted(rows.items())]

    # --- Z reports --------------------------------------------------------------------------
    def z_reports(self, start: dt.date, end: dt.date) -> list[ZRow]:
        rows = self._rows(
            ReportScope.dates(start, end),
            "z",
            f"""
            SELECT t.name, z.number, z.business_date, z.closed_at, z.closed_by, z.sales_count,
                   z.sales_satang, z.refunds_satang, z.net_satang, z.vat_satang,
                   z.grand_total_satang, z.expected_cash_satang, z.counted_cash_satang,
                   r.received_at
            FROM z_report z JOIN terminal t ON t.id = z.terminal_id
            JOIN sync_record r ON r.record_id = z.record_id WHERE {{where}}
            ORDER BY t.name {_C}, z.number {_C}""",
        )
        return [ZRow(*row) for row in rows]
