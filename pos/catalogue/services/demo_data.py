"""Loading the demo data shipped in ``resources/demo``: producers, catalogue, users.

The demo is loaded only into an empty store (no products, no users), through
the same import service as a manager's CSV, so it doubles as a check of that
service on realistic data.  Demo PINs are in the README; they are hashed here.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pos.catalogue.domain.products import ProducerGroup
from pos.catalogue.services.csv_import import ImportReport, apply_catalog_csv
from pos.staff.services.pins import new_user
from pos.thai_id import validate_thai_id
from pos.unit_of_work import CatalogueUnitOfWork


@dataclass(frozen=True)
class DemoFiles:
    producers_csv: Path
    catalogue_csv: Path
    users_csv: Path


def read_producers_csv(path: Path) -> list[ProducerGroup]:
    """Producer groups from ``name_th,name_en,district,vat_registered,tax_id,branch``."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        records = list(csv.DictReader(stream))
    producers = []
    for row_number, record in enumerate(records, start=2):
        tax_id = record["tax_id"].strip() or None
        try:
            tax_id = validate_thai_id(tax_id) if tax_id else None
        except ValueError as error:
            raise ValueError(f"{path.name} row {row_number}, tax_id: {error}") from None
        producers.append(
            ProducerGroup(
                name_th=record["name_th"].strip(),
                name_en=record["name_en"].strip(),
                district=record["district"].strip(),
                vat_registered=record["vat_registered"].strip().lower() == "yes",
                tax_id=tax_id,
                branch=record["branch"].strip() or None,
            )
        )
    return producers


def load_demo(
    uow_factory: Callable[[], CatalogueUnitOfWork], files: DemoFiles
) -> ImportReport | None:
    """Load the demo into an empty store in one transaction; ``None`` if it has data already."""
    with uow_factory() as uow:
        if uow.catalog.count_products() or uow.users.active_users():
            return None
        uow.catalog.add_producers(read_producers_csv(files.producers_csv))
        with files.catalogue_csv.open(encoding="utf-8-sig", newline="") as stream:
            report = apply_catalog_csv(uow, stream)
        with files.users_csv.open(encoding="utf-8", newline="") as stream:
            for record in csv.DictReader(stream):
                uow.users.add(new_user(record["name"], record["role"], record["pin"]))
        uow.commit()
        return report
