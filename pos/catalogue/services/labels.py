"""Products for barcode labels: look them up by SKU and give in-store codes to goods without one.

An item with no barcode of its own gets an in-store EAN-13 (the in-store prefix,
default 20, then a serial from the same counter the catalogue import uses), saved
in the same transaction, so the label printed and the code the till scans agree.
Unknown SKUs refuse the whole request and change nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from pos.catalogue.domain.barcodes import instore_code
from pos.catalogue.domain.products import Product
from pos.catalogue.services.csv_import import INSTORE_COUNTER
from pos.unit_of_work import UnitOfWork


class LabelError(ValueError):
    """A label request that cannot be done; the message names the SKUs."""


def products_for_labels(
    uow_factory: Callable[[], UnitOfWork], skus: Sequence[str]
) -> list[Product]:
    """The products in the order asked, each with a barcode (assigning in-store codes)."""
    wanted = [sku.strip().upper() for sku in skus]
    with uow_factory() as uow:
        found = {sku: uow.catalog.product_by_sku(sku) for sku in dict.fromkeys(wanted)}
        unknown = [sku for sku, product in found.items() if product is None]
        if unknown:
            raise LabelError(f"unknown SKU(s): {', '.join(unknown)}; nothing was printed")
        products = {sku: p for sku, p in found.items() if p is not None}
        needing = [p for p in products.values() if not p.barcode]
        weighed = [p.sku for p in needing if p.sold_by_weight]
        if weighed:
            raise LabelError(
                f"{', '.join(weighed)} sold by weight but without a scale code: import the "
                "catalogue with an empty barcode to assign one"
            )
        if needing:
            rules = uow.settings.load().barcode_rules
            serials = uow.counters.reserve(INSTORE_COUNTER, len(needing))
            coded = [
                dataclasses.replace(p, barcode=instore_code(rules, serial))
                for p, serial in zip(needing, serials, strict=True)
            ]
            uow.catalog.save_products(coded, {})
            products.update({p.sku: p for p in coded})
            uow.commit()
    return [products[sku] for sku in wanted]
