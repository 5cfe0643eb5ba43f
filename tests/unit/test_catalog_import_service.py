"""The import service on the in-memory fakes: all or nothing, codes assigned, round trip."""

from __future__ import annotations

import io

import pytest

from pos.catalogue.domain.barcodes import BarcodeRules, canonical_gtin, plu_of
from pos.catalogue.domain.csv_format import COLUMNS
from pos.catalogue.services.csv_import import CatalogImportError, export_catalog, import_catalog
from tests.fakes.unit_of_work import FakeUnitOfWork

HEADER = ",".join(COLUMNS)
ROWS = [
    "8850999220017,TX-1,ผ้าไหมมัดหมี่,Mudmee silk,textile,กลุ่มทอผ้า,2500.00,cloth,no,yes,4,3",
    ",hb-2,ยาหม่องสมุนไพร,Herbal balm,herbal,กลุ่มสมุนไพร,45.00,jar,no,yes,3,40",
    ",FD-3,หอมแดงศรีสะเกษ,Red shallots,food,กลุ่มเกษตร,89.00,kg,yes,no,,12.500",
]


def csv_text(*rows: str) -> io.StringIO:
    return io.StringIO("\n".join([HEADER, *rows]) + "\n")


def test_import_creates_products_producers_and_codes() -> None:
    uow = FakeUnitOfWork()
    report = import_catalog(lambda: uow, csv_text(*ROWS))
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    assert report.new_producers == ["กลุ่มทอผ้า", "กลุ่มสมุนไพร", "กลุ่มเกษตร"]
    with uow:
        balm = uow.catalog.product_by_sku("HB-2")  # SKUs are upper-cased
        shallots = uow.catalog.product_by_sku("FD-3")
    assert balm is not None and shallots is not None
    assert balm.barcode is not None and balm.barcode.startswith("20")
    assert canonical_gtin(balm.barcode) == balm.barcode
    assert shallots.barcode is not None and plu_of(shallots.barcode, BarcodeRules()) == 1
    assert report.assigned_codes == {"HB-2": balm.barcode, "FD-3": shallots.barcode}


def test_a_bad_row_changes_nothing() -> None:
    uow = FakeUnitOfWork()
    import_catalog(lambda: uow, csv_text(ROWS[0]))
    before = uow.committed
    bad = ROWS[1].replace("45.00", "-1")
    with pytest.raises(CatalogImportError) as raised:
        import_catalog(lambda: uow, csv_text(ROWS[0].replace("2500.00", "1.00"), bad))
    assert [str(p) for p in raised.value.problems] == ["row 3, price: is negative (-1)"]
    assert "nothing was imported" in str(raised.value)
    assert uow.committed is before and uow.commits == 1


def test_a_barcode_of_another_product_in_the_store_is_refused() -> None:
    uow = FakeUnitOfWork()
    import_catalog(lambda: uow, csv_text(ROWS[0]))
    stolen = "8850999220017" + ROWS[1]
    with pytest.raises(CatalogImportError, match="row 2, barcode: 8850999220017 already belongs"):
        import_catalog(lambda: uow, csv_text(stolen))


def test_reimport_keeps_codes_and_counts_unchanged() -> None:
    uow = FakeUnitOfWork()
    import_catalog(lambda: uow, csv_text(*ROWS))
    first = io.StringIO()
    export_catalog(lambda: uow, first)
    report = import_catalog(lambda: uow, csv_text(*ROWS))  # codes still empty in the file
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert report.assigned_codes == {}
    again = io.StringIO()
    export_catalog(lambda: uow, again)
    assert again.getvalue() == first.getvalue()
