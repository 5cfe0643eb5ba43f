"""SQLAlchemy models of the headers documents were issued with (migration ``0013_issued_header``).

``issued_header`` holds each distinct header once (the centre's header JSON,
canonical, and where it came from: frozen at issue, or the settings when the
store was migrated); ``document_header`` points every stored document — a
sale's receipt, a full tax invoice, a credit note, by its print-job kind and
printed number — at the header it was issued with.  Both are append-only:
triggers made by the migration refuse UPDATE and DELETE, as for the sales.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pos.store.models import Base

HEADER_SOURCES = "('issued', 'migration')"
DOCUMENT_KINDS = "('sale', 'tax_invoice', 'credit_note')"
HEADER_TABLES = ("issued_header", "document_header")


class IssuedHeaderRow(Base):
    __tablename__ = "issued_header"
    __table_args__ = (
        UniqueConstraint("header_json", "source"),
        CheckConstraint(f"source IN {HEADER_SOURCES}", name="known_source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    header_json: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))


class DocumentHeaderRow(Base):
    __tablename__ = "document_header"
    __table_args__ = (CheckConstraint(f"document_kind IN {DOCUMENT_KINDS}", name="known_kind"),)

    document_kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    issued_header_id: Mapped[int] = mapped_column(ForeignKey("issued_header.id"), index=True)
