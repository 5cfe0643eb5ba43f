"""The header a document was issued with: frozen when the document is stored.

A copy (สำเนา) of a tax document reproduces it as it was issued: the centre's
name, address, tax ID, branch, phone, footer, the RD's approval number,
whether the centre was VAT-registered (an abbreviated tax invoice, or a plain
receipt) and the Thai names of the government schemes on its tender lines are
those of the moment of issue, not today's settings (notes:
orders-and-consignment §4).  So the services that store a document store its
:class:`IssuedHeader` in the same transaction, and every reprint, PDF and
export of it reads that one back.

Documents stored before the header was frozen (migration
``0013_issued_header``) carry the header in force when the store was
migrated, marked :attr:`HeaderSource.MIGRATION`: the settings of their own
day were never kept, so that is the nearest record there is.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from pos.printing.domain.printer_settings import ReceiptHeader

if TYPE_CHECKING:  # the settings hold a ReceiptHeader: only the type is needed here
    from pos.settings.domain.shop_settings import Settings


class HeaderSource(enum.StrEnum):
    ISSUED = "issued"  # frozen when the document was stored
    MIGRATION = "migration"  # stored before 0013: the settings when the store was migrated


@dataclass(frozen=True)
class IssuedHeader:
    header: ReceiptHeader
    source: HeaderSource = HeaderSource.ISSUED
    scheme_names: tuple[tuple[str, str], ...] = ()  # (code, Thai name) of each scheme, by code

    @classmethod
    def of(cls, settings: Settings) -> IssuedHeader:
        """What a document issued now prints: the header and the schemes' names in force."""
        names = sorted((scheme.code, scheme.name_th) for scheme in settings.schemes.schemes)
        return cls(settings.receipt_header, scheme_names=tuple(names))

    @property
    def vat_registered(self) -> bool:
        return self.header.vat_registered

    def header_json(self) -> str:
        """Canonical JSON (sorted keys), so that equal headers are stored once."""
        value = {"header": self.header.to_setting(), "scheme_names": dict(self.scheme_names)}
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, source: str) -> IssuedHeader:
        value = json.loads(text)
        names = tuple(sorted((str(k), str(v)) for k, v in value.get("scheme_names", {}).items()))
        return cls(as_issued(value["header"]), HeaderSource(source), names)


def as_issued(value: dict[str, Any]) -> ReceiptHeader:
    """The header as stored, even one today's checks would refuse.

    It was checked when it was saved; a later, stricter rule (or a hand-edited
    setting the migration snapshotted) must not stop a copy of an issued
    document from printing, so a refused header is taken as it is.
    """
    try:
        return ReceiptHeader.from_setting(value)
    except (TypeError, ValueError):
        header = object.__new__(ReceiptHeader)
        for field in fields(ReceiptHeader):
            default = getattr(ReceiptHeader, field.name)
            object.__setattr__(header, field.name, value.get(field.name, default))
        return header
