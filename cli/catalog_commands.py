"""``otop-pos init`` and ``otop-pos catalog import|export``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from cli.common import EXIT_OK, CommandError, Subcommands, open_store
from pos.adapters.data_dir import resolve_data_dir
from pos.bootstrap import initialise
from pos.catalogue.domain.csv_format import decode_csv_bytes
from pos.catalogue.services.csv_import import CatalogImportError, export_catalog, import_catalog

IMPORT_HELP = """\
Add or update products (by SKU) from a CSV file, all or nothing: any bad row
aborts the import with every problem listed by row and field, and nothing
is changed.

The file is UTF-8 with a header row and these columns:
  barcode         EAN-13, EAN-8 or UPC-A with a valid check digit;
                  empty = keep the product's code, or assign an in-store code
  sku             the product's own code (upper-cased)
  name_th, name_en
  category        food, beverage, textile, household or herbal
  producer        the producer group's Thai name (new names are created)
  price           baht, up to 2 decimals; per kg when sold by weight
  unit            piece, kg, metre, bottle, bag, box, pack, set, jar, cloth,
                  garment, pair, bar, tube, basket (or the Thai word)
  sold_by_weight  yes/no (then the unit is kg)
  vat             yes/no (no = VAT-exempt goods, e.g. raw produce)
  otop_stars      0-5, empty = not rated
  stock           whole number; kg with up to 3 decimals when sold by weight
Rows are numbered as in a spreadsheet: the header is row 1."""


def add_catalog_parser(commands: Subcommands) -> None:
    catalog = commands.add_parser("catalog", help="import or export the catalogue as CSV")
    actions = catalog.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import",
        help="add or update products from a CSV file (all or nothing)",
        description=IMPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    importing.add_argument("file", type=Path, metavar="FILE.csv")
    importing.set_defaults(handler=run_import)
    exporting = actions.add_parser("export", help="write the whole catalogue to a CSV file")
    exporting.add_argument("file", type=Path, metavar="FILE.csv")
    exporting.add_argument(
        "--excel",
        action="store_true",
        help="for a spreadsheet: a byte-order mark so Excel shows Thai, and a ' before any"
        " cell that starts with = + - @ (so it is never run as a formula); import the"
        " plain export, not this one",
    )
    exporting.set_defaults(handler=run_export)


def run_init(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    context, report = initialise(data_dir, demo=args.demo)
    migration = context.migration
    context.close()
    if migration and migration.from_revision != migration.to_revision:
        start = migration.from_revision or "empty"
        print(f"store {data_dir}: schema {start} → {migration.to_revision}")
        if migration.backup:
            print(f"  a copy of the old store is at {migration.backup}")
    else:
        print(f"store {data_dir}: up to date")
    if report is not None:
        print(f"demo loaded: {report.summary()}")
    elif args.demo:
        print("demo not loaded: the store already has products or users")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    try:
        stream = decode_csv_bytes(args.file.read_bytes())
    except OSError as error:
        raise CommandError(f"cannot read {args.file}: {error.strerror}") from None
    except ValueError as error:
        raise CommandError(f"{args.file}: {error}; nothing was imported") from None
    context = open_store(args)
    try:
        report = import_catalog(context.uow_factory, stream)
    except CatalogImportError as error:
        raise CommandError(f"{args.file}: {error}") from None
    finally:
        context.close()
    print(f"imported {args.file}: {report.summary()}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """Write beside the target and rename, so a failure never leaves half a file."""
    context = open_store(args)
    partial = args.file.with_name(args.file.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8-sig" if args.excel else "utf-8", newline="") as out:
            count = export_catalog(context.uow_factory, out, spreadsheet=args.excel)
        os.replace(partial, args.file)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CommandError(f"cannot write {args.file}: {error.strerror}") from None
    finally:
        context.close()
    print(f"exported {count} products to {args.file}")
    return EXIT_OK
