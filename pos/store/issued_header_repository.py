"""The headers documents were issued with, on SQLite (tables of ``0013_issued_header``).

:class:`pos.store.sales_repository.SqlSalesRepository` freezes and reads them
through these functions, on its own connection: freezing is on the checkout's
commit path, so it is two plain statements (each distinct header is stored
once, then the document points at it), no ORM.
"""

from __future__ import annotations

import sqlite3

from pos.printing.domain.issued_header import IssuedHeader

_ADD_HEADER = (
    "INSERT INTO issued_header (header_json, source) VALUES (?, ?)"
    " ON CONFLICT (header_json, source) DO NOTHING"
)
_POINT = (
    "INSERT INTO document_header (document_kind, number, issued_header_id)"
    " SELECT ?, ?, id FROM issued_header WHERE header_json = ? AND source = ?"
)
_READ = (
    "SELECT h.header_json, h.source FROM document_header d"
    " JOIN issued_header h ON h.id = d.issued_header_id"
    " WHERE d.document_kind = ? AND d.number = ?"
)


def freeze_header(
    cursor: sqlite3.Cursor, document_kind: str, number: str, issued: IssuedHeader
) -> None:
    """Store ``issued`` as what document ``number`` of ``document_kind`` was issued with."""
    text, source = issued.header_json(), issued.source.value
    cursor.execute(_ADD_HEADER, (text, source))
    cursor.execute(_POINT, (document_kind, number, text, source))


def issued_header(cursor: sqlite3.Cursor, document_kind: str, number: str) -> IssuedHeader | None:
    row = cursor.execute(_READ, (document_kind, number)).fetchone()
    return None if row is None else IssuedHeader.from_json(row[0], row[1])
