"""The numbers and ids the report tables hold, on PostgreSQL (:class:`hq.ports.NumberRepository`).

Asked once per batch for its numbers, before its records go in, so that a
number the terminal used for another record is refused by name (:mod:`hq.reuse`)
rather than found by the unique indexes of ``hq_0004_numbers_per_terminal``
half-way through a COPY — which they still do, as the last word, when two
batches race; ids are asked only for a record that failed alone.  Each question
is one indexed ``= ANY`` lookup.  The last serial of a sequence is the digits that
end its numbers (``POS01-00000042`` → 42; a shift's number is its serial),
read from the same per-terminal indexes.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from hq.kinds import BIGINT_MAX

# scope → (table, the value's column, the holding record's column, per terminal?)
_SCOPES: Mapping[str, tuple[str, str, str, bool]] = {
    "sale": ("sale", "receipt_number", "record_id", True),
    "credit_note": ("credit_note", "number", "record_id", True),
    "tax_invoice": ("tax_invoice", "number", "record_id", True),
    "shift": ("shift", "number", "record_id", True),
    "z_report": ("z_report", "number", "record_id", True),
    "sale_line": ("sale_line", "line_id", "sale_id", False),
    "sale_tender": ("sale_tender", "tender_id", "sale_id", False),
}
_SERIAL = "max(substring({column} FROM '([0-9]+)$')::numeric)"
_LAST_SERIALS = text(
    " UNION ALL ".join(
        f"SELECT '{sequence}', {_SERIAL.format(column=column)} FROM {table}"
        " WHERE terminal_id = :terminal"
        for sequence, table, column in (
            ("receipt", "sale", "receipt_number"),
            ("credit_note", "credit_note", "number"),
            ("tax_invoice", "tax_invoice", "number"),
            ("z_report", "z_report", "number"),
        )
    )
    + " UNION ALL SELECT 'shift', max(number) FROM shift WHERE terminal_id = :terminal"
)


class SqlNumberRepository:
    def __init__(self, session: Session):
        self._session = session

    def taken(
        self, terminal_id: int, wanted: Mapping[str, Sequence[Any]]
    ) -> dict[tuple[str, Any], uuid.UUID]:
        found: dict[tuple[str, Any], uuid.UUID] = {}
        for scope, values in wanted.items():
            if not values:
                continue
            table, column, holder, own = _SCOPES[scope]
            mine = " AND terminal_id = :terminal" if own else ""
            rows = self._session.execute(
                text(f"SELECT {column}, {holder} FROM {table} WHERE {column} = ANY(:values){mine}"),
                {"values": list(set(values)), "terminal": terminal_id},
            )
            found.update({(scope, value): record_id for value, record_id in rows})
        return found

    def last_serials(self, terminal_id: int) -> dict[str, int]:
        rows = self._session.execute(_LAST_SERIALS, {"terminal": terminal_id})
        return {name: min(int(last or 0), BIGINT_MAX) for name, last in rows}
