"""The in-memory fake of :class:`pos.reports.ports.ReportQueries`.

The report sums in plain Python over the fake's sales, credit notes and
shifts — the figures the SQL adapter computes, for unit tests without I/O.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from pos.catalogue.domain.products import amount_for_quantity
from pos.clock import THAI_TIME
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
from pos.sale.domain.completed_sale import Sale, SaleLine
from pos.sale.domain.credit_notes import CreditNote
from pos.shifts.domain.cash_control import CashMovementKind, ShiftStamp
from pos.staff.domain.users import User
from tests.fakes.sales import FakeSalesData
from tests.fakes.shifts import FakeShiftData


def _in_scope(scope: ReportScope, day: dt.date, stamp: ShiftStamp | None) -> bool:
    if scope.start is not None and scope.end is not None:
        return scope.start <= day <= scope.end
    if stamp is None:
        return False
    if scope.business_day_id is not None:
        return stamp.business_day_id == scope.business_day_id
    return stamp.shift_id == scope.shift_id


def _sum_by(items: Iterable[tuple[Any, ...]], width: int) -> dict[Any, list[int]]:
    """Key → element-wise sums of the rest of each tuple (the first element is the key)."""
    sums: dict[Any, list[int]] = defaultdict(lambda: [0] * width)
    for key, *values in items:
        row = sums[key]
        for index, value in enumerate(values):
            row[index] += value
    return sums


class FakeReportQueries:
    """The report sums over the fake's sales, credit notes and shifts."""

    def __init__(
        self, sales: FakeSalesData, shifts: FakeShiftData, users: Callable[[], list[User]]
    ):
        self._sales_data, self._shifts, self._users = sales, shifts, users

    def _name(self, user_id: int | None) -> str | None:
        return next((u.name for u in self._users() if u.user_id == user_id), None)

    def _sales(self, scope: ReportScope) -> list[Sale]:
        found = [
            s for s in self._sales_data.sales.values() if _in_scope(scope, s.business_date, s.stamp)
        ]
        return sorted(found, key=lambda s: (s.sold_at, s.receipt_number))

    def _notes(self, scope: ReportScope) -> list[CreditNote]:
        notes = self._sales_data.credit_notes.values()
        found = [n for n in notes if _in_scope(scope, n.business_date, n.stamp)]
        return sorted(found, key=lambda n: (n.issued_at, n.number))

    def _lines(self, scope: ReportScope) -> list[tuple[Sale, SaleLine]]:
        return [(sale, line) for sale in self._sales(scope) for line in sale.lines]

    def _returned_lines(self, scope: ReportScope) -> list[tuple[SaleLine, int, int]]:
        """(sold line, amount, quantity) of every credit note line in scope."""
        result = []
        for note in self._notes(scope):
            sale = self._sales_data.sales[note.sale_id]
            for line in note.draft.lines:
                result.append(
                    (sale.line(line.sale_line_id), line.amount_satang, line.quantity_milli)
                )
        return result

    def sales_summary(self, scope: ReportScope) -> SalesSummary:
        sales = self._sales(scope)
        numbers = sorted(s.receipt_number for s in sales)
        return SalesSummary(
            len(sales),
            sum(s.subtotal_satang for s in sales),
            sum(s.line_discounts_satang for s in sales),
            sum(s.order_discount_satang for s in sales),
            sum(s.total_satang for s in sales),
            sum(s.vat_satang for s in sales),
            sum(s.non_vat_satang for s in sales),
            sum(s.cash_rounding_satang for s in sales),
            numbers[0] if numbers else None,
            numbers[-1] if numbers else None,
        )

    def credit_note_summaries(self, scope: ReportScope) -> list[CreditNoteSummary]:
        by_kind: dict[str, list[CreditNote]] = defaultdict(list)
        for note in self._notes(scope):
            by_kind[note.kind.value].append(note)
        return [
            CreditNoteSummary(
                kind,
                len(notes),
                sum(n.total_satang for n in notes),
                sum(n.vat_satang for n in notes),
                sum(n.draft.non_vat_satang for n in notes),
                sum(n.draft.cash_rounding_satang for n in notes),
                min(n.number for n in notes),
                max(n.number for n in notes),
            )
            for kind, notes in sorted(by_kind.items())
        ]

    def tenders(self, scope: ReportScope) -> list[TenderRow]:
        sums = _sum_by(
            (
                (
                    (t.kind.value, t.scheme_code),
                    1,
                    t.amount_satang,
                    t.tendered_satang,
                    t.change_satang,
                    t.government_share_satang,
                    t.buyer_share_satang,
                )
                for sale in self._sales(scope)
                for t in sale.tenders
            ),
            6,
        )
        return [
            TenderRow(kind, code, *values)
            for (kind, code), values in sorted(
                sums.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")
            )
        ]

    def refunds(self, scope: ReportScope) -> list[RefundRow]:
        items = []
        for note in self._notes(scope):
            tenders = {t.tender_id: t for t in self._sales_data.sales[note.sale_id].tenders}
            for refund in note.draft.refunds:
                tender = tenders[refund.tender_id]
                key = (refund.method.value, tender.kind.value, tender.scheme_code)
                items.append((key, 1, refund.amount_satang))
        sums = _sum_by(items, 2)
        return [
            RefundRow(*key, *values)
            for key, values in sorted(
                sums.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")
            )
        ]

    def cash_movement_totals(self, scope: ReportScope) -> tuple[int, int]:
        cash_in = cash_out = 0
        for movement in self._shifts.movements.values():
            shift = self._shifts.shifts[movement.shift_id]
            if _in_scope(scope, shift.business_date, shift.stamp):
                if movement.kind is CashMovementKind.CASH_IN:
                    cash_in += movement.amount_satang
                else:
                    cash_out += movement.amount_satang
        return cash_in, cash_out

    def categories(self, scope: ReportScope, since: dt.date | None = None) -> list[CategoryRow]:
        sums = _sum_by(
            (
                (line.category, 1, line.gross_satang, _discount(line), line.total_satang)
                for _, line in self._lines(scope)
            ),
            4,
        )
        rows = []
        totals = self._since_totals(scope, since, sums)
        for key in sorted(set(sums) | set(totals)):
            lines, gross, discounts, total = sums.get(key, [0, 0, 0, 0])
            rows.append(CategoryRow(key, lines, gross, discounts, total, totals.get(key, 0)))
        return rows

    def _since_totals(
        self, scope: ReportScope, since: dt.date | None, sums: dict[str, list[int]]
    ) -> dict[str, int]:
        """As the store: a date range counts from ``since`` (its start when none) to its end;
        a business day or shift has no dates, so its own total with ``since``, else nothing."""
        if scope.start is None or scope.end is None:
            return {key: values[3] for key, values in sums.items()} if since is not None else {}
        totals: dict[str, int] = {}
        first = since or scope.start
        if first <= scope.end:
            for _, line in self._lines(ReportScope.dates(first, scope.end)):
                totals[line.category] = totals.get(line.category, 0) + line.total_satang
        return totals

    def _returns_by(self, scope: ReportScope, key: Callable[[SaleLine], str]) -> list[KeyedAmount]:
        sums = _sum_by(
            (
                (key(line), amount, quantity, 1)
                for line, amount, quantity in self._returned_lines(scope)
            ),
            3,
        )
        return [KeyedAmount(k, *v) for k, v in sorted(sums.items())]

    def category_returns(self, scope: ReportScope) -> list[KeyedAmount]:
        return self._returns_by(scope, lambda line: line.category)

    def producers(self, scope: ReportScope) -> list[ProducerRow]:
        lines = self._lines(scope)
        tax_ids = {line.producer_name: line.producer_tax_id for _, line in lines}
        sums = _sum_by(
            (
                (
                    line.producer_name,
                    1,
                    line.gross_satang,
                    _discount(line),
                    line.total_satang,
                    line.total_satang if line.vatable else 0,
                )
                for _, line in lines
            ),
            5,
        )
        return [ProducerRow(k, tax_ids[k], *v) for k, v in sorted(sums.items())]

    def producer_returns(self, scope: ReportScope) -> list[KeyedAmount]:
        return self._returns_by(scope, lambda line: line.producer_name)

    def scheme_days(self, scope: ReportScope) -> list[SchemeDayRow]:
        items: list[tuple[Any, ...]] = [
            (
                (s.business_date, t.scheme_code),
                1,
                t.amount_satang,
                t.government_share_satang,
                t.buyer_share_satang,
                0,
                0,
            )
            for s in self._sales(scope)
            for t in s.scheme_tenders
        ]
        for note in self._notes(scope):
            tenders = {t.tender_id: t for t in self._sales_data.sales[note.sale_id].tenders}
            for refund in note.draft.refunds:
                tender = tenders[refund.tender_id]
                if tender.scheme_code and refund.method.value in ("scheme", "scheme_government"):
                    government = refund.method.value == "scheme_government"
                    amount = refund.amount_satang
                    items.append(
                        (
                            (note.business_date, tender.scheme_code),
                            0,
                            0,
                            0,
                            0,
                            amount if government else 0,
                            0 if government else amount,
                        )
                    )
        sums = _sum_by(items, 6)
        return [SchemeDayRow(day, code, *v) for (day, code), v in sorted(sums.items())]

    def hours(self, scope: ReportScope) -> list[HourRow]:
        sums = _sum_by(((_thai_hour(s), 1, s.total_satang) for s in self._sales(scope)), 2)
        return [HourRow(hour, *values) for hour, values in sorted(sums.items())]

    def top_products(self, scope: ReportScope, limit: int) -> list[ProductRow]:
        lines = self._lines(scope)
        first = {line.sku: line for _, line in lines}
        sums = _sum_by(((line.sku, line.quantity_milli, line.total_satang) for _, line in lines), 2)
        sales = {sku: len({s.sale_id for s, line in lines if line.sku == sku}) for sku in sums}
        back = {r.key: r for r in self._returns_by(scope, lambda line: line.sku)}
        ranked = sorted(sums.items(), key=lambda kv: (-kv[1][1], kv[0]))[:limit]
        rolled_up = scope.start is not None  # the store's Z rollup keeps no category or group
        return [
            ProductRow(
                sku,
                first[sku].name_th,
                "" if rolled_up else first[sku].category,
                "" if rolled_up else first[sku].producer_name,
                first[sku].sold_by_weight,
                sales[sku],
                quantity,
                total,
                back[sku].quantity_milli if sku in back else 0,
                back[sku].amount_satang if sku in back else 0,
            )
            for sku, (quantity, total) in ranked
        ]

    def discounts(self, scope: ReportScope) -> list[DiscountRow]:
        rows = []
        for sale in self._sales(scope):
            override = sum(
                amount_for_quantity(line.catalogue_price_satang, line.quantity_milli)
                - line.gross_satang
                for line in sale.lines
                if line.price_overridden
            )
            changed = any(line.price_overridden for line in sale.lines)
            if sale.line_discounts_satang or sale.order_discount_satang or changed:
                rows.append(
                    DiscountRow(
                        sale.receipt_number,
                        sale.sold_at,
                        self._name(sale.cashier_id) or "?",
                        self._name(sale.approved_by_user_id),
                        sale.line_discounts_satang,
                        sale.order_discount_satang,
                        override,
                    )
                )
        return rows

    def credit_notes(self, scope: ReportScope) -> list[CreditNoteListRow]:
        return [
            CreditNoteListRow(
                n.number,
                n.kind.value,
                n.issued_at,
                n.sale_receipt_number,
                n.total_satang,
                n.cash_paid_out_satang,
                n.returned_to_government_satang,
                n.reason,
                self._name(n.cashier_id) or "?",
                self._name(n.approved_by_user_id) or "?",
            )
            for n in self._notes(scope)
        ]


def _thai_hour(sale: Sale) -> int:
    return sale.sold_at.astimezone(THAI_TIME).hour


def _discount(line: SaleLine) -> int:
    return line.line_discount_satang + line.order_discount_satang
