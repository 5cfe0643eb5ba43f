"""Every sale and credit note of a business day, as JSON or CSV (``otop-pos sales export``).

JSON (one object; money in integer satang, quantities in thousandths, times
ISO 8601 in Thai time)::

    {"format": "otop-pos-sales/1", "date": "2021-07-05",
     "sales": [{"sale_id", "receipt_number", "terminal_id", "receipt_serial", "sold_at",
                "shift_id", "business_day_id",
                "cashier_id", "approved_by_user_id", "vat_rate_basis_points",
                "subtotal_satang", "line_discounts_satang", "order_discount_satang",
                "total_satang", "vat_satang", "non_vat_satang", "cash_rounding_satang",
                "paid_satang", "change_satang",
                "lines": [{"line_id", "position", "sku", "barcode", "name_th", "name_en",
                           "category", "unit", "sold_by_weight", "producer_name",
                           "producer_tax_id", "vatable", "quantity_milli", "unit_price_satang",
                           "catalogue_price_satang", "label_price_satang", "gross_satang",
                           "line_discount_satang", "order_discount_satang", "total_satang"}],
                "tenders": [{"tender_id", "position", "kind", "amount_satang", "tendered_satang",
                             "change_satang", "reference", "scheme_code", "scheme_phase",
                             "government_share_satang", "buyer_share_satang",
                             "buyer_share_expected_on", "government_share_expected_on"}],
                "vat": [{"seller_name", "seller_tax_id", "gross_satang", "net_satang",
                         "vat_satang"}],
                "tax_invoices": [{"invoice_id", "number", "issued_at", "issued_by_user_id",
                                  "buyer": {"name", "address", "tax_id", "branch"},
                                  "replaces_abbreviated", "replaces_number", "reason",
                                  "in_force"}]}],
     "credit_notes": [{"credit_note_id", "number", "kind", "terminal_id", "sale_id",
                       "shift_id", "business_day_id",
                       "sale_receipt_number", "issued_at", "cashier_id", "approved_by_user_id",
                       "reason", "total_satang", "vat_satang", "non_vat_satang",
                       "cash_rounding_satang", "cash_paid_out_satang",
                       "returned_to_government_satang", "refunded_to_customer_satang",
                       "lines": [{"line_id", "sale_line_id", "sku", "name_th",
                                  "quantity_milli", "amount_satang"}],
                       "refunds": [{"refund_id", "tender_id", "method", "amount_satang"}],
                       "vat": [...as for sales...]}],
     "business_days": [{"business_day_id", "terminal_id", "business_date", "opened_at",
                        "closed_at", "z_number"}],
     "shifts": [{"shift_id", "number", "terminal_id", "business_day_id", "opened_at",
                 "opened_by_user_id", "float_satang", "float_count", "closed_at",
                 "counted_by_user_id", "approved_by_user_id", "cash_count",
                 "results": [{"tender", "expected_satang", "counted_satang"}],
                 "cash_movements": [{"movement_id", "kind", "amount_satang", "reason", "at",
                                     "user_id", "approved_by_user_id"}]}],
     "totals": {"sales", "credit_notes", "sales_satang", "vat_satang", "cash_rounding_satang",
                "refunds_satang", "net_satang", "by_tender": {"cash": …},
                "by_scheme": {"khon_la_khrueng": {"government_share_satang",
                                                   "buyer_share_satang"}}}}

CSV: one row per record, the kind of record in the first column (``sale``,
``line``, ``tender``, ``vat``, ``tax_invoice``, ``credit_note``,
``credit_line``, ``refund``, ``credit_vat``), then
:data:`pos.sale.services.day_export_csv.CSV_COLUMNS`; each
record fills the columns that apply to it (``document`` is always its receipt,
tax invoice or credit note number; ``refers_to`` the document or record it
points at; ``paid`` is what the customer paid for a sale and got back for a
credit note, ``government_share`` on a credit note what went back to the
scheme).  Money is in baht with two decimals and no thousands separator,
quantities in units (kg with three decimals).  Shifts and business days
(issue 6) are in the JSON only: ``shift_id``/``business_day_id`` are null for
records stored before shifts existed; counts map a denomination in satang
(as text) to the number of pieces.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, TextIO

from pos.sale.services.day_export_csv import write_csv
from pos.sale.services.day_export_json import (
    business_day_json,
    credit_note_json,
    sale_json,
    shift_json,
    sold_lines_of,
    totals_json,
)
from pos.unit_of_work import UnitOfWork

__all__ = ["FORMAT", "export_day", "write_csv", "write_json"]

FORMAT = "otop-pos-sales/1"


def export_day(uow_factory: Callable[[], UnitOfWork], day: dt.date) -> dict[str, Any]:
    """The day's sales and credit notes as one JSON-able object (see the module docstring)."""
    with uow_factory() as uow:
        sales = uow.sales.sales_on(day)
        notes = uow.sales.credit_notes_on(day)
        schemes = uow.settings.load().schemes
        days = uow.shifts.days_on(day)
        shifts = [(s, uow.shifts.cash_movements(s.shift_id)) for s in uow.shifts.shifts_on(day)]
    return {
        "format": FORMAT,
        "date": day.isoformat(),
        "sales": [sale_json(sale, schemes) for sale in sales],
        "credit_notes": [
            credit_note_json(note, sold_lines_of(uow_factory, note, sales)) for note in notes
        ],
        "business_days": [business_day_json(d) for d in days],
        "shifts": [shift_json(shift, movements) for shift, movements in shifts],
        "totals": totals_json(sales, notes),
    }


def write_json(export: dict[str, Any], stream: TextIO) -> None:
    json.dump(export, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
