"""Hostile catalogue files against the real command line (a subprocess) and a real SQLite store.

Each file has one good row and one hostile one: the command must exit 1 with one short
line naming the row and the field, print no traceback, and leave the store as it was.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pos.catalogue.domain.csv_format import COLUMNS
from pos.store.database import DATABASE_FILENAME

PROJECT = Path(__file__).resolve().parents[2]
HEADER = ",".join(COLUMNS)
GOOD = "8850999220017,OK-1,ผ้าขาวม้า,Loincloth,textile,กลุ่มใหม่,150.00,cloth,no,yes,3,10"


def row(**fields: str) -> str:
    second = ("", "OK-2", "ผ้าไหม", "Silk", "textile", "กลุ่มใหม่", "99.00")
    second += ("cloth", "no", "yes", "", "5")
    values = dict(zip(COLUMNS, second, strict=True))
    values.update(fields)
    return ",".join(values[column] for column in COLUMNS)


def otop_pos(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def dump(data_dir: Path) -> list[str]:
    connection = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("hostile") / "store"
    assert otop_pos(data_dir, "init").returncode == 0
    return data_dir


HOSTILE = {
    "20-digit price": (row(price="12345678901234567890"), "row 3, price:", "largest price"),
    "20-digit stock": (row(stock="12345678901234567890"), "row 3, stock:", "largest stock"),
    "131,073-character name": (row(name_th="ก" * 131_073), "row 3, name_th:", "longer than 200"),
    "131,073-digit price": (row(price="9" * 131_073), "row 3, price:", "longer than 40"),
    "NUL in a name": (row(name_en="Silk\x00Scarf"), "row 3, name_en:", "NUL"),
    "NUL in the SKU": (row(sku="OK\x002"), "row 3, sku:", "NUL"),
    "terminal escape": (row(producer="กลุ่ม\x1b[2J"), "row 3, producer:", "control"),
    "line break in a name": (row(name_th='"ผ้า\nไหม"'), "row 3, name_th:", "one line"),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_row_is_one_line_naming_row_and_field_and_changes_nothing(
    store: Path, tmp_path: Path, kind: str
) -> None:
    hostile, where, what = HOSTILE[kind]
    path = tmp_path / "hostile.csv"
    path.write_text(f"{HEADER}\n{GOOD}\n{hostile}\n", encoding="utf-8", newline="")
    before = dump(store)
    result = otop_pos(store, "catalog", "import", str(path))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].endswith("1 problem(s), nothing was imported:")
    [problem] = lines[1:]
    assert problem.strip().startswith(where) and what in problem
    assert len(problem) < 200  # the hostile value is never echoed back
    assert dump(store) == before


def test_the_largest_price_and_stock_are_still_taken(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "largest.csv"
    largest = row(sku="BIG-1", price="100000000.00", stock="1000000000")
    path.write_text(f"{HEADER}\n{largest}\n", encoding="utf-8")
    result = otop_pos(store, "catalog", "import", str(path))
    assert result.returncode == 0, result.stderr
    price, stock = (
        sqlite3.connect(store / DATABASE_FILENAME)
        .execute("SELECT unit_price_satang, stock_milli FROM product WHERE sku = 'BIG-1'")
        .fetchone()
    )
    assert (price, stock) == (10_000_000_000, 1_000_000_000_000)


def test_a_lone_surrogate_in_the_bytes_is_refused_naming_its_row(
    store: Path, tmp_path: Path
) -> None:
    """A surrogate written as UTF-8 bytes (ED A0 80) is not UTF-8: the decoder names the row."""
    path = tmp_path / "surrogate.csv"
    hostile = row(name_en="Silk@").encode("utf-8").replace(b"@", b"\xed\xa0\x80")
    path.write_bytes(f"{HEADER}\n{GOOD}\n".encode() + hostile + b"\n")
    before = dump(store)
    result = otop_pos(store, "catalog", "import", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "row 3: the file is not UTF-8 text" in result.stderr
    assert dump(store) == before
