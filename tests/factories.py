"""Small builders of domain objects for tests."""

from __future__ import annotations

from pos.catalogue.domain.products import Category, ProducerGroup, Product, Unit

VAT_SELLER = ProducerGroup("บริษัท ศรีลำดวน ฟู้ดส์ จำกัด", vat_registered=True, tax_id="0335561000011")
SMALL_GROUP = ProducerGroup("กลุ่มทอผ้าไหมบ้านหนองบัว")


def make_product(
    sku: str = "TX-0001",
    price_satang: int = 35000,
    *,
    seller: ProducerGroup = SMALL_GROUP,
    weighed: bool = False,
    vat: bool = True,
    barcode: str | None = None,
    name_th: str = "ผ้าขาวม้าทอมือ",
) -> Product:
    return Product(
        sku=sku,
        barcode=barcode,
        name_th=name_th,
        name_en="Hand-woven loincloth",
        category=Category.FOOD if weighed else Category.TEXTILE,
        producer=seller,
        unit_price_satang=price_satang,
        unit=Unit.KG if weighed else Unit.CLOTH,
        sold_by_weight=weighed,
        vat_applicable=vat,
    )
