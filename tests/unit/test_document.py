"""The document model checks its own arithmetic and the rules of each kind."""

from __future__ import annotations

import dataclasses

import pytest

from receipts.blocks import COPY_MARK, RowBlock, TextBlock, grouped_by_producer, receipt_blocks
from receipts.document import Document, DocumentError, DocumentKind, Tender, TenderKind
from receipts.samples import sample_credit_note, sample_document
from receipts.text_mode import text_lines_preview
from receipts.thai_text import display_columns


def _changed(document: Document, **changes: object) -> Document:
    return dataclasses.replace(document, **changes)  # type: ignore[arg-type]


def test_a_sample_sale_adds_up_and_says_its_amount_in_words() -> None:
    document = sample_document(DocumentKind.TAX_INVOICE, line_count=3, scheme=False)
    assert document.problems() == []
    assert document.amount_in_words.endswith("บาทถ้วน") or "สตางค์" in document.amount_in_words


def test_a_total_that_does_not_add_up_is_refused_naming_it() -> None:
    document = sample_document()
    wrong = dataclasses.replace(document.totals, total_satang=document.totals.total_satang + 1)
    with pytest.raises(DocumentError, match="total"):
        _changed(document, totals=wrong)


def test_tenders_must_cover_the_amount_due() -> None:
    document = sample_document(scheme=False)
    with pytest.raises(DocumentError, match="tenders - change"):
        _changed(document, change_satang=document.change_satang + 100)


def test_scheme_shares_must_add_up_to_the_tender() -> None:
    document = sample_document(scheme=True)
    scheme = document.tenders[0]
    bad = dataclasses.replace(scheme, government_share_satang=scheme.amount_satang)
    with pytest.raises(DocumentError, match="shares"):
        _changed(document, tenders=(bad, *document.tenders[1:]))


def test_a_full_tax_invoice_needs_the_buyer_and_a_credit_note_its_original() -> None:
    document = sample_document(DocumentKind.TAX_INVOICE)
    with pytest.raises(DocumentError, match="buyer"):
        _changed(document, buyer=None)
    with pytest.raises(DocumentError, match="refers_to"):
        _changed(sample_credit_note(), refers_to=None)


def test_an_abbreviated_tax_invoice_needs_the_centres_tax_id() -> None:
    document = sample_document()
    with pytest.raises(DocumentError, match="tax_id"):
        _changed(document, header=dataclasses.replace(document.header, tax_id=""))


def test_lines_are_grouped_by_producer_in_order_of_first_appearance() -> None:
    document = sample_document(line_count=10)
    groups = grouped_by_producer(document.lines)
    producers = [producer for producer, _ in groups]
    assert producers == list(dict.fromkeys(line.producer for line in document.lines))
    assert sum(len(lines) for _, lines in groups) == 10
    headings = [b.text for b in receipt_blocks(document) if isinstance(b, TextBlock)]
    assert all(f"▪ {producer}" in headings for producer in producers)


def test_scheme_tenders_show_the_government_and_buyer_shares() -> None:
    document = sample_document(scheme=True)
    rows = {b.left: b.right for b in receipt_blocks(document) if isinstance(b, RowBlock)}
    scheme = document.tenders[0]
    assert scheme.kind is TenderKind.SCHEME
    assert rows["รัฐบาลจ่าย"] == "150.00"
    assert rows["ลูกค้าจ่าย"] == f"{(scheme.amount_satang - 15000) // 100:,}.00"


def test_a_copy_is_marked_top_and_bottom() -> None:
    blocks = receipt_blocks(sample_document().as_copy())
    marks = [b for b in blocks if isinstance(b, TextBlock) and b.text == COPY_MARK]
    assert len(marks) == 2 and all(mark.inverse for mark in marks)
    assert not any(
        isinstance(b, TextBlock) and b.text == COPY_MARK for b in receipt_blocks(sample_document())
    )


@pytest.mark.parametrize("columns", [32, 48])
def test_text_mode_lines_never_run_past_the_paper(columns: int) -> None:
    for document in (sample_document(line_count=12), sample_credit_note()):
        for line, double in text_lines_preview(receipt_blocks(document), columns=columns):
            assert display_columns(line) <= (columns // 2 if double else columns), line


def test_a_refund_tender_on_a_credit_note_balances_it() -> None:
    note = sample_credit_note()
    assert note.tenders == (Tender(TenderKind.CASH, "คืนเงินสด", note.totals.total_satang),)
    assert note.refers_to is not None and note.refers_to.number == "E01-2569-000123"


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_the_rd_approval_number_is_printed_on_abbreviated_tax_invoices_only(
    kind: DocumentKind,
) -> None:
    document = sample_credit_note() if kind is DocumentKind.CREDIT_NOTE else sample_document(kind)
    header = dataclasses.replace(document.header, pos_id="POS01", approval_number="E0512345")
    texts = [
        b.text
        for b in receipt_blocks(_changed(document, header=header))
        if isinstance(b, TextBlock)
    ]
    approval = [text for text in texts if "E0512345" in text]
    if kind is DocumentKind.ABBREVIATED_TAX_INVOICE:
        assert approval == ["POS ID เลขที่อนุมัติ E0512345"]
    else:
        assert approval == []
    # the till's own name is never labelled as the RD's number
    assert any(text.endswith("เครื่อง POS01") for text in texts)
    assert not any("POS ID" in text for text in texts if text not in approval)
