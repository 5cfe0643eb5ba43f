"""issued headers: every document keeps the header, tax status and words it was issued with

Revision ID: 0013_issued_header
Revises: 0011_pin_lockout
Create Date: 2026-12-04

A copy must reproduce the document as issued (a receipt from before VAT
registration must not reprint as a tax invoice), so the header is frozen with
each sale, tax invoice and credit note: ``issued_header`` (each distinct
header once, as canonical JSON) and ``document_header`` (print-job kind and
number → header; the JSON is ``{"header": …, "scheme_names": {code: name}}``).
Documents already in the store get one snapshot of the ``receipt_header``
setting and the schemes' names as they are now, marked ``source =
'migration'``: their own day's settings were never kept, and this is the
nearest record (a store that never saved its schemes freezes no names: its
copies name them from the scheme book of the day they are printed).  Written
on a branch beside 0012; the merge re-chains down_revision after it.
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0013_issued_header"
down_revision: str | None = "0011_pin_lockout"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# ReceiptHeader's defaults at this revision: a store that never saved its header prints these
_DEFAULTS: dict[str, Any] = {
    "name": "ศูนย์จำหน่ายสินค้า OTOP จังหวัดศรีสะเกษ",
    "address": "ศาลากลางจังหวัดศรีสะเกษ ถ.หลักเมือง อ.เมือง จ.ศรีสะเกษ 33000",
    "tax_id": "",
    "branch": "สำนักงานใหญ่",
    "phone": "",
    "vat_registered": False,
    "footer": "ขอบคุณที่อุดหนุนสินค้าชุมชน\nมาหน้าร้านเราขาย สั่งออนไลน์เราส่ง",
    "approval_number": "",
}
_DOCUMENTS = (("sale", "sale", "receipt_number"), ("tax_invoice", "tax_invoice", "number"))
_TABLES = ("issued_header", "document_header")


def _setting(connection: sa.Connection, key: str) -> Any:
    row = connection.execute(
        sa.text("SELECT value_json FROM setting WHERE key = :key"), {"key": key}
    ).fetchone()
    try:
        return None if row is None else json.loads(row[0])
    except json.JSONDecodeError:
        return None  # the app also falls back to the default for a value it cannot read


def _header_now(connection: sa.Connection) -> str:
    """The ``receipt_header`` setting over the defaults, and the schemes' names, as JSON."""
    stored = _setting(connection, "receipt_header")
    if not isinstance(stored, dict):
        stored = {}
    header = {
        key: stored[key] if type(stored.get(key)) is type(default) else default
        for key, default in _DEFAULTS.items()
    }
    schemes = _setting(connection, "schemes")
    names = {
        scheme["code"]: scheme["name_th"]
        for scheme in (schemes if isinstance(schemes, list) else [])
        if isinstance(scheme, dict)
        and isinstance(scheme.get("code"), str)
        and isinstance(scheme.get("name_th"), str)
    }
    value = {"header": header, "scheme_names": names}
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _backfill(connection: sa.Connection) -> None:
    documents = connection.execute(
        sa.text("SELECT (SELECT count(*) FROM sale) + (SELECT count(*) FROM credit_note)")
    ).scalar_one()
    if not documents:
        return
    header_id = connection.execute(
        sa.text("INSERT INTO issued_header (header_json, source) VALUES (:h, 'migration')"),
        {"h": _header_now(connection)},
    ).lastrowid
    for kind, table, column in (*_DOCUMENTS, ("credit_note", "credit_note", "number")):
        connection.execute(
            sa.text(
                "INSERT INTO document_header (document_kind, number, issued_header_id)"
                f" SELECT :kind, {column}, :id FROM {table}"
            ),
            {"kind": kind, "id": header_id},
        )


def upgrade() -> None:
    op.create_table(
        "issued_header",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("header_json", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "source IN ('issued', 'migration')", name=op.f("ck_issued_header_known_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_header")),
        sa.UniqueConstraint("header_json", "source", name=op.f("uq_issued_header_header_json")),
    )
    op.create_table(
        "document_header",
        sa.Column("document_kind", sa.String(length=16), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("issued_header_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "document_kind IN ('sale', 'tax_invoice', 'credit_note')",
            name=op.f("ck_document_header_known_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["issued_header_id"],
            ["issued_header.id"],
            name=op.f("fk_document_header_issued_header_id_issued_header"),
        ),
        sa.PrimaryKeyConstraint("document_kind", "number", name=op.f("pk_document_header")),
    )
    op.create_index(
        op.f("ix_document_header_issued_header_id"), "document_header", ["issued_header_id"]
    )
    _backfill(op.get_bind())
    # as issued, for good: the database refuses to change or remove a frozen header
    for table in _TABLES:
        for verb in ("update", "delete"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table} BEGIN"
                f" SELECT RAISE(ABORT, '{table} rows cannot be {verb}d'); END"
            )


def downgrade() -> None:
    for table in _TABLES:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    op.drop_index(op.f("ix_document_header_issued_header_id"), table_name="document_header")
    op.drop_table("document_header")
    op.drop_table("issued_header")
