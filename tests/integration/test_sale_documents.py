"""Documents of real stored sales match the sales export figure by figure.

A demo store trades a simulated day through the real checkout (every tender
mix, weighed goods, discounts, cash rounding, returns and voids, full tax
invoices); every sale, credit note and tax invoice then becomes a Document —
whose own arithmetic checks run on construction — and each figure on it is
compared with ``otop-pos sales export`` of the same day.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest

from pos.printing.domain.printer_settings import DOTS_58MM, PrinterSettings, PrintMode
from pos.printing.services.print_jobs import (
    CREDIT_NOTE_DOCUMENT,
    SALE_DOCUMENT,
    TAX_INVOICE_DOCUMENT,
)
from pos.sale.services.day_export import export_day
from receipts.blocks import receipt_blocks
from receipts.document import Document, DocumentKind, TenderKind
from receipts.document_source import SaleDocumentSource
from receipts.escpos_output import document_to_escpos
from receipts.print_worker import DocumentNotFoundError
from tools.sample_store import SampleStore, build_sample_store

TEXT_58 = PrinterSettings(paper_width_dots=DOTS_58MM, mode=PrintMode.TEXT)
_KINDS = {
    "cash": TenderKind.CASH,
    "promptpay": TenderKind.PROMPTPAY,
    "card": TenderKind.CARD,
    "scheme": TenderKind.SCHEME,
}


@pytest.fixture(scope="module", params=[True, False], ids=["vat-registered", "not-registered"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SampleStore]:
    data_dir = tmp_path_factory.mktemp("sales") / "data"
    sample = build_sample_store(data_dir, vat_registered=request.param, sales=150)
    yield sample
    sample.context.close()


@pytest.fixture(scope="module")
def export(store: SampleStore) -> dict[str, Any]:
    return export_day(store.context.uow_factory, store.day)


@pytest.fixture(scope="module")
def source(store: SampleStore) -> SaleDocumentSource:
    return SaleDocumentSource(store.context.reader())


def _vat_registered(store: SampleStore) -> bool:
    return store.context.settings().receipt_header.vat_registered


def test_the_day_has_every_tender_mix_and_the_documents_worth_checking(
    export: dict[str, Any],
) -> None:
    mixes = {tuple(sorted({t["kind"] for t in sale["tenders"]})) for sale in export["sales"]}
    for mix in [
        ("cash",),
        ("promptpay",),
        ("card",),
        ("scheme",),
        ("cash", "promptpay"),
        ("cash", "scheme"),
    ]:
        assert mix in mixes
    sales = export["sales"]
    assert any(sale["cash_rounding_satang"] for sale in sales)
    assert any(sale["change_satang"] for sale in sales)
    assert any(sale["order_discount_satang"] for sale in sales)
    assert any(line["sold_by_weight"] for sale in sales for line in sale["lines"])
    assert any(sale["vat"] and sale["non_vat_satang"] for sale in sales)  # mixed VAT
    notes = export["credit_notes"]
    assert {note["kind"] for note in notes} == {"return", "void"}
    methods = [{refund["method"] for refund in note["refunds"]} for note in notes]
    assert {"cash", "scheme_government"} in methods  # co-pay goods, the buyer's half in cash
    assert {"scheme", "scheme_government"} in methods  # both halves back through the app
    assert {"promptpay"} in methods and {"card"} in methods
    assert any(note["cash_rounding_satang"] for note in notes)
    assert sum(len(sale["tax_invoices"]) for sale in sales) == 3


def _assert_sale_figures(document: Document, sale: dict[str, Any]) -> None:
    totals = document.totals
    assert (
        totals.subtotal_satang,
        totals.line_discounts_satang,
        totals.order_discount_satang,
        totals.total_satang,
        totals.vat_satang,
        totals.non_vat_satang,
        totals.cash_rounding_satang,
        totals.amount_due_satang,
        document.change_satang,
    ) == (
        sale["subtotal_satang"],
        sale["line_discounts_satang"],
        sale["order_discount_satang"],
        sale["total_satang"],
        sale["vat_satang"],
        sale["non_vat_satang"],
        sale["cash_rounding_satang"],
        sale["paid_satang"],
        sale["change_satang"],
    )
    assert totals.vat_rate_basis_points == sale["vat_rate_basis_points"]
    assert [
        (v.seller_name, v.seller_tax_id, v.gross_satang, v.net_satang, v.vat_satang)
        for v in totals.vat_by_seller
    ] == [
        (v["seller_name"], v["seller_tax_id"], v["gross_satang"], v["net_satang"], v["vat_satang"])
        for v in sale["vat"]
    ]
    assert len(document.lines) == len(sale["lines"])
    for line, stored in zip(document.lines, sale["lines"], strict=True):
        assert (
            line.sku,
            line.name_th,
            line.producer,
            line.quantity_milli,
            line.unit_price_satang,
            line.gross_satang,
            line.discount_satang,
            line.vatable,
            line.sold_by_weight,
        ) == (
            stored["sku"],
            stored["name_th"],
            stored["producer_name"],
            stored["quantity_milli"],
            stored["unit_price_satang"],
            stored["gross_satang"],
            stored["line_discount_satang"],
            stored["vatable"],
            stored["sold_by_weight"],
        )
    assert len(document.tenders) == len(sale["tenders"])
    for tender, stored in zip(document.tenders, sale["tenders"], strict=True):
        assert tender.kind is _KINDS[stored["kind"]]
        handed = stored["tendered_satang"] if stored["kind"] == "cash" else stored["amount_satang"]
        assert tender.amount_satang == handed
        assert tender.reference == (stored["reference"] or "")
        if stored["kind"] == "scheme":
            assert (tender.government_share_satang, tender.buyer_share_satang) == (
                stored["government_share_satang"],
                stored["buyer_share_satang"],
            )


def test_every_sale_prints_its_stored_figures(
    store: SampleStore, export: dict[str, Any], source: SaleDocumentSource
) -> None:
    receipt_kind = (
        DocumentKind.ABBREVIATED_TAX_INVOICE if _vat_registered(store) else DocumentKind.RECEIPT
    )
    for sale in export["sales"]:
        document = source.document(SALE_DOCUMENT, sale["receipt_number"])
        issued_at_payment = [
            i
            for i in sale["tax_invoices"]
            if i["number"] and not (i["replaces_abbreviated"] or i["replaces_number"])
        ]
        if issued_at_payment:  # the receipt the counter issued was the full tax invoice
            assert document.number == issued_at_payment[0]["number"]
            assert document.barcode_text == sale["receipt_number"]
        else:
            assert (document.kind, document.number) == (receipt_kind, sale["receipt_number"])
            assert document.barcode_text == sale["receipt_number"]  # what the return screen scans
        _assert_sale_figures(document, sale)
        assert document.issued_at.isoformat() == sale["sold_at"]
        assert document.header.pos_id == sale["terminal_id"]
        data = document_to_escpos(document, TEXT_58)  # every one lays out and encodes
        assert sale["receipt_number"].encode() in data


def test_every_tax_invoice_names_the_buyer_and_what_it_replaces(
    store: SampleStore, export: dict[str, Any], source: SaleDocumentSource
) -> None:
    kind = DocumentKind.TAX_INVOICE if _vat_registered(store) else DocumentKind.RECEIPT
    invoices = [(sale, i) for sale in export["sales"] for i in sale["tax_invoices"]]
    assert invoices
    for sale, invoice in invoices:
        document = source.document(TAX_INVOICE_DOCUMENT, invoice["number"])
        assert (document.kind, document.number) == (kind, invoice["number"])
        assert document.issued_at.isoformat() == invoice["issued_at"]
        buyer = invoice["buyer"]
        assert document.buyer is not None
        assert (document.buyer.name, document.buyer.address, document.buyer.tax_id) == (
            buyer["name"],
            buyer["address"],
            buyer["tax_id"],
        )
        assert document.buyer.branch == ("สำนักงานใหญ่" if buyer["branch"] == "00000" else "")
        _assert_sale_figures(document, sale)
        if invoice["replaces_number"]:
            assert document.refers_to is not None
            assert document.refers_to.number == invoice["replaces_number"]
            assert document.reason == invoice["reason"]
        elif invoice["replaces_abbreviated"]:
            assert document.refers_to is not None
            assert document.refers_to.number == sale["receipt_number"]
        if not invoice["in_force"]:
            assert any("ยกเลิกแล้ว" in note for note in document.notes)


def test_every_credit_note_prints_its_stored_refund(
    export: dict[str, Any], source: SaleDocumentSource
) -> None:
    sales = {sale["sale_id"]: sale for sale in export["sales"]}
    refunded_before: dict[str, int] = {}
    for note in export["credit_notes"]:
        document = source.document(CREDIT_NOTE_DOCUMENT, note["number"])
        totals = document.totals
        assert (document.kind, document.number) == (DocumentKind.CREDIT_NOTE, note["number"])
        assert (
            totals.total_satang,
            totals.vat_satang,
            totals.non_vat_satang,
            totals.cash_rounding_satang,
        ) == (
            note["total_satang"],
            note["vat_satang"],
            note["non_vat_satang"],
            note["cash_rounding_satang"],
        )
        assert [line.amount_satang for line in document.lines] == [
            line["amount_satang"] for line in note["lines"]
        ]
        assert [line.name_th for line in document.lines] == [
            line["name_th"] for line in note["lines"]
        ]
        cash = sum(t.amount_satang for t in document.tenders if t.kind is TenderKind.CASH)
        assert cash == note["cash_paid_out_satang"]
        government = sum(t.government_share_satang or 0 for t in document.tenders)
        assert government == note["returned_to_government_satang"]
        to_customer = sum(t.amount_satang for t in document.tenders) - government
        assert to_customer == note["refunded_to_customer_satang"]
        sale = sales[note["sale_id"]]
        assert document.refers_to is not None
        assert document.refers_to.number in (
            sale["receipt_number"],
            *(i["number"] for i in sale["tax_invoices"]),
        )
        before = refunded_before.get(note["sale_id"], 0)
        assert document.refers_to.total_satang == sale["total_satang"] - before
        refunded_before[note["sale_id"]] = before + note["total_satang"]
        assert document.reason == note["reason"]
        if note["kind"] == "void":
            assert "ยกเลิกการขายทั้งใบ (VOID)" in document.notes
        document_to_escpos(document, TEXT_58)


def test_a_copy_of_a_stored_receipt_says_so(
    export: dict[str, Any], source: SaleDocumentSource
) -> None:
    number = export["sales"][0]["receipt_number"]
    copy = source.document(SALE_DOCUMENT, number).as_copy()
    texts = [getattr(block, "text", "") for block in receipt_blocks(copy)]
    assert texts.count("สำเนา / COPY") == 2  # at the top and beside the barcode
    assert dataclasses.replace(copy, is_copy=False) == source.document(SALE_DOCUMENT, number)


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        (SALE_DOCUMENT, "POS01-09999999"),
        (CREDIT_NOTE_DOCUMENT, "POS01-CN-09999999"),
        (TAX_INVOICE_DOCUMENT, "POS01-TI-09999999"),
        ("z_report", "1"),
    ],
)
def test_an_unknown_document_is_reported_not_invented(
    source: SaleDocumentSource, kind: str, number: str
) -> None:
    with pytest.raises(DocumentNotFoundError, match=r"09999999|z_report"):
        source.document(kind, number)
