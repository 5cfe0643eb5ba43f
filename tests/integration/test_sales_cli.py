"""``otop-pos simulate`` and ``otop-pos sales export`` on a real store, checked against SQL."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from cli.main import main
from pos.money import format_baht
from pos.store.database import DATABASE_FILENAME
from tests.integration.store_checks import assert_store_consistent

DAY = "2021-03-01"


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("sim") / "store"
    assert main(["--data-dir", str(data_dir), "init", "--demo"]) == 0
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "simulate",
                "--days",
                "2",
                "--sales-per-day",
                "60",
                "--seed",
                "5",
                "--return-rate",
                "0.08",
                "--void-rate",
                "0.03",
            ]
        )
        == 0
    )
    return data_dir


def export(data_dir: Path, capsys: pytest.CaptureFixture[str], fmt: str = "json") -> str:
    capsys.readouterr()
    assert (
        main(["--data-dir", str(data_dir), "sales", "export", "--date", DAY, "--format", fmt]) == 0
    )
    return capsys.readouterr().out


def sql(data_dir: Path, query: str) -> Any:
    with sqlite3.connect(data_dir / DATABASE_FILENAME) as connection:
        return connection.execute(query).fetchone()[0]


def test_simulate_rings_up_whole_sales_of_every_kind(simulated: Path) -> None:
    assert assert_store_consistent(simulated) == 120
    kinds = {
        row
        for (row,) in sqlite3.connect(simulated / DATABASE_FILENAME).execute(
            "SELECT DISTINCT kind FROM sale_tender"
        )
    }
    assert kinds == {"cash", "promptpay", "card", "scheme"}
    assert sql(simulated, "SELECT count(*) FROM credit_note WHERE kind = 'void'") >= 1
    assert sql(simulated, "SELECT count(*) FROM credit_note WHERE kind = 'return'") >= 1
    assert sql(simulated, "SELECT count(*) FROM sale_line WHERE sold_by_weight") >= 1
    hours = sql(simulated, "SELECT min(sold_at_utc) || ' ' || max(sold_at_utc) FROM sale")
    first, last = (int(stamp[11:13]) + 7 for stamp in hours.split())  # UTC → Thai hour
    assert first >= 8 and last < 18


def test_the_json_export_matches_the_store(
    simulated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(export(simulated, capsys))
    where = f"WHERE business_date = '{DAY}'"
    assert data["format"] == "otop-pos-sales/1" and data["date"] == DAY
    totals = data["totals"]
    assert (
        totals["sales"]
        == len(data["sales"])
        == sql(simulated, f"SELECT count(*) FROM sale {where}")
    )
    assert totals["sales_satang"] == sql(simulated, f"SELECT sum(total_satang) FROM sale {where}")
    assert totals["credit_notes"] == sql(simulated, f"SELECT count(*) FROM credit_note {where}")
    assert totals["refunds_satang"] == sql(
        simulated, f"SELECT coalesce(sum(total_satang), 0) FROM credit_note {where}"
    )
    scheme_government = sql(
        simulated,
        "SELECT sum(government_share_satang) FROM sale_tender t"
        f" JOIN sale s ON s.id = t.sale_id {where}",
    )
    assert sum(v["government_share_satang"] for v in totals["by_scheme"].values()) == (
        scheme_government
    )
    assert (
        sum(totals["by_tender"].values()) == totals["sales_satang"] + totals["cash_rounding_satang"]
    )
    for sale in data["sales"]:
        assert sale["sold_at"].startswith(DAY) and sale["sold_at"].endswith("+07:00")
        assert sum(line["total_satang"] for line in sale["lines"]) == sale["total_satang"]
        assert sum(t["amount_satang"] for t in sale["tenders"]) == sale["paid_satang"]
        for tender in sale["tenders"]:
            if tender["kind"] == "scheme":
                assert tender["government_share_expected_on"] == "2021-03-02"  # Mon → Tue
    note = data["credit_notes"][0]
    assert note["number"].startswith("POS01-CN-") and note["sale_receipt_number"]
    assert sum(r["amount_satang"] for r in note["refunds"]) == note["total_satang"]


def test_the_csv_export_has_the_same_records(
    simulated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(export(simulated, capsys))
    rows = list(csv.DictReader(io.StringIO(export(simulated, capsys, "csv"))))
    by_record: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_record.setdefault(row["record"], []).append(row)
    assert len(by_record["sale"]) == len(data["sales"])
    assert len(by_record["line"]) == sum(len(s["lines"]) for s in data["sales"])
    assert len(by_record["tender"]) == sum(len(s["tenders"]) for s in data["sales"])
    assert len(by_record["credit_note"]) == len(data["credit_notes"])
    assert len(by_record["refund"]) == sum(len(n["refunds"]) for n in data["credit_notes"])
    money = re.compile(r"^-?\d+\.\d\d$")
    assert all(money.match(row["amount"]) for row in by_record["line"] + by_record["tender"])
    first_line = data["sales"][0]["lines"][0]
    assert by_record["line"][0]["name_th"] == first_line["name_th"]  # Thai survives
    assert by_record["sale"][0]["amount"] == format_baht(
        data["sales"][0]["total_satang"], grouping=False
    )


def test_export_to_a_file_and_a_day_without_sales(
    simulated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "day.json"
    assert (
        main(
            [
                "--data-dir",
                str(simulated),
                "sales",
                "export",
                "--date",
                DAY,
                "--output",
                str(target),
            ]
        )
        == 0
    )
    assert "exported 60 sales" in capsys.readouterr().err
    assert json.loads(target.read_text(encoding="utf-8"))["totals"]["sales"] == 60
    assert main(["--data-dir", str(simulated), "sales", "export", "--date", "2020-01-01"]) == 0
    empty = json.loads(capsys.readouterr().out)
    assert empty["sales"] == [] and empty["credit_notes"] == [] and empty["totals"]["sales"] == 0


def test_bad_usage_and_an_empty_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["sales", "export", "--date", "05/07/2021"])
    assert exited.value.code == 2 and "is not a date like 2021-07-05" in capsys.readouterr().err
    empty = tmp_path / "empty"
    assert main(["--data-dir", str(empty), "init"]) == 0
    assert main(["--data-dir", str(empty), "simulate", "--days", "1", "--sales-per-day", "1"]) == 1
    assert "run 'otop-pos init --demo'" in capsys.readouterr().err


def test_simulating_again_with_the_same_seed_sells_nothing_twice(tmp_path: Path) -> None:
    data_dir = tmp_path / "store"
    assert main(["--data-dir", str(data_dir), "init", "--demo"]) == 0
    run = [
        "--data-dir",
        str(data_dir),
        "simulate",
        "--days",
        "1",
        "--sales-per-day",
        "15",
        "--seed",
        "9",
        "--return-rate",
        "0",
        "--void-rate",
        "0",
    ]
    assert main(run) == 0 and main(run) == 0
    assert assert_store_consistent(data_dir) == 15
