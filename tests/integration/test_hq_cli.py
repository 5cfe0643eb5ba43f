"""``otop-pos hq …`` on a real PostgreSQL database: terminals, catalogue, staff, refusals."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from cli.main import main
from hq.bootstrap import open_hq
from hq.services.catalogue import changes_after
from hq.services.terminals import authenticate
from pos.sync.wire import ChangeEntity
from tests.postgres import connect


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def feed(url: str) -> list[tuple[ChangeEntity, str]]:
    context = open_hq(url, pool_size=1)
    try:
        page = changes_after(context.uow_factory, 0, 5000)
    finally:
        context.close()
    return [(change.entity, change.key) for change in page.changes]


def test_a_terminal_token_is_shown_once_works_and_can_be_revoked(
    hq_database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "hq", "add-terminal", "POS01", "--db", hq_database_url)
    assert code == 0
    token = re.search(r"otop_\S+", out)
    assert token is not None
    context = open_hq(hq_database_url, pool_size=1)
    try:
        terminal = authenticate(context.uow_factory, token.group())
        assert terminal is not None and terminal.name == "POS01"
        code, _, err = run(capsys, "hq", "add-terminal", "POS01", "--db", hq_database_url)
        assert code == 1 and "exists (active)" in err and "--new-token" in err
        assert run(capsys, "hq", "revoke-terminal", "POS01", "--db", hq_database_url)[0] == 0
        assert authenticate(context.uow_factory, token.group()) is None
        code, out, _ = run(capsys, "hq", "list-terminals", "--db", hq_database_url)
        assert code == 0 and re.search(r"POS01\s+revoked 20\d\d-", out)
    finally:
        context.close()
    with connect(hq_database_url) as connection:
        stored = connection.execute("SELECT token_sha256 FROM terminal").fetchone()
    assert stored is not None and token.group() not in stored[0] and len(stored[0]) == 64


def test_the_database_comes_from_the_environment_or_the_command_is_refused(
    hq_database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OTOP_HQ_DB", raising=False)
    code, _, err = run(capsys, "hq", "list-terminals")
    assert code == 2 and "OTOP_HQ_DB" in err
    monkeypatch.setenv("OTOP_HQ_DB", hq_database_url)
    assert run(capsys, "hq", "list-terminals")[0] == 0
    code, _, err = run(capsys, "hq", "list-terminals", "--db", "sqlite:///hq.db")
    assert code == 3 and "needs PostgreSQL" in err


def test_a_newer_database_is_refused_with_exit_3(
    hq_database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with connect(hq_database_url) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'hq_9999_future'")
    code, _, err = run(capsys, "hq", "add-terminal", "POS01", "--db", hq_database_url)
    assert code == 3 and "newer" in err
    with connect(hq_database_url) as connection:
        assert connection.execute("SELECT count(*) FROM terminal").fetchone() == (0,)


def test_init_demo_puts_the_whole_demo_in_the_feed(
    empty_database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "hq", "init", "--demo", "--db", empty_database_url)
    assert code == 0 and "194 new" in out
    entities = [entity for entity, _ in feed(empty_database_url)]
    assert entities.count(ChangeEntity.PRODUCER) == 21
    assert entities.count(ChangeEntity.PRODUCT) == 194
    assert entities.count(ChangeEntity.USER) == 2


def test_a_bad_catalogue_file_changes_nothing_and_names_the_row(
    hq_database_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "barcode,sku,name_th,name_en,category,producer,price,unit,sold_by_weight,vat,"
        "otop_stars,stock\n,TX-1,ผ้า,Cloth,textile,กลุ่ม,abc,cloth,no,yes,,1\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "hq", "catalog", "import", str(bad), "--db", hq_database_url)
    assert code == 1 and "row 2, price" in err and "nothing was imported" in err
    assert feed(hq_database_url) == []


def test_producer_vat_status_and_staff_changes_reach_the_feed(
    hq_database_url: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    producers = tmp_path / "producers.csv"
    producers.write_text(
        "name_th,name_en,district,vat_registered,tax_id,branch\n"
        "กลุ่มทอผ้าบ้านหนองบัว,Nong Bua Weavers,ขุขันธ์,no,,\n",
        encoding="utf-8",
    )
    db = ("--db", hq_database_url)
    assert run(capsys, "hq", "producers", "import", str(producers), *db)[0] == 0
    assert run(capsys, "hq", "producers", "import", str(producers), *db)[1].startswith(
        f"imported {producers}: 0 producer"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    code, _, err = run(capsys, "hq", "user", "add", "มานี", "--role", "cashier", "--pin-stdin", *db)
    assert code == 1 and "4 to 8 digits" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("2580\n"))
    assert run(capsys, "hq", "user", "add", "มานี", "--role", "cashier", "--pin-stdin", *db)[0] == 0
    assert run(capsys, "hq", "user", "deactivate", "มานี", *db)[0] == 0
    assert feed(hq_database_url) == [
        (ChangeEntity.PRODUCER, "กลุ่มทอผ้าบ้านหนองบัว"),
        (ChangeEntity.USER, "มานี"),
        (ChangeEntity.USER, "มานี"),
    ]
