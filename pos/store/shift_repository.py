"""Shifts, cash movements, business days and Z reports on SQLite (:class:`ShiftRepository`).

Small, indexed reads and writes on the unit of work's own session, inside its
transaction; the migration's triggers and partial unique indexes hold the
rules (one open shift and day per terminal, nothing added to or changed in a
closed one) even if a caller forgets them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

from sqlalchemy import Row, Select, Table, insert, select, text, update
from sqlalchemy.orm import Session

from pos.ids import BusinessDayId, CashMovementId, ShiftId, TerminalId, UserId, ZReportId
from pos.shifts.domain.cash_control import (
    BusinessDay,
    CashCount,
    CashMovement,
    CashMovementKind,
    Shift,
    ShiftClosing,
    ShiftStamp,
    TenderResult,
)
from pos.shifts.domain.day_figures import ZRecord
from pos.store.database import driver_cursor
from pos.store.shift_models import (
    BusinessDayRow,
    CashCountRow,
    CashMovementRow,
    ShiftRow,
    ShiftTenderResultRow,
    ZReportRow,
)
from pos.store.times import from_utc_text, to_utc_text
from pos.sync.domain.stored import DayClosed, ShiftClosed, Stored

_day = cast(Table, BusinessDayRow.__table__)
_shift = cast(Table, ShiftRow.__table__)
_count = cast(Table, CashCountRow.__table__)
_result = cast(Table, ShiftTenderResultRow.__table__)
_movement = cast(Table, CashMovementRow.__table__)
_z = cast(Table, ZReportRow.__table__)


def _utc(moment: dt.datetime | None) -> str | None:
    return None if moment is None else to_utc_text(moment)


def _time(text: str | None) -> dt.datetime | None:
    return None if text is None else from_utc_text(text)


class SqlShiftRepository:
    def __init__(self, session: Session, events: list[Stored]):
        self._session = session
        self._events = events  # the unit of work queues them for the head office on commit

    # --- keys ---------------------------------------------------------------------------
    def _key(self, table: Table, column: str, value: uuid.UUID) -> int:
        found = self._session.execute(
            select(table.c.id).where(table.c[column] == str(value))
        ).scalar_one_or_none()
        if found is None:
            raise KeyError(f"there is no {table.name} {value}")
        return int(found)

    # --- shifts -------------------------------------------------------------------------
    def _shifts(self, condition: Any) -> list[Shift]:
        statement: Select[Any] = (
            select(_shift, _day.c.day_uuid, _day.c.business_date)
            .join(_day, _day.c.id == _shift.c.business_day_id)
            .where(condition)
            .order_by(_shift.c.terminal_id, _shift.c.number)
        )
        rows = list(self._session.execute(statement))
        if not rows:
            return []
        keys = [row.id for row in rows]
        counts: dict[tuple[int, str], dict[int, int]] = {}
        for count in self._session.execute(select(_count).where(_count.c.shift_id.in_(keys))):
            counts.setdefault((count.shift_id, count.stage), {})[count.denomination_satang] = (
                count.quantity
            )
        results: dict[int, list[TenderResult]] = {}
        for result in self._session.execute(
            select(_result).where(_result.c.shift_id.in_(keys)).order_by(_result.c.id)
        ):
            results.setdefault(result.shift_id, []).append(
                TenderResult(result.tender_key, result.expected_satang, result.counted_satang)
            )
        return [_shift_from_row(row, counts, results.get(row.id, [])) for row in rows]

    def open_shift(self, terminal_id: TerminalId) -> Shift | None:
        found = self._shifts(
            (_shift.c.terminal_id == terminal_id) & _shift.c.closed_at_utc.is_(None)
        )
        return found[0] if found else None

    def open_stamp(self, terminal_id: TerminalId) -> ShiftStamp | None:
        # straight to the driver: this runs inside every checkout's transaction
        row = (
            driver_cursor(self._session)
            .execute(
                "SELECT sh.shift_uuid, d.day_uuid, d.business_date FROM shift sh"
                " JOIN business_day d ON d.id = sh.business_day_id"
                " WHERE sh.terminal_id = ? AND sh.closed_at_utc IS NULL",
                (terminal_id,),
            )
            .fetchone()
        )
        if row is None:
            return None
        return ShiftStamp(
            ShiftId(uuid.UUID(row[0])),
            BusinessDayId(uuid.UUID(row[1])),
            dt.date.fromisoformat(row[2]),
        )

    def shift_by_id(self, shift_id: ShiftId) -> Shift | None:
        found = self._shifts(_shift.c.shift_uuid == str(shift_id))
        return found[0] if found else None

    def shifts_of_day(self, business_day_id: BusinessDayId) -> list[Shift]:
        return self._shifts(_day.c.day_uuid == str(business_day_id))

    def shifts_on(self, day: dt.date) -> list[Shift]:
        """Shifts of the business days dated ``day`` (the sales export lists them)."""
        return self._shifts(_day.c.business_date == day.isoformat())

    def add_shift(self, shift: Shift) -> None:
        day_key = self._key(_day, "day_uuid", shift.business_day_id)
        self._session.execute(
            insert(_shift).values(
                shift_uuid=str(shift.shift_id),
                terminal_id=shift.terminal_id,
                number=shift.number,
                business_day_id=day_key,
                opened_at_utc=to_utc_text(shift.opened_at),
                opened_by_user_id=shift.opened_by_user_id,
                float_satang=shift.float_satang,
                closing_note="",
            )
        )
        key = self._key(_shift, "shift_uuid", shift.shift_id)
        if shift.float_count is not None:
            self._add_count(key, "float", shift.float_count)
        if shift.closing is not None:
            self.close_shift(shift.shift_id, shift.closing)

    def _add_count(self, shift_key: int, stage: str, count: CashCount) -> None:
        if count.pieces:
            self._session.execute(
                insert(_count),
                [
                    {
                        "shift_id": shift_key,
                        "stage": stage,
                        "denomination_satang": value,
                        "quantity": quantity,
                    }
                    for value, quantity in count.pieces
                ],
            )

    def close_shift(self, shift_id: ShiftId, closing: ShiftClosing) -> None:
        key = self._key(_shift, "shift_uuid", shift_id)
        self._add_count(key, "close", closing.cash_count)
        self._session.execute(
            insert(_result),
            [
                {
                    "shift_id": key,
                    "tender_key": r.key,
                    "expected_satang": r.expected_satang,
                    "counted_satang": r.counted_satang,
                }
                for r in closing.results
            ],
        )
        changed = self._session.execute(
            update(_shift)
            .where(_shift.c.id == key, _shift.c.closed_at_utc.is_(None))
            .values(
                closed_at_utc=to_utc_text(closing.closed_at),
                counted_by_user_id=closing.counted_by_user_id,
                approved_by_user_id=closing.approved_by_user_id,
                approved_at_utc=_utc(closing.approved_at),
                closing_note=closing.note,
            )
        )
        if changed.rowcount != 1:  # type: ignore[attr-defined]
            raise ValueError(f"shift {shift_id} is already closed")
        closed = self.shift_by_id(shift_id)  # sent to the head office with its count
        assert closed is not None
        self._events.append(ShiftClosed(closed, self.cash_movements(shift_id)))

    def approve_shift(self, shift_id: ShiftId, user_id: UserId, at: dt.datetime) -> None:
        self._session.execute(
            update(_shift)
            .where(_shift.c.shift_uuid == str(shift_id))
            .values(approved_by_user_id=user_id, approved_at_utc=to_utc_text(at))
        )

    # --- cash movements -----------------------------------------------------------------
    def _movements(self, condition: Any) -> list[CashMovement]:
        rows = self._session.execute(
            select(_movement, _shift.c.shift_uuid)
            .join(_shift, _shift.c.id == _movement.c.shift_id)
            .where(condition)
            .order_by(_movement.c.at_utc, _movement.c.id)
        )
        return [
            CashMovement(
                movement_id=CashMovementId(uuid.UUID(row.movement_uuid)),
                shift_id=ShiftId(uuid.UUID(row.shift_uuid)),
                kind=CashMovementKind(row.kind),
                amount_satang=row.amount_satang,
                reason=row.reason,
                at=from_utc_text(row.at_utc),
                user_id=row.user_id,
                approved_by_user_id=row.approved_by_user_id,
            )
            for row in rows
        ]

    def add_cash_movement(self, movement: CashMovement) -> None:
        self._session.execute(
            insert(_movement).values(
                movement_uuid=str(movement.movement_id),
                shift_id=self._key(_shift, "shift_uuid", movement.shift_id),
                kind=movement.kind.value,
                amount_satang=movement.amount_satang,
                reason=movement.reason,
                at_utc=to_utc_text(movement.at),
                user_id=movement.user_id,
                approved_by_user_id=movement.approved_by_user_id,
            )
        )

    def cash_movement_by_id(self, movement_id: CashMovementId) -> CashMovement | None:
        found = self._movements(_movement.c.movement_uuid == str(movement_id))
        return found[0] if found else None

    def cash_movements(self, shift_id: ShiftId) -> list[CashMovement]:
        return self._movements(_shift.c.shift_uuid == str(shift_id))

    # --- business days and Z reports ----------------------------------------------------
    def _days(self, condition: Any) -> list[BusinessDay]:
        rows = self._session.execute(
            select(_day, _z.c.number)
            .outerjoin(_z, _z.c.business_day_id == _day.c.id)
            .where(condition)
            .order_by(_day.c.opened_at_utc, _day.c.id)
        )
        return [
            BusinessDay(
                day_id=BusinessDayId(uuid.UUID(row.day_uuid)),
                terminal_id=row.terminal_id,
                business_date=dt.date.fromisoformat(row.business_date),
                opened_at=from_utc_text(row.opened_at_utc),
                closed_at=_time(row.closed_at_utc),
                z_number=row.number,
            )
            for row in rows
        ]

    def open_day(self, terminal_id: TerminalId) -> BusinessDay | None:
        found = self._days((_day.c.terminal_id == terminal_id) & _day.c.closed_at_utc.is_(None))
        return found[0] if found else None

    def day_by_id(self, business_day_id: BusinessDayId) -> BusinessDay | None:
        found = self._days(_day.c.day_uuid == str(business_day_id))
        return found[0] if found else None

    def days_on(self, day: dt.date) -> list[BusinessDay]:
        return self._days(_day.c.business_date == day.isoformat())

    def add_day(self, day: BusinessDay) -> None:
        self._session.execute(
            insert(_day).values(
                day_uuid=str(day.day_id),
                terminal_id=day.terminal_id,
                business_date=day.business_date.isoformat(),
                opened_at_utc=to_utc_text(day.opened_at),
                closed_at_utc=_utc(day.closed_at),
            )
        )

    def close_day(self, report: ZRecord) -> None:
        day_key = self._key(_day, "day_uuid", report.business_day_id)
        self._session.execute(
            insert(_z).values(
                z_uuid=str(report.z_id),
                terminal_id=report.terminal_id,
                serial=report.serial,
                number=report.number,
                business_day_id=day_key,
                closed_at_utc=to_utc_text(report.closed_at),
                closed_by_user_id=report.closed_by_user_id,
                sales_count=report.sales_count,
                net_satang=report.net_satang,
                grand_total_satang=report.grand_total_satang,
                figures_json=report.figures_json,
            )
        )
        changed = self._session.execute(
            update(_day)
            .where(_day.c.id == day_key, _day.c.closed_at_utc.is_(None))
            .values(closed_at_utc=to_utc_text(report.closed_at))
        )
        if changed.rowcount != 1:  # type: ignore[attr-defined]
            raise ValueError(f"business day {report.business_day_id} is already closed")
        self._session.execute(
            text(_ROLL_UP_DAY), {"day": day_key, "date": report.business_date.isoformat()}
        )
        self._events.append(DayClosed(report))  # for the head office

    def _z_reports(self, condition: Any) -> list[ZRecord]:
        rows = self._session.execute(
            select(_z, _day.c.day_uuid, _day.c.business_date)
            .join(_day, _day.c.id == _z.c.business_day_id)
            .where(condition)
            .order_by(_z.c.terminal_id, _z.c.serial)
        )
        return [_z_from_row(row) for row in rows]

    def z_report_by_id(self, z_id: ZReportId) -> ZRecord | None:
        found = self._z_reports(_z.c.z_uuid == str(z_id))
        return found[0] if found else None

    def z_report_by_number(self, number: str) -> ZRecord | None:
        found = self._z_reports(_z.c.number == number)
        return found[0] if found else None

    def last_z_report(self, terminal_id: TerminalId) -> ZRecord | None:
        newest = select(_z.c.id).where(_z.c.terminal_id == terminal_id)
        found = self._z_reports(
            _z.c.id == newest.order_by(_z.c.serial.desc()).limit(1).scalar_subquery()
        )
        return found[0] if found else None

    def z_reports_between(self, start: dt.date, end: dt.date) -> list[ZRecord]:
        return self._z_reports(_day.c.business_date.between(start.isoformat(), end.isoformat()))


# A closed day's sales and returns per category, producer group and SKU (DayItemTotalRow).
_ROLL_UP_DAY = """
INSERT INTO day_item_total (business_day_id, category, producer_name, sku, business_date, name_th,
    producer_tax_id, sold_by_weight, lines, sales, quantity_milli, gross_satang, discounts_satang,
    total_satang, vatable_satang, returned_lines, returned_quantity_milli, returned_satang)
SELECT :day, category, producer_name, sku, :date, max(name_th), max(tax_id), max(weighed),
       sum(lines), sum(sales), sum(quantity), sum(gross), sum(discounts), sum(total), sum(vatable),
       sum(back_lines), sum(back_quantity), sum(back)
FROM (
    SELECT l.category, l.producer_name, l.sku, max(l.name_th) AS name_th,
           max(l.producer_tax_id) AS tax_id, max(l.sold_by_weight) AS weighed, count(*) AS lines,
           count(DISTINCT l.sale_id) AS sales, sum(l.quantity_milli) AS quantity,
           sum(l.gross_satang) AS gross,
           sum(l.line_discount_satang + l.order_discount_satang) AS discounts,
           sum(l.total_satang) AS total,
           sum(CASE WHEN l.vatable THEN l.total_satang ELSE 0 END) AS vatable,
           0 AS back_lines, 0 AS back_quantity, 0 AS back
    FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE s.business_day_id = :day
    GROUP BY l.category, l.producer_name, l.sku
    UNION ALL
    SELECT l.category, l.producer_name, l.sku, max(l.name_th), max(l.producer_tax_id),
           max(l.sold_by_weight), 0, 0, 0, 0, 0, 0, 0, count(*), sum(cl.quantity_milli),
           sum(cl.amount_satang)
    FROM credit_note n JOIN credit_note_line cl ON cl.credit_note_id = n.id
    JOIN sale_line l ON l.id = cl.sale_line_id WHERE n.business_day_id = :day
    GROUP BY l.category, l.producer_name, l.sku
)
GROUP BY category, producer_name, sku"""


def _shift_from_row(
    row: Row[Any], counts: dict[tuple[int, str], dict[int, int]], results: list[TenderResult]
) -> Shift:
    float_count = counts.get((row.id, "float"))
    closing = None
    if row.closed_at_utc is not None:
        closing = ShiftClosing(
            closed_at=from_utc_text(row.closed_at_utc),
            counted_by_user_id=row.counted_by_user_id,
            cash_count=CashCount.of(counts.get((row.id, "close"), {})),
            results=tuple(results),
            approved_by_user_id=row.approved_by_user_id,
            approved_at=_time(row.approved_at_utc),
            note=row.closing_note,
        )
    return Shift(
        shift_id=ShiftId(uuid.UUID(row.shift_uuid)),
        terminal_id=row.terminal_id,
        number=row.number,
        business_day_id=BusinessDayId(uuid.UUID(row.day_uuid)),
        business_date=dt.date.fromisoformat(row.business_date),
        opened_at=from_utc_text(row.opened_at_utc),
        opened_by_user_id=row.opened_by_user_id,
        float_satang=row.float_satang,
        float_count=CashCount.of(float_count) if float_count is not None else None,
        closing=closing,
    )


def _z_from_row(row: Row[Any]) -> ZRecord:
    return ZRecord(
        z_id=ZReportId(uuid.UUID(row.z_uuid)),
        number=row.number,
        serial=row.serial,
        terminal_id=row.terminal_id,
        business_day_id=BusinessDayId(uuid.UUID(row.day_uuid)),
        business_date=dt.date.fromisoformat(row.business_date),
        closed_at=from_utc_text(row.closed_at_utc),
        closed_by_user_id=row.closed_by_user_id,
        sales_count=row.sales_count,
        net_satang=row.net_satang,
        grand_total_satang=row.grand_total_satang,
        figures_json=row.figures_json,
    )
