"""``otop-pos shift …`` and ``otop-pos report …`` on a real store, headless end to end."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from cli.main import main
from pos.store.database import DATABASE_FILENAME
from receipts.escpos_decode import decode

CASHIER, MANAGER = "สมหญิง ใจดี", "ประเสริฐ ทองดี"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    data_dir = tmp_path / "store"
    assert main(["--data-dir", str(data_dir), "init", "--demo"]) == 0
    return data_dir


def cli(
    store: Path, *args: str, pin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None
) -> int:
    if pin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    return main(["--data-dir", str(store), *args])


def count(store: Path, sql: str) -> int:
    with sqlite3.connect(store / DATABASE_FILENAME) as connection:
        return int(connection.execute(sql).fetchone()[0])


def test_a_headless_day_open_move_close_and_z(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli(store, "shift", "status") == 0
    assert "no shift is open" in capsys.readouterr().out
    assert cli(store, "report", "x") == 1
    assert "no business day is open" in capsys.readouterr().err
    assert cli(store, "shift", "open", "--user", CASHIER, "--float-count", "100x10 20x25") == 0
    assert "float of 1,500.00" in capsys.readouterr().out
    assert (
        cli(store, "shift", "cash-out", "--user", "1", "--amount", "200", "--reason", "นำเข้าเซฟ")
        == 0
    )
    assert cli(store, "shift", "cash-in", "--user", "1", "--amount", "abc", "--reason", "x") == 1
    assert "is not an amount" in capsys.readouterr().err
    capsys.readouterr()
    assert cli(store, "report", "x", "--json") == 0
    x = json.loads(capsys.readouterr().out)
    assert x["report"] == "x" and x["expected_cash_satang"] == 130_000
    # a blind close 10 baht short: the difference is shown after, and waits for a manager
    assert (
        cli(
            store, "shift", "close", "--user", CASHIER, "--count", "100x12 20x4 10x1", "--card", "0"
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "-10.00" in out and "shift approve --number 1" in out
    assert (
        cli(
            store,
            "report",
            "z",
            "--close",
            "--manager",
            MANAGER,
            "--pin-stdin",
            pin="5678",
            monkeypatch=monkeypatch,
        )
        == 1
    )
    assert "has not approved" in capsys.readouterr().err
    assert (
        cli(
            store,
            "shift",
            "approve",
            "--number",
            "1",
            "--manager",
            MANAGER,
            "--pin-stdin",
            pin="0000",
            monkeypatch=monkeypatch,
        )
        == 1
    )
    assert "PIN is not right" in capsys.readouterr().err
    assert (
        cli(
            store,
            "shift",
            "approve",
            "--number",
            "1",
            "--manager",
            MANAGER,
            "--pin-stdin",
            pin="5678",
            monkeypatch=monkeypatch,
        )
        == 0
    )
    pdf, escpos = tmp_path / "z.pdf", tmp_path / "z.bin"
    assert (
        cli(
            store,
            "report",
            "z",
            "--close",
            "--manager",
            MANAGER,
            "--pin-stdin",
            "--pdf",
            str(pdf),
            "--escpos",
            str(escpos),
            pin="5678",
            monkeypatch=monkeypatch,
        )
        == 0
    )
    assert "POS01-Z-00000001" in capsys.readouterr().err
    assert (
        pdf.read_bytes().startswith(b"%PDF") and decode(escpos.read_bytes()).picture().height > 500
    )
    assert count(store, "SELECT count(*) FROM print_job WHERE document_kind = 'z_report'") == 1
    assert cli(store, "report", "z", "--number", "pos01-z-00000001", "--json") == 0
    z = json.loads(capsys.readouterr().out)
    assert z["z"]["number"] == "POS01-Z-00000001" and z["counted_cash_satang"] == 129_000
    assert z["figures"]["shifts"][0]["approved_by"] == MANAGER


def test_reading_a_z_never_takes_one_and_closing_needs_a_manager(
    store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli(store, "report", "z", "--date", "2021-03-01") == 1
    assert "no Z report was taken" in capsys.readouterr().err
    assert cli(store, "report", "z") == 1
    assert "--number, --date" in capsys.readouterr().err
    assert cli(store, "report", "z", "--close") == 1
    assert "needs --manager" in capsys.readouterr().err
    assert (
        cli(
            store,
            "report",
            "z",
            "--close",
            "--manager",
            CASHIER,
            "--pin-stdin",
            pin="1234",
            monkeypatch=monkeypatch,
        )
        == 1
    )
    assert "is not a manager" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli(store, "report", "z", "--close", "--manager", MANAGER) == 1
    assert "--pin-stdin" in capsys.readouterr().err
    assert count(store, "SELECT count(*) FROM z_report") == 0


def test_date_range_reports_as_text_json_csv_and_pdf(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(store, "simulate", "--days", "2", "--sales-per-day", "25", "--seed", "3") == 0
    capsys.readouterr()
    for kind, heading in (
        ("sales", "ยอดขายตามประเภทสินค้า"),
        ("producers", "ใบแจ้งยอดสินค้าฝากขาย"),
        ("schemes", "กำหนดเงินเข้าบัญชี"),
    ):
        csv_file, pdf_file = tmp_path / f"{kind}.csv", tmp_path / f"{kind}.pdf"
        args = ("report", kind, "--from", "2021-03-01", "--to", "2021-03-02")
        assert cli(store, *args) == 0
        assert heading in capsys.readouterr().out
        assert cli(store, *args, "--csv", str(csv_file), "--pdf", str(pdf_file)) == 0
        assert csv_file.read_text(encoding="utf-8").startswith("section,")
        assert pdf_file.read_bytes().startswith(b"%PDF")
        assert cli(store, *args, "--json") == 0
        assert json.loads(capsys.readouterr().out)["format"] == "otop-pos-report/1"
    assert cli(store, "report", "z", "--from", "2021-03-01", "--to", "2021-03-02") == 0
    assert capsys.readouterr().out.count("รายงานปิดวัน (Z)") == 2
    assert cli(store, "report", "z", "--from", "2021-03-01", "--to", "2021-03-02", "--json") == 1
    assert "2 Z reports match" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["report", "sales", "--from", "1/3/2564", "--to", "2021-03-02"])
    assert exited.value.code == 2
    assert cli(store, "report", "sales", "--from", "2021-03-02", "--to", "2021-03-01") == 1
    assert "ends" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "day"),
    [
        (("report", "sales", "--from", "9999-12-31", "--to", "9999-12-31"), "9999-12-31"),
        (("report", "sales", "--from", "2024-01-01", "--to", "2567-01-31"), "2567-01-31"),
        (("report", "z", "--from", "0001-01-01", "--to", "2024-01-01"), "0001-01-01"),
        (("sales", "export", "--date", "1999-12-31"), "1999-12-31"),
    ],
)
def test_a_date_outside_the_century_is_refused_by_name_not_a_traceback(
    store: Path, args: tuple[str, ...], day: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as refused:
        cli(store, *args)
    assert refused.value.code == 2  # argparse's usage error, as for any malformed option
    err = capsys.readouterr().err
    assert f"{day} is outside 2000-01-01 to 2099-12-31" in err
    assert "Traceback" not in err
