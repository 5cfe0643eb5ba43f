"""``otop-pos users`` on a real SQLite store (issue 13): each command through ``cli.main.main``.

PINs come on standard input (``--pin-stdin``), one a line, as a script would give them;
what was stored, and the audit trail, are read back from the store afterwards.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest

from cli.main import main
from pos.audit import AuditEvent
from pos.bootstrap import initialise, open_context
from pos.clock import THAI_TIME
from pos.staff.domain.users import User
from pos.staff.services.pins import pin_matches

MANAGER, MANAGER_PIN = "ประเสริฐ ทองดี", "5678"  # the demo users (README "Demo users")
CASHIER = "สมหญิง ใจดี"


def users_cmd(data_dir: Path, monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--data-dir", str(data_dir), "users", *args])


def stored_users(data_dir: Path) -> dict[str, User]:
    context = open_context(data_dir)
    try:
        with context.uow_factory() as uow:
            return {user.name: user for user in uow.users.all_users()}
    finally:
        context.close()


def audit(data_dir: Path, prefix: str = "user_") -> list[AuditEvent]:
    context = open_context(data_dir)
    try:
        with context.uow_factory() as uow:
            events = uow.audit.between(
                dt.datetime(2000, 1, 1, tzinfo=THAI_TIME), dt.datetime(2100, 1, 1, tzinfo=THAI_TIME)
            )
    finally:
        context.close()
    return [event for event in events if event.action.value.startswith(prefix)]


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    context, _ = initialise(tmp_path, demo=True)
    context.close()
    return tmp_path


def test_a_manager_adds_a_cashier_who_then_changes_her_pin(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ("add", "--name", "Noi", "--manager", MANAGER, "--pin-stdin")
    assert users_cmd(demo_dir, monkeypatch, *add, stdin=f"{MANAGER_PIN}\n2468\n") == 0
    noi = stored_users(demo_dir)["Noi"]
    assert noi.role == "cashier" and noi.active and pin_matches(noi.pin_hash, "2468")
    own = ("pin", "Noi", "--pin-stdin")
    assert users_cmd(demo_dir, monkeypatch, *own, stdin="2468\n1357\n") == 0
    assert pin_matches(stored_users(demo_dir)["Noi"].pin_hash, "1357")
    assert users_cmd(demo_dir, monkeypatch, "list") == 0
    listing = capsys.readouterr().out
    assert "cashier   active       Noi" in listing and MANAGER in listing
    manager_id = stored_users(demo_dir)[MANAGER].user_id
    assert [(e.action.value, e.user_id, e.reference) for e in audit(demo_dir)] == [
        ("user_added", manager_id, "Noi"),
        ("user_pin_changed", noi.user_id, "Noi"),
    ]


def test_a_wrong_manager_pin_changes_nothing_and_is_audited(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ("add", "--name", "Noi", "--manager", MANAGER, "--pin-stdin")
    assert users_cmd(demo_dir, monkeypatch, *add, stdin="0000\n2468\n") == 1
    assert "PIN is not right" in capsys.readouterr().err
    assert "Noi" not in stored_users(demo_dir)
    assert audit(demo_dir) == []
    (refusal,) = audit(demo_dir, "login_failed")
    assert refusal.detail["where"] == "cli:users add"


@pytest.mark.parametrize(
    ("args", "stdin", "said"),
    [
        (("add", "--name", "Noi"), f"{MANAGER_PIN}\n12\n", "PIN: a PIN is 4 to 8 digits"),
        (("add", "--name", CASHIER), f"{MANAGER_PIN}\n2468\n", "name: there is already"),
        (("add", "--name", "  "), f"{MANAGER_PIN}\n2468\n", "name: a user needs a name"),
        (("deactivate", MANAGER), f"{MANAGER_PIN}\n", "last active manager"),
        (("pin", "Nobody"), f"{MANAGER_PIN}\n2468\n", "user: there is no user 'Nobody'"),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    demo_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    stdin: str,
    said: str,
) -> None:
    before = stored_users(demo_dir)
    full = (*args, "--manager", MANAGER, "--pin-stdin")
    assert users_cmd(demo_dir, monkeypatch, *full, stdin=stdin) == 1
    assert said in capsys.readouterr().err
    assert stored_users(demo_dir) == before and audit(demo_dir) == []


def test_deactivate_reset_and_activate(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    manager = ("--manager", MANAGER, "--pin-stdin")
    assert users_cmd(demo_dir, monkeypatch, "deactivate", CASHIER, *manager, stdin="5678\n") == 0
    assert not stored_users(demo_dir)[CASHIER].active
    reset = ("pin", CASHIER, *manager)
    assert users_cmd(demo_dir, monkeypatch, *reset, stdin="5678\n9753\n") == 0
    assert users_cmd(demo_dir, monkeypatch, "activate", CASHIER, *manager, stdin="5678\n") == 0
    cashier = stored_users(demo_dir)[CASHIER]
    assert cashier.active and pin_matches(cashier.pin_hash, "9753")
    assert [e.action.value for e in audit(demo_dir)] == [
        "user_deactivated",
        "user_pin_reset",
        "user_activated",
    ]


def test_first_manager_of_a_new_shop_only_while_there_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    initialise(tmp_path, demo=False)[0].close()
    first = ("add", "--first-manager", "--name", "Boss", "--pin-stdin")
    assert users_cmd(tmp_path, monkeypatch, *first, stdin="8642\n") == 0
    boss = stored_users(tmp_path)["Boss"]
    assert boss.is_manager and pin_matches(boss.pin_hash, "8642")
    again = ("add", "--first-manager", "--name", "Intruder", "--pin-stdin")
    assert users_cmd(tmp_path, monkeypatch, *again, stdin="1111\n") == 1
    assert "there is already a manager" in capsys.readouterr().err
    assert set(stored_users(tmp_path)) == {"Boss"}
    assert [(e.action.value, e.user_id, e.detail.get("first")) for e in audit(tmp_path)] == [
        ("user_added", boss.user_id, True)
    ]


def test_a_counter_linked_to_a_head_office_says_staff_are_managed_there(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    context = open_context(demo_dir)
    with context.uow_factory() as uow:
        settings = uow.settings.load()
        sync = dataclasses.replace(settings.sync, hq_url="https://hq.example:8700")
        uow.settings.save(settings.replace(sync=sync))
        uow.commit()
    context.close()
    add = ("add", "--name", "Noi", "--manager", MANAGER, "--pin-stdin")
    assert users_cmd(demo_dir, monkeypatch, *add, stdin=f"{MANAGER_PIN}\n2468\n") == 1
    assert "staff are managed at the head office" in capsys.readouterr().err
    assert users_cmd(demo_dir, monkeypatch, "list") == 0
    assert "staff are managed at the head office" in capsys.readouterr().out
    assert "Noi" not in stored_users(demo_dir)
