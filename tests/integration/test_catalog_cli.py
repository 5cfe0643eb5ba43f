"""The command line on a real store: init, import (all or nothing), export round trip."""

from __future__ import annotations

import csv
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from pos.catalogue.domain.barcodes import canonical_gtin
from pos.catalogue.domain.csv_format import COLUMNS
from pos.store.database import DATABASE_FILENAME
from resources import resource_path

HEADER = ",".join(COLUMNS)
PROJECT = Path(__file__).resolve().parents[2]


def dump(data_dir: Path) -> list[str]:
    """Every row of the store, to show that a refused import changed nothing."""
    connection = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    data_dir = tmp_path / "store"
    assert main(["--data-dir", str(data_dir), "init", "--demo"]) == 0
    return data_dir


def test_init_demo_loads_the_catalogue_once(demo_dir: Path, capsys: pytest.CaptureFixture[str]):
    counts = (
        sqlite3.connect(demo_dir / DATABASE_FILENAME)
        .execute(
            "SELECT (SELECT count(*) FROM product), (SELECT count(*) FROM producer_group),"
            " (SELECT count(*) FROM app_user), (SELECT count(DISTINCT category) FROM product)"
        )
        .fetchone()
    )
    assert counts[0] >= 150 and counts[1] >= 20 and counts[2] == 2 and counts[3] == 5
    capsys.readouterr()
    assert main(["--data-dir", str(demo_dir), "init", "--demo"]) == 0
    assert "demo not loaded: the store already has products" in capsys.readouterr().out


def test_every_product_has_a_valid_unique_code(demo_dir: Path) -> None:
    rows = (
        sqlite3.connect(demo_dir / DATABASE_FILENAME)
        .execute("SELECT barcode, sold_by_weight, plu FROM product")
        .fetchall()
    )
    codes = [code for code, _, _ in rows]
    assert None not in codes and len(set(codes)) == len(codes)
    assert all(canonical_gtin(code) == code for code in codes)
    assert all(plu is not None for _, weighed, plu in rows if weighed)


def test_export_import_export_round_trips_exactly(demo_dir: Path, tmp_path: Path) -> None:
    first, second, third = (tmp_path / f"{n}.csv" for n in ("first", "second", "third"))
    assert main(["--data-dir", str(demo_dir), "catalog", "export", str(first)]) == 0
    before = dump(demo_dir)
    assert main(["--data-dir", str(demo_dir), "catalog", "import", str(first)]) == 0
    assert dump(demo_dir) == before
    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "init"]) == 0
    assert main(["--data-dir", str(fresh), "catalog", "import", str(first)]) == 0
    assert main(["--data-dir", str(fresh), "catalog", "export", str(second)]) == 0
    assert main(["--data-dir", str(demo_dir), "catalog", "export", str(third)]) == 0
    assert second.read_bytes() == first.read_bytes() == third.read_bytes()
    with first.open(encoding="utf-8", newline="") as stream:
        assert next(csv.reader(stream)) == list(COLUMNS)


def good_row(sku: str, barcode: str = "") -> str:
    return f"{barcode},{sku},ผ้าขาวม้า,Loincloth,textile,กลุ่มใหม่,150.00,cloth,no,yes,3,10"


BAD_FILES = {
    "check digit": (good_row("N-1", "8850999220018"), "row 3, barcode:", "should be 7"),
    "duplicate barcode": (
        good_row("N-1", "8850999220017") + "\n" + good_row("N-2", "8850999220017"),
        "row 4, barcode:",
        "already used on row 3",
    ),
    "duplicate sku": (good_row("N-1") + "\n" + good_row("n-1"), "row 4, sku:", "on row 3"),
    "negative price": (good_row("N-1").replace("150.00", "-150.00"), "row 3, price:", "negative"),
    "malformed price": (good_row("N-1").replace("150.00", "15O"), "row 3, price:", "not an amount"),
    "unknown category": (good_row("N-1").replace("textile", "toys"), "row 3, category:", "toys"),
    "unknown unit": (good_row("N-1").replace("cloth", "roll"), "row 3, unit:", "roll"),
    "bad flag": (good_row("N-1").replace(",no,yes,", ",no,perhaps,"), "row 3, vat:", "yes or no"),
    "bad stars": (good_row("N-1").replace(",3,10", ",9,10"), "row 3, otop_stars:", "0 to 5"),
    "empty sku": (good_row(""), "row 3, sku:", "is empty"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_row_aborts_the_import_naming_it_and_changes_nothing(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    rows, where, what = BAD_FILES[kind]
    path = tmp_path / "bad.csv"
    path.write_text(f"{HEADER}\n{good_row('OK-1')}\n{rows}\n", encoding="utf-8")
    before = dump(demo_dir)
    capsys.readouterr()
    assert main(["--data-dir", str(demo_dir), "catalog", "import", str(path)]) == 1
    error = capsys.readouterr().err
    assert where in error and what in error and "nothing was imported" in error
    assert dump(demo_dir) == before


def test_a_barcode_already_in_the_store_is_refused(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = (
        sqlite3.connect(demo_dir / DATABASE_FILENAME)
        .execute("SELECT barcode, sku FROM product WHERE barcode LIKE '885%' LIMIT 1")
        .fetchone()
    )
    path = tmp_path / "steal.csv"
    path.write_text(f"{HEADER}\n{good_row('NEW-1', taken[0])}\n", encoding="utf-8")
    assert main(["--data-dir", str(demo_dir), "catalog", "import", str(path)]) == 1
    assert (
        f"row 2, barcode: {taken[0]} already belongs to SKU {taken[1]}" in capsys.readouterr().err
    )


def test_a_file_that_is_not_utf8_is_refused(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tis620.csv"
    path.write_bytes(f"{HEADER}\n{good_row('N-1')}\n".encode("cp874"))
    assert main(["--data-dir", str(demo_dir), "catalog", "import", str(path)]) == 1
    assert "row 2: the file is not UTF-8" in capsys.readouterr().err


def test_import_updates_and_reports(demo_dir: Path, tmp_path: Path, capsys) -> None:
    exported = tmp_path / "all.csv"
    main(["--data-dir", str(demo_dir), "catalog", "export", str(exported)])
    lines = exported.read_text(encoding="utf-8").splitlines()
    first = next(csv.reader([lines[1]]))
    first[6] = "1.00"
    changed = tmp_path / "changed.csv"
    with changed.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\n").writerows([COLUMNS, first])
    capsys.readouterr()
    assert main(["--data-dir", str(demo_dir), "catalog", "import", str(changed)]) == 0
    assert "0 new, 1 updated, 0 unchanged" in capsys.readouterr().out


def test_commands_need_an_initialised_store(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "catalog", "export", "x.csv"]) == 3
    assert "run 'otop-pos init' first" in capsys.readouterr().err


def test_environment_variable_chooses_the_data_dir(tmp_path: Path) -> None:
    data_dir = tmp_path / "from-env"
    env = {"OTOP_POS_DATA": str(data_dir), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), "init"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert (data_dir / DATABASE_FILENAME).exists()


def test_console_script_is_the_same_program_and_documents_its_commands() -> None:
    script = shutil.which("otop-pos", path=str(Path(sys.executable).parent))
    assert script is not None
    via_script = subprocess.run([script, "--help"], capture_output=True, text=True, check=True)
    via_main = subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert via_script.stdout == via_main.stdout
    for word in ("init", "catalog", "--data-dir", "OTOP_POS_DATA"):
        assert word in via_script.stdout
    catalog_help = subprocess.run(
        [script, "catalog", "import", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "all or nothing" in catalog_help.replace("\n", " ")


def test_demo_files_are_shipped() -> None:
    for name in ("producers.csv", "catalogue.csv", "users.csv"):
        assert resource_path("demo", name).stat().st_size > 0
