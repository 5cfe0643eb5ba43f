"""The catalogue repository: lookups, search, saving and the unique codes, on both adapters."""

from __future__ import annotations

import dataclasses

import pytest

from pos.catalogue.domain.products import Category
from tests.contracts.conftest import UowFactory
from tests.factories import SMALL_GROUP, VAT_SELLER, make_product

SILK = make_product("TX-SILK-0001", 250_000, barcode="8850000000011", name_th="ผ้าไหมมัดหมี่")
SCARF = make_product("TX-SCRF-0002", 45_000, barcode="2000000000022", name_th="ผ้าพันคอไหม")
CHIPS = dataclasses.replace(
    make_product("FD-DURI-0001", 12_000, seller=VAT_SELLER, name_th="ทุเรียนทอด"),
    category=Category.FOOD,
    barcode="2000000000039",
)


@pytest.fixture
def stocked(uow_factory: UowFactory) -> UowFactory:
    with uow_factory() as uow:
        uow.catalog.add_producers([VAT_SELLER, SMALL_GROUP])
        uow.catalog.save_products([SILK, SCARF, CHIPS], {"FD-DURI-0001": 17})
        uow.commit()
    return uow_factory


def test_products_are_found_by_every_key(stocked: UowFactory) -> None:
    with stocked() as uow:
        assert uow.catalog.product_by_sku("TX-SILK-0001") == SILK
        assert uow.catalog.product_by_barcode("2000000000022") == SCARF
        assert uow.catalog.product_by_plu(17) == CHIPS
        assert uow.catalog.product_by_sku("NOPE") is None
        assert uow.catalog.product_by_plu(99) is None
        assert uow.catalog.count_products() == 3
        assert [p.sku for p in uow.catalog.all_products()] == [
            "FD-DURI-0001",
            "TX-SCRF-0002",
            "TX-SILK-0001",
        ]
        assert [p.name_th for p in uow.catalog.producers()] == sorted(
            [VAT_SELLER.name_th, SMALL_GROUP.name_th]
        )
        assert uow.catalog.barcode_owners() == {
            "8850000000011": "TX-SILK-0001",
            "2000000000022": "TX-SCRF-0002",
            "2000000000039": "FD-DURI-0001",
        }
        assert uow.catalog.plu_owners() == {17: "FD-DURI-0001"}


def test_search_matches_every_word(stocked: UowFactory) -> None:
    with stocked() as uow:
        assert [p.sku for p in uow.catalog.search_products("ไหม")] == [
            "TX-SCRF-0002",
            "TX-SILK-0001",
        ]
        assert [p.sku for p in uow.catalog.search_products("tx-silk-0001")] == ["TX-SILK-0001"]
        assert uow.catalog.search_products("   ") == []
        assert len(uow.catalog.search_products("ไหม", limit=1)) == 1


def test_in_store_labels_by_category(stocked: UowFactory) -> None:
    with stocked() as uow:
        assert [p.sku for p in uow.catalog.instore_products(Category.TEXTILE, 0, 10)] == [
            "TX-SCRF-0002"
        ]
        assert [p.sku for p in uow.catalog.instore_products(Category.FOOD, 0, 10)] == [
            "FD-DURI-0001"
        ]
        assert uow.catalog.instore_products(Category.FOOD, 1, 10) == []


def test_saving_again_replaces_and_moves_the_plu(stocked: UowFactory) -> None:
    dearer = dataclasses.replace(SILK, unit_price_satang=260_000)
    with stocked() as uow:
        uow.catalog.save_products([dearer], {"TX-SILK-0001": 18})
        uow.commit()
    with stocked() as uow:
        assert uow.catalog.product_by_sku("TX-SILK-0001") == dearer
        assert uow.catalog.plu_owners() == {17: "FD-DURI-0001", 18: "TX-SILK-0001"}
        uow.catalog.save_products([CHIPS], {})
        uow.commit()
    with stocked() as uow:
        assert uow.catalog.plu_owners() == {18: "TX-SILK-0001"}


def test_a_barcode_belongs_to_one_product(stocked: UowFactory) -> None:
    clash = make_product("TX-OTHR-0003", 1_000, barcode="8850000000011")

    def save() -> None:
        with stocked() as uow:
            uow.catalog.save_products([clash], {})
            uow.commit()

    with pytest.raises(Exception):  # noqa: B017, PT011 - the fake's ValueError, SQLite's IntegrityError
        save()
    with stocked() as uow:
        assert uow.catalog.product_by_barcode("8850000000011") == SILK


def test_uncommitted_products_are_not_kept(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.catalog.add_producers([SMALL_GROUP])
        uow.catalog.save_products([SILK], {})
    with uow_factory() as uow:
        assert uow.catalog.count_products() == 0 and uow.catalog.producers() == []
